import { mib, ms, num, percent, ratio } from './format';
import { onboardingTurns } from './onboardingScript';
import { median } from './percentiles';
import { point, type BenchResults } from './results';
import { stackLibraries } from './startupProbe';
import { creationStep, type TurnCosts } from './turnProfile';

/** The performance targets, as ratios to the echo bot and the peer measured in the same run. */
export const targets = {
  /** The bot process's CPU per turn at most this many times the echo bot's (and below the peer's). */
  cpuPerTurnRatio: 4,
  /** Per-turn p50 at one agent at most this many times the echo bot's. */
  p50RatioAtOneAgent: 4,
  /** Cosmos DB requests of the chat's five turns, per onboarding. */
  requestsPerOnboarding: 12,
  firstAnswerMs: 1000,
  /** Drafts in flight for the memory figure. */
  draftsInFlight: 1000,
};

export interface TargetCheck {
  target: string;
  measured: string;
  met: 'yes' | 'no' | 'reported' | 'n/a';
}

const verdict = (met: boolean): TargetCheck['met'] => (met ? 'yes' : 'no');

/** Requests of the chat's turns and of background work (the creation worker), per onboarding. */
export function requestsPerOnboarding(costs: TurnCosts): { chat: number; creation: number } {
  const chat = onboardingTurns.reduce((sum, turn) => sum + costs.byTurn[turn].requests, 0);
  return {
    chat: chat / costs.onboardings,
    creation: costs.byTurn[creationStep].requests / costs.onboardings,
  };
}

export function checkTargets(results: BenchResults): TargetCheck[] {
  const { agents } = results.options;
  const checks: TargetCheck[] = [];

  const bot = point(results, 'onboarding', agents);
  const echo = point(results, 'echo', agents);
  const peer = point(results, 'peer', agents);
  const cpuTarget = `CPU per turn of the bot process at most ${targets.cpuPerTurnRatio}× the echo bot's and below the SDK-pattern peer's (${agents} agents)`;
  const [botCpu, echoCpu, peerCpu] = [bot, echo, peer].map((entry) => entry?.cpu.botMsPerTurn);
  if (botCpu !== undefined && echoCpu !== undefined && peerCpu !== undefined) {
    const toEcho = botCpu / echoCpu;
    const toPeer = botCpu / peerCpu;
    checks.push({
      target: cpuTarget,
      measured:
        `${ms(botCpu)} ms vs echo ${ms(echoCpu)} ms (${ratio(toEcho)}) and peer ${ms(peerCpu)} ms (${ratio(toPeer)})` +
        (bot?.cpu.storeMsPerTurn !== undefined
          ? `; the store process ${ms(bot.cpu.storeMsPerTurn)} ms per turn besides`
          : ''),
      met: verdict(toEcho <= targets.cpuPerTurnRatio && toPeer < 1),
    });
  } else {
    checks.push({ target: cpuTarget, measured: 'not measured (a bot missing at this point)', met: 'n/a' });
  }

  const oneBot = point(results, 'onboarding', 1);
  const oneEcho = point(results, 'echo', 1);
  const p50Target = `per-turn p50 at 1 agent at most ${targets.p50RatioAtOneAgent}× the echo bot's`;
  if (oneBot && oneEcho) {
    const value = oneBot.latency.p50 / oneEcho.latency.p50;
    checks.push({
      target: p50Target,
      measured: `${ms(oneBot.latency.p50)} ms vs ${ms(oneEcho.latency.p50)} ms: ${ratio(value)}`,
      met: verdict(value <= targets.p50RatioAtOneAgent),
    });
  } else {
    checks.push({ target: p50Target, measured: 'not measured (no 1-agent point in the sweep)', met: 'n/a' });
  }

  const emulator = (conversation: TurnCosts['conversation']) =>
    results.turnCosts.find((entry) => entry.identity === 'emulator' && entry.conversation === conversation);
  // Teams keeps one personal chat per agent: the standing conversation is how agents use the bot.
  const costs = emulator('standing') ?? emulator('new');
  const requestsTarget = `at most ${targets.requestsPerOnboarding} Cosmos DB requests per onboarding (the chat's ${onboardingTurns.length} turns)`;
  if (costs) {
    const { chat, creation } = requestsPerOnboarding(costs);
    const other = costs.conversation === 'standing' ? emulator('new') : undefined;
    checks.push({
      target: requestsTarget,
      measured:
        `${num(chat, 1)} (${onboardingTurns.map((turn) => num(costs.byTurn[turn].requests / costs.onboardings, 1)).join('/')} by turn)` +
        (costs.conversation === 'standing' ? " in the agent's standing chat, as in Teams" : '') +
        (other ? `; ${num(requestsPerOnboarding(other).chat, 1)} in a new conversation each time` : '') +
        `; background work (the creation worker) ${num(creation, 1)} besides`,
      met: verdict(chat <= targets.requestsPerOnboarding),
    });
  } else {
    checks.push({ target: requestsTarget, measured: 'not measured', met: 'n/a' });
  }

  const firstTarget = `first answer within ${targets.firstAnswerMs / 1000} s of start`;
  if (results.startup.length > 0) {
    const first = median(results.startup.map((run) => run.firstAnswerMs));
    checks.push({
      target: firstTarget,
      measured:
        `${ms(first)} ms (median of ${results.startup.length}), \`npm start\` from nothing` +
        (results.startupCompared
          ? `; a restart with the store in its own process ${ms(results.startupCompared.restart.firstAnswerMs)} ms, ` +
            `the echo bot ${ms(results.startupCompared.echo.firstAnswerMs)} ms, ` +
            `${stackLibraries.join(', ')} loaded alone ${ms(results.startupCompared.librariesMs)} ms`
          : ''),
      met: verdict(first <= targets.firstAnswerMs),
    });
  } else {
    checks.push({ target: firstTarget, measured: 'not measured', met: 'n/a' });
  }

  const memory = results.memory;
  checks.push({
    target: `memory with ${targets.draftsInFlight.toLocaleString('en')} drafts in flight reported`,
    measured: memory
      ? `${mib(memory.loaded.rss)} resident with ${memory.inFlight} in flight (${mib(memory.loadedAfterGc.rss)} after a full GC, idle ${mib(memory.idle.rss)})` +
        (memory.storeRss === undefined
          ? '; the store in the bot process'
          : `; the store out of process (${mib(memory.storeRss)} there), so not included`)
      : 'not measured',
    met: memory ? 'reported' : 'n/a',
  });
  return checks;
}

/** Why the figures may not reflect the machine (other work ran on it), or undefined. */
export function disturbanceOf(results: BenchResults): string | undefined {
  const busy = results.points.filter((entry) => (entry.cpu.othersPercent ?? 0) > 25);
  if (busy.length === 0) return undefined;
  return (
    `other processes used more than 25 % of a core during ${busy.length} of ${results.points.length} windows ` +
    `(${busy.map((entry) => `${entry.kind} ${entry.agents}: ${percent(entry.cpu.othersPercent)}`).join(', ')}), ` +
    'even after measuring again. Run again on a quiet machine before comparing.'
  );
}
