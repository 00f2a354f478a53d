import { ActivityHandler, TurnContext, type BotState } from 'botbuilder';
import { DialogContextError } from '../dialogs/dialogKit';
import { staleCardMessage } from '../dialogs/cardPrompt';
import type { OnboardingConversation } from '../dialogs/onboardingConversation';
import { setStateCheck } from '../dialogs/stateFreshness';
import { sayTo } from '../dialogs/turnLanguage';
import { StaleStateError, StateConflictError } from './cosmosStateStorage';
import { holdReplies } from './heldReplies';

/**
 * Routes activities: messages (typed text and card submits) to the conversation, with the bot's
 * own @mention taken out of the text (group chats and channels in Teams); a welcome card to an
 * agent who adds the bot. Each agent's state (their dialog and draft, per conversation) is saved
 * once at the end of each turn, only when it changed, and only over the state the turn read. The
 * turn's replies wait for that save: a turn that another turn of the same conversation overtook (a
 * double click, the same card in two windows) is answered as a stale card and changes nothing. A
 * turn that started from a cached state another instance had changed runs once more, on the stored
 * state, and only that run is answered.
 */
export class OnboardingBot extends ActivityHandler {
  constructor(
    /** The agent's choices and their conversation state, saved at the end of each turn in this order. */
    private readonly states: readonly BotState[],
    private readonly conversation: OnboardingConversation,
    /** Throws `StaleStateError` when the turn's conversation state is not the stored one. */
    private readonly confirmStateCurrent: (context: TurnContext) => Promise<void> = async () => {},
  ) {
    super();
    this.onMessage(async (context, next) => {
      TurnContext.removeRecipientMention(context.activity);
      await conversation.onMessage(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      if (isWelcomeDue(context)) {
        await conversation.notePresence(context);
        await conversation.welcome(context);
      }
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await conversation.notePresence(context, { fresh: true });
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      await conversation.uninstalled(context);
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    const replies = holdReplies(context);
    setStateCheck(context, () => this.confirmStateCurrent(context));
    try {
      try {
        await this.runOnce(context);
      } catch (error) {
        if (!(underlying(error) instanceof StaleStateError)) throw error;
        replies.forget();
        for (const state of this.states) await state.load(context, true);
        await this.runOnce(context);
      }
    } catch (error) {
      replies.discard();
      if (!(underlying(error) instanceof StateConflictError)) throw error;
      const fromCard = context.activity.value !== undefined && context.activity.value !== null;
      await context.sendActivity(
        sayTo(context)(fromCard ? staleCardMessage(context, 'card.stale') : 'turn.overtaken'),
      );
      return;
    }
    await replies.release();
  }

  /**
   * One run of the turn. The states are saved in order, the agent's choices first: saving them again
   * (the turn run once more) is harmless, as a choice is the same choice twice. A conversation state
   * served from the cache that the turn did not write is checked before its answer goes out.
   */
  private async runOnce(context: TurnContext): Promise<void> {
    await this.conversation.beginTurn(context);
    await super.run(context);
    for (const state of this.states) await state.saveChanges(context);
    await this.confirmStateCurrent(context);
  }
}

/** The error itself, out of the DialogContextError a dialog wraps what its steps throw in. */
function underlying(error: unknown): unknown {
  return error instanceof DialogContextError ? error.error : error;
}

/**
 * In a 1:1 chat the agent is welcomed once: in Teams when the app is installed for them (Teams names the
 * bot or the agent as added, once), elsewhere (the Emulator, Web Chat) when the agent joins. In a group
 * chat or team channel only when the bot itself is added, not again each time a person joins.
 */
function isWelcomeDue(context: TurnContext): boolean {
  const { recipient, membersAdded = [], conversation, channelId } = context.activity;
  const botAdded = membersAdded.some((member) => member.id === recipient?.id);
  if (conversation?.isGroup) return botAdded;
  if (channelId === 'msteams') return membersAdded.length > 0;
  return membersAdded.some((member) => member.id !== recipient?.id);
}
