/** What `npm run bench` measures, from argv (`npm run bench -- --agents 100`) or the environment. */
export interface BenchOptions {
  /** Agents at once for the headline figures and the targets. */
  agents: number;
  /** Agent counts for the chart; `agents` is always among them. */
  sweep: number[];
  warmupSeconds: number;
  durationSeconds: number;
  /** Onboardings in flight for the memory probe; 0: no memory probe. */
  inFlight: number;
  /** How often the start-up time is measured; 0: not at all. */
  startupRuns: number;
  /** Onboardings measured turn by turn (one agent, one at a time) for the CPU and Cosmos DB breakdown. */
  turnCostOnboardings: number;
  /** A CPU profile of the bot at `agents` agents (an extra run, not part of the figures). */
  profile: boolean;
  /** The journal's cost: the onboarding bot on a data folder with the journal off and on. */
  journal: boolean;
  /** How often the headline point (`agents`) is measured for each bot; the median run is reported. */
  repeats: number;
  /** How often a point disturbed by other processes is measured again. */
  retries: number;
  /** The section of docs/benchmarks.md written (replaced when it exists). */
  section: string;
  /** Write docs/benchmarks.md and the chart; false: only print. */
  report: boolean;
}

export const usage = `npm run bench -- [options]      (or the BENCH_* environment variables)
  --agents N           agents at once for the headline figures and targets (BENCH_AGENTS, default 50)
  --sweep 1,10,25,50   agent counts for the latency chart (BENCH_SWEEP)
  --warmup S           seconds of load before each measured window (BENCH_WARMUP, default 3)
  --duration S         seconds of each measured window (BENCH_DURATION, default 10)
  --repeats N          runs of the headline point per bot, the median reported (BENCH_REPEATS, default 3)
  --in-flight N        onboardings in flight for the memory probe (BENCH_IN_FLIGHT, default 1000)
  --no-memory          skip the memory probe (same as --in-flight 0)
  --startup-runs N     start-ups of each kind measured, the median is reported (BENCH_STARTUP_RUNS, default 3)
  --turn-onboardings N onboardings measured turn by turn, one at a time, for CPU and Cosmos DB requests
                       per step, averaged (BENCH_TURN_ONBOARDINGS, default 5)
  --no-profile         skip the CPU profile of the bot (BENCH_PROFILE=0)
  --no-journal         skip the embedded store's journal cost: the bot on a data folder with the journal
                       off and on, at the first sweep count and at --agents (BENCH_JOURNAL=0)
  --retries N          measure a point again when other processes used > 25 % of a core (BENCH_RETRIES, default 2)
  --section NAME       section of docs/benchmarks.md to write or replace (BENCH_SECTION, default "Latest run")
  --no-report          print only; do not write docs/benchmarks.md and the chart
The onboarding bot and the peer run on the embedded Cosmos DB in a process of its own (with the local
Partner Center), as Azure Cosmos DB is remote; the journal comparison runs it inside the bot process.
COSMOS_ENDPOINT (and COSMOS_KEY) in the environment: run them on Azure Cosmos DB instead of the
embedded store, in the database BENCH_COSMOS_DATABASE (default "onboarding-bench"). BENCH_COMMIT names
the code measured when the folder is not a git checkout (e.g. an export of a commit).`;

export class OptionsError extends Error {
  override name = 'OptionsError';
}

export function parseOptions(argv: readonly string[], env: NodeJS.ProcessEnv): BenchOptions {
  const known = [
    'help',
    'agents',
    'sweep',
    'warmup',
    'duration',
    'repeats',
    'in-flight',
    'no-memory',
    'startup-runs',
    'turn-onboardings',
    'no-profile',
    'no-journal',
    'retries',
    'section',
    'no-report',
  ];
  const given = new Map<string, string>();
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index]!;
    if (!arg.startsWith('--')) throw new OptionsError(`Unexpected argument "${arg}"`);
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (!known.includes(name)) throw new OptionsError(`Unknown option --${name}`);
    if (name === 'help' || name.startsWith('no-')) given.set(name, 'true');
    else if (inline !== undefined) given.set(name, inline);
    else if (argv[index + 1] !== undefined) given.set(name, argv[++index]!);
    else throw new OptionsError(`--${name} needs a value`);
  }
  if (given.has('help')) throw new OptionsError('');

  const value = (name: string, variable: string) => given.get(name) ?? env[variable];
  const whole = (name: string, variable: string, fallback: number, min: number) => {
    const raw = value(name, variable);
    if (raw === undefined || raw === '') return fallback;
    const parsed = Number(raw);
    if (!Number.isInteger(parsed) || parsed < min)
      throw new OptionsError(
        `--${name} (${variable}) must be a whole number of at least ${min} (got "${raw}")`,
      );
    return parsed;
  };

  const agents = whole('agents', 'BENCH_AGENTS', 50, 1);
  const sweepText = value('sweep', 'BENCH_SWEEP') ?? '1,10,25,50';
  const sweep = sweepText.split(',').map((item) => Number(item.trim()));
  if (sweep.some((count) => !Number.isInteger(count) || count < 1))
    throw new OptionsError(`--sweep (BENCH_SWEEP) must be agent counts like 1,10,25,50 (got "${sweepText}")`);
  const flag = (name: string, variable: string) =>
    !given.has(`no-${name}`) && !['0', 'false', 'no', 'off'].includes((env[variable] ?? '').toLowerCase());

  return {
    agents,
    sweep: [...new Set([...sweep, agents])].sort((a, b) => a - b),
    warmupSeconds: whole('warmup', 'BENCH_WARMUP', 3, 0),
    durationSeconds: whole('duration', 'BENCH_DURATION', 10, 1),
    inFlight: given.has('no-memory') ? 0 : whole('in-flight', 'BENCH_IN_FLIGHT', 1000, 0),
    startupRuns: whole('startup-runs', 'BENCH_STARTUP_RUNS', 3, 0),
    turnCostOnboardings: whole('turn-onboardings', 'BENCH_TURN_ONBOARDINGS', 5, 1),
    profile: flag('profile', 'BENCH_PROFILE'),
    journal: flag('journal', 'BENCH_JOURNAL'),
    retries: whole('retries', 'BENCH_RETRIES', 2, 0),
    repeats: whole('repeats', 'BENCH_REPEATS', 3, 1),
    section: (value('section', 'BENCH_SECTION') ?? 'Latest run').trim() || 'Latest run',
    report: flag('report', 'BENCH_REPORT'),
  };
}
