import type { MessageParam } from '../../messages/catalogue';
import { z } from 'zod';
import { fieldError, type FieldError, type Validated } from '../validation/fieldError';
import { isSoldIn } from './offerAvailability';
import { billingCycleLabel, listAlternatives, termLabel } from './offerWording';
import type { Offer, Order, OrderLine } from './schemas';
import {
  billingCycleFitsTerm,
  defaultBillingCycle,
  defaultTerm,
  type BillingCycle,
  type Term,
} from './terms';

/**
 * The most lines one order holds. An order is built and shown on one card, which Teams refuses above
 * about 100 KB: 50 lines keep the card well inside that (docs/architecture.md, "Card size").
 */
export const MAX_ORDER_LINES = 50;

export interface OrderContext {
  /** The offers of the lines checked and the base offers of their add-ons; any others are not needed. */
  offers: readonly Offer[];
  /** ISO 3166 alpha-2 code of the customer's country. */
  country: string;
  /** The country as the agent reads it ("India"); the code is shown when absent. */
  countryName?: MessageParam;
  /** The customer has not accepted the Microsoft Customer Agreement yet, so nothing can be ordered. */
  mcaPending: boolean;
  /** Offers the customer already has; any of them satisfies an add-on's prerequisite. */
  ownedOfferIds?: readonly string[];
}

/** Only the outline is fixed here; every value inside a line is judged by the rules below. */
const OrderInputSchema = z.object({ lines: z.array(z.unknown()).nullish() });
const LineInputSchema = z.object({
  offerId: z.string().trim().min(1),
  quantity: z.unknown().optional(),
  term: z.unknown().optional(),
  billingCycle: z.unknown().optional(),
});

/** The parts of a line a problem can concern; `offer` is the line as a whole (its offer). */
export type LineField = 'offer' | 'quantity' | 'term' | 'billingCycle';
/** Where a line's problems are reported: `lines.0.quantity` for a list, `offers.<id>.quantity` for the form. */
export type LineFieldPath = (field: LineField) => string;

/** A line's values as entered (anything, typically text), before the rules are applied. */
export interface LineValues {
  quantity?: unknown;
  term?: unknown;
  billingCycle?: unknown;
}

/** A line to check and where its problems go, or a line already known to be unreadable. */
export type LineCandidate = (LineValues & { offerId: string; at: LineFieldPath }) | { problem: FieldError };

/** The offer ids an order names, as far as they can be read: the offers its check needs. */
export function offerIdsOf(input: unknown): string[] {
  const outline = OrderInputSchema.safeParse(input ?? {});
  if (!outline.success) return [];
  return (outline.data.lines ?? []).flatMap((raw) => {
    const line = LineInputSchema.safeParse(raw);
    return line.success ? [line.data.offerId] : [];
  });
}

/**
 * Everything an order must satisfy before it can be submitted; every problem is reported at once.
 * Every line of the valid order has its term and billing cycle set: the agent's choice, else the
 * offer's default (defaultTerm, defaultBillingCycle).
 */
export function validateOrder(input: unknown, context: OrderContext): Validated<Order> {
  const outline = OrderInputSchema.safeParse(input ?? {});
  if (!outline.success) return refuse([fieldError('lines', 'order.unreadable')]);
  const candidates = (outline.data.lines ?? []).map((raw, index): LineCandidate => {
    const at: LineFieldPath = (field) => `lines.${index}.${field === 'offer' ? 'offerId' : field}`;
    const parsed = LineInputSchema.safeParse(raw);
    return parsed.success
      ? { ...parsed.data, at }
      : { problem: fieldError(at('offer'), 'order.line.offerMissing', { line: index + 1 }) };
  });
  return checkOrderLines(candidates, context, 'lines');
}

/**
 * The order rules over lines already read: order-level problems (nothing ordered, MCA pending) go
 * to `orderField`, each line's to its own paths. Shared by validateOrder and completeOrder.
 */
