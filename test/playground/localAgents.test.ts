import { TestAdapter, TurnContext, type Activity } from 'botbuilder';
import { parseLocalAgentsFile, readLocalAgents } from '../../bot/playground/localAgentsFile';
import { createAgentResolver, type LocalAgent } from '../../dialogs/agentResolver';
import { LocalAgentRoles, LocalAgentsFileError } from '../../dialogs/localAgents';
import { RoleDirectory } from '../../services/roles/roleDirectory';
import { startServiceHarness, type ServiceHarness } from '../harness/serviceHarness';
import { startTestBot } from '../harness/testBot';

const alex = '00000000-0000-0000-0000-0000000000020';
const isaiah = '00000000-0000-0000-0000-0000000000023';
const lynne = '00000000-0000-0000-0000-0000000000025';
const stranger = '5f0c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b';
const localAgent: LocalAgent = { id: 'local-agent', name: 'Local Agent', roles: ['salesAgent'] };

describe('the local agents file (bot/playground/localAgents.json)', () => {
  it('lists the six Agents Playground mock users with roles, first Alex Wilber, a Sales agent', async () => {
    const { agents } = await readLocalAgents();
    expect(agents).toHaveLength(6);
    expect(agents[0]).toMatchObject({ name: 'Alex Wilber', aadObjectId: alex, roles: ['salesAgent'] });
    // Someone who may not add customers, so the refusal can be tried.
    expect(agents.some((agent) => agent.roles.length === 0)).toBe(true);
    expect(agents.find((agent) => agent.aadObjectId === isaiah)?.roles).toEqual(['manager']);
  });

  it.each([
    ['not JSON', '{', /is not JSON/],
    ['an unknown role', agentsJson([{ roles: ['superuser'] }]), /roles/],
    ['a role twice', agentsJson([{ roles: ['salesAgent', 'salesAgent'] }]), /lists a role twice/],
    ['an object id twice', agentsJson([{}, {}]), /is listed twice/],
    ['a field it does not know', agentsJson([{ role: 'salesAgent' }]), /role/],
    ['no agents', JSON.stringify({ agents: [] }), /agents/],
  ])('refuses a file with %s, naming the file', (_case, text, message) => {
    expect(() => parseLocalAgentsFile(text, 'agents.json')).toThrow(LocalAgentsFileError);
    expect(() => parseLocalAgentsFile(text, 'agents.json')).toThrow(/^agents\.json /);
    expect(() => parseLocalAgentsFile(text, 'agents.json')).toThrow(message);
  });
});

describe('the agent resolver in local mode', () => {
  let harness: ServiceHarness;
  let directory: RoleDirectory;
  let fileRoles: LocalAgentRoles;

  beforeAll(async () => {
    harness = await startServiceHarness();
    directory = RoleDirectory.forDatabase(harness.database);
    fileRoles = new LocalAgentRoles((await readLocalAgents()).agents);
  });
  afterAll(async () => {
    await harness?.stop();
  });

  async function rolesOf(aadObjectId: string, localAgents: LocalAgentRoles | undefined) {
    const resolve = createAgentResolver(directory, localAgent, localAgents);
    const activity: Partial<Activity> = {
      type: 'message',
      channelId: 'emulator',
      from: { id: `user-${aadObjectId}`, name: 'Someone', aadObjectId },
      conversation: { id: 'conversation', isGroup: false, conversationType: 'personal', name: '' },
    };
    return (await resolve(new TurnContext(new TestAdapter(), activity))).roles;
  }

  it('gives a mock user the roles the file lists, whatever the case of the object id', async () => {
    await expect(rolesOf(alex, fileRoles)).resolves.toEqual(['salesAgent']);
    await expect(rolesOf(isaiah.toUpperCase(), fileRoles)).resolves.toEqual(['manager']);
    await expect(rolesOf(lynne, fileRoles)).resolves.toEqual([]);
  });

  it('gives an object id the file does not list no roles, as in Teams', async () => {
    await expect(rolesOf(stranger, fileRoles)).resolves.toEqual([]);
  });

  it('lets an entry in the role directory win over the file, also one with no roles', async () => {
    await directory.assign(lynne, ['adminAgent'], { by: 'test' });
    await directory.assign(isaiah, [], { by: 'test' });
    await expect(rolesOf(lynne, fileRoles)).resolves.toEqual(['adminAgent']);
    await expect(rolesOf(isaiah, fileRoles)).resolves.toEqual([]);
  });

  it('without the file (as with an app id) the role directory alone answers', async () => {
    await expect(rolesOf(alex, undefined)).resolves.toEqual([]);
  });
});

describe('start-up', () => {
  const missing = '/nonexistent/localAgents.json';

  it('in local mode reads LOCAL_AGENTS_FILE, and a file that cannot be read stops start-up', async () => {
    await expect(startTestBot({ LOCAL_AGENTS_FILE: missing })).rejects.toThrow(`${missing} cannot be read`);
  });

  it('with an app id does not read it: nothing of the local agents applies', async () => {
    const bot = await startTestBot({
      LOCAL_AGENTS_FILE: missing,
      MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
      MicrosoftAppPassword: 'not-a-real-secret',
      MicrosoftAppTenantId: '00000000-0000-0000-0000-000000000002',
    });
    await bot.stop();
  });
});

/** A local agents file with Alex Wilber's entry changed by each override. */
function agentsJson(overrides: Record<string, unknown>[]): string {
  const base = { name: 'Alex Wilber', aadObjectId: alex, userPrincipalName: 'alexw@example.com', roles: [] };
  return JSON.stringify({ agents: overrides.map((override) => ({ ...base, ...override })) });
}
