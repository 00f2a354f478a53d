import { AppManifestUtils, type AppManifest } from '@microsoft/app-manifest';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Locale } from '../../messages/catalogue';
import { COMMANDS, commandPhrases, type CommandId } from '../../messages/commands';
import { ManifestTemplateError, type Json, type JsonObject } from './fillManifest';
import { schemaErrorLines, shippedSchemaFile, teamsSchemaUrl, teamsSchemaVersion } from './validateManifest';

/**
 * The manifest's other languages, as Teams documents it ("Localize your app"): `localizationInfo`
 * names the language of manifest.json's own strings and, per additional language, a file at the
 * root of the zip whose keys ("name.short", "bots[0].commandLists[0].commands[0].title") replace the
 * manifest's strings for a Teams client in that language.
 */

const MANIFEST = 'manifest.json';

/** A localization file of the package: its language, its name at the zip root, its strings. */
export interface Localization {
  languageTag: string;
  file: string;
  strings: JsonObject;
}

export interface ManifestLanguages {
  /** The language of manifest.json's own strings. */
  defaultLanguageTag: string;
  additionalLanguages: { languageTag: string; file: string }[];
}

// Teams reads the files from the root of the zip, next to manifest.json.
const rootJsonFileName = z
  .string()
  .regex(/^[^/\\]+\.json$/, { error: 'must be a .json file name without a folder (the zip root)' })
  .refine((name) => name.toLowerCase() !== MANIFEST, { error: `must not be ${MANIFEST}` });

const localizationInfoSchema = z.looseObject({
  localizationInfo: z
    .looseObject({
      defaultLanguageTag: z.string(),
      defaultLanguageFile: z
        .never({ error: `is not used here: ${MANIFEST} holds the default language's strings` })
        .optional(),
      additionalLanguages: z
        .array(z.looseObject({ languageTag: z.string(), file: rootJsonFileName }))
        .default([]),
    })
    .optional(),
});

/** The languages the manifest declares; without `localizationInfo`, English only. */
export function manifestLanguages(manifest: JsonObject): ManifestLanguages {
  const parsed = localizationInfoSchema.safeParse(manifest);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ManifestTemplateError(
      `${MANIFEST} ${issue?.path.join('.') ?? 'localizationInfo'} ${issue?.message ?? 'is invalid'}.`,
    );
  }
  const info = parsed.data.localizationInfo;
  if (!info) return { defaultLanguageTag: 'en', additionalLanguages: [] };
  const additionalLanguages = info.additionalLanguages.map(({ languageTag, file }) => ({
    languageTag,
    file,
  }));
  const twice = (values: string[]) => values.find((value, index) => values.indexOf(value) !== index);
  const tags = [info.defaultLanguageTag, ...additionalLanguages.map((language) => language.languageTag)];
  const twiceTag = twice(tags.map((tag) => tag.toLowerCase()));
  if (twiceTag) throw new ManifestTemplateError(`${MANIFEST} localizationInfo names "${twiceTag}" twice.`);
  const twiceFile = twice(additionalLanguages.map((language) => language.file.toLowerCase()));
  if (twiceFile) throw new ManifestTemplateError(`${MANIFEST} localizationInfo names "${twiceFile}" twice.`);
  return { defaultLanguageTag: info.defaultLanguageTag, additionalLanguages };
}

/** The language of the bot's commands for a language tag ("nl", "nl-BE"), or undefined. */
export function localeOfTag(tag: string): Locale | undefined {
  const language = tag.trim().toLowerCase().split('-')[0] ?? '';
  return Object.prototype.hasOwnProperty.call(commandPhrases, language) ? (language as Locale) : undefined;
}

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });
const languageName = (locale: Locale) => languageNames.of(locale) ?? locale;
const spokenLocales = () => Object.keys(commandPhrases).join(', ');

// ---------------------------------------------------------------------------------------------
// The localization schema, offline

type LocalizationSchema = JsonObject;
const schemaCache = new Map<string, LocalizationSchema>();

/**
 * A bare "]" outside a character class, which JavaScript takes as a literal only without the u
 * flag, escaped: Ajv compiles patterns with the u flag, and two of the shipped schema's key
 * patterns ("activities.activityTypes[…]") have one. The escaped pattern matches the same text.
 */
