import path from 'node:path';
import {
  fillManifestTemplate,
  iconFileNames,
  ManifestTemplateError,
  placeholderValues,
  type JsonObject,
} from './fillManifest';
import { colorIconProblems, outlineIconProblems } from './icons';
import { localizationProblems, manifestLanguages, type Localization } from './localization';
import { parseJson, readAppVersion, readProjectFile, type TeamsAppSources } from './projectFiles';
import type { TeamsAppSettings } from './settings';
import { manifestSchemaProblems } from './validateManifest';

export const MANIFEST_FILE_NAME = 'manifest.json';

export interface PackageFile {
  /** The name at the root of the zip. */
  name: string;
  bytes: Buffer;
}

/** A checked Teams app package, ready to zip: the filled manifest, its icons and its languages. */
export interface TeamsAppPackage {
  manifest: JsonObject;
  /** One per additional language of `localizationInfo` (Dutch: nl.json). */
  localizations: Localization[];
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
 * against its Teams schema (offline), reads the localization files its `localizationInfo` names
 * (appPackage/nl.json) and checks them (their schema, offline; their keys; their command titles,
 * which must be phrases the bot understands in their language), and checks the icons it names.
 * Throws TeamsAppPackageError listing every problem found.
 */
export async function buildTeamsAppPackage(
  settings: TeamsAppSettings,
  sources: TeamsAppSources,
): Promise<TeamsAppPackage> {
  const version = await readAppVersion(sources.packageJsonPath);
  const templatePath = path.join(sources.appPackageDir, MANIFEST_FILE_NAME);
  const template = parseJson(await readProjectFile(templatePath, 'utf8'), templatePath);
  const values = placeholderValues(settings, version);
  const manifest = fillManifestTemplate(template, values);

  const schemaProblems = await manifestSchemaProblems(manifest);
  if (schemaProblems.length > 0) {
    throw new TeamsAppPackageError(schemaProblems.map((problem) => `${MANIFEST_FILE_NAME} ${problem}`));
  }

  const localizations: Localization[] = [];
  for (const { languageTag, file } of manifestLanguages(manifest).additionalLanguages) {
    const filePath = path.join(sources.appPackageDir, file);
    const strings = parseJson(await readProjectFile(filePath, 'utf8'), filePath);
    localizations.push({ languageTag, file, strings: fillLocalization(strings, values, file) });
  }
  const languageProblems = await localizationProblems(manifest, localizations);
  if (languageProblems.length > 0) throw new TeamsAppPackageError(languageProblems);

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
    localizations,
    version,
    files: [
      { name: MANIFEST_FILE_NAME, bytes: jsonBytes(manifest) },
      { name: icons.color, bytes: colorBytes },
      { name: icons.outline, bytes: outlineBytes },
      ...localizations.map((localization) => ({
        name: localization.file,
        bytes: jsonBytes(localization.strings),
      })),
    ],
  };
}

function jsonBytes(value: JsonObject): Buffer {
  return Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');
}

/** A localization file takes the manifest's placeholders too; its errors name the file. */
function fillLocalization(strings: unknown, values: Record<string, string>, file: string): JsonObject {
  try {
    return fillManifestTemplate(strings, values);
  } catch (error) {
    if (error instanceof ManifestTemplateError) {
      throw new ManifestTemplateError(
        `${file}: ${error.message.replace('The manifest template', 'The localization file')}`,
      );
    }
    throw error;
  }
}
