import type { MessageKey, MessageParam, WordList } from '../../messages/catalogue';
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

/** "1 year" for P1Y, as catalogue words; an unknown value is shown as typed, so the agent sees what was refused. */
export function termLabel(term: unknown): MessageParam {
  return isTerm(term) ? { key: TERM_LABELS[term] } : String(term);
}

/** "annually" for annual; an unknown value is shown as typed. */
export function billingCycleLabel(billingCycle: unknown): MessageParam {
  return isBillingCycle(billingCycle) ? { key: BILLING_CYCLE_LABELS[billingCycle] } : String(billingCycle);
}

const BILLING_CYCLE_CHOICES: Record<BillingCycle, MessageKey> = {
  monthly: 'order.billingCycle.choice.monthly',
  annual: 'order.billingCycle.choice.annual',
  triennial: 'order.billingCycle.choice.triennial',
};

/** "Billed annually": a billing frequency as a choice of its own. */
export function billingCycleChoice(billingCycle: BillingCycle): MessageParam {
  return { key: BILLING_CYCLE_CHOICES[billingCycle] };
}

/** "A, B or C", in the reader's language. */
export function listAlternatives(items: readonly MessageParam[]): WordList {
  return { list: items, join: 'or' };
}

/** "A, B and C", in the reader's language. */
export function listAll(items: readonly MessageParam[]): WordList {
  return { list: items, join: 'and' };
}
