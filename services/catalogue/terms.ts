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

/** The usual commitment when the agent chose none: one year where the offer has it, else its first term. */
export function defaultTerm(offer: { readonly terms: readonly Term[] }): Term | undefined {
  return offer.terms.includes('P1Y') ? 'P1Y' : offer.terms[0];
}

/**
 * How a line is billed when the agent chose nothing: monthly where the offer has it and it fits
 * the term, else the offer's first billing cycle that fits the term; undefined when none fits.
 */
export function defaultBillingCycle(
  offer: { readonly billingCycles: readonly BillingCycle[] },
  term: Term,
): BillingCycle | undefined {
  const fitting = offer.billingCycles.filter((cycle) => billingCycleFitsTerm(cycle, term));
  return fitting.includes('monthly') ? 'monthly' : fitting[0];
}

/** What a line of `offer` gets when the agent chooses nothing: what a card shows before a choice. */
export function defaultChoices(offer: {
  readonly terms: readonly Term[];
  readonly billingCycles: readonly BillingCycle[];
}): { term: Term | undefined; billingCycle: BillingCycle | undefined } {
  const term = defaultTerm(offer);
  return { term, billingCycle: term ? defaultBillingCycle(offer, term) : undefined };
}
