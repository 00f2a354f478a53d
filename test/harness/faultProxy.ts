import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * What the proxy does with one request:
 * - `'pass'`: forwards it and relays the answer.
 * - `{ status, retryAfter?, body?, rawBody? }`: answers itself, without forwarding (a JSON `body`, the
 *   bytes of `rawBody`, or a Partner Center-style error body for a 4xx/5xx).
 * - `{ drop: true }`: cuts the connection before forwarding: the upstream never sees the request.
 * - `{ dropAfterForwarding: true }`: forwards it, lets the upstream act and answer, then cuts the
 *   client's connection: a timeout after the work was done.
 * - `{ delayResponseMs }`: forwards it and holds the answer that long (the client may give up first).
 */
export type FaultStep =
  | 'pass'
  | { status: number; retryAfter?: number | string; body?: unknown; rawBody?: string }
  | { drop: true }
  | { dropAfterForwarding: true }
  | { delayResponseMs: number };

export interface FaultProxy {
  endpoint: string;
  /** The next requests, in order, take these steps; once they are used up, requests pass. */
  plan(steps: FaultStep[]): void;
  /** Requests that reached the upstream. */
  forwarded(): number;
  /** Requests the proxy received. */
  received(): number;
  stop(): Promise<void>;
}

/**
 * An HTTP proxy on loopback in front of an HTTP endpoint (the local Partner Center), scripted per
 * request. It works on whole HTTP messages, where `slowProxy` and `switchableProxy` relay TCP bytes
 * and cannot answer, or cut, one request in particular.
 */
export async function startFaultProxy(upstream: string): Promise<FaultProxy> {
  const target = new URL(upstream);
  const agent = new http.Agent({ keepAlive: false });
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let steps: FaultStep[] = [];
  let forwarded = 0;
  let received = 0;

  const server = http.createServer((request, response) => {
    received += 1;
    const step = steps.shift() ?? 'pass';
    void (async () => {
      const body = await readAll(request);
      if (typeof step === 'object' && 'status' in step) return answer(response, step);
      if (typeof step === 'object' && 'drop' in step) return void request.socket.destroy();
      let answered: Upstream;
      try {
        answered = await forward(target, agent, request, body);
      } catch (error) {
        return answer(response, {
          status: 502,
          body: { code: '502', description: `upstream: ${String(error)}` },
        });
      }
      forwarded += 1;
      if (typeof step === 'object' && 'dropAfterForwarding' in step) return void request.socket.destroy();
      const delay = typeof step === 'object' && 'delayResponseMs' in step ? step.delayResponseMs : 0;
      if (delay === 0) return relay(response, answered);
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!request.socket.destroyed) relay(response, answered);
      }, delay);
      timers.add(timer);
    })().catch(() => request.socket.destroy());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));

  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    plan(next) {
      steps = [...next];
    },
    forwarded: () => forwarded,
    received: () => received,
    async stop() {
      for (const timer of timers) clearTimeout(timer);
      for (const socket of sockets) socket.destroy();
      agent.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

interface Upstream {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

async function readAll(stream: AsyncIterable<Buffer>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks);
}

function forward(
  target: URL,
  agent: http.Agent,
  request: http.IncomingMessage,
  body: Buffer,
): Promise<Upstream> {
  const headers = { ...request.headers, host: target.host };
  delete headers.connection;
  return new Promise((resolve, reject) => {
    const outgoing = http.request(
      {
        protocol: target.protocol,
        hostname: target.hostname,
        port: target.port,
        method: request.method,
        path: request.url,
        headers,
        agent,
      },
      (incoming) => {
        readAll(incoming).then(
          (answer) =>
            resolve({ status: incoming.statusCode ?? 502, headers: incoming.headers, body: answer }),
          reject,
        );
      },
    );
    outgoing.once('error', reject);
    outgoing.end(body);
  });
}

function relay(response: http.ServerResponse, answered: Upstream): void {
  const headers = { ...answered.headers };
  for (const name of ['connection', 'keep-alive', 'transfer-encoding']) delete headers[name];
  // Not chained: restify, when loaded in the same process, makes writeHead return nothing.
  response.writeHead(answered.status, headers);
  response.end(answered.body);
}

function answer(
  response: http.ServerResponse,
  step: { status: number; retryAfter?: number | string; body?: unknown; rawBody?: string },
): void {
  const headers: Record<string, string> = { 'Content-Type': 'application/json; charset=utf-8' };
  if (step.retryAfter !== undefined) headers['Retry-After'] = String(step.retryAfter);
  const body =
    step.rawBody ??
    (step.body !== undefined
      ? JSON.stringify(step.body)
      : step.status >= 400
        ? JSON.stringify({
            code: String(step.status),
            description: 'Injected by the fault proxy',
            source: 'FaultProxy',
          })
        : '');
  response.writeHead(step.status, { ...headers, 'Content-Length': String(Buffer.byteLength(body)) });
  response.end(body);
}
