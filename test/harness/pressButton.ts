import type { Activity } from 'botbuilder';
import { texts, type BotClient } from './botClient';
import { actionsOf, cardsOf, inputValues } from './conversationHarness';

/**
 * Presses the button with this action (or whose data has these values) on the last card of the replies, as Web Chat and Teams do:
 * the card's inputs as the bot sent them (changed where given) merged with the button's data.
 */
export async function pressButton(
  client: BotClient,
  replies: Partial<Activity>[],
  action: string | Record<string, string>,
  inputs: Record<string, string> = {},
  extra: Partial<Activity> = {},
): Promise<Partial<Activity>[]> {
  const message = [...replies].reverse().find((reply) => cardsOf([reply]).length > 0);
  const card = message && cardsOf([message])[0];
  const wanted = typeof action === 'string' ? { action } : action;
  const button =
    card &&
    actionsOf(card).find((candidate) =>
      Object.entries(wanted).every(([key, value]) => candidate.data?.[key] === value),
    );
  if (!card || !button) {
    throw new Error(`No ${JSON.stringify(wanted)} button in the replies: ${texts(replies).join(' ')}`);
  }
  const values = button.associatedInputs === 'none' ? {} : { ...inputValues(card), ...inputs };
  return client.send({
    value: { ...values, ...button.data },
    ...(message.id ? { replyToId: message.id } : {}),
    ...extra,
  });
}
