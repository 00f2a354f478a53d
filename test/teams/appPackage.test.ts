import AdmZip from 'adm-zip';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../bot/cli/teamsPackage';
import { buildTeamsAppPackage, type TeamsAppPackage } from '../../bot/teamsApp/buildPackage';
import { fillManifestTemplate, ManifestTemplateError } from '../../bot/teamsApp/fillManifest';
import { colorIconProblems, decodePng, outlineIconProblems } from '../../bot/teamsApp/icons';
import { localizationProblems } from '../../bot/teamsApp/localization';
import { defaultSources } from '../../bot/teamsApp/projectFiles';
import { loadTeamsAppSettings, TeamsAppSettingsError } from '../../bot/teamsApp/settings';
import { manifestSchemaProblems, shippedSchemaFile } from '../../bot/teamsApp/validateManifest';
import type { CommandRun } from '../harness/commandRun';
import { createLoopbackGuard } from '../harness/loopbackGuard';
import {
  appPackageDir,
  botAppId,
  botDomain,
  environmentWith,
  manifestSchema,
  projectRoot,
  runPackageCommand,
  separateTeamsAppId,
  solidPng,
  validEnvironment,
  validSettings,
} from './packageFixtures';

let built: TeamsAppPackage;
let tempDir: string;

beforeAll(async () => {
  built = await buildTeamsAppPackage(validSettings, defaultSources());
  tempDir = await mkdtemp(path.join(os.tmpdir(), 'teams-package-'));
});
afterAll(async () => {
  await rm(tempDir, { recursive: true, force: true });
});

function problemsOf(run: () => unknown): readonly string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof TeamsAppSettingsError) return error.problems;
    throw error;
  }
  throw new Error('expected a TeamsAppSettingsError');
}

