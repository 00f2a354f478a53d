import { cp, mkdtemp } from 'node:fs/promises';
import path from 'node:path';
import { PNG } from 'pngjs';
import { z } from 'zod';
import type { TeamsAppSources } from '../../bot/teamsApp/projectFiles';
import type { TeamsAppSettings } from '../../bot/teamsApp/settings';
import { projectRoot } from '../harness/botProcess';
import { runCompiledCommand, type CommandRun } from '../harness/commandRun';

export { projectRoot };
export const appPackageDir = path.join(projectRoot, 'appPackage');

export const botAppId = '9f0b5a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b';
export const separateTeamsAppId = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
export const botDomain = 'contoso-onboarding.azurewebsites.net';

/** Every variable the package needs, set right. */
export const validEnvironment: Readonly<Record<string, string>> = {
  MicrosoftAppId: botAppId,
  BOT_DOMAIN: botDomain,
  TEAMS_APP_DEVELOPER_NAME: 'Contoso Cloud Partner',
  TEAMS_APP_WEBSITE_URL: 'https://www.contoso.example/',
  TEAMS_APP_PRIVACY_URL: 'https://www.contoso.example/privacy',
  TEAMS_APP_TERMS_URL: 'https://www.contoso.example/terms',
};

/** The valid environment with some variables changed; undefined removes one. */
export function environmentWith(
  change: Readonly<Record<string, string | undefined>>,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries({ ...validEnvironment, ...change }).filter(
      (entry): entry is [string, string] => entry[1] !== undefined,
    ),
  );
}

export const validSettings: TeamsAppSettings = {
  teamsAppId: botAppId,
  botAppId,
  botDomain,
  developerName: 'Contoso Cloud Partner',
  websiteUrl: 'https://www.contoso.example/',
  privacyUrl: 'https://www.contoso.example/privacy',
  termsUrl: 'https://www.contoso.example/terms',
};

/** The parts of a filled manifest the tests read. */
export const manifestSchema = z.looseObject({
  id: z.string(),
  version: z.string(),
  accentColor: z.string(),
  name: z.looseObject({ short: z.string() }),
  validDomains: z.array(z.string()),
  bots: z.tuple([
    z.looseObject({
      botId: z.string(),
      scopes: z.array(z.string()),
      commandLists: z.array(
        z.looseObject({
          scopes: z.array(z.string()),
          commands: z.array(z.looseObject({ title: z.string(), description: z.string() })),
        }),
      ),
    }),
  ]),
});

/** Runs the compiled `npm run package:teams` command with only the given variables, in `cwd`. */
export function runPackageCommand(
  args: readonly string[],
  env: Readonly<Record<string, string>>,
  cwd: string,
): Promise<CommandRun> {
  return runCompiledCommand('teamsPackage', args, env, cwd);
}

/** A copy of appPackage/ (without its build/ folder) in a new folder under `parent`, to break. */
export async function copyOfSources(parent: string): Promise<TeamsAppSources> {
  const folder = await mkdtemp(path.join(parent, 'sources-'));
  await cp(appPackageDir, path.join(folder, 'appPackage'), {
    recursive: true,
    filter: (source) => !source.includes(`${path.sep}build`),
  });
  return {
    appPackageDir: path.join(folder, 'appPackage'),
    packageJsonPath: path.join(projectRoot, 'package.json'),
  };
}

/** A PNG of one colour (RGBA), with an optional square of another in the middle. */
export function solidPng(
  size: number,
  rgba: readonly [number, number, number, number],
  square?: { size: number; rgba: readonly [number, number, number, number] },
): Buffer {
  const png = new PNG({ width: size, height: size });
  const from = square ? Math.floor((size - square.size) / 2) : 0;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const inSquare = square && x >= from && x < from + square.size && y >= from && y < from + square.size;
      const color = inSquare ? square.rgba : rgba;
      png.data.set(color, (y * size + x) * 4);
    }
  }
  return PNG.sync.write(png);
}
