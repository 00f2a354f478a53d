import type { Database, SqlParameter, SqlQuerySpec } from '@azure/cosmos';
import { z } from 'zod';
import { LRUCache } from 'lru-cache';
import {
  OFFERS_PARTITION,
  RESELLERS_PARTITION,
  catalogueContainers,
  parseStored,
  type CatalogueContainers,
} from './catalogueDocuments';
import { syncCatalogue, type CatalogueSyncOptions, type CatalogueSyncResult } from './catalogueSync';
import type { LoadedCatalogue } from './loadCatalogue';
import {
  OFFER_PAGE_SIZE,
  bestSellersPage,
  bestSellersQuery,
  idGroups,
  offerSearchQuery,
  offersByIdQuery,
  rankBestSellers,
  searchPage,
  searchWords,
  type OfferFinder,
  type OfferPage,
  type OfferPageRequest,
} from './offerSearch';
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

/** How long an instance answers an offer query from what it read before (see CatalogueStore). */
const offerQueryMaxAgeMs = 10 * 60_000;

export const DEFAULT_RESELLER_SEARCH_LIMIT = 10;
export const MAX_RESELLER_SEARCH_LIMIT = 100;

const LimitSchema = z.number().int().min(1).max(MAX_RESELLER_SEARCH_LIMIT);
const CatalogueIdSchema = ResellerSchema.shape.id;
const OfferIdSchema = OfferSchema.shape.id;

/**
 * The partner's offers and indirect resellers as the services read them, from Cosmos DB. Every item
 * read is parsed with its zod schema.
 *
 * The catalogue is not held in memory: it runs to hundreds of offers and thousands at a large
 * partner, and a turn needs only a page of them (a search, the most sold in a country) and the offers
 * of the order it checks. So each is a parameterised query in the offers' one logical partition,
 * served from the container's index: the country and the words of a search filter, the sort key
 * orders and pages (see offerSearch.ts). Resellers are queried the same way.
 *
 * The answers to the latest offer queries are kept (`recentOfferQueries`, least recently used dropped,
 * each for `offerQueryMaxAgeMs`): an onboarding asks the same few several times (its order's offers at
 * each check, the country's best sellers at each drawing), and each costs two requests (the plan, the
 * query). The catalogue changes only when a deployment brings new files, which each instance loads at
 * start (`sync` forgets what was kept); an instance still running the old files may answer from them
 * for that long.
 */
export class CatalogueStore implements OfferFinder {
  private readonly recentOfferQueries = new LRUCache<string, readonly Offer[], SqlQuerySpec>({
    max: 500,
    ttl: offerQueryMaxAgeMs,
    fetchMethod: (_key, _stale, { context }) => this.runOfferQuery(context),
  });

  constructor(private readonly containers: CatalogueContainers) {}

  static forDatabase(database: Database): CatalogueStore {
    return new CatalogueStore(catalogueContainers(database));
  }

  /** Loads changed catalogue files into Cosmos DB (see syncCatalogue). */
  async sync(catalogue: LoadedCatalogue, options: CatalogueSyncOptions = {}): Promise<CatalogueSyncResult> {
    const result = await syncCatalogue(this.containers, catalogue, options);
    this.recentOfferQueries.clear();
    return result;
  }

  /**
   * A page of the offers sold in the country: with a query, those whose name, product family or SKU
   * holds every word of it (ignoring case, diacritics and punctuation), the most sold worldwide first,
   * then by name; without one, the most sold in that country (rankBestSellers).
   */
  async findOffers(request: OfferPageRequest): Promise<OfferPage> {
    const limit = LimitSchema.parse(request.limit ?? OFFER_PAGE_SIZE);
    const words = searchWords(request.query);
    if (words.length === 0) {
      const ranked = rankBestSellers(
        await this.queryOffers(bestSellersQuery(request.country)),
        request.country,
      );
      return bestSellersPage(ranked, request.cursor, limit);
    }
    const found = await this.queryOffers(offerSearchQuery(request.country, words, request.cursor, limit + 1));
    return searchPage(found, limit);
  }

  /**
   * The offers with these ids (unknown ids are left out), and the base offers of any add-on among
   * them, so that a rule can name them. One query per hundred ids, and one more for the bases.
   */
  async offersByIds(ids: readonly string[]): Promise<Offer[]> {
    const wanted = ids.filter((id) => OfferIdSchema.safeParse(id).success);
    const found = await this.readOffers(wanted);
    const known = new Set(found.map((offer) => offer.id));
    const bases = found.flatMap((offer) => offer.prerequisiteOfferIds).filter((id) => !known.has(id));
    return bases.length > 0 ? [...found, ...(await this.readOffers(bases))] : found;
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

  private async readOffers(ids: readonly string[]): Promise<Offer[]> {
    const groups = await Promise.all(idGroups(ids).map((group) => this.queryOffers(offersByIdQuery(group))));
    return groups.flat();
  }

  /** A copy of the kept answer: callers may sort or extend what they get. */
  private async queryOffers(spec: SqlQuerySpec): Promise<Offer[]> {
    const offers = await this.recentOfferQueries.fetch(JSON.stringify(spec), { context: spec });
    if (!offers) throw new Error('An offer query gave no answer');
    return [...offers];
  }

  private async runOfferQuery(spec: SqlQuerySpec): Promise<Offer[]> {
    const { resources } = await this.containers.offers.items
      .query<unknown>(spec, { partitionKey: OFFERS_PARTITION })
      .fetchAll();
    return resources.map((resource) => parseStored(OfferSchema, resource, 'offer'));
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