describe('the Teams app manifest', () => {
  it('is filled from the settings and valid against the Teams v1.30 schema, checked offline', async () => {
    const fetchSpy = jest.spyOn(globalThis, 'fetch').mockRejectedValue(new Error('no network in this test'));
    try {
      expect(await manifestSchemaProblems(built.manifest)).toEqual([]);
      expect(fetchSpy).not.toHaveBeenCalled();
    } finally {
      fetchSpy.mockRestore();
    }
    expect(built.manifest).toMatchObject({
      $schema: 'https://developer.microsoft.com/json-schemas/teams/v1.30/MicrosoftTeams.schema.json',
      manifestVersion: '1.30',
    });
    expect(shippedSchemaFile(String(built.manifest.$schema))).toBeDefined();
    expect(JSON.stringify(built.manifest)).not.toContain('${{');
  });

  it('carries the bot app id, the bot host, the developer links and the version of package.json', async () => {
    const manifest = manifestSchema.parse(built.manifest);
    const packageJson = JSON.parse(await readFile(path.join(projectRoot, 'package.json'), 'utf8')) as {
      version: string;
    };
    expect(manifest.version).toBe(packageJson.version);
    expect(manifest.id).toBe(botAppId);
    expect(manifest.bots[0].botId).toBe(botAppId);
    expect(manifest.validDomains).toEqual([botDomain]);
    expect(built.manifest.developer).toEqual({
      name: 'Contoso Cloud Partner',
      websiteUrl: 'https://www.contoso.example/',
      privacyUrl: 'https://www.contoso.example/privacy',
      termsOfUseUrl: 'https://www.contoso.example/terms',
    });
  });

  it('uses TEAMS_APP_ID as the app id when it is set, and the bot app id otherwise', () => {
    expect(loadTeamsAppSettings(validEnvironment).teamsAppId).toBe(botAppId);
    expect(loadTeamsAppSettings({ ...validEnvironment, TEAMS_APP_ID: separateTeamsAppId })).toMatchObject({
      teamsAppId: separateTeamsAppId,
      botAppId,
    });
  });

  it("offers the bot in personal chats, teams and group chats, with each scope's commands", () => {
    const [bot] = manifestSchema.parse(built.manifest).bots;
    expect(bot.scopes.sort()).toEqual(['groupChat', 'personal', 'team']);
    expect(bot).toMatchObject({ supportsFiles: false, isNotificationOnly: false });
    expect(bot.commandLists.flatMap((list) => list.scopes).sort()).toEqual(['groupChat', 'personal', 'team']);
    const managers: Record<string, string[]> = {
      personal: ['notify me', 'stop notifications', 'notifications', 'recent onboardings'],
      team: ['notify this channel'],
      groupChat: [],
    };
    for (const list of bot.commandLists) {
      expect(list.commands.slice(0, 4)).toEqual([
        { title: 'add customer', description: 'Add a new customer, step by step' },
        { title: 'help', description: 'What I can do' },
        { title: 'cancel', description: 'Discard the draft you are working on' },
        { title: 'language', description: 'Talk to me in English or Dutch' },
      ]);
      expect(list.commands.slice(4).map((command) => command.title)).toEqual(managers[list.scopes[0]!]);
      // Teams takes at most 10 commands per list.
      expect(list.commands.length).toBeLessThanOrEqual(10);
    }
  });

  it('reports what breaks the schema, with the path of each wrong field', async () => {
    const broken = { ...built.manifest, accentColor: 'blue', validDomains: 'contoso.example' };
    const problems = await manifestSchemaProblems(broken);
    expect(problems.some((problem) => problem.startsWith('/accentColor'))).toBe(true);
    expect(problems.some((problem) => problem.startsWith('/validDomains'))).toBe(true);
  });

  it('refuses a $schema it cannot check offline', async () => {
    const problems = await manifestSchemaProblems({
      ...built.manifest,
      $schema: 'https://developer.microsoft.com/json-schemas/teams/v9.99/MicrosoftTeams.schema.json',
    });
    expect(problems).toEqual([expect.stringMatching(/cannot be checked offline/)]);
  });

  it('refuses a template placeholder that has no value, instead of leaving it in the package', () => {
    expect(() =>
      fillManifestTemplate({ id: '${{TEAMS_APP_ID}}', name: '${{APP_NAME}}' }, { TEAMS_APP_ID: 'x' }),
    ).toThrow(
      new ManifestTemplateError(
        'The manifest template has placeholders with no value: APP_NAME (known: TEAMS_APP_ID).',
      ),
    );
  });

  it('puts a value with quotes in as text, never as JSON', () => {
    const filled = fillManifestTemplate(
      { developer: { name: '${{NAME}}' } },
      { NAME: 'Fabrikam "Cloud", Inc' },
    );
    expect(filled).toEqual({ developer: { name: 'Fabrikam "Cloud", Inc' } });
  });
});

