import { z } from 'zod';

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : undefined));

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
    MicrosoftAppId: optionalText,
    MicrosoftAppPassword: optionalText,
    MicrosoftAppType: z
      .enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI'], {
        error: 'must be MultiTenant, SingleTenant or UserAssignedMSI',
      })
      .default('MultiTenant'),
    MicrosoftAppTenantId: optionalText,
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
    EMBEDDED_COSMOS_PORT: port(8081),
    EMBEDDED_COSMOS_DATA_DIR: z.string().trim().default('.data/cosmos'),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
        error: 'must be one of fatal, error, warn, info, debug, trace, silent',
      })
      .default('info'),
  })
  .superRefine((env, ctx) => {
    const needsPassword = env.MicrosoftAppId && env.MicrosoftAppType !== 'UserAssignedMSI';
    if (needsPassword && !env.MicrosoftAppPassword) {
      ctx.addIssue({
        code: 'custom',
        path: ['MicrosoftAppPassword'],
        message: 'is required when MicrosoftAppId is set (the client secret of the bot registration)',
      });
    }
    if (env.MicrosoftAppType !== 'MultiTenant' && !env.MicrosoftAppTenantId) {
      ctx.addIssue({
        code: 'custom',
        path: ['MicrosoftAppTenantId'],
        message: `is required when MicrosoftAppType is ${env.MicrosoftAppType}`,
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

export interface Config {
  port: number;
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
  partnerType: Environment['PARTNER_TYPE'];
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the environment; a bad or missing value throws one readable line naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const result = environmentSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const name = issue.path.join('.');
      const raw = env[name];
      return `${name} ${issue.message}${raw === undefined ? '' : ` (got "${raw}")`}`;
    });
    throw new ConfigError(`Configuration error: ${problems.join('; ')}.`);
  }
  const e = result.data;
  return {
    port: e.PORT,
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
    partnerType: e.PARTNER_TYPE,
  };
}
