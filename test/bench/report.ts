import type { ProfileSummary } from './cpuProfile';
import { mib, ms, num, percent, ratio, table } from './format';
import type { PointResult } from './measurePoint';
import { catalogueTurns } from './catalogueSession';
import { onboardingTurns } from './onboardingScript';
import { renderNotifications } from './notificationReport';
import { partnerCenterRows, renderPartnerCenter } from './partnerCenterReport';
import { median } from './percentiles';
import { journalAgents, journalPoint, point, stateWritesOf, type BenchResults } from './results';
import { checkTargets, disturbanceOf } from './targets';

/** The section of docs/benchmarks.md for one run. */
export function renderSection(results: BenchResults): string {
  const { options, machine } = results;
  const { agents } = options;
  const bot = point(results, 'onboarding', agents);
  const echo = point(results, 'echo', agents);
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
      `each point a fresh bot process, ${options.warmupSeconds} s of warm-up, then a ${options.durationSeconds} s window ` +
      `(measured again, up to ${options.retries} times, while other processes used more than 25 % of a core; the quietest attempt is kept); ` +
      `the ${agents}-agent point ${options.repeats} times per bot, the median run by turns per second reported. ` +
      `An onboarding is ${onboardingTurns.length} turns (${onboardingTurns.join(', ')}) in a new conversation, ` +
      `posted with deliveryMode "expectReplies" by agents in a closed loop (no think time); the echo bot gets the same number of turns per conversation.`,
  );

  if (bot && echo) {
    push(`### Results at ${agents} agents`);
    const rows: string[][] = [
      [
        'per-turn latency p50',
        `${ms(bot.latency.p50)} ms`,
        `${ms(echo.latency.p50)} ms`,
        ratio(bot.latency.p50 / echo.latency.p50),
      ],
      [
        'per-turn latency p95',
        `${ms(bot.latency.p95)} ms`,
        `${ms(echo.latency.p95)} ms`,
        ratio(bot.latency.p95 / echo.latency.p95),
      ],
      [
        'per-turn latency p99',
        `${ms(bot.latency.p99)} ms`,
        `${ms(echo.latency.p99)} ms`,
        ratio(bot.latency.p99 / echo.latency.p99),
      ],
      [
        'turns per second',
        num(bot.turnsPerSecond),
        num(echo.turnsPerSecond),
        ratio(bot.turnsPerSecond / echo.turnsPerSecond),
      ],
      [
        'onboardings per second',
        num(bot.onboardingsPerSecond, 2),
        `${num(echo.onboardingsPerSecond, 2)} (5-turn conversations)`,
        ratio(bot.onboardingsPerSecond / echo.onboardingsPerSecond),
      ],
      ...(bot.runs || echo.runs
        ? [
            [
              'spread: turns/s (p50 ms) of each run, the median run above',
              spreadText(bot),
              spreadText(echo),
              '',
            ],
          ]
        : []),
      [
        'failed onboardings',
        `${bot.failures} of ${bot.completed + bot.failures}`,
        `${echo.failures} of ${echo.completed + echo.failures}`,
        '',
      ],
    ];
    if (bot.cosmos) {
      rows.push(
        ['Cosmos DB requests per turn', num(bot.cosmos.perTurn, 2), '0', ''],
        ['Cosmos DB requests per completed onboarding', num(bot.cosmos.perOnboarding, 2), '0', ''],
        [
          'request charge per completed onboarding',
          `${num(bot.cosmos.requestCharge / Math.max(1, bot.completed), 1)} RU${results.store.startsWith('embedded') ? ' (the embedded store answers a fixed 1 RU per request: not a real charge)' : ''}`,
          '',
          '',
        ],
      );
    }
    rows.push(...partnerCenterRows(results));
    rows.push(
      [
        'CPU during the window (bot process / load generator / rest of machine)',
        cpuText(bot),
        cpuText(echo),
        '',
      ],
      [
        'resident memory of the bot process at the end',
        mib(bot.rssBytes),
        mib(echo.rssBytes),
        ratio(bot.rssBytes / echo.rssBytes),
      ],
    );
    if (results.startup.length > 0) {
      rows.push([
        'time from start to the first answered message (median)',
        `${ms(median(results.startup.map((run) => run.firstAnswerMs)))} ms`,
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
      ]);
    }
    push(table(['figure', 'onboarding bot', 'echo bot', 'bot / echo'], rows));
    const examples = [...bot.failureExamples, ...echo.failureExamples];
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
        `- ${entry.kind} bot${entry.store ? ` (data folder, journal ${entry.store === 'journal' ? 'on' : 'off'})` : ''}, ${entry.agents} agents: ${entry.failures} failed of ${entry.completed + entry.failures}; ` +
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
        check.met === 'no' ? '**no**' : check.met === 'partly' ? 'on average; not every turn' : check.met,
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
        'bot p99 ms',
        'echo p50 ms',
        'echo p95 ms',
        'echo p99 ms',
        'p50 bot/echo',
      ],
      options.sweep.map((count) => {
        const b = point(results, 'onboarding', count);
        const e = point(results, 'echo', count);
        return [
          String(count),
          ms(b?.latency.p50),
          ms(b?.latency.p95),
          ms(b?.latency.p99),
          ms(e?.latency.p50),
          ms(e?.latency.p95),
          ms(e?.latency.p99),
          b && e ? ratio(b.latency.p50 / e.latency.p50) : '–',
        ];
      }),
    ),
  );
  push(
    table(
      [
        'agents',
        'bot turns/s',
        'bot onboardings/s',
        'echo turns/s',
        'turns/s bot/echo',
        'Cosmos DB req/turn',
        'failed',
        'CPU bot/gen/rest (bot run)',
        'CPU bot/gen/rest (echo run)',
      ],
      options.sweep.map((count) => {
        const b = point(results, 'onboarding', count);
        const e = point(results, 'echo', count);
        return [
          String(count),
          b ? num(b.turnsPerSecond) : '–',
          b ? num(b.onboardingsPerSecond, 2) : '–',
          e ? num(e.turnsPerSecond) : '–',
          b && e ? `${((b.turnsPerSecond / e.turnsPerSecond) * 100).toFixed(1)} %` : '–',
          b?.cosmos ? num(b.cosmos.perTurn, 2) : '–',
          `${b?.failures ?? 0}/${e?.failures ?? 0}`,
          b ? cpuText(b) : '–',
          e ? cpuText(e) : '–',
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
      'The last column is the bot without a data folder, from the sweep above.',
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
      ['figure', 'agents', 'journal off (snapshot only)', 'journal on', 'on / off', 'no data folder'],
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
  return `${percent(cpu.botPercent)} / ${percent(cpu.generatorPercent)}${rest}`;
}

function renderTurnCosts(results: BenchResults): string[] {
  const out: string[] = [];
  for (const costs of results.turnCosts) {
    const per = (value: number) => value / costs.onboardings;
    const keys = [
      ...new Set(onboardingTurns.flatMap((turn) => Object.keys(costs.byTurn[turn]!.byContainer))),
    ].sort();
    const total = (pick: (turn: (typeof onboardingTurns)[number]) => number) =>
      onboardingTurns.reduce((sum, turn) => sum + pick(turn), 0);
    if (costs.identity === 'emulator') {
      out.push(
        '### Cosmos DB requests by turn',
        '',
        `Measured one turn at a time (one agent, ${costs.onboardings} onboardings averaged, after a warm-up), so each request is billed to the turn that made it. ` +
          'Identity as the Emulator sends it: no Microsoft Entra id, so the configured local agent stands in and no role is looked up. ' +
          'Requests are counted where they arrive (the embedded store) or where they leave (the client, on Azure); "-" is account or database metadata.',
        '',
      );
      const rows = keys.map((key) => [
        key.replace('.', ' '),
        ...onboardingTurns.map((turn) => num(per(costs.byTurn[turn]!.byContainer[key] ?? 0), 2)),
        num(per(total((turn) => costs.byTurn[turn]!.byContainer[key] ?? 0)), 2),
      ]);
      rows.push(
        [
          '**total**',
          ...onboardingTurns.map((turn) => `**${num(per(costs.byTurn[turn]!.requests), 2)}**`),
          `**${num(per(total((turn) => costs.byTurn[turn]!.requests)), 2)}**`,
        ],
        [
          'not found (404) / conflict (409) / precondition (412)',
          ...onboardingTurns.map((turn) => statusText(costs.byTurn[turn]!.byStatus, costs.onboardings)),
          '',
        ],
        [
          'state document written (bytes)',
          ...onboardingTurns.map((turn) => {
            const tally = costs.byTurn[turn]!;
            const writes = stateWritesOf(tally.byContainer);
            const bytes = ['upsert', 'replace', 'create'].reduce(
              (sum, kind) => sum + (tally.bytesByContainer[`botState.${kind}`] ?? 0),
              0,
            );
            return writes ? num(bytes / writes, 0) : '–';
          }),
          '',
        ],
      );
      out.push(table(['request', ...onboardingTurns, 'per onboarding'], rows), '');
    } else {
      const extra = keys.filter((key) => key.startsWith('agentRoles.'));
      out.push(
        `With a Teams identity (an aadObjectId, roles from the role directory): ` +
          onboardingTurns.map((turn) => `${turn} ${num(per(costs.byTurn[turn]!.requests), 0)}`).join(', ') +
          ` requests, ${num(per(total((turn) => costs.byTurn[turn]!.requests)), 0)} per onboarding` +
          (extra.length
            ? `; the difference is ${extra.map((key) => `${num(per(total((turn) => costs.byTurn[turn]!.byContainer[key] ?? 0)), 0)} ${key.replace('.', ' ')}`).join(', ')} ` +
              `(${onboardingTurns.map((turn) => num(per(costs.byTurn[turn]!.byContainer[extra[0]!] ?? 0), 0)).join('/')} by turn)`
            : '') +
          '.',
        '',
      );
    }
  }
  return out;
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

function renderStartupAndMemory(results: BenchResults): string[] {
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
    );
  }
  const host = results.hostStartup;
  if (host) {
    const kinds = Object.entries(host.requests.byContainer)
      .sort((a, b) => b[1] - a[1])
      .map(([key, count]) => `${count} ${key.replace('.', ' ')}`)
      .join(', ');
    out.push(
      `Where start-up goes, in the benchmark's own bot process (same code, started by \`test/bench/botHost.ts\`): ` +
        `modules loaded ${ms(host.modulesLoadedMs)} ms after the process started; \`startBot\` then took ${ms(host.startMs)} ms ` +
        `(embedded store, database and containers, catalogue sync, listening) and sent ${host.requests.requests} Cosmos DB requests: ${kinds}.`,
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
      `The bot in a child process of its own (started with --expose-gc), ${memory.store}. ` +
        `${memory.inFlight} conversations each sent "add customer" and their account info (50 at a time), so ${memory.inFlight} onboardings wait on the MCA card; ` +
        'on the embedded store their state lives in the same process, as with `npm start` (on Azure Cosmos DB it would not).' +
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
      'The onboarding bot is the real one, started through `bot/startBot.ts` with PORT=0, EMBEDDED_COSMOS_PORT=0, no data folder and LOG_LEVEL=error (the log line of a failed turn is shown under Failures and errors); ' +
      "for the journal's figures the host starts the embedded store itself with a data folder (`startEmbeddedCosmos({ dataDir, durable })`, in the same process) and gives the bot its endpoint; " +
      'the echo bot is an ActivityHandler behind the same `bot/server.ts` (restify, body parser, envelope check) and `bot/adapter.ts` (CloudAdapter).',
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
    '- The load generator and the bot share the machine: CPU columns show the bot process, the generator and the rest of the machine (other processes) during the window, in % of one core. ' +
      'A rest-of-machine figure well above zero, or a parallel capacity below the core count, means the run was disturbed.',
    '- A benchmark reports figures; no test asserts a time.',
    '',
  ];
}
