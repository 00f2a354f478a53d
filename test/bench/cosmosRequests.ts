import diagnosticsChannel from 'node:diagnostics_channel';
import type { ClientRequest, IncomingMessage, ServerResponse } from 'node:http';

/**
 * Counting Cosmos DB requests without touching the bot: Node's built-in HTTP diagnostics channels see
 * every request the process sends (`http.client.response.finish`: what @azure/cosmos sends, with the
 * response's x-ms-request-charge) and every request a server in the process receives
 * (`http.server.request.start`: what reaches the embedded store). The bot's CosmosClient is built in
 * services/cosmos/cosmosClientFactory.ts with no hook for a counting policy, and @azure/cosmos 4.9's
 * `plugins` option is internal (absent from its public typings), so listening at the HTTP layer is
 * the non-invasive way, and it works the same for the embedded store and for Azure Cosmos DB.
 */
export type RequestKind =
  | 'pointRead'
  | 'query'
  | 'queryPlan'
  | 'create'
  | 'upsert'
  | 'replace'
  | 'patch'
  | 'delete'
  | 'readFeed'
  | 'batch'
  | 'metadata';

export const requestKinds: readonly RequestKind[] = [
  'pointRead',
  'query',
  'queryPlan',
  'create',
  'upsert',
  'replace',
  'patch',
  'delete',
  'readFeed',
  'batch',
  'metadata',
];

/** Counts of requests; plain data, so it crosses the IPC channel as it is. */
export interface Tally {
  requests: number;
  /** Sum of x-ms-request-charge (request units) where the response carried it. */
  requestCharge: number;
  /** Request body bytes sent (content-length). */
  bytesSent: number;
  byKind: Record<string, number>;
  /** "<container>.<kind>", e.g. "botState.pointRead"; account and database calls under "-". */
  byContainer: Record<string, number>;
  /** Body bytes by "<container>.<kind>" (for the size of state documents written). */
  bytesByContainer: Record<string, number>;
  byStatus: Record<string, number>;
}

/**
 * A header the benchmark's own look-ups carry (e.g. waiting for a customer's creation), so that the
 * counts leave them out: they are not the bot's requests.
 */
export const benchProbeHeader = 'x-bench-probe';

export function emptyTally(): Tally {
  return {
    requests: 0,
    requestCharge: 0,
    bytesSent: 0,
    byKind: {},
    byContainer: {},
    bytesByContainer: {},
    byStatus: {},
  };
}

export interface ObservedRequest {
  method: string;
  /** The request path, with or without a query string. */
  url: string;
  header(name: string): string | undefined;
  status: number;
  requestCharge?: number;
  bytesSent?: number;
}

export function classify(request: Pick<ObservedRequest, 'method' | 'url' | 'header'>): {
  kind: RequestKind;
  container: string;
} {
  const path = request.url.split('?')[0]!.replace(/^\/+/, '').replace(/\/+$/, '');
  const segments = path ? path.split('/') : [];
  const container = segments[2] === 'colls' && segments[3] ? decodeURIComponent(segments[3]) : '-';
  const isTrue = (name: string) => (request.header(name) ?? '').toLowerCase() === 'true';
  const onDocs = segments[4] === 'docs';
  const onDocument = onDocs && segments.length === 6;
  let kind: RequestKind = 'metadata';
  if (onDocs) {
    switch (request.method) {
      case 'GET':
        kind = onDocument ? 'pointRead' : 'readFeed';
        break;
      case 'POST':
        if (isTrue('x-ms-cosmos-is-query-plan-request')) kind = 'queryPlan';
        else if (
          isTrue('x-ms-documentdb-isquery') ||
          request.header('content-type') === 'application/query+json'
        )
          kind = 'query';
        else if (isTrue('x-ms-documentdb-is-upsert')) kind = 'upsert';
        else if (isTrue('x-ms-cosmos-is-batch-request')) kind = 'batch';
        else kind = 'create';
        break;
      case 'PUT':
        kind = 'replace';
        break;
      case 'PATCH':
        kind = 'patch';
        break;
      case 'DELETE':
        kind = 'delete';
        break;
    }
  }
  return { kind, container };
}

export function record(tally: Tally, request: ObservedRequest): void {
  const { kind, container } = classify(request);
  const key = `${container}.${kind}`;
  tally.requests += 1;
  tally.requestCharge += request.requestCharge ?? 0;
  tally.bytesSent += request.bytesSent ?? 0;
  bump(tally.byKind, kind, 1);
  bump(tally.byContainer, key, 1);
  bump(tally.bytesByContainer, key, request.bytesSent ?? 0);
  bump(tally.byStatus, String(request.status), 1);
}

