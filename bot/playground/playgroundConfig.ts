import type { LocalAgentEntry, LocalAgentsFile } from '../../dialogs/localAgents';

/** A user as the Playground's config file describes one ("userPrincipleName" is its spelling). */
interface PlaygroundUser {
  id: string;
  name: string;
  userPrincipleName: string;
  aadObjectId: string;
  givenName: string;
  surname: string;
  email: string;
}

/** The Playground's config file, version 0.1.1: its chats, team and users (mock data only). */
export interface PlaygroundConfig {
  version: '0.1.1';
  tenantId: string;
  bot: { id: string; name: string };
  currentUser: PlaygroundUser;
  users: PlaygroundUser[];
  personalChat: { id: string };
  groupChat: { id: string; name: string };
  team: { id: string; name: string; aadGroupId: string; channels: { id: string; name: string }[] };
}

/** Its schema wants the current user and exactly five others. */
export const PLAYGROUND_USER_COUNT = 6;

export const playgroundBot = { id: '28:customer-onboarding', name: 'Customer onboarding' };

/**
 * Fixed ids, so that two Playgrounds (two agents, `--as`) talk in the same group chat and team, as two
 * people do in Teams. Shaped like Teams ids; the tenant is the Playground's own mock tenant.
 */
export const playgroundChats = {
  tenantId: '00000000-0000-0000-0000-0000000000001',
  groupChat: { id: '19:playground-sales-team@thread.v2', name: 'Sales team' },
  team: {
    id: '19:playground-general@thread.tacv2',
    name: 'Contoso Sales',
    aadGroupId: '00000000-0000-0000-0000-000000000031',
    channels: [{ id: '19:playground-new-customers@thread.tacv2', name: 'New customers' }],
  },
} as const;

export class PlaygroundConfigError extends Error {
  override name = 'PlaygroundConfigError';
}

/**
 * The agent to act as: by full name, first name or object id, in any case; the file's first agent
 * when none is asked for.
 */
export function chooseAgent(file: LocalAgentsFile, wanted?: string): LocalAgentEntry {
  if (!wanted) return file.agents[0]!;
  const key = wanted.trim().toLowerCase();
  const found = file.agents.find(
    (agent) =>
      agent.name.toLowerCase() === key ||
      agent.name.split(/\s+/)[0]!.toLowerCase() === key ||
      agent.aadObjectId.toLowerCase() === key,
  );
  if (!found) {
    const names = file.agents.map((agent) => agent.name).join(', ');
    throw new PlaygroundConfigError(`No local agent is called "${wanted}"; choose one of: ${names}.`);
  }
  return found;
}

/** The Playground's config for acting as `current`; every other local agent is in the chats too. */
export function playgroundConfigFor(file: LocalAgentsFile, current: LocalAgentEntry): PlaygroundConfig {
  if (file.agents.length !== PLAYGROUND_USER_COUNT) {
    throw new PlaygroundConfigError(
      `The Agents Playground needs exactly ${PLAYGROUND_USER_COUNT} mock users; the local agents file lists ${file.agents.length}.`,
    );
  }
  const users = file.agents.map((agent, index) => playgroundUser(agent, index));
  const currentIndex = file.agents.indexOf(current);
  return {
    version: '0.1.1',
    tenantId: playgroundChats.tenantId,
    bot: { ...playgroundBot },
    currentUser: users[currentIndex]!,
    users: users.filter((_, index) => index !== currentIndex),
    // In Teams a personal chat lasts: one per agent, so a draft survives a restart.
    personalChat: { id: `a:playground-personal-${currentIndex}` },
    groupChat: { ...playgroundChats.groupChat },
    team: {
      ...playgroundChats.team,
      channels: playgroundChats.team.channels.map((channel) => ({ ...channel })),
    },
  };
}

function playgroundUser(agent: LocalAgentEntry, index: number): PlaygroundUser {
  const [givenName = agent.name, ...rest] = agent.name.split(/\s+/);
  return {
    // The Playground's own ids for its mock users: user-id-0 to user-id-5.
    id: `user-id-${index}`,
    name: agent.name,
    userPrincipleName: agent.userPrincipalName,
    aadObjectId: agent.aadObjectId,
    givenName,
    surname: rest.join(' ') || agent.name,
    email: agent.userPrincipalName,
  };
}

/** YAML 1.2 reads JSON, so the config is written as JSON into the file the Playground reads as YAML. */
export function playgroundConfigText(config: PlaygroundConfig): string {
  return `${JSON.stringify(config, null, 2)}\n`;
}
