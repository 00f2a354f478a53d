import type { Database } from '@azure/cosmos';
import { createAgentResolver, type LocalAgent } from '../dialogs/agentResolver';
import { DraftStore } from '../dialogs/draft';
import type { LocalAgentRoles } from '../dialogs/localAgents';
import { OnboardingConversation } from '../dialogs/onboardingConversation';
import { CatalogueStore } from '../services/catalogue/catalogueStore';
import { loadCatalogue } from '../services/catalogue/loadCatalogue';
import { containerDefinitions } from '../services/cosmos/containers';
import { CustomerService } from '../services/customers/customerService';
import { OnboardingService } from '../services/onboarding/onboardingService';
import type { PartnerProfile } from '../services/partner/partnerProfile';
import { RoleDirectory } from '../services/roles/roleDirectory';
import { CheckedConversationState, CosmosStateStorage } from './cosmosStateStorage';
import { OnboardingBot } from './onboardingBot';

export interface BotParts {
  database: Database;
  partner: PartnerProfile;
  /** The stand-in identity for channels without Microsoft Entra ids; only in local mode. */
  localAgent?: LocalAgent;
  /** Roles of object ids the role directory does not know (the Playground's mock users); local mode only. */
  localAgents?: LocalAgentRoles;
  now?: () => Date;
}

export interface ComposedBot {
  bot: OnboardingBot;
  customers: CustomerService;
  roles: RoleDirectory;
  catalogue: CatalogueStore;
}

/**
 * Wires the services, the dialogs and the bot on one database. The partner's catalogue files are
 * loaded into it first (only when they changed).
 */
export async function composeBot(parts: BotParts): Promise<ComposedBot> {
  const { database, partner } = parts;
  const now = parts.now ?? (() => new Date());
  const catalogue = CatalogueStore.forDatabase(database);
  await catalogue.sync(await loadCatalogue());
  const customers = new CustomerService({ database, catalogue, partner, now });
  const roles = RoleDirectory.forDatabase(database);

  // Keyed by conversation and agent: in a group chat or channel each agent keeps their own draft.
  const agentState = new CheckedConversationState(
    new CosmosStateStorage(database.container(containerDefinitions.botState.id)),
  );
  const conversation = new OnboardingConversation(agentState.createProperty('dialogState'), {
    onboarding: new OnboardingService(customers, catalogue, now),
    drafts: new DraftStore(agentState.createProperty('draft')),
    resolveAgent: createAgentResolver(roles, parts.localAgent, parts.localAgents),
    now,
  });
  return { bot: new OnboardingBot(agentState, conversation), customers, roles, catalogue };
}
