import type { ExistingCustomer } from '../services/customers/customerService';

/** How a step (and so the flow) can end, besides simply going on. */
export type FlowResult =
  | { kind: 'created'; customerId: string }
  /** The customer is already the partner's own: shown with its record, nothing added. */
  | { kind: 'ownCustomer'; customer: ExistingCustomer }
  /** "Discard the draft?" answered no: the card below it comes back. */
  | { kind: 'keptDraft' };

export const keptDraft: FlowResult = { kind: 'keptDraft' };
