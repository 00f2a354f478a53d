import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedCosmos } from '../../services/cosmos/embeddedCosmos';
import { containerDefinitions } from '../../services/cosmos/containers';
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
      await client.send('help');
      await store.stop();

      const replies = await client.send('help');
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
    try {
      const bot2 = await startTestBot({ COSMOS_ENDPOINT: reopened.endpoint, COSMOS_KEY: 'any' });
      const container = bot2.cosmos.client
        .database(bot2.databaseId)
        .container(containerDefinitions.botState.id);
      const { resources } = await container.items.readAll().fetchAll();
      await bot2.stop();
      const state = resources.find((item) => String(item.realId).includes(client.conversationId));
      expect(state?.document).toMatchObject({ conversationInfo: { turns: 1 } });
    } finally {
      await reopened.stop();
    }
  });
});
