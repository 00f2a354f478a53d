import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import {
  LocalAgentRoles,
  LocalAgentsFileError,
  localAgentsFileSchema,
  type LocalAgentsFile,
} from '../../dialogs/localAgents';
// Imported, not read from disk, so that the build carries it wherever dist/ goes (a deployment zip too).
import shipped from './localAgents.json';

/** Checks a local agents file's content; every problem is named with its place in the file. */
function parseLocalAgents(value: unknown, source: string): LocalAgentsFile {
  const result = localAgentsFileSchema.safeParse(value);
  if (!result.success) {
    throw new LocalAgentsFileError(
      `${source} cannot be used: ${z.prettifyError(result.error).replace(/\n/g, ' ')}`,
    );
  }
  return result.data;
}

/** Parses a local agents file's text. */
export function parseLocalAgentsFile(text: string, source: string): LocalAgentsFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new LocalAgentsFileError(`${source} is not JSON: ${(error as Error).message}`);
  }
  return parseLocalAgents(json, source);
}

/** LOCAL_AGENTS_FILE when given, otherwise bot/playground/localAgents.json as shipped with the build. */
export async function readLocalAgents(filePath?: string): Promise<LocalAgentsFile> {
  if (!filePath) return parseLocalAgents(shipped, 'bot/playground/localAgents.json');
  let text: string;
  try {
    text = await readFile(filePath, 'utf8');
  } catch (error) {
    throw new LocalAgentsFileError(`${filePath} cannot be read: ${(error as Error).message}`);
  }
  return parseLocalAgentsFile(text, filePath);
}

/** The roles the bot gives the local agents; LOCAL_AGENTS_FILE, or the file in this folder. */
export async function loadLocalAgentRoles(filePath?: string): Promise<LocalAgentRoles> {
  return new LocalAgentRoles((await readLocalAgents(filePath)).agents);
}
