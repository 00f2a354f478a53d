import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export const projectRoot = path.resolve(__dirname, '..', '..');
const entry = path.join(projectRoot, 'dist', 'bot', 'index.js');

export interface BotProcess {
  child: ChildProcess;
  messagesUrl: string;
  stdout(): string;
  /** Sends the signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

const running = new Set<ChildProcess>();

/** Kills every bot process a test started and left running (a failed assertion before its stop). */
export function killBotProcesses(): void {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
}

/** SIGKILL at once (no shutdown, no snapshot), and wait for the process to be gone. */
export async function hardKill(bot: BotProcess): Promise<void> {
  const exited = new Promise((resolve) => bot.child.once('exit', resolve));
  bot.child.kill('SIGKILL');
  await exited;
}

/** The environment a fresh machine has: none of the developer's own bot or Cosmos variables. */
function cleanEnvironment(env: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'warn', ...env };
}

function assertBuilt(): void {
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run "npm run build" first (npm test does).`);
}

/** Runs the compiled bot as `npm start` does, and waits until it prints where it listens. */
export async function startBotProcess(env: Record<string, string>, cwd = projectRoot): Promise<BotProcess> {
  assertBuilt();
  const child = spawn(process.execPath, ['--disable-warning=DEP0111', entry], {
    cwd,
    env: cleanEnvironment(env),
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const messagesUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The bot did not start in time: ${out}${err}`)), 15000);
    const look = () => {
      const match = /Bot listening at (\S+)/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', look);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`The bot exited with ${code}: ${err}`));
    });
  });

  return {
    child,
    messagesUrl,
    stdout: () => out,
    async stop(signal = 'SIGTERM') {
      child.kill(signal);
      return exited;
    },
  };
}

/** Runs the compiled bot expecting it to refuse to start; resolves with its exit code and stderr. */
export async function runBotExpectingFailure(
  env: Record<string, string>,
  cwd = projectRoot,
): Promise<{ code: number | null; stderr: string; stdout: string }> {
  assertBuilt();
  const child = spawn(process.execPath, ['--disable-warning=DEP0111', entry], {
    cwd,
    env: cleanEnvironment(env),
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 15000);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearTimeout(timer);
  return { code, stderr, stdout };
}
