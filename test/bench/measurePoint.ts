import { difference } from './cosmosRequests';
import { cpuMsBetween, cpuMsPerTurn } from './cpuPerTurn';
import { startHost, type BotKind, type HostSnapshot, type StoreMode } from './hostProtocol';
import { runLoad } from './loadGenerator';
import { machineCpuTimes, type CpuTimes } from './machine';
import type { BenchCompany } from './onboardingScript';
import { summarise, type LatencySummary } from './percentiles';
import { storeTally } from './turnProfile';

/** One bot under one load: what the report shows for a number of agents. */
export interface PointResult {
  kind: BotKind;
  agents: number;
  /** Where the bot kept its data (absent: `process`, the benchmark's default: the store in a process of its own). */
  store?: StoreMode;
  /** What the embedded store's journal did over the run (store `journal` only). */
  journal?: JournalFigures;
  latency: LatencySummary;
  latencyByTurn: Record<string, LatencySummary>;
  turnsPerSecond: number;
  onboardingsPerSecond: number;
  /** Over the whole run at this point (warm-up, window, drain). */
  totalTurns: number;
  completed: number;
  failures: number;
  failureExamples: string[];
  /** The onboarding bot and the peer: what reached Cosmos DB over the whole run. */
  cosmos?: {
    /** Requests the store received (embedded) or the client sent (Azure). */
    requests: number;
    /** Requests the bot's client sent: equals `requests` on the embedded store. */
    clientRequests: number;
    requestCharge: number;
    perTurn: number;
    /** Per completed onboarding (the peer: per completed conversation). */
    perOnboarding: number;
    byContainer: Record<string, number>;
    /** Answers by HTTP status, e.g. { "200": …, "404": … }: anything else is worth a look. */
    byStatus: Record<string, number>;
  };
  /** Errors the bot logged during the run (failed turns), with the first few. */
  botErrors: { count: number; examples: string[] };
  cpu: {
    /** CPU of the bot process during the window, in % of one core. */
    botPercent: number;
    /** The bot process's CPU in the window over the turns that finished in it. */
    botMsPerTurn?: number;
    /** The store process's CPU during the window (store mode `process` on the embedded store). */
    storePercent?: number;
    storeMsPerTurn?: number;
    generatorPercent: number;
    /** The rest of the machine's busy time (other processes) and steal, in % of one core (Linux). */
    othersPercent?: number;
    stealPercent?: number;
  };
  rssBytes: number;
  /** Resident memory of the store process at the end (store mode `process` on the embedded store). */
  storeRssBytes?: number;
  /** When the point was measured several times: each run's figures (this result is the median run). */
  runs?: { turnsPerSecond: number; p50: number; p95: number }[];
}

/** The journal's work over a whole run (warm-up, window, drain), against the onboardings completed. */
export interface JournalFigures {
  /** Writes journalled (each answered only once its entry was on disk). */
  appends: number;
  /** fdatasync calls; one makes every write waiting at that moment durable (group commit). */
  syncs: number;
  /** Time spent in write + fdatasync, summed, and the longest one. */
  syncMs: number;
  maxSyncMs: number;
  /** The most writes one fdatasync made durable. */
  maxGroup: number;
  bytes: number;
  compactions: number;
  compactionMs: number;
}

export interface PointSettings {
  warmupMs: number;
  durationMs: number;
  nextCompany(): BenchCompany;
}

