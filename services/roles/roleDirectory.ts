import type { Container, Database, ItemDefinition } from '@azure/cosmos';
import { z } from 'zod';
import { containerDefinitions } from '../cosmos/containers';
import { RosterRevision } from '../notifications/rosterRevision';
import { ROLES, roleSchema, type Role } from './permissions';

/** An agent's entry: the document in the `agentRoles` container, keyed by Microsoft Entra object id. */
export interface AgentRolesEntry {
  /** The agent's Microsoft Entra object id (lower case when it is a GUID). */
  id: string;
  displayName?: string;
  /** In the order of ROLES, each once. */
  roles: Role[];
  updatedAt: string;
  /** Who made the last change: an agent's object id, or "cli:<user>@<host>" from the command line. */
  updatedBy: string;
}

export interface RoleChange {
  /** Who makes the change, kept as `updatedBy`. */
  by: string;
  /** Sets the agent's display name; absent keeps the stored one. */
  displayName?: string;
}

export class RoleDirectoryError extends Error {
  override name = 'RoleDirectoryError';
}

/** A role name that is none of ROLES; the message lists the valid ones. */
export class UnknownRoleError extends RoleDirectoryError {
  override name = 'UnknownRoleError';
  constructor(readonly role: string) {
    super(`Unknown role "${role}". Valid roles: ${ROLES.join(', ')}.`);
  }
}

