import { spawn, type ChildProcess } from 'node:child_process';
import { z } from 'zod';
import { playgroundEnvironment, type PlaygroundFiles } from './playgroundEnvironment';

export interface PlaygroundProcessOptions extends PlaygroundFiles {
  /** The bot's messaging endpoint, e.g. http://127.0.0.1:3978/api/messages */
  botEndpoint: string;
  /** The port of its web page; 0 picks a free one, a taken one makes it pick a free one. */
  port: number;
  env?: NodeJS.ProcessEnv;
  /** Node.js options for its process, e.g. a `--require` in tests. */
  nodeOptions?: readonly string[];
  startTimeoutMs?: number;
  /** What it writes on stderr once started (its stdout is chatter and is dropped). */
  onError?: (text: string) => void;
}

export interface PlaygroundProcess {
  /** Its web page, e.g. http://localhost:56150 */
  url: string;
  port: number;
  /** Resolves with the exit code when the process ends, for whatever reason. */
  exited: Promise<number | null>;
  /** Ends it (SIGTERM, then SIGKILL after a grace period). */
  stop(): Promise<void>;
}

export class PlaygroundStartError extends Error {
  override name = 'PlaygroundStartError';
}

const listeningPort = z.coerce.number().int().min(1).max(65535);

/** The Playground's command line, from the installed package (a devDependency). */
export function playgroundCli(): string {
  try {
    return require.resolve('@microsoft/m365agentsplayground/cli.js');
  } catch {
    throw new PlaygroundStartError(
      'The Microsoft 365 Agents Playground is not installed: run "npm install" (it is a devDependency).',
    );
  }
}

/** Starts the Playground on the msteams channel and waits until its page answers. */
export async function startPlaygroundProcess(options: PlaygroundProcessOptions): Promise<PlaygroundProcess> {
  const args = [
    ...(options.nodeOptions ?? []),
    playgroundCli(),
    '--app-endpoint',
    options.botEndpoint,
    '--channel-id',
    'msteams',
    '--port',
    String(options.port),
    '--disable-telemetry',
  ];
  // A process group of its own: Ctrl+C reaches the launcher only, which stops the Playground itself.
  const child = spawn(process.execPath, args, {
    env: playgroundEnvironment(options.env ?? process.env, options),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const orphanGuard = () => child.kill('SIGKILL');
  process.once('exit', orphanGuard);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      process.off('exit', orphanGuard);
      resolve(code);
    }),
  );
  const port = await listeningPortOf(
    child,
    exited,
    options.startTimeoutMs ?? 30_000,
    options.onError ?? (() => undefined),
  );
  return {
    url: `http://localhost:${port}`,
    port,
    exited,
    stop: () => stopChild(child, exited),
  };
}

function listeningPortOf(
  child: ChildProcess,
  exited: Promise<number | null>,
  timeoutMs: number,
  onError: (text: string) => void,
): Promise<number> {
  let output = '';
  let settled = false;
  return new Promise<number>((resolve, reject) => {
    const fail = (message: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new PlaygroundStartError(`${message}${output.trim() ? `: ${output.trim().slice(-500)}` : ''}`));
    };
    const timer = setTimeout(() => fail(`The Agents Playground did not start in ${timeoutMs} ms`), timeoutMs);
    // Both pipes are read to the end: a full pipe would block the Playground.
    child.stdout!.on('data', (chunk: Buffer) => {
      if (settled) return;
      output += chunk.toString();
      const match = /Listening on (\d+)/.exec(output);
      if (!match) return;
      const port = listeningPort.safeParse(match[1]);
      if (!port.success) return fail('The Agents Playground reported no usable port');
      settled = true;
      clearTimeout(timer);
      resolve(port.data);
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      if (settled) onError(chunk.toString());
      else output += chunk.toString();
    });
    child.once('error', (error) => fail(`The Agents Playground could not be started (${error.message})`));
    void exited.then((code) => fail(`The Agents Playground exited with code ${code}`));
  });
}

async function stopChild(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), 3_000);
  await exited;
  clearTimeout(killer);
}
