import type { RunningBot } from '../../bot/startBot';
import { BotClient } from '../harness/botClient';
import { cardsOf, visibleText } from '../harness/conversationHarness';
import { ConnectorRecorder } from '../harness/connectorRecorder';
import { startTestBot } from '../harness/testBot';

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

  it('refuses a body that is not an activity', async () => {
    const response = await fetch(bot.messagesUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ hello: 'world' }),
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });
});
