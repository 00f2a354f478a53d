import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { BenchClient } from './benchClient';
import { benchBotEnvironment, projectRoot } from './benchEnvironment';
import { machineCpuTimes } from './machine';

export interface StartupTiming {
  /** Spawn to the "Bot listening at …" line. */
  listeningMs: number;
  /** Spawn to the first 200 answer (with a reply) to "help". */
  firstAnswerMs: number;
  /** The whole machine's CPU during the run, in % of one core (the bot itself uses about 100). */
  machineBusyPercent?: number;
}

const entry = path.join(projectRoot, 'dist', 'bot', 'index.js');

/**
 * Time from start to the first answered message: spawns the compiled bot as `npm start` runs it
 * (`node dist/bot/index.js`, after the build), on a fresh embedded Cosmos DB with a temporary data
 * folder (or on COSMOS_ENDPOINT), reads where it listens from its first line and posts "help" until
 * an answer comes back, retrying every 2 ms.
 */
export async function measureStartup(): Promise<StartupTiming> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'bench-startup-'));
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ...benchBotEnvironment(process.env, { EMBEDDED_COSMOS_DATA_DIR: dataDir, LOG_LEVEL: 'warn' }),
  };
  const machineBefore = machineCpuTimes();
  const started = performance.now();
  const child = spawn(process.execPath, ['--disable-warning=DEP0111', entry], { cwd: projectRoot, env });
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
    await rm(dataDir, { recursive: true, force: true });
  }
}