export function checkOrderLines(
  candidates: readonly LineCandidate[],
  context: OrderContext,
  orderField: string,
): Validated<Order> {
  if (candidates.length === 0) {
    // Without MCA acceptance the customer is added with no subscriptions, so an empty order is the right one.
    return context.mcaPending
      ? { ok: true, value: { lines: [] } }
      : refuse([fieldError(orderField, 'order.empty')]);
  }
  // The fix is the same whatever else is wrong with the lines, so listing those would only be noise.
  if (context.mcaPending) return refuse([fieldError(orderField, 'order.mcaPending')]);
  if (candidates.length > MAX_ORDER_LINES) {
    return refuse([fieldError(orderField, 'order.tooManyLines', { max: MAX_ORDER_LINES })]);
  }

  const offersById = new Map(context.offers.map((offer) => [offer.id, offer]));
  const availableBaseIds = new Set([
    ...candidates.flatMap((candidate) => ('offerId' in candidate ? [candidate.offerId] : [])),
    ...(context.ownedOfferIds ?? []),
  ]);

  const errors: FieldError[] = [];
  const lines: OrderLine[] = [];
  const seenOfferIds = new Set<string>();
  for (const candidate of candidates) {
    if ('problem' in candidate) {
      errors.push(candidate.problem);
      continue;
    }
    const { at } = candidate;
    const offer = offersById.get(candidate.offerId);
    if (!offer) {
      errors.push(fieldError(at('offer'), 'order.offer.unknown', { offerId: candidate.offerId }));
      continue;
    }
    if (seenOfferIds.has(offer.id)) {
      errors.push(fieldError(at('offer'), 'order.offer.duplicate', { offerName: offer.name }));
      continue;
    }
    seenOfferIds.add(offer.id);

    const values = checkLineValues(candidate, offer, at);
    const lineErrors = [
      ...(values.ok ? [] : values.errors),
      ...countryErrors(offer, context, at('offer')),
      ...addOnErrors(offer, context.offers, availableBaseIds, at('offer')),
    ];
    if (values.ok && lineErrors.length === 0) lines.push(values.value);
    else errors.push(...lineErrors);
  }

  return errors.length > 0 ? refuse(errors) : { ok: true, value: { lines } };
}

function refuse(errors: FieldError[]): Validated<Order> {
  return { ok: false, errors };
}

/**
 * One line as the agent adds it to the order or changes it there: nothing can be ordered while the
 * MCA is pending, the offer must exist and be sold in the country, its values must pass
 * (checkLineValues), and a new line needs room in the order. Whether an add-on has its base is not
 * checked: the agent may add the base after it (addOnProblems says what is missing meanwhile, and
 * validateOrder refuses the order until it is there).
 */
export function checkLine(
  candidate: LineValues & { offerId: string },
  context: OrderContext & { lines: readonly OrderLine[] },
  at: LineFieldPath,
): Validated<OrderLine> {
  const failed = (error: FieldError): Validated<OrderLine> => ({ ok: false, errors: [error] });
  if (context.mcaPending) return failed(fieldError(at('offer'), 'order.mcaPending'));
  const offer = context.offers.find((known) => known.id === candidate.offerId);
  if (!offer) return failed(fieldError(at('offer'), 'order.offer.unknown', { offerId: candidate.offerId }));
  const isNew = !context.lines.some((line) => line.offerId === offer.id);
  if (isNew && context.lines.length >= MAX_ORDER_LINES) {
    return failed(fieldError(at('offer'), 'order.tooManyLines', { max: MAX_ORDER_LINES }));
  }
  const country = countryErrors(offer, context, at('offer'));
  if (country.length > 0) return { ok: false, errors: country };
  return checkLineValues(candidate, offer, at);
}

/**
 * The add-ons of an order whose base offers are all missing from it (and not owned), each with what
 * it needs at its line: what the order still needs before it can go on. The message is short and the
 * same for every add-on (the line names it; the offer itself lists its bases), so an order of many
 * lines stays small on a card.
 */
export function addOnProblems(
  lines: readonly Pick<OrderLine, 'offerId'>[],
  context: Pick<OrderContext, 'offers' | 'ownedOfferIds'>,
  at: (offerId: string) => string,
): FieldError[] {
  const available = new Set([...lines.map((line) => line.offerId), ...(context.ownedOfferIds ?? [])]);
  return lines.flatMap((line) => {
    const offer = context.offers.find((known) => known.id === line.offerId);
    if (!offer?.isAddOn || offer.prerequisiteOfferIds.some((id) => available.has(id))) return [];
    return [fieldError(at(offer.id), 'order.addOn.needsBase')];
  });
}

/**
 * A line's own values against its offer: the quantity in range, a term the offer has and a billing
 * cycle the offer has that fits the term; an absent term or billing cycle takes the offer's default.
 * Country and add-on rules are not checked here.
 */
export function checkLineValues(line: LineValues, offer: Offer, at: LineFieldPath): Validated<OrderLine> {
  const quantity = checkQuantity(line.quantity, offer, at('quantity'));
  const term = checkTerm(line.term, offer, at('term'));
  const billingCycle = checkBillingCycle(
    line.billingCycle,
    term.ok ? term.value : undefined,
    offer,
    at('billingCycle'),
    at('term'),
  );
  if (quantity.ok && term.ok && billingCycle.ok && billingCycle.value) {
    return {
      ok: true,
      value: {
        offerId: offer.id,
        quantity: quantity.value,
        term: term.value,
        billingCycle: billingCycle.value,
      },
    };
  }
  return {
    ok: false,
    errors: [
      ...(quantity.ok ? [] : quantity.errors),
      ...(term.ok ? [] : term.errors),
      ...(billingCycle.ok ? [] : billingCycle.errors),
    ],
  };
}

