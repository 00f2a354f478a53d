import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { countClientRequests, emptyByMaker, emptyTally } from './cosmosRequests';
import { inTurn, markTurns } from './turnMarks';

// The benchmark bills a Cosmos DB request to whoever made it: a turn (the handling of a request to
// the bot's server) or background work, even when both share a kept-alive connection.

async function listen(handler: http.RequestListener): Promise<{ server: http.Server; port: number }> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

function close(server: http.Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

describe('requests by who made them', () => {
  it('tells a turn’s requests from background work’s on the same kept-alive connection', async () => {
    const store = await listen((_request, response) => {
      response.statusCode = 200;
      setTimeout(() => response.end('{}'), 20);
    });
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const toStore = () =>
      new Promise<void>((resolve, reject) => {
        const request = http.request(
          {
            port: store.port,
            host: '127.0.0.1',
            path: '/dbs/bench/colls/customers/docs/a',
            agent,
            headers: { 'x-ms-version': '2020-07-15' },
          },
          (response) => {
            response.resume();
            response.on('end', () => resolve());
          },
        );
        request.on('error', reject);
        request.end();
      });
    const bot = await listen((_request, response) => {
      void toStore().then(() => {
        response.statusCode = 200;
        response.end();
      });
    });
    const tally = emptyTally();
    const made = emptyByMaker();
    const stopCounting = countClientRequests(tally, { inTurn, tallies: made });
    const stopMarking = markTurns(bot.port);
    try {
      // The one connection to the store is busy with background work when the turn asks: the turn's
      // request waits for it, then shares it.
      const background = toStore();
      await new Promise<void>((resolve, reject) => {
        http
          .get({ port: bot.port, host: '127.0.0.1', path: '/api/messages' }, (response) => {
            response.resume();
            response.on('end', () => resolve());
          })
          .on('error', reject);
      });
      await background;
      await toStore();
      expect(inTurn()).toBe(false);
      expect(tally.requests).toBe(3);
      expect(made.turn.requests).toBe(1);
      expect(made.background.requests).toBe(2);
    } finally {
      stopMarking();
      stopCounting();
      agent.destroy();
      await close(bot.server);
      await close(store.server);
    }
  });
});
