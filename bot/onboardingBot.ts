import {
  ActivityHandler,
  type ConversationState,
  type StatePropertyAccessor,
  type TurnContext,
  type UserState,
} from 'botbuilder';
import { say } from '../services/messages/catalogue';

interface ConversationInfo {
  turns: number;
}

/** Routes commands, card submits and conversation updates; saves state once at the end of a turn. */
export class OnboardingBot extends ActivityHandler {
  private readonly conversationInfo: StatePropertyAccessor<ConversationInfo>;

  constructor(
    private readonly conversationState: ConversationState,
    private readonly userState: UserState,
  ) {
    super();
    this.conversationInfo = conversationState.createProperty<ConversationInfo>('conversationInfo');
    this.onTurn(async (context, next) => {
      const info = await this.conversationInfo.get(context, { turns: 0 });
      info.turns += 1;
      await next();
    });
    this.onMessage(async (context, next) => {
      await context.sendActivity(say('help.text'));
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.conversationState.saveChanges(context);
    await this.userState.saveChanges(context);
  }
}
