import type { ProfileSummary } from './cpuProfile';
import { mib, ms, num, percent, ratio, table } from './format';
import type { PointResult } from './measurePoint';
import { catalogueTurns } from './catalogueSession';
import { onboardingTurns } from './onboardingScript';
import { creationStep, profiledSteps, type ProfiledStep, type TurnCosts } from './turnProfile';
import { renderNotifications } from './notificationReport';
import { partnerCenterRows, renderPartnerCenter } from './partnerCenterReport';
import { median } from './percentiles';
import { journalAgents, journalPoint, point, stateWritesOf, type BenchResults } from './results';
import { checkTargets, disturbanceOf } from './targets';
import { stackLibraries, type StartupTiming } from './startupProbe';

/** The section of docs/benchmarks.md for one run. */
export function renderSection(results: BenchResults): string {
  const { options, machine } = results;
  const { agents } = options;
  const bot = point(results, 'onboarding', agents);
  const echo = point(results, 'echo', agents);
  const peer = point(results, 'peer', agents);
  const out: string[] = [];
  const push = (...lines: string[]) => out.push(...lines, '');

  push(`## ${options.section}`);
  push(
    `Measured ${results.startedAt.toISOString().replace(/\.\d+Z$/, 'Z')} (${Math.round(results.elapsedSeconds)} s), commit ${machine.commit}.`,
  );
  push(
    table(
      ['machine', ''],
      [
        ['CPU', `${machine.cpuModel}, ${machine.cores} cores`],
        [
          'measured parallel capacity',
          `${machine.parallelCapacity.toFixed(2)} cores before the run, ${results.capacityAfter.toFixed(2)} after (two busy threads against one; a snapshot: other work on the machine lowers it)`,
        ],
        ['memory', `${machine.memoryGiB.toFixed(1)} GiB`],
        ['OS', machine.os],
        [
          'scheduling priority',
          machine.niceness < 0
            ? `nice ${machine.niceness}: the benchmark's processes were favoured over other work on the machine`
            : `nice ${machine.niceness}`,
        ],
        ['Node.js', machine.node],
        [
          'packages',
          Object.entries(machine.packages)
            .map(([name, version]) => `${name} ${version}`)
            .join(', '),
        ],
        ['store', results.store],
      ],
    ),
  );
  const disturbance = disturbanceOf(results);
  if (disturbance) push(`**Disturbed run:** ${disturbance}`);
  push(
    `Settings: ${agents} agents for the headline figures; sweep ${options.sweep.join(', ')} agents; ` +
      `each point a fresh bot process (and store process), ${options.warmupSeconds} s of warm-up, then a ${options.durationSeconds} s window ` +
      `(measured again, up to ${options.retries} times, while other processes used more than 25 % of a core; the quietest attempt is kept); ` +
      `the ${agents}-agent point ${options.repeats} times per bot, the median run by turns per second reported. ` +
      `An onboarding is ${onboardingTurns.length} turns (${onboardingTurns.join(', ')}) in a new conversation, ` +
      `posted with deliveryMode "expectReplies" by agents in a closed loop (no think time); the echo bot and the SDK-pattern peer get the same number of turns per conversation.`,
  );

  if (bot && echo) {
    push(`### Results at ${agents} agents`);
    const three = [bot, peer, echo];
    const row = (
      figure: string,
      pick: (entry: PointResult) => number | undefined,
      format: (value: number | undefined) => string,
    ): string[] => {
      const [b, p, e] = three.map((entry) => (entry ? pick(entry) : undefined));
      const against = (other: number | undefined) =>
        b !== undefined && other !== undefined && other !== 0 ? ratio(b / other) : '';
      return [figure, format(b), format(p), format(e), against(e), against(p)];
    };
    const inMs = (value: number | undefined) => (value === undefined ? '–' : `${ms(value)} ms`);
    const rows: string[][] = [
      row('per-turn latency p50', (entry) => entry.latency.p50, inMs),
      row('per-turn latency p95', (entry) => entry.latency.p95, inMs),
      row('per-turn latency p99', (entry) => entry.latency.p99, inMs),
      row(
        'turns per second',
        (entry) => entry.turnsPerSecond,
        (value) => (value === undefined ? '–' : num(value)),
      ),
      row(
        'onboardings (conversations of 5 turns) per second',
        (entry) => entry.onboardingsPerSecond,
        (value) => (value === undefined ? '–' : num(value, 2)),
      ),
      row(
        '**CPU per turn, bot process**',
        (entry) => entry.cpu.botMsPerTurn,
        (value) => `**${inMs(value)}**`,
      ),
      row('CPU per turn, store process', (entry) => entry.cpu.storeMsPerTurn, inMs),
      ...(bot.runs || echo.runs || peer?.runs
        ? [
            [
              'spread: turns/s (p50 ms) of each run, the median run above',
              spreadText(bot),
              peer ? spreadText(peer) : '',
              spreadText(echo),
              '',
              '',
            ],
          ]
        : []),
      [
        'failed onboardings (conversations)',
        failedText(bot),
        peer ? failedText(peer) : '–',
        failedText(echo),
        '',
        '',
      ],
    ];
    if (bot.cosmos) {
      const count = (value: number | undefined) => (value === undefined ? '0' : num(value, 2));
      rows.push(
        row('Cosmos DB requests per turn', (entry) => entry.cosmos?.perTurn, count),
        row(
          'Cosmos DB requests per completed onboarding (conversation)',
          (entry) => entry.cosmos?.perOnboarding,
          count,
        ),
        [
          'request charge per completed onboarding',
          `${num(bot.cosmos.requestCharge / Math.max(1, bot.completed), 1)} RU${results.store.startsWith('embedded') ? ' (the embedded store answers a fixed 1 RU per request: not a real charge)' : ''}`,
          '',
          '',
          '',
          '',
        ],
      );
    }
    rows.push(
      ...partnerCenterRows(results).map((cells) => [...cells.slice(0, 2), '', ...cells.slice(2), '']),
    );
    rows.push(
      [
        'CPU during the window (bot / store / load generator / rest of machine)',
        cpuText(bot),
        peer ? cpuText(peer) : '–',
        cpuText(echo),
        '',
        '',
      ],
      row(
        'resident memory of the bot process at the end',
        (entry) => entry.rssBytes,
        (value) => (value === undefined ? '–' : mib(value)),
      ),
    );
    if (results.startup.length > 0) {
      rows.push([
        'time from start to the first answered message (median)',
        `${ms(median(results.startup.map((run) => run.firstAnswerMs)))} ms`,
        '',
        '',
        '',
        '',
      ]);
    }
    if (results.memory) {
      rows.push([
        `resident memory with ${results.memory.inFlight} onboardings in flight`,
        `${mib(results.memory.loaded.rss)} (idle ${mib(results.memory.idle.rss)})`,
        '',
        '',
        '',
        '',
      ]);
    }
    push(
      table(['figure', 'onboarding bot', 'SDK-pattern peer', 'echo bot', 'bot / echo', 'bot / peer'], rows),
    );
    const examples = [...bot.failureExamples, ...(peer?.failureExamples ?? []), ...echo.failureExamples];
    if (examples.length > 0)
      push('Failed onboardings (first few):', ...examples.map((example) => `- ${example}`));
  }

  const troubled = [...results.points, ...(results.journal ?? [])].filter(
    (entry) => entry.failures > 0 || entry.botErrors.count > 0 || unusualStatuses(entry).length > 0,
  );
  if (troubled.length > 0) {
    push('### Failures and errors');
    for (const entry of troubled) {
      const statuses = unusualStatuses(entry);
      push(
        `- ${entry.kind} bot${entry.store === 'snapshot' || entry.store === 'journal' ? ` (data folder, journal ${entry.store === 'journal' ? 'on' : 'off'})` : ''}, ${entry.agents} agents: ${entry.failures} failed of ${entry.completed + entry.failures}; ` +
          `${entry.botErrors.count} errors logged by the bot` +
          (statuses.length ? `; Cosmos DB answered ${statuses.join(', ')}` : '') +
          '.',
        ...entry.botErrors.examples.map((example) => `  - bot log: ${example}`),
        ...entry.failureExamples.map((example) => `  - agent saw: ${example}`),
      );
    }
  }

  push('### Targets');
  push(
    table(
      ['target', 'measured', 'met'],
      checkTargets(results).map((check) => [
        check.target,
        check.measured,
        check.met === 'no' ? '**no**' : check.met,
      ]),
    ),
  );

  push('### Latency against agents');
  push(`![Per-turn latency against agents](${results.chartFile})`);
  push(
    table(
      [
        'agents',
        'bot p50 ms',
        'bot p95 ms',
        'peer p50 ms',
        'peer p95 ms',
        'echo p50 ms',
        'echo p95 ms',
        'p50 bot/echo',
        'p50 bot/peer',
      ],
      options.sweep.map((count) => {
        const b = point(results, 'onboarding', count);
        const p = point(results, 'peer', count);
        const e = point(results, 'echo', count);
        return [
          String(count),
          ms(b?.latency.p50),
          ms(b?.latency.p95),
          ms(p?.latency.p50),
          ms(p?.latency.p95),
          ms(e?.latency.p50),
          ms(e?.latency.p95),
          b && e ? ratio(b.latency.p50 / e.latency.p50) : '–',
          b && p ? ratio(b.latency.p50 / p.latency.p50) : '–',
        ];
      }),
    ),
  );
  push(
    "CPU per turn is the bot process's own CPU time (`process.cpuUsage()`, user + system) over the window, divided by the turns that finished in it; " +
      "the store process's likewise. Cosmos DB requests are per turn over the whole run.",
  );
  push(
    table(
      [
        'agents',
        'bot turns/s',
        'peer turns/s',
        'echo turns/s',
        'CPU ms/turn bot (store)',
        'CPU ms/turn peer (store)',
        'CPU ms/turn echo',
        'CPU bot/echo',
        'CPU bot/peer',
        'Cosmos DB req/turn bot / peer',
        'failed bot/peer/echo',
        'CPU % bot/store/gen/rest (bot run)',
      ],
      options.sweep.map((count) => {
        const b = point(results, 'onboarding', count);
        const p = point(results, 'peer', count);
        const e = point(results, 'echo', count);
        const cpuRatio = (x?: PointResult, y?: PointResult) =>
          x?.cpu.botMsPerTurn !== undefined && y?.cpu.botMsPerTurn !== undefined
            ? ratio(x.cpu.botMsPerTurn / y.cpu.botMsPerTurn)
            : '–';
        return [
          String(count),
          b ? num(b.turnsPerSecond) : '–',
          p ? num(p.turnsPerSecond) : '–',
          e ? num(e.turnsPerSecond) : '–',
          cpuPerTurnText(b),
          cpuPerTurnText(p),
          ms(e?.cpu.botMsPerTurn),
          cpuRatio(b, e),
          cpuRatio(b, p),
          `${b?.cosmos ? num(b.cosmos.perTurn, 2) : '–'} / ${p?.cosmos ? num(p.cosmos.perTurn, 2) : '–'}`,
          `${b?.failures ?? 0}/${p?.failures ?? 0}/${e?.failures ?? 0}`,
          b ? cpuText(b) : '–',
        ];
      }),
    ),
  );

  const one = point(results, 'onboarding', options.sweep[0]!);
  if (bot) {
    push(`### Latency by turn (onboarding bot)`);
    const headers = ['turn'];
    if (one && one !== bot)
      headers.push(`p50 ms, ${one.agents} agent${one.agents === 1 ? '' : 's'}`, `p95 ms, ${one.agents}`);
    headers.push(`p50 ms, ${agents} agents`, `p95 ms, ${agents}`, `p99 ms, ${agents}`);
    push(
      table(
        headers,
        onboardingTurns.map((turn) => {
          const row: string[] = [turn];
          if (one && one !== bot)
            row.push(ms(one.latencyByTurn[turn]?.p50), ms(one.latencyByTurn[turn]?.p95));
          const at = bot.latencyByTurn[turn];
          row.push(ms(at?.p50), ms(at?.p95), ms(at?.p99));
          return row;
        }),
      ),
    );
  }

  out.push(...renderJournal(results));
  out.push(...renderNotifications(results));
  out.push(...renderTurnCosts(results));
  out.push(...renderPartnerCenter(results));
  out.push(...renderCatalogue(results));
  out.push(...renderStartupAndMemory(results));
  out.push(...renderProfile(results));
  out.push(...renderMethod(results));
  return out.join('\n');
}

