import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { BenchClient } from './benchClient';
import { benchBotEnvironment, projectRoot } from './benchEnvironment';
import { machineCpuTimes } from './machine';
import { median } from './percentiles';
import type { StoreProcess } from './storeProcess';

export interface StartupTiming {
  /** Spawn to the "Bot listening at …" line. */
  listeningMs: number;
  /** Spawn to the first 200 answer (with a reply) to "help". */
  firstAnswerMs: number;
  /** The whole machine's CPU during the run, in % of one core (the bot itself uses about 100). */
  machineBusyPercent?: number;
}

/** Start-ups beside `npm start` from nothing, each the median of its runs. */
export interface StartupComparison {
  /** The bot restarted against a store in a process of its own whose database exists, as on Azure. */
  restart: StartupTiming;
  /** The echo bot (bot/server.ts and bot/adapter.ts, no store), started the same way: the floor. */
  echo: StartupTiming;
  /** Spawn to exit of a process that only loads the stack's libraries every turn goes through. */
  librariesMs: number;
}

/** What every turn of a bot on this stack with Cosmos DB goes through, loaded by `librariesMs`. */
export const stackLibraries = ['botbuilder', 'restify', 'zod', '@azure/cosmos'];

const botEntry = path.join(projectRoot, 'dist', 'bot', 'index.js');
const echoEntry = path.join(projectRoot, 'dist', 'test', 'bench', 'echoMain.js');
const nodeFlags = ['--disable-warning=DEP0111'];

/**
 * Time from start to the first answered message: spawns the compiled bot as `npm start` runs it
 * (`node dist/bot/index.js`, after the build), on a fresh embedded Cosmos DB with a temporary data
 * folder (or on COSMOS_ENDPOINT), reads where it listens from its first line and posts "help" until
 * an answer comes back, retrying every 2 ms.
 */
export async function measureStartup(): Promise<StartupTiming> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'bench-startup-'));
  try {
    return await timeFirstAnswer(
      botEntry,
      benchBotEnvironment(process.env, { EMBEDDED_COSMOS_DATA_DIR: dataDir, LOG_LEVEL: 'warn' }),
    );
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

/**
 * The same start-up, `runs` times each, for the other three: the bot restarted on the store process
 * (one unmeasured start creates its database first), the echo bot, and the libraries alone.
 */
export async function compareStartup(store: StoreProcess, runs: number): Promise<StartupComparison> {
  const storeSettings = benchBotEnvironment(
    {},
    {
      COSMOS_ENDPOINT: store.endpoint,
      COSMOS_KEY: store.key,
      COSMOS_DATABASE: 'onboarding-bench-startup',
      LOCAL_PARTNER_CENTER_ENDPOINT: store.partnerCenter.endpoint,
      LOCAL_PARTNER_CENTER_TOKEN: store.partnerCenter.token,
      LOG_LEVEL: 'warn',
    },
  );
  await timeFirstAnswer(botEntry, storeSettings);
  const restart: StartupTiming[] = [];
  const echo: StartupTiming[] = [];
  const libraries: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    restart.push(await timeFirstAnswer(botEntry, storeSettings));
    echo.push(await timeFirstAnswer(echoEntry, benchBotEnvironment({})));
    libraries.push(await timeLibraryLoad());
  }
  return { restart: medianTiming(restart), echo: medianTiming(echo), librariesMs: median(libraries) };
}

/** `settings` is the whole environment of the process besides PATH and HOME. */
async function timeFirstAnswer(entry: string, settings: Record<string, string>): Promise<StartupTiming> {
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, ...settings };
  const machineBefore = machineCpuTimes();
  const started = performance.now();
  const child = spawn(process.execPath, [...nodeFlags, entry], { cwd: projectRoot, env });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    const messagesUrl = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`The bot did not start within 30 s:\n${output}`)),
        30_000,
      );
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /Bot listening at (\S+)/.exec(output);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      void exited.then((code) => {
        clearTimeout(timer);
        reject(new Error(`The bot exited with ${code}:\n${output}`));
      });
    });
    const listeningMs = performance.now() - started;
    const client = new BenchClient(messagesUrl, { user: { id: 'bench-startup', name: 'Bench' } });
    for (;;) {
      const answer = await client
        .post({ ...client.activity('help'), deliveryMode: 'expectReplies' })
        .catch(() => undefined);
      if (answer?.status === 200 && answer.activities.length > 0) break;
      if (performance.now() - started > 30_000) throw new Error(`No answer within 30 s:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const firstAnswerMs = performance.now() - started;
    const machineAfter = machineCpuTimes();
    return {
      listeningMs,
      firstAnswerMs,
      ...(machineBefore && machineAfter
        ? { machineBusyPercent: ((machineAfter.busy - machineBefore.busy) / firstAnswerMs) * 100 }
        : {}),
    };
  } finally {
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  }
}

async function timeLibraryLoad(): Promise<number> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [...nodeFlags, '-e', `for (const name of ${JSON.stringify(stackLibraries)}) require(name);`],
    { cwd: projectRoot, stdio: 'ignore' },
  );
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`Loading ${stackLibraries.join(', ')} exited with ${code}`);
  return performance.now() - started;
}

/** The run with the median first answer. */
function medianTiming(runs: StartupTiming[]): StartupTiming {
  const sorted = [...runs].sort((a, b) => a.firstAnswerMs - b.firstAnswerMs);
  return sorted[Math.floor(sorted.length / 2)]!;
}
