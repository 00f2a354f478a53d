import { CosmosDbPartitionedStorage } from 'botbuilder-azure';
import { CosmosStateStorage, StateConflictError } from '../../bot/cosmosStateStorage';
import { containerDefinitions, ensureContainers } from '../../services/cosmos/containers';
import { createCosmosAccess, type CosmosAccess } from '../../services/cosmos/cosmosClientFactory';
import { startEmbeddedCosmos, type EmbeddedCosmos } from '../../services/cosmos/embeddedCosmos';
import https from 'node:https';

describe('bot state storage on Cosmos DB', () => {
  let store: EmbeddedCosmos;
  let access: CosmosAccess;
  let ours: CosmosStateStorage;
  let agent: https.Agent;
  let theirs: CosmosDbPartitionedStorage;

  beforeAll(async () => {
    store = await startEmbeddedCosmos();
    access = createCosmosAccess({ endpoint: store.endpoint, key: 'any' });
    const { database } = await access.client.databases.createIfNotExists({ id: 'state' });
    await ensureContainers(database);
    ours = new CosmosStateStorage(database.container(containerDefinitions.botState.id));
    agent = new https.Agent({ rejectUnauthorized: false });
    theirs = new CosmosDbPartitionedStorage({
      cosmosDbEndpoint: store.endpoint,
      authKey: 'any',
      databaseId: 'state',
      containerId: containerDefinitions.botState.id,
      compatibilityMode: false,
      cosmosClientOptions: { agent, connectionPolicy: { enableEndpointDiscovery: false } },
    });
  });
  afterAll(async () => {
    access.dispose();
    agent.destroy();
    await store.stop();
  });

  it('reads what botbuilder-azure CosmosDbPartitionedStorage wrote, and the other way round', async () => {
    await theirs.write({ 'emulator/conversations/a/': { step: 'account' } });
    expect(await ours.read(['emulator/conversations/a/'])).toEqual({
      'emulator/conversations/a/': { step: 'account', eTag: expect.any(String) },
    });
    await ours.write({ 'emulator/users/b/': { language: 'nl' } });
    expect(await theirs.read(['emulator/users/b/'])).toMatchObject({
      'emulator/users/b/': { language: 'nl' },
    });
  });

  it('refuses a write based on a stale eTag, so two turns never overwrite each other silently', async () => {
    await ours.write({ k: { n: 1 } });
    const first = (await ours.read(['k'])).k as { n: number; eTag: string };
    await ours.write({ k: { ...first, n: 2 } });
    await expect(ours.write({ k: { ...first, n: 3 } })).rejects.toMatchObject({ code: 412 });
    expect((await ours.read(['k'])).k).toMatchObject({ n: 2 });
  });

  it("refuses the second of two turns that read the same state, although botbuilder writes with eTag '*'", async () => {
    await ours.write({ turns: { step: 'accountInfo' } });
    const first = (await ours.read(['turns'])).turns as Record<string, unknown>;
    const second = (await ours.read(['turns'])).turns as Record<string, unknown>;
    // What BotState.saveChanges does to the state object it read, before handing it to write.
    Object.assign(first, { step: 'mca', eTag: '*' });
    Object.assign(second, { step: 'review', eTag: '*' });
    await ours.write({ turns: first });
    await expect(ours.write({ turns: second })).rejects.toBeInstanceOf(StateConflictError);
    expect((await ours.read(['turns'])).turns).toMatchObject({ step: 'mca' });
    // The winner's next save in the same turn builds on its own write.
    Object.assign(first, { step: 'subscriptions', eTag: '*' });
    await ours.write({ turns: first });
    expect((await ours.read(['turns'])).turns).toMatchObject({ step: 'subscriptions' });
  });

  it('creates a state that was absent only once, when two first turns race', async () => {
    const one: Record<string, unknown> = { step: 'one', eTag: '*' };
    const two: Record<string, unknown> = { step: 'two', eTag: '*' };
    ours.expectAbsent(one);
    ours.expectAbsent(two);
    await ours.write({ fresh: one });
    await expect(ours.write({ fresh: two })).rejects.toBeInstanceOf(StateConflictError);
    expect((await ours.read(['fresh'])).fresh).toMatchObject({ step: 'one' });
  });

  it('answers nothing for a missing key and deletes quietly', async () => {
    expect(await ours.read(['missing'])).toEqual({});
    await ours.write({ gone: { x: 1 } });
    await ours.delete(['gone', 'never-there']);
    expect(await ours.read(['gone'])).toEqual({});
  });
});
