import type { Say } from '../../messages/catalogue';
import { z } from 'zod';
import type { OfferRow, OrderLineRow } from '../../cards/cardModels';
import { formValuesSchema, type FormValues } from '../../cards/formPaths';
import {
  isOfferInputId,
  offerInputId,
  offerQueryInputId,
  subscriptionsCard,
} from '../../cards/subscriptionsCard';
import type { LineEntry } from '../../services/catalogue/orderForm';
import type { OfferPage } from '../../services/catalogue/offerSearch';
import type { Offer, Order, OrderLine } from '../../services/catalogue/schemas';
import type { OnboardingService } from '../../services/onboarding/onboardingService';
import type { CardStep, StepTurn, Verdict } from '../cardStep';
import { messagesByField, problemsOf, words, type Problem, type StepView } from '../stepView';
import type { FieldError } from '../../services/validation/fieldError';
import { nextLabel } from './nextLabel';

/** What the card shows besides the draft: the search, the page of it, the line being changed. */
const orderViewSchema = z.object({
  query: z.string().max(200).default(''),
  /** Where each page shown so far started; the last is the page shown (none: the first). */
  cursors: z.array(z.string().max(300)).max(100).default([]),
  changing: z.string().max(100).optional(),
  /** What was typed into the inputs of an offer and refused, to show again with its problems. */
  typed: z.record(z.string(), z.string()).optional(),
});
type OrderView = z.infer<typeof orderViewSchema>;

function orderView(view: StepView): OrderView {
  const parsed = orderViewSchema.safeParse(view);
  return parsed.success ? parsed.data : { query: '', cursors: [] };
}

const inputsSchema = formValuesSchema((id) => isOfferInputId(id) || id === offerQueryInputId);
/** What a button carries besides the inputs: the offer it acts on, where More starts. */
const targetSchema = z.object({
  offerId: z.string().max(100).optional().catch(undefined),
  cursor: z.string().max(300).optional().catch(undefined),
});
const answerSchema = z.record(z.string(), z.unknown()).transform((submitted) => ({
  inputs: inputsSchema.parse(submitted),
  ...targetSchema.parse(submitted),
}));
type OrderAnswer = z.output<typeof answerSchema>;

/**
 * The subscriptions, as an order: the agent finds offers (the most sold in the customer's country
 * first, or by a search), adds each with its licences, term and billing frequency, and changes or
 * removes lines; every line is checked by the service as it is added or changed, and the whole order
 * on Next. The order is kept in the draft line by line; the search and the line being changed are the
 * card's own view.
 */
export const subscriptionsStep: CardStep<OrderAnswer, Order> = {
  id: 'subscriptions',
  actions: [
    'next',
    'search',
    'morePage',
    'previousPage',
    'addLine',
    'changeLine',
    'saveLine',
    'keepLine',
    'removeLine',
  ],
  values: answerSchema,

  async render(turn, drawing) {
    const { onboarding } = turn.services;
    const { draft } = turn;
    const country = draft.accountInfo?.country ?? '';
    const view = orderView(drawing.view);
    const lines = draft.values.subscriptions;
    const mcaPending = draft.mca?.kind === 'customerWillAccept';
    const changing = lines.some((line) => line.offerId === view.changing) ? view.changing : undefined;
    const found =
      mcaPending || changing ? { page: { offers: [] }, noMatch: false } : await currentPage(turn, view);
    const known = await onboarding.offersByIds([
      ...lines.map((line) => line.offerId),
      ...found.page.offers.flatMap((offer) => offer.prerequisiteOfferIds),
    ]);
    const cursors = found.noMatch ? [] : view.cursors;
    return subscriptionsCard(turn.say, {
      promptId: drawing.promptId,
      lines: lines.flatMap((line) => lineRow(turn.say, line, known, onboarding)),
      ...(changing ? { changing } : {}),
      query: view.query,
      results: {
        kind: view.query.trim() && !found.noMatch ? 'search' : 'bestSellers',
        offers: found.page.offers.map((offer) => offerRow(turn.say, offer, known, onboarding)),
        noMatch: found.noMatch,
        first: cursors.length * onboarding.offerPageSize + 1,
        hasPrevious: cursors.length > 0,
        ...(found.page.next ? { next: found.page.next } : {}),
      },
      values: {
        ...choicesBeforeAnswer(found.page.offers, onboarding),
        ...onboarding.orderFormValues({ lines: lines.filter((line) => line.offerId === changing) }),
        ...view.typed,
      },
      errors: messagesByField(
        turn.say,
        withOrderProblems(drawing.view.problems ?? [], onboarding.orderProblems(lines, known)),
      ),
      ...(drawing.view.notice ? { notice: words(turn.say, drawing.view.notice) } : {}),
      mcaPending,
      countryName: turn.say.text({ country, inSentence: true }),
      nextLabel: nextLabel(turn.say, drawing, 'review'),
    });
  },

  summary: (turn) => ({ title: turn.say('summary.subscriptions'), facts: [] }),

  async validate(turn, { action, values: { inputs, offerId, cursor } }, shown) {
    const current = orderView(shown);
    const browse = { query: current.query, cursors: current.cursors };
    const lines = turn.draft.values.subscriptions;
    const inOrder = (id: string | undefined) => lines.some((line) => line.offerId === id);
    switch (action) {
      case 'search':
        return again({ query: (inputs[offerQueryInputId] ?? '').trim().slice(0, 200), cursors: [] });
      case 'morePage':
        return again({
          ...browse,
          cursors: cursor ? [...current.cursors, cursor].slice(-100) : current.cursors,
        });
      case 'previousPage':
        return again({ ...browse, cursors: current.cursors.slice(0, -1) });
      case 'changeLine':
        return again({ ...browse, ...(inOrder(offerId) ? { changing: offerId } : {}) });
      case 'keepLine':
        return again(browse);
      case 'removeLine':
        return again({ ...browse, ...(offerId && inOrder(offerId) ? await removeLine(turn, offerId) : {}) });
      case 'addLine':
      case 'saveLine':
        return offerId ? putLine(turn, entryOf(inputs, offerId), browse) : again(browse);
      default:
        return goOn(turn, inputs, current);
    }
  },

  async onValid(turn, order) {
    turn.draft.order = order;
    turn.draft.values.subscriptions = order.lines;
    return { kind: 'next' };
  },
};

