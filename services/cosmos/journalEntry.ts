import { z } from 'zod';
import type { Snapshot } from './embeddedSnapshot';

/**
 * One line of the embedded store's write-ahead journal: what the server did, as state, never as the
 * request that asked for it. A put carries the item as the server returned it (system properties
 * removed), a delete the id and partition key it removed. So replaying an entry needs no knowledge of
 * the server (no etags, no If-Match, no "create fails when it exists"), and replaying it twice, or over
 * a snapshot that already holds it, leaves the same state: the last entry for an item wins.
 */
const definitionSchema = z.looseObject({ id: z.string() });
const itemSchema = z.looseObject({ id: z.string() });

export const journalEntrySchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('createDatabase'), db: z.string() }),
  z.object({ op: z.literal('deleteDatabase'), db: z.string() }),
  /** A container created or replaced: its definition; its items stay. */
  z.object({ op: z.literal('putContainer'), db: z.string(), definition: definitionSchema }),
  z.object({ op: z.literal('deleteContainer'), db: z.string(), coll: z.string() }),
  /** An item created, upserted, replaced or patched: the item as stored. */
  z.object({ op: z.literal('putItem'), db: z.string(), coll: z.string(), item: itemSchema }),
  /** An item deleted; `partitionKey` as the request named it (absent: any item with that id). */
  z.object({
    op: z.literal('deleteItem'),
    db: z.string(),
    coll: z.string(),
    id: z.string(),
    partitionKey: z.array(z.unknown()).optional(),
  }),
]);

export type JournalEntry = z.infer<typeof journalEntrySchema>;
type Definition = z.infer<typeof definitionSchema>;
type Item = z.infer<typeof itemSchema>;

const systemProperties = ['_rid', '_self', '_etag', '_ts', '_attachments'];

/** A resource as the server returned it, without what the server adds (rid, self link, etag, time). */
export function withoutSystemProperties<T extends object>(resource: T): T {
  const copy = { ...resource } as Record<string, unknown>;
  for (const name of systemProperties) delete copy[name];
  return copy as T;
}

/** The parts of a container definition the store keeps (as the snapshot does). */
export function keptDefinition(definition: Definition): Definition {
  return {
    id: definition.id,
    ...(definition.partitionKey ? { partitionKey: definition.partitionKey } : {}),
    ...(definition.uniqueKeyPolicy ? { uniqueKeyPolicy: definition.uniqueKeyPolicy } : {}),
  };
}

interface ContainerModel {
  definition: Definition;
  items: Map<string, Item>;
}
type StoreModel = Map<string, Map<string, ContainerModel>>;

/** Partition key paths of a definition, e.g. ["/id"]; none for a container without one. */
function partitionKeyPaths(definition: Definition): string[] {
  const partitionKey = definition.partitionKey as { paths?: unknown } | undefined;
  return Array.isArray(partitionKey?.paths) ? partitionKey.paths.filter((p) => typeof p === 'string') : [];
}

function valueAt(item: Item, path: string): unknown {
  let value: unknown = item;
  for (const name of path.split('/').filter(Boolean)) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[name];
  }
  return value;
}

/** An absent partition key value ({} in the protocol) and null are one key here. */
function normalised(value: unknown): unknown {
  if (value === undefined) return null;
  if (value !== null && typeof value === 'object' && Object.keys(value).length === 0) return null;
  return value;
}

function itemKey(id: string, partitionKey: unknown[]): string {
  return JSON.stringify([id, ...partitionKey.map(normalised)]);
}

function keyOfItem(definition: Definition, item: Item): string {
  return itemKey(
    item.id,
    partitionKeyPaths(definition).map((path) => valueAt(item, path)),
  );
}

function toModel(snapshot: Snapshot | undefined): StoreModel {
  const model: StoreModel = new Map();
  for (const database of snapshot?.databases ?? []) {
    const containers = new Map<string, ContainerModel>();
    for (const { definition, items } of database.containers) {
      containers.set(definition.id, {
        definition,
        items: new Map(items.map((item) => [keyOfItem(definition, item), item])),
      });
    }
    model.set(database.id, containers);
  }
  return model;
}

function toSnapshot(model: StoreModel): Snapshot {
  return {
    format: 1,
    databases: [...model].map(([id, containers]) => ({
      id,
      containers: [...containers.values()].map(({ definition, items }) => ({
        definition,
        items: [...items.values()],
      })),
    })),
  };
}

function apply(model: StoreModel, entry: JournalEntry): void {
  switch (entry.op) {
    case 'createDatabase':
      if (!model.has(entry.db)) model.set(entry.db, new Map());
      return;
    case 'deleteDatabase':
      model.delete(entry.db);
      return;
    case 'putContainer': {
      // Written only after the server created it in an existing database; replayed, the database may
      // be gone again only if a later entry deleted it, so making it here is harmless.
      let containers = model.get(entry.db);
      if (!containers) model.set(entry.db, (containers = new Map()));
      const definition = keptDefinition(entry.definition);
      const existing = containers.get(definition.id);
      if (!existing) containers.set(definition.id, { definition, items: new Map() });
      else existing.definition = definition;
      return;
    }
    case 'deleteContainer':
      model.get(entry.db)?.delete(entry.coll);
      return;
    case 'putItem': {
      // A missing container can only be one a later entry deletes (or the snapshot already lost with
      // it): the item has nowhere to live, as on the server.
      const container = model.get(entry.db)?.get(entry.coll);
      if (container) container.items.set(keyOfItem(container.definition, entry.item), entry.item);
      return;
    }
    case 'deleteItem': {
      const container = model.get(entry.db)?.get(entry.coll);
      if (!container) return;
      if (entry.partitionKey) {
        container.items.delete(itemKey(entry.id, entry.partitionKey));
        return;
      }
      for (const [key, item] of container.items) if (item.id === entry.id) container.items.delete(key);
      return;
    }
  }
}

/**
 * The snapshot with the entries applied in order. Idempotent: a put of an item that exists replaces
 * it, a delete of one that is absent does nothing, so entries already in the snapshot (a crash between
 * writing a snapshot and removing the journal it covers) change nothing that a later entry does not
 * set again.
 */
export function replayJournal(snapshot: Snapshot | undefined, entries: Iterable<JournalEntry>): Snapshot {
  const model = toModel(snapshot);
  for (const entry of entries) apply(model, entry);
  return toSnapshot(model);
}
