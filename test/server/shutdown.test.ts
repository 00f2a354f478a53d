import { startEmbeddedCosmos } from '../../services/cosmos/embeddedCosmos';
import { BotClient } from '../harness/botClient';
import { cardsOf, inputOf } from '../harness/conversationHarness';
import { startSlowProxy } from '../harness/slowProxy';
import { startTestBot } from '../harness/testBot';

describe('stopping the bot while a turn is in flight', () => {
  it('stops accepting, finishes the turn, then stops', async () => {
    const store = await startEmbeddedCosmos();
    const proxy = await startSlowProxy(store.endpoint, 40);
    const bot = await startTestBot({ COSMOS_ENDPOINT: proxy.endpoint, COSMOS_KEY: 'any' });
    try {
      const client = new BotClient(bot.messagesUrl);
      const inFlight = client.send('add customer');
      await new Promise((resolve) => setTimeout(resolve, 50));
      const stopped = bot.stop();

      const replies = await inFlight;
      const card = cardsOf(replies)[0];
      expect(card && inputOf(card, 'legalName')).toBeDefined();
      await stopped;
      await expect(fetch(bot.messagesUrl, { method: 'POST' })).rejects.toThrow();
    } finally {
      await proxy.stop();
      await store.stop();
    }
  });
});
