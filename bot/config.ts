import { z } from 'zod';
import { countryCodes, countryRules } from '../services/countries/countryRules';
import { roleSchema, ROLES, type Role } from '../services/roles/permissions';
import { optionalGuid, optionalText } from './environmentFields';

/** Without PARTNER_MARKETS: every country with rules; the first one is where a new form starts. */
const allCountryCodes = countryCodes();

const commaList = z.string().transform((text) =>
  text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean),
);

const countryList = commaList.pipe(
  z
    .array(z.string().transform((code) => code.toUpperCase()))
    .transform((codes) => (codes.length > 0 ? codes : allCountryCodes))
    .refine((codes) => codes.every((code) => countryRules(code)), {
      error: `must be a comma-separated list of country codes from: ${allCountryCodes.join(', ')}`,
    }),
);

const domainList = commaList.pipe(
  z
    .array(z.string().transform((domain) => domain.toLowerCase().replace(/^@/, '')))
    .refine((domains) => domains.every((domain) => /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(domain)), {
      error: 'must be a comma-separated list of email domains, e.g. fabrikam.com,fabrikam.nl',
    }),
);

const roleList = commaList.pipe(
  z
    .array(z.string())
    .refine((roles) => roles.every((role) => roleSchema.safeParse(role).success), {
      error: `must be a comma-separated list of roles from: ${ROLES.join(', ')}`,
    })
    .transform((roles) => roles as Role[]),
);

const port = (fallback: number) =>
  z.coerce
    .number({ error: 'must be a whole number from 0 to 65535' })
    .int({ error: 'must be a whole number from 0 to 65535' })
    .min(0, { error: 'must be a whole number from 0 to 65535' })
    .max(65535, { error: 'must be a whole number from 0 to 65535' })
    .default(fallback);

const environmentSchema = z
  .object({
    PORT: port(3978),
    HOST: optionalText,
    MicrosoftAppId: optionalGuid('must be the application (client) id of the bot registration, a GUID'),
    MicrosoftAppPassword: optionalText,
    MicrosoftAppType: z
      .enum(['SingleTenant', 'UserAssignedMSI', 'MultiTenant'], {
        error: 'must be SingleTenant, UserAssignedMSI or MultiTenant',
      })
      .default('SingleTenant'),
    MicrosoftAppTenantId: optionalGuid("must be the bot's Microsoft Entra tenant id, a GUID"),
    COSMOS_ENDPOINT: optionalText.pipe(
      z
        .url({ protocol: /^https?$/, error: 'must be the https:// address of a Cosmos DB account' })
        .optional(),
    ),
    COSMOS_KEY: optionalText,
    COSMOS_DATABASE: z
      .string()
      .trim()
      .regex(/^[^/\\#?]{1,255}$/, { error: 'must be a database name without / \\ # ?' })
      .default('onboarding'),
    PARTNER_TYPE: z
      .enum(['direct', 'indirectProvider'], { error: 'must be direct or indirectProvider' })
      .default('direct'),
    PARTNER_NAME: z.string().trim().min(1).max(200).default('Contoso Cloud Partner (sample)'),
    PARTNER_TENANT_ID: z
      .guid({ error: "must be the partner's Microsoft Entra tenant id (a GUID)" })
      .default('00000000-0000-0000-0000-000000000000'),
    PARTNER_MARKETS: countryList.prefault(''),
    PARTNER_EMAIL_DOMAINS: domainList.prefault(''),
    LOCAL_AGENT_ID: z.string().trim().min(1).default('local-agent'),
    LOCAL_AGENT_NAME: z.string().trim().min(1).default('Local Agent'),
    LOCAL_AGENT_ROLES: roleList.prefault('salesAgent'),
    LOCAL_AGENTS_FILE: optionalText,
    EMBEDDED_COSMOS_PORT: port(8081),
    NOTIFICATION_LEASE_SECONDS: z.coerce
      .number({ error: 'must be a whole number of seconds' })
      .int('must be a whole number of seconds')
      .min(1, 'must be at least 1')
      .max(3600, 'must be at most 3600')
      .default(120),
    EMBEDDED_COSMOS_DATA_DIR: z.string().trim().default('.data/cosmos'),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
        error: 'must be one of fatal, error, warn, info, debug, trace, silent',
      })
      .default('info'),
  })
  .superRefine((env, ctx) => {
    // Without an app id the bot runs in local mode and the identity settings do not apply.
    if (env.MicrosoftAppId) {
      for (const issue of appIdentityIssues(env)) ctx.addIssue({ code: 'custom', ...issue });
    }
    if (env.COSMOS_KEY && !env.COSMOS_ENDPOINT) {
      ctx.addIssue({
        code: 'custom',
        path: ['COSMOS_ENDPOINT'],
        message: 'is required when COSMOS_KEY is set',
      });
    }
  });

export type Environment = z.infer<typeof environmentSchema>;

/**
 * What each kind of bot identity needs. SingleTenant: a client secret and the tenant. UserAssignedMSI:
 * the managed identity's client id as MicrosoftAppId and its tenant, and no secret at all.
 * MultiTenant: a client secret (Azure no longer creates such bots; existing ones still work).
 */
