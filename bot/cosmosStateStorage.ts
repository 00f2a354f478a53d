import type { Container } from '@azure/cosmos';
import type { Storage, StoreItems } from 'botbuilder';
import { CosmosDbKeyEscape } from 'botbuilder-azure';
import { createHash } from 'node:crypto';
import { z } from 'zod';

/**
 * Bot state in a Cosmos DB container partitioned on /id, in the same document layout as
 * botbuilder-azure's CosmosDbPartitionedStorage with compatibilityMode false ({ id, realId, document }),
 * so either can read what the other wrote.
 *
 * Why not that class itself: it caches its container in a process-wide map keyed by database and
 * container name, so a second instance in the same process (another store, a test, the benchmark's
 * echo bot) silently talks to the first one's account; and it builds a client of its own that can be
 * neither disposed nor shared. This one runs on the client the rest of the bot uses.
 */
export class CosmosStateStorage implements Storage {
  constructor(private readonly container: Container) {}

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    await Promise.all(
      keys.map(async (key) => {
        const id = escape(key);
        const { resource, etag } = await this.container.item(id, id).read();
        if (!resource) return;
        const stored = storedStateSchema.parse(resource);
        items[stored.realId] = { ...stored.document, eTag: etag };
      }),
    );
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    await Promise.all(
      Object.entries(changes).map(async ([key, value]) => {
        const { eTag, ...document } = (value ?? {}) as Record<string, unknown>;
        const id = escape(key);
        const checked = typeof eTag === 'string' && eTag.length > 0 && eTag !== '*';
        await this.container.items.upsert(
          { id, realId: key, document },
          checked ? { accessCondition: { type: 'IfMatch', condition: eTag } } : undefined,
        );
      }),
    );
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.all(
      keys.map(async (key) => {
        const id = escape(key);
        try {
          await this.container.item(id, id).delete();
        } catch (error) {
          if ((error as { code?: number }).code !== 404) throw error;
        }
      }),
    );
  }
}

const storedStateSchema = z.object({ realId: z.string(), document: z.record(z.string(), z.unknown()) });

/** Cosmos DB ids hold at most 255 characters; a longer key keeps its start and gets its hash. */
const maxIdLength = 255;

function escape(key: string): string {
  const id = CosmosDbKeyEscape.escapeKey(key, undefined, false);
  if (id.length <= maxIdLength) return id;
  const hash = createHash('sha256').update(key).digest('hex');
  return `${id.slice(0, maxIdLength - hash.length - 1)}*${hash}`;
}
