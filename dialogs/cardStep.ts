import type { TurnContext } from 'botbuilder';
import type { z } from 'zod';
import type { AdaptiveCardJson, SubmittedCardModel } from '../cards/cardModels';
import type { Say } from '../messages/catalogue';
import type { AgentContext } from '../services/customers/customerService';
import type { ResolveOptions } from './agentResolver';
import type { Draft } from './draft';
import type { FlowResult } from './flowResult';
import type { FlowServices } from './flowServices';
import type { StepView } from './stepView';

/**
 * What a step sees of the turn: the draft (changes are saved with the turn), the services, and
 * `say` in the agent's language.
 */
export interface StepTurn {
  context: TurnContext;
  say: Say;
  services: FlowServices;
  draft: Draft;
  agent(options?: ResolveOptions): Promise<AgentContext>;
}

/** What a card prompt returns: the button the agent chose and the card's inputs, parsed. */
export interface CardAnswer<Values> {
  action: string;
  values: Values;
}

/** How a card is drawn: its prompt id, what the last answer left to show, and where Next leads. */
export interface CardDrawing {
  promptId: string;
  view: StepView;
  /** Opened by Update on Review: its button goes back there. */
  fromReview: boolean;
}

/** The service's verdict on an answer: the value to keep, or the card again with what to show. */
export type Verdict<Valid> = { ok: true; value: Valid } | { ok: false; view: StepView };

/** Where the flow goes once a step accepted an answer. */
export type StepEnd =
  | { kind: 'next'; result?: FlowResult }
  /** Another step on top of this one, which comes back here when it ends (Review's Update). */
  | { kind: 'open'; step: string }
  /** This step's card again, drawn from this view (Review after an update). */
  | { kind: 'show'; view: StepView }
  /** The whole flow ends here (the draft was discarded). */
  | { kind: 'endFlow' };

/**
 * A card step as data: its card, the inputs it reads, the rules (through the service) and what an
 * accepted answer changes. One `CardPrompt` runs any of them.
 */
export interface CardStep<Values = unknown, Valid = unknown> {
  /** The dialog id, and the first part of every prompt id of its card. */
  id: string;
  /** The card's buttons besides Cancel: a submit naming another action is refused. */
  actions: readonly string[];
  /** The submit's inputs, read from `activity.value`. */
  values: z.ZodType<Values>;
  render(turn: StepTurn, drawing: CardDrawing): Promise<AdaptiveCardJson>;
  /** In Teams the answered card is replaced by this read-only summary. */
  summary(turn: StepTurn, answer: CardAnswer<Values>): SubmittedCardModel;
  /**
   * Checks an answer with the service; may keep what was typed in the draft. `shown` is the view the
   * answered card was drawn from (a step's own extra, such as the search it showed).
   */
  validate(turn: StepTurn, answer: CardAnswer<Values>, shown: StepView): Promise<Verdict<Valid>>;
  /** Records an accepted answer in the draft and says where the flow goes. */
  onValid(turn: StepTurn, valid: Valid, answer: CardAnswer<Values>): Promise<StepEnd>;
  /** Back from a step this one opened, with that step's result. */
  resume?(turn: StepTurn, result: FlowResult | undefined): Promise<StepEnd>;
}
