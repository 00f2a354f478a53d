import { existsSync } from 'node:fs';
import path from 'node:path';

/** The project folder, from test/bench/ or from its compiled copy in dist/test/bench/. */
export const projectRoot = (() => {
  let folder = __dirname;
  while (!existsSync(path.join(folder, 'package.json')) || path.basename(folder) === 'dist') {
    const parent = path.dirname(folder);
    if (parent === folder) throw new Error(`No package.json above ${__dirname}`);
    folder = parent;
  }
  return folder;
})();

/**
 * The bot's settings for the benchmark: any free port, error logs only, the embedded Cosmos DB in memory
 * (nothing kept on disk), or the Cosmos DB at COSMOS_ENDPOINT when it is set in the environment (Azure,
 * or the benchmark's store process; a .env file is not read: it may hold an app id that would make
 * the bot demand tokens). There the benchmark uses its own database, BENCH_COSMOS_DATABASE or
 * "onboarding-bench", never the bot's. A local Partner Center in another process
 * (LOCAL_PARTNER_CENTER_ENDPOINT and its token) is passed on; otherwise the bot starts its own.
 */
export function benchBotEnvironment(env: NodeJS.ProcessEnv, overrides: Record<string, string> = {}) {
  const endpoint = env.COSMOS_ENDPOINT?.trim();
  const settings: Record<string, string> = {
    PORT: '0',
    EMBEDDED_COSMOS_PORT: '0',
    EMBEDDED_COSMOS_DATA_DIR: '',
    // Errors only: a failed turn's cause reaches the report (through the host's output).
    LOG_LEVEL: 'error',
  };
  if (endpoint) {
    settings.COSMOS_ENDPOINT = endpoint;
    if (env.COSMOS_KEY) settings.COSMOS_KEY = env.COSMOS_KEY;
    settings.COSMOS_DATABASE = env.BENCH_COSMOS_DATABASE?.trim() || 'onboarding-bench';
  }
  if (env.LOCAL_PARTNER_CENTER_ENDPOINT && env.LOCAL_PARTNER_CENTER_TOKEN) {
    settings.LOCAL_PARTNER_CENTER_ENDPOINT = env.LOCAL_PARTNER_CENTER_ENDPOINT;
    settings.LOCAL_PARTNER_CENTER_TOKEN = env.LOCAL_PARTNER_CENTER_TOKEN;
  }
  return { ...settings, ...overrides };
}
