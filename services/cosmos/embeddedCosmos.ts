import { createHttpsServer } from '@vercel/cosmosdb-server';
import { CosmosClient, type ContainerDefinition } from '@azure/cosmos';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { IncomingMessage } from 'node:http';
import { createCosmosAccess } from './cosmosClientFactory';
import { claimDataFolder } from './dataFolderOwner';
import { journalWrites, type WriteLog } from './durableWrites';
import { readSnapshot, removeStaleTemporaries, writeSnapshot, type Snapshot } from './embeddedSnapshot';
import { JournalWriter, readJournals, removeJournals, type JournalStats } from './journalFiles';
import { replayJournal, withoutSystemProperties } from './journalEntry';

/**
 * A Cosmos DB SQL API server in this process, for local use only: production uses Azure Cosmos DB.
 * The server keeps everything in memory. With a data folder every write is first appended to a
 * journal in that folder and flushed to disk, and only then answered (`durableWrites.ts`); the journal
 * is compacted into a snapshot when it grows and on stop. At start the snapshot is loaded and the
 * journal replayed on top, so nothing the store acknowledged is lost, not even to a `kill -9`.
 */
export interface EmbeddedCosmosOptions {
  /** Folder for the snapshot and the journal; without it nothing is kept on disk. */
  dataDir?: string;
  /** 0 picks a free port. */
  port?: number;
  /**
   * Journal every write before answering it (the default). `false` keeps only the snapshot, written
   * `saveDelayMs` after a change, so a hard kill loses the last second: for the benchmark's comparison
   * of the journal's cost only.
   */
  durable?: boolean;
  /** Without the journal: how long after a change the snapshot is written. */
  saveDelayMs?: number;
  /** The journal is compacted into the snapshot once it is larger than this and than the snapshot. */
  compactAfterBytes?: number;
  /** For tests: runs at each point of a compaction where a crash would leave the folder as it is. */
  onCompactionStep?: (step: CompactionStep) => Promise<void> | void;
}

/** `rotated`: new writes go to a new journal file; `snapshotWritten`: the snapshot is renamed in place. */
export type CompactionStep = 'rotated' | 'snapshotWritten';

export interface EmbeddedCosmos {
  endpoint: string;
  /** Compacts the journal into the snapshot now (without the journal: writes the snapshot). */
  save(): Promise<void>;
  /** Saves, then closes the server. */
  stop(): Promise<void>;
  /** What the journal did so far; undefined without a data folder or without the journal. */
  journalStats(): EmbeddedJournalStats | undefined;
}

export interface EmbeddedJournalStats extends JournalStats {
  /** Compactions completed (snapshot written, older journal files removed), and their time. */
  compactions: number;
  compactionMs: number;
}

const embeddedKey = 'embedded-cosmos-accepts-any-key';
export const embeddedCosmosKey = embeddedKey;

const defaultCompactAfterBytes = 4 * 1024 * 1024;

