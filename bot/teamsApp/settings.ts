import { z } from 'zod';
import { optionalGuid, optionalText } from '../environmentFields';

/** What the environment puts into the Teams app manifest. */
export interface TeamsAppSettings {
  /** The Teams app's own id: TEAMS_APP_ID, or the bot's app id when that is not set. */
  teamsAppId: string;
  /** The Azure Bot's Microsoft App ID: `bots[0].botId`. */
  botAppId: string;
  /** The bot's public host name, without scheme or path: `validDomains`. */
  botDomain: string;
  developerName: string;
  websiteUrl: string;
  privacyUrl: string;
  termsUrl: string;
}

const required = (what: string) => optionalText.pipe(z.string({ error: `is required: ${what}` }));

const guid = (what: string) => required(`${what}, a GUID`).pipe(z.guid({ error: `must be ${what}, a GUID` }));

/** Lower case letters, digits and hyphens per label, at least two labels, a top-level label with a letter. */
const hostNamePattern =
  /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/;

const hostName = (what: string, example: string) =>
  required(`${what}, e.g. ${example}`)
    .transform((text) => text.toLowerCase())
    .pipe(
      z.string().regex(hostNamePattern, {
        error: `must be ${what} without scheme, port or path, e.g. ${example}`,
      }),
    );

// Teams refuses links that are not https; the schema's limit is 2048 characters.
const httpsUrl = (what: string) =>
  required(`the https:// address of ${what}`).pipe(
    z
      .url({ protocol: /^https$/, error: `must be the https:// address of ${what}` })
      .max(2048, { error: `must be at most 2048 characters (the address of ${what})` }),
  );

const environmentSchema = z.object({
  MicrosoftAppId: guid('the application (client) id of the bot registration'),
  TEAMS_APP_ID: optionalGuid('must be a GUID (leave it empty to use MicrosoftAppId)'),
  BOT_DOMAIN: hostName("the bot's public host name", 'contoso-onboarding.azurewebsites.net'),
  TEAMS_APP_DEVELOPER_NAME: required('the name Teams shows as the developer of the app').pipe(
    z.string().max(32, { error: 'must be at most 32 characters (Teams shows it as the developer)' }),
  ),
  TEAMS_APP_WEBSITE_URL: httpsUrl("the app's website"),
  TEAMS_APP_PRIVACY_URL: httpsUrl("the app's privacy statement"),
  TEAMS_APP_TERMS_URL: httpsUrl("the app's terms of use"),
});

/** One problem per line, each naming its variable. */
export class TeamsAppSettingsError extends Error {
  override name = 'TeamsAppSettingsError';

  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
  }
}

/** Parses the environment; a bad or missing value throws one readable line per problem. */
export function loadTeamsAppSettings(env: NodeJS.ProcessEnv): TeamsAppSettings {
  const result = environmentSchema.safeParse(env);
  if (!result.success) {
    throw new TeamsAppSettingsError(
      result.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? '');
        const raw = env[name]?.trim();
        return `Configuration error: ${name} ${issue.message}${raw ? ` (got "${raw}")` : ''}.`;
      }),
    );
  }
  const e = result.data;
  return {
    teamsAppId: e.TEAMS_APP_ID ?? e.MicrosoftAppId,
    botAppId: e.MicrosoftAppId,
    botDomain: e.BOT_DOMAIN,
    developerName: e.TEAMS_APP_DEVELOPER_NAME,
    websiteUrl: e.TEAMS_APP_WEBSITE_URL,
    privacyUrl: e.TEAMS_APP_PRIVACY_URL,
    termsUrl: e.TEAMS_APP_TERMS_URL,
  };
}
