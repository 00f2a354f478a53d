import type { Container, Database } from '@azure/cosmos';
import { z } from 'zod';
import { containerDefinitions } from '../cosmos/containers';
import type { Offer, Reseller } from './schemas';
import { searchKey } from './searchKey';

/**
 * How the catalogues sit in Cosmos DB. Both containers are partitioned on /catalogue, and every item
 * of a catalogue carries the same value ("offers" or "resellers"), so each catalogue is one logical
 * partition: small, read whole or queried within it, and the reseller unique key on /mpnId holds
 * across every reseller.
 */
export const OFFERS_PARTITION = 'offers';
export const RESELLERS_PARTITION = 'resellers';
export type CatalogueName = typeof OFFERS_PARTITION | typeof RESELLERS_PARTITION;

export interface CatalogueContainers {
  offers: Container;
  resellers: Container;
  /** One version document per catalogue, id "offers" or "resellers". */
  versions: Container;
}

export function catalogueContainers(database: Database): CatalogueContainers {
  return {
    offers: database.container(containerDefinitions.offers.id),
    resellers: database.container(containerDefinitions.resellers.id),
    versions: database.container(containerDefinitions.catalogueVersions.id),
  };
}

/** Which file content is loaded; written after every item, so a load that stopped half-way is redone. */
export const CatalogueVersionSchema = z.object({
  id: z.enum([OFFERS_PARTITION, RESELLERS_PARTITION]),
  /** The file's own `version` (a whole number or a date), for people; the hash decides. */
  version: z.union([z.number(), z.string()]),
  /** sha256 of the file's bytes. */
  contentHash: z.string().min(1),
  loadedAt: z.iso.datetime(),
  itemCount: z.number().int().min(0),
  /** The layout of the stored items (OFFER_DOCUMENT_LAYOUT); absent: the first one. */
  layout: z.number().int().min(1).optional(),
});
export type CatalogueVersion = z.infer<typeof CatalogueVersionSchema>;

/**
 * An offer as stored, with what searches run on: `searchText` (name, product family and SKU folded
 * by searchKey(), as the query's words are), `sortKey` (worldwide sales rank, then name, then id:
 * one unique field, so a page of results continues after the last key of the one before) and
 * `rankedIn` (the countries, or "*", where the offer is among the most sold).
 */
export type OfferDocument = Offer & {
  catalogue: typeof OFFERS_PARTITION;
  searchText: string;
  sortKey: string;
  rankedIn: string[];
};
export type ResellerDocument = Reseller & { catalogue: typeof RESELLERS_PARTITION; nameKey: string };

/** Bump when OfferDocument's derived fields change, so a store loaded by an older version is reloaded. */
export const OFFER_DOCUMENT_LAYOUT = 2;

export function offerDocument(offer: Offer): OfferDocument {
  return {
    ...offer,
    catalogue: OFFERS_PARTITION,
    searchText: searchKey(`${offer.name} ${offer.productFamily} ${offer.sku}`),
    sortKey: offerSortKey(offer),
    rankedIn: Object.keys(offer.salesRank),
  };
}

/**
 * "00003!microsoft_365_business_basic!m365-business-basic": compared as text, the worldwide most
 * sold first (unranked offers after every ranked one), then by name. Spaces become "_" and the parts
 * are joined by "!", which sorts before every letter, digit and "_", so "E3" comes before "E3 (no Teams)".
 */
export function offerSortKey(offer: Pick<Offer, 'id' | 'name' | 'salesRank'>): string {
  const rank = String(offer.salesRank['*'] ?? 99999).padStart(5, '0');
  return `${rank}!${searchKey(offer.name).replace(/ /g, '_')}!${offer.id}`;
}

/** `nameKey` is what searches run on: the name folded by searchKey(), as the query is. */
export function resellerDocument(reseller: Reseller): ResellerDocument {
  return { ...reseller, catalogue: RESELLERS_PARTITION, nameKey: searchKey(reseller.name) };
}

/** A stored item broke its schema: the data was edited by hand or written by another version. */
export class StoredCatalogueError extends Error {
  override readonly name = 'StoredCatalogueError';
}

/** Parses an item read from Cosmos DB; the schema drops the store's own fields (_rid, catalogue, ...). */
export function parseStored<T>(schema: z.ZodType<T>, raw: unknown, what: string): T {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const id = typeof raw === 'object' && raw !== null && 'id' in raw ? String(raw.id) : '(no id)';
  throw new StoredCatalogueError(
    `The stored ${what} "${id}" is not valid (${z.prettifyError(result.error).replace(/\n/g, ' ')}); ` +
      'reload the catalogue files to repair it.',
    { cause: result.error },
  );
}

export function statusCodeOf(error: unknown): number | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : undefined;
}
