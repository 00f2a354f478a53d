import { z } from 'zod';

/** Commitment terms as Partner Center names them (ISO 8601 durations). */
export const TermSchema = z.enum(['P1M', 'P1Y', 'P3Y']);
export type Term = z.infer<typeof TermSchema>;

export const BillingCycleSchema = z.enum(['monthly', 'annual', 'triennial']);
export type BillingCycle = z.infer<typeof BillingCycleSchema>;

const TERM_MONTHS: Record<Term, number> = { P1M: 1, P1Y: 12, P3Y: 36 };
const BILLING_CYCLE_MONTHS: Record<BillingCycle, number> = { monthly: 1, annual: 12, triennial: 36 };

/** A term is billed at most once per term: a one-year term can be billed monthly or annually, not triennially. */
export function billingCycleFitsTerm(billingCycle: BillingCycle, term: Term): boolean {
  return BILLING_CYCLE_MONTHS[billingCycle] <= TERM_MONTHS[term];
}

export function isTerm(value: unknown): value is Term {
  return TermSchema.safeParse(value).success;
}

export function isBillingCycle(value: unknown): value is BillingCycle {
  return BillingCycleSchema.safeParse(value).success;
}
