import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildTeamsAppPackage, TeamsAppPackageError, type TeamsAppPackage } from '../teamsApp/buildPackage';
import { ManifestTemplateError } from '../teamsApp/fillManifest';
import { manifestLanguages } from '../teamsApp/localization';
import {
  defaultOutputPath,
  defaultSources,
  ProjectFileError,
  type TeamsAppSources,
} from '../teamsApp/projectFiles';
import { loadTeamsAppSettings, TeamsAppSettingsError } from '../teamsApp/settings';
import { writeZipPackage } from '../teamsApp/zipPackage';
import { runCommandLine, type CliOutput } from './commandLine';

/**
 * `npm run package:teams`: the Teams app package (manifest.json, color.png, outline.png, and nl.json
 * for Dutch) that an admin uploads to install the bot in Teams. Exit codes: 0 written, 1 a problem
 * (one line each on stderr; nothing written), 2 bad usage.
 */
export const TEAMS_PACKAGE_USAGE = `Usage: npm run package:teams [-- --out <file.zip>]

Fills appPackage/manifest.json from the environment (and .env), validates it against the Teams
manifest schema, checks its localization files (appPackage/nl.json: the Teams localization schema,
and command titles the bot understands in that language), checks the icons and writes the zip Teams
installs.

  --out <file.zip>  where to write it (default: appPackage/build/customer-onboarding-<version>.zip)
  --help            this text

Variables: MicrosoftAppId, BOT_DOMAIN, TEAMS_APP_DEVELOPER_NAME, TEAMS_APP_WEBSITE_URL,
TEAMS_APP_PRIVACY_URL, TEAMS_APP_TERMS_URL, and TEAMS_APP_ID (optional). See docs/teams-app.md.`;

type Arguments = { kind: 'help' } | { kind: 'package'; outPath?: string };

function parseArguments(argv: readonly string[]): Arguments {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: { out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) return { kind: 'help' };
  const outPath = values.out?.trim();
  if (values.out !== undefined && !outPath?.endsWith('.zip'))
    throw new Error('--out needs a .zip file path.');
  return outPath ? { kind: 'package', outPath } : { kind: 'package' };
}

export async function main(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  output: CliOutput,
  sources: TeamsAppSources = defaultSources(),
): Promise<number> {
  let args: Arguments;
  try {
    args = parseArguments(argv);
  } catch (error) {
    output.err(`package:teams: ${(error as Error).message}\n\n${TEAMS_PACKAGE_USAGE}\n`);
    return 2;
  }
  if (args.kind === 'help') {
    output.out(`${TEAMS_PACKAGE_USAGE}\n`);
    return 0;
  }

  try {
    const settings = loadTeamsAppSettings(env);
    const appPackage = await buildTeamsAppPackage(settings, sources);
    const zipPath = path.resolve(args.outPath ?? defaultOutputPath(appPackage.version));
    await writeZipPackage(appPackage.files, zipPath);
    output.out(
      [
        `Teams app package written: ${zipPath}`,
        `  version ${appPackage.version}, app id ${settings.teamsAppId}, bot id ${settings.botAppId}, host ${settings.botDomain}`,
        `  languages: ${describeLanguages(appPackage)}`,
        'Next:',
        '  - for your organisation: Teams admin center (https://admin.teams.microsoft.com) > Teams apps >',
        '    Manage apps > Upload new app, select this file, and check the app is Allowed;',
        '  - to try it yourself first: Teams > Apps > Manage your apps > Upload an app > Upload a custom app.',
        `  The Azure Bot needs the Microsoft Teams channel, with its messaging endpoint at https://${settings.botDomain}/api/messages.`,
        '',
      ].join('\n'),
    );
    return 0;
  } catch (error) {
    output.err(`${describeError(error).join('\n')}\n`);
    return 1;
  }
}

/** "en (manifest.json), nl (nl.json)" */
function describeLanguages(appPackage: TeamsAppPackage): string {
  const { defaultLanguageTag } = manifestLanguages(appPackage.manifest);
  return [
    `${defaultLanguageTag} (manifest.json)`,
    ...appPackage.localizations.map((localization) => `${localization.languageTag} (${localization.file})`),
  ].join(', ');
}

function describeError(error: unknown): string[] {
  if (error instanceof TeamsAppSettingsError) return [...error.problems];
  const notWritten = 'No package written.';
  if (error instanceof TeamsAppPackageError) {
    return [...error.problems.map((problem) => `Package error: ${problem}`), notWritten];
  }
  if (error instanceof ManifestTemplateError || error instanceof ProjectFileError) {
    return [`Package error: ${error.message}`, notWritten];
  }
  return [`Error: ${error instanceof Error ? error.message : String(error)}`];
}

if (require.main === module) runCommandLine(main);
