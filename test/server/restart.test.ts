import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { RunningBot } from '../../bot/startBot';
import { containerDefinitions } from '../../services/cosmos/containers';
import { startEmbeddedCosmos, type EmbeddedCosmos } from '../../services/cosmos/embeddedCosmos';
import { BotClient } from '../harness/botClient';
import { startTestBot } from '../harness/testBot';

async function conversationTurns(bot: RunningBot, conversationId: string): Promise<unknown> {
  const container = bot.cosmos.client.database(bot.databaseId).container(containerDefinitions.botState.id);
  const { resources } = await container.items
    .query<{ realId: string; document: { conversationInfo?: { turns: number } } }>('SELECT * FROM c')
    .fetchAll();
  const state = resources.find((item) => item.realId.includes(conversationId));

  return state?.document.conversationInfo?.turns;
}

describe('conversation state across a restart of the bot', () => {
  let store: EmbeddedCosmos;
  beforeAll(async () => {
    store = await startEmbeddedCosmos();
  });
  afterAll(async () => store.stop());

  it('is written by one server process and read back by the next against the same store', async () => {
    const env = { COSMOS_ENDPOINT: store.endpoint, COSMOS_KEY: 'any' };
    const first = await startTestBot(env);
    const client = new BotClient(first.messagesUrl);
    await client.send('help');
    await first.stop();

    const second = await startTestBot(env);
    try {
      await new BotClient(second.messagesUrl, { conversationId: client.conversationId }).send('help');
      expect(await conversationTurns(second, client.conversationId)).toBe(2);
    } finally {
      await second.stop();
    }
  });
});

describe('the embedded store with a data folder', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'embedded-cosmos-'));
  });
  afterAll(async () => rm(dataDir, { recursive: true, force: true }));

  it('keeps its data across a restart of the bot', async () => {
    const env = { EMBEDDED_COSMOS_DATA_DIR: dataDir };
    const first = await startTestBot(env);
    const client = new BotClient(first.messagesUrl);
    await client.send('help');
    await client.send('help');
    await first.stop();

    const second = await startTestBot(env);
    try {
      expect(await conversationTurns(second, client.conversationId)).toBe(2);
    } finally {
      await second.stop();
    }
  });

  it('keeps nothing on disk without a data folder', async () => {
    const first = await startTestBot();
    const client = new BotClient(first.messagesUrl);
    await client.send('help');
    await first.stop();
    const second = await startTestBot();
    try {
      expect(await conversationTurns(second, client.conversationId)).toBeUndefined();
    } finally {
      await second.stop();
    }
  });
});
