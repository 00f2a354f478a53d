import { randomUUID } from 'node:crypto';
import { loadConfig } from '../../bot/config';
import type { RunningBot } from '../../bot/startBot';
import { CatalogueStore } from '../../services/catalogue/catalogueStore';
import { CustomerService, type AgentContext } from '../../services/customers/customerService';
import { OnboardingNotifications } from '../../services/notifications/onboardingNotifications';
import { RoleDirectory } from '../../services/roles/roleDirectory';
import { BotClient } from '../harness/botClient';
import type { ConnectorRecorder } from '../harness/connectorRecorder';
import { dutchDraft } from '../fixtures/customerDrafts';

export const tenantId = '5b1c2d3e-4f50-4a6b-9c7d-8e9fa0b1c2d3';

export interface TestManager {
  id: string;
  name: string;
  /** Their personal chat with the bot, where notifications arrive. */
  conversationId: string;
  chat: BotClient;
}

/**
 * The bot of a notification test, seen from outside: managers who install it in Teams, an agent's
 * submits through the customer service on the same store, and the Teams endpoint that receives.
 */
export class NotificationScene {
  readonly roles: RoleDirectory;
  readonly customers: CustomerService;
  private readonly managers: TestManager[] = [];
  private count = 0;

  constructor(
    readonly bot: RunningBot,
    readonly teams: ConnectorRecorder,
  ) {
    const database = bot.cosmos.client.database(bot.databaseId);
    this.roles = RoleDirectory.forDatabase(database);
    this.customers = new CustomerService({
      database,
      catalogue: CatalogueStore.forDatabase(database),
      partner: loadConfig({}).partner,
      outbox: new OnboardingNotifications({ database, managers: () => this.roles.withRole('manager') }),
    });
  }

  /** A manager (the role, and the app installed in their personal chat, unless `installed` is false). */
  async manager(name: string, options: { installed?: boolean } = {}): Promise<TestManager> {
    const id = randomUUID();
    await this.roles.assign(id, ['manager'], { by: 'test', displayName: name });
    const conversationId = `a:personal-${id}`;
    const chat = new BotClient(this.bot.messagesUrl, {
      channelId: 'msteams',
      serviceUrl: this.teams.serviceUrl,
      conversationId,
      conversation: { conversationType: 'personal', tenantId },
      channelData: { tenant: { id: tenantId } },
      user: { id: `29:${id}`, name, aadObjectId: id },
    });
    const manager = { id, name, conversationId, chat };
    this.managers.push(manager);
    if (options.installed !== false)
      await chat.send({ type: 'installationUpdate', action: 'add', text: undefined });
    return manager;
  }

  /** An agent in Teams submits a new customer; resolves with the outcome. */
  async onboard(legalName?: string) {
    this.count += 1;
    const n = `${Date.now().toString(36)}${this.count}`;
    const agent: AgentContext = {
      actor: { agentId: 'agent-anna', displayName: 'Anna de Vries', channel: 'msteams' },
      roles: ['salesAgent'],
      origin: { channelId: 'msteams', serviceUrl: this.teams.serviceUrl, tenantId, botId: '28:bot' },
    };
    const outcome = await this.customers.submit(
      dutchDraft({ legalName: legalName ?? `Fabrikam ${n} B.V.`, domainPrefix: `fabrikam${n}` }),
      { idempotencyKey: randomUUID(), agent },
    );
    if (outcome.kind !== 'created') throw new Error(`The submit was ${outcome.kind}`);
    return outcome;
  }

  /** Notification cards a conversation accepted. */
  delivered(conversationId: string) {
    return this.teams.sent(conversationId).filter((activity) => activity.attachments?.length);
  }

  /** Takes the manager role from this test's managers, so later tests' onboardings skip them. */
  async retireManagers(): Promise<void> {
    for (const manager of this.managers.splice(0)) {
      await this.roles.assign(manager.id, [], { by: 'test' });
    }
  }
}
