import { z } from 'zod';
import type { TeamsAppSettings } from './settings';

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

const templateSchema = z.record(z.string(), z.json());

/** `${{NAME}}`, the placeholder syntax of the Teams (Agents) Toolkit's manifest templates. */
const placeholderPattern = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

export class ManifestTemplateError extends Error {
  override name = 'ManifestTemplateError';
}

/** What each placeholder of appPackage/manifest.json stands for. */
export function placeholderValues(settings: TeamsAppSettings, version: string): Record<string, string> {
  return {
    APP_VERSION: version,
    TEAMS_APP_ID: settings.teamsAppId,
    MicrosoftAppId: settings.botAppId,
    BOT_DOMAIN: settings.botDomain,
    TEAMS_APP_DEVELOPER_NAME: settings.developerName,
    TEAMS_APP_WEBSITE_URL: settings.websiteUrl,
    TEAMS_APP_PRIVACY_URL: settings.privacyUrl,
    TEAMS_APP_TERMS_URL: settings.termsUrl,
  };
}

/**
 * Replaces the placeholders in the template's string values (never in its JSON text, so a value
 * with a quote cannot change the structure). A placeholder with no value is an error, not an empty
 * string in the package.
 */
export function fillManifestTemplate(template: unknown, values: Record<string, string>): JsonObject {
  const parsed = templateSchema.safeParse(template);
  if (!parsed.success) throw new ManifestTemplateError('The manifest template must be a JSON object.');
  const unknownNames = new Set<string>();
  const fill = (node: Json): Json => {
    if (typeof node === 'string') {
      return node.replace(placeholderPattern, (whole, name: string) => {
        const value = values[name];
        if (value === undefined) unknownNames.add(name);
        return value ?? whole;
      });
    }
    if (Array.isArray(node)) return node.map(fill);
    if (node !== null && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([key, child]) => [key, fill(child)]));
    }
    return node;
  };
  const filled = Object.fromEntries(Object.entries(parsed.data).map(([key, child]) => [key, fill(child)]));
  if (unknownNames.size > 0) {
    throw new ManifestTemplateError(
      `The manifest template has placeholders with no value: ${[...unknownNames].join(', ')} ` +
        `(known: ${Object.keys(values).join(', ')}).`,
    );
  }
  return filled;
}

// The icons go to the root of the zip, where Teams looks for them by these names.
const rootFileName = z
  .string()
  .regex(/^[^/\\]+\.png$/, { error: 'must be a .png file name without a folder (the zip root)' });

const manifestIconsSchema = z.looseObject({
  icons: z.looseObject({ color: rootFileName, outline: rootFileName }),
});

/** The icon file names the manifest refers to. */
export function iconFileNames(manifest: JsonObject): { color: string; outline: string } {
  const parsed = manifestIconsSchema.safeParse(manifest);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ManifestTemplateError(
      `manifest.json ${issue?.path.join('.') ?? 'icons'} ${issue?.message ?? 'is invalid'}.`,
    );
  }
  return parsed.data.icons;
}
