import { spellCheck } from '../harness/spellCheck';
import { AppManifestUtils, type AppManifest } from '@microsoft/app-manifest';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../bot/cli/teamsPackage';
import { buildTeamsAppPackage, type TeamsAppPackage } from '../../bot/teamsApp/buildPackage';
import { ManifestTemplateError, type Json, type JsonObject } from '../../bot/teamsApp/fillManifest';
import {
  commandOfPhrase,
  localeOfTag,
  localizationProblems,
  localizationSchemaProblems,
  manifestLanguages,
  shippedLocalizationSchema,
  translatableStrings,
  unicodeSafePattern,
  type Localization,
} from '../../bot/teamsApp/localization';
import { defaultSources, type TeamsAppSources } from '../../bot/teamsApp/projectFiles';
import { shippedSchemaFile, teamsSchemaUrl } from '../../bot/teamsApp/validateManifest';
import { LOCALES, type Locale } from '../../messages/catalogue';
import { en } from '../../messages/en/commands';
import { nl } from '../../messages/nl/commands';
import {
  appPackageDir,
  copyOfSources,
  manifestSchema,
  validEnvironment,
  validSettings,
} from './packageFixtures';

/**
 * The Teams app in English and Dutch: manifest.json holds the English strings, nl.json (named in
 * `localizationInfo`) the Dutch ones, as Teams documents localization. Checked: the localization
 * schema of the manifest's version, offline; keys that point at the manifest's strings, all of
 * them; command titles that are phrases the bot understands in their language, the same command
 * in both; Dutch that says "u", in Partner Center's words, spelled right.
 */

let built: TeamsAppPackage;
let dutch: Localization;
let tempDir: string;

beforeAll(async () => {
  built = await buildTeamsAppPackage(validSettings, defaultSources());
  dutch = built.localizations.find((localization) => localization.languageTag === 'nl')!;
  tempDir = await mkdtemp(path.join(os.tmpdir(), 'teams-localization-'));
});
afterAll(async () => {
  await rm(tempDir, { recursive: true, force: true });
});

const VERSION = 'v1.30';
const title = (list: number, command: number) => `bots[0].commandLists[${list}].commands[${command}].title`;
const description = (list: number, command: number) =>
  `bots[0].commandLists[${list}].commands[${command}].description`;

/** nl.json with some keys changed; undefined removes one. */
function dutchWith(change: Readonly<Record<string, Json | undefined>>): Localization[] {
  const strings: JsonObject = { ...dutch.strings };
  for (const [key, value] of Object.entries(change)) {
    if (value === undefined) delete strings[key];
    else strings[key] = value;
  }
  return [{ ...dutch, strings }];
}

/** The filled manifest with some of its command titles changed: [list, command, title]. */
function manifestWithTitles(...changes: [number, number, string][]): JsonObject {
  const manifest = structuredClone(built.manifest);
  const { bots } = manifestSchema.parse(manifest);
  for (const [list, command, newTitle] of changes)
    bots[0].commandLists[list]!.commands[command]!.title = newTitle;
  return { ...manifest, bots: bots as unknown as Json };
}

/** The Dutch titles Teams shows in each scope's command menu. */
const DUTCH_TITLES: Record<string, string[]> = {
  personal: [
    'klant toevoegen',
    'hulp',
    'annuleren',
    'taal',
    'meldingen aan',
    'meldingen uit',
    'meldingen',
    'recente klanten',
  ],
  team: ['klant toevoegen', 'hulp', 'annuleren', 'taal', 'meld in dit kanaal'],
  groupChat: ['klant toevoegen', 'hulp', 'annuleren', 'taal'],
};

