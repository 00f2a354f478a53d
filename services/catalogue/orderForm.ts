import { z } from 'zod';
import { fieldError, type Validated } from '../validation/fieldError';
import { checkOrderLines, type LineCandidate, type OrderContext } from './orderRules';
import type { Order } from './schemas';

/**
 * The order as the subscriptions card holds it: per offer the text of its inputs, whose ids are
 * the field paths `offers.<offerId>.quantity`, `offers.<offerId>.term`, `offers.<offerId>.billingCycle`.
 * Offer ids never contain "." (OfferSchema refuses it), so a path splits back unambiguously.
 */
export const ORDER_FORM_FIELD = 'offers';

export const ORDER_FORM_INPUTS = ['quantity', 'term', 'billingCycle'] as const;
export type OrderFormInput = (typeof ORDER_FORM_INPUTS)[number];

export interface OfferFormValues {
  quantity?: string;
  term?: string;
  billingCycle?: string;
}

export interface OrderForm {
  offers: Record<string, OfferFormValues>;
}

/** `offers.<offerId>` (the offer's line as a whole), or `offers.<offerId>.<input>` (one of its inputs). */
export function offerFieldPath(offerId: string, input?: OrderFormInput): string {
  return input ? `${ORDER_FORM_FIELD}.${offerId}.${input}` : `${ORDER_FORM_FIELD}.${offerId}`;
}

/**
 * The one rule for "is this line ordered": a quantity that is blank, absent or 0 is not ordered;
 * anything else is, so that "ten" or "-3" reaches the quantity rules and gets its message.
 */
export function isOrderedQuantity(quantity: unknown): boolean {
  if (quantity === undefined || quantity === null) return false;
  if (typeof quantity === 'number') return quantity !== 0;
  const text = String(quantity).trim();
  return text !== '' && !/^[+-]?0+$/.test(text);
}

/** Card values come as text; a number (Input.Number on some clients) is taken as its text. */
const FormValueSchema = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((value) => (value === null || value === undefined ? undefined : String(value)));
const OfferFormValuesSchema = z.object({
  quantity: FormValueSchema,
  term: FormValueSchema,
  billingCycle: FormValueSchema,
});
const OrderFormSchema = z
  .object({ offers: z.record(z.string(), OfferFormValuesSchema.nullish()).nullish() })
  .nullish();

/**
 * Checks the subscriptions form and builds the order from it: the ordered lines (isOrderedQuantity),
 * in the form's order, each with its term and billing cycle (the agent's choice, else the offer's
 * default), under the same rules as validateOrder. Problems are reported at the form's paths:
 * `offers.<offerId>.quantity|term|billingCycle`, `offers.<offerId>` for the offer itself (not sold in
 * the country, an add-on without its base, unknown), `offers` for the order (nothing ordered, MCA pending,
 * unreadable).
 */
export function validateOrderForm(form: unknown, context: OrderContext): Validated<Order> {
  const parsed = OrderFormSchema.safeParse(form);
  if (!parsed.success) {
    return { ok: false, errors: [fieldError(ORDER_FORM_FIELD, 'order.unreadable')] };
  }
  const offers = parsed.data?.offers ?? {};
  const candidates: LineCandidate[] = Object.entries(offers).flatMap(([offerId, values]) => {
    if (!values || !isOrderedQuantity(values.quantity)) return [];
    return [
      {
        offerId,
        quantity: values.quantity,
        term: values.term,
        billingCycle: values.billingCycle,
        at: (field) => offerFieldPath(offerId, field === 'offer' ? undefined : field),
      },
    ];
  });
  return checkOrderLines(candidates, context, ORDER_FORM_FIELD);
}

/** The card's values for an order: `{ 'offers.x.quantity': '5', 'offers.x.term': 'P1Y', ... }`. */
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
 * The form from a card's flat values (`activity.value`): every `offers.<offerId>.<input>` key with a
 * text or number value; anything else (the prompt id, the action, other inputs) is left out.
 */
export function orderFormFromValues(values: Readonly<Record<string, unknown>>): OrderForm {
  const offers: Record<string, OfferFormValues> = {};
  for (const [key, value] of Object.entries(values)) {
    const [root, offerId, input, ...rest] = key.split('.');
    if (root !== ORDER_FORM_FIELD || !offerId || rest.length > 0) continue;
    if (!ORDER_FORM_INPUTS.some((known) => known === input)) continue;
    if (typeof value !== 'string' && typeof value !== 'number') continue;
    if (!Object.prototype.hasOwnProperty.call(offers, offerId)) {
      Object.defineProperty(offers, offerId, { value: {}, enumerable: true, writable: true });
    }
    offers[offerId]![input as OrderFormInput] = String(value);
  }
  return { offers };
}
