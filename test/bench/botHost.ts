/**
 * A child process that runs one bot for the benchmark: `node dist/test/bench/botHost.js onboarding`
 * (the real bot through bot/startBot.ts, on its embedded Cosmos DB or on COSMOS_ENDPOINT) or
 * `… echo` (the floor). It counts Cosmos DB requests and answers snapshots (CPU, memory, counts)
 * over IPC. The bot and the load generator live in different processes so that neither's work is
 * billed to the other.
 */
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { loadConfig } from '../../bot/config';
import { createLogger } from '../../bot/logger';
import { startBot } from '../../bot/startBot';
import { RoleDirectory } from '../../services/roles/roleDirectory';
import { benchBotEnvironment } from './benchEnvironment';
import { countClientRequests, countServerRequests, emptyTally, type Tally } from './cosmosRequests';
import { startEchoBot } from './echoBot';
import type { BotKind, HostReady, HostReply, HostRequest, HostSnapshot } from './hostProtocol';

interface Running {
  messagesUrl: string;
  store: string;
  databaseId?: string;
  assignRoles?(agentIds: string[]): Promise<void>;
  stop(): Promise<void>;
}

async function start(kind: BotKind, server: Tally): Promise<Running> {
  if (kind === 'echo') {
    const echo = await startEchoBot();
    return { messagesUrl: echo.messagesUrl, store: 'none', stop: echo.stop };
  }
  const config = loadConfig(benchBotEnvironment(process.env));
  const running = await startBot(config, createLogger(config.logLevel));
  if (running.embedded) countServerRequests(Number(new URL(running.embedded.endpoint).port), server);
  const database = running.cosmos.client.database(running.databaseId);
  return {
    messagesUrl: running.messagesUrl,
    store: running.embedded
      ? 'embedded Cosmos DB (@vercel/cosmosdb-server, in the bot process, in memory)'
      : `Azure Cosmos DB at ${running.cosmos.endpoint}`,
    databaseId: running.databaseId,
    async assignRoles(agentIds) {
      const directory = RoleDirectory.forDatabase(database);
      for (const agentId of agentIds) await directory.assign(agentId, ['salesAgent'], { by: 'benchmark' });
    },
    stop: () => running.stop(),
  };
}

async function main(): Promise<void> {
  const kind = process.argv[2] === 'echo' ? 'echo' : 'onboarding';
  const modulesLoadedMs = process.uptime() * 1000;
  const client = emptyTally();
  const server = emptyTally();
  countClientRequests(client);
  const starting = performance.now();
  const running = await start(kind, server);
  const startup = {
    modulesLoadedMs,
    startMs: performance.now() - starting,
    requests: structuredClone(client),
  };
  const embedded = running.store.startsWith('embedded');

  let profiler: Session | undefined;
  const answer = (reply: HostReply) => process.send?.(reply);
  process.on('message', (request: HostRequest) => {
    void (async () => {
      try {
        switch (request.op) {
          case 'snapshot': {
            const snapshot: HostSnapshot = {
              at: Date.now(),
              cpu: process.cpuUsage(),
              memory: process.memoryUsage(),
              client: structuredClone(client),
              ...(embedded ? { server: structuredClone(server) } : {}),
            };
            answer({ id: request.id, ok: true, result: snapshot });
            return;
          }
          case 'gc':
            (globalThis as { gc?: () => void }).gc?.();
            answer({ id: request.id, ok: true });
            return;
          case 'assignRoles':
            if (!running.assignRoles) throw new Error('The echo bot has no role directory');
            await running.assignRoles(request.agentIds);
            answer({ id: request.id, ok: true });
            return;
          case 'profileStart':
            profiler = new Session();
            profiler.connect();
            await profiler.post('Profiler.enable');
            await profiler.post('Profiler.start');
            answer({ id: request.id, ok: true });
            return;
          case 'profileStop': {
            if (!profiler) throw new Error('The profiler was not started');
            const { profile } = await profiler.post('Profiler.stop');
            await writeFile(request.file, JSON.stringify(profile));
            profiler.disconnect();
            profiler = undefined;
            answer({ id: request.id, ok: true });
            return;
          }
          case 'stop':
            await running.stop();
            answer({ id: request.id, ok: true });
            setTimeout(() => process.exit(0), 50);
            return;
        }
      } catch (error) {
        answer({ id: request.id, ok: false, error: (error as Error).stack ?? String(error) });
      }
    })();
  });
  process.on('disconnect', () => process.exit(0));
  const ready: HostReady = {
    type: 'ready',
    messagesUrl: running.messagesUrl,
    store: running.store,
    startup,
    ...(running.databaseId ? { databaseId: running.databaseId } : {}),
  };
  process.send?.(ready);
}

main().catch((error: unknown) => {
  process.stderr.write(`Bench host failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