/**
 * What the embedded store's write-ahead journal costs: the onboarding bot on a data folder with the
 * journal off (`durable: false`, the snapshot a second after a change: what a hard kill can lose) and
 * on (each write on disk before it is answered), each a fresh bot process, in this run.
 */
export function renderJournal(results: BenchResults): string[] {
  if (!results.journal?.length) return [];
  const counts = journalAgents(results.options).filter(
    (agents) => journalPoint(results, 'snapshot', agents) && journalPoint(results, 'journal', agents),
  );
  if (counts.length === 0) return [];
  const out: string[] = [
    "### The embedded store's journal",
    '',
    'What "nothing confirmed is lost" costs on the embedded store: the onboarding bot on a data folder (a fresh temporary one in ' +
      'the system temp folder, each point a fresh bot process, warm-up and window as above), with the journal off ' +
      '(`durable: false`: the snapshot a second after a change, what a `kill -9` can lose) and on (every write appended to the ' +
      'journal and flushed with fdatasync before it is answered; writes waiting at the same time share one flush). ' +
      'In both the store runs inside the bot process, so its CPU is billed to the bot process. ' +
      'The last column is the bot from the sweep above: its store in a process of its own, in memory.',
    '',
  ];
  const rows: string[][] = [];
  for (const agents of counts) {
    const off = journalPoint(results, 'snapshot', agents)!;
    const on = journalPoint(results, 'journal', agents)!;
    const memory = point(results, 'onboarding', agents);
    const row = (figure: string, pick: (p: PointResult) => number, format: (value: number) => string) => [
      figure,
      String(agents),
      format(pick(off)),
      format(pick(on)),
      ratio(pick(on) / pick(off)),
      memory ? format(pick(memory)) : '–',
    ];
    const latency = (value: number) => `${ms(value)} ms`;
    rows.push(
      row('per-turn latency p50', (p) => p.latency.p50, latency),
      row('per-turn latency p95', (p) => p.latency.p95, latency),
      row(
        'turns per second',
        (p) => p.turnsPerSecond,
        (value) => num(value),
      ),
    );
  }
  out.push(
    table(
      [
        'figure',
        'agents',
        'journal off (snapshot only)',
        'journal on',
        'on / off',
        'store in its own process',
      ],
      rows,
    ),
    '',
  );

  out.push(
    table(
      [
        'agents (journal on)',
        'fsyncs per onboarding',
        'writes journalled per onboarding',
        'writes per fsync: mean (most, since start)',
        'write + fdatasync: mean (longest, since start)',
        'journal per onboarding',
        'compactions (time)',
      ],
      counts.map((agents) => {
        const on = journalPoint(results, 'journal', agents)!;
        const figures = on.journal;
        if (!figures) return [String(agents), '–', '–', '–', '–', '–', '–'];
        const onboardings = Math.max(1, on.completed);
        const syncs = Math.max(1, figures.syncs);
        return [
          String(agents),
          num(figures.syncs / onboardings, 2),
          num(figures.appends / onboardings, 2),
          `${num(figures.appends / syncs, 2)} (${figures.maxGroup})`,
          `${ms(figures.syncMs / syncs)} ms (${ms(figures.maxSyncMs)} ms)`,
          `${num(figures.bytes / onboardings / 1024, 1)} KiB`,
          `${figures.compactions} (${ms(figures.compactionMs)} ms)`,
        ];
      }),
    ),
    '',
  );

  const first = counts[0]!;
  const off = journalPoint(results, 'snapshot', first)!;
  const on = journalPoint(results, 'journal', first)!;
  out.push(
    `By turn at ${first} agent${first === 1 ? '' : 's'} (p50; a turn waits for each of its writes in turn, so the flushes add up on the turns that write most):`,
    '',
    table(
      ['turn', 'journal off', 'journal on', 'on − off'],
      onboardingTurns.map((turn) => {
        const a = off.latencyByTurn[turn]?.p50;
        const b = on.latencyByTurn[turn]?.p50;
        return [
          turn,
          `${ms(a)} ms`,
          `${ms(b)} ms`,
          a === undefined || b === undefined ? '–' : `${(b - a).toFixed(1)} ms`,
        ];
      }),
    ),
    '',
  );
  return out;
}

