import type { TurnContext } from 'botbuilder';
import { LRUCache } from 'lru-cache';
import type { AgentContext } from '../services/customers/customerService';
import { deliveryOriginSchema, type DeliveryOrigin } from '../services/notifications/deliveryAddress';
import type { Role } from '../services/roles/permissions';
import type { RoleDirectory } from '../services/roles/roleDirectory';
import { chatKind, personalAddress, tenantOf } from './activityFacts';
import { turnLocale } from './turnLanguage';
import { sayIn } from '../messages/catalogue';
import type { LocalAgentRoles } from './localAgents';
import { TeamsMembers } from './teamsMembers';

export interface ResolveOptions {
  /**
   * The roles as the role directory says them now, not as this instance last read them: for what a
   * role permits (a submit, a manager's command), where a role just taken away must already count.
   */
  current?: boolean;
}

export type AgentResolver = (context: TurnContext, options?: ResolveOptions) => Promise<AgentContext>;

export interface AgentResolverOptions {
  /**
   * How long the roles read for an agent serve the turns that only show or check a step (default 5
   * minutes). Only roles are kept, never their absence, so a role just granted counts at once.
   */
  rolesMaxAgeMs?: number;
  /** Milliseconds for that age (tests). */
  clock?: () => number;
}

const defaultRolesMaxAgeMs = 5 * 60_000;
const rolesKept = 5000;

/**
 * Who the agent is: their Microsoft Entra object id (Teams sends it as `from.aadObjectId`), the roles
 * the role directory gives them, and in Teams their name and sign-in name (`TeamsInfo.getMember`).
 * Without an Entra identity (the Emulator, local web chat) the
 * configured local agent stands in with its configured roles, but only when the bot runs without
 * an app id; otherwise such a caller has no roles. `localAgents` (local mode only) gives roles to
 * object ids the role directory has no entry for: the Agents Playground's mock users.
 */
export function createAgentResolver(
  roles: RoleDirectory,
  localAgent: LocalAgent | undefined,
  localAgents?: LocalAgentRoles,
  options: AgentResolverOptions = {},
): AgentResolver {
  const resolve = resolverFor(keptRoles(roles, localAgents, options), localAgent, new TeamsMembers());
  // Several steps ask within one turn (render, check, submit): one role lookup per turn, and one more
  // at most when a step needs the current roles after another took the kept ones.
  const turnKey = Symbol('agent');
  return (context, resolveOptions = {}) => {
    const known = context.turnState.get(turnKey) as
      { agent: Promise<AgentContext>; current: boolean } | undefined;
    const current = resolveOptions.current ?? false;
    if (known && (known.current || !current)) return known.agent;
    const agent = resolve(context, { current });
    context.turnState.set(turnKey, { agent, current });
    return agent;
  };
}

type RolesOf = (aadObjectId: string, options: ResolveOptions) => Promise<Role[]>;

/**
 * The roles of an Entra identity, kept per instance for the turns that do not need them current: an
 * agent's turns would otherwise read the directory once each.
 */
function keptRoles(
  roles: RoleDirectory,
  localAgents: LocalAgentRoles | undefined,
  options: AgentResolverOptions,
): RolesOf {
  const kept = new LRUCache<string, Role[]>({
    max: rolesKept,
    ttl: options.rolesMaxAgeMs ?? defaultRolesMaxAgeMs,
    ...(options.clock ? { perf: { now: options.clock }, ttlResolution: 0 } : {}),
  });
  // An entry in the role directory wins, so `npm run roles` works for the mock users too.
  const read = async (aadObjectId: string): Promise<Role[]> => {
    if (!localAgents) return roles.rolesOf(aadObjectId);
    const entry = await roles.entry(aadObjectId);
    return entry ? entry.roles : [...(localAgents.rolesOf(aadObjectId) ?? [])];
  };
  return async (aadObjectId, { current }) => {
    const known = current ? undefined : kept.get(aadObjectId);
    if (known) return [...known];
    const found = await read(aadObjectId);
    if (found.length > 0) kept.set(aadObjectId, found);
    else kept.delete(aadObjectId);
    return found;
  };
}

function resolverFor(
  rolesOf: RolesOf,
  localAgent: LocalAgent | undefined,
  members: TeamsMembers,
): AgentResolver {
  return async (context, options = {}) => {
    const { from, channelId } = context.activity;
    const utcOffsetMinutes = utcOffsetOf(context);
    const origin = originOf(context);
    const personalChat = chatKind(context) === 'personal' ? personalAddressOf(context) : undefined;
    const offset = {
      ...(utcOffsetMinutes !== undefined ? { utcOffsetMinutes } : {}),
      ...(origin ? { origin } : {}),
      ...(personalChat ? { personalChat } : {}),
      locale: sayIn(turnLocale(context)).writtenIn,
    };
    if (from?.aadObjectId) {
      const [agentRoles, member] = await Promise.all([
        rolesOf(from.aadObjectId, options),
        members.profileOf(context),
      ]);
      const displayName = member?.name ?? from.name;
      const actor = {
        agentId: from.aadObjectId,
        channel: channelId,
        ...(displayName ? { displayName } : {}),
        ...(member?.userPrincipalName ? { userPrincipalName: member.userPrincipalName } : {}),
      };
      return { actor, roles: agentRoles, ...offset };
    }
    if (localAgent) {
      const actor = { agentId: localAgent.id, displayName: localAgent.name, channel: channelId };
      return { actor, roles: localAgent.roles, ...offset };
    }
    return {
      actor: { agentId: `unidentified:${from?.id ?? 'anonymous'}`, channel: channelId },
      roles: [],
      ...offset,
    };
  };
}

export interface LocalAgent {
  id: string;
  name: string;
  roles: readonly Role[];
}

/**
 * The service and tenant the activity came through: where a manager's personal chat can be started.
 * Only Teams starts a personal chat with someone by their Entra object id; elsewhere (the Emulator,
 * the local web chat) a manager is reached only in a chat they opened.
 */
export function originOf(context: TurnContext): DeliveryOrigin | undefined {
  const { channelId, serviceUrl, recipient } = context.activity;
  if (channelId !== 'msteams') return undefined;
  const tenantId = tenantOf(context);
  const parsed = deliveryOriginSchema.safeParse({
    channelId,
    serviceUrl,
    ...(tenantId ? { tenantId } : {}),
    ...(recipient?.id ? { botId: recipient.id } : {}),
  });
  return parsed.success ? parsed.data : undefined;
}

/** The agent's offset from UTC, from the local timestamp the channel sends ("...+13:00"). */
export function utcOffsetOf(context: TurnContext): number | undefined {
  const activity = context.activity as { rawLocalTimestamp?: string; localTimestamp?: unknown };
  const raw =
    activity.rawLocalTimestamp ??
    (typeof activity.localTimestamp === 'string' ? activity.localTimestamp : undefined);
  const match = raw ? /([+-])(\d{2}):?(\d{2})$/.exec(raw) : null;
  if (!match) return raw?.endsWith('Z') ? 0 : undefined;
  const [, sign, hours, minutes] = match;
  return (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
}

/** This personal chat as an address, when the activity names one (a made-up test activity may not). */
function personalAddressOf(context: TurnContext) {
  try {
    return personalAddress(context);
  } catch {
    return undefined;
  }
}
