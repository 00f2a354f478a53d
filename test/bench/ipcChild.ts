import { spawn, type ChildProcess } from 'node:child_process';

/** A request to a benchmark child process: an id, an operation and its arguments. */
export interface IpcRequest {
  id: number;
  op: string;
}

export type IpcReply = { id: number; ok: true; result?: unknown } | { id: number; ok: false; error: string };

export interface IpcChild<Ready> {
  child: ChildProcess;
  ready: Ready;
  /** Sends one request and waits for its reply; fails with the child's last output once it exited. */
  call(request: Omit<IpcRequest, 'id'> & Record<string, unknown>): Promise<unknown>;
  /** Errors the child logged (pino JSON, level error or above): how many, and the first few. */
  errors(): { count: number; examples: string[] };
  /** Asks the child to stop (op `stop`) and waits for it to exit (killed after 15 s). */
  stop(): Promise<void>;
}

export interface IpcChildOptions {
  /** Names the child in errors, e.g. "the onboarding bot". */
  name: string;
  entry: string;
  args?: string[];
  nodeArgs?: string[];
  env: NodeJS.ProcessEnv;
}

/**
 * A Node process of the benchmark's own (a bot host, the store host), driven over IPC: it sends a
 * message with `type: 'ready'` once started, then answers requests by id.
 */
export async function startIpcChild<Ready extends { type: 'ready' }>(
  options: IpcChildOptions,
): Promise<IpcChild<Ready>> {
  const { name } = options;
  const child = spawn(
    process.execPath,
    ['--disable-warning=DEP0111', ...(options.nodeArgs ?? []), options.entry, ...(options.args ?? [])],
    { stdio: ['ignore', 'pipe', 'pipe', 'ipc'], env: options.env },
  );
  let output = '';
  let pendingLine = '';
  const errors = { count: 0, examples: [] as string[] };
  child.stdout?.on('data', (chunk: Buffer) => {
    const text = chunk.toString();
    if (output.length < 100_000) output += text;
    const lines = (pendingLine + text).split('\n');
    pendingLine = lines.pop() ?? '';
    for (const line of lines) {
      const logged = loggedError(line);
      if (!logged) continue;
      errors.count += 1;
      if (errors.examples.length < 5) errors.examples.push(logged);
    }
  });
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  // Set when the process ended; later calls fail with its last output (e.g. an uncaught error).
  let exitedWith: Error | undefined;
  void exited.then((code) => {
    exitedWith = new Error(`${name} exited with ${code}; its last output:\n${output.slice(-4000)}`);
  });

  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  const ready = await new Promise<Ready>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start in time:\n${output}`)), 60_000);
    child.on('message', (message: Ready | IpcReply) => {
      if ('type' in message && message.type === 'ready') {
        clearTimeout(timer);
        resolve(message);
        return;
      }
      const reply = message as IpcReply;
      const waiter = pending.get(reply.id);
      if (!waiter) return;
      pending.delete(reply.id);
      if (reply.ok) waiter.resolve(reply.result);
      else waiter.reject(new Error(reply.error));
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code}:\n${output}`));
      for (const waiter of pending.values())
        waiter.reject(exitedWith ?? new Error(`${name} exited with ${code}`));
    });
  });

  const call: IpcChild<Ready>['call'] = (request) =>
    new Promise((resolve, reject) => {
      if (exitedWith) {
        reject(exitedWith);
        return;
      }
      const id = nextId++;
      pending.set(id, { resolve, reject });
      // With a callback, a closed channel is this call's failure, not an unhandled 'error' event.
      child.send({ id, ...request }, (error) => {
        if (!error || !pending.delete(id)) return;
        reject(exitedWith ?? error);
      });
    });

  return {
    child,
    ready,
    call,
    errors: () => ({ count: errors.count, examples: [...errors.examples] }),
    async stop() {
      await call({ op: 'stop' }).catch(() => undefined);
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Answers the parent's requests in a child process: `handle` returns the result or throws. */
export function answerRequests<R extends IpcRequest>(handle: (request: R) => Promise<unknown>): void {
  process.on('message', (request: R) => {
    void handle(request).then(
      (result) => process.send?.({ id: request.id, ok: true, result } satisfies IpcReply),
      (error: unknown) =>
        process.send?.({
          id: request.id,
          ok: false,
          error: (error as Error).stack ?? String(error),
        } satisfies IpcReply),
    );
  });
  process.on('disconnect', () => process.exit(0));
}

/** "turn failed: Error: …" from a pino line of level error (50) or fatal (60); undefined otherwise. */
export function loggedError(line: string): string | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    const entry = JSON.parse(line) as {
      level?: number;
      msg?: string;
      err?: { name?: string; message?: string };
    };
    if ((entry.level ?? 0) < 50) return undefined;
    const cause = entry.err ? `: ${entry.err.name ?? 'Error'}: ${entry.err.message ?? ''}` : '';
    return `${entry.msg ?? 'error'}${cause}`.slice(0, 400);
  } catch {
    return undefined;
  }
}