/** Cosmos DB answers other than 200, 201 (and 404 for a first read), e.g. "3× 412". */
function unusualStatuses(entry: PointResult): string[] {
  return Object.entries(entry.cosmos?.byStatus ?? {})
    .filter(([status]) => !['200', '201', '404'].includes(status))
    .map(([status, count]) => `${count}× ${status}`);
}

function spreadText(result: PointResult): string {
  return (result.runs ?? []).map((run) => `${num(run.turnsPerSecond)} (${ms(run.p50)})`).join(', ');
}

function cpuText(result: PointResult): string {
  const { cpu } = result;
  const rest = cpu.othersPercent === undefined ? '' : ` / ${percent(cpu.othersPercent)}`;
  return `${percent(cpu.botPercent)} / ${percent(cpu.storePercent)} / ${percent(cpu.generatorPercent)}${rest}`;
}

function cpuPerTurnText(result: PointResult | undefined): string {
  if (!result) return '–';
  const store = result.cpu.storeMsPerTurn;
  return `${ms(result.cpu.botMsPerTurn)}${store === undefined ? '' : ` (${ms(store)})`}`;
}

function failedText(result: PointResult): string {
  return `${result.failures} of ${result.completed + result.failures}`;
}

/**
 * CPU and Cosmos DB requests step by step: the chat's turns, then background work in a column of its
 * own (the creation worker's CPU after the submit; the requests background work made, whenever).
 */
