import { ActivityHandler, TurnContext, type BotState } from 'botbuilder';
import type { OnboardingConversation } from '../dialogs/onboardingConversation';

/**
 * Routes activities: messages (typed text and card submits) to the conversation, with the bot's
 * own @mention taken out of the text (group chats and channels in Teams); a welcome card to an
 * agent who adds the bot. Each agent's state (their dialog and draft, per conversation) is saved
 * once at the end of each turn, and only when it changed.
 */
export class OnboardingBot extends ActivityHandler {
  constructor(
    private readonly agentState: BotState,
    conversation: OnboardingConversation,
  ) {
    super();
    this.onMessage(async (context, next) => {
      TurnContext.removeRecipientMention(context.activity);
      await conversation.onMessage(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const agentsAdded = (context.activity.membersAdded ?? []).filter((member) => member.id !== botId);
      if (agentsAdded.length > 0) await conversation.welcome(context);
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.agentState.saveChanges(context);
  }
}
