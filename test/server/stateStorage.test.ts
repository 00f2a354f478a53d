import { CosmosDbPartitionedStorage } from 'botbuilder-azure';
import { CosmosStateStorage } from '../../bot/cosmosStateStorage';
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

  it('answers nothing for a missing key and deletes quietly', async () => {
    expect(await ours.read(['missing'])).toEqual({});
    await ours.write({ gone: { x: 1 } });
    await ours.delete(['gone', 'never-there']);
    expect(await ours.read(['gone'])).toEqual({});
  });
});