export function renderTurnCosts(results: BenchResults): string[] {
  const out: string[] = [];
  for (const costs of results.turnCosts) {
    const per = (value: number) => value / costs.onboardings;
    const keys = [
      ...new Set(profiledSteps.flatMap((step) => Object.keys(costs.byTurn[step].byContainer))),
    ].sort();
    const chat = (pick: (turn: (typeof onboardingTurns)[number]) => number) =>
      onboardingTurns.reduce((sum, turn) => sum + pick(turn), 0);
    if (costs.identity === 'emulator' && costs.conversation === 'new') {
      out.push(
        '### CPU and Cosmos DB requests by turn',
        '',
        `Measured one turn at a time (one agent, ${costs.onboardings} onboardings averaged, after a warm-up). ` +
          'Requests are billed to whoever made them: the turn itself, or background work (the creation worker, which the submit wakes and whose first round runs during it, and the notification dispatcher), billed to the last column whenever it ran. ' +
          "CPU is billed by time window, so the worker's CPU during the submit stays in the submit's: the bot process's own (`process.cpuUsage()` read over IPC before and after each turn; " +
          `what a pair of readings costs the bot, ${ms(costs.readingOverheadMs)} ms measured on the idle bot, is subtracted), and the store process's where it has one. ` +
          'After the submit the next onboarding waits until the creation worker has created the customer in Partner Center (its record watched from the load generator, whose look-ups are not counted; ' +
          'the store process answers them, so its CPU in the last column includes them). ' +
          'Identity as the Emulator sends it: no Microsoft Entra id, so the configured local agent stands in. ' +
          'Requests are counted where the bot sends them, which tells who made each; "-" is account or database metadata.' +
          storeCountText(costs) +
          (costs.notCreated
            ? ` **${costs.notCreated} of the customers were not created** (their record left pending for another state).`
            : ''),
        '',
      );
      const cpuRow = (label: string, figures: Record<ProfiledStep, number>) => [
        label,
        ...onboardingTurns.map((turn) => ms(per(figures[turn]))),
        ms(per(chat((turn) => figures[turn]))),
        ms(per(figures[creationStep])),
      ];
      const rows = [
        cpuRow('**CPU ms, bot process**', costs.cpuMs).map((cell, index) =>
          index === 0 ? cell : `**${cell}**`,
        ),
        ...(costs.storeCpuMs ? [cpuRow('CPU ms, store process', costs.storeCpuMs)] : []),
        ...keys.map((key) => [
          key.replace('.', ' '),
          ...onboardingTurns.map((turn) => num(per(costs.byTurn[turn].byContainer[key] ?? 0), 2)),
          num(per(chat((turn) => costs.byTurn[turn].byContainer[key] ?? 0)), 2),
          num(per(costs.byTurn[creationStep].byContainer[key] ?? 0), 2),
        ]),
      ];
      rows.push(
        [
          '**Cosmos DB requests**',
          ...onboardingTurns.map((turn) => `**${num(per(costs.byTurn[turn].requests), 2)}**`),
          `**${num(per(chat((turn) => costs.byTurn[turn].requests)), 2)}**`,
          `**${num(per(costs.byTurn[creationStep].requests), 2)}**`,
        ],
        [
          'not found (404) / conflict (409) / precondition (412)',
          ...onboardingTurns.map((turn) => statusText(costs.byTurn[turn].byStatus, costs.onboardings)),
          '',
          statusText(costs.byTurn[creationStep].byStatus, costs.onboardings),
        ],
        [
          'state document written (bytes)',
          ...onboardingTurns.map((turn) => {
            const tally = costs.byTurn[turn];
            const writes = stateWritesOf(tally.byContainer);
            const bytes = ['upsert', 'replace', 'create'].reduce(
              (sum, kind) => sum + (tally.bytesByContainer[`botState.${kind}`] ?? 0),
              0,
            );
            return writes ? num(bytes / writes, 0) : '–';
          }),
          '',
          '',
        ],
      );
      out.push(
        table(
          ['per onboarding', ...onboardingTurns, 'chat (5 turns)', 'background (the creation worker)'],
          rows,
        ),
        '',
      );
    } else {
      const extra = keys.filter((key) => key.startsWith('agentRoles.'));
      const who =
        costs.identity === 'teams'
          ? 'With a Teams identity (an aadObjectId, roles from the role directory)'
          : 'With the same identity';
      const where =
        costs.conversation === 'standing'
          ? ', in one conversation that already had an onboarding (Teams keeps one personal chat per agent)'
          : ', each onboarding in a new conversation';
      out.push(
        `${who}${where}: ` +
          onboardingTurns.map((turn) => `${turn} ${num(per(costs.byTurn[turn].requests), 0)}`).join(', ') +
          ` requests, ${num(per(chat((turn) => costs.byTurn[turn].requests)), 1)} per onboarding` +
          `, background ${num(per(costs.byTurn[creationStep].requests), 1)}` +
          (extra.length
            ? `; the role look-ups are ${extra.map((key) => `${num(per(chat((turn) => costs.byTurn[turn].byContainer[key] ?? 0)), 0)} ${key.replace('.', ' ')}`).join(', ')} ` +
              `(${onboardingTurns.map((turn) => num(per(costs.byTurn[turn].byContainer[extra[0]!] ?? 0), 0)).join('/')} by turn)`
            : '') +
          `; bot CPU ${onboardingTurns.map((turn) => ms(per(costs.cpuMs[turn]))).join('/')} ms by turn.`,
        '',
      );
    }
  }
  return out;
}

