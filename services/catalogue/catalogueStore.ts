import type { Container, Database, SqlParameter } from '@azure/cosmos';
import { z } from 'zod';
import {
  OFFERS_PARTITION,
  RESELLERS_PARTITION,
  catalogueContainers,
  parseStored,
  type CatalogueContainers,
} from './catalogueDocuments';
import { syncCatalogue, type CatalogueSyncOptions, type CatalogueSyncResult } from './catalogueSync';
import type { LoadedCatalogue } from './loadCatalogue';
import { offersForCountry } from './offerAvailability';
import { findResellers } from './resellerSearch';
import { OfferSchema, ResellerSchema, type Offer, type Reseller } from './schemas';
import { searchKey } from './searchKey';

export interface ResellerFilter {
  /**
   * The customer's country (ISO 3166 alpha-2, any case): leave out resellers that list their
   * countries and do not list this one. Absent or empty: resellers of every country.
   */
  country?: string;
}

export interface ResellerPageOptions extends ResellerFilter {
  /** At most this many (1 to 100; default 10). Ask for one more than you show to know there are more. */
  limit?: number;
}

export const DEFAULT_RESELLER_SEARCH_LIMIT = 10;
export const MAX_RESELLER_SEARCH_LIMIT = 100;

const LimitSchema = z.number().int().min(1).max(MAX_RESELLER_SEARCH_LIMIT);
const CatalogueIdSchema = ResellerSchema.shape.id;

interface OfferCache {
  list: readonly Offer[];
  byId: ReadonlyMap<string, Offer>;
  /** Filled as countries are asked for; dropped with the rest of the cache. */
  byCountry: Map<string, Offer[]>;
}

/**
 * The partner's offers and indirect resellers as the customer service reads them, from Cosmos DB.
 * Every item read is parsed with its zod schema.
 *
 * Offers are kept in memory after the first read: they are few (tens), read on nearly every turn
 * (listing them, checking an order), and change only when this store loads a changed file, which
 * happens at start-up (`sync`, which also drops the copy). So listing offers costs no database
 * request per turn. With several instances the files ship with the code: a changed file arrives by a
 * deployment that restarts every instance, and an instance not yet restarted keeps the offers it read
 * until then. Resellers can be many and are searched, so they are queried in Cosmos DB each time.
 */
export class CatalogueStore {
  private offerCache: Promise<OfferCache> | undefined;

  constructor(private readonly containers: CatalogueContainers) {}

  static forDatabase(database: Database): CatalogueStore {
    return new CatalogueStore(catalogueContainers(database));
  }

  /** Loads changed catalogue files into Cosmos DB (see syncCatalogue) and forgets the offers kept in memory. */
  async sync(catalogue: LoadedCatalogue, options: CatalogueSyncOptions = {}): Promise<CatalogueSyncResult> {
    try {
      return await syncCatalogue(this.containers, catalogue, options);
    } finally {
      this.offerCache = undefined;
    }
  }

  /** Every offer, by product family and then name; frozen, as every caller shares them. */
  async offers(): Promise<readonly Offer[]> {
    return (await this.cachedOffers()).list;
  }

  /** The offers an agent may pick for a customer in `country`, by product family and then name. */
  async offersForCountry(country: string): Promise<Offer[]> {
    const cache = await this.cachedOffers();
    let offers = cache.byCountry.get(country);
    if (!offers) {
      offers = Object.freeze(offersForCountry(cache.list, country)) as Offer[];
      cache.byCountry.set(country, offers);
    }
    return offers;
  }

  async offer(id: string): Promise<Offer | undefined> {
    return (await this.cachedOffers()).byId.get(id);
  }