describe('the Teams app in Dutch', () => {
  it('declares English in manifest.json and Dutch in nl.json, as Teams documents localization', () => {
    expect(built.manifest.localizationInfo).toEqual({
      defaultLanguageTag: 'en',
      additionalLanguages: [{ languageTag: 'nl', file: 'nl.json' }],
    });
    expect(built.localizations.map(({ languageTag, file }) => ({ languageTag, file }))).toEqual([
      { languageTag: 'nl', file: 'nl.json' },
    ]);
    expect(existsSync(path.join(appPackageDir, 'nl.json'))).toBe(true);
    expect(built.files.map((file) => file.name)).toEqual([
      'manifest.json',
      'color.png',
      'outline.png',
      'nl.json',
    ]);
  });

  it('covers every language the bot speaks', () => {
    const declared = manifestLanguages(built.manifest);
    const tags = [declared.defaultLanguageTag, ...declared.additionalLanguages.map((l) => l.languageTag)];
    expect(tags.map(localeOfTag).sort()).toEqual([...LOCALES].sort());
  });

  it("is valid against the localization schema of the manifest's version (v1.30), checked offline", async () => {
    const fetchSpy = jest.spyOn(globalThis, 'fetch').mockRejectedValue(new Error('no network in this test'));
    try {
      expect(dutch.strings.$schema).toBe(
        'https://developer.microsoft.com/json-schemas/teams/v1.30/MicrosoftTeams.Localization.schema.json',
      );
      expect(shippedSchemaFile(String(dutch.strings.$schema))).toBeDefined();
      expect(await localizationSchemaProblems(dutch.strings, VERSION)).toEqual([]);
      expect(await localizationProblems(built.manifest, built.localizations)).toEqual([]);
      expect(fetchSpy).not.toHaveBeenCalled();
    } finally {
      fetchSpy.mockRestore();
    }
  });

  it('translates every string Teams lets a language replace, and nothing else', () => {
    const translatable = translatableStrings(built.manifest, shippedLocalizationSchema(VERSION)!);
    const lists = manifestSchema.parse(built.manifest).bots[0].commandLists;
    const commandKeys = lists.flatMap((list, i) =>
      list.commands.flatMap((_, j) => [title(i, j), description(i, j)]),
    );
    expect([...translatable.keys()].sort()).toEqual(
      ['name.short', 'name.full', 'description.short', 'description.full', ...commandKeys].sort(),
    );
    expect(
      Object.keys(dutch.strings)
        .filter((key) => key !== '$schema')
        .sort(),
    ).toEqual([...translatable.keys()].sort());
    for (const [key, english] of translatable) {
      expect({ key, dutch: dutch.strings[key] }).not.toEqual({ key, dutch: english });
    }
  });

  it('gives each command a Dutch title of messages/nl/commands.ts, the same command as its English title', () => {
    const lists = manifestSchema.parse(built.manifest).bots[0].commandLists;
    for (const [i, list] of lists.entries()) {
      const dutchTitles = list.commands.map((_, j) => dutch.strings[title(i, j)]);
      expect(dutchTitles).toEqual(DUTCH_TITLES[list.scopes[0]!]);
      for (const [j, command] of list.commands.entries()) {
        const englishCommand = commandOfPhrase('en', command.title);
        expect(englishCommand).toBeDefined();
        expect(en.commands[englishCommand!]).toContain(command.title);
        expect(nl.commands[englishCommand!]).toContain(dutchTitles[j]);
      }
    }
  });

  it('keeps command titles within 32 characters and descriptions within 128, as older Teams clients want', () => {
    const lists = manifestSchema.parse(built.manifest).bots[0].commandLists;
    for (const [i, list] of lists.entries()) {
      for (const [j, command] of list.commands.entries()) {
        for (const text of [command.title, String(dutch.strings[title(i, j)])]) {
          expect(text.length).toBeLessThanOrEqual(32);
        }
        for (const text of [command.description, String(dutch.strings[description(i, j)])]) {
          expect(text.length).toBeLessThanOrEqual(128);
        }
      }
    }
  });

  it('speaks to the agent as "u", in Partner Center\'s words, and quotes Dutch commands', () => {
    const texts = Object.entries(dutch.strings).filter(([key]) => key !== '$schema');
    for (const [key, text] of texts) {
      expect({ key, informal: /\b(je|jij|jou|jouw|jullie)\b/i.test(String(text)) }).toEqual({
        key,
        informal: false,
      });
    }
    const full = String(dutch.strings['description.full']);
    for (const words of [
      'Klant toevoegen',
      'accountgegevens',
      'primaire contactpersoon',
      'Microsoft-klantovereenkomst',
      'indirecte reseller',
      'abonnementen',
      'concept',
      ' u ',
      ' uw ',
    ]) {
      expect(full).toContain(words);
    }
    const quoted = (text: string) => [...text.matchAll(/"([^"]+)"/g)].map((match) => match[1]);
    expect(quoted(full)).toEqual(['klant toevoegen', 'hulp', 'annuleren', 'taal']);
    const englishFull = String((built.manifest.description as JsonObject).full);
    expect(quoted(englishFull)).toEqual(['add customer', 'help', 'cancel', 'language']);
  });

  it('is spelled right in both languages (the dictionaries of the message catalogues)', async () => {
    const english = [...translatableStrings(built.manifest, shippedLocalizationSchema(VERSION)!).values()];
    const dutchTexts = Object.entries(dutch.strings)
      .filter(([key]) => key !== '$schema')
      .map(([, text]) => String(text));
    // A misspelled word in each run proves the check can fail.
    expect(await unknownWords('en', [...english, 'Add a custmer'])).toEqual(['custmer']);
    expect(await unknownWords('nl', [...dutchTexts, 'Voeg een klnat toe'])).toEqual(['klnat']);
  });
});