/** Where the store's count of the same windows differs from the requests the bot sent. */
function storeCountText(costs: TurnCosts): string {
  const sent = profiledSteps.reduce((sum, step) => sum + costs.byTurn[step].requests, 0);
  if (costs.storeRequests === undefined || costs.storeRequests === sent) return '';
  const per = (value: number) => num(value / costs.onboardings, 2);
  return ` **The store received ${per(costs.storeRequests)} requests per onboarding over the same windows, the bot sent ${per(sent)}.**`;
}

function statusText(byStatus: Record<string, number>, onboardings: number): string {
  const of = (code: string) => num((byStatus[code] ?? 0) / onboardings, 0);
  return `${of('404')} / ${of('409')} / ${of('412')}`;
}

/**
 * The subscriptions card at catalogue scale: the widest order the catalogue allows, built by one
 * agent; Cosmos DB requests and time per kind of turn, and the largest card as Teams counts it.
 */
export function renderCatalogue(results: BenchResults): string[] {
  const session = results.catalogue;
  if (!session) return [];
  // The embedded store answers a fixed 1 RU per request: not a charge worth a column.
  const charged = !results.store?.startsWith('embedded');
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  const rows = catalogueTurns
    .filter((turn) => session.byTurn[turn].turns > 0)
    .map((turn) => {
      const { turns, tally, durations, largestBytes } = session.byTurn[turn];
      return [
        turn,
        String(turns),
        num(tally.requests / turns, 2),
        num((tally.byKind.query ?? 0) / turns, 2),
        charged && tally.requestCharge > 0 ? num(tally.requestCharge / turns, 1) : '–',
        ms(median(durations)),
        kb(largestBytes),
      ];
    });
  return [
    '### The subscriptions card at catalogue scale',
    '',
    `One agent builds the widest order the sample catalogue allows (${session.lines} lines of the offers with the longest names, ` +
      'the add-ons first so that each waits for its base while the order grows), with searches and pages between, and submits it. ' +
      'Requests as counted above (a query is two: its plan, then the query); RU only where Azure Cosmos DB answers them (the embedded store charges a fixed 1 RU per request).',
    '',
    table(
      [
        'turn',
        'turns',
        'Cosmos DB requests per turn',
        'of them queries',
        'RU per turn',
        'p50',
        'largest reply',
      ],
      rows,
    ),
    '',
    `**Largest card: ${kb(session.largest.bytes)}** as Teams counts it (UTF-16 of the whole activity), sent by a "${session.largest.turn}" turn; ` +
      'Teams recommends at most 80 KB and refuses about 100 KB.',
    '',
  ];
}

