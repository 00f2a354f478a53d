import { randomUUID } from 'node:crypto';
import { BenchClient } from './benchClient';
import type { BotKind } from './hostProtocol';
import {
  runEchoSequence,
  runOnboarding,
  runPeerConversation,
  type BenchCompany,
  type TurnObserver,
} from './onboardingScript';

export interface LoadOptions {
  kind: BotKind;
  messagesUrl: string;
  agents: number;
  /** Load before the measured window (JIT, connections, caches), not counted. */
  warmupMs: number;
  /** The measured window. */
  durationMs: number;
  /** A customer no onboarding of this run has added yet. */
  nextCompany(): BenchCompany;
  /** Called when the measured window opens and closes (e.g. to snapshot the bot process). */
  onWindowStart?(): Promise<void>;
  onWindowEnd?(): Promise<void>;
}

export interface LoadResult {
  kind: BotKind;
  agents: number;
  windowMs: number;
  /** Latencies (ms) of the turns that started inside the window. */
  latencies: number[];
  latenciesByTurn: Record<string, number[]>;
  /** Turns and onboardings (conversations, for the echo bot and the peer) that finished inside the window. */
  turnsInWindow: number;
  onboardingsInWindow: number;
  /** Over the whole phase (warm-up, window, drain): every agent finishes the onboarding it is in. */
  totalTurns: number;
  completed: number;
  failures: number;
  failureExamples: string[];
  /** CPU used by this (load generator) process during the window, in % of one core. */
  generatorCpuPercent: number;
}

/**
 * A closed loop: `agents` agents start at once, each going through onboardings back to back (a new
 * conversation each, no think time), until the window closes; then each finishes the onboarding it
 * is in, so every onboarding started is either completed or failed.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const { agents, warmupMs, durationMs } = options;
  const turnStarts: number[] = [];
  const turnEnds: number[] = [];
  const turnNames: string[] = [];
  const completions: number[] = [];
  const failureExamples: string[] = [];
  let failures = 0;
  let stopping = false;

  const observer: TurnObserver = {
    after(turn, start, end) {
      turnNames.push(turn);
      turnStarts.push(start);
      turnEnds.push(end);
    },
  };

  const phaseStart = performance.now();
  const windowStart = phaseStart + warmupMs;
  const windowEnd = windowStart + durationMs;
  let generatorCpu: NodeJS.CpuUsage | undefined;

  const agent = async (index: number) => {
    const user = { id: `bench-agent-${index}`, name: `Bench Agent ${index}` };
    while (!stopping) {
      const client = new BenchClient(options.messagesUrl, { user, conversationId: `bench-${randomUUID()}` });
      try {
        if (options.kind === 'echo') await runEchoSequence(client, observer);
        else if (options.kind === 'peer') await runPeerConversation(client, options.nextCompany(), observer);
        else await runOnboarding(client, options.nextCompany(), observer);
        completions.push(performance.now());
      } catch (error) {
        failures += 1;
        if (failureExamples.length < 5) failureExamples.push((error as Error).message);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
  };

  const window = (async () => {
    await sleepUntil(windowStart);
    generatorCpu = process.cpuUsage();
    await options.onWindowStart?.();
    await sleepUntil(windowEnd);
    const used = process.cpuUsage(generatorCpu);
    generatorCpu = { user: used.user, system: used.system };
    stopping = true;
    await options.onWindowEnd?.();
  })();

  await Promise.all([window, ...Array.from({ length: agents }, (_, index) => agent(index))]);

  const latencies: number[] = [];
  const latenciesByTurn: Record<string, number[]> = {};
  let turnsInWindow = 0;
  for (let i = 0; i < turnStarts.length; i += 1) {
    const start = turnStarts[i]!;
    const end = turnEnds[i]!;
    if (start >= windowStart && start < windowEnd) {
      latencies.push(end - start);
      (latenciesByTurn[turnNames[i]!] ??= []).push(end - start);
    }
    if (end >= windowStart && end < windowEnd) turnsInWindow += 1;
  }
  const cpu = generatorCpu ?? { user: 0, system: 0 };
  return {
    kind: options.kind,
    agents,
    windowMs: durationMs,
    latencies,
    latenciesByTurn,
    turnsInWindow,
    onboardingsInWindow: completions.filter((at) => at >= windowStart && at < windowEnd).length,
    totalTurns: turnStarts.length,
    completed: completions.length,
    failures,
    failureExamples,
    generatorCpuPercent: ((cpu.user + cpu.system) / 1000 / durationMs) * 100,
  };
}

async function sleepUntil(at: number): Promise<void> {
  const wait = at - performance.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}

/** Runs `task` for each item with at most `limit` at a time. */
export async function inPool<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await task(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
