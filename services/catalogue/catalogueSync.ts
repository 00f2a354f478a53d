import type { Container } from '@azure/cosmos';
import { z } from 'zod';
import {
  CatalogueVersionSchema,
  OFFER_DOCUMENT_LAYOUT,
  OFFERS_PARTITION,
  RESELLERS_PARTITION,
  offerDocument,
  resellerDocument,
  statusCodeOf,
  type CatalogueContainers,
  type CatalogueName,
  type CatalogueVersion,
} from './catalogueDocuments';
import type { LoadedCatalogue, LoadedCatalogueFile } from './loadCatalogue';

export interface CatalogueSyncOptions {
  /** The clock for `loadedAt`. */
  now?: () => Date;
  /** Reload even when the stored hash matches (e.g. after items were edited by hand). */
  force?: boolean;
  /** Writes in flight at once; the SDK retries throttled (429) ones itself. */
  concurrency?: number;
}

/** What a load did to one catalogue. */
export interface CatalogueFileSync {
  catalogue: CatalogueName;
  /** False when the stored hash matched the file: nothing was written. */
  changed: boolean;
  version: CatalogueVersion['version'];
  contentHash: string;
  upserted: number;
  deleted: number;
}

export interface CatalogueSyncResult {
  offers: CatalogueFileSync;
  resellers: CatalogueFileSync;
}

interface CatalogueItem {
  id: string;
  /** A reseller's MPN ID, which the container keeps unique. */
  mpnId?: string;
}

/**
 * Brings the offers and resellers in Cosmos DB in line with the partner's files, at start-up. A
 * catalogue is rewritten only when its file's hash (or the layout of its stored items) differs from
 * the stored version document; then every item is upserted, items no longer in the file are
 * deleted, and the version document is written last, so a load that stops half-way is done again
 * at the next start.
 */
export async function syncCatalogue(
  containers: CatalogueContainers,
  catalogue: LoadedCatalogue,
  options: CatalogueSyncOptions = {},
): Promise<CatalogueSyncResult> {
  // The two catalogues share nothing but the versions container, where each has its own document.
  const [offers, resellers] = await Promise.all([
    syncFile(
      OFFERS_PARTITION,
      containers.offers,
      containers.versions,
      catalogue.offers,
      catalogue.offers.data.offers.map(offerDocument),
      OFFER_DOCUMENT_LAYOUT,
      options,
    ),
    syncFile(
      RESELLERS_PARTITION,
      containers.resellers,
      containers.versions,
      catalogue.resellers,
      catalogue.resellers.data.resellers.map(resellerDocument),
      1,
      options,
    ),
  ]);
  return { offers, resellers };
}

/** The stored version of a catalogue; a missing or unreadable one means "load it". */
export async function readCatalogueVersion(
  versions: Container,
  name: CatalogueName,
): Promise<CatalogueVersion | undefined> {
  const { resource } = await versions.item(name, name).read();
  if (!resource) return undefined;
  const parsed = CatalogueVersionSchema.safeParse(resource);
  return parsed.success ? parsed.data : undefined;
}

async function syncFile(
  name: CatalogueName,
  container: Container,
  versions: Container,
  file: LoadedCatalogueFile<{ version: number | string }>,
  documents: readonly CatalogueItem[],
  layout: number,
  options: CatalogueSyncOptions,
): Promise<CatalogueFileSync> {
  const outcome = { catalogue: name, version: file.data.version, contentHash: file.contentHash };
  const stored = await readCatalogueVersion(versions, name);
  const current = stored?.contentHash === file.contentHash && (stored.layout ?? 1) === layout;
  if (!options.force && current) {
    return { ...outcome, changed: false, upserted: 0, deleted: 0 };
  }

  // Stale items go first: an MPN ID that moved to another reseller would otherwise collide with the
  // unique key while both items exist. A reseller whose MPN ID changed is removed and written anew.
  const wanted = new Map(documents.map((document) => [document.id, document]));
  const existing = await storedItems(container, name);
  const stale = existing.filter((item) => {
    const next = wanted.get(item.id);
    return !next || next.mpnId !== item.mpnId;
  });
  const concurrency = options.concurrency ?? 8;
  await inBatches(stale, concurrency, async ({ id }) => {
    try {
      await container.item(id, name).delete();
    } catch (error) {
      if (statusCodeOf(error) !== 404) throw error;
    }
  });
  // Upserted a hundred at a time (the most one transactional batch holds): every item is in the one
  // logical partition of its catalogue, and a catalogue of hundreds loads in a few requests.
  await inBatches(inGroups(documents, BATCH_SIZE), concurrency, async (group) => {
    await upsertBatch(container, name, group);
  });

  const version: CatalogueVersion = {
    id: name,
    version: file.data.version,
    contentHash: file.contentHash,
    loadedAt: (options.now?.() ?? new Date()).toISOString(),
    itemCount: documents.length,
    ...(layout > 1 ? { layout } : {}),
  };
  await versions.items.upsert(version);
  const deleted = stale.filter((item) => !wanted.has(item.id)).length;
  return { ...outcome, changed: true, upserted: documents.length, deleted };
}

const StoredItemSchema = z.object({ id: z.string(), mpnId: z.string().optional() });

async function storedItems(container: Container, name: CatalogueName): Promise<CatalogueItem[]> {
  const { resources } = await container.items
    .query<unknown>(
      {
        // The emulator ignores the partitionKey option, so the partition is named in WHERE as well.
        query: 'SELECT c.id, c.mpnId FROM c WHERE c.catalogue = @catalogue',
        parameters: [{ name: '@catalogue', value: name }],
      },
      { partitionKey: name },
    )
    .fetchAll();
  return resources.map((resource) => {
    const { id, mpnId } = StoredItemSchema.parse(resource);
    return mpnId === undefined ? { id } : { id, mpnId };
  });
}

const BATCH_SIZE = 100;

function inGroups<T>(items: readonly T[], size: number): T[][] {
  const groups: T[][] = [];
  for (let start = 0; start < items.length; start += size) groups.push(items.slice(start, start + size));
  return groups;
}

async function upsertBatch(
  container: Container,
  partition: string,
  items: readonly CatalogueItem[],
): Promise<void> {
  const { result } = await container.items.batch(
    items.map((item) => ({ operationType: 'Upsert', partitionKey: partition, resourceBody: { ...item } })),
    partition,
  );
  const failed = (result ?? []).find((operation) => operation.statusCode >= 400);
  if (failed || !result || result.length !== items.length) {
    throw new Error(`Loading the ${partition} catalogue failed (status ${failed?.statusCode ?? 'unknown'})`);
  }
}

async function inBatches<T>(
  items: readonly T[],
  size: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  for (let start = 0; start < items.length; start += size) {
    await Promise.all(items.slice(start, start + size).map(work));
  }
}
