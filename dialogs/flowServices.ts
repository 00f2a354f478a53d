import type { OnboardingService } from '../services/onboarding/onboardingService';
import type { AgentResolver } from './agentResolver';
import type { DraftStore } from './draft';

/** What the dialogs need from the rest of the bot. */
export interface FlowServices {
  onboarding: OnboardingService;
  drafts: DraftStore;
  resolveAgent: AgentResolver;
  now: () => Date;
}