function appIdentityIssues(env: {
  MicrosoftAppType: string;
  MicrosoftAppPassword?: string | undefined;
  MicrosoftAppTenantId?: string | undefined;
}): { path: string[]; message: string }[] {
  const issues: { path: string[]; message: string }[] = [];
  if (env.MicrosoftAppType === 'UserAssignedMSI') {
    if (env.MicrosoftAppPassword) {
      issues.push({
        path: ['MicrosoftAppPassword'],
        message:
          'must be empty when MicrosoftAppType is UserAssignedMSI (the managed identity signs in without a secret)',
      });
    }
  } else if (!env.MicrosoftAppPassword) {
    issues.push({
      path: ['MicrosoftAppPassword'],
      message: `is required when MicrosoftAppId is set and MicrosoftAppType is ${env.MicrosoftAppType} (the client secret of the bot registration)`,
    });
  }
  if (env.MicrosoftAppType !== 'MultiTenant' && !env.MicrosoftAppTenantId) {
    issues.push({
      path: ['MicrosoftAppTenantId'],
      message: `is required when MicrosoftAppType is ${env.MicrosoftAppType}`,
    });
  }
  return issues;
}

export interface Config {
  port: number;
  /** The address to listen on: HOST, otherwise loopback in local mode and every interface with an app id. */
  host?: string;
  logLevel: Environment['LOG_LEVEL'];
  bot: {
    appId?: string;
    appPassword?: string;
    appType: Environment['MicrosoftAppType'];
    tenantId?: string;
  };
  cosmos:
    | { mode: 'azure'; endpoint: string; key?: string; databaseId: string }
    | { mode: 'embedded'; port: number; dataDir?: string; databaseId: string };
  partner: {
    type: Environment['PARTNER_TYPE'];
    name: string;
    tenantId: string;
    markets: string[];
    emailDomains: string[];
  };
  /** Who the agent is when the channel gives no Microsoft Entra identity (local mode only). */
  localAgent: { id: string; name: string; roles: Role[] };
  /** The roles of agents with an Entra object id the role directory does not know (local mode only). */
  localAgentsFile?: string;
  /** How long a dispatcher's claim on a notification holds before another instance may send it. */
  notificationLeaseMs: number;
}

/** Never echoed in an error message: it would put the secret in a log. */
const secretVariables = new Set(['MicrosoftAppPassword', 'COSMOS_KEY']);

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the environment; a bad or missing value throws one readable line naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const result = environmentSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? '');
      const raw = secretVariables.has(name) ? undefined : env[name];
      return `${name} ${issue.message}${raw === undefined ? '' : ` (got "${raw}")`}`;
    });
    throw new ConfigError(`Configuration error: ${problems.join('; ')}.`);
  }
  const e = result.data;
  return {
    port: e.PORT,
    // Local mode checks no token, so by default only this machine may reach it.
    ...(e.HOST ? { host: e.HOST } : e.MicrosoftAppId ? {} : { host: '127.0.0.1' }),
    logLevel: e.LOG_LEVEL,
    bot: {
      ...(e.MicrosoftAppId ? { appId: e.MicrosoftAppId } : {}),
      ...(e.MicrosoftAppPassword ? { appPassword: e.MicrosoftAppPassword } : {}),
      appType: e.MicrosoftAppType,
      ...(e.MicrosoftAppTenantId ? { tenantId: e.MicrosoftAppTenantId } : {}),
    },
    cosmos: e.COSMOS_ENDPOINT
      ? {
          mode: 'azure',
          endpoint: e.COSMOS_ENDPOINT,
          ...(e.COSMOS_KEY ? { key: e.COSMOS_KEY } : {}),
          databaseId: e.COSMOS_DATABASE,
        }
      : {
          mode: 'embedded',
          port: e.EMBEDDED_COSMOS_PORT,
          ...(e.EMBEDDED_COSMOS_DATA_DIR ? { dataDir: e.EMBEDDED_COSMOS_DATA_DIR } : {}),
          databaseId: e.COSMOS_DATABASE,
        },
    partner: {
      type: e.PARTNER_TYPE,
      name: e.PARTNER_NAME,
      tenantId: e.PARTNER_TENANT_ID,
      markets: e.PARTNER_MARKETS,
      emailDomains: e.PARTNER_EMAIL_DOMAINS,
    },
    localAgent: { id: e.LOCAL_AGENT_ID, name: e.LOCAL_AGENT_NAME, roles: e.LOCAL_AGENT_ROLES },
    ...(e.LOCAL_AGENTS_FILE ? { localAgentsFile: e.LOCAL_AGENTS_FILE } : {}),
    notificationLeaseMs: e.NOTIFICATION_LEASE_SECONDS * 1000,
  };
}

/**
 * With an account key (and on the embedded store) the bot creates its database and containers. With
 * Microsoft Entra ID it may not: the data-plane roles cannot, so the deployment declares them.
 */
export function mayCreateContainers(cosmos: Config['cosmos']): boolean {
  return cosmos.mode === 'embedded' || cosmos.key !== undefined;
}
