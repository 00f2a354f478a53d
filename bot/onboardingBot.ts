import { ActivityHandler, type ConversationState, type TurnContext } from 'botbuilder';
import type { OnboardingConversation } from '../dialogs/onboardingConversation';

/**
 * Routes activities: messages (typed text and card submits) to the conversation, a welcome card
 * to an agent who adds the bot; conversation state is saved once at the end of each turn, and
 * only when it changed.
 */
export class OnboardingBot extends ActivityHandler {
  constructor(
    private readonly conversationState: ConversationState,
    conversation: OnboardingConversation,
  ) {
    super();
    this.onMessage(async (context, next) => {
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
    await this.conversationState.saveChanges(context);
  }
}