/** Someone else changed the same agent's roles at the same moment, twice in a row. */
export class ConcurrentRoleChangeError extends RoleDirectoryError {
  override name = 'ConcurrentRoleChangeError';
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Any text Cosmos DB accepts as an id; a GUID (an Entra object id) is compared in lower case. */
const AgentIdSchema = z
  .string()
  .trim()
  .min(1, 'is empty')
  .max(255, 'is longer than 255 characters')
  .regex(/^[^/\\?#]+$/, 'must not contain / \\ ? or #')
  .transform((id) => (GUID.test(id) ? id.toLowerCase() : id));

const ChangeSchema = z.object({
  by: z.string().trim().min(1, 'who makes the change is required'),
  displayName: z.string().trim().min(1).max(256).optional(),
});

const StoredEntrySchema = z.object({
  id: z.string(),
  displayName: z.string().optional(),
  roles: z.array(roleSchema),
  updatedAt: z.string(),
  updatedBy: z.string(),
});

/**
 * A role name as typed: exact ("salesAgent") or in any case ("salesagent"); anything else is refused
 * with the list of valid roles.
 */
export function parseRole(text: string): Role {
  const trimmed = text.trim();
  const exact = roleSchema.safeParse(trimmed);
  if (exact.success) return exact.data;
  const loose = roleSchema.safeParse(ROLES.find((role) => role.toLowerCase() === trimmed.toLowerCase()));
  if (loose.success) return loose.data;
  throw new UnknownRoleError(trimmed);
}

/** Each role once, in the order of ROLES. */
export function normaliseRoles(roles: readonly string[]): Role[] {
  const parsed = new Set(roles.map(parseRole));
  return ROLES.filter((role) => parsed.has(role));
}

export function parseAgentId(agentId: string): string {
  const result = AgentIdSchema.safeParse(agentId);
  if (result.success) return result.data;
  throw new RoleDirectoryError(
    `The agent's object id "${agentId}" ${result.error.issues[0]?.message ?? 'is not valid'}.`,
  );
}

interface Current {
  entry?: AgentRolesEntry;
  etag?: string;
}

/**
 * Which roles each agent has, in Cosmos DB. Every change reads the agent's document and writes it
 * back only if nobody changed it in between (IfMatch on its etag; create when there is none), and
 * tries once more on a clash, so two changes at the same moment both count.
 */
export class RoleDirectory {
  private readonly now: () => Date;
  private readonly revision: RosterRevision | undefined;

  constructor(
    private readonly container: Container,
    options: { now?: () => Date; revision?: RosterRevision } = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.revision = options.revision;
  }

  /** Every change also changes the roster's revision: the managers are who gets notified. */
  static forDatabase(database: Database, options: { now?: () => Date } = {}): RoleDirectory {
    return new RoleDirectory(database.container(containerDefinitions.agentRoles.id), {
      ...options,
      revision: RosterRevision.forDatabase(database),
    });
  }

  /** The agent's roles; none for an agent the directory does not know. One point read. */
  async rolesOf(agentId: string): Promise<Role[]> {
    return (await this.entry(agentId))?.roles ?? [];
  }

  async entry(agentId: string): Promise<AgentRolesEntry | undefined> {
    return (await this.read(parseAgentId(agentId))).entry;
  }

  /** Replaces the agent's roles (an empty list takes every role away). */
  async assign(agentId: string, roles: readonly string[], change: RoleChange): Promise<AgentRolesEntry> {
    const wanted = normaliseRoles(roles);
    return this.update(agentId, () => wanted, change, { overwriteUnreadable: true });
  }

  async add(agentId: string, role: string, change: RoleChange): Promise<AgentRolesEntry> {
    const added = parseRole(role);
    return this.update(agentId, (current) => normaliseRoles([...current, added]), change);
  }

  async remove(agentId: string, role: string, change: RoleChange): Promise<AgentRolesEntry> {
    const removed = parseRole(role);
    return this.update(agentId, (current) => current.filter((held) => held !== removed), change);
  }

  /** Every agent the directory knows, by display name (or id when there is none). */
  async list(): Promise<AgentRolesEntry[]> {
    const { resources } = await this.container.items.readAll<ItemDefinition>().fetchAll();
    return resources
      .map((resource) => parseEntry(resource))
      .sort((a, b) => {
        const byName = (a.displayName ?? a.id).localeCompare(b.displayName ?? b.id, 'en', {
          sensitivity: 'base',
        });
        return byName || a.id.localeCompare(b.id);
      });
  }

  /** Every agent who holds `role`: one query. */
  async withRole(role: Role): Promise<AgentRolesEntry[]> {
    const { resources } = await this.container.items
      .query<ItemDefinition>({
        query: 'SELECT * FROM c WHERE ARRAY_CONTAINS(c.roles, @role)',
        parameters: [{ name: '@role', value: role }],
      })
      .fetchAll();
    return resources.flatMap((resource) => {
      const parsed = StoredEntrySchema.safeParse(resource);
      return parsed.success ? [parseEntry(resource)] : [];
    });
  }

  private async read(id: string, options: { tolerateUnreadable?: boolean } = {}): Promise<Current> {
    const { resource, etag } = await this.container.item(id, id).read<ItemDefinition>();
    if (!resource) return {};
    if (options.tolerateUnreadable && !StoredEntrySchema.safeParse(resource).success) return { etag };
    return { entry: parseEntry(resource), etag };
  }

  private async update(
    agentId: string,
    nextRoles: (current: readonly Role[]) => Role[],
    change: RoleChange,
    options: { overwriteUnreadable?: boolean } = {},
  ): Promise<AgentRolesEntry> {
    const id = parseAgentId(agentId);
    const parsedChange = ChangeSchema.safeParse(change);
    if (!parsedChange.success) {
      throw new RoleDirectoryError(`The change is not valid: ${parsedChange.error.issues[0]?.message}.`);
    }
    const { by, displayName } = parsedChange.data;

    for (let attempt = 1; ; attempt += 1) {
      const current = await this.read(id, { tolerateUnreadable: options.overwriteUnreadable ?? false });
      const roles = nextRoles(current.entry?.roles ?? []);
      const name = displayName ?? current.entry?.displayName;
      if (current.entry && sameRoles(current.entry.roles, roles) && name === current.entry.displayName) {
        return current.entry;
      }
      const next: AgentRolesEntry = {
        id,
        ...(name ? { displayName: name } : {}),
        roles,
        updatedAt: this.now().toISOString(),
        updatedBy: by,
      };
      try {
        if (current.etag) {
          await this.container
            .item(id, id)
            .replace(next, { accessCondition: { type: 'IfMatch', condition: current.etag } });
        } else {
          await this.container.items.create(next);
        }
        await this.revision?.changed();
        return next;
      } catch (error) {
        // 412: changed since we read it; 409: created since we found nothing. Read again, once.
        const code = (error as { code?: unknown }).code;
        if (code !== 412 && code !== 409) throw error;
        if (attempt >= 2) {
          throw new ConcurrentRoleChangeError(
            `The roles of ${id} were changed by someone else at the same time; try again.`,
            { cause: error },
          );
        }
      }
    }
  }
}

function parseEntry(resource: ItemDefinition): AgentRolesEntry {
  const result = StoredEntrySchema.safeParse(resource);
  if (!result.success) {
    throw new RoleDirectoryError(
      `The stored roles of agent "${String(resource.id)}" are not valid ` +
        `(${z.prettifyError(result.error).replace(/\n/g, ' ')}); assign the agent's roles again to repair them.`,
      { cause: result.error },
    );
  }
  const { id, displayName, roles, updatedAt, updatedBy } = result.data;
  return { id, ...(displayName ? { displayName } : {}), roles, updatedAt, updatedBy };
}

function sameRoles(a: readonly Role[], b: readonly Role[]): boolean {
  return a.length === b.length && a.every((role, index) => role === b[index]);
}
