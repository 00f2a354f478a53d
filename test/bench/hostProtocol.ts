import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { EmbeddedJournalStats } from '../../services/cosmos/embeddedCosmos';
import type { ByMaker, Tally } from './cosmosRequests';
import { startIpcChild } from './ipcChild';
import type { PartnerCenterCalls } from './partnerCenterCalls';
import { startStoreProcess, storeProcessDescription, type StoreProcess } from './storeProcess';

/**
 * Which bot a host process runs: the onboarding bot, the echo bot (the floor: no state, no store) or
 * the peer (the Bot Framework SDK's own stateful pattern, test/bench/peerBot.ts).
 */
export type BotKind = 'onboarding' | 'echo' | 'peer';

/**
 * Where a stateful bot keeps its data. `process` (the default): the embedded store and the local
 * Partner Center in a process of their own (test/bench/storeHost.ts), as Azure Cosmos DB and Partner
 * Center are remote, or Azure Cosmos DB when COSMOS_ENDPOINT is set; `memory`: the embedded store
 * inside the bot process, in memory, as `npm start` runs it locally; `snapshot` and `journal`: inside
 * the bot process with a data folder, without and with its write-ahead journal (`durable: false` /
 * `true`), to measure what the journal costs.
 */
export type StoreMode = 'process' | 'memory' | 'snapshot' | 'journal';

export interface HostSnapshot {
  /** Date.now() in the host. */
  at: number;
  cpu: NodeJS.CpuUsage;
  memory: NodeJS.MemoryUsage;
  /** Cosmos DB requests the bot's client sent (with RU). */
  client: Tally;
  /**
   * The same requests by who made them: the handling of a request to the bot's server (a turn), or
   * background work (the creation worker, the notification dispatcher).
   */
  made: ByMaker;
  /** Requests the embedded store received (in the bot process, or in the store process). */
  server?: Tally;
  /** The store process's CPU and memory (store mode `process` on the embedded store only). */
  store?: { cpu: NodeJS.CpuUsage; memory: NodeJS.MemoryUsage };
  /** What the embedded store's journal did (store mode `journal` only). */
  journal?: EmbeddedJournalStats;
  /** Calls the local Partner Center received (the onboarding bot in local mode only, wherever it runs). */
  partnerCenter?: PartnerCenterCalls;
}

/** The creation worker's entries: how many are pending, and the state of the record for `domain`. */
export interface HostCreations {
  pending: number;
  /** The record's `partnerCenter.state` (`pending`, `created`, `rejected`); absent: no such record. */
  state?: string;
}

export interface HostReady {
  type: 'ready';
  messagesUrl: string;
  /** "embedded Cosmos DB (in the bot process)", "Azure Cosmos DB at …", "none"; the parent may say more. */
  store: string;
  databaseId?: string;
  startup: HostStartup;
}

/** How the host's start went: the bot's modules, then startBot (or the echo bot's start). */
export interface HostStartup {
  /** Process uptime when the host's modules (the bot's, the SDK's) were loaded. */
  modulesLoadedMs: number;
  /** startBot: the store (when in the bot process), database and containers, the catalogue sync, the server listening. */
  startMs: number;
  /** Cosmos DB requests the client sent while starting. */
  requests: Tally;
}

export type HostRequest =
  | { id: number; op: 'snapshot' }
  | { id: number; op: 'gc' }
  | { id: number; op: 'assignRoles'; agentIds: string[] }
  | { id: number; op: 'creations'; domain?: string }
  | { id: number; op: 'profileStart' }
  | { id: number; op: 'profileStop'; file: string }
  | { id: number; op: 'stop' };

type Op = HostRequest extends infer R ? (R extends { op: infer O } ? O : never) : never;
type Args<O extends Op> = Omit<Extract<HostRequest, { op: O }>, 'id' | 'op'>;

/** A bot running in a child process of its own (test/bench/botHost.ts), driven over IPC. */
export interface BotHost {
  kind: BotKind;
  child: ChildProcess;
  messagesUrl: string;
  store: string;
  /** The bot's database (absent for the echo bot). */
  databaseId?: string;
  /** The store process, in store mode `process` on the embedded store. */
  storeProcess?: StoreProcess;
  startup: HostStartup;
  /** The bot process and, with a store process, the store's figures, taken at the same moment. */
  snapshot(): Promise<HostSnapshot>;
  call<O extends Op>(op: O, args?: Args<O>): Promise<unknown>;
  /** Errors the bot logged (pino JSON, level error or above): how many, and the first few. */
  errors(): { count: number; examples: string[] };
  /** Stops the bot (finishing turns in flight), then the store process; waits for them to exit. */
  stop(): Promise<void>;
}

export interface HostOptions {
  /** Extra node flags, e.g. --cpu-prof. */
  nodeArgs?: string[];
  /** A stateful bot's store (default `process`); passed to the host as BENCH_STORE. */
  store?: StoreMode;
}

const hostEntry = path.join(__dirname, 'botHost.js');

export async function startHost(kind: BotKind, options: HostOptions = {}): Promise<BotHost> {
  const store = options.store ?? 'process';
  const onAzure = Boolean(process.env.COSMOS_ENDPOINT?.trim());
  const storeProcess =
    kind !== 'echo' && store === 'process' && !onAzure ? await startStoreProcess() : undefined;
  try {
    const running = await startIpcChild<HostReady>({
      name: `The ${kind} bot`,
      entry: hostEntry,
      args: [kind],
      ...(options.nodeArgs ? { nodeArgs: options.nodeArgs } : {}),
      env: {
        ...process.env,
        BENCH_STORE: store,
        ...(storeProcess
          ? {
              COSMOS_ENDPOINT: storeProcess.endpoint,
              COSMOS_KEY: storeProcess.key,
              LOCAL_PARTNER_CENTER_ENDPOINT: storeProcess.partnerCenter.endpoint,
              LOCAL_PARTNER_CENTER_TOKEN: storeProcess.partnerCenter.token,
            }
          : {}),
      },
    });
    const call = <O extends Op>(op: O, args?: Args<O>) => running.call({ op, ...(args ?? {}) });
    const snapshot = async (): Promise<HostSnapshot> => {
      if (!storeProcess) return (await call('snapshot')) as HostSnapshot;
      const [bot, remote] = await Promise.all([
        call('snapshot') as Promise<HostSnapshot>,
        storeProcess.snapshot(),
      ]);
      return {
        ...bot,
        server: remote.server,
        store: { cpu: remote.cpu, memory: remote.memory },
        ...(kind === 'onboarding' ? { partnerCenter: remote.partnerCenter } : {}),
      };
    };
    const { ready } = running;
    return {
      kind,
      child: running.child,
      messagesUrl: ready.messagesUrl,
      store: storeProcess ? storeProcessDescription : ready.store,
      ...(ready.databaseId ? { databaseId: ready.databaseId } : {}),
      ...(storeProcess ? { storeProcess } : {}),
      startup: ready.startup,
      errors: running.errors,
      call,
      snapshot,
      async stop() {
        await running.stop();
        await storeProcess?.stop();
      },
    };
  } catch (error) {
    await storeProcess?.stop();
    throw error;
  }
}
