import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { z } from 'zod';
import type { TeamsAppSettings } from '../../bot/teamsApp/settings';

export const projectRoot = path.resolve(__dirname, '..', '..');
export const appPackageDir = path.join(projectRoot, 'appPackage');
const compiledCommand = path.join(projectRoot, 'dist', 'bot', 'cli', 'teamsPackage.js');

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

export interface CommandRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the compiled `npm run package:teams` command with only the given variables (no developer
 * environment leaks in) in `cwd`, where it looks for a .env file.
 */
export async function runPackageCommand(
  args: readonly string[],
  env: Readonly<Record<string, string>>,
  cwd: string,
): Promise<CommandRun> {
  if (!existsSync(compiledCommand)) {
    throw new Error(
      `${compiledCommand} is missing: run "npx tsc -p tsconfig.build.json" first (npm test does).`,
    );
  }
  const child = spawn(process.execPath, [compiledCommand, ...args], {
    cwd,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  return { code, stdout, stderr };
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
