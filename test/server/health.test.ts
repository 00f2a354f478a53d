import { startEmbeddedCosmos } from '../../services/cosmos/embeddedCosmos';
import { startTestBot } from '../harness/testBot';

describe('health check', () => {
  it('answers 200 while the store answers', async () => {
    const bot = await startTestBot();
    try {
      const response = await fetch(`http://localhost:${bot.port}/healthz`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok', store: 'reachable' });
    } finally {
      await bot.stop();
    }
  });

  it('answers 503 when the store does not answer', async () => {
    const store = await startEmbeddedCosmos();
    const bot = await startTestBot({ COSMOS_ENDPOINT: store.endpoint, COSMOS_KEY: 'any' });
    try {
      await store.stop();
      const response = await fetch(`http://localhost:${bot.port}/healthz`);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: 'unavailable', store: 'unreachable' });
    } finally {
      await bot.stop();
    }
  });
});
