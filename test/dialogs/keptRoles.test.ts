import { TestAdapter, TurnContext, type Activity } from 'botbuilder';
import { createAgentResolver, type AgentResolver } from '../../dialogs/agentResolver';
import { RoleDirectory } from '../../services/roles/roleDirectory';
import { startServiceHarness, type ServiceHarness } from '../harness/serviceHarness';

/**
 * An instance keeps the roles it read of an agent for the turns that only show or check a step;
 * what a role permits (a submit, a manager's command) asks for them current.
 */
describe("the agent's roles an instance keeps", () => {
  let harness: ServiceHarness;
  let directory: RoleDirectory;
  let reads: jest.SpyInstance;
  let clock: number;
  let resolve: AgentResolver;
  let agentId: string;
  let counter = 0;

  beforeAll(async () => {
    harness = await startServiceHarness();
    directory = RoleDirectory.forDatabase(harness.database);
  });
  afterAll(async () => {
    await harness?.stop();
  });
  beforeEach(() => {
    counter += 1;
    agentId = `0a1b2c3d-0000-4000-8000-${String(counter).padStart(12, '0')}`;
    clock = 1_000_000;
    reads?.mockRestore();
    reads = jest.spyOn(directory, 'rolesOf');
    resolve = createAgentResolver(directory, undefined, undefined, {
      rolesMaxAgeMs: 60_000,
      clock: () => clock,
    });
  });

  /** A new turn of the agent, as Teams sends it. */
  const turn = () =>
    new TurnContext(new TestAdapter(), {
      type: 'message',
      channelId: 'msteams',
      from: { id: `29:${agentId}`, name: 'Anna', aadObjectId: agentId },
      conversation: { id: `a:${agentId}`, isGroup: false, conversationType: 'personal', name: '' },
    } as Partial<Activity>);

  it('reads an agent with roles once for the turns of a flow', async () => {
    await directory.assign(agentId, ['salesAgent'], { by: 'test' });
    for (let index = 0; index < 4; index += 1) {
      expect((await resolve(turn())).roles).toEqual(['salesAgent']);
    }
    expect(reads).toHaveBeenCalledTimes(1);
  });

  it('reads them again for what a role permits, and a role taken away counts there at once', async () => {
    await directory.assign(agentId, ['salesAgent'], { by: 'test' });
    expect((await resolve(turn())).roles).toEqual(['salesAgent']);
    await directory.assign(agentId, [], { by: 'test' });
    expect((await resolve(turn())).roles).toEqual(['salesAgent']);
    expect((await resolve(turn(), { current: true })).roles).toEqual([]);
    // Nothing is kept of an agent without roles: the next turn reads again.
    expect((await resolve(turn())).roles).toEqual([]);
    expect(reads).toHaveBeenCalledTimes(3);
  });

  it('lets a role taken away count on every turn once the kept roles are older than their maximum age', async () => {
    await directory.assign(agentId, ['salesAgent', 'manager'], { by: 'test' });
    expect((await resolve(turn())).roles).toEqual(['salesAgent', 'manager']);
    await directory.remove(agentId, 'manager', { by: 'test' });
    clock += 60_000;
    expect((await resolve(turn())).roles).toEqual(['salesAgent', 'manager']);
    clock += 1;
    expect((await resolve(turn())).roles).toEqual(['salesAgent']);
  });

  it('never keeps the absence of roles, so a role just granted counts at the next turn', async () => {
    expect((await resolve(turn())).roles).toEqual([]);
    await directory.assign(agentId, ['salesAgent'], { by: 'test' });
    expect((await resolve(turn())).roles).toEqual(['salesAgent']);
  });

  it('reads once per turn, and once more only when a step needs the roles current after another did not', async () => {
    await directory.assign(agentId, ['salesAgent'], { by: 'test' });
    const context = turn();
    await resolve(context);
    await resolve(context);
    expect(reads).toHaveBeenCalledTimes(1);
    await resolve(context, { current: true });
    await resolve(context, { current: true });
    await resolve(context);
    expect(reads).toHaveBeenCalledTimes(2);
  });
});
