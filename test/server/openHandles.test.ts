import { BotClient } from '../harness/botClient';
import { ConnectorRecorder } from '../harness/connectorRecorder';
import { startTestBot } from '../harness/testBot';

/** Handle kinds that keep a process alive: sockets, servers and timers. */
function liveHandles(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const kind of process.getActiveResourcesInfo()) {
    if (/TCP|Pipe|Timeout|Immediate|TLS/i.test(kind)) counts[kind] = (counts[kind] ?? 0) + 1;
  }
  return counts;
}

describe('stopping the bot', () => {
  it('leaves no server, socket or timer open', async () => {
    const before = liveHandles();
    const connector = await new ConnectorRecorder().start();
    const bot = await startTestBot();
    const client = new BotClient(bot.messagesUrl, { serviceUrl: connector.serviceUrl });
    await client.send('help');
    await client.sendNormal('help');
    await connector.waitFor((calls) => calls.length > 0);
    await fetch(`http://localhost:${bot.port}/healthz`);
    expect(liveHandles()).not.toEqual(before);

    await bot.stop();
    await connector.stop();
    // Closed sockets leave the handle list on the next turn of the event loop.
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const after = liveHandles();
    const leftOver = Object.entries(after).filter(([kind, count]) => count > (before[kind] ?? 0));
    expect(leftOver).toEqual([]);
  });
});
