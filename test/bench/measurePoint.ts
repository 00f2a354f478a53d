import { difference } from './cosmosRequests';
import { startHost, type BotKind, type HostSnapshot } from './hostProtocol';
import { runLoad } from './loadGenerator';
import { machineCpuTimes, type CpuTimes } from './machine';
import type { BenchCompany } from './onboardingScript';
import { summarise, type LatencySummary } from './percentiles';
import { storeTally } from './turnProfile';

/** One bot under one load: what the report shows for a number of agents. */
export interface PointResult {
  kind: BotKind;
  agents: number;
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
): Promise<PointResult> {
  const host = await startHost(kind);
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

    const store = difference(storeTally(after), storeTally(before));
    const client = difference(after.client, before.client);
    return {
      kind,
      agents,
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
              requests: store.requests,
              clientRequests: client.requests,
              requestCharge: client.requestCharge,
              perTurn: store.requests / Math.max(1, load.totalTurns),
              perOnboarding: store.requests / Math.max(1, load.completed),
              byContainer: store.byContainer,
              byStatus: store.byStatus,
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