export function unicodeSafePattern(pattern: string): string {
  try {
    new RegExp(pattern, 'u');
    return pattern;
  } catch {
    // Escaped below.
  }
  let safe = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    if (char === '\\') {
      safe += char + (pattern[i + 1] ?? '');
      i++;
      continue;
    }
    if (inClass) {
      if (char === ']') inClass = false;
    } else if (char === '[') {
      inClass = true;
    } else if (char === ']') {
      safe += '\\]';
      continue;
    }
    safe += char;
  }
  return safe;
}

function withUnicodeSafePatterns(node: Json): Json {
  if (Array.isArray(node)) return node.map(withUnicodeSafePatterns);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node).map(([name, child]) => {
      if (name === 'pattern' && typeof child === 'string') return [name, unicodeSafePattern(child)];
      if (
        name === 'patternProperties' &&
        child !== null &&
        typeof child === 'object' &&
        !Array.isArray(child)
      ) {
        return [
          name,
          Object.fromEntries(
            Object.entries(child).map(([key, value]) => [
              unicodeSafePattern(key),
              withUnicodeSafePatterns(value),
            ]),
          ),
        ];
      }
      return [name, withUnicodeSafePatterns(child)];
    }),
  );
}

/** The localization schema @microsoft/app-manifest ships for a Teams version ("v1.30"), or undefined. */
export function shippedLocalizationSchema(version: string): LocalizationSchema | undefined {
  const file = shippedSchemaFile(teamsSchemaUrl(version, 'localization'));
  if (!file) return undefined;
  let schema = schemaCache.get(file);
  if (!schema) {
    schema = withUnicodeSafePatterns(JSON.parse(readFileSync(file, 'utf8')) as Json) as LocalizationSchema;
    schemaCache.set(file, schema);
  }
  return schema;
}

/**
 * Validates a localization file against the localization schema of the manifest's version (Teams
 * wants the same version in both), offline. One line per problem; none means valid.
 */
export async function localizationSchemaProblems(
  strings: JsonObject,
  manifestVersion: string,
): Promise<string[]> {
  const expected = teamsSchemaUrl(manifestVersion, 'localization');
  const url = strings.$schema;
  const version = typeof url === 'string' ? teamsSchemaVersion(url, 'localization') : undefined;
  if (version !== manifestVersion) {
    return [`$schema must be ${expected}: the localization schema of ${MANIFEST}'s version`];
  }
  const schema = shippedLocalizationSchema(version);
  if (!schema) {
    return [
      `$schema ${String(url)} is not one of the schemas @microsoft/app-manifest ships, so it cannot be checked offline`,
    ];
  }
  // The library types its arguments as a manifest and its schema; any JSON object and schema will do.
  const errors = await AppManifestUtils.validateAgainstSchema(
    strings as unknown as AppManifest,
    schema as unknown as Parameters<typeof AppManifestUtils.validateAgainstSchema>[1],
  );
  return schemaErrorLines(errors);
}

// ---------------------------------------------------------------------------------------------
// Keys: each points at a string of the manifest, and each translatable string has one

/** Every string of the manifest by the key a localization file gives it: "bots[0].commandLists[1].commands[2].title". */
export function manifestStrings(manifest: JsonObject): Map<string, string> {
  const strings = new Map<string, string>();
  const walk = (node: Json, key: string) => {
    if (typeof node === 'string') strings.set(key, node);
    else if (Array.isArray(node)) node.forEach((child, index) => walk(child, `${key}[${index}]`));
    else if (node !== null && typeof node === 'object') {
      for (const [name, child] of Object.entries(node)) walk(child, key ? `${key}.${name}` : name);
    }
  };
  walk(manifest, '');
  return strings;
}

/** The keys of a localization file that are not strings to translate. */
const NOT_STRINGS = new Set(['$schema', 'localizationKeys']);

/** The manifest's strings that the localization schema lets a language replace. */
export function translatableStrings(manifest: JsonObject, schema: LocalizationSchema): Map<string, string> {
  const named = new Set(Object.keys((schema.properties as JsonObject | undefined) ?? {}));
  const patterns = Object.keys((schema.patternProperties as JsonObject | undefined) ?? {}).map(
    (pattern) => new RegExp(pattern, 'u'),
  );
  return new Map(
    [...manifestStrings(manifest)].filter(
      ([key]) => !NOT_STRINGS.has(key) && (named.has(key) || patterns.some((pattern) => pattern.test(key))),
    ),
  );
}

