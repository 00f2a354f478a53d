import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Server } from 'node:https';
import { keptDefinition, withoutSystemProperties, type JournalEntry } from './journalEntry';

/**
 * Where the embedded store's writes are journalled, and why there.
 *
 * `@vercel/cosmosdb-server` is an https server whose one request listener routes a request, runs its
 * handler on the in-memory account and ends the response with the JSON body (`res.end(body)`). We
 * replace that listener with a wrapper and leave the server's code alone:
 *
 * - A write request (told apart by the Cosmos DB REST protocol: method, path, the query and upsert
 *   headers, exactly as the server's own router and the SDK do) gets its response's `end` held. When
 *   the server ends it, the wrapper turns what the server *did* into journal entries: the item as the
 *   response body returns it (after create, upsert, replace, patch: the stored item), or the id and
 *   partition key a 204 delete removed, or the database or container created or removed. Only then,
 *   once those lines are on disk (fdatasync), does the response go out. A failed write (4xx) changes
 *   nothing and journals nothing.
 * - Recording the outcome rather than the request keeps replay free of server internals: no etags or
 *   If-Match to reproduce, no "create fails when it exists"; replay is a put or a delete by id
 *   (`journalEntry.ts`), idempotent, and needs no server at all.
 * - Writes are handed to the server one at a time (the next when the previous one has ended), so the
 *   order of the journal is the order in which the server applied them, whatever the server does
 *   between applying a write and ending its response. The journal's fsync is not part of that turn:
 *   writes waiting for their sync overlap, and one sync makes a whole group durable.
 * - Every other response (reads, queries, failed writes) waits until every write journalled before it
 *   is durable, so nothing the store answers depends on a write a crash could still lose.
 *
 * - While the store is being loaded at start (snapshot and journal, through the store's own client),
 *   requests from anyone else wait: they would see half the data, and their writes would go to no
 *   journal.
 *
 * Not journalled: user-defined functions (the snapshot does not keep them either).
 */
export interface WriteLog {
  /** Appends the entries of one write, in order; resolves when they are on disk. */
  append(entries: JournalEntry[]): Promise<void>;
  /** Resolves when everything appended so far is on disk (or failed). */
  durable(): Promise<void>;
}

export interface JournalControl {
  /** The journal; undefined: requests pass straight through (no data folder, or not durable). */
  log(): WriteLog | undefined;
  /** While the store is loading: what a request from outside waits for; undefined once it is open. */
  opening(request: IncomingMessage): Promise<void> | undefined;
}

type Listener = (request: IncomingMessage, response: ServerResponse) => void;

type WriteTarget =
  | { kind: 'createDatabase' }
  | { kind: 'deleteDatabase'; db: string }
  | { kind: 'putContainer'; db: string }
  | { kind: 'deleteContainer'; db: string; coll: string }
  | { kind: 'putItem'; db: string; coll: string }
  | { kind: 'deleteItem'; db: string; coll: string; id: string; partitionKey?: unknown[] }
  | { kind: 'batch'; db: string; coll: string }
  /** A change the store does not keep (user-defined functions): it still waits its turn. */
  | { kind: 'other' };

const isTrue = (request: IncomingMessage, name: string) =>
  String(request.headers[name] ?? '').toLowerCase() === 'true';

function segmentsOf(url: string | undefined): string[] {
  const pathname = (url ?? '/').split('?')[0]!;
  return pathname
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    });
}

function partitionKeyHeader(request: IncomingMessage): unknown[] | undefined {
  const raw = request.headers['x-ms-documentdb-partitionkey'];
  if (typeof raw !== 'string') return undefined;
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed : [parsed];
  } catch {
    return undefined;
  }
}

