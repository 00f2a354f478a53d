import type { Container } from '@azure/cosmos';
import { CosmosDbPartitionedStorage } from 'botbuilder-azure';
import https from 'node:https';
import { CosmosStateStorage, StaleStateError, StateConflictError } from '../../bot/cosmosStateStorage';
import { StateCache } from '../../bot/stateCache';
import { containerDefinitions, ensureContainers } from '../../services/cosmos/containers';
import { createCosmosAccess, type CosmosAccess } from '../../services/cosmos/cosmosClientFactory';
import { startEmbeddedCosmos, type EmbeddedCosmos } from '../../services/cosmos/embeddedCosmos';

type State = Record<string, unknown>;

/**
 * Two instances, each with its own state cache, on one store: what one serves from memory may be
 * stale, and its checked write or `confirmCurrent` says so as `StaleStateError`, never overwriting.
 */
describe('bot state storage with a state cache, two instances', () => {
  let store: EmbeddedCosmos;
  let access: CosmosAccess;
  let container: Container;
  let one: CosmosStateStorage;
  let two: CosmosStateStorage;
  let requests = 0;

  beforeAll(async () => {
    store = await startEmbeddedCosmos();
    access = createCosmosAccess({ endpoint: store.endpoint, key: 'any' });
    const { database } = await access.client.databases.createIfNotExists({ id: 'state-cache' });
    await ensureContainers(database);
    const real = database.container(containerDefinitions.botState.id);
    // Counts the point reads the storages make, on the real container.
    container = new Proxy(real, {
      get(target, property, receiver) {
        if (property !== 'item') return Reflect.get(target, property, receiver) as unknown;
        return (id: string, partitionKey: string) => {
          const item = target.item(id, partitionKey);
          const read = item.read.bind(item);
          item.read = ((...args: Parameters<typeof read>) => {
            requests += 1;
            return read(...args);
          }) as typeof read;
          return item;
        };
      },
    });
  });
  beforeEach(() => {
    one = new CosmosStateStorage(container, { cache: new StateCache({ capacity: 100 }) });
    two = new CosmosStateStorage(container, { cache: new StateCache({ capacity: 100 }) });
    requests = 0;
  });
  afterAll(async () => {
    access.dispose();
    await store.stop();
  });

  const readOne = async (storage: CosmosStateStorage, key: string) =>
    (await storage.read([key]))[key] as State;

  it('serves what it wrote without a read, as a copy no turn can change', async () => {
    const first: State = { step: 'accountInfo', eTag: '*' };
    one.expectAbsent(first);
    await one.write({ served: first });
    const read = await readOne(one, 'served');
    expect(read).toMatchObject({ step: 'accountInfo' });
    read.step = 'changed by the turn';
    expect(await readOne(one, 'served')).toMatchObject({ step: 'accountInfo' });
    expect(requests).toBe(0);
  });

  it("refuses a write from a state the other instance changed, as stale, and reads the store's next", async () => {
    const start: State = { step: 'accountInfo', eTag: '*' };
    one.expectAbsent(start);
    await one.write({ alternating: start });
    // The next turn reaches the other instance, which reads and moves on.
    const onTwo = await readOne(two, 'alternating');
    await two.write({ alternating: { ...onTwo, step: 'mca', eTag: '*' } });
    // The turn after reaches the first instance again: its cache is one step behind. BotState hands
    // `write` the very object `read` returned, so the write is checked against what was served.
    const stale = await readOne(one, 'alternating');
    expect(stale).toMatchObject({ step: 'accountInfo' });
    Object.assign(stale, { step: 'review', eTag: '*' });
    await expect(one.write({ alternating: stale })).rejects.toBeInstanceOf(StaleStateError);
    expect(await readOne(one, 'alternating')).toMatchObject({ step: 'mca' });
    expect(await readOne(two, 'alternating')).toMatchObject({ step: 'mca' });
  });

  it('tells a turn of its own that overtook (a conflict) from another instance (stale)', async () => {
    const start: State = { step: 'mca', eTag: '*' };
    one.expectAbsent(start);
    await one.write({ doubleClick: start });
    const first = await readOne(one, 'doubleClick');
    const second = await readOne(one, 'doubleClick');
    Object.assign(first, { step: 'subscriptions', eTag: '*' });
    Object.assign(second, { step: 'subscriptions', eTag: '*' });
    await one.write({ doubleClick: first });
    const refused = one.write({ doubleClick: second });
    await expect(refused).rejects.toBeInstanceOf(StateConflictError);
    await expect(refused).rejects.not.toBeInstanceOf(StaleStateError);
  });

  it('confirms a cached state with one read, and refuses one the other instance changed', async () => {
    const start: State = { step: 'review', eTag: '*' };
    one.expectAbsent(start);
    await one.write({ submit: start });
    const current = await readOne(one, 'submit');
    await expect(one.confirmCurrent(current)).resolves.toBeUndefined();
    expect(requests).toBe(1);
    // Confirmed once, a state is not read again in the same turn.
    await one.confirmCurrent(current);
    expect(requests).toBe(1);

    const onTwo = await readOne(two, 'submit');
    await two.write({ submit: { ...onTwo, step: 'accountInfo', eTag: '*' } });
    const stale = await readOne(one, 'submit');
    await expect(one.confirmCurrent(stale)).rejects.toBeInstanceOf(StaleStateError);
    expect(await readOne(one, 'submit')).toMatchObject({ step: 'accountInfo' });
  });

  it('forgets what it deleted', async () => {
    const start: State = { step: 'mca', eTag: '*' };
    one.expectAbsent(start);
    await one.write({ deleted: start });
    await one.delete(['deleted']);
    expect(await one.read(['deleted'])).toEqual({});
  });
});

