import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { isLoopbackUrl } from '../services/network/loopback';
import { countryCodes, countryRules } from '../services/countries/countryRules';
import type {
  PartnerCenterAppCredential,
  PartnerCenterSignIn,
} from '../services/partnerCenter/partnerCenterCredentials';
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

const ZERO_TENANT = '00000000-0000-0000-0000-000000000000';
const DEFAULT_PARTNER_CENTER_ENDPOINT = 'https://api.partnercenter.microsoft.com';
const DEFAULT_AUTHORITY_HOST = 'https://login.microsoftonline.com';

/** An optional https:// address, kept without a trailing slash; `originOnly`: no path, query or fragment. */
const optionalHttpsUrl = (error: string, originOnly = false) =>
  optionalText.pipe(
    z
      .string()
      .refine(
        (value) => {
          try {
            const url = new URL(value);
            const bare = url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
            return url.protocol === 'https:' && url.hostname !== '' && (!originOnly || bare);
          } catch {
            return false;
          }
        },
        { error },
      )
      .transform((value) => value.replace(/\/+$/, ''))
      .optional(),
  );

/** The app's credential variables: exactly one of them with PARTNER_CENTER_APP_ID. */
const PARTNER_CENTER_CREDENTIALS = [
  'PARTNER_CENTER_CLIENT_SECRET',
  'PARTNER_CENTER_CERTIFICATE_PATH',
  'PARTNER_CENTER_MANAGED_IDENTITY_CLIENT_ID',
] as const;

