import { difference } from './cosmosRequests';
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
  /** Where the onboarding bot kept its data (absent: `memory`, the bot's benchmark configuration). */
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
  cosmos?: {
    /** Requests the store received (embedded) or the client sent (Azure). */
    requests: number;
    /** Requests the bot's client sent: equals `requests` on the embedded store. */
    clientRequests: number;
    requestCharge: number;
    perTurn: number;
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
    generatorPercent: number;
    /** The rest of the machine's busy time (other processes) and steal, in % of one core (Linux). */
    othersPercent?: number;
    stealPercent?: number;
  };
  rssBytes: number;
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
  store: StoreMode = 'memory',
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
    const wall = windowEnd!.at - windowStart!.at;
    const botCpu =
      windowEnd!.cpu.user + windowEnd!.cpu.system - windowStart!.cpu.user - windowStart!.cpu.system;
    const botPercent = (botCpu / 1000 / wall) * 100;
    const cpu: PointResult['cpu'] = { botPercent, generatorPercent: load.generatorCpuPercent };
    if (machineStart && machineEnd) {
      const busy = machineEnd.busy - machineStart.busy;
      const steal = machineEnd.steal - machineStart.steal;
      cpu.othersPercent = Math.max(0, (busy / wall) * 100 - botPercent - load.generatorCpuPercent);
      cpu.stealPercent = (steal / wall) * 100;
    }

    const requests = difference(storeTally(after), storeTally(before));
    const client = difference(after.client, before.client);
    const journal = journalFigures(before, after);
    return {
      kind,
      agents,
      ...(store === 'memory' ? {} : { store }),
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
      ...(kind === 'onboarding'
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