/** What a request changes, by the REST protocol; undefined for a read (or a query). */
export function describeRequest(request: IncomingMessage): WriteTarget | undefined {
  const method = request.method ?? 'GET';
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return undefined;
  if (
    method === 'POST' &&
    (isTrue(request, 'x-ms-documentdb-isquery') ||
      isTrue(request, 'x-ms-cosmos-is-query-plan-request') ||
      request.headers['content-type'] === 'application/query+json')
  ) {
    return undefined;
  }
  const [dbs, db, colls, coll, docs, id, ...rest] = segmentsOf(request.url);
  if (dbs !== 'dbs' || rest.length > 0) return { kind: 'other' };
  if (db === undefined) return method === 'POST' ? { kind: 'createDatabase' } : { kind: 'other' };
  if (colls === undefined) return method === 'DELETE' ? { kind: 'deleteDatabase', db } : { kind: 'other' };
  if (colls !== 'colls') return { kind: 'other' };
  if (coll === undefined) return method === 'POST' ? { kind: 'putContainer', db } : { kind: 'other' };
  if (docs === undefined) {
    if (method === 'PUT') return { kind: 'putContainer', db };
    if (method === 'DELETE') return { kind: 'deleteContainer', db, coll };
    return { kind: 'other' };
  }
  if (docs !== 'docs') return { kind: 'other' };
  if (id === undefined) {
    if (method !== 'POST') return { kind: 'other' };
    return isTrue(request, 'x-ms-cosmos-is-batch-request') && !isTrue(request, 'x-ms-documentdb-is-upsert')
      ? { kind: 'batch', db, coll }
      : { kind: 'putItem', db, coll };
  }
  if (method === 'PUT' || method === 'PATCH') return { kind: 'putItem', db, coll };
  if (method === 'DELETE') {
    const partitionKey = partitionKeyHeader(request);
    return { kind: 'deleteItem', db, coll, id, ...(partitionKey ? { partitionKey } : {}) };
  }
  return { kind: 'other' };
}

class UnjournalledWriteError extends Error {
  override name = 'UnjournalledWriteError';
}

function resourceOf(body: unknown): { id: string } & Record<string, unknown> {
  if (body && typeof body === 'object' && typeof (body as { id?: unknown }).id === 'string') {
    return body as { id: string } & Record<string, unknown>;
  }
  throw new UnjournalledWriteError('The store answered a successful write without the resource it wrote');
}

interface BatchOperation {
  operationType?: string;
  id?: string;
  partitionKey?: string;
}

function batchEntries(db: string, coll: string, body: unknown, requestBody: unknown): JournalEntry[] {
  if (!Array.isArray(body) || !Array.isArray(requestBody)) {
    throw new UnjournalledWriteError('A batch answer that does not match its request');
  }
  const entries: JournalEntry[] = [];
  body.forEach((result: { statusCode?: number; resourceBody?: unknown }, index) => {
    const status = result?.statusCode ?? 0;
    if (status < 200 || status > 299) return;
    const operation = (requestBody[index] ?? {}) as BatchOperation;
    const type = (operation.operationType ?? '').toLowerCase();
    if (type === 'read') return;
    if (type === 'delete') {
      if (typeof operation.id !== 'string') throw new UnjournalledWriteError('A batch delete without an id');
      let partitionKey: unknown;
      try {
        partitionKey = operation.partitionKey === undefined ? undefined : JSON.parse(operation.partitionKey);
      } catch {
        partitionKey = undefined;
      }
      entries.push({
        op: 'deleteItem',
        db,
        coll,
        id: operation.id,
        ...(Array.isArray(partitionKey) ? { partitionKey } : {}),
      });
      return;
    }
    entries.push({
      op: 'putItem',
      db,
      coll,
      item: withoutSystemProperties(resourceOf(result.resourceBody)),
    });
  });
  return entries;
}

/** The journal entries for what a write did, from its status and response body. */
export function entriesOf(
  target: WriteTarget,
  status: number,
  bodyText: string,
  requestBody?: () => unknown,
): JournalEntry[] {
  if (status < 200 || status > 299 || target.kind === 'other') return [];
  const body = (): unknown => (bodyText ? JSON.parse(bodyText) : undefined);
  switch (target.kind) {
    case 'createDatabase':
      return [{ op: 'createDatabase', db: resourceOf(body()).id }];
    case 'deleteDatabase':
      return [{ op: 'deleteDatabase', db: target.db }];
    case 'putContainer':
      return [{ op: 'putContainer', db: target.db, definition: keptDefinition(resourceOf(body())) }];
    case 'deleteContainer':
      return [{ op: 'deleteContainer', db: target.db, coll: target.coll }];
    case 'putItem':
      return [
        {
          op: 'putItem',
          db: target.db,
          coll: target.coll,
          item: withoutSystemProperties(resourceOf(body())),
        },
      ];
    case 'deleteItem':
      return [
        {
          op: 'deleteItem',
          db: target.db,
          coll: target.coll,
          id: target.id,
          ...(target.partitionKey ? { partitionKey: target.partitionKey } : {}),
        },
      ];
    case 'batch':
      return batchEntries(target.db, target.coll, body(), requestBody?.());
  }
}

type End = ServerResponse['end'];

function chunkText(chunk: unknown, encoding: unknown): Buffer | undefined {
  if (chunk === undefined || chunk === null || typeof chunk === 'function') return undefined;
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk);
  return Buffer.from(String(chunk), typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
}

