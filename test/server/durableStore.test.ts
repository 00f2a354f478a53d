import type { Container, CosmosClient } from '@azure/cosmos';
import { appendFile, cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { createCosmosAccess, type CosmosAccess } from '../../services/cosmos/cosmosClientFactory';
import { dataFolderOwner } from '../../services/cosmos/dataFolderOwner';
import {
  embeddedCosmosKey,
  startEmbeddedCosmos,
  type EmbeddedCosmos,
  type EmbeddedCosmosOptions,
} from '../../services/cosmos/embeddedCosmos';

/**
 * The embedded store's journal, in this process. A `kill -9` leaves the data folder exactly as the
 * files are at that moment (the page cache survives a killed process), so a copy of the folder taken
 * while the store runs is what a hard kill at that moment would leave; a second store started on the
 * copy is the restart.
 */
const roots: string[] = [];
async function tempFolder(name: string): Promise<string> {
  const folder = await mkdtemp(path.join(os.tmpdir(), `${name}-`));
  roots.push(folder);
  return folder;
}
afterAll(async () => {
  await Promise.all(roots.map((folder) => rm(folder, { recursive: true, force: true })));
});

/** The data folder as a hard kill right now would leave it. */
async function killedCopy(dataDir: string): Promise<string> {
  const copy = await tempFolder('killed');
  await cp(dataDir, copy, { recursive: true });
  return copy;
}

interface Open {
  store: EmbeddedCosmos;
  access: CosmosAccess;
  client: CosmosClient;
  close(): Promise<void>;
}

async function open(dataDir: string, options: EmbeddedCosmosOptions = {}): Promise<Open> {
  const store = await startEmbeddedCosmos({ dataDir, ...options });
  const access = createCosmosAccess({ endpoint: store.endpoint, key: embeddedCosmosKey });
  return {
    store,
    access,
    client: access.client,
    async close() {
      access.dispose();
      await store.stop();
    },
  };
}

/** Every item of a container by id, without the server's system properties. */
async function contents(container: Container): Promise<Record<string, Record<string, unknown>>> {
  const { resources } = await container.items.readAll().fetchAll();
  return Object.fromEntries(
    resources.map(({ _rid, _self, _etag, _ts, _attachments, ...item }) => [item.id as string, item]),
  );
}

async function setUp(client: CosmosClient): Promise<{ things: Container; offers: Container }> {
  const { database } = await client.databases.createIfNotExists({ id: 'db' });
  const { container: things } = await database.containers.createIfNotExists({
    id: 'things',
    partitionKey: { paths: ['/id'] },
  });
  const { container: offers } = await database.containers.createIfNotExists({
    id: 'offers',
    partitionKey: { paths: ['/catalogue'] },
  });
  return { things, offers };
}

/** A request to the store as it is on the wire (its certificate is self-signed: loopback only). */
async function send(
  endpoint: string,
  method: string,
  pathname: string,
  { headers = {}, body }: { headers?: Record<string, string>; body?: unknown } = {},
): Promise<{ status: number; body: unknown }> {
  const text = body === undefined ? '' : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = https.request(
      new URL(pathname, endpoint),
      {
        method,
        rejectUnauthorized: false,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(text),
          ...headers,
        },
      },
      (response) => {
        let answer = '';
        response.on('data', (chunk: Buffer) => (answer += chunk.toString()));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: JSON.parse(answer || 'null') }),
        );
      },
    );
    request.on('error', reject);
    request.end(text);
  });
}

const fileNames = async (folder: string) => (await readdir(folder)).sort();

