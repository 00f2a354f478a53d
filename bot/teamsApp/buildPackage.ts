import path from 'node:path';
import { fillManifestTemplate, iconFileNames, placeholderValues, type JsonObject } from './fillManifest';
import { colorIconProblems, outlineIconProblems } from './icons';
import { parseJson, readAppVersion, readProjectFile, type TeamsAppSources } from './projectFiles';
import type { TeamsAppSettings } from './settings';
import { manifestSchemaProblems } from './validateManifest';

export const MANIFEST_FILE_NAME = 'manifest.json';

export interface PackageFile {
  /** The name at the root of the zip. */
  name: string;
  bytes: Buffer;
}

/** A checked Teams app package, ready to zip: the filled manifest and its icons. */
export interface TeamsAppPackage {
  manifest: JsonObject;
  version: string;
  files: PackageFile[];
}

/** The package breaks a rule Teams applies on upload; one line per problem. */
export class TeamsAppPackageError extends Error {
  override name = 'TeamsAppPackageError';

  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
  }
}

/**
 * Fills appPackage/manifest.json with the settings and package.json's version, validates it
 * against its Teams schema (offline) and checks the icons it names. Throws TeamsAppPackageError
 * listing every problem found.
 */
export async function buildTeamsAppPackage(
  settings: TeamsAppSettings,
  sources: TeamsAppSources,
): Promise<TeamsAppPackage> {
  const version = await readAppVersion(sources.packageJsonPath);
  const templatePath = path.join(sources.appPackageDir, MANIFEST_FILE_NAME);
  const template = parseJson(await readProjectFile(templatePath, 'utf8'), templatePath);
  const manifest = fillManifestTemplate(template, placeholderValues(settings, version));

  const schemaProblems = await manifestSchemaProblems(manifest);
  if (schemaProblems.length > 0) {
    throw new TeamsAppPackageError(schemaProblems.map((problem) => `${MANIFEST_FILE_NAME} ${problem}`));
  }

  const icons = iconFileNames(manifest);
  const colorBytes = await readProjectFile(path.join(sources.appPackageDir, icons.color));
  const outlineBytes = await readProjectFile(path.join(sources.appPackageDir, icons.outline));
  const iconProblems = [
    ...colorIconProblems(icons.color, colorBytes),
    ...outlineIconProblems(icons.outline, outlineBytes),
  ];
  if (iconProblems.length > 0) throw new TeamsAppPackageError(iconProblems);

  return {
    manifest,
    version,
    files: [
      { name: MANIFEST_FILE_NAME, bytes: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8') },
      { name: icons.color, bytes: colorBytes },
      { name: icons.outline, bytes: outlineBytes },
    ],
  };
}