  /** Resellers an agent may choose (active relationship, and active in `options.country` when given), by name. */
  async activeResellers(options: ResellerFilter = {}): Promise<Reseller[]> {
    const { where, parameters } = activeResellerFilter(options);
    const found = await this.queryResellers(`SELECT * FROM c WHERE ${where}`, parameters);
    return found.sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }));
  }

  /**
   * Active resellers (in `options.country` when given) whose name contains the query (ignoring case and diacritics: "societe" finds
   * "Société") or whose MPN ID starts with it, searched in Cosmos DB on the stored `nameKey`. The
   * page is the first `limit` matches by name; within it an exact MPN ID comes first, then names
   * that start with the query, then the rest (as findResellers ranks). An empty query lists them all.
   */
  async searchResellers(query: string, options: ResellerPageOptions = {}): Promise<Reseller[]> {
    const limit = LimitSchema.parse(options.limit ?? DEFAULT_RESELLER_SEARCH_LIMIT);
    const { where, parameters } = activeResellerFilter(options);
    const digits = query.replace(/\s+/g, '');
    const byMpnId = /^\d+$/.test(digits);
    const match = byMpnId
      ? '(CONTAINS(c.nameKey, @nameKey) OR STARTSWITH(c.mpnId, @mpnIdPrefix))'
      : 'CONTAINS(c.nameKey, @nameKey)';
    const page = await this.queryResellers(
      `SELECT TOP @limit * FROM c WHERE ${where} AND ${match} ORDER BY c.nameKey`,
      [
        ...parameters,
        { name: '@limit', value: limit },
        { name: '@nameKey', value: searchKey(query) },
        ...(byMpnId ? [{ name: '@mpnIdPrefix', value: digits }] : []),
      ],
    );
    return findResellers(page, query, options.country ? { country: options.country } : {});
  }

  /**
   * Any reseller, active or not and of any country: the caller tells the agent why it cannot be
   * chosen (`validateResellerChoice(found ? [found] : [], id, { country })`), which a filtered read
   * could only answer with "unknown".
   */
  async reseller(id: string): Promise<Reseller | undefined> {
    if (!CatalogueIdSchema.safeParse(id).success) return undefined;
    const { resource } = await this.containers.resellers.item(id, RESELLERS_PARTITION).read();
    return resource ? parseStored(ResellerSchema, resource, 'reseller') : undefined;
  }

  private cachedOffers(): Promise<OfferCache> {
    if (!this.offerCache) {
      const loading = readOffers(this.containers.offers);
      this.offerCache = loading;
      // A failed read is not kept: the next call asks the database again.
      loading.catch(() => {
        if (this.offerCache === loading) this.offerCache = undefined;
      });
    }
    return this.offerCache;
  }

  private async queryResellers(query: string, parameters: SqlParameter[]): Promise<Reseller[]> {
    const { resources } = await this.containers.resellers.items
      .query<unknown>({ query, parameters }, { partitionKey: RESELLERS_PARTITION })
      .fetchAll();
    return resources.map((resource) => parseStored(ResellerSchema, resource, 'reseller'));
  }
}

/** The partition is named in WHERE too: the embedded emulator ignores the partitionKey option. */
function activeResellerFilter(options: ResellerFilter): { where: string; parameters: SqlParameter[] } {
  const conditions = ['c.catalogue = @catalogue', 'c.relationshipState = @active'];
  const parameters: SqlParameter[] = [
    { name: '@catalogue', value: RESELLERS_PARTITION },
    { name: '@active', value: 'active' },
  ];
  const country = options.country?.trim().toUpperCase();
  if (country) {
    conditions.push('(NOT IS_DEFINED(c.countries) OR ARRAY_CONTAINS(c.countries, @country))');
    parameters.push({ name: '@country', value: country });
  }
  return { where: conditions.join(' AND '), parameters };
}

async function readOffers(container: Container): Promise<OfferCache> {
  const { resources } = await container.items
    .query<unknown>(
      {
        query: 'SELECT * FROM c WHERE c.catalogue = @catalogue',
        parameters: [{ name: '@catalogue', value: OFFERS_PARTITION }],
      },
      { partitionKey: OFFERS_PARTITION },
    )
    .fetchAll();
  const list = resources
    .map((resource) => deepFreeze(parseStored(OfferSchema, resource, 'offer')))
    .sort(
      (a, b) =>
        a.productFamily.localeCompare(b.productFamily, 'en', { sensitivity: 'base' }) ||
        a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }),
    );
  return {
    list: Object.freeze(list),
    byId: new Map(list.map((offer) => [offer.id, offer])),
    byCountry: new Map(),
  };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