describe('the embedded store with its journal', () => {
  it('keeps every acknowledged write through a hard kill, with no snapshot written yet', async () => {
    const dataDir = await tempFolder('journal');
    const first = await open(dataDir);
    let copy: string;
    try {
      const { things, offers } = await setUp(first.client);
      await things.items.create({ id: 'created', n: 1 });
      const journal = await readFile(path.join(dataDir, 'embedded-cosmos.journal.1'), 'utf8');
      // Answered only once its line is in the file.
      expect(journal).toContain('"id":"created"');

      const { resource: replaced } = await things.items.create({ id: 'replaced', n: 1 });
      await things
        .item('replaced', 'replaced')
        .replace(
          { id: 'replaced', n: 2 },
          { accessCondition: { type: 'IfMatch', condition: replaced!._etag } },
        );
      await things.items.upsert({ id: 'upserted', n: 1 });
      await things.items.upsert({ id: 'upserted', n: 2 });
      await things.items.create({ id: 'patched', n: 1, tags: [] });
      await things.item('patched', 'patched').patch([
        { op: 'set', path: '/n', value: 5 },
        { op: 'add', path: '/tags/-', value: 'x' },
      ]);
      await things.items.create({ id: 'deleted', n: 1 });
      await things.item('deleted', 'deleted').delete();
      await offers.items.create({ id: 'batch-deleted', catalogue: 'NL', n: 1 });
      await offers.items.create({ id: 'batch-replaced', catalogue: 'NL', n: 1 });
      // Sent by hand: @azure/cosmos 4.9 leaves out the per-operation partition key this server needs.
      const partitionKey = '["NL"]';
      const batch = await send(first.store.endpoint, 'POST', '/dbs/db/colls/offers/docs', {
        headers: { 'x-ms-cosmos-is-batch-request': 'True', 'x-ms-cosmos-batch-atomic': 'True' },
        body: [
          {
            operationType: 'Create',
            partitionKey,
            resourceBody: { id: 'batch-created', catalogue: 'NL', n: 1 },
          },
          {
            operationType: 'Upsert',
            partitionKey,
            resourceBody: { id: 'batch-replaced', catalogue: 'NL', n: 3 },
          },
          { operationType: 'Delete', partitionKey, id: 'batch-deleted' },
          { operationType: 'Read', partitionKey, id: 'batch-created' },
        ],
      });
      expect(batch).toMatchObject({ status: 200 });
      await offers.items.create({ id: 'x', catalogue: 'NL', n: 1 });
      await offers.items.create({ id: 'x', catalogue: 'BE', n: 2 });
      await offers.item('x', 'BE').delete();
      const { database } = await first.client.databases.createIfNotExists({ id: 'db' });
      await database.containers.create({ id: 'dropped', partitionKey: { paths: ['/id'] } });
      await database.container('dropped').items.create({ id: 'gone' });
      await database.container('dropped').delete();
      await first.client.databases.create({ id: 'other' });
      await first.client.database('other').delete();

      copy = await killedCopy(dataDir);
    } finally {
      await first.close();
    }

    expect(await fileNames(copy)).toEqual([
      'embedded-cosmos.journal.1',
      'embedded-cosmos.owner.json', // the killed process's mark: a restart takes it over
    ]);
    const second = await open(copy);
    try {
      const { things, offers } = await setUp(second.client);
      expect(await contents(things)).toEqual({
        created: { id: 'created', n: 1 },
        replaced: { id: 'replaced', n: 2 },
        upserted: { id: 'upserted', n: 2 },
        patched: { id: 'patched', n: 5, tags: ['x'] },
      });
      expect(await contents(offers)).toEqual({
        x: { id: 'x', catalogue: 'NL', n: 1 },
        'batch-created': { id: 'batch-created', catalogue: 'NL', n: 1 },
        'batch-replaced': { id: 'batch-replaced', catalogue: 'NL', n: 3 },
      });
      const { resources: containers } = await second.client.database('db').containers.readAll().fetchAll();
      expect(containers.map((c) => c.id).sort()).toEqual(['offers', 'things']);
      const { resources: databases } = await second.client.databases.readAll().fetchAll();
      expect(databases.map((d) => d.id)).toEqual(['db']);
      // Started on the journal, it compacted it into a snapshot: the next start reads no journal.
      expect(await fileNames(copy)).toEqual(
        expect.arrayContaining(['embedded-cosmos.json', 'embedded-cosmos.journal.2']),
      );
      expect(await fileNames(copy)).not.toContain('embedded-cosmos.journal.1');
    } finally {
      await second.close();
    }
  });

  it('journals concurrent writes in the order the server applied them', async () => {
    const dataDir = await tempFolder('journal-order');
    const first = await open(dataDir);
    let copy: string;
    let live: Record<string, Record<string, unknown>>;
    try {
      const { things } = await setUp(first.client);
      await Promise.all(
        Array.from({ length: 200 }, (_, index) =>
          index % 7 === 6
            ? things
                .item(`item-${index % 4}`, `item-${index % 4}`)
                .delete()
                .catch(() => undefined)
            : things.items.upsert({ id: `item-${index % 4}`, n: index }),
        ),
      );
      live = await contents(things);
      copy = await killedCopy(dataDir);
      const stats = first.store.journalStats()!;
      // Group commit: fewer syncs than writes when writes overlap.
      expect(stats.appends).toBeGreaterThan(stats.syncs);
      expect(stats.maxGroup).toBeGreaterThan(1);
    } finally {
      await first.close();
    }
    const second = await open(copy);
    try {
      const { things } = await setUp(second.client);
      expect(await contents(things)).toEqual(live);
    } finally {
      await second.close();
    }
  });

  it('loses nothing to a crash at any point of a compaction, with writes going on meanwhile', async () => {
    const dataDir = await tempFolder('journal-compaction');
    const crashes: Record<string, string> = {};
    let things: Container | undefined;
    let compactions = 0;
    const first = await open(dataDir, {
      async onCompactionStep(step) {
        if (step === 'rotated') compactions += 1;
        if (compactions > 1) return; // the one on stop
        if (step === 'rotated' && things) {
          // Writes while the snapshot is taken: they go to the new journal file.
          await things.items.upsert({ id: 'changed', n: 2 });
          await things.item('removed', 'removed').delete();
          await things.items.create({ id: 'added', n: 1 });
        }
        crashes[step] = await killedCopy(dataDir);
      },
    });
    try {
      ({ things } = await setUp(first.client));
      await things.items.create({ id: 'kept', n: 1 });
      await things.items.create({ id: 'changed', n: 1 });
      await things.items.create({ id: 'removed', n: 1 });
      crashes.before = await killedCopy(dataDir);
      await first.store.save();
      crashes.after = await killedCopy(dataDir);
      await things.items.upsert({ id: 'kept', n: 2 });
      crashes.later = await killedCopy(dataDir);
    } finally {
      await first.close();
    }

    const journals = async (folder: string) =>
      (await fileNames(folder)).filter((name) => name.includes('journal'));
    expect(await journals(crashes.rotated!)).toEqual([
      'embedded-cosmos.journal.1',
      'embedded-cosmos.journal.2',
    ]);
    // The snapshot is in place and the old journal not yet removed: replayed over it, harmlessly.
    expect(await fileNames(crashes.snapshotWritten!)).toEqual(
      expect.arrayContaining([
        'embedded-cosmos.json',
        'embedded-cosmos.journal.1',
        'embedded-cosmos.journal.2',
      ]),
    );
    expect(await journals(crashes.after!)).toEqual(['embedded-cosmos.journal.2']);

    const expected: Record<string, Record<string, unknown>> = {
      kept: { id: 'kept', n: 1 },
      changed: { id: 'changed', n: 2 },
      added: { id: 'added', n: 1 },
    };
    const cases: [string, Record<string, Record<string, unknown>>][] = [
      [
        'before',
        { kept: { id: 'kept', n: 1 }, changed: { id: 'changed', n: 1 }, removed: { id: 'removed', n: 1 } },
      ],
      ['rotated', expected],
      ['snapshotWritten', expected],
      ['after', expected],
      ['later', { ...expected, kept: { id: 'kept', n: 2 } }],
    ];
    for (const [point, wanted] of cases) {
      const reopened = await open(crashes[point]!);
      try {
        const { things: container } = await setUp(reopened.client);
        expect({ point, items: await contents(container) }).toEqual({ point, items: wanted });
      } finally {
        await reopened.close();
      }
    }
  });

  it('compacts by itself once the journal outgrows its threshold and the snapshot', async () => {
    const dataDir = await tempFolder('journal-auto');
    const first = await open(dataDir, { compactAfterBytes: 2000 });
    let copy: string;
    try {
      const { things } = await setUp(first.client);
      for (let index = 0; index < 40; index += 1) {
        await things.items.upsert({ id: `item-${index % 10}`, n: index, text: 'x'.repeat(100) });
      }
      // The first compaction removes the first journal file once the snapshot is in place.
      for (
        let waited = 0;
        (await fileNames(dataDir)).includes('embedded-cosmos.journal.1') && waited < 100;
        waited += 1
      ) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(await fileNames(dataDir)).toContain('embedded-cosmos.json');
      expect(await fileNames(dataDir)).not.toContain('embedded-cosmos.journal.1');
      copy = await killedCopy(dataDir);
    } finally {
      await first.close();
    }
    const second = await open(copy);
    try {
      const { things } = await setUp(second.client);
      const items = await contents(things);
      expect(Object.keys(items)).toHaveLength(10);
      expect(items['item-9']).toEqual({ id: 'item-9', n: 39, text: 'x'.repeat(100) });
    } finally {
      await second.close();
    }
  });

  it('keeps other clients waiting while it loads: they see all the data, and their writes are journalled', async () => {
    const dataDir = await tempFolder('journal-loading');
    const first = await open(dataDir);
    try {
      const { things } = await setUp(first.client);
      for (let start = 0; start < 600; start += 50) {
        await Promise.all(
          Array.from({ length: 50 }, (_, index) => things.items.create({ id: `item-${start + index}` })),
        );
      }
    } finally {
      await first.close();
    }

    const starting = startEmbeddedCosmos({ dataDir });
    // Another client (the roles command does this) finds the store in the folder's owner mark at once.
    let owner: Awaited<ReturnType<typeof dataFolderOwner>>;
    while (!(owner = await dataFolderOwner(dataDir))) await new Promise((resolve) => setTimeout(resolve, 1));
    // Sent on the wire at once, while the store is still loading its 600 items.
    const answers = Promise.all([
      send(owner.endpoint, 'GET', '/dbs/db/colls/things/docs'),
      send(owner.endpoint, 'POST', '/dbs/db/colls/things/docs', {
        headers: { 'x-ms-documentdb-partitionkey': '["written-while-loading"]' },
        body: { id: 'written-while-loading' },
      }),
    ]);
    const second = await starting;
    let copy: string;
    try {
      const [feed, created] = await answers;
      expect(created.status).toBe(201);
      expect((feed.body as { _count: number })._count).toBeGreaterThanOrEqual(600);
      copy = await killedCopy(dataDir);
    } finally {
      await second.stop();
    }
    const third = await open(copy);
    try {
      const { things } = await setUp(third.client);
      expect(Object.keys(await contents(things))).toHaveLength(601);
    } finally {
      await third.close();
    }
  });

  it('starts over a torn last line and a half-written snapshot file, ignoring both', async () => {
    const dataDir = await tempFolder('journal-torn');
    const first = await open(dataDir);
    let copy: string;
    try {
      const { things } = await setUp(first.client);
      await things.items.create({ id: 'whole', n: 1 });
      copy = await killedCopy(dataDir);
    } finally {
      await first.close();
    }
    // A crash in the middle of an append (never acknowledged) and in the middle of a snapshot write.
    await appendFile(
      path.join(copy, 'embedded-cosmos.journal.1'),
      '{"op":"putItem","db":"db","coll":"things","item":{"id":"to',
    );
    await writeFile(path.join(copy, 'embedded-cosmos.json.4242.tmp'), '{"format":1,"databases":[{"id"');

    const second = await open(copy);
    try {
      const { things } = await setUp(second.client);
      expect(await contents(things)).toEqual({ whole: { id: 'whole', n: 1 } });
      expect(await fileNames(copy)).not.toContain('embedded-cosmos.json.4242.tmp');
    } finally {
      await second.close();
    }
  });

  it('without the journal (durable: false) keeps only the snapshot, as before', async () => {
    const dataDir = await tempFolder('journal-off');
    const first = await open(dataDir, { durable: false, saveDelayMs: 60_000 });
    try {
      const { things } = await setUp(first.client);
      await things.items.create({ id: 'a', n: 1 });
      expect(first.store.journalStats()).toBeUndefined();
      expect((await fileNames(dataDir)).filter((name) => name.includes('journal'))).toEqual([]);
    } finally {
      await first.close();
    }
    const second = await open(dataDir);
    try {
      const { things } = await setUp(second.client);
      expect(await contents(things)).toEqual({ a: { id: 'a', n: 1 } });
    } finally {
      await second.close();
    }
  });
});
