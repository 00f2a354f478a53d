import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { main } from '../../bot/cli/playground';
import type { CliOutput } from '../../bot/cli/commandLine';
import { whoListensOn } from '../../bot/playground/botOnPort';
import { readLocalAgents } from '../../bot/playground/localAgentsFile';
import { hasDisplay } from '../../bot/playground/openBrowser';
import {
  chooseAgent,
  PlaygroundConfigError,
  playgroundConfigFor,
  playgroundChats,
} from '../../bot/playground/playgroundConfig';
import { applicationInsightsOff, playgroundEnvironment } from '../../bot/playground/playgroundEnvironment';
import type { LocalAgentsFile } from '../../dialogs/localAgents';
import { startTestBot } from '../harness/testBot';

jest.setTimeout(60_000);

const files = { configPath: '/tmp/config.yml', logFile: '/tmp/playground.log' };

describe("the Playground's environment", () => {
  const env = playgroundEnvironment(
    {
      PATH: '/usr/bin',
      HTTPS_PROXY: 'http://proxy.example:8080',
      http_proxy: 'http://proxy.example:8080',
      APPLICATIONINSIGHTS_CONNECTION_STRING: 'InstrumentationKey=x',
      TEAMSAPPTESTER_BROWSER: 'chrome',
    },
    files,
  );

  it('switches its telemetry off, including what --disable-telemetry leaves on', () => {
    expect(JSON.parse(env.APPLICATIONINSIGHTS_CONFIGURATION_CONTENT!)).toEqual(applicationInsightsOff);
    expect(applicationInsightsOff).toEqual({
      disableAppInsights: true,
      disableStatsbeat: true,
      enableAutoCollectHeartbeat: false,
    });
    expect(env.APPLICATION_INSIGHTS_NO_STATSBEAT).toBe('true');
    expect(env.APPLICATIONINSIGHTS_CONNECTION_STRING).toBeUndefined();
  });

  it('never lets it open a browser, sends nothing through a proxy, and keeps its files in our folder', () => {
    expect(env.TEAMSAPPTESTER_BROWSER).toBe('none');
    expect(env.HTTPS_PROXY).toBeUndefined();
    expect(env.http_proxy).toBeUndefined();
    expect(env.M365_AGENTS_PLAYGROUND_CONFIG_PATH).toBe(files.configPath);
    expect(env.M365_AGENTS_PLAYGROUND_LOGFILE).toBe(files.logFile);
    expect(env.PATH).toBe('/usr/bin');
  });
});

describe("the Playground's config", () => {
  let agents: LocalAgentsFile;
  beforeAll(async () => {
    agents = await readLocalAgents();
  });

  it('makes the chosen agent the current user and the other five the chat and team members', () => {
    const megan = chooseAgent(agents, 'megan');
    const config = playgroundConfigFor(agents, megan);
    expect(config.currentUser).toMatchObject({
      name: 'Megan Bowen',
      aadObjectId: '00000000-0000-0000-0000-0000000000021',
      userPrincipleName: 'meganb@example.com',
      givenName: 'Megan',
      surname: 'Bowen',
    });
    expect(config.users.map((user) => user.name)).not.toContain('Megan Bowen');
    expect(config.users).toHaveLength(5);
    // Every Playground shares these, so two agents meet in one group chat and team.
    expect(config.groupChat).toEqual(playgroundChats.groupChat);
    expect(config.team.id).toBe(playgroundChats.team.id);
    expect(playgroundConfigFor(agents, chooseAgent(agents)).currentUser.name).toBe('Alex Wilber');
  });

  it('names the agents to choose from when the one asked for is not there', () => {
    expect(() => chooseAgent(agents, 'Nestor')).toThrow(
      'No local agent is called "Nestor"; choose one of: Alex Wilber, Megan Bowen',
    );
  });

  it('needs exactly six agents, as the Playground does', () => {
    const five = { agents: agents.agents.slice(0, 5) };
    expect(() => playgroundConfigFor(five, five.agents[0]!)).toThrow(PlaygroundConfigError);
    expect(() => playgroundConfigFor(five, five.agents[0]!)).toThrow('exactly 6 mock users');
  });
});

describe('opening a browser', () => {
  it.each([
    ['linux', {}, false],
    ['linux', { DISPLAY: ':0' }, true],
    ['linux', { WAYLAND_DISPLAY: 'wayland-0' }, true],
    ['freebsd', {}, false],
    ['darwin', {}, true],
    ['win32', {}, true],
  ] as const)('on %s with %j: %s', (platform, env, expected) => {
    expect(hasDisplay(env, platform)).toBe(expected);
  });
});

/** The Playground's own answer about who its user is. */
const playgroundConfigAnswer = z.object({
  config: z.object({ currentUser: z.object({ name: z.string(), aadObjectId: z.string() }) }),
});

