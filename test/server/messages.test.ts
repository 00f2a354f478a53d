import type { RunningBot } from '../../bot/startBot';
import { BotClient } from '../harness/botClient';
import { cardsOf, visibleText } from '../harness/conversationHarness';
import { ConnectorRecorder } from '../harness/connectorRecorder';
import { startTestBot } from '../harness/testBot';
import { maxBodyBytes } from '../../bot/server';

describe('the messaging endpoint in Emulator mode', () => {
  let bot: RunningBot;
  let connector: ConnectorRecorder;

  beforeAll(async () => {
    bot = await startTestBot();
    connector = await new ConnectorRecorder().start();
  });
  afterAll(async () => {
    await bot.stop();
    await connector.stop();
  });

  it('listens on loopback only, since nothing checks a token', () => {
    expect(bot.address).toBe('127.0.0.1');
  });

  it('answers "help" in the HTTP response with expectReplies', async () => {
    const client = new BotClient(bot.messagesUrl);
    const replies = await client.send('help');
    const [card] = cardsOf(replies);
    expect(card && visibleText(card)).toMatch(/add customer/i);
    expect(replies[0]).toMatchObject({ conversation: { id: client.conversationId } });
  });

  it('answers "help" through the Bot Connector with normal delivery', async () => {
    const client = new BotClient(bot.messagesUrl, { serviceUrl: connector.serviceUrl });
    const status = await client.sendNormal('help');
    expect(status).toBe(200);
    await connector.waitFor((calls) => calls.some((c) => c.conversationId === client.conversationId));
    const [card] = cardsOf(connector.sent(client.conversationId));
    expect(card && visibleText(card)).toMatch(/add customer/i);
  });

  it('refuses a body that is not JSON with 400, without quoting it or the parser', async () => {
    const response = await fetch(bot.messagesUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: 'not json <secret-looking text>',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ code: 'InvalidContent', message: 'The body is not valid JSON.' });
  });

  it('refuses a body that is not an activity', async () => {
    const response = await fetch(bot.messagesUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ hello: 'world' }),
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });

  async function post(body: string, contentType = 'application/json'): Promise<Response> {
    return fetch(bot.messagesUrl, { method: 'POST', headers: { 'content-type': contentType }, body });
  }

  it.each([
    [
      'a conversationUpdate whose membersAdded is text',
      { type: 'conversationUpdate', membersAdded: 'everyone' },
    ],
    [
      'a conversationUpdate whose membersAdded holds null',
      { type: 'conversationUpdate', membersAdded: [null] },
    ],
    ['an activity without serviceUrl', { serviceUrl: undefined }],
    ['an activity whose serviceUrl is not a web address', { serviceUrl: 'file:///etc/passwd' }],
    ['an unknown deliveryMode', { deliveryMode: 'carrierPigeon' }],
  ])('answers %s with 400 at once, and runs no turn', async (_case, change) => {
    const client = new BotClient(bot.messagesUrl, { serviceUrl: connector.serviceUrl });
    const activity = { ...client.activity('help'), ...change };
    const response = await post(JSON.stringify(activity));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: expect.stringMatching(/not a Bot Framework activity/) });
    expect(connector.calls.filter((call) => call.conversationId === client.conversationId)).toEqual([]);
  });

  it('replies only to this machine in local mode: another serviceUrl gets 400 and no turn runs', async () => {
    const elsewhere = new BotClient(bot.messagesUrl, { serviceUrl: 'http://192.0.2.10:8080' });
    const response = await post(JSON.stringify(elsewhere.activity('help')));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: expect.stringMatching(/replies only to this machine/) });
  });

  it('answers a form-encoded body with 415, without reading it as an activity', async () => {
    const response = await post(
      'type=message&text=help&channelId=emulator',
      'application/x-www-form-urlencoded',
    );
    expect(response.status).toBe(415);
  });

  it('refuses a body over the limit with 413 before parsing it', async () => {
    const client = new BotClient(bot.messagesUrl);
    const huge = JSON.stringify({ ...client.activity('help'), text: 'x'.repeat(maxBodyBytes + 1) });
    const response = await post(huge);
    expect(response.status).toBe(413);
    expect((await bot.cosmos.client.database(bot.databaseId).read()).statusCode).toBe(200);
  });

  it('keeps the state of a conversation whose id is far longer than a Cosmos DB id may be', async () => {
    const client = new BotClient(bot.messagesUrl, { conversationId: `conversation-${'x'.repeat(8000)}` });
    await client.send('add customer');
    const replies = await client.send('cancel');
    expect(visibleText(cardsOf(replies).at(-1)!)).toMatch(/discard/i);
  });
});