function keyProblems(
  localization: Localization,
  all: Map<string, string>,
  translatable: Map<string, string>,
) {
  const problems: string[] = [];
  for (const key of Object.keys(localization.strings)) {
    if (!NOT_STRINGS.has(key) && !all.has(key)) {
      problems.push(`${localization.file} ${key} points at nothing in ${MANIFEST}`);
    }
  }
  for (const [key, value] of translatable) {
    if (!Object.prototype.hasOwnProperty.call(localization.strings, key)) {
      problems.push(
        `${localization.file} has no ${key}: Teams would show ${MANIFEST}'s "${value}" in ${localization.languageTag}`,
      );
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Commands: each title is a phrase the bot understands in its language, the same command in each

const commandListsSchema = z.looseObject({
  bots: z
    .array(
      z.looseObject({
        commandLists: z
          .array(z.looseObject({ commands: z.array(z.looseObject({ title: z.string() })) }))
          .default([]),
      }),
    )
    .default([]),
});

interface CommandSlot {
  /** "bots[0].commandLists[1].commands[2]" */
  key: string;
  list: number;
  /** The manifest's (default language) title. */
  title: string;
}

function commandSlots(manifest: JsonObject): CommandSlot[] {
  const parsed = commandListsSchema.safeParse(manifest);
  if (!parsed.success) return [];
  // Localization files only reach the first bot, as Teams allows only one.
  return (parsed.data.bots[0]?.commandLists ?? []).flatMap((list, listIndex) =>
    list.commands.map((command, index) => ({
      key: `bots[0].commandLists[${listIndex}].commands[${index}]`,
      list: listIndex,
      title: command.title,
    })),
  );
}

/** The command a phrase is in `locale`, exactly as messages/<locale>/commands.ts writes it (lower case). */
export function commandOfPhrase(locale: Locale, phrase: string): CommandId | undefined {
  return COMMANDS.find((command) => commandPhrases[locale][command].includes(phrase));
}

function notUnderstood(file: string, key: string, phrase: string, locale: Locale): string {
  const typed = phrase.replace(/\s+/g, ' ').trim().toLowerCase();
  const otherLocale = (Object.keys(commandPhrases) as Locale[]).find(
    (other) => other !== locale && commandOfPhrase(other, phrase),
  );
  const hint =
    typed !== phrase && commandOfPhrase(locale, typed)
      ? `; write it "${typed}", as it is typed`
      : otherLocale
        ? `; it is ${languageName(otherLocale)} (messages/${otherLocale}/commands.ts)`
        : '';
  return `${file} ${key} "${phrase}" is not a command the bot understands in ${languageName(locale)} (messages/${locale}/commands.ts)${hint}`;
}

/** One language's strings: manifest.json's own, or a localization file's over them. */
interface LanguageStrings {
  file: string;
  locale: Locale;
  stringAt(key: string): string | undefined;
}

// "add customer", “hulp”, „annuleren”: a quoted phrase in a description is a command to type.
const QUOTED = /["“„]([^"“”„]+)["”]/g;

function quotedCommandProblems(language: LanguageStrings, slots: readonly CommandSlot[]): string[] {
  const keys = ['description.short', 'description.full', ...slots.map((slot) => `${slot.key}.description`)];
  return keys.flatMap((key) =>
    [...(language.stringAt(key) ?? '').matchAll(QUOTED)].flatMap((match) =>
      commandOfPhrase(language.locale, match[1]!)
        ? []
        : [
            `${language.file} ${key} quotes "${match[1]!}", which is not a command the bot understands in ${languageName(language.locale)} (messages/${language.locale}/commands.ts)`,
          ],
    ),
  );
}

/**
 * Every command title, in the manifest's language and in each localization, is a phrase the bot
 * understands in that language; at each place both languages name the same command; no list names a
 * command twice; the commands quoted in the descriptions are the language's own.
 */
function commandProblems(
  manifest: JsonObject,
  main: LanguageStrings | undefined,
  others: readonly LanguageStrings[],
): string[] {
  const slots = commandSlots(manifest);
  const problems: string[] = [];
  const commandAt = new Map<string, CommandId>();
  const seen = new Set<string>();
  if (main) {
    for (const slot of slots) {
      const command = commandOfPhrase(main.locale, slot.title);
      if (!command) {
        problems.push(notUnderstood(main.file, `${slot.key}.title`, slot.title, main.locale));
        continue;
      }
      commandAt.set(slot.key, command);
      if (seen.has(`${slot.list}|${command}`)) {
        problems.push(`${main.file} bots[0].commandLists[${slot.list}] lists the ${command} command twice`);
      }
      seen.add(`${slot.list}|${command}`);
    }
  }
  for (const language of others) {
    for (const slot of slots) {
      const title = language.stringAt(`${slot.key}.title`);
      if (title === undefined) continue;
      const command = commandOfPhrase(language.locale, title);
      const expected = commandAt.get(slot.key);
      if (!command) problems.push(notUnderstood(language.file, `${slot.key}.title`, title, language.locale));
      else if (expected && command !== expected) {
        problems.push(
          `${language.file} ${slot.key}.title "${title}" is the ${command} command, but ${MANIFEST} has "${slot.title}" (${expected}) there: both languages must list the same commands`,
        );
      }
    }
  }
  for (const language of main ? [main, ...others] : others) {
    problems.push(...quotedCommandProblems(language, slots));
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------

/**
 * Everything wrong with the manifest's languages, one line per problem, each starting with the file
 * it is in: a language the bot does not speak, a localization file that breaks its schema, a key
 * that points at nothing, a translatable string left untranslated, a command title that is not a
 * phrase the bot understands in that language or not the same command as in manifest.json.
 */
export async function localizationProblems(
  manifest: JsonObject,
  localizations: readonly Localization[],
): Promise<string[]> {
  const problems: string[] = [];
  const declared = manifestLanguages(manifest);
  const defaultLocale = localeOfTag(declared.defaultLanguageTag);
  if (!defaultLocale) {
    problems.push(
      `${MANIFEST} localizationInfo.defaultLanguageTag "${declared.defaultLanguageTag}" is not a language the bot understands (${spokenLocales()})`,
    );
  }
  const declaredFiles = declared.additionalLanguages.map(
    (language) => `${language.languageTag}:${language.file}`,
  );
  const givenFiles = localizations.map((localization) => `${localization.languageTag}:${localization.file}`);
  if (declaredFiles.join('|') !== givenFiles.join('|')) {
    problems.push(
      `${MANIFEST} localizationInfo.additionalLanguages names ${declaredFiles.join(', ') || 'no file'}, but the package has ${givenFiles.join(', ') || 'none'}`,
    );
  }

  const manifestVersion = teamsSchemaVersion(String(manifest.$schema), 'manifest');
  const schema = manifestVersion ? shippedLocalizationSchema(manifestVersion) : undefined;
  if (localizations.length > 0 && (!manifestVersion || !schema)) {
    problems.push(
      `${MANIFEST} $schema ${String(manifest.$schema)} has no localization schema that @microsoft/app-manifest ships, so the localization files cannot be checked offline`,
    );
  }
  const all = manifestStrings(manifest);
  const translatable = schema ? translatableStrings(manifest, schema) : new Map<string, string>();

  const main: LanguageStrings | undefined = defaultLocale
    ? { file: MANIFEST, locale: defaultLocale, stringAt: (key) => all.get(key) }
    : undefined;
  const others: LanguageStrings[] = [];
  for (const localization of localizations) {
    const locale = localeOfTag(localization.languageTag);
    if (!locale) {
      problems.push(
        `${MANIFEST} localizationInfo: "${localization.languageTag}" (${localization.file}) is not a language the bot understands (${spokenLocales()})`,
      );
    }
    if (manifestVersion && schema) {
      const schemaProblems = await localizationSchemaProblems(localization.strings, manifestVersion);
      problems.push(...schemaProblems.map((problem) => `${localization.file} ${problem}`));
    }
    problems.push(...keyProblems(localization, all, translatable));
    if (locale) {
      others.push({
        file: localization.file,
        locale,
        stringAt: (key) => {
          const value = localization.strings[key];
          return typeof value === 'string' ? value : undefined;
        },
      });
    }
  }
  problems.push(...commandProblems(manifest, main, others));
  return problems;
}
