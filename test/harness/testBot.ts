import { loadConfig } from '../../bot/config';
import { createLogger } from '../../bot/logger';
import { startBot, type RunningBot, type StartOptions } from '../../bot/startBot';

/**
 * Starts the real server (restify, CloudAdapter, the bot) on a free port. Without COSMOS_ENDPOINT
 * it runs on its own embedded Cosmos DB, in memory unless EMBEDDED_COSMOS_DATA_DIR is given.
 */
export async function startTestBot(
  env: Record<string, string> = {},
  options: StartOptions = {},
): Promise<RunningBot> {
  const config = loadConfig({
    PORT: '0',
    EMBEDDED_COSMOS_PORT: '0',
    EMBEDDED_COSMOS_DATA_DIR: '',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...env,
  });
  return startBot(config, createLogger(config.logLevel), options);
}
