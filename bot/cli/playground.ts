import { parseArgs } from 'node:util';
import { LocalAgentsFileError } from '../../dialogs/localAgents';
import { say } from '../../messages/catalogue';
import { roleNameKey } from '../../services/roles/permissions';
import { ConfigError, loadConfig, type Config } from '../config';
import { createLogger } from '../logger';
import { whoListensOn } from '../playground/botOnPort';
import {
  defaultPlaygroundPort,
  startPlayground,
  type RunningPlayground,
} from '../playground/launchPlayground';
import { readLocalAgents } from '../playground/localAgentsFile';
import { hasDisplay, openInBrowser } from '../playground/openBrowser';
import { chooseAgent, PlaygroundConfigError, playgroundConfigFor } from '../playground/playgroundConfig';
import { PlaygroundStartError } from '../playground/playgroundProcess';
import { startBot, type RunningBot } from '../startBot';
import { oneLine, runCommandLine, type CliOutput } from './commandLine';

export const PLAYGROUND_USAGE = `Usage: npm run playground [-- options]

Starts the bot (unless it already runs on PORT) and the Microsoft 365 Agents Playground, a Teams-like
client, on the msteams channel. Local mode only: MicrosoftAppId must be empty.

Options:
  --as <name>     act as this mock user (name or first name, see bot/playground/localAgents.json);
                  start a second Playground with another --as to be two agents in one group chat
  --port <port>   port of the Playground's page (default ${defaultPlaygroundPort}; a free one if taken)
  --no-browser    print the address only (always so without a display)
  --help          this text`;

export interface PlaygroundRun {
  /** Resolves when the user asks to stop (Ctrl+C); tests resolve it themselves. */
  stopRequested: Promise<unknown>;
}

interface Arguments {
  as?: string;
  port?: number;
  browser: boolean;
}

class UsageError extends Error {}
class PortTakenError extends Error {}

/**
 * `npm run playground`: the bot and the Agents Playground together, until Ctrl+C stops both.
 * Exit codes: 0 stopped, 1 error (one line), 2 bad usage.
 */
export async function main(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  output: CliOutput,
  run: PlaygroundRun = { stopRequested: stopSignal() },
): Promise<number> {
  let args: Arguments | 'help';
  try {
    args = parseArguments(argv);
  } catch (error) {
    output.err(`playground: ${(error as Error).message}\n\n${PLAYGROUND_USAGE}\n`);
    return 2;
  }
  if (args === 'help') {
    output.out(`${PLAYGROUND_USAGE}\n`);
    return 0;
  }
  if (env.MicrosoftAppId?.trim()) {
    output.err(
      'The Agents Playground is for local mode, but MicrosoftAppId is set (in the environment or .env): unset it to use the Playground.\n',
    );
    return 1;
  }

  let bot: RunningBot | undefined;
  let playground: RunningPlayground | undefined;
  try {
    const config = loadConfig(env);
    // A typo in --as or a broken agents file is reported before anything starts.
    const agents = await readLocalAgents(config.localAgentsFile);
    playgroundConfigFor(agents, chooseAgent(agents, args.as));

    const { port, started } = await ensureBot(config, output);
    bot = started;
    playground = await startPlayground({
      botEndpoint: `http://127.0.0.1:${port}/api/messages`,
      port: args.port ?? defaultPlaygroundPort,
      ...(args.as ? { as: args.as } : {}),
      ...(config.localAgentsFile ? { agentsFile: config.localAgentsFile } : {}),
      env,
      onError: (text) => output.err(text),
    });
    const roles = playground.agent.roles.map((role) => say(roleNameKey(role))).join(', ') || 'no roles';
    output.out(
      [
        `Agents Playground: ${playground.url} (a Teams-like client on the msteams channel)`,
        `You are ${playground.agent.name} (${roles}); the mock users' roles are in docs/playground.md.`,
        'Press Ctrl+C to stop.',
        '',
      ].join('\n'),
    );
    if (args.browser && hasDisplay(env)) openInBrowser(playground.url, env);

    const ended = await Promise.race([
      run.stopRequested.then(() => 'stop' as const),
      playground.exited.then(() => 'exited' as const),
    ]);
    if (ended === 'exited') {
      output.err('The Agents Playground stopped unexpectedly.\n');
      return 1;
    }
    return 0;
  } catch (error) {
    output.err(`${oneLine(describeError(error))}\n`);
    return 1;
  } finally {
    await playground?.stop();
    await bot?.stop();
  }
}

/** The bot on PORT: the one already running there, or a new one in this process (PORT=0: a free port). */
async function ensureBot(config: Config, output: CliOutput): Promise<{ port: number; started?: RunningBot }> {
  const use = config.port === 0 ? 'free' : await whoListensOn(config.port);
  if (use === 'other') {
    throw new PortTakenError(
      `Port ${config.port} is taken by something that is not this bot; set PORT to a free port.`,
    );
  }
  if (use === 'bot') {
    output.out(`Using the bot already running on port ${config.port}.\n`);
    return { port: config.port };
  }
  const started = await startBot(config, createLogger(config.logLevel));
  output.out(`Bot listening at ${started.messagesUrl}\n`);
  return { port: started.port, started };
}

/** Problems the user can fix are told as they are; anything else is marked as an error. */
function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const known = [
    ConfigError,
    LocalAgentsFileError,
    PlaygroundConfigError,
    PlaygroundStartError,
    PortTakenError,
  ];
  return known.some((type) => error instanceof type) ? message : `Error: ${message}`;
}

function parseArguments(argv: readonly string[]): Arguments | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        as: { type: 'string' },
        port: { type: 'string' },
        'no-browser': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values } = parsed;
  if (values.help) return 'help';
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port <= 65535)) {
    throw new UsageError(`--port must be a whole number from 0 to 65535 (got "${values.port}").`);
  }
  return {
    ...(values.as ? { as: values.as } : {}),
    ...(port !== undefined ? { port } : {}),
    browser: !values['no-browser'],
  };
}

/** Ctrl+C (SIGINT) or SIGTERM; another one while stopping is ignored, as the bot's own handler does. */
function stopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    process.on('SIGINT', () => resolve('SIGINT'));
    process.on('SIGTERM', () => resolve('SIGTERM'));
  });
}

if (require.main === module) runCommandLine(main);