describe('npm run playground', () => {
  let folder: string;
  let opened: string;
  let pathWithFakeOpener: string;

  beforeAll(async () => {
    // An xdg-open that only writes down what it was asked to open.
    folder = await mkdtemp(path.join(os.tmpdir(), 'playground-cli-'));
    opened = path.join(folder, 'opened.txt');
    const opener = path.join(folder, 'xdg-open');
    await writeFile(opener, `#!/bin/sh\necho "$1" >> "${opened}"\n`);
    await chmod(opener, 0o755);
    pathWithFakeOpener = `${folder}${path.delimiter}${process.env.PATH ?? ''}`;
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  function recorder(): CliOutput & { text(): string } {
    let text = '';
    return { out: (chunk) => (text += chunk), err: (chunk) => (text += chunk), text: () => text };
  }

  function localEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
    return {
      PATH: pathWithFakeOpener,
      HOME: process.env.HOME,
      PORT: '0',
      EMBEDDED_COSMOS_PORT: '0',
      EMBEDDED_COSMOS_DATA_DIR: '',
      LOG_LEVEL: 'silent',
      ...extra,
    };
  }

  /** Runs the command until `whileRunning` is done, then asks it to stop (as Ctrl+C does). */
  async function run(
    argv: string[],
    env: NodeJS.ProcessEnv,
    whileRunning: (url: string, output: () => string) => Promise<void>,
  ): Promise<{ code: number; output: string }> {
    const output = recorder();
    let stop!: () => void;
    const stopRequested = new Promise<void>((resolve) => (stop = resolve));
    const exit = main(argv, env, output, { stopRequested });
    try {
      await whileRunning(await waitForUrl(output, exit), output.text);
    } finally {
      stop();
    }
    return { code: await exit, output: output.text() };
  }

  it('refuses with one line when MicrosoftAppId is set', async () => {
    const output = recorder();
    const env = localEnv({ MicrosoftAppId: '00000000-0000-0000-0000-000000000001' });
    const code = await main([], env, output, { stopRequested: new Promise(() => undefined) });
    expect(code).toBe(1);
    expect(output.text()).toBe(
      'The Agents Playground is for local mode, but MicrosoftAppId is set (in the environment or .env): unset it to use the Playground.\n',
    );
  });

  it('refuses when something that is not this bot listens on PORT', async () => {
    const server = http.createServer((_request, response) => response.end('hello'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const { port } = server.address() as AddressInfo;
    try {
      const output = recorder();
      const code = await main([], localEnv({ PORT: String(port) }), output, {
        stopRequested: new Promise(() => undefined),
      });
      expect(code).toBe(1);
      expect(output.text()).toBe(
        `Port ${port} is taken by something that is not this bot; set PORT to a free port.\n`,
      );
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('without a display starts the bot and the Playground, prints the address, opens nothing, stops both', async () => {
    let botPort = 0;
    let playgroundUrl = '';
    const { code, output } = await run(['--port', '0', '--as', 'Adele'], localEnv(), async (url, output) => {
      playgroundUrl = url;
      const answer = playgroundConfigAnswer.parse(await (await fetch(`${url}/_internal/v1/config`)).json());
      expect(answer.config.currentUser.name).toBe('Adele Vance');
      botPort = Number(/Bot listening at http:\/\/localhost:(\d+)\//.exec(output())?.[1]);
      await expect(whoListensOn(botPort)).resolves.toBe('bot');
    });
    expect(code).toBe(0);
    expect(output).toContain(`Agents Playground: ${playgroundUrl} `);
    expect(output).toContain('You are Adele Vance (Admin agent)');
    await expect(readFile(opened, 'utf8')).rejects.toThrow('ENOENT');
    await expect(whoListensOn(botPort)).resolves.toBe('free');
    await expect(fetch(playgroundUrl)).rejects.toThrow();
  });

  it('with a display opens the address in the browser; a bot already running is used and left running', async () => {
    const bot = await startTestBot();
    try {
      const env = localEnv({ PORT: String(bot.port), DISPLAY: ':0' });
      const { code, output } = await run(['--port', '0'], env, async (url) => {
        for (let attempt = 0; attempt < 50 && !(await readFile(opened, 'utf8').catch(() => '')); attempt++) {
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        await expect(readFile(opened, 'utf8')).resolves.toBe(`${url}\n`);
      });
      expect(code).toBe(0);
      expect(output).toContain(`Using the bot already running on port ${bot.port}.`);
      expect(output).toContain('You are Alex Wilber (Sales agent)');
      await expect(whoListensOn(bot.port)).resolves.toBe('bot');
    } finally {
      await bot.stop();
    }
  });
});

async function waitForUrl(output: { text(): string }, exit: Promise<number>): Promise<string> {
  const deadline = Date.now() + 30_000;
  let exited: number | undefined;
  void exit.then((code) => (exited = code));
  for (;;) {
    const match = /Agents Playground: (http:\/\/localhost:\d+)/.exec(output.text());
    if (match) return match[1]!;
    if (exited !== undefined) throw new Error(`npm run playground ended with ${exited}: ${output.text()}`);
    if (Date.now() > deadline) throw new Error(`npm run playground did not start: ${output.text()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