describe('the checks of the localization', () => {
  it.each<[Record<string, Json | undefined>, string | RegExp]>([
    [
      { [title(2, 4)]: 'taal' },
      'nl.json bots[0].commandLists[2].commands[4].title points at nothing in manifest.json',
    ],
    [{ 'staticTabs[0].name': 'Start' }, 'nl.json staticTabs[0].name points at nothing in manifest.json'],
    [
      { [title(0, 0)]: 'klant aanmaken' },
      'nl.json bots[0].commandLists[0].commands[0].title "klant aanmaken" is not a command the bot understands in Dutch (messages/nl/commands.ts)',
    ],
    [
      { [title(0, 0)]: 'add customer' },
      'nl.json bots[0].commandLists[0].commands[0].title "add customer" is not a command the bot understands in Dutch (messages/nl/commands.ts); it is English (messages/en/commands.ts)',
    ],
    [
      { [title(1, 0)]: 'Klant toevoegen' },
      'nl.json bots[0].commandLists[1].commands[0].title "Klant toevoegen" is not a command the bot understands in Dutch (messages/nl/commands.ts); write it "klant toevoegen", as it is typed',
    ],
    [
      { [title(1, 1)]: 'annuleren' },
      'nl.json bots[0].commandLists[1].commands[1].title "annuleren" is the cancel command, but manifest.json has "help" (help) there: both languages must list the same commands',
    ],
    [
      { [description(0, 3)]: undefined },
      `nl.json has no bots[0].commandLists[0].commands[3].description: Teams would show manifest.json's "Talk to me in English or Dutch" in nl`,
    ],
    [
      { 'name.full': undefined },
      `nl.json has no name.full: Teams would show manifest.json's "Customer onboarding for CSP partners" in nl`,
    ],
    [
      { 'description.full': 'Typ "add customer" om te beginnen.' },
      'nl.json description.full quotes "add customer", which is not a command the bot understands in Dutch (messages/nl/commands.ts)',
    ],
    [
      { 'name.short': 'Klanten toevoegen voor CSP-partners' },
      /^nl\.json \/name\.short must NOT have more than 30 characters/,
    ],
    [{ 'name.short': ' ' }, /^nl\.json \/name\.short must match pattern/],
    [
      { 'developer.name': 'Contoso' },
      /^nl\.json \(root\) must NOT have additional properties.*"developer\.name"/,
    ],
    [
      { $schema: teamsSchemaUrl('v1.29', 'localization') },
      "nl.json $schema must be https://developer.microsoft.com/json-schemas/teams/v1.30/MicrosoftTeams.Localization.schema.json: the localization schema of manifest.json's version",
    ],
    [
      { $schema: teamsSchemaUrl(VERSION, 'manifest') },
      "nl.json $schema must be https://developer.microsoft.com/json-schemas/teams/v1.30/MicrosoftTeams.Localization.schema.json: the localization schema of manifest.json's version",
    ],
  ])('refuses nl.json with %j: %s', async (change, problem) => {
    expect(await localizationProblems(built.manifest, dutchWith(change))).toEqual([
      typeof problem === 'string' ? problem : expect.stringMatching(problem),
    ]);
  });

  it('refuses an English title in manifest.json that the bot does not understand in English', async () => {
    expect(
      await localizationProblems(manifestWithTitles([0, 0, 'add customers']), built.localizations),
    ).toEqual([
      'manifest.json bots[0].commandLists[0].commands[0].title "add customers" is not a command the bot understands in English (messages/en/commands.ts)',
    ]);
    expect(await localizationProblems(manifestWithTitles([2, 1, 'hulp']), built.localizations)).toEqual([
      'manifest.json bots[0].commandLists[2].commands[1].title "hulp" is not a command the bot understands in English (messages/en/commands.ts); it is Dutch (messages/nl/commands.ts)',
    ]);
  });

  it('refuses a list that names a command twice', async () => {
    const manifest = manifestWithTitles([2, 3, 'help']);
    expect(await localizationProblems(manifest, dutchWith({ [title(2, 3)]: 'hulp' }))).toEqual([
      'manifest.json bots[0].commandLists[2] lists the help command twice',
    ]);
  });

  it('refuses a language the bot does not speak', async () => {
    const manifest = {
      ...built.manifest,
      localizationInfo: {
        defaultLanguageTag: 'en',
        additionalLanguages: [{ languageTag: 'fr', file: 'nl.json' }],
      },
    };
    expect(await localizationProblems(manifest, [{ ...dutch, languageTag: 'fr' }])).toEqual([
      'manifest.json localizationInfo: "fr" (nl.json) is not a language the bot understands (en, nl)',
    ]);
    const frenchDefault = {
      ...built.manifest,
      localizationInfo: {
        defaultLanguageTag: 'fr',
        additionalLanguages: [{ languageTag: 'nl', file: 'nl.json' }],
      },
    };
    expect(await localizationProblems(frenchDefault, built.localizations)).toEqual([
      'manifest.json localizationInfo.defaultLanguageTag "fr" is not a language the bot understands (en, nl)',
    ]);
  });

  it('refuses a localization file in a folder, named twice, or a default language file', () => {
    const withInfo = (localizationInfo: Json) => ({ ...built.manifest, localizationInfo });
    expect(() =>
      manifestLanguages(
        withInfo({
          defaultLanguageTag: 'en',
          additionalLanguages: [{ languageTag: 'nl', file: 'nl/nl.json' }],
        }),
      ),
    ).toThrow(
      new ManifestTemplateError(
        'manifest.json localizationInfo.additionalLanguages.0.file must be a .json file name without a folder (the zip root).',
      ),
    );
    expect(() =>
      manifestLanguages(
        withInfo({
          defaultLanguageTag: 'en',
          additionalLanguages: [
            { languageTag: 'nl', file: 'nl.json' },
            { languageTag: 'NL', file: 'nl-nl.json' },
          ],
        }),
      ),
    ).toThrow(new ManifestTemplateError('manifest.json localizationInfo names "nl" twice.'));
    expect(() =>
      manifestLanguages(withInfo({ defaultLanguageTag: 'en', defaultLanguageFile: 'en.json' })),
    ).toThrow(
      new ManifestTemplateError(
        "manifest.json localizationInfo.defaultLanguageFile is not used here: manifest.json holds the default language's strings.",
      ),
    );
  });

  it('refuses a localization schema it cannot check offline', async () => {
    const strings = { ...dutch.strings, $schema: teamsSchemaUrl('v9.99', 'localization') };
    expect(await localizationSchemaProblems(strings, 'v9.99')).toEqual([
      expect.stringMatching(
        /is not one of the schemas @microsoft\/app-manifest ships, so it cannot be checked offline$/,
      ),
    ]);
  });

  it("validates with the shipped schema, whose two bare ']' the library's validator cannot compile, escaped", async () => {
    const file = shippedSchemaFile(teamsSchemaUrl(VERSION, 'localization'))!;
    const raw = JSON.parse(readFileSync(file, 'utf8')) as { patternProperties: Record<string, unknown> };
    await expect(
      AppManifestUtils.validateAgainstSchema(
        dutch.strings as unknown as AppManifest,
        raw as unknown as Parameters<typeof AppManifestUtils.validateAgainstSchema>[1],
      ),
    ).rejects.toThrow(/Invalid regular expression/);

    const keys = [
      'activities.activityTypes[3].description',
      'activities.activityTypes[127].templateText',
      'activities.activityTypes[128].description',
      'activities.activityTypes[3]].description',
      'bots[0].commandLists[2].commands[11].title',
      'staticTabs[15].name',
      'name.short',
    ];
    let escaped = 0;
    for (const pattern of Object.keys(raw.patternProperties)) {
      const safe = unicodeSafePattern(pattern);
      if (safe !== pattern) escaped++;
      const unicode = new RegExp(safe, 'u');
      for (const key of keys)
        expect({ pattern, key, match: unicode.test(key) }).toEqual({
          pattern,
          key,
          match: new RegExp(pattern).test(key),
        });
    }
    expect(escaped).toBeGreaterThan(0);
    expect(new RegExp(unicodeSafePattern('^a\\[[0-9]\\]b]$'), 'u').test('a[1]b]')).toBe(true);
  });
});

