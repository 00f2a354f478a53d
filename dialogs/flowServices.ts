import type { OnboardingNotifications } from '../services/notifications/onboardingNotifications';
import type { OnboardingService } from '../services/onboarding/onboardingService';
import type { AgentLanguage } from './agentLanguage';
import type { AgentResolver } from './agentResolver';
import type { DraftStore } from './draft';

/** What the dialogs need from the rest of the bot. */
export interface FlowServices {
  onboarding: OnboardingService;
  drafts: DraftStore;
  /** Managers' notifications: their choices and the state of what was sent to them. */
  notifications: OnboardingNotifications;
  resolveAgent: AgentResolver;
  /** The language each agent is answered in. */
  language: AgentLanguage;
  now: () => Date;
}