describe('the settings, from the environment', () => {
  it.each([
    [
      { MicrosoftAppId: '' },
      'Configuration error: MicrosoftAppId is required: the application (client) id of the bot registration, a GUID.',
    ],
    [
      { MicrosoftAppId: 'contoso-bot' },
      'Configuration error: MicrosoftAppId must be the application (client) id of the bot registration, a GUID (got "contoso-bot").',
    ],
    [
      { BOT_DOMAIN: 'https://contoso-onboarding.azurewebsites.net/api/messages' },
      'Configuration error: BOT_DOMAIN must be the bot\'s public host name without scheme, port or path, e.g. contoso-onboarding.azurewebsites.net (got "https://contoso-onboarding.azurewebsites.net/api/messages").',
    ],
    [
      { BOT_DOMAIN: 'localhost' },
      'Configuration error: BOT_DOMAIN must be the bot\'s public host name without scheme, port or path, e.g. contoso-onboarding.azurewebsites.net (got "localhost").',
    ],
    [
      { TEAMS_APP_ID: 'not-a-guid' },
      'Configuration error: TEAMS_APP_ID must be a GUID (leave it empty to use MicrosoftAppId) (got "not-a-guid").',
    ],
    [
      { TEAMS_APP_PRIVACY_URL: 'http://www.contoso.example/privacy' },
      'Configuration error: TEAMS_APP_PRIVACY_URL must be the https:// address of the app\'s privacy statement (got "http://www.contoso.example/privacy").',
    ],
    [
      { TEAMS_APP_DEVELOPER_NAME: 'Contoso Cloud Solution Provider Partner B.V.' },
      'Configuration error: TEAMS_APP_DEVELOPER_NAME must be at most 32 characters (Teams shows it as the developer) (got "Contoso Cloud Solution Provider Partner B.V.").',
    ],
  ])('refuses %j with one line naming the variable', (change, line) => {
    expect(problemsOf(() => loadTeamsAppSettings({ ...validEnvironment, ...change }))).toEqual([line]);
  });

  it('gives one line per problem when several variables are wrong', () => {
    const problems = problemsOf(() => loadTeamsAppSettings({ BOT_DOMAIN: 'contoso' }));
    expect(problems.map((line) => line.split(' ')[2])).toEqual([
      'MicrosoftAppId',
      'BOT_DOMAIN',
      'TEAMS_APP_DEVELOPER_NAME',
      'TEAMS_APP_WEBSITE_URL',
      'TEAMS_APP_PRIVACY_URL',
      'TEAMS_APP_TERMS_URL',
    ]);
  });

  it('takes the host name in lower case and ignores surrounding blanks', () => {
    expect(
      loadTeamsAppSettings({ ...validEnvironment, BOT_DOMAIN: ' Contoso-Onboarding.AzureWebsites.net ' }),
    ).toMatchObject({ botDomain: 'contoso-onboarding.azurewebsites.net' });
  });
});

describe('the icons', () => {
  const colorIcon = () => readFile(path.join(appPackageDir, 'color.png'));
  const outlineIcon = () => readFile(path.join(appPackageDir, 'outline.png'));

  it('the colour icon is 192x192, opaque, on the accent colour, with a symbol on it', async () => {
    const bytes = await colorIcon();
    expect(colorIconProblems('color.png', bytes)).toEqual([]);
    const pixels = decodePng(bytes)!;
    expect([pixels.width, pixels.height]).toEqual([192, 192]);
    const accent = manifestSchema.parse(built.manifest).accentColor;
    const corner = [...pixels.data.subarray(0, 4)];
    expect(corner).toEqual([...Buffer.from(accent.slice(1), 'hex'), 255]);
    let opaque = 0;
    let background = 0;
    for (let i = 0; i < pixels.data.length; i += 4) {
      if (pixels.data[i + 3] === 255) opaque++;
      if (pixels.data.subarray(i, i + 4).equals(Buffer.from(corner))) background++;
    }
    expect(opaque).toBe(192 * 192);
    // The symbol covers a good part of the middle 96x96 that Teams keeps after cropping.
    expect(192 * 192 - background).toBeGreaterThan(96 * 96 * 0.25);
  });

  it('the outline icon is white on transparent', async () => {
    const bytes = await outlineIcon();
    expect(outlineIconProblems('outline.png', bytes)).toEqual([]);
    const pixels = decodePng(bytes)!;
    expect([pixels.width, pixels.height]).toEqual([32, 32]);
    let visible = 0;
    for (let i = 0; i < pixels.data.length; i += 4) {
      const [r, g, b, a] = pixels.data.subarray(i, i + 4);
      if (a !== 0) {
        visible++;
        expect([r, g, b]).toEqual([255, 255, 255]);
      }
    }
    expect(visible).toBeGreaterThan(32 * 32 * 0.2);
  });

  it('the checks refuse a wrong size, a coloured outline and a blank colour icon', () => {
    expect(
      outlineIconProblems('outline.png', solidPng(32, [0, 0, 0, 0], { size: 16, rgba: [0, 120, 212, 255] })),
    ).toEqual(['outline.png must be white (#FFFFFF) on transparent only (256 pixels are not)']);
    expect(outlineIconProblems('outline.png', solidPng(32, [0, 0, 0, 0]))).toEqual([
      'outline.png is fully transparent',
    ]);
    expect(colorIconProblems('color.png', solidPng(192, [14, 90, 138, 255]))).toEqual([
      'color.png is blank (one colour only)',
    ]);
    expect(
      colorIconProblems(
        'color.png',
        solidPng(96, [14, 90, 138, 255], { size: 40, rgba: [255, 255, 255, 255] }),
      ),
    ).toEqual(['color.png must be 192x192 pixels (it is 96x96)']);
    expect(colorIconProblems('color.png', Buffer.from('not a png'))).toEqual(['color.png is not a PNG file']);
  });
});

