import { z } from 'zod';
import { roleSchema, type Role } from '../services/roles/permissions';

/**
 * One mock user of the Microsoft 365 Agents Playground and the roles the bot gives them in local
 * mode. The Playground's own ids are not GUIDs ("00000000-0000-0000-0000-0000000000020"), so any
 * non-blank text is accepted as an object id.
 */
const localAgentSchema = z.strictObject({
  name: z.string().trim().min(1).max(256),
  aadObjectId: z.string().trim().min(1).max(255),
  userPrincipalName: z.email(),
  roles: z.array(roleSchema).refine((roles) => new Set(roles).size === roles.length, {
    error: 'lists a role twice',
  }),
});

export const localAgentsFileSchema = z
  .strictObject({
    $comment: z.string().optional(),
    agents: z.array(localAgentSchema).min(1),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.agents.forEach((agent, index) => {
      const key = agent.aadObjectId.toLowerCase();
      if (seen.has(key)) {
        ctx.addIssue({
          code: 'custom',
          path: ['agents', index, 'aadObjectId'],
          message: `${agent.aadObjectId} is listed twice`,
        });
      }
      seen.add(key);
    });
  });

export type LocalAgentsFile = z.infer<typeof localAgentsFileSchema>;
export type LocalAgentEntry = LocalAgentsFile['agents'][number];

export class LocalAgentsFileError extends Error {
  override name = 'LocalAgentsFileError';
}

/**
 * The roles of the local agents by Microsoft Entra object id: what the bot falls back on in local
 * mode for an agent the role directory does not know.
 */
export class LocalAgentRoles {
  private readonly byObjectId: ReadonlyMap<string, readonly Role[]>;

  constructor(private readonly agents: readonly LocalAgentEntry[]) {
    this.byObjectId = new Map(agents.map((agent) => [agent.aadObjectId.toLowerCase(), agent.roles]));
  }

  /** The local agents who hold `role`, by object id and name. */
  withRole(role: Role): { id: string; displayName: string }[] {
    return this.agents
      .filter((agent) => agent.roles.includes(role))
      .map((agent) => ({ id: agent.aadObjectId.toLowerCase(), displayName: agent.name }));
  }

  /** The agent's roles, or undefined for an object id the file does not list. */
  rolesOf(aadObjectId: string): readonly Role[] | undefined {
    return this.byObjectId.get(aadObjectId.trim().toLowerCase());
  }
}
