/**
 * A child process that runs one bot for the benchmark: `node dist/test/bench/botHost.js onboarding`
 * (the real bot through bot/startBot.ts, on COSMOS_ENDPOINT, which is the store process's or Azure's,
 * or on the embedded store in this process), `… peer` (the SDK's own stateful pattern, on the same
 * store) or `… echo` (the floor). It counts Cosmos DB requests (also by who made them: a turn or
 * background work) and answers snapshots (CPU, memory, counts) over IPC. The bot, the store and the
 * load generator live in different processes so that none's work is billed to another.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../bot/config';
import { createLogger } from '../../bot/logger';
import { startBot, type RunningBot } from '../../bot/startBot';
import { containerDefinitions } from '../../services/cosmos/containers';
import {
  embeddedCosmosKey,
  startEmbeddedCosmos,
  type EmbeddedJournalStats,
} from '../../services/cosmos/embeddedCosmos';
import { RoleDirectory } from '../../services/roles/roleDirectory';
import { benchBotEnvironment } from './benchEnvironment';
import {
  countClientRequests,
  countServerRequests,
  emptyByMaker,
  emptyTally,
  type Tally,
} from './cosmosRequests';
import { startEchoBot } from './echoBot';
import type { BotKind, HostCreations, HostReady, HostRequest, HostSnapshot, StoreMode } from './hostProtocol';
import { answerRequests } from './ipcChild';
import { callsFrom, type PartnerCenterCalls } from './partnerCenterCalls';
import { inTurn, markTurns } from './turnMarks';

interface Running {
  messagesUrl: string;
  store: string;
  databaseId?: string;
  assignRoles?(agentIds: string[]): Promise<void>;
  journalStats?(): EmbeddedJournalStats | undefined;
  /** Calls the local Partner Center received, when the bot started one (local mode). */
  partnerCenterCalls?(): PartnerCenterCalls;
  creations?(domain?: string): Promise<HostCreations>;
  stop(): Promise<void>;
}

/**
 * What the onboarding bot's Partner Center side shows the benchmark: the local Partner Center's count
 * of the requests it received, and the creation worker's entries read from the customers container
 * (queries the benchmark makes itself: they reach the store like the bot's own requests).
 */
function partnerCenterOf(running: RunningBot): Pick<Running, 'partnerCenterCalls' | 'creations'> {
  const local = running.partnerCenter.local;
  const customers = running.cosmos.client
    .database(running.databaseId)
    .container(containerDefinitions.customers.id);
  return {
    ...(local
      ? { partnerCenterCalls: () => callsFrom((method, prefix) => local.requests.count(method, prefix)) }
      : {}),
    async creations(domain) {
      const { resources: pending } = await customers.items
        .query<string>("SELECT VALUE c.id FROM c WHERE c.partnerCenter.state = 'pending'")
        .fetchAll();
      if (!domain) return { pending: pending.length };
      const { resources: states } = await customers.items
        .query<string>({
          query: 'SELECT VALUE c.partnerCenter.state FROM c WHERE c.domain = @domain',
          parameters: [{ name: '@domain', value: domain }],
        })
        .fetchAll();
      return { pending: pending.length, ...(states[0] ? { state: states[0] } : {}) };
    },
  };
}

/**
 * The onboarding bot on an embedded store with a data folder (a fresh temporary one), with or without
 * its journal. `bot/startBot.ts` starts the embedded store from the environment with the journal
 * always on, so here the host starts the store itself, in this process as the bot does, and hands the
 * bot its endpoint: the bot's requests take the same path (the Cosmos client over loopback HTTPS to
 * the server in the same process).
 */
