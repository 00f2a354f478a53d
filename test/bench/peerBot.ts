import {
  ActivityHandler,
  ConversationState,
  MessageFactory,
  UserState,
  type StatePropertyAccessor,
  type TurnContext,
} from 'botbuilder';
import { CosmosDbPartitionedStorage } from 'botbuilder-azure';
import {
  ComponentDialog,
  DialogSet,
  DialogTurnStatus,
  TextPrompt,
  WaterfallDialog,
  type DialogState,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { createAdapter } from '../../bot/adapter';
import { loadConfig } from '../../bot/config';
import { createLogger } from '../../bot/logger';
import { createServer } from '../../bot/server';
import { createCosmosAccess } from '../../services/cosmos/cosmosClientFactory';
import { isLoopbackUrl } from '../../services/network/loopback';

interface CustomerProfile {
  companyName?: string;
  domain?: string;
  country?: string;
  email?: string;
}

const textPrompt = 'TEXT_PROMPT';
const waterfall = 'WATERFALL_DIALOG';

/**
 * The Bot Framework samples' multi-turn prompt (05.multi-turn-prompt's UserProfileDialog): a
 * ComponentDialog whose WaterfallDialog asks one TextPrompt per step, the answers kept in the step's
 * values and the profile saved to user state at the end.
 */
export class CustomerProfileDialog extends ComponentDialog {
  constructor(private readonly profile: StatePropertyAccessor<CustomerProfile>) {
    super('customerProfileDialog');
    this.addDialog(new TextPrompt(textPrompt));
    this.addDialog(
      new WaterfallDialog(waterfall, [
        (step) => this.ask(step, "What is the customer's company name?"),
        (step) => this.keep(step, 'companyName', 'Which domain prefix should its tenant get?'),
        (step) => this.keep(step, 'domain', 'In which country is the company?'),
        (step) => this.keep(step, 'country', "What is the primary contact's email address?"),
        (step) => this.finish(step),
      ]),
    );
    this.initialDialogId = waterfall;
  }

  /** The samples' `run`: continue the active dialog, or begin this one. */
  async run(context: TurnContext, accessor: StatePropertyAccessor<DialogState>): Promise<void> {
    const dialogSet = new DialogSet(accessor);
    dialogSet.add(this);
    const dialogContext = await dialogSet.createContext(context);
    const results = await dialogContext.continueDialog();
    if (results.status === DialogTurnStatus.empty) await dialogContext.beginDialog(this.id);
  }

  private ask(step: WaterfallStepContext, question: string) {
    return step.prompt(textPrompt, { prompt: MessageFactory.text(question) });
  }

  private keep(step: WaterfallStepContext, field: keyof CustomerProfile, next: string) {
    (step.values as CustomerProfile)[field] = step.result as string;
    return this.ask(step, next);
  }

  private async finish(step: WaterfallStepContext) {
    const values = step.values as CustomerProfile;
    values.email = step.result as string;
    const profile = await this.profile.get(step.context, {});
    Object.assign(profile, values);
    await step.context.sendActivity(
      MessageFactory.text(`Thanks. ${profile.companyName} (${profile.domain}, ${profile.country}) is noted.`),
    );
    return step.endDialog();
  }
}

/** The samples' DialogBot: runs the dialog on every message and saves both states after the turn. */
export class PeerBot extends ActivityHandler {
  constructor(conversationState: ConversationState, userState: UserState) {
    super();
    const dialogState = conversationState.createProperty<DialogState>('DialogState');
    const dialog = new CustomerProfileDialog(userState.createProperty<CustomerProfile>('CustomerProfile'));
    this.onMessage(async (context, next) => {
      await dialog.run(context, dialogState);
      await next();
    });
    this.onDialog(async (context, next) => {
      await conversationState.saveChanges(context, false);
      await userState.saveChanges(context, false);
      await next();
    });
  }
}

export interface PeerStore {
  endpoint: string;
  key: string;
  databaseId: string;
}

export interface RunningPeerBot {
  messagesUrl: string;
  stop(): Promise<void>;
}

export const peerContainerId = 'peerState';

/**
 * The peer behind the bot's own HTTP layer, as the echo bot is (bot/server.ts, bot/adapter.ts), on
 * botbuilder-azure's CosmosDbPartitionedStorage (container partitioned on /id, created by the storage;
 * the database must exist first). A loopback store's self-signed certificate is accepted through the
 * client's agent, as the bot's own client does.
 */
export async function startPeerBot(store: PeerStore): Promise<RunningPeerBot> {
  const access = createCosmosAccess({ endpoint: store.endpoint, key: store.key });
  await access.client.databases.createIfNotExists({ id: store.databaseId });
  access.dispose();
  const agent = isLoopbackUrl(store.endpoint)
    ? new https.Agent({ rejectUnauthorized: false, keepAlive: true })
    : undefined;
  const storage = new CosmosDbPartitionedStorage({
    cosmosDbEndpoint: store.endpoint,
    authKey: store.key,
    databaseId: store.databaseId,
    containerId: peerContainerId,
    compatibilityMode: false,
    ...(agent
      ? { cosmosClientOptions: { agent, connectionPolicy: { enableEndpointDiscovery: false } } }
      : {}),
  });
  const config = loadConfig({ PORT: '0', LOG_LEVEL: 'error' });
  const logger = createLogger(config.logLevel);
  const adapter = createAdapter(config, logger);
  const bot = new PeerBot(new ConversationState(storage), new UserState(storage));
  const { server, drain } = createServer(adapter, bot, async () => undefined, logger);
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    messagesUrl: `http://localhost:${port}/api/messages`,
    async stop() {
      await drain(1000);
      agent?.destroy();
    },
  };
}
