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
  LOCAL_PARTNER_CENTER_PORT:
    'the local Partner Center listens on any free loopback port; only the bot calls it',
  LOCAL_PARTNER_CENTER_ENDPOINT:
    'a local Partner Center already running on the same machine; App Service has none',
  LOCAL_PARTNER_CENTER_TOKEN: 'goes with LOCAL_PARTNER_CENTER_ENDPOINT',
  PARTNER_CENTER_TENANT_ID: 'by default PARTNER_TENANT_ID, which the deployment sets (partnerTenantId)',
  PARTNER_CENTER_CLIENT_SECRET: "a secret; the managed identity is the Partner Center app's credential",
  PARTNER_CENTER_CERTIFICATE_PATH:
    "a certificate file; the managed identity is the Partner Center app's credential",
  PARTNER_CENTER_CERTIFICATE_PASSWORD: 'goes with PARTNER_CENTER_CERTIFICATE_PATH',
  PARTNER_CENTER_ENDPOINT:
    "its default is the public cloud's Partner Center; a sovereign cloud sets it by hand",
  PARTNER_CENTER_AUTHORITY_HOST:
    "its default is the public cloud's sign-in host; a sovereign cloud sets it by hand",
};

/**
 * Variables the deployment sets only when a parameter asks for them, each with that condition: set
 * empty, they would still be Partner Center settings without PARTNER_CENTER_APP_ID, which stops start-up.
 */
export const variablesDeployedOnRequest: Readonly<Record<string, string>> = {
  PARTNER_CENTER_APP_ID: "partnerCenterAppId: Microsoft's Partner Center instead of the local one",
  PARTNER_CENTER_MANAGED_IDENTITY_CLIENT_ID:
    "partnerCenterAppId: the bot's own managed identity, the app's federated credential",
  PARTNER_CENTER_REFRESH_TOKEN: 'partnerCenterAppId and partnerCenterRefreshToken: App+User calls',
};

/** App settings read by something other than bot/config.ts, each with its reader. */
export const settingsReadElsewhere: Readonly<Record<string, string>> = {
  AZURE_CLIENT_ID:
    "@azure/identity's DefaultAzureCredential: which user-assigned identity signs in to Cosmos DB",
  SCM_DO_BUILD_DURING_DEPLOYMENT: 'App Service deployment: the zip is prebuilt, no npm install on the server',
};
