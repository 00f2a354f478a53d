import { AppManifestUtils, type TeamsManifest } from '@microsoft/app-manifest';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { JsonObject } from './fillManifest';

/** The schema files of one Teams manifest version: the manifest's, and its localization files'. */
export const SCHEMA_FILE_NAMES = {
  manifest: 'MicrosoftTeams.schema.json',
  localization: 'MicrosoftTeams.Localization.schema.json',
} as const;
export type SchemaKind = keyof typeof SCHEMA_FILE_NAMES;

const schemaUrlPatterns: Record<SchemaKind, RegExp> = {
  manifest:
    /^https:\/\/developer\.microsoft\.com\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?json-schemas\/teams\/(v\d+\.\d+|vDevPreview)\/MicrosoftTeams\.schema\.json$/i,
  localization:
    /^https:\/\/developer\.microsoft\.com\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?json-schemas\/teams\/(v\d+\.\d+|vDevPreview)\/MicrosoftTeams\.Localization\.schema\.json$/i,
};

/** The Teams schema URL of a version: `https://developer.microsoft.com/json-schemas/teams/v1.30/…`. */
export function teamsSchemaUrl(version: string, kind: SchemaKind): string {
  return `https://developer.microsoft.com/json-schemas/teams/${version}/${SCHEMA_FILE_NAMES[kind]}`;
}

/** The version ("v1.30") a Teams schema URL of that kind names, or undefined. */
export function teamsSchemaVersion(schemaUrl: string, kind: SchemaKind): string | undefined {
  return schemaUrlPatterns[kind].exec(schemaUrl)?.[1];
}

const manifestHeadSchema = z.looseObject({
  $schema: z.string().regex(schemaUrlPatterns.manifest, {
    error: `must be a Teams manifest schema URL, e.g. ${teamsSchemaUrl('v1.30', 'manifest')}`,
  }),
});

/**
 * The schema file @microsoft/app-manifest ships for a `$schema` URL (a manifest's or a localization
 * file's), or undefined. The library downloads a schema it does not ship; checking first keeps the
 * validation offline.
 */
export function shippedSchemaFile(schemaUrl: string): string | undefined {
  const kind = (Object.keys(schemaUrlPatterns) as SchemaKind[]).find((candidate) =>
    teamsSchemaVersion(schemaUrl, candidate),
  );
  if (!kind) return undefined;
  const version = teamsSchemaVersion(schemaUrl, kind)!;
  const packageDir = path.dirname(require.resolve('@microsoft/app-manifest/package.json'));
  const file = path.join(packageDir, 'build', 'json-schemas', 'teams', version, SCHEMA_FILE_NAMES[kind]);
  return existsSync(file) ? file : undefined;
}

/** The library's errors ("/path message. Details: …"), one line each; "(root)" when the path is empty. */
export function schemaErrorLines(errors: readonly string[]): string[] {
  return errors.map((error) => error.trim().replace(/^(?=must )/, '(root) '));
}

/**
 * Validates a filled manifest against the Teams schema its `$schema` names, offline. Returns one
 * line per problem (JSON pointer and message); none means valid.
 */
export async function manifestSchemaProblems(manifest: JsonObject): Promise<string[]> {
  const head = manifestHeadSchema.safeParse(manifest);
  if (!head.success) return [`$schema ${head.error.issues[0]?.message ?? 'is missing'}`];
  if (!shippedSchemaFile(head.data.$schema)) {
    return [
      `$schema ${head.data.$schema} is not one of the schemas @microsoft/app-manifest ships, so it cannot be checked offline`,
    ];
  }
  // The library takes its own manifest type; checking that the object fits it is this call's job.
  const errors = await AppManifestUtils.validateAgainstSchema(manifest as unknown as TeamsManifest);
  return schemaErrorLines(errors);
}