/** Starts a fresh bot process, puts `agents` agents on it, and reads the figures. */
export async function measurePoint(
  kind: BotKind,
  agents: number,
  settings: PointSettings,
  store: StoreMode = 'process',
): Promise<PointResult> {
  const host = await startHost(kind, { store });
  try {
    const before = await host.snapshot();
    let windowStart: HostSnapshot | undefined;
    let windowEnd: HostSnapshot | undefined;
    let machineStart: CpuTimes | undefined;
    let machineEnd: CpuTimes | undefined;
    const load = await runLoad({
      kind,
      messagesUrl: host.messagesUrl,
      agents,
      warmupMs: settings.warmupMs,
      durationMs: settings.durationMs,
      nextCompany: settings.nextCompany,
      onWindowStart: async () => {
        machineStart = machineCpuTimes();
        windowStart = await host.snapshot();
      },
      onWindowEnd: async () => {
        windowEnd = await host.snapshot();
        machineEnd = machineCpuTimes();
      },
    });
    const after = await host.snapshot();

    const seconds = settings.durationMs / 1000;
    const [opened, closed] = [windowStart!, windowEnd!];
    const wall = closed.at - opened.at;
    const botPercent = (cpuMsBetween(opened.cpu, closed.cpu) / wall) * 100;
    const cpu: PointResult['cpu'] = { botPercent, generatorPercent: load.generatorCpuPercent };
    const botMsPerTurn = cpuMsPerTurn(opened.cpu, closed.cpu, load.turnsInWindow);
    if (botMsPerTurn !== undefined) cpu.botMsPerTurn = botMsPerTurn;
    if (opened.store && closed.store) {
      cpu.storePercent = (cpuMsBetween(opened.store.cpu, closed.store.cpu) / wall) * 100;
      const storeMsPerTurn = cpuMsPerTurn(opened.store.cpu, closed.store.cpu, load.turnsInWindow);
      if (storeMsPerTurn !== undefined) cpu.storeMsPerTurn = storeMsPerTurn;
    }
    if (machineStart && machineEnd) {
      const busy = machineEnd.busy - machineStart.busy;
      const steal = machineEnd.steal - machineStart.steal;
      cpu.othersPercent = Math.max(
        0,
        (busy / wall) * 100 - botPercent - (cpu.storePercent ?? 0) - load.generatorCpuPercent,
      );
      cpu.stealPercent = (steal / wall) * 100;
    }

    const requests = difference(storeTally(after), storeTally(before));
    const client = difference(after.client, before.client);
    const journal = journalFigures(before, after);
    return {
      kind,
      agents,
      ...(store === 'process' ? {} : { store }),
      ...(journal ? { journal } : {}),
      latency: summarise(load.latencies),
      latencyByTurn: Object.fromEntries(
        Object.entries(load.latenciesByTurn).map(([turn, samples]) => [turn, summarise(samples)]),
      ),
      turnsPerSecond: load.turnsInWindow / seconds,
      onboardingsPerSecond: load.onboardingsInWindow / seconds,
      totalTurns: load.totalTurns,
      completed: load.completed,
      failures: load.failures,
      failureExamples: load.failureExamples,
      ...(kind !== 'echo'
        ? {
            cosmos: {
              requests: requests.requests,
              clientRequests: client.requests,
              requestCharge: client.requestCharge,
              perTurn: requests.requests / Math.max(1, load.totalTurns),
              perOnboarding: requests.requests / Math.max(1, load.completed),
              byContainer: requests.byContainer,
              byStatus: requests.byStatus,
            },
          }
        : {}),
      cpu,
      rssBytes: after.memory.rss,
      ...(after.store ? { storeRssBytes: after.store.memory.rss } : {}),
      botErrors: host.errors(),
    };
  } finally {
    await host.stop();
  }
}

function journalFigures(before: HostSnapshot, after: HostSnapshot): JournalFigures | undefined {
  const [earlier, later] = [before.journal, after.journal];
  if (!earlier || !later) return undefined;
  return {
    appends: later.appends - earlier.appends,
    syncs: later.syncs - earlier.syncs,
    syncMs: later.syncMs - earlier.syncMs,
    maxSyncMs: later.maxSyncMs,
    maxGroup: later.maxGroup,
    bytes: later.bytes - earlier.bytes,
    compactions: later.compactions - earlier.compactions,
    compactionMs: later.compactionMs - earlier.compactionMs,
  };
}
