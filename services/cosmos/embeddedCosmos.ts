import { createHttpsServer } from '@vercel/cosmosdb-server';
import { CosmosClient, type ContainerDefinition } from '@azure/cosmos';
import type { AddressInfo } from 'node:net';
import type { IncomingMessage } from 'node:http';
import { createCosmosAccess } from './cosmosClientFactory';
import { claimDataFolder } from './dataFolderOwner';
import { readSnapshot, writeSnapshot, type Snapshot } from './embeddedSnapshot';

/**
 * A Cosmos DB SQL API server in this process, for local use only: production uses Azure Cosmos DB.
 * The server keeps everything in memory; with a data folder its content is written to a snapshot
 * shortly after each change and on stop, and read back at start, so records survive a restart.
 */
export interface EmbeddedCosmosOptions {
  /** Folder for the snapshot; without it nothing is kept on disk. */
  dataDir?: string;
  /** 0 picks a free port. */
  port?: number;
  /** How long after a change the snapshot is written. */
  saveDelayMs?: number;
}

export interface EmbeddedCosmos {
  endpoint: string;
  /** Writes the snapshot now (when there is a data folder). */
  save(): Promise<void>;
  /** Saves, then closes the server. */
  stop(): Promise<void>;
}

const embeddedKey = 'embedded-cosmos-accepts-any-key';
export const embeddedCosmosKey = embeddedKey;

export async function startEmbeddedCosmos(options: EmbeddedCosmosOptions = {}): Promise<EmbeddedCosmos> {
  const server = createHttpsServer({ keepAlive: true } as Parameters<typeof createHttpsServer>[0]);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const endpoint = `https://127.0.0.1:${port}/`;
  const access = createCosmosAccess({ endpoint, key: embeddedKey });

  const { dataDir } = options;
  let release = async () => {};
  if (dataDir) {
    try {
      release = await claimDataFolder(dataDir, endpoint);
      const snapshot = await readSnapshot(dataDir);
      if (snapshot) await restore(access.client, snapshot);
    } catch (error) {
      await release();
      access.dispose();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      throw error;
    }
  }

  let changed = false;
  let timer: NodeJS.Timeout | undefined;
  let saving: Promise<void> = Promise.resolve();
  const save = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (!dataDir || !changed) return saving;
    changed = false;
    saving = saving.then(async () => writeSnapshot(dataDir, await takeSnapshot(access.client)));
    return saving;
  };
  server.on('request', (request: IncomingMessage) => {
    if (!dataDir || !isChange(request)) return;
    changed = true;
    timer ??= setTimeout(() => void save().catch(() => (changed = true)), options.saveDelayMs ?? 1000);
  });

  return {
    endpoint,
    save,
    async stop() {
      await save();
      await release();
      access.dispose();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function isChange(request: IncomingMessage): boolean {
  if (request.method === 'GET' || request.method === 'HEAD') return false;
  if (request.headers['x-ms-cosmos-is-query-plan-request'] !== undefined) return false;
  return request.headers['x-ms-documentdb-isquery'] === undefined;
}

const systemProperties = ['_rid', '_self', '_etag', '_ts', '_attachments'];

type StoredItem = Snapshot['databases'][number]['containers'][number]['items'][number];

function withoutSystemProperties(resource: object): StoredItem {
  const copy: Record<string, unknown> = { ...resource };
  for (const name of systemProperties) delete copy[name];
  return copy as StoredItem;
}

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
        items: items.map(withoutSystemProperties),
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
