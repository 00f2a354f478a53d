import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

/** Where the package's parts come from. The icon files are named by the manifest template. */
export interface TeamsAppSources {
  /** appPackage/: the manifest template and the icons. */
  appPackageDir: string;
  /** package.json, for the app's version. */
  packageJsonPath: string;
}

/**
 * The project folder, whether this runs from source (bot/teamsApp) or compiled
 * (dist/bot/teamsApp): tsc does not copy appPackage/ into dist/, so the first candidate that holds
 * it wins.
 */
export function projectRoot(): string {
  const candidates = [path.resolve(__dirname, '..', '..'), path.resolve(__dirname, '..', '..', '..')];
  return (
    candidates.find((candidate) => existsSync(path.join(candidate, 'appPackage', 'manifest.json'))) ??
    candidates[0]!
  );
}

export function defaultSources(root = projectRoot()): TeamsAppSources {
  return {
    appPackageDir: path.join(root, 'appPackage'),
    packageJsonPath: path.join(root, 'package.json'),
  };
}

/** Git-ignored; the file name carries the version, so packages of two releases never overwrite each other. */
export function defaultOutputPath(version: string, root = projectRoot()): string {
  return path.join(root, 'appPackage', 'build', `customer-onboarding-${version}.zip`);
}

// Teams wants major.minor.patch, without a pre-release or build suffix.
const packageJsonSchema = z.looseObject({
  version: z.string().regex(/^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/, {
    error: 'must be major.minor.patch, e.g. 1.2.0 (Teams takes no pre-release suffix)',
  }),
});

export class ProjectFileError extends Error {
  override name = 'ProjectFileError';
}

/** The app version: package.json's, so a release of the bot and its Teams app share one number. */
export async function readAppVersion(packageJsonPath: string): Promise<string> {
  const text = await readProjectFile(packageJsonPath, 'utf8');
  const parsed = packageJsonSchema.safeParse(parseJson(text, packageJsonPath));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ProjectFileError(`${packageJsonPath}: version ${issue?.message ?? 'is missing'}.`);
  }
  return parsed.data.version;
}

export async function readProjectFile(filePath: string): Promise<Buffer>;
export async function readProjectFile(filePath: string, encoding: 'utf8'): Promise<string>;
export async function readProjectFile(filePath: string, encoding?: 'utf8'): Promise<Buffer | string> {
  try {
    return encoding ? await readFile(filePath, encoding) : await readFile(filePath);
  } catch (error) {
    throw new ProjectFileError(`Cannot read ${filePath}: ${(error as Error).message}`, { cause: error });
  }
}

export function parseJson(text: string, filePath: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ProjectFileError(`${filePath} is not valid JSON: ${(error as Error).message}`, {
      cause: error,
    });
  }
}
