import type { CustomerService } from '../services/customers/customerService';
import type { AgentResolver } from './agentResolver';
import type { DraftStore } from './draft';

/** What the dialogs need from the rest of the bot. */
export interface FlowServices {
  customers: CustomerService;
  drafts: DraftStore;
  resolveAgent: AgentResolver;
  now: () => Date;
}
