import {
  LocalAgentRoles,
  loadLocalAgentsFile,
  parseLocalAgentsFile,
  type LocalAgentsFile,
} from '../../dialogs/localAgents';
// Imported, not read from disk, so that the build carries it wherever dist/ goes (a deployment zip too).
import shipped from './localAgents.json';

/** LOCAL_AGENTS_FILE when given, otherwise bot/playground/localAgents.json as shipped with the build. */
export function readLocalAgents(filePath?: string): Promise<LocalAgentsFile> {
  if (filePath) return loadLocalAgentsFile(filePath);
  return Promise.resolve(parseLocalAgentsFile(JSON.stringify(shipped), 'bot/playground/localAgents.json'));
}

/** The roles the bot gives the local agents; LOCAL_AGENTS_FILE, or the file in this folder. */
export async function loadLocalAgentRoles(filePath?: string): Promise<LocalAgentRoles> {
  return new LocalAgentRoles((await readLocalAgents(filePath)).agents);
}
