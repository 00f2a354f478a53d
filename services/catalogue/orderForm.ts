import type { FieldError, Validated } from '../validation/fieldError';
import {
  addOnProblems,
  checkLine,
  checkOrderLines,
  type LineCandidate,
  type LineFieldPath,
  type OrderContext,
} from './orderRules';
import type { Order, OrderLine } from './schemas';

/**
 * The order as the subscriptions card enters it: an offer's inputs are the field paths
 * `offers.<offerId>.quantity`, `offers.<offerId>.term` and `offers.<offerId>.billingCycle` (on a
 * search result, or on a line being changed), and a problem of the offer as a whole is at
 * `offers.<offerId>`. Offer ids never contain "." (OfferSchema refuses it), so a path splits back
 * unambiguously.
 */
export const ORDER_FORM_FIELD = 'offers';

export const ORDER_FORM_INPUTS = ['quantity', 'term', 'billingCycle'] as const;
export type OrderFormInput = (typeof ORDER_FORM_INPUTS)[number];

/** An offer and its inputs as typed on the card (text, or absent). */
export interface LineEntry {
  offerId: string;
  quantity?: string;
  term?: string;
  billingCycle?: string;
}

/** `offers.<offerId>` (the offer's line as a whole), or `offers.<offerId>.<input>` (one of its inputs). */
export function offerFieldPath(offerId: string, input?: OrderFormInput): string {
  return input ? `${ORDER_FORM_FIELD}.${offerId}.${input}` : `${ORDER_FORM_FIELD}.${offerId}`;
}

/** Where the problems of an offer's line go on the card. */
export function offerFieldPaths(offerId: string): LineFieldPath {
  return (field) => offerFieldPath(offerId, field === 'offer' ? undefined : field);
}

/**
 * The one rule for "is a licence count typed": blank, absent or 0 is not; anything else is, so that
 * "ten" or "-3" reaches the quantity rules and gets its message.
 */
export function isOrderedQuantity(quantity: unknown): boolean {
  if (quantity === undefined || quantity === null) return false;
  if (typeof quantity === 'number') return quantity !== 0;
  const text = String(quantity).trim();
  return text !== '' && !/^[+-]?0+$/.test(text);
}

/** The card's values of order lines: `{ 'offers.x.quantity': '5', 'offers.x.term': 'P1Y', ... }`. */
export function orderFormValues(order: Order): Record<string, string> {
  return Object.fromEntries(
    order.lines.flatMap((line) => [
      [offerFieldPath(line.offerId, 'quantity'), String(line.quantity)],
      [offerFieldPath(line.offerId, 'term'), line.term],
      [offerFieldPath(line.offerId, 'billingCycle'), line.billingCycle],
    ]),
  );
}

/**
 * The entries of a card's flat values (`activity.value`), in the order their offers first appear:
 * every `offers.<offerId>.<input>` key with a text or number value; anything else (the prompt id,
 * the action, other inputs) is left out.
 */
export function lineEntriesFromValues(values: Readonly<Record<string, unknown>>): LineEntry[] {
  const entries = new Map<string, LineEntry>();
  for (const [key, value] of Object.entries(values)) {
    const [root, offerId, input, ...rest] = key.split('.');
    if (root !== ORDER_FORM_FIELD || !offerId || rest.length > 0) continue;
    const known = ORDER_FORM_INPUTS.find((candidate) => candidate === input);
    if (!known || (typeof value !== 'string' && typeof value !== 'number')) continue;
    const entry = entries.get(offerId) ?? { offerId };
    entry[known] = String(value);
    entries.set(offerId, entry);
  }
  return [...entries.values()];
}

/** One line added or changed on the card (checkLine), its problems at the offer's inputs. */
export function checkEntry(
  entry: LineEntry,
  context: OrderContext & { lines: readonly OrderLine[] },
): Validated<OrderLine> {
  return checkLine(entry, context, offerFieldPaths(entry.offerId));
}

/** What the order still needs (an add-on without its base), at each add-on's line. */
export function orderProblems(
  lines: readonly OrderLine[],
  context: Pick<OrderContext, 'offers' | 'ownedOfferIds'>,
): FieldError[] {
  return addOnProblems(lines, context, (offerId) => offerFieldPath(offerId));
}

/**
 * The order when the agent goes on: the lines as they are, with what the card still holds typed
 * applied (an entry for a line changes it, in its place; an entry for another offer with a licence
 * count typed is added at the end), under every order rule at once. Problems are at the form's paths:
 * `offers.<offerId>.quantity|term|billingCycle`, `offers.<offerId>` for the offer itself (not sold in
 * the country, an add-on without its base, unknown), `offers` for the order (nothing ordered, MCA
 * pending, too many lines).
 */
export function completeOrder(
  lines: readonly OrderLine[],
  entries: readonly LineEntry[],
  context: OrderContext,
): Validated<Order> {
  const typed = new Map(entries.map((entry) => [entry.offerId, entry]));
  const candidates: LineCandidate[] = lines.map((line) => ({
    ...(typed.get(line.offerId) ?? line),
    offerId: line.offerId,
    at: offerFieldPaths(line.offerId),
  }));
  const inOrder = new Set(lines.map((line) => line.offerId));
  for (const entry of entries) {
    if (!inOrder.has(entry.offerId) && isOrderedQuantity(entry.quantity)) {
      candidates.push({ ...entry, at: offerFieldPaths(entry.offerId) });
    }
  }
  return checkOrderLines(candidates, context, ORDER_FORM_FIELD);
}