describe('state ids as botbuilder-azure escapes them', () => {
  let store: EmbeddedCosmos;
  let access: CosmosAccess;
  let agent: https.Agent;

  beforeAll(async () => {
    store = await startEmbeddedCosmos();
    access = createCosmosAccess({ endpoint: store.endpoint, key: 'any' });
    agent = new https.Agent({ rejectUnauthorized: false });
  });
  afterAll(async () => {
    access.dispose();
    agent.destroy();
    await store.stop();
  });

  it('reads and writes the same documents for keys with every character Cosmos DB ids refuse', async () => {
    const { database } = await access.client.databases.createIfNotExists({ id: 'escape' });
    await ensureContainers(database);
    const ours = new CosmosStateStorage(database.container(containerDefinitions.botState.id));
    const theirs = new CosmosDbPartitionedStorage({
      cosmosDbEndpoint: store.endpoint,
      authKey: 'any',
      databaseId: 'escape',
      containerId: containerDefinitions.botState.id,
      compatibilityMode: false,
      cosmosClientOptions: { agent, connectionPolicy: { enableEndpointDiscovery: false } },
    });
    const key = 'msteams/conversations/a:b?c#d*e\\f\tg\nh\ri/users/29:x/';
    await theirs.write({ [key]: { step: 'theirs' } });
    expect((await ours.read([key]))[key]).toMatchObject({ step: 'theirs' });
    await ours.write({ [key]: { step: 'ours' } });
    expect((await theirs.read([key]))[key]).toMatchObject({ step: 'ours' });
  });
});

describe('StateCache', () => {
  it('keeps the most recently used entries up to its capacity', () => {
    const cache = new StateCache({ capacity: 2 });
    cache.set('a', { etag: '1', json: '{}' });
    cache.set('b', { etag: '2', json: '{}' });
    cache.get('a');
    cache.set('c', { etag: '3', json: '{}' });
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')?.etag).toBe('1');
    expect(cache.get('c')?.etag).toBe('3');
    expect(cache.size).toBe(2);
  });

  it('serves an entry no longer than its maximum age', async () => {
    const cache = new StateCache({ capacity: 2, maxAgeMs: 20 });
    cache.set('a', { etag: null, json: '{}' });
    expect(cache.get('a')).toEqual({ etag: null, json: '{}' });
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(cache.get('a')).toBeUndefined();
  });

  it('refuses a capacity below one', () => {
    expect(() => new StateCache({ capacity: 0 })).toThrow();
  });
});
