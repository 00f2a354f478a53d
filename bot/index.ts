import dotenv from 'dotenv';
import { ConfigError, loadConfig } from './config';
import { createLogger } from './logger';
import { isLoopbackAddress } from '../services/network/loopback';
import { startBot } from './startBot';

async function main(): Promise<void> {
  dotenv.config({ quiet: true });
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  const running = await startBot(config, logger);

  // Before the line that tells a supervisor the bot is up, which may stop it at once.
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: { message: (error as Error).message } }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  const store =
    config.cosmos.mode === 'embedded'
      ? `embedded Cosmos DB at ${running.embedded?.endpoint} (local use only; data in ${config.cosmos.dataDir ?? 'memory only'})`
      : `Azure Cosmos DB at ${config.cosmos.endpoint}`;
  process.stdout.write(
    [
      `Bot listening at ${running.messagesUrl}`,
      ...(running.chatUrl ? [`Chat page: ${running.chatUrl} (open it in a browser to try the bot)`] : []),
      `Store: ${store}, database "${running.databaseId}"`,
      config.bot.appId
        ? 'Bot Framework tokens are required (MicrosoftAppId is set).'
        : 'Local mode: no app id, the Bot Framework Emulator can connect without credentials.',
      ...(!config.bot.appId && !isLoopbackAddress(running.address)
        ? [
            `Warning: local mode listens on ${running.address} (HOST): anyone who reaches it acts as the local agent, without signing in.`,
          ]
        : []),
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`Start-up failed: ${(error as Error).message}\n`);
  process.exit(1);
});
