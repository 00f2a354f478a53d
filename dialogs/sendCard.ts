import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import type { AdaptiveCardJson } from '../cards/cardModels';

/** Sends an Adaptive Card; answers the id the channel gave the message. */
export async function sendCard(
  context: TurnContext,
  card: AdaptiveCardJson,
  text?: string,
): Promise<string | undefined> {
  const activity = MessageFactory.attachment(CardFactory.adaptiveCard(card), text);
  return (await context.sendActivity(activity))?.id;
}