function renderStartupCompared(results: BenchResults): string[] {
  const compared = results.startupCompared;
  if (!compared) return [];
  const fromNothing = median(results.startup.map((run) => run.firstAnswerMs));
  const runs = results.startup.length;
  const line = (what: string, timing: StartupTiming | undefined, firstAnswerMs: number) => [
    what,
    timing ? `${ms(timing.listeningMs)} ms` : '–',
    `${ms(firstAnswerMs)} ms`,
    ratio(firstAnswerMs / compared.echo.firstAnswerMs),
  ];
  return [
    `Beside it, each the median of ${runs} runs: the bot restarted as on Azure, against a store in a process of its own whose database exists ` +
      `(one unmeasured start created it), with the local Partner Center there too; the echo bot (\`test/bench/echoMain.ts\`: \`bot/server.ts\` and \`bot/adapter.ts\`, no store) started the same way; ` +
      `and a process that only loads ${stackLibraries.join(', ')}, the libraries every turn of a bot on this stack with Cosmos DB goes through, timed from spawn to exit.`,
    '',
    table(
      ['start', 'listening', 'first answer', 'ratio to the echo bot'],
      [
        line('`npm start` from nothing (above)', undefined, fromNothing),
        line('the bot restarted, store in its own process', compared.restart, compared.restart.firstAnswerMs),
        line('the echo bot, no store', compared.echo, compared.echo.firstAnswerMs),
        [
          `${stackLibraries.join(', ')} loaded, nothing run`,
          '–',
          `${ms(compared.librariesMs)} ms (exit)`,
          ratio(compared.librariesMs / compared.echo.firstAnswerMs),
        ],
      ],
    ),
    '',
  ];
}

