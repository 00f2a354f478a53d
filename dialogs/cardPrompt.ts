import { CardFactory, type TurnContext } from 'botbuilder';
import {
  Dialog,
  type DialogContext,
  type DialogInstance,
  type DialogReason,
  type DialogTurnResult,
} from './dialogKit';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { SubmittedCardModel } from '../cards/cardModels';
import { submittedCard } from '../cards/submittedCard';
import { sayTo } from './turnLanguage';
import { submitEnvelopeSchema } from './cardSubmit';
import type { CardStep, StepEnd, StepTurn } from './cardStep';
import type { FlowResult } from './flowResult';
import { noteInTrail } from './draft';
import type { FlowServices } from './flowServices';
import { sendCard } from './sendCard';
import { stepViewSchema, type StepView } from './stepView';

export const confirmCancelDialogId = 'confirmCancel';

/** How a step is begun: Update on Review opens it with `fromReview`. */
export interface StepOptions {
  view?: StepView;
  fromReview?: boolean;
}

const promptStateSchema = z.object({
  promptId: z.string(),
  view: stepViewSchema,
  fromReview: z.boolean(),
});
type PromptState = z.infer<typeof promptStateSchema>;

/**
 * Runs one card step: shows its card and waits for the submit. Card submits arrive as a message
 * with `value` and no text, so this reads `activity.value`, checks that it answers this very card
 * (its prompt id, a new one each time the card is drawn), parses the inputs with the step's schema
 * and hands them to the step's validator. Problems draw the card again with them; an accepted answer
 * goes to the step's `onValid`. A submit from another or an older card is answered politely and
 * changes nothing; typed text gets a hint and the card again. In Teams the answered card is replaced
 * by a read-only summary, so it cannot be submitted twice.
 *
 * Its dialog state is the prompt id, what the card shows besides the draft (problems, a notice, a
 * search) and where its Next leads; the values themselves are in the draft.
 */
export class CardPrompt<Values, Valid> extends Dialog<StepOptions> {
  constructor(
    private readonly step: CardStep<Values, Valid>,
    private readonly services: FlowServices,
  ) {
    super(step.id);
  }

  override async beginDialog(dc: DialogContext, options?: StepOptions | null): Promise<DialogTurnResult> {
    const state: PromptState = {
      promptId: newPromptId(this.step.id),
      view: options?.view ?? {},
      fromReview: options?.fromReview ?? false,
    };
    dc.activeDialog!.state = state;
    await this.show(dc.context, state);
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const { context } = dc;
    const { activity } = context;
    if (activity.type !== 'message') return Dialog.EndOfTurn;
    const say = sayTo(context);
    const state = stateOf(dc.activeDialog!);

    if (activity.value === undefined || activity.value === null) {
      await context.sendActivity(say('card.typedText'));
      await this.show(context, state);
      return Dialog.EndOfTurn;
    }
    const envelope = submitEnvelopeSchema.safeParse(activity.value);
    if (envelope.success && envelope.data.promptId !== state.promptId) {
      await context.sendActivity(say(staleCardMessage(context, 'card.stale')));
      return Dialog.EndOfTurn;
    }
    const values = this.step.values.safeParse(activity.value);
    // Cancel is a command, taken before the card is asked (onboardingConversation.ts).
    const knownAction = envelope.success && this.step.actions.includes(envelope.data.action);
    if (!envelope.success || !values.success || !knownAction) {
      await context.sendActivity(say('card.unreadable'));
      await this.show(context, state);
      return Dialog.EndOfTurn;
    }
    const overlong = overlongInputs(activity.value);
    if (overlong.length > 0) {
      // Not kept, not echoed: the card comes back with what the draft had and a word at each field.
      return this.showAgain(dc, {
        problems: overlong.map((field) => ({
          field,
          key: 'card.inputTooLong',
          params: { max: maxInputLength },
        })),
      });
    }
    const answer = { action: envelope.data.action, values: values.data };
    const turn = await this.turn(context);
    const verdict = await this.step.validate(turn, answer, state.view);
    if (!verdict.ok) return this.showAgain(dc, verdict.view);
    await replaceAnsweredCard(context, this.step.summary(turn, answer));
    const end = await this.step.onValid(turn, verdict.value, answer);
    if (end.kind === 'next') noteInTrail(turn.draft, this.step.id, state.fromReview, this.services.now());
    return this.follow(dc, end);
  }

  /** Back from "keep the draft", or from a step this one opened. */
  override async resumeDialog(
    dc: DialogContext,
    _reason: DialogReason,
    result?: unknown,
  ): Promise<DialogTurnResult> {
    const state = stateOf(dc.activeDialog!);
    const ended = result as FlowResult | undefined;
    if (ended?.kind === 'keptDraft' || !this.step.resume) {
      await this.show(dc.context, state);
      return Dialog.EndOfTurn;
    }
    return this.follow(dc, await this.step.resume(await this.turn(dc.context), ended));
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    await this.show(context, stateOf(instance));
  }

  private async follow(dc: DialogContext, end: StepEnd): Promise<DialogTurnResult> {
    switch (end.kind) {
      case 'next':
        return dc.endDialog(end.result);
      case 'open':
        return dc.beginDialog(end.step, { fromReview: true } satisfies StepOptions);
      case 'show':
        return this.showAgain(dc, end.view);
      case 'endFlow':
        return dc.cancelAllDialogs(true);
    }
  }

  /** The card drawn again, with a new prompt id: the card before it is now stale. */
  private async showAgain(dc: DialogContext, view: StepView): Promise<DialogTurnResult> {
    const state: PromptState = { ...stateOf(dc.activeDialog!), promptId: newPromptId(this.step.id), view };
    dc.activeDialog!.state = state;
    await this.show(dc.context, state);
    return Dialog.EndOfTurn;
  }

  private async show(context: TurnContext, state: PromptState): Promise<void> {
    const turn = await this.turn(context);
    await sendCard(context, await this.step.render(turn, state));
  }

  private async turn(context: TurnContext): Promise<StepTurn> {
    const { services } = this;
    return {
      context,
      services,
      draft: await services.drafts.get(context),
      agent: (options) => services.resolveAgent(context, options),
      say: sayTo(context),
    };
  }
}

/**
 * No field of any card takes more than this many characters (the longest, a legal name, takes 255):
 * a longer value is refused before it is kept in the draft or drawn on a card.
 */
export const maxInputLength = 1000;

function overlongInputs(value: unknown): string[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value)
    .filter(([, entry]) => typeof entry === 'string' && entry.length > maxInputLength)
    .map(([id]) => id);
}

/** A fresh prompt id for a step: "accountInfo:3f1c…". */
export function newPromptId(step: string): string {
  return `${step}:${randomUUID()}`;
}

function stateOf(instance: DialogInstance): PromptState {
  return promptStateSchema.parse(instance.state) as PromptState;
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
      attachments: [CardFactory.adaptiveCard(submittedCard(sayTo(context), model))],
    });
  } catch {
    // A card that stays visible is harmless: its prompt id no longer matches.
  }
}