describe('npm run package:teams', () => {
  it('writes a zip with manifest.json, nl.json, color.png and outline.png at its root, offline, and says what to do next', async () => {
    const zipPath = path.join(tempDir, 'written', 'app.zip');
    const guard = await createLoopbackGuard();
    let run: CommandRun;
    try {
      run = await runPackageCommand(
        ['--out', zipPath],
        { ...validEnvironment, NODE_OPTIONS: guard.nodeOptions.join(' ') },
        tempDir,
      );
      expect(await guard.refused()).toEqual([]);
    } finally {
      await guard.dispose();
    }
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain(`Teams app package written: ${zipPath}`);
    expect(run.stdout).toContain('languages: en (manifest.json), nl (nl.json)');
    expect(run.stdout).toMatch(/Teams admin center .*Manage apps > Upload new app/s);
    expect(run.stdout).toContain('Upload a custom app');

    const zip = new AdmZip(zipPath);
    expect(
      zip
        .getEntries()
        .map((entry) => entry.entryName)
        .sort(),
    ).toEqual(['color.png', 'manifest.json', 'nl.json', 'outline.png']);
    // The Dutch file as appPackage/ has it (it has no placeholders), as UTF-8 without a byte order mark.
    const dutchBytes = zip.readFile('nl.json')!;
    expect(dutchBytes.subarray(0, 3)).not.toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(JSON.parse(dutchBytes.toString('utf8'))).toEqual(
      JSON.parse(await readFile(path.join(appPackageDir, 'nl.json'), 'utf8')),
    );
    const manifest = manifestSchema.parse(JSON.parse(zip.readAsText('manifest.json')));
    expect(manifest.bots[0].botId).toBe(botAppId);
    expect(manifest.id).toBe(botAppId);
    expect(manifest.validDomains).toContain(botDomain);
    expect(await manifestSchemaProblems(JSON.parse(zip.readAsText('manifest.json')))).toEqual([]);
    expect(
      await localizationProblems(JSON.parse(zip.readAsText('manifest.json')), [
        { languageTag: 'nl', file: 'nl.json', strings: JSON.parse(dutchBytes.toString('utf8')) },
      ]),
    ).toEqual([]);
    expect(zip.readFile('color.png')).toEqual(await readFile(path.join(appPackageDir, 'color.png')));
    expect(zip.readFile('outline.png')).toEqual(await readFile(path.join(appPackageDir, 'outline.png')));
  });

  it.each([
    [{ MicrosoftAppId: undefined }, /^Configuration error: MicrosoftAppId is required: .*a GUID\.$/],
    [
      { BOT_DOMAIN: 'https://contoso-onboarding.azurewebsites.net' },
      /^Configuration error: BOT_DOMAIN must be /,
    ],
    [
      { TEAMS_APP_TERMS_URL: 'terms.html' },
      /^Configuration error: TEAMS_APP_TERMS_URL must be the https:\/\/ address/,
    ],
  ])('refuses %j with one line naming the variable, exit code 1 and no zip', async (change, line) => {
    const zipPath = path.join(tempDir, 'refused', 'app.zip');
    const env = environmentWith(change);
    const run = await runPackageCommand(['--out', zipPath], env, tempDir);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(line);
    expect(existsSync(zipPath)).toBe(false);
  });

  it('reads a .env file in the working folder, where the real environment wins', async () => {
    const folder = await mkdtemp(path.join(tempDir, 'dotenv-'));
    await writeFile(
      path.join(folder, '.env'),
      [
        `BOT_DOMAIN=from-dotenv.azurewebsites.net`,
        `MicrosoftAppId=00000000-0000-0000-0000-000000000001`,
      ].join('\n'),
    );
    const zipPath = path.join(folder, 'app.zip');
    const run = await runPackageCommand(
      ['--out', zipPath],
      environmentWith({ BOT_DOMAIN: undefined }),
      folder,
    );
    expect(run.code).toBe(0);
    const manifest = manifestSchema.parse(JSON.parse(new AdmZip(zipPath).readAsText('manifest.json')));
    expect(manifest.validDomains).toEqual(['from-dotenv.azurewebsites.net']);
    expect(manifest.bots[0].botId).toBe(botAppId);
  });

  it('refuses an --out that is not a .zip file with the usage text and exit code 2', async () => {
    const err: string[] = [];
    const code = await main(['--out', path.join(tempDir, 'app.txt')], validEnvironment, {
      out: () => undefined,
      err: (text) => err.push(text),
    });
    expect(code).toBe(2);
    expect(err.join('')).toMatch(
      /^package:teams: --out needs a \.zip file path\.\n\nUsage: npm run package:teams/,
    );
  });

  it('writes no zip when the filled manifest breaks the schema, and lists the schema errors', async () => {
    const sources = await mkdtemp(path.join(tempDir, 'sources-'));
    await cp(appPackageDir, path.join(sources, 'appPackage'), {
      recursive: true,
      filter: (source) => !source.includes(`${path.sep}build`),
    });
    const templatePath = path.join(sources, 'appPackage', 'manifest.json');
    const template = JSON.parse(await readFile(templatePath, 'utf8')) as Record<string, unknown>;
    await writeFile(templatePath, JSON.stringify({ ...template, accentColor: 'corporate blue' }));
    const zipPath = path.join(sources, 'app.zip');
    const out: string[] = [];
    const err: string[] = [];

    const code = await main(
      ['--out', zipPath],
      validEnvironment,
      { out: (text) => out.push(text), err: (text) => err.push(text) },
      {
        appPackageDir: path.join(sources, 'appPackage'),
        packageJsonPath: path.join(projectRoot, 'package.json'),
      },
    );

    expect(code).toBe(1);
    expect(out).toEqual([]);
    expect(err.join('')).toMatch(/^Package error: manifest\.json \/accentColor must match pattern/m);
    expect(err.join('')).toMatch(/No package written\.\n$/);
    expect(existsSync(zipPath)).toBe(false);
  });

  it('writes no zip when an icon breaks the rules', async () => {
    const sources = await mkdtemp(path.join(tempDir, 'icons-'));
    await cp(appPackageDir, path.join(sources, 'appPackage'), {
      recursive: true,
      filter: (source) => !source.includes(`${path.sep}build`),
    });
    await writeFile(path.join(sources, 'appPackage', 'outline.png'), solidPng(32, [0, 120, 212, 255]));
    const zipPath = path.join(sources, 'app.zip');
    const err: string[] = [];

    const code = await main(
      ['--out', zipPath],
      validEnvironment,
      { out: () => undefined, err: (text) => err.push(text) },
      {
        appPackageDir: path.join(sources, 'appPackage'),
        packageJsonPath: path.join(projectRoot, 'package.json'),
      },
    );

    expect(code).toBe(1);
    expect(err.join('')).toContain('Package error: outline.png must be white (#FFFFFF) on transparent only');
    expect(existsSync(zipPath)).toBe(false);
  });
});