export function renderStartupAndMemory(results: BenchResults): string[] {
  const out: string[] = [];
  if (results.startup.length > 0) {
    out.push(
      '### Start-up',
      '',
      'The compiled bot spawned as `npm start` runs it (`node dist/bot/index.js`, after the build) on a fresh embedded Cosmos DB with a temporary data folder ' +
        '(or COSMOS_ENDPOINT); the clock runs from spawn to its "Bot listening" line and to the first HTTP 200 answer to "help" (posted as soon as the line appears, retried every 2 ms).',
      '',
      table(
        ['run', 'listening', 'first answer', 'machine CPU meanwhile'],
        [
          ...results.startup.map((run, index) => [
            String(index + 1),
            `${ms(run.listeningMs)} ms`,
            `${ms(run.firstAnswerMs)} ms`,
            percent(run.machineBusyPercent),
          ]),
          [
            'median',
            `${ms(median(results.startup.map((run) => run.listeningMs)))} ms`,
            `${ms(median(results.startup.map((run) => run.firstAnswerMs)))} ms`,
            '',
          ],
        ],
      ),
      '',
      ...renderStartupCompared(results),
    );
  }
  const host = results.hostStartup;
  if (host) {
    const kinds = Object.entries(host.requests.byContainer)
      .sort((a, b) => b[1] - a[1])
      .map(([key, count]) => `${count} ${key.replace('.', ' ')}`)
      .join(', ');
    out.push(
      `Where start-up goes, in the benchmark's own bot process (same code, started by \`test/bench/botHost.ts\`, its store already running in the store process): ` +
        `modules loaded ${ms(host.modulesLoadedMs)} ms after the process started; \`startBot\` then took ${ms(host.startMs)} ms ` +
        `(database and containers, catalogue sync, listening) and sent ${host.requests.requests} Cosmos DB requests: ${kinds}.`,
      '',
    );
  }
  const memory = results.memory;
  if (memory) {
    const perOnboarding = (later: number, earlier: number) =>
      `${((later - earlier) / memory.inFlight / 1024).toFixed(1)} KiB`;
    out.push(
      '### Memory',
      '',
      `The bot in a child process of its own (started with --expose-gc); store: ${memory.store}. ` +
        `${memory.inFlight} conversations each sent "add customer" and their account info (50 at a time), so ${memory.inFlight} drafts wait on the MCA card. ` +
        (memory.storeRss === undefined
          ? 'Their state lives in the bot process here, as with `npm start` on the embedded store.'
          : `The store runs in a process of its own, as Azure Cosmos DB is remote, so the bot's memory below no longer includes the drafts' stored state; the store process held ${mib(memory.storeRss)} resident with them in flight.`) +
        (memory.failures ? ` ${memory.failures} of them failed.` : ''),
      '',
      table(
        ['', 'resident (RSS)', 'V8 heap used'],
        [
          [
            'idle (after start-up and 3 onboardings, after a full GC)',
            mib(memory.idle.rss),
            mib(memory.idle.heapUsed),
          ],
          [`${memory.inFlight} onboardings in flight`, mib(memory.loaded.rss), mib(memory.loaded.heapUsed)],
          [
            `${memory.inFlight} in flight, after a full GC`,
            mib(memory.loadedAfterGc.rss),
            mib(memory.loadedAfterGc.heapUsed),
          ],
          [
            'per onboarding in flight (after GC, over idle)',
            perOnboarding(memory.loadedAfterGc.rss, memory.idle.rss),
            perOnboarding(memory.loadedAfterGc.heapUsed, memory.idle.heapUsed),
          ],
        ],
      ),
      '',
      `Average conversation state document written during these turns: ${num(memory.stateDocumentBytes / 1024, 1)} KiB.`,
      '',
    );
  }
  return out;
}