async function startOnDataFolder(mode: 'snapshot' | 'journal', server: Tally): Promise<Running> {
  if (process.env.COSMOS_ENDPOINT?.trim()) {
    throw new Error(
      'The journal comparison runs on the embedded store: unset COSMOS_ENDPOINT or pass --no-journal',
    );
  }
  const dataDir = await mkdtemp(path.join(os.tmpdir(), `bench-${mode}-`));
  const store = await startEmbeddedCosmos({ dataDir, durable: mode === 'journal' });
  countServerRequests(Number(new URL(store.endpoint).port), server);
  const config = loadConfig(
    benchBotEnvironment(process.env, { COSMOS_ENDPOINT: store.endpoint, COSMOS_KEY: embeddedCosmosKey }),
  );
  const running = await startBot(config, createLogger(config.logLevel));
  return {
    messagesUrl: running.messagesUrl,
    store:
      `embedded Cosmos DB (@vercel/cosmosdb-server, in the bot process) with a data folder in ${os.tmpdir()}, ` +
      (mode === 'journal' ? 'journal on' : 'journal off (snapshot a second after a change)'),
    databaseId: running.databaseId,
    journalStats: () => store.journalStats(),
    ...partnerCenterOf(running),
    async stop() {
      await running.stop();
      await store.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function start(kind: BotKind, server: Tally): Promise<Running> {
  if (kind === 'echo') {
    const echo = await startEchoBot();
    return { messagesUrl: echo.messagesUrl, store: 'none', stop: echo.stop };
  }
  const mode = (process.env.BENCH_STORE ?? 'process') as StoreMode;
  if (kind === 'peer') {
    const environment = benchBotEnvironment(process.env);
    if (mode !== 'process' || !environment.COSMOS_ENDPOINT)
      throw new Error('The peer runs on the store process or on COSMOS_ENDPOINT only');
    const databaseId = environment.COSMOS_DATABASE!;
    // Loaded for the peer only: the onboarding bot's start-up figures hold only its own modules.
    const { startPeerBot } = await import('./peerBot');
    const peer = await startPeerBot({
      endpoint: environment.COSMOS_ENDPOINT,
      key: environment.COSMOS_KEY ?? '',
      databaseId,
    });
    return { ...peer, store: `Cosmos DB at ${environment.COSMOS_ENDPOINT}`, databaseId };
  }
  if (mode === 'snapshot' || mode === 'journal') return startOnDataFolder(mode, server);
  const config = loadConfig(
    benchBotEnvironment(
      mode === 'memory' ? { ...process.env, COSMOS_ENDPOINT: '', COSMOS_KEY: '' } : process.env,
    ),
  );
  const running = await startBot(config, createLogger(config.logLevel));
  if (running.embedded) countServerRequests(Number(new URL(running.embedded.endpoint).port), server);
  const database = running.cosmos.client.database(running.databaseId);
  return {
    messagesUrl: running.messagesUrl,
    store: running.embedded
      ? 'embedded Cosmos DB (@vercel/cosmosdb-server, in the bot process, in memory)'
      : `Azure Cosmos DB at ${running.cosmos.endpoint}`,
    databaseId: running.databaseId,
    ...partnerCenterOf(running),
    async assignRoles(agentIds) {
      const directory = RoleDirectory.forDatabase(database);
      for (const agentId of agentIds) await directory.assign(agentId, ['salesAgent'], { by: 'benchmark' });
    },
    stop: () => running.stop(),
  };
}

async function main(): Promise<void> {
  const kind: BotKind =
    process.argv[2] === 'echo' || process.argv[2] === 'peer' ? process.argv[2] : 'onboarding';
  const modulesLoadedMs = process.uptime() * 1000;
  const client = emptyTally();
  const server = emptyTally();
  const made = emptyByMaker();
  countClientRequests(client, { inTurn, tallies: made });
  const starting = performance.now();
  const running = await start(kind, server);
  markTurns(Number(new URL(running.messagesUrl).port));
  const startup = {
    modulesLoadedMs,
    startMs: performance.now() - starting,
    requests: structuredClone(client),
  };
  const embedded = running.store.startsWith('embedded');
  const journal = () => running.journalStats?.();

  let profiler: Session | undefined;
  answerRequests<HostRequest>(async (request) => {
    switch (request.op) {
      case 'snapshot':
        return {
          at: Date.now(),
          cpu: process.cpuUsage(),
          memory: process.memoryUsage(),
          client: structuredClone(client),
          made: structuredClone(made),
          ...(embedded ? { server: structuredClone(server) } : {}),
          ...(journal() ? { journal: journal()! } : {}),
          ...(running.partnerCenterCalls ? { partnerCenter: running.partnerCenterCalls() } : {}),
        } satisfies HostSnapshot;
      case 'gc':
        (globalThis as { gc?: () => void }).gc?.();
        return undefined;
      case 'assignRoles':
        if (!running.assignRoles) throw new Error(`The ${kind} bot has no role directory`);
        await running.assignRoles(request.agentIds);
        return undefined;
      case 'creations':
        if (!running.creations) throw new Error(`The ${kind} bot creates no customers`);
        return running.creations(request.domain);
      case 'profileStart':
        profiler = new Session();
        profiler.connect();
        await profiler.post('Profiler.enable');
        await profiler.post('Profiler.start');
        return undefined;
      case 'profileStop': {
        if (!profiler) throw new Error('The profiler was not started');
        const { profile } = await profiler.post('Profiler.stop');
        await writeFile(request.file, JSON.stringify(profile));
        profiler.disconnect();
        profiler = undefined;
        return undefined;
      }
      case 'stop':
        await running.stop();
        setTimeout(() => process.exit(0), 50);
        return undefined;
    }
  });
  const ready: HostReady = {
    type: 'ready',
    messagesUrl: running.messagesUrl,
    store: running.store,
    startup,
    ...(running.databaseId ? { databaseId: running.databaseId } : {}),
  };
  process.send?.(ready);
}

main().catch((error: unknown) => {
  process.stderr.write(`Bench host failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
