import type { Activity } from 'botbuilder';
import { texts, type BotClient } from './botClient';
import { actionsOf, cardsOf, inputValues } from './conversationHarness';

/**
 * Presses the button with this action on the last card of the replies, as Web Chat and Teams do:
 * the card's inputs as the bot sent them (changed where given) merged with the button's data.
 */
export async function pressButton(
  client: BotClient,
  replies: Partial<Activity>[],
  action: string,
  inputs: Record<string, string> = {},
  extra: Partial<Activity> = {},
): Promise<Partial<Activity>[]> {
  const message = [...replies].reverse().find((reply) => cardsOf([reply]).length > 0);
  const card = message && cardsOf([message])[0];
  const button = card && actionsOf(card).find((candidate) => candidate.data?.action === action);
  if (!card || !button) throw new Error(`No "${action}" button in the replies: ${texts(replies).join(' ')}`);
  const values = button.associatedInputs === 'none' ? {} : { ...inputValues(card), ...inputs };
  return client.send({
    value: { ...values, ...button.data },
    ...(message.id ? { replyToId: message.id } : {}),
    ...extra,
  });
}