function renderProfile(results: BenchResults): string[] {
  if (!results.profile) return [];
  const { summary, agents } = results.profile;
  const shares = (rows: ProfileSummary['areas']) =>
    rows.map((row) => [row.name.replace(/\|/g, '\\|'), `${row.percent.toFixed(1)} %`]);
  return [
    '### Where the time goes',
    '',
    `A V8 CPU profile of the bot process during an extra ${results.options.durationSeconds} s window at ${agents} agents (not part of the figures above). ` +
      `The process was busy ${summary.busyPercent.toFixed(0)} % of the window; shares below are of the busy time. ` +
      'Self time is where the CPU was; "inside" counts a frame and what it called on the same synchronous stack (work resumed after an await is not attributed to its caller, so these are lower bounds).',
    '',
    table(['self time by area', 'share'], shares(summary.areas)),
    '',
    table(['inside', 'share'], shares(summary.inclusive)),
    '',
    table(['busiest functions (self)', 'share'], shares(summary.functions)),
    '',
  ];
}

function renderMethod(results: BenchResults): string[] {
  return [
    '### How it was measured',
    '',
    '- Each bot runs in a child process of its own (`test/bench/botHost.ts`); the load generator runs in the parent. ' +
      'The store runs in a third process (`test/bench/storeHost.ts`): the embedded Cosmos DB (`startEmbeddedCosmos()`, in memory, its server keeping connections alive as Azure Cosmos DB does) ' +
      'and the local Partner Center, both remote in production; it tells the parent their endpoints over IPC and the bot is started with COSMOS_ENDPOINT, COSMOS_KEY and LOCAL_PARTNER_CENTER_ENDPOINT, ' +
      "so the bot process runs only their clients (the loopback store's self-signed certificate accepted by the bot's own client). Each point has a fresh store process. " +
      'The onboarding bot is the real one, started through `bot/startBot.ts` with PORT=0 and LOG_LEVEL=error (the log line of a failed turn is shown under Failures and errors); ' +
      "for the journal's figures the host starts the embedded store itself with a data folder (`startEmbeddedCosmos({ dataDir, durable })`, in the bot process) and gives the bot its endpoint; " +
      'the echo bot is an ActivityHandler behind the same `bot/server.ts` (restify, body parser, envelope check) and `bot/adapter.ts` (CloudAdapter).',
    "- The SDK-pattern peer (`test/bench/peerBot.ts`) is the Bot Framework samples' multi-turn prompt as they write it: a ComponentDialog whose WaterfallDialog asks four TextPrompts, " +
      "ConversationState and UserState on botbuilder-azure's CosmosDbPartitionedStorage (on the same store process, its own container), both saved after each turn; " +
      'behind the same `bot/server.ts` and `bot/adapter.ts`. A conversation is five turns: a greeting, then the four prompts answered by text.',
    "- Each submit is built from the card the bot returned: the inputs as shown, changed where an agent types, plus the button's data (prompt id, action). " +
      'Every customer is unique ("Bench Company <run> <n> B.V.", "bench<run><n>"); an onboarding counts as completed only when the done card shows its admin sign-in name.',
    '- Latency: from posting a turn to the end of its HTTP response, for turns started in the window; turns and onboardings per second count those finished in the window. ' +
      "In a closed loop the mean latency at N agents is about N divided by the turns per second (Little's law), so once a bot is saturated its latency ratio mostly mirrors its throughput ratio. " +
      'After the window every agent finishes the onboarding it is in, so Cosmos DB requests per completed onboarding are exact for the run.',
    "- Cosmos DB requests are counted through Node's HTTP diagnostics channels: requests the embedded store received, and requests the client sent with their x-ms-request-charge. " +
      'On the embedded store both counts agree' +
      (results.points.some((p) => p.cosmos && p.cosmos.requests !== p.cosmos.clientRequests)
        ? ' (except where noted by the counts)'
        : '') +
      '; it answers a fixed 1 RU per request, so RU are meaningful only on Azure Cosmos DB.',
    '- The load generator, the store and the bot share the machine: CPU columns show the bot process, the store process, the generator and the rest of the machine (other processes) during the window, in % of one core. ' +
      'A rest-of-machine figure well above zero, or a parallel capacity below the core count, means the run was disturbed.',
    '- A benchmark reports figures; no test asserts a time.',
    '',
  ];
}
