import { z } from 'zod';
import { fieldError, type FieldError, type Validated } from '../validation/fieldError';
import { isSoldIn } from './offerAvailability';
import { billingCycleLabel, listAlternatives, termLabel } from './offerWording';
import type { Offer, Order, OrderLine } from './schemas';
import { billingCycleFitsTerm, type BillingCycle, type Term } from './terms';

export interface OrderContext {
  offers: readonly Offer[];
  /** ISO 3166 alpha-2 code of the customer's country. */
  country: string;
  /** The country as the agent reads it ("India"); the code is shown when absent. */
  countryName?: string;
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
type LineInput = z.infer<typeof LineInputSchema>;

/** Everything an order must satisfy before it can be submitted; every problem is reported at once. */
export function validateOrder(input: unknown, context: OrderContext): Validated<Order> {
  const outline = OrderInputSchema.safeParse(input ?? {});
  if (!outline.success) return refuse([fieldError('lines', 'order.unreadable')]);
  const rawLines = outline.data.lines ?? [];

  if (rawLines.length === 0) {
    // Without MCA acceptance the customer is added with no subscriptions, so an empty order is the right one.
    return context.mcaPending
      ? { ok: true, value: { lines: [] } }
      : refuse([fieldError('lines', 'order.empty')]);
  }
  // The fix is the same whatever else is wrong with the lines, so listing those would only be noise.
  if (context.mcaPending) return refuse([fieldError('lines', 'order.mcaPending')]);

  const offersById = new Map(context.offers.map((offer) => [offer.id, offer]));
  const parsedLines = rawLines.map((raw) => LineInputSchema.safeParse(raw));
  const availableBaseIds = new Set([
    ...parsedLines.flatMap((parsed) => (parsed.success ? [parsed.data.offerId] : [])),
    ...(context.ownedOfferIds ?? []),
  ]);

  const errors: FieldError[] = [];
  const lines: OrderLine[] = [];
  const seenOfferIds = new Set<string>();
  parsedLines.forEach((parsed, index) => {
    const at = (field: string) => `lines.${index}.${field}`;
    if (!parsed.success) {
      errors.push(fieldError(at('offerId'), 'order.line.offerMissing', { line: index + 1 }));
      return;
    }
    const offer = offersById.get(parsed.data.offerId);
    if (!offer) {
      errors.push(fieldError(at('offerId'), 'order.offer.unknown', { offerId: parsed.data.offerId }));
      return;
    }
    if (seenOfferIds.has(offer.id)) {
      errors.push(fieldError(at('offerId'), 'order.offer.duplicate', { offerName: offer.name }));
      return;
    }
    seenOfferIds.add(offer.id);

    const result = checkLine(parsed.data, offer, context, availableBaseIds, at);
    if (result.ok) lines.push(result.value);
    else errors.push(...result.errors);
  });

  return errors.length > 0 ? refuse(errors) : { ok: true, value: { lines } };
}

function refuse(errors: FieldError[]): Validated<Order> {
  return { ok: false, errors };
}

function checkLine(
  line: LineInput,
  offer: Offer,
  context: OrderContext,
  availableBaseIds: ReadonlySet<string>,
  at: (field: string) => string,
): Validated<OrderLine> {
  const quantity = checkQuantity(line.quantity, offer, at('quantity'));
  const term = checkTerm(line.term, offer, at('term'));
  const billingCycle = checkBillingCycle(
    line.billingCycle,
    term.ok ? term.value : undefined,
    offer,
    at('billingCycle'),
  );
  const errors = [
    ...(quantity.ok ? [] : quantity.errors),
    ...(term.ok ? [] : term.errors),
    ...(billingCycle.ok ? [] : billingCycle.errors),
    ...countryErrors(offer, context, at('offerId')),
    ...addOnErrors(offer, context.offers, availableBaseIds, at('offerId')),
  ];
  if (errors.length > 0 || !quantity.ok || !term.ok || !billingCycle.ok) return { ok: false, errors };
  return {
    ok: true,
    value: {
      offerId: offer.id,
      quantity: quantity.value,
      ...(term.value ? { term: term.value } : {}),
      ...(billingCycle.value ? { billingCycle: billingCycle.value } : {}),
    },
  };
}

/** Card inputs arrive as text, so "12" counts as 12; "2.5", "ten" and 2.5 do not. */
function checkQuantity(raw: unknown, offer: Offer, field: string): Validated<number> {
  const range = { offerName: offer.name, min: offer.minQuantity, max: offer.maxQuantity };
  const text = typeof raw === 'string' ? raw.trim() : raw;
  if (text === undefined || text === null || text === '') {
    return { ok: false, errors: [fieldError(field, 'order.quantity.missing', range)] };
  }
  const quantity =
    typeof text === 'number'
      ? text
      : typeof text === 'string' && /^[+-]?\d+$/.test(text)
        ? Number(text)
        : NaN;
  const entered = { ...range, value: String(text).slice(0, 40) };
  if (!Number.isInteger(quantity)) {
    return { ok: false, errors: [fieldError(field, 'order.quantity.notWhole', entered)] };
  }
  if (quantity < offer.minQuantity || quantity > offer.maxQuantity) {
    const key =
      offer.minQuantity === offer.maxQuantity ? 'order.quantity.exactly' : 'order.quantity.outOfRange';
    return { ok: false, errors: [fieldError(field, key, entered)] };
  }
  return { ok: true, value: quantity };
}

function isAbsent(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

/** No term chosen is fine: the service then takes the offer's default. */
function checkTerm(raw: unknown, offer: Offer, field: string): Validated<Term | undefined> {
  if (isAbsent(raw)) return { ok: true, value: undefined };
  const term = offer.terms.find((candidate) => candidate === raw);
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

function checkBillingCycle(
  raw: unknown,
  term: Term | undefined,
  offer: Offer,
  field: string,
): Validated<BillingCycle | undefined> {
  if (isAbsent(raw)) return { ok: true, value: undefined };
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
  const baseNames = offer.prerequisiteOfferIds.map((id) => offers.find((base) => base.id === id)?.name ?? id);
  return [
    fieldError(field, 'order.addOn.baseMissing', {
      offerName: offer.name,
      baseOffers: listAlternatives(baseNames),
    }),
  ];
}
