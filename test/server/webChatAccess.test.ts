import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RunningBot } from '../../bot/startBot';
import { DirectLineClient } from '../harness/directLineClient';
import { startTestBot } from '../harness/testBot';

/** A Bot Connector endpoint on loopback standing in for the Emulator: it writes down who called it. */
class FakeEmulator {
  readonly calls: { method: string; path: string; authorization?: string }[] = [];
  private readonly server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      this.calls.push({
        method: req.method ?? '',
        path: req.url ?? '',
        ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
      });
      res.statusCode = 200;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ id: `emulator-${this.calls.length}` }));
    });
  });
  serviceUrl = '';

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', () => resolve()));
    this.serviceUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  async waitForCalls(count: number, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.calls.length < count) {
      if (Date.now() > deadline) throw new Error(`the Emulator got ${this.calls.length} calls`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

async function send(
  url: string,
  method: 'POST' | 'PUT',
  body: unknown,
  authorization?: string,
): Promise<number> {
  const response = await fetch(url, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(authorization === undefined ? {} : { authorization }),
    },
    body: JSON.stringify(body),
  });
  await response.arrayBuffer();
  return response.status;
}

describe("the local web chat's Bot Connector side takes only the bot's own calls", () => {
  let bot: RunningBot;
  let origin: string;
  /** The URL the bot replies to: this server, as the router gives it to the bot. */
  let serviceUrl: string;
  beforeAll(async () => {
    bot = await startTestBot();
    origin = `http://localhost:${bot.port}`;
    serviceUrl = `http://127.0.0.1:${bot.port}`;
  });
  afterAll(async () => bot.stop());

  it('refuses 401 a message or an update posted without the secret, and the conversation is unchanged', async () => {
    const victim = new DirectLineClient(origin);
    await victim.start('web-victim');
    const [welcome] = await victim.poll();
    const activities = `${serviceUrl}/v3/conversations/${victim.conversationId}/activities`;
    const fake = {
      type: 'message',
      from: { id: 'onboarding-bot', role: 'bot' },
      text: 'Send me your password.',
    };

    for (const authorization of [undefined, '', 'Bearer wrong', `Bearer ${victim.token}`]) {
      expect(await send(activities, 'POST', fake, authorization)).toBe(401);
      expect(await send(`${activities}/${welcome!.id}`, 'POST', fake, authorization)).toBe(401);
      expect(await send(`${activities}/${welcome!.id}`, 'PUT', fake, authorization)).toBe(401);
    }
    // Not even whether a conversation exists.
    expect(await send(`${serviceUrl}/v3/conversations/nope/activities`, 'POST', fake)).toBe(401);

    expect(await victim.poll()).toEqual([]);
  });

  it("refuses an activity for the web chat channel that did not come from the page: no turn in someone's conversation", async () => {
    const victim = new DirectLineClient(origin);
    await victim.start('web-victim-2');
    await victim.poll();
    const forged = {
      type: 'message',
      id: 'forged-1',
      text: 'help',
      channelId: 'webchat',
      serviceUrl,
      from: { id: 'web-victim-2', role: 'user' },
      recipient: { id: 'onboarding-bot', role: 'bot' },
      conversation: { id: victim.conversationId },
    };
    expect(await send(`${origin}/api/messages`, 'POST', forged)).toBe(401);
    expect(await send(`${origin}/api/messages`, 'POST', forged, 'Bearer wrong')).toBe(401);
    // Another channel, but the replies would go to the web chat with the secret.
    expect(await send(`${origin}/api/messages`, 'POST', { ...forged, channelId: 'emulator' })).toBe(401);
    expect(await send(`${origin}/api/messages`, 'POST', { ...forged, deliveryMode: 'expectReplies' })).toBe(
      401,
    );

    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await victim.poll()).toEqual([]);
  });

  it("sends the secret to no other service URL: the Emulator's gets no Authorization header", async () => {
    const emulator = await new FakeEmulator().start();
    try {
      const activity = {
        type: 'message',
        id: 'emulator-activity-1',
        text: 'help',
        channelId: 'emulator',
        serviceUrl: emulator.serviceUrl,
        from: { id: 'emulator-user', role: 'user' },
        recipient: { id: 'bot', role: 'bot' },
        conversation: { id: 'emulator-conversation-1' },
      };
      expect(await send(`${origin}/api/messages`, 'POST', activity)).toBe(200);
      await emulator.waitForCalls(1);
      expect(emulator.calls[0]).toMatchObject({
        method: 'POST',
        path: '/v3/conversations/emulator-conversation-1/activities/emulator-activity-1',
      });
      expect(emulator.calls.map((call) => call.authorization)).toEqual(emulator.calls.map(() => undefined));
    } finally {
      await emulator.stop();
    }
  });

  it('bounds what a client posts: entities, and the whole activity', async () => {
    const client = new DirectLineClient(origin);
    await client.start('web-bounds');
    await client.poll();
    const entities = Array.from({ length: 21 }, () => ({ type: 'x' }));
    expect((await client.post({ type: 'message', text: 'hi', entities })).status).toBe(400);
    const heavy = await client.post({ type: 'message', value: { blob: 'x'.repeat(100_001) } });
    expect(heavy).toMatchObject({ status: 400, body: { error: { code: 'BadArgument' } } });
    expect(await client.poll()).toEqual([]);
  });

  it('the page still works: the bot greets and answers through the secret-checked side', async () => {
    const client = new DirectLineClient(origin);
    await client.start('web-still-works');
    const [welcome] = await client.poll();
    expect(welcome).toMatchObject({ type: 'message', from: { role: 'bot' } });
    expect((await client.post({ type: 'message', text: 'help' })).status).toBe(200);
    expect((await client.poll()).map((a) => a.from.role)).toEqual(['user', 'bot']);
  });
});

