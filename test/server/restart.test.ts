import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { RunningBot } from '../../bot/startBot';
import { startEmbeddedCosmos, type EmbeddedCosmos } from '../../services/cosmos/embeddedCosmos';
import { BotClient, texts } from '../harness/botClient';
import { cardsOf, inputOf } from '../harness/conversationHarness';
import { startTestBot } from '../harness/testBot';

/** The agent comes back: typed text at a waiting card gets a hint and that card again. */
async function cardShownOnReturn(bot: RunningBot, conversationId: string) {
  const replies = await new BotClient(bot.messagesUrl, { conversationId }).send('hello again');
  return { hint: texts(replies).join(' '), card: cardsOf(replies)[0] };
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
    await client.send('add customer');
    await first.stop();

    const second = await startTestBot(env);
    try {
      const { hint, card } = await cardShownOnReturn(second, client.conversationId);
      expect(hint).toMatch(/waiting for your answer on the card/);
      expect(card && inputOf(card, 'legalName')).toBeDefined();
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
    await client.send('add customer');
    await first.stop();

    const second = await startTestBot(env);
    try {
      const { card } = await cardShownOnReturn(second, client.conversationId);
      expect(card && inputOf(card, 'legalName')).toBeDefined();
    } finally {
      await second.stop();
    }
  });

  it('keeps nothing on disk without a data folder', async () => {
    const first = await startTestBot();
    const client = new BotClient(first.messagesUrl);
    await client.send('add customer');
    await first.stop();
    const second = await startTestBot();
    try {
      const { hint, card } = await cardShownOnReturn(second, client.conversationId);
      expect(card).toBeUndefined();
      expect(hint).toMatch(/did not understand/);
    } finally {
      await second.stop();
    }
  });
});
