import { CardFactory, type TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { AdaptiveCardJson, SubmittedCardModel } from '../cards/cardModels';
import { submittedCard } from '../cards/submittedCard';
import { say } from '../services/messages/catalogue';
import { submitEnvelopeSchema } from './cardSubmit';
import { sendCard } from './sendCard';

/**
 * What a step needs to draw its card: small, JSON-serialisable (errors, a notice, a search). The
 * card itself is drawn from it and the draft whenever it is shown, so dialog state stays small.
 */
export type CardView = Record<string, unknown>;

export interface CardPromptOptions<View extends CardView = CardView> {
  promptId: string;
  view: View;
}

/** Draws a step's card for a prompt id and view. */
export type CardRenderer<View extends CardView> = (
  context: TurnContext,
  promptId: string,
  view: View,
) => Promise<AdaptiveCardJson>;

/** What a card prompt returns: the button the agent chose and the card's inputs, parsed. */
export interface CardAnswer<T> {
  action: string;
  values: T;
}

const promptStateSchema = z.object({
  promptId: z.string(),
  view: z.record(z.string(), z.unknown()),
});

/** A fresh prompt id for a step: "accountInfo:3f1c…". */
export function newPromptId(step: string): string {
  return `${step}:${randomUUID()}`;
}

export const confirmCancelDialogId = 'confirmCancel';

/**
 * Shows an Adaptive Card and waits for its submit. Card submits arrive as a message with `value`
 * and no text, so this reads `activity.value`, checks that it answers this very card (its prompt
 * id), parses the inputs with the step's schema and returns them. A submit from another or an
 * older card is answered politely and changes nothing; typed text gets a hint and the card again.
 * In Teams the answered card is replaced by a read-only summary, so it cannot be submitted twice.
 */
export class CardPrompt<T, View extends CardView = CardView> extends Dialog<CardPromptOptions<View>> {
  constructor(
    dialogId: string,
    private readonly valuesSchema: z.ZodType<T>,
    /** What the read-only card that replaces an answered one shows. */
    private readonly summarise: (answer: CardAnswer<T>) => SubmittedCardModel,
    private readonly render: CardRenderer<View>,
    /** The buttons the card has (besides Cancel): a submit naming another action is refused. */
    private readonly actions: readonly string[],
  ) {
    super(dialogId);
  }

  override async beginDialog(
    dc: DialogContext,
    options?: CardPromptOptions<View>,
  ): Promise<DialogTurnResult> {
    if (!options) throw new Error(`${this.id} needs a prompt id and a view`);
    dc.activeDialog!.state = { promptId: options.promptId, view: options.view };
    await this.show(dc.context, dc.activeDialog!);
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const { context } = dc;
    const { activity } = context;
    if (activity.type !== 'message') return Dialog.EndOfTurn;
    const state = promptStateSchema.parse(dc.activeDialog!.state);

    if (activity.value === undefined || activity.value === null) {
      await context.sendActivity(say('card.typedText'));
      await this.show(context, dc.activeDialog!);
      return Dialog.EndOfTurn;
    }
    const envelope = submitEnvelopeSchema.safeParse(activity.value);
    if (envelope.success && envelope.data.promptId !== state.promptId) {
      await context.sendActivity(say(staleCardMessage(context, 'card.stale')));
      return Dialog.EndOfTurn;
    }
    const values = this.valuesSchema.safeParse(activity.value);
    const knownAction =
      envelope.success && (envelope.data.action === 'cancel' || this.actions.includes(envelope.data.action));
    if (!envelope.success || !values.success || !knownAction) {
      await context.sendActivity(say('card.unreadable'));
      await this.show(context, dc.activeDialog!);
      return Dialog.EndOfTurn;
    }
    if (envelope.data.action === 'cancel') return dc.beginDialog(confirmCancelDialogId);

    const answer: CardAnswer<T> = { action: envelope.data.action, values: values.data };
    await replaceAnsweredCard(context, this.summarise(answer));
    return dc.endDialog(answer);
  }

  /** Back from "keep the draft" after a cancel: the card again. */
  override async resumeDialog(dc: DialogContext): Promise<DialogTurnResult> {
    await this.repromptDialog(dc.context, dc.activeDialog!);
    return Dialog.EndOfTurn;
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    await this.show(context, instance);
  }

  private async show(context: TurnContext, instance: DialogInstance): Promise<void> {
    const { promptId, view } = promptStateSchema.parse(instance.state);
    await sendCard(context, await this.render(context, promptId, view as View));
  }
}

/** In a group chat or channel a stale card is most likely another agent's: say so. */
export function staleCardMessage<Alone extends 'card.stale' | 'card.staleNoFlow'>(
  context: TurnContext,
  alone: Alone,
): 'card.staleShared' | Alone {
  return context.activity.conversation?.isGroup ? 'card.staleShared' : alone;
}

/** Teams only: swaps the submitted card for a read-only summary (best effort; the prompt id guards anyway). */
async function replaceAnsweredCard(context: TurnContext, model: SubmittedCardModel): Promise<void> {
  const { activity } = context;
  if (activity.channelId !== 'msteams' || !activity.replyToId) return;
  try {
    await context.updateActivity({
      type: 'message',
      id: activity.replyToId,
      conversation: activity.conversation,
      attachments: [CardFactory.adaptiveCard(submittedCard(model))],
    });
  } catch {
    // A card that stays visible is harmless: its prompt id no longer matches.
  }
}