/** Every variable that only means something for Microsoft's Partner Center. */
const PARTNER_CENTER_VARIABLES = [
  'PARTNER_CENTER_TENANT_ID',
  ...PARTNER_CENTER_CREDENTIALS,
  'PARTNER_CENTER_CERTIFICATE_PASSWORD',
  'PARTNER_CENTER_REFRESH_TOKEN',
  'PARTNER_CENTER_ENDPOINT',
  'PARTNER_CENTER_AUTHORITY_HOST',
] as const;

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
    PARTNER_CENTER_APP_ID: optionalGuid(
      'must be the application (client) id of the Partner Center app registration, a GUID',
    ),
    PARTNER_CENTER_TENANT_ID: optionalGuid("must be the partner's Microsoft Entra tenant id, a GUID"),
    PARTNER_CENTER_CLIENT_SECRET: optionalText,
    PARTNER_CENTER_CERTIFICATE_PATH: optionalText,
    PARTNER_CENTER_CERTIFICATE_PASSWORD: optionalText,
    PARTNER_CENTER_MANAGED_IDENTITY_CLIENT_ID: optionalText.pipe(
      z
        .string()
        .refine((value) => /^system$/i.test(value) || z.guid().safeParse(value).success, {
          error:
            "must be the client id (a GUID) of a user-assigned managed identity, or system for the host's system-assigned one",
        })
        .optional(),
    ),
    PARTNER_CENTER_REFRESH_TOKEN: optionalText,
    PARTNER_CENTER_ENDPOINT: optionalHttpsUrl(
      "must be the https:// address of Partner Center's API, e.g. https://api.partnercenter.microsoft.com",
    ),
    PARTNER_CENTER_AUTHORITY_HOST: optionalHttpsUrl(
      'must be the https:// address of the Microsoft Entra sign-in host, without a path, e.g. https://login.microsoftonline.us',
      true,
    ),
    LOCAL_PARTNER_CENTER_PORT: port(0),
    LOCAL_PARTNER_CENTER_ENDPOINT: optionalText.pipe(
      z
        .url({
          protocol: /^https?$/,
          error: 'must be the http:// address of a local Partner Center on this machine',
        })
        .refine((url) => isLoopbackUrl(url), {
          error: 'must be on this machine (127.0.0.1, ::1 or localhost): it is the local Partner Center',
        })
        .optional(),
    ),
    LOCAL_PARTNER_CENTER_TOKEN: optionalText,
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
    for (const issue of partnerCenterIssues(env)) ctx.addIssue({ code: 'custom', ...issue });
    if (env.LOCAL_PARTNER_CENTER_ENDPOINT && !env.LOCAL_PARTNER_CENTER_TOKEN) {
      ctx.addIssue({
        code: 'custom',
        path: ['LOCAL_PARTNER_CENTER_TOKEN'],
        message:
          'is required with LOCAL_PARTNER_CENTER_ENDPOINT (the bearer token that Partner Center accepts)',
      });
    }
    if (env.LOCAL_PARTNER_CENTER_ENDPOINT && env.PARTNER_CENTER_APP_ID) {
      ctx.addIssue({
        code: 'custom',
        path: ['LOCAL_PARTNER_CENTER_ENDPOINT'],
        message: "cannot be combined with PARTNER_CENTER_APP_ID, which means Microsoft's Partner Center",
      });
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

type PartnerCenterEnvironment = { PARTNER_TENANT_ID: string } & {
  [name in 'PARTNER_CENTER_APP_ID' | (typeof PARTNER_CENTER_VARIABLES)[number]]?: string | undefined;
};

/**
 * Microsoft's Partner Center (PARTNER_CENTER_APP_ID set): a real tenant and exactly one app
 * credential, a certificate file that can be read. Without an app id: the local Partner Center, and
 * no Partner Center variable may be set, so nobody believes the bot talks to Microsoft when it does not.
 */
function partnerCenterIssues(env: PartnerCenterEnvironment): { path: string[]; message: string }[] {
  const issues: { path: string[]; message: string }[] = [];
  if (!env.PARTNER_CENTER_APP_ID) {
    for (const name of PARTNER_CENTER_VARIABLES) {
      if (env[name] !== undefined) {
        issues.push({
          path: [name],
          message:
            'is set but PARTNER_CENTER_APP_ID is not: without PARTNER_CENTER_APP_ID the bot uses its local Partner Center (set it, or remove this variable)',
        });
      }
    }
    return issues;
  }
  if ((env.PARTNER_CENTER_TENANT_ID ?? env.PARTNER_TENANT_ID) === ZERO_TENANT) {
    issues.push({
      path: ['PARTNER_CENTER_TENANT_ID'],
      message: `must be the partner's Microsoft Entra tenant id when PARTNER_CENTER_APP_ID is set (by default it is PARTNER_TENANT_ID, which is ${ZERO_TENANT})`,
    });
  }
  const credentials = PARTNER_CENTER_CREDENTIALS.filter((name) => env[name] !== undefined);
  if (credentials.length === 0) {
    issues.push({
      path: ['PARTNER_CENTER_APP_ID'],
      message: `is set, so the app's credential is required: set one of ${PARTNER_CENTER_CREDENTIALS.join(', ')}`,
    });
  }
  for (const extra of credentials.slice(1)) {
    issues.push({
      path: [extra],
      message: `cannot be combined with ${credentials[0]}: set exactly one of ${PARTNER_CENTER_CREDENTIALS.join(', ')}`,
    });
  }
  if (env.PARTNER_CENTER_CERTIFICATE_PASSWORD && !env.PARTNER_CENTER_CERTIFICATE_PATH) {
    issues.push({
      path: ['PARTNER_CENTER_CERTIFICATE_PASSWORD'],
      message: 'is set without PARTNER_CENTER_CERTIFICATE_PATH',
    });
  }
  if (env.PARTNER_CENTER_CERTIFICATE_PATH) {
    const problem = certificateFileProblem(env.PARTNER_CENTER_CERTIFICATE_PATH);
    if (problem) issues.push({ path: ['PARTNER_CENTER_CERTIFICATE_PATH'], message: problem });
  }
  return issues;
}

/** The certificate file is read at start-up, so a wrong path stops the bot rather than a customer's creation. */
function certificateFileProblem(path: string): string | undefined {
  let pem: string;
  try {
    pem = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    return `cannot be read (${code === 'ENOENT' ? 'no such file' : (code ?? 'unreadable')})`;
  }
  const hasCertificate = pem.includes('-----BEGIN CERTIFICATE-----');
  const hasKey = /-----BEGIN (?:ENCRYPTED |RSA )?PRIVATE KEY-----/.test(pem);
  return hasCertificate && hasKey
    ? undefined
    : 'must be a PEM file holding the certificate and its private key';
}

function partnerCenterCredential(e: Environment): PartnerCenterAppCredential {
  if (e.PARTNER_CENTER_CLIENT_SECRET) return { kind: 'secret', secret: e.PARTNER_CENTER_CLIENT_SECRET };
  if (e.PARTNER_CENTER_CERTIFICATE_PATH) {
    return {
      kind: 'certificate',
      path: e.PARTNER_CENTER_CERTIFICATE_PATH,
      ...(e.PARTNER_CENTER_CERTIFICATE_PASSWORD ? { password: e.PARTNER_CENTER_CERTIFICATE_PASSWORD } : {}),
    };
  }
  const clientId = e.PARTNER_CENTER_MANAGED_IDENTITY_CLIENT_ID;
  return clientId && !/^system$/i.test(clientId)
    ? { kind: 'managedIdentity', clientId }
    : { kind: 'managedIdentity' };
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
  /**
   * Microsoft's Partner Center when PARTNER_CENTER_APP_ID is set (how the bot signs in to it);
   * otherwise the local Partner Center, started in-process on `port` (0: any free port).
   */
  partnerCenter:
    /** The local Partner Center: started by the bot on `port`, or one already running at `endpoint`. */
    | { mode: 'local'; port: number }
    | { mode: 'local'; endpoint: string; token: string }
    | ({ mode: 'microsoft'; endpoint: string } & PartnerCenterSignIn);
  /** Who the agent is when the channel gives no Microsoft Entra identity (local mode only). */
  localAgent: { id: string; name: string; roles: Role[] };
  /** The roles of agents with an Entra object id the role directory does not know (local mode only). */
  localAgentsFile?: string;
  /** How long a dispatcher's claim on a notification holds before another instance may send it. */
  notificationLeaseMs: number;
}

/** Never echoed in an error message: it would put the secret in a log. */
const secretVariables = new Set([
  'MicrosoftAppPassword',
  'LOCAL_PARTNER_CENTER_TOKEN',
  'COSMOS_KEY',
  'PARTNER_CENTER_CLIENT_SECRET',
  'PARTNER_CENTER_CERTIFICATE_PASSWORD',
  'PARTNER_CENTER_REFRESH_TOKEN',
]);

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
    partnerCenter: e.PARTNER_CENTER_APP_ID
      ? {
          mode: 'microsoft',
          endpoint: e.PARTNER_CENTER_ENDPOINT ?? DEFAULT_PARTNER_CENTER_ENDPOINT,
          authorityHost: e.PARTNER_CENTER_AUTHORITY_HOST ?? DEFAULT_AUTHORITY_HOST,
          tenantId: e.PARTNER_CENTER_TENANT_ID ?? e.PARTNER_TENANT_ID,
          appId: e.PARTNER_CENTER_APP_ID,
          credential: partnerCenterCredential(e),
          ...(e.PARTNER_CENTER_REFRESH_TOKEN ? { refreshToken: e.PARTNER_CENTER_REFRESH_TOKEN } : {}),
        }
      : e.LOCAL_PARTNER_CENTER_ENDPOINT && e.LOCAL_PARTNER_CENTER_TOKEN
        ? { mode: 'local', endpoint: e.LOCAL_PARTNER_CENTER_ENDPOINT, token: e.LOCAL_PARTNER_CENTER_TOKEN }
        : { mode: 'local', port: e.LOCAL_PARTNER_CENTER_PORT },
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