describe('npm run package:teams with the Dutch file out of step', () => {
  async function packageFrom(sources: TeamsAppSources) {
    const zipPath = path.join(path.dirname(sources.appPackageDir), 'app.zip');
    const err: string[] = [];
    const code = await main(
      ['--out', zipPath],
      validEnvironment,
      { out: () => undefined, err: (text) => err.push(text) },
      sources,
    );
    return { code, stderr: err.join(''), written: existsSync(zipPath) };
  }

  it('writes no zip when a Dutch title is not a command the bot understands, and names its key', async () => {
    const sources = await copyOfSources(tempDir);
    const file = path.join(sources.appPackageDir, 'nl.json');
    const strings = JSON.parse(await readFile(file, 'utf8')) as JsonObject;
    await writeFile(file, JSON.stringify({ ...strings, [title(0, 0)]: 'klant aanmaken' }));

    const run = await packageFrom(sources);

    expect(run).toMatchObject({ code: 1, written: false });
    expect(run.stderr).toBe(
      'Package error: nl.json bots[0].commandLists[0].commands[0].title "klant aanmaken" is not a command the bot understands in Dutch (messages/nl/commands.ts)\n' +
        'No package written.\n',
    );
  });

  it('writes no zip when manifest.json drops a command that nl.json still translates', async () => {
    const sources = await copyOfSources(tempDir);
    const file = path.join(sources.appPackageDir, 'manifest.json');
    const template = JSON.parse(await readFile(file, 'utf8')) as {
      bots: { commandLists: { commands: unknown[] }[] }[];
    };
    template.bots[0]!.commandLists[2]!.commands.pop();
    await writeFile(file, JSON.stringify(template));

    const run = await packageFrom(sources);

    expect(run).toMatchObject({ code: 1, written: false });
    expect(run.stderr).toBe(
      'Package error: nl.json bots[0].commandLists[2].commands[3].title points at nothing in manifest.json\n' +
        'Package error: nl.json bots[0].commandLists[2].commands[3].description points at nothing in manifest.json\n' +
        'No package written.\n',
    );
  });

  it('writes no zip when nl.json is missing', async () => {
    const sources = await copyOfSources(tempDir);
    await unlink(path.join(sources.appPackageDir, 'nl.json'));

    const run = await packageFrom(sources);

    expect(run).toMatchObject({ code: 1, written: false });
    expect(run.stderr).toMatch(/^Package error: Cannot read .*nl\.json: ENOENT.*\nNo package written\.\n$/);
  });
});

// ---------------------------------------------------------------------------------------------
// Spelling, with the message catalogues' cspell configurations (messages/spelling/)

/** Names in the manifest that no dictionary has: "CSP", and "Solution" of "Cloud Solution Provider" in Dutch. */
const PRODUCT_WORDS: Record<Locale, string[]> = { en: ['CSP'], nl: ['CSP', 'Solution'] };

/** The words of the texts that cspell does not know, with the catalogue's dictionaries of `locale`. */
async function unknownWords(locale: Locale, texts: readonly string[]): Promise<string[]> {
  const lines = texts.map((text, index) => ({ key: String(index), text }));
  return (await spellCheck(locale, lines, PRODUCT_WORDS[locale])).map((unknown) => unknown.word);
}