describe('tokens are bounded per client, and never at the cost of other clients', () => {
  let bot: RunningBot;
  let origin: string;
  beforeAll(async () => {
    bot = await startTestBot();
    origin = `http://localhost:${bot.port}`;
  });
  afterAll(async () => bot.stop());

  it('a user id keeps its five newest conversations: the sixth takes the place of its own oldest', async () => {
    const other = new DirectLineClient(origin);
    await other.start('web-other-user');
    const mine = Array.from({ length: 6 }, () => new DirectLineClient(origin));
    for (const client of mine) expect((await client.generate('web-reloading-user')).status).toBe(200);

    expect((await mine[0]!.call('GET', `/conversations/${mine[0]!.conversationId}`)).status).toBe(403);
    for (const client of mine.slice(1))
      expect((await client.call('GET', `/conversations/${client.conversationId}`)).status).toBe(200);
    expect((await other.call('GET', `/conversations/${other.conversationId}`)).status).toBe(200);
  });

  it("201 token requests evict no one else's conversation: past the bound they get 429 with Retry-After", async () => {
    const victim = new DirectLineClient(origin);
    await victim.start('web-victim');
    await victim.poll();

    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let n = 0; n < 201; n++) {
      const answer = await new DirectLineClient(origin).call(
        'POST',
        '/tokens/generate',
        n % 2 ? { user: { id: `web-flood-${n}` } } : {},
        '',
      );
      statuses.push(answer.status);
      if (answer.status === 429) retryAfter ??= answer.headers.get('retry-after');
    }
    // The victim's conversation is still there and still works.
    expect((await victim.call('GET', `/conversations/${victim.conversationId}`)).status).toBe(200);
    expect((await victim.post({ type: 'message', text: 'help' })).status).toBe(200);
    expect((await victim.poll()).map((a) => a.from.role)).toEqual(['user', 'bot']);

    expect(statuses).toContain(429);
    // At most 50 live conversations for all of this machine (loopback), whatever the user ids.
    expect(statuses.filter((status) => status === 200).length).toBeLessThanOrEqual(50);
    expect(statuses.every((status) => status === 200 || status === 429)).toBe(true);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    expect(Number(retryAfter)).toBeLessThanOrEqual(3600);
  });
});
