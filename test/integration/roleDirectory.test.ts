import type { Container } from '@azure/cosmos';
import { containerDefinitions, ensureContainers } from '../../services/cosmos/containers';
import { createCosmosAccess, type CosmosAccess } from '../../services/cosmos/cosmosClientFactory';
import { startEmbeddedCosmos, type EmbeddedCosmos } from '../../services/cosmos/embeddedCosmos';
import {
  RoleDirectory,
  RoleDirectoryError,
  UnknownRoleError,
  parseRole,
} from '../../services/roles/roleDirectory';

const ada = '6f1c2a4e-0b7d-4c55-9a1e-3d2f8b7c6a01';
const grace = '0a9e8d7c-6b5a-4f3e-8d2c-1b0a9f8e7d02';
const alan = 'c3d4e5f6-a7b8-4c9d-8e0f-a1b2c3d4e503';

describe('the role directory in Cosmos DB', () => {
  let cosmos: EmbeddedCosmos;
  let access: CosmosAccess;
  let container: Container;
  let directory: RoleDirectory;
  let clock: Date;

  beforeAll(async () => {
    cosmos = await startEmbeddedCosmos();
    access = createCosmosAccess({ endpoint: cosmos.endpoint, key: 'any' });
    const { database } = await access.client.databases.createIfNotExists({ id: 'roles' });
    await ensureContainers(database);
    container = database.container(containerDefinitions.agentRoles.id);
    clock = new Date('2025-07-01T09:00:00.000Z');
    directory = new RoleDirectory(container, { now: () => clock });
  });
  afterAll(async () => {
    access.dispose();
    await cosmos.stop();
  });

  it('gives an agent it does not know no roles', async () => {
    expect(await directory.rolesOf('99999999-9999-4999-8999-999999999999')).toEqual([]);
    expect(await directory.entry('99999999-9999-4999-8999-999999999999')).toBeUndefined();
  });

  it('assigns roles, replacing the ones the agent had, and records who did it', async () => {
    await directory.assign(ada, ['manager'], { by: 'setup', displayName: 'Ada Lovelace' });
    clock = new Date('2025-07-01T10:00:00.000Z');
    const entry = await directory.assign(ada, ['salesAgent', 'adminAgent', 'salesAgent'], { by: grace });

    expect(entry).toEqual({
      id: ada,
      displayName: 'Ada Lovelace',
      roles: ['adminAgent', 'salesAgent'],
      updatedAt: '2025-07-01T10:00:00.000Z',
      updatedBy: grace,
    });
    expect(await directory.rolesOf(ada)).toEqual(['adminAgent', 'salesAgent']);
    const { resource } = await container.item(ada, ada).read();
    expect(resource).toMatchObject({ id: ada, roles: ['adminAgent', 'salesAgent'], updatedBy: grace });
  });

  it('adds and removes one role at a time', async () => {
    await directory.add(grace, 'manager', { by: 'setup', displayName: 'Grace Hopper' });
    await directory.add(grace, 'globalAdmin', { by: 'setup' });
    expect(await directory.rolesOf(grace)).toEqual(['globalAdmin', 'manager']);

    await directory.remove(grace, 'manager', { by: 'setup' });
    expect(await directory.entry(grace)).toMatchObject({
      displayName: 'Grace Hopper',
      roles: ['globalAdmin'],
    });

    await directory.remove(grace, 'globalAdmin', { by: 'setup' });
    expect(await directory.rolesOf(grace)).toEqual([]);
  });

  it('treats an object id in capitals as the same agent', async () => {
    await directory.assign(alan.toUpperCase(), ['userManagementAdmin'], { by: 'setup' });
    expect(await directory.rolesOf(alan)).toEqual(['userManagementAdmin']);
  });

  it('does not write when a change changes nothing', async () => {
    const before = await directory.add(ada, 'salesAgent', { by: 'someone' });
    clock = new Date('2025-07-02T10:00:00.000Z');
    const after = await directory.add(ada, 'salesAgent', { by: 'someone else' });
    expect(after).toEqual(before);
  });

  it('lists every agent by display name, then by id', async () => {
    const listed = await directory.list();
    expect(listed.map((entry) => entry.displayName ?? entry.id)).toEqual([
      'Ada Lovelace',
      alan,
      'Grace Hopper',
    ]);
    expect(listed[0]).toMatchObject({ id: ada, roles: ['adminAgent', 'salesAgent'] });
  });

  it('refuses an unknown role with the list of valid ones, and changes nothing', async () => {
    const attempt = directory.assign(ada, ['salesAgent', 'superUser'], { by: 'setup' });
    await expect(attempt).rejects.toThrow(UnknownRoleError);
    await expect(attempt).rejects.toThrow(
      'Unknown role "superUser". Valid roles: globalAdmin, userManagementAdmin, adminAgent, salesAgent, manager.',
    );
    await expect(directory.add(ada, 'admin', { by: 'setup' })).rejects.toThrow(UnknownRoleError);
    expect(await directory.rolesOf(ada)).toEqual(['adminAgent', 'salesAgent']);
  });

  it('accepts a role name typed in another case', () => {
    expect(parseRole(' SalesAgent ')).toBe('salesAgent');
  });

  it('refuses an id Cosmos DB cannot hold and a change without its author', async () => {
    await expect(directory.add('a/b', 'manager', { by: 'setup' })).rejects.toThrow(RoleDirectoryError);
    await expect(directory.add(ada, 'manager', { by: ' ' })).rejects.toThrow(/who makes the change/);
  });

  it('keeps both roles when two people add one to a new agent at the same moment', async () => {
    const agent = '11111111-2222-4333-8444-555555555555';
    await Promise.all([
      directory.add(agent, 'salesAgent', { by: 'first' }),
      directory.add(agent, 'manager', { by: 'second' }),
    ]);
    expect(await directory.rolesOf(agent)).toEqual(['salesAgent', 'manager']);
  });

  it('keeps both roles when two people add one to a known agent at the same moment', async () => {
    const agent = '11111111-2222-4333-8444-666666666666';
    await directory.assign(agent, ['adminAgent'], { by: 'setup' });
    // Hold the first two reads until both have answered, so both callers start from the same etag.
    const realItem = container.item.bind(container);
    let reads = 0;
    let release = () => {};
    const bothRead = new Promise<void>((resolve) => (release = resolve));
    const itemCalls = jest.spyOn(container, 'item').mockImplementation((id, partitionKey) => {
      const item = realItem(id, partitionKey);
      const read = item.read.bind(item);
      jest.spyOn(item, 'read').mockImplementation(async (options) => {
        const response = await read(options);
        reads += 1;
        if (reads === 2) release();
        if (reads <= 2) await bothRead;
        return response;
      });
      return item;
    });
    try {
      await Promise.all([
        directory.add(agent, 'globalAdmin', { by: 'first' }),
        directory.add(agent, 'manager', { by: 'second' }),
      ]);
      // Two reads and two replaces, one of which met a changed etag (412): a third read and replace.
      expect(itemCalls).toHaveBeenCalledTimes(6);
    } finally {
      itemCalls.mockRestore();
    }
    expect(await directory.rolesOf(agent)).toEqual(['globalAdmin', 'adminAgent', 'manager']);
  });

  it('repairs a stored entry that breaks the schema by assigning again', async () => {
    const agent = '11111111-2222-4333-8444-777777777777';
    await container.items.upsert({ id: agent, roles: ['wizard'], updatedAt: 'x', updatedBy: 'y' });
    await expect(directory.rolesOf(agent)).rejects.toThrow(/stored roles of agent .* are not valid/);
    await directory.assign(agent, ['salesAgent'], { by: 'setup' });
    expect(await directory.rolesOf(agent)).toEqual(['salesAgent']);
  });
});
