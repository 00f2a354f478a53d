import type { AddressInfo } from 'node:net';
import { openDatabase } from '../services/cosmos/containers';
import { createCosmosAccess, type CosmosAccess } from '../services/cosmos/cosmosClientFactory';
import type { EmbeddedCosmos } from '../services/cosmos/embeddedCosmos';
import { createAdapter } from './adapter';
import { composeBot } from './composeBot';
import { NotificationDispatcher, type DispatcherOptions } from './notifications/dispatcher';
import { AdapterNotificationSender } from './notifications/notificationSender';
import { mayCreateContainers, type Config } from './config';
import type { Logger } from './logger';
import { loadLocalAgentRoles } from './playground/localAgentsFile';
import { createServer } from './server';
import { mountWebChat } from './webChat/registration';
import {
  openPartnerCenter,
  type GivenPartnerCenter,
  type PartnerCenterAccess,
} from './partnerCenter/partnerCenterAccess';
import { ChatCreationAnnouncer } from './partnerCenter/creationAnnouncer';
import { CustomerCreation, type CustomerCreationOptions } from '../services/partnerCenter/customerCreation';
import { PendingCreations } from '../services/partnerCenter/pendingCreations';
import { containerDefinitions } from '../services/cosmos/containers';

export interface RunningBot {
  /** Where the bot listens, e.g. http://localhost:3978/api/messages */
  messagesUrl: string;
  /** The local web chat page, in local mode (no MicrosoftAppId) only. */
  chatUrl?: string;
  port: number;
  /** The address the server listens on: 127.0.0.1 in local mode unless HOST says otherwise. */
  address: string;
  cosmos: CosmosAccess;
  databaseId: string;
  /** The embedded store, when no COSMOS_ENDPOINT is configured. */
  embedded?: EmbeddedCosmos;
  /** Sends managers' onboarding notifications from the outbox. */
  dispatcher: NotificationDispatcher;
  /** Creates submitted customers in Partner Center. */
  creation: CustomerCreation;
  /** Microsoft's Partner Center or the local one this process started. */
  partnerCenter: PartnerCenterAccess;
  /** Stops accepting, finishes turns in flight, saves the embedded store, closes everything. */
  stop(): Promise<void>;
}

/** Settings tests and the benchmark change; the product runs with the defaults. */
export interface StartOptions {
  dispatcher?: Omit<DispatcherOptions, 'notifications' | 'onboarding' | 'sender' | 'logger'>;
  /** A Partner Center the caller started (e.g. behind a fault proxy), in place of the configured one. */
  partnerCenter?: GivenPartnerCenter;
  creation?: Pick<CustomerCreationOptions, 'backoff' | 'pollMs' | 'leaseMs'>;
}

const shutdownGraceMs = 10_000;

export async function startBot(
  config: Config,
  logger: Logger,
  options: StartOptions = {},
): Promise<RunningBot> {
  let embedded: EmbeddedCosmos | undefined;
  let cosmos: CosmosAccess;
  if (config.cosmos.mode === 'embedded') {
    // The embedded store's server is loaded only when it is the store.
    const { startEmbeddedCosmos, embeddedCosmosKey } = await import('../services/cosmos/embeddedCosmos');
    embedded = await startEmbeddedCosmos({
      port: config.cosmos.port,
      ...(config.cosmos.dataDir ? { dataDir: config.cosmos.dataDir } : {}),
    });
    cosmos = createCosmosAccess({ endpoint: embedded.endpoint, key: embeddedCosmosKey });
  } else {
    cosmos = createCosmosAccess({
      endpoint: config.cosmos.endpoint,
      ...(config.cosmos.key ? { key: config.cosmos.key } : {}),
    });
  }

  let opening: Promise<PartnerCenterAccess> | undefined;
  try {
    // Partner Center only after the embedded store, which claims the data folder they share.
    opening = openPartnerCenter(config, options.partnerCenter);
    const [partnerCenter, database] = await Promise.all([
      opening,
      openDatabase(cosmos.client, config.cosmos.databaseId, {
        create: mayCreateContainers(config.cosmos),
        endpoint: cosmos.endpoint,
      }),
    ]);

    // The worker needs the bot's adapter, which is made after the bot; the server listens only once
    // both exist.
    const worker: { creation?: CustomerCreation } = {};
    const { bot, notifications, onboarding, customers } = await composeBot({
      database,
      partner: config.partner,
      partnerCenter: partnerCenter.partnerCenter,
      onCreationPending: () => worker.creation?.wake(),
      ...(config.bot.appId
        ? {}
        : { localAgent: config.localAgent, localAgents: await loadLocalAgentRoles(config.localAgentsFile) }),
    });
    const adapter = createAdapter(config, logger);
    const sender = new AdapterNotificationSender(adapter, config.bot.appId ?? '');
    const dispatcher = new NotificationDispatcher({
      leaseMs: config.notificationLeaseMs,
      ...options.dispatcher,
      notifications,
      onboarding,
      sender,
      logger,
    });
    const customerContainer = database.container(containerDefinitions.customers.id);
    const creation = new CustomerCreation({
      ...options.creation,
      pending: new PendingCreations(customerContainer),
      partnerCenter: partnerCenter.partnerCenter,
      announcer: new ChatCreationAnnouncer({ sender, logger }),
      giveBack: (record) => customers.giveBack(record),
      log: {
        info: (event, detail) => logger.info(detail, event),
        warn: (event, detail) => logger.warn(detail, event),
      },
    });
    worker.creation = creation;
    const probeStore = async () => {
      await database.read();
    };
    const { server, drain } = createServer(adapter, bot, probeStore, logger, {
      repliesOnlyToLoopback: !config.bot.appId,
    });
    const webChat = config.bot.appId ? undefined : mountWebChat(server, logger);
    await new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      if (config.host) server.listen(config.port, config.host, () => resolve());
      else server.listen(config.port, () => resolve());
    });
    const { port, address } = server.address() as AddressInfo;
    dispatcher.start();
    creation.start();

    return {
      messagesUrl: `http://localhost:${port}/api/messages`,
      ...(webChat ? { chatUrl: `http://localhost:${port}${webChat.path}` } : {}),
      port,
      address,
      cosmos,
      databaseId: config.cosmos.databaseId,
      ...(embedded ? { embedded } : {}),
      dispatcher,
      creation,
      partnerCenter,
      async stop() {
        await drain(shutdownGraceMs);
        await dispatcher.stop();
        await creation.stop();
        await partnerCenter.stop();
        await embedded?.stop();
        cosmos.dispose();
      },
    };
  } catch (error) {
    cosmos.dispose();
    // Stopped once it is open, when the failure was elsewhere.
    await (await opening?.catch(() => undefined))?.stop();
    await embedded?.stop();
    throw error;
  }
}
