import type { RunningBot } from '../../bot/startBot';
import { botAuthorization } from '../../bot/webChat/botSecret';
import { cardText, DirectLineClient, type DirectLineActivity } from '../harness/directLineClient';
import { startTestBot } from '../harness/testBot';

describe('the local web chat (no app id)', () => {
  let bot: RunningBot;
  let origin: string;
  beforeAll(async () => {
    bot = await startTestBot();
    origin = `http://localhost:${bot.port}`;
  });
  afterAll(async () => bot.stop());

  it('serves the chat page and the Web Chat bundle', async () => {
    expect(bot.chatUrl).toBe(`${origin}/chat`);
    const page = await fetch(bot.chatUrl!);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const html = await page.text();
    expect(html).toContain('<script src="/chat/webchat.js"></script>');
    expect(html).toContain("domain: location.origin + '/v3/directline'");
    expect(html).toContain('webSocket: false');

    const bundle = await fetch(`${origin}/chat/webchat.js`);
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toMatch(/javascript/);
    expect((await bundle.text()).length).toBeGreaterThan(1_000_000);
  });

  it('starts a conversation: the bot greets the new member through the Bot Connector side', async () => {
    const client = new DirectLineClient(origin);
    const started = await client.start();
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ conversationId: client.conversationId, token: client.token });

    const [welcome, ...rest] = await client.poll();
    expect(rest).toEqual([]);
    expect(welcome).toMatchObject({ type: 'message', channelId: 'webchat', from: { role: 'bot' } });
    expect(cardText(welcome)).toContain('Add a new customer');
    expect(await client.poll()).toEqual([]);

    // Starting again answers the same conversation and greets no one twice.
    expect((await client.call('POST', '/conversations')).status).toBe(200);
    expect(await client.poll()).toEqual([]);
  });

  it('echoes what the user posts, then the replies in order, and keeps the client activity id', async () => {
    const client = new DirectLineClient(origin);
    await client.start();
    await client.poll();

    const posted = await client.post({
      type: 'message',
      text: 'help',
      from: { id: 'someone-else', role: 'user' },
      channelData: { clientActivityID: 'client-1' },
      locale: 'en-US',
    });
    expect(posted.status).toBe(200);
    const activities = await client.poll();
    expect(activities.map((a) => [a.type, a.from.role])).toEqual([
      ['message', 'user'],
      ['message', 'bot'],
    ]);
    const [echo, reply] = activities as [DirectLineActivity, DirectLineActivity];
    expect(echo).toMatchObject({
      id: posted.body.id,
      text: 'help',
      from: { id: 'web-test-user' },
      channelData: { clientActivityID: 'client-1' },
    });
    expect(reply.replyToId).toBe(echo.id);
    expect(Date.parse(reply.timestamp)).toBeGreaterThan(Date.parse(echo.timestamp));
    expect(cardText(reply)).toMatch(/add customer/i);
  });

  it('answers a card submit with the next card', async () => {
    const client = new DirectLineClient(origin);
    await client.start();
    await client.poll();
    await client.post({ type: 'message', value: { command: 'addCustomer' } });
    const [, reply] = await client.poll();
    expect(cardText(reply)).toContain('Account info');
  });

  it('replaces an activity the bot updates, in its place', async () => {
    const client = new DirectLineClient(origin);
    await client.start();
    const [welcome] = await client.poll();
    const url = `${origin}/v3/conversations/${client.conversationId}/activities/${welcome!.id}`;
    // As the bot's connector client sends it: with the secret of this process.
    const updated = await fetch(url, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: botAuthorization() },
      body: JSON.stringify({ type: 'message', text: 'Answered.' }),
    });
    expect(updated.status).toBe(200);
    const [replacement] = await client.poll();
    expect(replacement).toMatchObject({ id: welcome!.id, timestamp: welcome!.timestamp, text: 'Answered.' });

    const missing = await fetch(`${origin}/v3/conversations/${client.conversationId}/activities/nope`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: botAuthorization() },
      body: JSON.stringify({ type: 'message', text: 'x' }),
    });
    expect(missing.status).toBe(404);
  });

  it('refuses a wrong token, another conversation, a bad body and an unknown conversation', async () => {
    const client = new DirectLineClient(origin);
    await client.start();
    const other = new DirectLineClient(origin);
    await other.start();

    expect(
      (await client.call('GET', `/conversations/${client.conversationId}/activities`, undefined, 'x')).status,
    ).toBe(403);
    expect(
      (await client.call('GET', `/conversations/${other.conversationId}/activities`, undefined, client.token))
        .status,
    ).toBe(403);
    expect((await client.post({ type: 'invoke', name: 'x' })).status).toBe(400);
    expect((await client.post({ text: 'no type' })).status).toBe(400);
    expect(
      (await client.call('GET', `/conversations/${client.conversationId}/activities?watermark=abc`)).status,
    ).toBe(400);
    expect((await client.call('POST', '/tokens/generate', { user: { id: 'has space' } }, '')).status).toBe(
      400,
    );

    const unknown = await fetch(`${origin}/v3/conversations/no-such-conversation/activities`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: botAuthorization() },
      body: JSON.stringify({ type: 'message', text: 'hello' }),
    });
    expect(unknown.status).toBe(404);
  });

  it('refreshes a token for the same conversation', async () => {
    const client = new DirectLineClient(origin);
    await client.start();
    const refreshed = await client.call('POST', '/tokens/refresh');
    expect(refreshed).toMatchObject({ status: 200, body: { conversationId: client.conversationId } });
  });
});

describe('with an app id', () => {
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startTestBot({
      MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
      MicrosoftAppPassword: 'not-a-real-secret',
      MicrosoftAppTenantId: '00000000-0000-0000-0000-000000000002',
    });
  });
  afterAll(async () => bot.stop());

  it('serves neither the chat page nor the local Direct Line', async () => {
    expect(bot.chatUrl).toBeUndefined();
    const origin = `http://localhost:${bot.port}`;
    expect((await fetch(`${origin}/chat`)).status).toBe(404);
    expect((await fetch(`${origin}/chat/webchat.js`)).status).toBe(404);
    expect((await fetch(`${origin}/v3/directline/tokens/generate`, { method: 'POST' })).status).toBe(404);
    const reply = await fetch(`${origin}/v3/conversations/x/activities`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message' }),
    });
    expect(reply.status).toBe(404);
  });
});