/**
 * Holds the response's end: `onEnd` runs when the server ends it (synchronously, with the status and
 * the whole body) and returns when the response may go out.
 */
function holdEnd(
  response: ServerResponse,
  captureBody: boolean,
  onEnd: (status: number, body: string) => Promise<void>,
  onFailure: (error: Error, end: End) => void,
): void {
  const end = response.end;
  const chunks: Buffer[] = [];
  if (captureBody) {
    const write = response.write;
    response.write = function (this: ServerResponse, ...args: unknown[]) {
      const chunk = chunkText(args[0], args[1]);
      if (chunk) chunks.push(chunk);
      return (write as (...a: unknown[]) => boolean).apply(this, args);
    } as ServerResponse['write'];
  }
  response.end = function (this: ServerResponse, ...args: unknown[]) {
    if (captureBody) {
      const chunk = chunkText(args[0], args[1]);
      if (chunk) chunks.push(chunk);
    }
    let held: Promise<void>;
    try {
      held = onEnd(response.statusCode, captureBody ? Buffer.concat(chunks).toString('utf8') : '');
    } catch (error) {
      held = Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    held.then(
      () => (end as (...a: unknown[]) => ServerResponse).apply(response, args),
      (error: Error) => onFailure(error, end),
    );
    return this;
  } as End;
}

/** Collects a request's body as it is read, however it is read (every chunk is emitted as 'data'). */
function recordBody(request: IncomingMessage): () => unknown {
  const chunks: Buffer[] = [];
  const emit = request.emit;
  request.emit = function (this: IncomingMessage, event: string | symbol, ...args: unknown[]) {
    if (event === 'data') {
      const chunk = chunkText(args[0], undefined);
      if (chunk) chunks.push(chunk);
    }
    return (emit as (...a: unknown[]) => boolean).call(this, event, ...args);
  } as IncomingMessage['emit'];
  return () => JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

function answerFailure(response: ServerResponse, end: End, status: number, message: string): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  response.statusCode = status;
  response.removeHeader('etag');
  response.setHeader('content-type', 'application/json');
  (end as (chunk: string) => ServerResponse).call(
    response,
    JSON.stringify({ code: status === 503 ? 'ServiceUnavailable' : 'InternalServerError', message }),
  );
}

/** Puts the journal between the Cosmos DB server and its clients (see the comment at the top). */
export function journalWrites(server: Server, control: JournalControl): void {
  const listeners = server.listeners('request');
  if (listeners.length !== 1) {
    throw new Error(`The Cosmos DB server has ${listeners.length} request listeners; expected its own one`);
  }
  const serve = listeners[0] as Listener;
  server.removeListener('request', serve);

  let lastWrite: Promise<void> = Promise.resolve();
  let broken: Error | undefined;

  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const opening = control.opening(request);
    if (opening) void opening.then(() => handle(request, response));
    else handle(request, response);
  });

  function handle(request: IncomingMessage, response: ServerResponse): void {
    const journal = control.log();
    if (!journal) {
      serve.call(server, request, response);
      return;
    }
    const target = describeRequest(request);
    if (!target) {
      holdEnd(
        response,
        false,
        () => journal.durable(),
        (error, end) => answerFailure(response, end, 503, error.message),
      );
      serve.call(server, request, response);
      return;
    }
    if (broken) {
      request.resume();
      answerFailure(
        response,
        response.end,
        503,
        `The embedded store stopped accepting writes: its journal could not be written (${broken.message})`,
      );
      return;
    }

    const requestBody = target.kind === 'batch' ? recordBody(request) : undefined;
    let release!: () => void;
    const turn = new Promise<void>((resolve) => (release = resolve));
    const previous = lastWrite;
    lastWrite = turn;
    response.once('close', () => release());
    holdEnd(
      response,
      target.kind !== 'other',
      (status, body) => {
        try {
          const entries = entriesOf(target, status, body, requestBody);
          return entries.length > 0 ? journal.append(entries) : journal.durable();
        } finally {
          // The entries are queued in the order the server applied the writes: the next may go in.
          release();
        }
      },
      (error, end) => {
        broken ??= error;
        answerFailure(
          response,
          end,
          500,
          `The embedded store could not write its journal, so this write may not be kept: ${error.message}`,
        );
      },
    );
    void previous.then(() => {
      try {
        serve.call(server, request, response);
      } catch (error) {
        release();
        answerFailure(response, response.end, 500, (error as Error).message);
      }
    });
  }
}