/** Card inputs arrive as text, so "12" counts as 12; "2.5", "ten" and 2.5 do not. */
function checkQuantity(raw: unknown, offer: Offer, field: string): Validated<number> {
  const range = { offerName: offer.name, min: offer.minQuantity, max: offer.maxQuantity };
  const exactly = offer.minQuantity === offer.maxQuantity;
  const text = typeof raw === 'string' ? raw.trim() : raw;
  if (text === undefined || text === null || text === '') {
    const key = exactly ? 'order.quantity.missingExactly' : 'order.quantity.missing';
    return { ok: false, errors: [fieldError(field, key, range)] };
  }
  const quantity =
    typeof text === 'number'
      ? text
      : typeof text === 'string' && /^[+-]?\d+$/.test(text)
        ? Number(text)
        : NaN;
  const entered = { ...range, value: String(text).slice(0, 40) };
  if (!Number.isInteger(quantity)) {
    const key = exactly ? 'order.quantity.notWholeExactly' : 'order.quantity.notWhole';
    return { ok: false, errors: [fieldError(field, key, entered)] };
  }
  if (quantity < offer.minQuantity || quantity > offer.maxQuantity) {
    const key = exactly ? 'order.quantity.exactly' : 'order.quantity.outOfRange';
    return { ok: false, errors: [fieldError(field, key, entered)] };
  }
  return { ok: true, value: quantity };
}

function isAbsent(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

/** No term chosen: the offer's default term (defaultTerm). */
function checkTerm(raw: unknown, offer: Offer, field: string): Validated<Term> {
  const term = isAbsent(raw) ? defaultTerm(offer) : offer.terms.find((candidate) => candidate === raw);
  if (term) return { ok: true, value: term };
  return {
    ok: false,
    errors: [
      fieldError(field, 'order.term.notOffered', {
        offerName: offer.name,
        term: termLabel(raw),
        terms: listAlternatives(offer.terms.map(termLabel)),
      }),
    ],
  };
}

/**
 * No billing cycle chosen: the offer's default for the term (defaultBillingCycle). Without a valid
 * term only whether the offer has the billing cycle is checked (the term has its own message).
 */
function checkBillingCycle(
  raw: unknown,
  term: Term | undefined,
  offer: Offer,
  field: string,
  termField: string,
): Validated<BillingCycle | undefined> {
  if (isAbsent(raw)) {
    if (!term) return { ok: true, value: undefined };
    const billingCycle = defaultBillingCycle(offer, term);
    if (billingCycle) return { ok: true, value: billingCycle };
    // Only for an offer built outside OfferSchema, which refuses a term no billing cycle fits.
    const billable = offer.terms.filter((candidate) => defaultBillingCycle(offer, candidate));
    return {
      ok: false,
      errors: [
        fieldError(termField, 'order.term.noBillingCycle', {
          offerName: offer.name,
          term: termLabel(term),
          terms: listAlternatives(billable.map(termLabel)),
        }),
      ],
    };
  }
  const billingCycle = offer.billingCycles.find((candidate) => candidate === raw);
  if (!billingCycle) {
    return {
      ok: false,
      errors: [
        fieldError(field, 'order.billingCycle.notOffered', {
          offerName: offer.name,
          billingCycle: billingCycleLabel(raw),
          billingCycles: listAlternatives(offer.billingCycles.map(billingCycleLabel)),
        }),
      ],
    };
  }
  if (term && !billingCycleFitsTerm(billingCycle, term)) {
    const fitting = offer.billingCycles.filter((candidate) => billingCycleFitsTerm(candidate, term));
    return {
      ok: false,
      errors: [
        fieldError(field, 'order.billingCycle.longerThanTerm', {
          offerName: offer.name,
          term: termLabel(term),
          billingCycle: billingCycleLabel(billingCycle),
          billingCycles: listAlternatives(fitting.map(billingCycleLabel)),
        }),
      ],
    };
  }
  return { ok: true, value: billingCycle };
}

function countryErrors(offer: Offer, context: OrderContext, field: string): FieldError[] {
  if (isSoldIn(offer, context.country)) return [];
  const country = context.countryName ?? context.country.trim().toUpperCase();
  return [fieldError(field, 'order.offer.notSoldInCountry', { offerName: offer.name, country })];
}

function addOnErrors(
  offer: Offer,
  offers: readonly Offer[],
  availableBaseIds: ReadonlySet<string>,
  field: string,
): FieldError[] {
  if (!offer.isAddOn || offer.prerequisiteOfferIds.some((id) => availableBaseIds.has(id))) return [];
  return [
    fieldError(field, 'order.addOn.baseMissing', {
      offerName: offer.name,
      baseOffers: listAlternatives(
        offer.prerequisiteOfferIds.map((id) => offers.find((base) => base.id === id)?.name ?? id),
      ),
    }),
  ];
}
