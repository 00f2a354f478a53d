import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { LocalAgentEntry } from '../../dialogs/localAgents';
import { readLocalAgents } from './localAgentsFile';
import {
  chooseAgent,
  playgroundConfigFor,
  playgroundConfigText,
  type PlaygroundConfig,
} from './playgroundConfig';
import { startPlaygroundProcess } from './playgroundProcess';

/** The Playground's own default port. */
export const defaultPlaygroundPort = 56150;

export interface PlaygroundOptions {
  /** The bot's messaging endpoint, e.g. http://127.0.0.1:3978/api/messages */
  botEndpoint: string;
  /** Which local agent to be: a name, a first name or an object id; the file's first agent by default. */
  as?: string;
  /** The port of the Playground's page; 0 picks a free one. */
  port?: number;
  /** LOCAL_AGENTS_FILE; the shipped bot/playground/localAgents.json by default. */
  agentsFile?: string;
  env?: NodeJS.ProcessEnv;
  nodeOptions?: readonly string[];
  onError?: (text: string) => void;
}

export interface RunningPlayground {
  url: string;
  /** Who the Playground's user is. */
  agent: LocalAgentEntry;
  config: PlaygroundConfig;
  exited: Promise<number | null>;
  /** Ends the Playground and removes its temporary folder (config and log). */
  stop(): Promise<void>;
}

/**
 * Starts the Microsoft 365 Agents Playground as a Teams client of the bot, acting as one local agent,
 * with its telemetry off and without opening a browser. What `npm run playground` and the tests use.
 */
export async function startPlayground(options: PlaygroundOptions): Promise<RunningPlayground> {
  const agents = await readLocalAgents(options.agentsFile);
  const agent = chooseAgent(agents, options.as);
  const config = playgroundConfigFor(agents, agent);
  const folder = await mkdtemp(path.join(os.tmpdir(), 'agents-playground-'));
  try {
    const configPath = path.join(folder, '.m365agentsplayground.yml');
    await writeFile(configPath, playgroundConfigText(config));
    const playground = await startPlaygroundProcess({
      botEndpoint: options.botEndpoint,
      port: options.port ?? defaultPlaygroundPort,
      configPath,
      logFile: path.join(folder, 'm365agentsplayground.log'),
      ...(options.env ? { env: options.env } : {}),
      ...(options.nodeOptions ? { nodeOptions: options.nodeOptions } : {}),
      ...(options.onError ? { onError: options.onError } : {}),
    });
    return {
      url: playground.url,
      agent,
      config,
      exited: playground.exited,
      async stop() {
        await playground.stop();
        await rm(folder, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
}