/** later minus earlier, field by field. */
export function difference(later: Tally, earlier: Tally): Tally {
  const minus = (a: Record<string, number>, b: Record<string, number>) => {
    const out: Record<string, number> = {};
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const value = (a[key] ?? 0) - (b[key] ?? 0);
      if (value !== 0) out[key] = value;
    }
    return out;
  };
  return {
    requests: later.requests - earlier.requests,
    requestCharge: later.requestCharge - earlier.requestCharge,
    bytesSent: later.bytesSent - earlier.bytesSent,
    byKind: minus(later.byKind, earlier.byKind),
    byContainer: minus(later.byContainer, earlier.byContainer),
    bytesByContainer: minus(later.bytesByContainer, earlier.bytesByContainer),
    byStatus: minus(later.byStatus, earlier.byStatus),
  };
}

function bump(counts: Record<string, number>, key: string, by: number): void {
  counts[key] = (counts[key] ?? 0) + by;
}

function numberOf(value: unknown): number | undefined {
  const parsed = Number(Array.isArray(value) ? value[0] : value);
  return Number.isFinite(parsed) ? parsed : undefined;
}

/** The client's requests by who made them: a turn's own async chain, or background work. */
export interface ByMaker {
  turn: Tally;
  background: Tally;
}

export function emptyByMaker(): ByMaker {
  return { turn: emptyTally(), background: emptyTally() };
}

/** Splits requests by who made them; `inTurn` is read when a request starts, in its maker's context. */
export interface MakerSplit {
  inTurn(): boolean;
  tallies: ByMaker;
}

/**
 * Counts every Cosmos DB request this process sends (any HTTP request carrying x-ms-version, the
 * header every Cosmos DB REST call has; token requests to Microsoft Entra ID do not), with its RU;
 * with `split`, also by who made it: read when the request starts, in its maker's code, rather than
 * when its response finishes, on a kept-alive connection another request may have opened.
 */
export function countClientRequests(tally: Tally, split?: MakerSplit): () => void {
  const started = diagnosticsChannel.channel('http.client.request.start');
  const madeInTurn = new WeakMap<ClientRequest, boolean>();
  const onStart = (message: unknown) => {
    const { request } = message as { request: ClientRequest };
    if (split) madeInTurn.set(request, split.inTurn());
  };
  const channel = diagnosticsChannel.channel('http.client.response.finish');
  const listener = (message: unknown) => {
    const { request, response } = message as { request: ClientRequest; response: IncomingMessage };
    if (request.getHeader('x-ms-version') === undefined) return;
    if (request.getHeader(benchProbeHeader) !== undefined) return;
    const header = (name: string) => {
      const value = request.getHeader(name);
      return value === undefined ? undefined : String(value);
    };
    const observed: ObservedRequest = {
      method: request.method,
      url: request.path,
      header,
      status: response.statusCode ?? 0,
      ...optional('requestCharge', numberOf(response.headers['x-ms-request-charge'])),
      ...optional('bytesSent', numberOf(request.getHeader('content-length'))),
    };
    record(tally, observed);
    if (split) record(madeInTurn.get(request) ? split.tallies.turn : split.tallies.background, observed);
  };
  started.subscribe(onStart);
  channel.subscribe(listener);
  return () => {
    started.unsubscribe(onStart);
    channel.unsubscribe(listener);
  };
}

/** Counts the requests a server of this process listening on `port` answers (the embedded store). */
export function countServerRequests(port: number, tally: Tally): () => void {
  const channel = diagnosticsChannel.channel('http.server.request.start');
  const listener = (message: unknown) => {
    const { request, response } = message as { request: IncomingMessage; response: ServerResponse };
    if (request.socket.localPort !== port) return;
    if (request.headers[benchProbeHeader] !== undefined) return;
    response.once('finish', () => {
      const value = (name: string) => {
        const raw = request.headers[name];
        return raw === undefined ? undefined : String(raw);
      };
      record(tally, {
        method: request.method ?? '',
        url: request.url ?? '',
        header: value,
        status: response.statusCode,
        ...optional('requestCharge', numberOf(response.getHeader('x-ms-request-charge'))),
        ...optional('bytesSent', numberOf(request.headers['content-length'])),
      });
    });
  };
  channel.subscribe(listener);
  return () => channel.unsubscribe(listener);
}

function optional<K extends string>(key: K, value: number | undefined): Partial<Record<K, number>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, number>);
}
