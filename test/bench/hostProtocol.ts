import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { EmbeddedJournalStats } from '../../services/cosmos/embeddedCosmos';
import type { Tally } from './cosmosRequests';
import type { PartnerCenterCalls } from './partnerCenterCalls';

/** Which bot a host process runs. */
export type BotKind = 'onboarding' | 'echo';

/**
 * Where the onboarding bot keeps its data: `memory` is the bot's own configuration for the benchmark
 * (embedded store, no data folder, or COSMOS_ENDPOINT); `snapshot` and `journal` run the embedded store
 * with a data folder, without and with its write-ahead journal (`durable: false` / `true`), to measure
 * what the journal costs.
 */
export type StoreMode = 'memory' | 'snapshot' | 'journal';

export interface HostSnapshot {
  /** Date.now() in the host. */
  at: number;
  cpu: NodeJS.CpuUsage;
  memory: NodeJS.MemoryUsage;
  /** Cosmos DB requests the bot's client sent (with RU). */
  client: Tally;
  /** Requests the embedded store received (embedded mode only). */
  server?: Tally;
  /** What the embedded store's journal did (store mode `journal` only). */
  journal?: EmbeddedJournalStats;
  /** Calls the local Partner Center received (the onboarding bot in local mode only). */
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
  /** "embedded Cosmos DB (in the bot process)", "Azure Cosmos DB at …", "none" */
  store: string;
  databaseId?: string;
  startup: HostStartup;
}

/** How the host's start went: the bot's modules, then startBot (or the echo bot's start). */
export interface HostStartup {
  /** Process uptime when the host's modules (the bot's, the SDK's) were loaded. */
  modulesLoadedMs: number;
  /** startBot: the store, database and containers, the catalogue sync, the server listening. */
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

export type HostReply = { id: number; ok: true; result?: unknown } | { id: number; ok: false; error: string };

type Op = HostRequest extends infer R ? (R extends { op: infer O } ? O : never) : never;
type Args<O extends Op> = Omit<Extract<HostRequest, { op: O }>, 'id' | 'op'>;

/** A bot running in a child process of its own (test/bench/botHost.ts), driven over IPC. */
export interface BotHost {
  kind: BotKind;
  child: ChildProcess;
  messagesUrl: string;
  store: string;
  startup: HostStartup;
  snapshot(): Promise<HostSnapshot>;
  call<O extends Op>(op: O, args?: Args<O>): Promise<unknown>;
  /** Errors the bot logged (pino JSON, level error or above): how many, and the first few. */
  errors(): { count: number; examples: string[] };
  /** Stops the bot (finishing turns in flight) and waits for the process to exit. */
  stop(): Promise<void>;
}

export interface HostOptions {
  /** Extra node flags, e.g. --cpu-prof. */
  nodeArgs?: string[];
  /** The onboarding bot's store (default `memory`); passed to the host as BENCH_STORE. */
  store?: StoreMode;
}

const hostEntry = path.join(__dirname, 'botHost.js');

export async function startHost(kind: BotKind, options: HostOptions = {}): Promise<BotHost> {
  const child = spawn(
    process.execPath,
    ['--disable-warning=DEP0111', ...(options.nodeArgs ?? []), hostEntry, kind],
    {
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      env: { ...process.env, BENCH_STORE: options.store ?? 'memory' },
    },
  );
  let output = '';
  let pendingLine = '';
  const errors = { count: 0, examples: [] as string[] };
  child.stdout?.on('data', (chunk: Buffer) => {
    const text = chunk.toString();
    if (output.length < 100_000) output += text;
    const lines = (pendingLine + text).split('\n');
    pendingLine = lines.pop() ?? '';
    for (const line of lines) {
      const logged = loggedError(line);
      if (!logged) continue;
      errors.count += 1;
      if (errors.examples.length < 5) errors.examples.push(logged);
    }
  });
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  // Set when the bot's process ended; later calls fail with its last output (e.g. an uncaught error).
  let exitedWith: Error | undefined;
  void exited.then((code) => {
    exitedWith = new Error(`The ${kind} bot exited with ${code}; its last output:\n${output.slice(-4000)}`);
  });

  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  const ready = new Promise<HostReady>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`The ${kind} bot did not start in time:\n${output}`)),
      60_000,
    );
    child.on('message', (message: HostReady | HostReply) => {
      if ('type' in message && message.type === 'ready') {
        clearTimeout(timer);
        resolve(message);
        return;
      }
      const reply = message as HostReply;
      const waiter = pending.get(reply.id);
      if (!waiter) return;
      pending.delete(reply.id);
      if (reply.ok) waiter.resolve(reply.result);
      else waiter.reject(new Error(reply.error));
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`The ${kind} bot exited with ${code}:\n${output}`));
      for (const waiter of pending.values())
        waiter.reject(exitedWith ?? new Error(`The ${kind} bot exited with ${code}`));
    });
  });
  const started = await ready;

  const call = <O extends Op>(op: O, args?: Args<O>): Promise<unknown> =>
    new Promise((resolve, reject) => {
      if (exitedWith) {
        reject(exitedWith);
        return;
      }
      const id = nextId++;
      pending.set(id, { resolve, reject });
      // With a callback, a closed channel is this call's failure, not an unhandled 'error' event.
      child.send({ id, op, ...(args ?? {}) } as HostRequest, (error) => {
        if (!error || !pending.delete(id)) return;
        reject(exitedWith ?? error);
      });
    });

  return {
    kind,
    child,
    messagesUrl: started.messagesUrl,
    store: started.store,
    startup: started.startup,
    errors: () => ({ count: errors.count, examples: [...errors.examples] }),
    call,
    snapshot: async () => (await call('snapshot')) as HostSnapshot,
    async stop() {
      await call('stop').catch(() => undefined);
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** "turn failed: Error: …" from a pino line of level error (50) or fatal (60); undefined otherwise. */
function loggedError(line: string): string | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    const entry = JSON.parse(line) as {
      level?: number;
      msg?: string;
      err?: { name?: string; message?: string };
    };
    if ((entry.level ?? 0) < 50) return undefined;
    const cause = entry.err ? `: ${entry.err.name ?? 'Error'}: ${entry.err.message ?? ''}` : '';
    return `${entry.msg ?? 'error'}${cause}`.slice(0, 400);
  } catch {
    return undefined;
  }
}
