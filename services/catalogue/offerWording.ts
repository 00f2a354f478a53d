import { say, type MessageKey } from '../messages/catalogue';
import { isBillingCycle, isTerm, type BillingCycle, type Term } from './terms';

const TERM_LABELS: Record<Term, MessageKey> = {
  P1M: 'order.term.P1M',
  P1Y: 'order.term.P1Y',
  P3Y: 'order.term.P3Y',
};

const BILLING_CYCLE_LABELS: Record<BillingCycle, MessageKey> = {
  monthly: 'order.billingCycle.monthly',
  annual: 'order.billingCycle.annual',
  triennial: 'order.billingCycle.triennial',
};

/** "1 year" for P1Y; an unknown value is shown as typed, so the agent sees what was refused. */
export function termLabel(term: unknown): string {
  return isTerm(term) ? say(TERM_LABELS[term]) : String(term);
}

/** "annually" for annual; an unknown value is shown as typed. */
export function billingCycleLabel(billingCycle: unknown): string {
  return isBillingCycle(billingCycle) ? say(BILLING_CYCLE_LABELS[billingCycle]) : String(billingCycle);
}

const BILLING_CYCLE_CHOICES: Record<BillingCycle, MessageKey> = {
  monthly: 'order.billingCycle.choice.monthly',
  annual: 'order.billingCycle.choice.annual',
  triennial: 'order.billingCycle.choice.triennial',
};

/** "Billed annually": a billing frequency as a choice of its own. */
export function billingCycleChoice(billingCycle: BillingCycle): string {
  return say(BILLING_CYCLE_CHOICES[billingCycle]);
}

/** "A, B or C". */
export function listAlternatives(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return say('order.list.or', { items: items.slice(0, -1).join(', '), last: items[items.length - 1]! });
}

/** "A, B and C". */
export function listAll(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return say('order.list.and', { items: items.slice(0, -1).join(', '), last: items[items.length - 1]! });
}
