import { loadConfig, mayCreateContainers } from '../../bot/config';
import { containerDefinitions, openDatabase, StoreLayoutError } from '../../services/cosmos/containers';
import { createCosmosAccess, type CosmosAccess } from '../../services/cosmos/cosmosClientFactory';
import { startEmbeddedCosmos, type EmbeddedCosmos } from '../../services/cosmos/embeddedCosmos';

const endpoint = 'https://onboarding.documents.azure.com:443/';

describe('the store the bot opens', () => {
  let store: EmbeddedCosmos;
  let access: CosmosAccess;
  beforeAll(async () => {
    store = await startEmbeddedCosmos();
    access = createCosmosAccess({ endpoint: store.endpoint, key: 'any' });
  });
  afterAll(async () => {
    access.dispose();
    await store.stop();
  });

  async function containerIds(databaseId: string): Promise<string[]> {
    const { resources } = await access.client.database(databaseId).containers.readAll().fetchAll();
    return resources.map((container) => container.id).sort();
  }

  it('creates nothing with Microsoft Entra ID, only with a key or on the embedded store', () => {
    expect(mayCreateContainers(loadConfig({ COSMOS_ENDPOINT: endpoint }).cosmos)).toBe(false);
    expect(mayCreateContainers(loadConfig({ COSMOS_ENDPOINT: endpoint, COSMOS_KEY: 'k' }).cosmos)).toBe(true);
    expect(mayCreateContainers(loadConfig({}).cosmos)).toBe(true);
  });

  it('names a missing database and creates nothing, when it may not create', async () => {
    const opening = openDatabase(access.client, 'not-deployed', { create: false, endpoint });
    await expect(opening).rejects.toThrow(StoreLayoutError);
    await expect(opening).rejects.toThrow(
      `The database "not-deployed" does not exist at ${endpoint}; with Microsoft Entra ID the bot cannot create it`,
    );
    const { resources } = await access.client.databases.readAll().fetchAll();
    expect(resources.map((database) => database.id)).not.toContain('not-deployed');
  });

  it('names the first missing container and creates none, when it may not create', async () => {
    const { database } = await access.client.databases.create({ id: 'half-deployed' });
    await database.containers.create(structuredClone(containerDefinitions.botState));

    await expect(openDatabase(access.client, 'half-deployed', { create: false, endpoint })).rejects.toThrow(
      `The container "customers" is missing from the database "half-deployed" at ${endpoint}; with Microsoft Entra ID the bot cannot create it: deploy it with deploymentTemplates/azuredeploy.json (docs/deploy.md).`,
    );
    expect(await containerIds('half-deployed')).toEqual(['botState']);
  });

  it('refuses a container partitioned otherwise than declared', async () => {
    const { database } = await access.client.databases.create({ id: 'wrongly-deployed' });
    for (const definition of Object.values(containerDefinitions)) {
      const partitionKey = definition.id === 'customers' ? { paths: ['/domain'] } : definition.partitionKey;
      await database.containers.create({ ...structuredClone(definition), partitionKey });
    }
    await expect(
      openDatabase(access.client, 'wrongly-deployed', { create: false, endpoint }),
    ).rejects.toThrow(
      'The container "customers" in the database "wrongly-deployed" is partitioned on /domain, not /id',
    );
  });

  it('opens a deployed store as it is, and creates a missing one when it may', async () => {
    await openDatabase(access.client, 'created', { create: true, endpoint });
    const declared = Object.keys(containerDefinitions).sort();
    expect(await containerIds('created')).toEqual(declared);
    await expect(openDatabase(access.client, 'created', { create: false, endpoint })).resolves.toBeDefined();
  });

  it('sets up one store when several instances start at the same moment', async () => {
    await Promise.all(
      [1, 2, 3].map(() => openDatabase(access.client, 'started-together', { create: true, endpoint })),
    );
    expect(await containerIds('started-together')).toEqual(Object.keys(containerDefinitions).sort());
  });
});
