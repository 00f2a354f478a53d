import os from 'node:os';
import {
  RoleDirectory,
  RoleDirectoryError,
  normaliseRoles,
  parseAgentId,
} from '../../services/roles/roleDirectory';
import { ConfigError, loadConfig } from '../config';
import { CliStoreError, openCliStore } from './cliStore';
import { oneLine, runCommandLine, type CliOutput } from './commandLine';
import { ROLES_USAGE, UsageError, parseRolesArguments, runRolesCommand } from './rolesCommand';

/**
 * `npm run roles -- <command>`: lists and changes which roles agents have, in the same store the bot
 * uses, whether or not the bot is running. Exit codes: 0 done, 1 error (one line on stderr),
 * 2 bad usage (the problem and the usage text on stderr).
 */
export async function main(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  output: CliOutput,
): Promise<number> {
  let command;
  try {
    command = parseRolesArguments(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    output.err(`roles: ${error.message}\n\n${ROLES_USAGE}\n`);
    return 2;
  }
  if (command.kind === 'help') {
    output.out(`${ROLES_USAGE}\n`);
    return 0;
  }

  try {
    // A typo in a role or an id is refused before any store is opened or started.
    if (command.kind !== 'list') {
      parseAgentId(command.agentId);
      normaliseRoles(command.kind === 'assign' ? command.roles : [command.role]);
    }
    const config = loadConfig(env);
    const store = await openCliStore(config.cosmos);
    try {
      const directory = RoleDirectory.forDatabase(store.database);
      const result = await runRolesCommand(command, directory, operator(env));
      output.out(`${result}\nStore: ${store.description}\n`);
    } finally {
      await store.close();
    }
    return 0;
  } catch (error) {
    output.err(`${oneLine(describeError(error))}\n`);
    return 1;
  }
}

/** Recorded as updatedBy: who changed roles from the command line, and where. */
function operator(env: NodeJS.ProcessEnv): string {
  let user: string | undefined;
  try {
    user = os.userInfo().username;
  } catch {
    user = env.USER ?? env.USERNAME;
  }
  return `cli:${user || 'unknown'}@${os.hostname()}`;
}

function describeError(error: unknown): string {
  if (error instanceof ConfigError || error instanceof CliStoreError || error instanceof RoleDirectoryError) {
    return error.message;
  }
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 401) return 'Cosmos DB refused the credentials (401): check COSMOS_KEY.';
  if (code === 403) {
    return (
      'Cosmos DB refused access (403): the identity needs the Cosmos DB Built-in Data Contributor ' +
      'role on the account, or set COSMOS_KEY.'
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'ENOTFOUND' || code === 'ECONNREFUSED' || code === 'ETIMEDOUT') {
    return `Cannot reach Cosmos DB: ${message}`;
  }
  return `Error: ${message}`;
}

if (require.main === module) runCommandLine(main);