function again(view: StepView): Verdict<Order> {
  return { ok: false, view };
}

/** The page the view names: its search (or, when that finds nothing, the most sold) from its cursor. */
async function currentPage(turn: StepTurn, view: OrderView): Promise<{ page: OfferPage; noMatch: boolean }> {
  const { onboarding } = turn.services;
  const country = turn.draft.accountInfo?.country ?? '';
  const page = await onboarding.findOffers(country, view.query, view.cursors.at(-1));
  if (page.offers.length > 0 || !view.query.trim() || view.cursors.length > 0)
    return { page, noMatch: false };
  return { page: await onboarding.findOffers(country, ''), noMatch: true };
}

function entryOf(inputs: FormValues, offerId: string): LineEntry {
  const value = (field: 'quantity' | 'term' | 'billingCycle') => inputs[offerInputId(offerId, field)];
  const [quantity, term, billingCycle] = [value('quantity'), value('term'), value('billingCycle')];
  return {
    offerId,
    ...(quantity !== undefined ? { quantity } : {}),
    ...(term !== undefined ? { term } : {}),
    ...(billingCycle !== undefined ? { billingCycle } : {}),
  };
}

/** The entry's inputs as typed, to show again with its problems. */
function typedOf(entries: readonly LineEntry[]): Record<string, string> {
  return Object.fromEntries(
    entries.flatMap((entry) =>
      (['quantity', 'term', 'billingCycle'] as const).flatMap((field) => {
        const value = entry[field];
        return value === undefined ? [] : [[offerInputId(entry.offerId, field), value]];
      }),
    ),
  );
}

/** Add (or change) one line: the service checks it first; refused, the card shows why and keeps what was typed. */
async function putLine(turn: StepTurn, entry: LineEntry, browse: OrderView): Promise<Verdict<Order>> {
  const { onboarding } = turn.services;
  const { draft } = turn;
  const lines = draft.values.subscriptions;
  const index = lines.findIndex((line) => line.offerId === entry.offerId);
  const { checked, offers: known } = await onboarding.checkOrderLine(entry, {
    country: draft.accountInfo?.country ?? '',
    mcaPending: draft.mca?.kind === 'customerWillAccept',
    lines,
  });
  if (!checked.ok) {
    return again({
      ...browse,
      ...(index >= 0 ? { changing: entry.offerId } : {}),
      typed: typedOf([entry]),
      problems: problemsOf(checked.errors),
    });
  }
  const line = checked.value;
  draft.values.subscriptions =
    index >= 0 ? lines.map((kept, at) => (at === index ? line : kept)) : [...lines, line];
  const params = {
    offerName: known.get(line.offerId)?.name ?? line.offerId,
    count: line.quantity,
    term: onboarding.termLabel(line.term),
    billingCycle: onboarding.billingCycleLabel(line.billingCycle),
  };
  const needsBase = index < 0 && onboarding.orderProblems(draft.values.subscriptions, known).length > 0;
  const key =
    index >= 0 ? 'order.line.changed' : needsBase ? 'order.line.addedNeedsBase' : 'order.line.added';
  return again({ ...browse, notice: { key, params } });
}

