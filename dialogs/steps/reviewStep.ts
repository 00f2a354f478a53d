import { readerOf } from '../activityFacts';
import type { ReviewSection } from '../../cards/cardModels';
import { reviewCard } from '../../cards/reviewCard';
import { submitEnvelopeSchema } from '../cardSubmit';
import { ensureStateIsCurrent } from '../stateFreshness';
import type { CardStep, StepEnd, StepTurn } from '../cardStep';
import { draftInput } from '../draft';
import { problemsOf, words } from '../stepView';
import { sendDoneCard } from './doneCard';
import { reviewSections } from './reviewFacts';
import { z } from 'zod';

const sections = ['accountInfo', 'mca', 'reseller', 'subscriptions'] as const satisfies ReviewSection[];
const reviewSubmitSchema = submitEnvelopeSchema.extend({ section: z.enum(sections).optional() });
type ReviewAnswer = z.output<typeof reviewSubmitSchema>;
type ReviewAction = { kind: 'update'; section: ReviewSection } | { kind: 'submit' };

/**
 * Every entry by section, each with Update (which opens that step filled in and comes back here),
 * what keeps the customer from being submitted (each problem once), what an update changed
 * elsewhere, Submit and Cancel.
 */
export const reviewStep: CardStep<ReviewAnswer, ReviewAction> = {
  id: 'review',
  actions: ['update', 'submit'],
  values: reviewSubmitSchema,

  async render(turn, drawing) {
    const { onboarding } = turn.services;
    const { draft } = turn;
    const validated = await onboarding.validateDraft(draftInput(draft), await turn.agent());
    const problems = [
      ...(drawing.view.problems ?? []),
      ...(validated.ok ? [] : problemsOf(validated.errors)),
    ];
    return reviewCard(turn.say, {
      promptId: drawing.promptId,
      // The check has just read the reseller: Review shows that one rather than reading it again.
      sections: await reviewSections(
        turn.say,
        readerOf(turn.context),
        draft,
        onboarding,
        validated.ok ? validated.value.reseller : undefined,
      ),
      errors: problems.map((problem) => words(turn.say, problem)),
      notices: draft.changes.map((change) => words(turn.say, change)),
    });
  },

  summary: (turn) => ({ title: turn.say('summary.review'), facts: [] }),

  async validate(turn, { action, values }) {
    if (action === 'update' && values.section)
      return { ok: true, value: { kind: 'update', section: values.section } };
    if (action === 'submit') return { ok: true, value: { kind: 'submit' } };
    return { ok: false, view: {} };
  },

  async onValid(turn, chosen) {
    turn.draft.changes = [];
    return chosen.kind === 'update' ? { kind: 'open', step: chosen.section } : submit(turn);
  },

  /** Back from an Update: Review again, with whatever the update changed. */
  async resume() {
    return { kind: 'show', view: {} };
  },
};

async function submit(turn: StepTurn): Promise<StepEnd> {
  const { onboarding, drafts } = turn.services;
  // Both read the store before anything irreversible; neither needs the other.
  const [, agent] = await Promise.all([ensureStateIsCurrent(turn.context), turn.agent({ current: true })]);
  const outcome = await onboarding.submit(draftInput(turn.draft), {
    idempotencyKey: turn.draft.idempotencyKey,
    agent,
  });
  switch (outcome.kind) {
    case 'created':
      await sendDoneCard(turn, outcome.customer, outcome.notified);
      await drafts.discard(turn.context);
      return { kind: 'next', result: { kind: 'created', customerId: outcome.customer.id } };
    case 'ownCustomer':
      return { kind: 'next', result: { kind: 'ownCustomer', customer: outcome.customer } };
    case 'invalid':
      return { kind: 'show', view: { problems: problemsOf(outcome.errors) } };
    case 'notAllowed':
      return { kind: 'show', view: { problems: problemsOf([outcome.error]) } };
  }
}
