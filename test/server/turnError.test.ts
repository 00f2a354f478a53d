import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedCosmos } from '../../services/cosmos/embeddedCosmos';
import { cardsOf, inputOf } from '../harness/conversationHarness';
import { BotClient, texts } from '../harness/botClient';
import { startTestBot } from '../harness/testBot';

describe('a turn that fails', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'turn-error-'));
  });
  afterAll(async () => rm(dataDir, { recursive: true, force: true }));

  it('tells the agent the draft is kept, sends a trace, and leaves the saved state alone', async () => {
    const store = await startEmbeddedCosmos({ dataDir });
    const bot = await startTestBot({ COSMOS_ENDPOINT: store.endpoint, COSMOS_KEY: 'any' });
    const client = new BotClient(bot.messagesUrl);
    try {
      await client.send('add customer');
      await store.stop();

      const replies = await client.send('hello');
      const message = texts(replies).join(' ');
      expect(message).toMatch(/something went wrong.*draft is kept/i);
      expect(message).toMatch(/Reference: [0-9a-f-]{36}/);
      expect(replies).toContainEqual(
        expect.objectContaining({
          type: 'trace',
          label: 'TurnError',
          valueType: 'https://www.botframework.com/schemas/error',
        }),
      );
    } finally {
      await bot.stop();
    }

    const reopened = await startEmbeddedCosmos({ dataDir });
    const bot2 = await startTestBot({ COSMOS_ENDPOINT: reopened.endpoint, COSMOS_KEY: 'any' });
    try {
      const replies = await new BotClient(bot2.messagesUrl, { conversationId: client.conversationId }).send(
        'hello',
      );
      const card = cardsOf(replies)[0];
      expect(card && inputOf(card, 'legalName')).toBeDefined();
    } finally {
      await bot2.stop();
      await reopened.stop();
    }
  });
});