async function removeLine(turn: StepTurn, offerId: string): Promise<Pick<StepView, 'notice'>> {
  const { draft } = turn;
  draft.values.subscriptions = draft.values.subscriptions.filter((line) => line.offerId !== offerId);
  // The draft keeps ids only: the name is read for the notice.
  const offer = (await turn.services.onboarding.offersByIds([offerId])).get(offerId);
  return { notice: { key: 'order.line.removed', params: { offerName: offer?.name ?? offerId } } };
}

/**
 * Next: the whole order, with what the card still holds typed (the line being changed, an offer of
 * the page with a licence count not yet added); inputs of offers the card did not show are ignored.
 */
async function goOn(turn: StepTurn, inputs: FormValues, shown: OrderView): Promise<Verdict<Order>> {
  const { onboarding } = turn.services;
  const { draft } = turn;
  const lines = draft.values.subscriptions;
  const inOrder = new Set(lines.map((line) => line.offerId));
  const typed = onboarding.lineEntries(inputs);
  const wanted = typed.filter((entry) => !inOrder.has(entry.offerId) && (entry.quantity ?? '').trim() !== '');
  const onPage =
    wanted.length > 0 && !shown.changing
      ? new Set((await currentPage(turn, shown)).page.offers.map((offer) => offer.id))
      : new Set<string>();
  const entries = typed.filter((entry) =>
    inOrder.has(entry.offerId) ? entry.offerId === shown.changing : onPage.has(entry.offerId),
  );
  const validated = await onboarding.completeOrder(lines, entries, {
    country: draft.accountInfo?.country ?? '',
    mcaPending: draft.mca?.kind === 'customerWillAccept',
  });
  if (validated.ok) return validated;
  return again({ ...shown, typed: typedOf(entries), problems: problemsOf(validated.errors) });
}

/** An offer as the card shows it; an add-on names its base offers. */
function offerRow(
  say: Say,
  offer: Offer,
  known: ReadonlyMap<string, Offer>,
  onboarding: OnboardingService,
): OfferRow {
  const bases = offer.prerequisiteOfferIds.map((id) => known.get(id)?.name ?? id);
  return {
    id: offer.id,
    name: offer.name,
    productFamily: offer.productFamily,
    sku: offer.sku,
    description: offer.description,
    minQuantity: offer.minQuantity,
    maxQuantity: offer.maxQuantity,
    ...(offer.isAddOn ? { baseOffers: say.text({ list: bases, join: 'or' }) } : {}),
    terms: offer.terms.map((term) => ({ value: term, title: say.text(onboarding.termLabel(term)) })),
    billingCycles: offer.billingCycles.map((cycle) => ({
      value: cycle,
      title: say.text(onboarding.billingCycleChoice(cycle)),
    })),
  };
}

/** A line of the order; one whose offer the catalogue no longer has is left to Next to explain. */
function lineRow(
  say: Say,
  line: OrderLine,
  known: ReadonlyMap<string, Offer>,
  onboarding: OnboardingService,
): OrderLineRow[] {
  const offer = known.get(line.offerId);
  if (!offer) return [];
  return [
    {
      offer: offerRow(say, offer, known, onboarding),
      quantity: line.quantity,
      term: say.text(onboarding.termLabel(line.term)),
      billingCycle: say.text(onboarding.billingCycleLabel(line.billingCycle)),
    },
  ];
}

/** What each offer's term and billing frequency show before the agent chooses. */
function choicesBeforeAnswer(offers: readonly Offer[], onboarding: OnboardingService): FormValues {
  const values: FormValues = {};
  for (const offer of offers) {
    const { term, billingCycle } = onboarding.defaultChoices(offer);
    if (term) values[offerInputId(offer.id, 'term')] = term;
    if (billingCycle) values[offerInputId(offer.id, 'billingCycle')] = billingCycle;
  }
  return values;
}

/**
 * What the last answer left, and what the order still needs at its lines. An add-on without its base
 * is said once, the short way (order.addOn.needsBase), even where Next refused it with the long one.
 */
function withOrderProblems(answered: readonly Problem[], needed: readonly FieldError[]): Problem[] {
  const neededAt = new Set(needed.map((problem) => problem.field));
  const saidAgain = (problem: Problem) =>
    problem.key === 'order.addOn.baseMissing' && neededAt.has(problem.field);
  return [...answered.filter((problem) => !saidAgain(problem)), ...problemsOf(needed)];
}