export async function startEmbeddedCosmos(options: EmbeddedCosmosOptions = {}): Promise<EmbeddedCosmos> {
  const server = createHttpsServer({ keepAlive: true } as Parameters<typeof createHttpsServer>[0]);
  const active: { journal?: WriteLog; open: boolean } = { open: false };
  let opened = () => {};
  const opening = new Promise<void>((resolve) => (opened = resolve));
  // The store's own client (loading at start, snapshots) says who it is, so it is not kept waiting.
  const ownHeader = { 'x-embedded-cosmos-own': randomUUID() };
  // Before anything can reach the server: requests from outside wait until the store is loaded, and
  // pass straight through where there is no journal.
  journalWrites(server, {
    log: () => active.journal,
    opening: (request) =>
      active.open || request.headers['x-embedded-cosmos-own'] === ownHeader['x-embedded-cosmos-own']
        ? undefined
        : opening,
  });
  const open = () => {
    active.open = true;
    opened();
  };
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const endpoint = `https://127.0.0.1:${port}/`;
  const access = createCosmosAccess({ endpoint, key: embeddedKey, headers: ownHeader });
  const close = async () => {
    access.dispose();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };

  const { dataDir } = options;
  if (!dataDir) {
    open();
    return { endpoint, save: async () => {}, stop: close, journalStats: () => undefined };
  }

  let release = async () => {};
  let writer: JournalWriter | undefined;
  let snapshotBytes = 0;
  try {
    release = await claimDataFolder(dataDir, endpoint);
    await removeStaleTemporaries(dataDir);
    const snapshot = await readSnapshot(dataDir);
    const journalled = await readJournals(dataDir);
    const state = replayJournal(snapshot, journalled.entries);
    await restore(access.client, state);
    const lastGeneration = journalled.generations.at(-1) ?? 0;
    if (journalled.generations.length > 0) {
      // Compaction at start: the replayed state is at hand. Snapshot first, then the journals it
      // covers: a crash in between replays them again over it, which changes nothing.
      snapshotBytes = await writeSnapshot(dataDir, state);
      await removeJournals(dataDir, lastGeneration);
    }
    if (options.durable !== false) {
      writer = new JournalWriter(dataDir, lastGeneration + 1);
      await writer.ready();
    }
  } catch (error) {
    open();
    await writer?.close();
    await release();
    await close();
    throw error;
  }

  if (!writer) {
    open();
    return snapshotOnly(dataDir, server, access.client, options, { endpoint, release, close });
  }

  const journalFile = writer;
  const compactAfter = options.compactAfterBytes ?? defaultCompactAfterBytes;
  let compacting: Promise<void> | undefined;
  const compactions = { compactions: 0, compactionMs: 0 };
  const step = async (name: CompactionStep) => options.onCompactionStep?.(name);
  /**
   * New writes go to a new journal file; the snapshot is then read through the client while writes go
   * on (so it may already hold some of the new file's writes: replaying them again is harmless), written
   * atomically, and only then are the older journal files removed.
   */
  const compact = (): Promise<void> =>
    (compacting ??= (async () => {
      const started = performance.now();
      const ended = await journalFile.rotate();
      await step('rotated');
      snapshotBytes = await writeSnapshot(dataDir, await takeSnapshot(access.client));
      await step('snapshotWritten');
      await removeJournals(dataDir, ended);
      compactions.compactions += 1;
      compactions.compactionMs += performance.now() - started;
    })().finally(() => (compacting = undefined)));

  active.journal = {
    append(entries) {
      const durable = journalFile.append(entries);
      if (!compacting && journalFile.bytes > Math.max(compactAfter, snapshotBytes)) {
        // A failed compaction loses nothing (the journal files stay); the next one tries again.
        compact().catch(() => undefined);
      }
      return durable;
    },
    durable: () => journalFile.durable(),
  };
  open();

  let stopped: Promise<void> | undefined;
  return {
    endpoint,
    async save() {
      await compacting?.catch(() => undefined);
      if (journalFile.bytes > 0) await compact();
    },
    stop() {
      stopped ??= (async () => {
        try {
          await compacting?.catch(() => undefined);
          if (journalFile.bytes > 0 && !journalFile.error) await compact();
        } finally {
          await journalFile.close();
          await release();
          await close();
        }
      })();
      return stopped;
    },
    journalStats: () => ({ ...journalFile.stats, ...compactions }),
  };
}

/** Without the journal: the snapshot a second after a change and on stop (a hard kill loses that second). */
function snapshotOnly(
  dataDir: string,
  server: ReturnType<typeof createHttpsServer>,
  client: CosmosClient,
  options: EmbeddedCosmosOptions,
  { endpoint, release, close }: { endpoint: string; release(): Promise<void>; close(): Promise<void> },
): EmbeddedCosmos {
  let changed = false;
  let timer: NodeJS.Timeout | undefined;
  let saving: Promise<void> = Promise.resolve();
  const save = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (!changed) return saving;
    changed = false;
    saving = saving.then(async () => {
      await writeSnapshot(dataDir, await takeSnapshot(client));
    });
    return saving;
  };
  server.on('request', (request: IncomingMessage) => {
    if (!isChange(request)) return;
    changed = true;
    timer ??= setTimeout(() => void save().catch(() => (changed = true)), options.saveDelayMs ?? 1000);
  });
  return {
    endpoint,
    save,
    async stop() {
      await save();
      await release();
      await close();
    },
    journalStats: () => undefined,
  };
}

function isChange(request: IncomingMessage): boolean {
  if (request.method === 'GET' || request.method === 'HEAD') return false;
  if (request.headers['x-ms-cosmos-is-query-plan-request'] !== undefined) return false;
  return request.headers['x-ms-documentdb-isquery'] === undefined;
}

type StoredItem = Snapshot['databases'][number]['containers'][number]['items'][number];

async function takeSnapshot(client: CosmosClient): Promise<Snapshot> {
  const { resources: databases } = await client.databases.readAll().fetchAll();
  const snapshot: Snapshot = { format: 1, databases: [] };
  for (const { id } of databases) {
    const database = client.database(id);
    const { resources: containers } = await database.containers.readAll().fetchAll();
    const entry: Snapshot['databases'][number] = { id, containers: [] };
    for (const definition of containers) {
      const { resources: items } = await database.container(definition.id).items.readAll().fetchAll();
      entry.containers.push({
        definition: {
          id: definition.id,
          partitionKey: definition.partitionKey,
          ...(definition.uniqueKeyPolicy ? { uniqueKeyPolicy: definition.uniqueKeyPolicy } : {}),
        },
        items: items.map((item) => withoutSystemProperties(item) as StoredItem),
      });
    }
    snapshot.databases.push(entry);
  }
  return snapshot;
}

async function restore(client: CosmosClient, snapshot: Snapshot): Promise<void> {
  for (const entry of snapshot.databases) {
    const { database } = await client.databases.createIfNotExists({ id: entry.id });
    for (const { definition, items } of entry.containers) {
      const { container } = await database.containers.createIfNotExists(definition as ContainerDefinition);
      for (let start = 0; start < items.length; start += 50) {
        await Promise.all(items.slice(start, start + 50).map((item) => container.items.upsert(item)));
      }
    }
  }
}
