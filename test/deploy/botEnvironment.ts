import { loadConfig } from '../../bot/config';

/**
 * The environment variables bot/config.ts reads, taken from its zod schema by watching which names
 * loadConfig asks an empty environment for; a variable added to the schema shows up here unlisted.
 */
export function variablesReadByBotConfig(): string[] {
  const asked = new Set<string>();
  const watched = new Proxy<NodeJS.ProcessEnv>(
    {},
    {
      get(_target, name) {
        if (typeof name === 'string') asked.add(name);
        return undefined;
      },
      has(_target, name) {
        if (typeof name === 'string') asked.add(name);
        return false;
      },
    },
  );
  loadConfig(watched);
  return [...asked].sort();
}

/**
 * Variables the bot reads that a deployment with a managed identity must not set, or need not:
 * each with the reason. Every other variable the bot reads must be an app setting.
 */
export const variablesNotDeployed: Readonly<Record<string, string>> = {
  MicrosoftAppPassword: 'a secret; the managed identity signs in without one',
  COSMOS_KEY: 'a secret; Microsoft Entra ID signs in to Cosmos DB',
  PORT: 'App Service sets it for the container',
  HOST: 'with an app id the bot listens on every interface, as App Service needs',
  LOCAL_AGENT_ID: 'local mode only (no MicrosoftAppId)',
  LOCAL_AGENT_NAME: 'local mode only (no MicrosoftAppId)',
  LOCAL_AGENT_ROLES: 'local mode only (no MicrosoftAppId)',
  LOCAL_AGENTS_FILE: 'local mode only (no MicrosoftAppId)',
  EMBEDDED_COSMOS_PORT: 'the embedded store runs only without COSMOS_ENDPOINT',
  EMBEDDED_COSMOS_DATA_DIR: 'the embedded store runs only without COSMOS_ENDPOINT',
  NOTIFICATION_LEASE_SECONDS: 'an operator tunes it only when sends take longer; its default suits Azure',
};

/** App settings read by something other than bot/config.ts, each with its reader. */
export const settingsReadElsewhere: Readonly<Record<string, string>> = {
  AZURE_CLIENT_ID:
    "@azure/identity's DefaultAzureCredential: which user-assigned identity signs in to Cosmos DB",
  SCM_DO_BUILD_DURING_DEPLOYMENT: 'App Service deployment: the zip is prebuilt, no npm install on the server',
};
