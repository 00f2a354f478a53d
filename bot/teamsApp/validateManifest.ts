import { AppManifestUtils, type TeamsManifest } from '@microsoft/app-manifest';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { JsonObject } from './fillManifest';

const schemaUrlPattern =
  /^https:\/\/developer\.microsoft\.com\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?json-schemas\/teams\/(v\d+\.\d+|vDevPreview)\/MicrosoftTeams\.schema\.json$/i;

const manifestHeadSchema = z.looseObject({
  $schema: z.string().regex(schemaUrlPattern, {
    error:
      'must be a Teams manifest schema URL, e.g. https://developer.microsoft.com/json-schemas/teams/v1.30/MicrosoftTeams.schema.json',
  }),
});

/**
 * The schema file @microsoft/app-manifest ships for a `$schema` URL, or undefined. The library
 * downloads a schema it does not ship; checking first keeps the validation offline.
 */
export function shippedSchemaFile(schemaUrl: string): string | undefined {
  const version = schemaUrlPattern.exec(schemaUrl)?.[1];
  if (!version) return undefined;
  const packageDir = path.dirname(require.resolve('@microsoft/app-manifest/package.json'));
  const file = path.join(packageDir, 'build', 'json-schemas', 'teams', version, 'MicrosoftTeams.schema.json');
  return existsSync(file) ? file : undefined;
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
  return errors.map((error) => error.trim().replace(/^(?=must )/, '(root) '));
}
