import type { Database } from '@azure/cosmos';
import { createAgentResolver, type LocalAgent } from '../dialogs/agentResolver';
import { DraftStore } from '../dialogs/draft';
import type { LocalAgentRoles } from '../dialogs/localAgents';
import { OnboardingConversation } from '../dialogs/onboardingConversation';
import { CatalogueStore } from '../services/catalogue/catalogueStore';
import { loadCatalogue } from '../services/catalogue/loadCatalogue';
import { containerDefinitions } from '../services/cosmos/containers';
import { CustomerService } from '../services/customers/customerService';
import type { Manager } from '../services/notifications/notificationPlan';
import { OnboardingNotifications } from '../services/notifications/onboardingNotifications';
import { OnboardingService } from '../services/onboarding/onboardingService';
import type { PartnerProfile } from '../services/partner/partnerProfile';
import type { PartnerCenter } from '../services/partnerCenter/partnerCenter';
import { RoleDirectory } from '../services/roles/roleDirectory';
import { checkedConversationState, checkedUserState, CosmosStateStorage } from './cosmosStateStorage';
import { AgentLanguage } from '../dialogs/agentLanguage';
import { OnboardingBot } from './onboardingBot';
import { StateCache } from './stateCache';

/**
 * Conversation and user states kept in memory per instance: a few KB each, so about 20 MB at most;
 * an agent's next turn is then served without a read.
 */
const defaultStateCacheEntries = 5000;
const agentChoicesMaxAgeMs = 30_000;

export interface BotParts {
  database: Database;
  partner: PartnerProfile;
  /** The stand-in identity for channels without Microsoft Entra ids; only in local mode. */
  localAgent?: LocalAgent;
  /** Roles of object ids the role directory does not know (the Playground's mock users); local mode only. */
  localAgents?: LocalAgentRoles;
  now?: () => Date;
  /** Where customers are checked and created; none: records only (some tests). */
  partnerCenter?: PartnerCenter;
  /** A submit wrote a record whose customer is to be created in Partner Center. */
  onCreationPending?: () => void;
  /** States an instance keeps in memory (default 5,000). */
  stateCacheEntries?: number;
}

export interface ComposedBot {
  bot: OnboardingBot;
  customers: CustomerService;
  roles: RoleDirectory;
  catalogue: CatalogueStore;
  notifications: OnboardingNotifications;
  onboarding: OnboardingService;
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
  const roles = RoleDirectory.forDatabase(database);
  const notifications = new OnboardingNotifications({
    database,
    now,
    managers: () => managersOf(roles, parts),
  });
  const customers = new CustomerService({
    database,
    catalogue,
    partner,
    now,
    outbox: notifications,
    ...(parts.partnerCenter ? { partnerCenter: parts.partnerCenter } : {}),
    ...(parts.onCreationPending ? { onCreationPending: parts.onCreationPending } : {}),
  });

  // Keyed by conversation and agent: in a group chat or channel each agent keeps their own draft.
  // Served from memory when this instance wrote it last; checked by each write, and before a submit
  // or an answer that writes nothing.
  const botState = database.container(containerDefinitions.botState.id);
  const conversationStorage = new CosmosStateStorage(botState, {
    cache: new StateCache({ capacity: parts.stateCacheEntries ?? defaultStateCacheEntries }),
  });
  const agentState = checkedConversationState(conversationStorage);
  // Per agent, whatever the conversation: the language they chose. Another instance's choice shows
  // here within `agentChoicesMaxAgeMs`; in the conversation where it was made, at once (the choice is
  // in its conversation state too).
  const agentChoices = checkedUserState(
    new CosmosStateStorage(botState, {
      cache: new StateCache({
        capacity: parts.stateCacheEntries ?? defaultStateCacheEntries,
        maxAgeMs: agentChoicesMaxAgeMs,
      }),
      cacheAbsence: true,
    }),
  );
  const onboarding = new OnboardingService(customers, catalogue, now);
  const conversation = new OnboardingConversation(agentState.createProperty('dialogState'), {
    onboarding,
    drafts: new DraftStore(agentState.createProperty('draft')),
    notifications,
    resolveAgent: createAgentResolver(roles, parts.localAgent, parts.localAgents),
    language: new AgentLanguage(
      agentChoices.createProperty('language'),
      agentState.createProperty('language'),
    ),
    now,
  });
  const bot = new OnboardingBot([agentChoices, agentState], conversation, async (context) =>
    conversationStorage.confirmCurrent(await agentState.load(context)),
  );
  return { bot, customers, roles, catalogue, notifications, onboarding };
}

/**
 * Everyone with the manager role: the role directory's, and in local mode the local agents' (the
 * Playground's mock users, the configured local agent) unless the directory says otherwise of them.
 */
async function managersOf(roles: RoleDirectory, parts: BotParts): Promise<Manager[]> {
  const directory = await roles.withRole('manager');
  const local = [
    ...(parts.localAgent?.roles.includes('manager')
      ? [{ id: parts.localAgent.id, displayName: parts.localAgent.name }]
      : []),
    ...(parts.localAgents?.withRole('manager') ?? []),
  ];
  const managers = new Map<string, Manager>();
  for (const entry of directory) {
    managers.set(entry.id.toLowerCase(), {
      id: entry.id,
      ...(entry.displayName ? { displayName: entry.displayName } : {}),
    });
  }
  for (const agent of local) {
    const id = agent.id.toLowerCase();
    if (managers.has(id) || (await roles.entry(agent.id).catch(() => undefined))) continue;
    managers.set(id, agent);
  }
  return [...managers.values()];
}
