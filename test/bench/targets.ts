import { ms, num, percent, ratio } from './format';
import { onboardingTurns } from './onboardingScript';
import { median } from './percentiles';
import { point, stateWritesOf, type BenchResults } from './results';

export const targets = {
  p50Ratio: 1.5,
  throughputShare: 0.6,
  throughputAgents: 50,
  requestsPerTurn: 4,
  firstAnswerMs: 2000,
};

export interface TargetCheck {
  target: string;
  measured: string;
  met: 'yes' | 'no' | 'partly' | 'n/a';
}

const verdict = (met: boolean): TargetCheck['met'] => (met ? 'yes' : 'no');

export function checkTargets(results: BenchResults): TargetCheck[] {
  const { agents } = results.options;
  const bot = point(results, 'onboarding', agents);
  const echo = point(results, 'echo', agents);
  const bot50 = point(results, 'onboarding', targets.throughputAgents);
  const echo50 = point(results, 'echo', targets.throughputAgents);
  const checks: TargetCheck[] = [];
  if (bot && echo) {
    const value = bot.latency.p50 / echo.latency.p50;
    checks.push({
      target: `per-turn p50 at most ${targets.p50Ratio}× the echo bot's (${agents} agents)`,
      measured: `${ms(bot.latency.p50)} ms vs ${ms(echo.latency.p50)} ms: ${ratio(value)}`,
      met: verdict(value <= targets.p50Ratio),
    });
  }
  if (bot50 && echo50) {
    const share = bot50.turnsPerSecond / echo50.turnsPerSecond;
    checks.push({
      target: `at ${targets.throughputAgents} agents at least ${targets.throughputShare * 100} % of the echo bot's turns per second`,
      measured: `${num(bot50.turnsPerSecond)} vs ${num(echo50.turnsPerSecond)} turns/s: ${(share * 100).toFixed(1)} %`,
      met: verdict(share >= targets.throughputShare),
    });
  } else {
    checks.push({
      target: `at ${targets.throughputAgents} agents at least ${targets.throughputShare * 100} % of the echo bot's turns per second`,
      measured: `not measured (no ${targets.throughputAgents}-agent point in the sweep)`,
      met: 'n/a',
    });
  }
  const costs = results.turnCosts.find((entry) => entry.identity === 'emulator');
  if (costs) {
    const perTurn = onboardingTurns.map((turn) => costs.byTurn[turn]!);
    const each = perTurn.map((tally) => tally.requests / costs.onboardings);
    const average = each.reduce((sum, value) => sum + value, 0) / each.length;
    const busiest = Math.max(...each);
    const stateReads = Math.max(
      ...perTurn.map((tally) => (tally.byContainer['botState.pointRead'] ?? 0) / costs.onboardings),
    );
    const stateWrites = perTurn.map((tally) => stateWritesOf(tally.byContainer) / costs.onboardings);
    const underLoad = bot?.cosmos ? `; ${num(bot.cosmos.perTurn, 2)} under load at ${agents} agents` : '';
    const fine = average <= targets.requestsPerTurn && stateReads <= 1;
    checks.push({
      target: `at most ${targets.requestsPerTurn} Cosmos DB requests per turn; state read once, written only when it changed`,
      measured:
        `${num(average, 2)} per turn on average${underLoad}; by turn ${each.map((n) => num(n, 0)).join('/')} ` +
        `(${onboardingTurns.join('/')}); state read ${num(stateReads, 0)}× and written ${stateWrites.map((n) => num(n, 0)).join('/')}× per turn ` +
        '(each of these turns moves the dialog on, so each changes the state)',
      met: !fine ? 'no' : busiest <= targets.requestsPerTurn ? 'yes' : 'partly',
    });
  }
  if (results.startup.length > 0) {
    const first = median(results.startup.map((run) => run.firstAnswerMs));
    checks.push({
      target: `first answer within ${targets.firstAnswerMs / 1000} s of start`,
      measured: `${ms(first)} ms (median of ${results.startup.length})`,
      met: verdict(first <= targets.firstAnswerMs),
    });
  }
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
