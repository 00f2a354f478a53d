import { parseArgs } from 'node:util';
import { ROLES } from '../../services/roles/permissions';
import type { AgentRolesEntry, RoleDirectory } from '../../services/roles/roleDirectory';

export const ROLES_USAGE = `Usage: npm run roles -- <command> [arguments]
   or: node dist/bot/cli/roles.js <command> [arguments]

Gives agents their roles in the onboarding bot. An agent is named by their Microsoft Entra object id.

Commands:
  list                                              every agent and their roles
  assign <objectId> <role[,role...]> [--name "Display Name"]
                                                    replace the agent's roles
  add <objectId> <role> [--name "Display Name"]     give the agent one more role
  remove <objectId> <role>                          take one role away
  help                                              this text

Roles: ${ROLES.join(', ')}

It uses the bot's configuration (environment variables, or .env in this folder): COSMOS_ENDPOINT with
COSMOS_KEY (or Microsoft Entra ID without a key), COSMOS_DATABASE. Without COSMOS_ENDPOINT it changes the
embedded store of the bot running at https://127.0.0.1:<EMBEDDED_COSMOS_PORT>/, or, when no bot runs,
the data in EMBEDDED_COSMOS_DATA_DIR.

Exit codes: 0 done, 1 error, 2 bad usage.`;

export type RolesCommand =
  | { kind: 'help' }
  | { kind: 'list' }
  | { kind: 'assign'; agentId: string; roles: string[]; displayName?: string }
  | { kind: 'add'; agentId: string; role: string; displayName?: string }
  | { kind: 'remove'; agentId: string; role: string };

/** The command line cannot be understood; the caller prints this and the usage text and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

const ARITY = { help: 0, list: 0, assign: 2, add: 2, remove: 2 } as const;
type CommandName = keyof typeof ARITY;

function isCommandName(name: string): name is CommandName {
  return Object.prototype.hasOwnProperty.call(ARITY, name);
}

export function parseRolesArguments(argv: readonly string[]): RolesCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: { name: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  const [name, ...rest] = positionals;
  if (name === undefined) throw new UsageError('no command given.');
  if (!isCommandName(name)) throw new UsageError(`unknown command "${name}".`);
  if (rest.length !== ARITY[name]) {
    throw new UsageError(
      `"${name}" takes ${ARITY[name] === 0 ? 'no arguments' : 'an object id and a role'}.`,
    );
  }
  const displayName = values.name?.trim();
  if (values.name !== undefined && name !== 'assign' && name !== 'add') {
    throw new UsageError(`--name goes with assign or add, not with ${name}.`);
  }
  if (values.name !== undefined && !displayName) throw new UsageError('--name needs a display name.');
  const named = displayName ? { displayName } : {};

  const [agentId = '', roleText = ''] = rest;
  switch (name) {
    case 'help':
    case 'list':
      return { kind: name };
    case 'assign': {
      const roles = roleText
        .split(',')
        .map((role) => role.trim())
        .filter(Boolean);
      if (roles.length === 0) throw new UsageError('assign needs at least one role.');
      return { kind: 'assign', agentId, roles, ...named };
    }
    case 'add':
      return { kind: 'add', agentId, role: roleText, ...named };
    case 'remove':
      return { kind: 'remove', agentId, role: roleText };
  }
}

/** Runs a command that needs the directory and returns what to print. */
export async function runRolesCommand(
  command: Exclude<RolesCommand, { kind: 'help' }>,
  directory: RoleDirectory,
  by: string,
): Promise<string> {
  switch (command.kind) {
    case 'list':
      return formatList(await directory.list());
    case 'assign':
      return describe(
        await directory.assign(command.agentId, command.roles, {
          by,
          ...(command.displayName ? { displayName: command.displayName } : {}),
        }),
      );
    case 'add':
      return describe(
        await directory.add(command.agentId, command.role, {
          by,
          ...(command.displayName ? { displayName: command.displayName } : {}),
        }),
      );
    case 'remove':
      return describe(await directory.remove(command.agentId, command.role, { by }));
  }
}

function rolesText(entry: AgentRolesEntry): string {
  return entry.roles.length > 0 ? entry.roles.join(', ') : '(no roles)';
}

/** "Ada Lovelace (6f1c...): salesAgent, manager" */
export function describe(entry: AgentRolesEntry): string {
  const who = entry.displayName ? `${entry.displayName} (${entry.id})` : entry.id;
  return `${who}: ${rolesText(entry)}`;
}

export function formatList(entries: readonly AgentRolesEntry[]): string {
  if (entries.length === 0) return 'No agent has a role yet.';
  const rows = [
    ['OBJECT ID', 'NAME', 'ROLES', 'UPDATED'],
    ...entries.map((entry) => [
      entry.id,
      entry.displayName ?? '',
      rolesText(entry),
      `${entry.updatedAt} by ${entry.updatedBy}`,
    ]),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows
    .map((row) =>
      row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!))).join('  '),
    )
    .join('\n');
}
