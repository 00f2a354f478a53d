import type { Activity } from 'botbuilder';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';

export interface RecordedCall {
  method: 'POST' | 'PUT' | 'DELETE' | 'GET';
  conversationId: string;
  /** replyToId for POST, the updated or deleted activity's id for PUT and DELETE. */
  activityId?: string;
  /** The member looked up (GET .../members/:id, what TeamsInfo.getMember asks Teams). */
  memberId?: string;
  activity?: Partial<Activity> & { id: string };
  /** The status the recorder answered with. */
  status: number;
  /** When the call arrived (ms since the epoch). */
  at: number;
}

/** An answer a test scripts for the next call: a status, and the body and headers Teams sends with it. */
export interface ScriptedAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Teams' error body for a failed call. */
export function teamsError(
  status: number,
  code: string,
  headers: Record<string, string> = {},
): ScriptedAnswer {
  return { status, body: { error: { code, message: code } }, headers };
}

/** The key under which answers to "start a conversation" (POST /v3/conversations) are scripted. */
export const newConversation = '(new conversation)';

/**
 * A small Bot Connector endpoint (the API the Emulator and Teams implement) that records what the
 * bot sends with normal delivery: replies, updates (updateActivity) and new conversations, and
 * answers member lookups as Teams does, from the members a test registers.
 */
export class ConnectorRecorder {
  readonly calls: RecordedCall[] = [];
  /** Members Teams knows, by their channel id ("29:..."), whatever the conversation. */
  readonly members = new Map<string, Record<string, unknown>>();
  private readonly scripts = new Map<string, ScriptedAnswer[]>();
  private server?: http.Server;
  private waiters: (() => void)[] = [];
  serviceUrl = '';

  /** Listens on `port` (a free one when 0): a test that restarts the bot keeps Teams where it was. */
  async start(port = 0): Promise<this> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', () => resolve()));
    this.serviceUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  /**
   * Answers the next POSTs to a conversation's activities (or, with `newConversation`, the next
   * conversation starts) with these, one each, in order; after them, success as usual.
   */
  script(conversationId: string, answers: ScriptedAnswer[]): void {
    this.scripts.set(conversationId, [...(this.scripts.get(conversationId) ?? []), ...answers]);
  }

  /** Activities a conversation accepted (replies and new messages), in the order received. */
  sent(conversationId?: string): (Partial<Activity> & { id: string })[] {
    return this.posts(conversationId)
      .filter((c) => c.status < 300)
      .map((c) => c.activity!);
  }

  /** Every POST of an activity to a conversation, accepted or not, in the order received. */
  posts(conversationId?: string): RecordedCall[] {
    return this.calls.filter(
      (c) => c.method === 'POST' && c.activity && (!conversationId || c.conversationId === conversationId),
    );
  }

  /** Waits until `predicate` holds for the recorded calls, or fails after `timeoutMs`. */
  async waitFor(predicate: (calls: RecordedCall[]) => boolean, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.calls)) {
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(`Connector did not receive the expected calls; got ${this.calls.length}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const body = text ? (JSON.parse(text) as Partial<Activity>) : undefined;
    const url = new URL(req.url ?? '/', 'http://localhost');
    const memberMatch = /^\/v3\/conversations\/([^/]+)\/members\/([^/]+)$/.exec(url.pathname);
    if (memberMatch && req.method === 'GET') {
      const [, conversation, member] = memberMatch.map((part) => decodeURIComponent(part));
      const known = this.members.get(member!);
      this.record({
        method: 'GET',
        conversationId: conversation!,
        memberId: member!,
        status: known ? 200 : 404,
      });
      if (known) this.json(res, 200, known);
      else this.json(res, 404, { error: { code: 'MemberNotFoundInConversation', message: 'not found' } });
      return;
    }
    const match = /^\/v3\/conversations(?:\/([^/]+)\/activities(?:\/([^/]+))?)?\/?$/.exec(url.pathname);
    if (!match) {
      res.statusCode = 404;
      res.end();
      return;
    }
    const [, conversation, activityId] = match;
    if (!conversation && req.method === 'POST') {
      const scripted = this.nextAnswer(newConversation);
      const id = `conversation-${randomUUID()}`;
      this.record({
        method: 'POST',
        conversationId: scripted ? newConversation : id,
        activity: { ...body, id: randomUUID() },
        status: scripted?.status ?? 200,
      });
      if (scripted) this.answer(res, scripted);
      else this.json(res, 200, { id, activityId: randomUUID() });
      return;
    }
    const conversationId = decodeURIComponent(conversation ?? '');
    const method = req.method as RecordedCall['method'];
    const id = method === 'POST' ? randomUUID() : decodeURIComponent(activityId ?? '');
    const scripted = method === 'POST' && !activityId ? this.nextAnswer(conversationId) : undefined;
    this.record({
      method,
      conversationId,
      ...(activityId ? { activityId: decodeURIComponent(activityId) } : {}),
      ...(body ? { activity: { ...body, id } } : {}),
      status: scripted?.status ?? 200,
    });
    if (scripted) this.answer(res, scripted, { id });
    else this.json(res, 200, { id });
  }

  private nextAnswer(key: string): ScriptedAnswer | undefined {
    const answers = this.scripts.get(key);
    const next = answers?.shift();
    if (answers && answers.length === 0) this.scripts.delete(key);
    return next;
  }

  private answer(res: http.ServerResponse, scripted: ScriptedAnswer, success?: unknown): void {
    for (const [name, value] of Object.entries(scripted.headers ?? {})) res.setHeader(name, value);
    this.json(res, scripted.status, scripted.body ?? (scripted.status < 300 ? success : undefined) ?? {});
  }

  private record(call: Omit<RecordedCall, 'at'>): void {
    this.calls.push({ ...call, at: Date.now() });
    const waiters = this.waiters;
    this.waiters = [];
    waiters.forEach((wake) => wake());
  }

  private json(res: http.ServerResponse, status: number, body: unknown): void {
    // restify patches http.ServerResponse.writeHead so that it no longer returns the response.
    res.statusCode = status;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(body));
  }
}
