import { existsSync } from 'node:fs';
import path from 'node:path';
import { LocalAgentRoles, loadLocalAgentsFile, type LocalAgentsFile } from '../../dialogs/localAgents';

const fileName = 'localAgents.json';

/**
 * bot/playground/localAgents.json: tsc does not copy it into dist/, so the compiled bot finds it next
 * to the sources; the first candidate that exists wins.
 */
export function defaultLocalAgentsFile(): string {
  const candidates = [
    path.join(__dirname, fileName),
    path.resolve(__dirname, '..', '..', '..', 'bot', 'playground', fileName),
  ];
  return candidates.find((candidate) => existsSync(candidate)) ?? candidates[0]!;
}

export function readLocalAgents(filePath = defaultLocalAgentsFile()): Promise<LocalAgentsFile> {
  return loadLocalAgentsFile(filePath);
}

/** The roles the bot gives the local agents; LOCAL_AGENTS_FILE, or the file in this folder. */
export async function loadLocalAgentRoles(filePath?: string): Promise<LocalAgentRoles> {
  return new LocalAgentRoles((await readLocalAgents(filePath)).agents);
}
