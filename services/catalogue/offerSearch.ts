import type { SqlParameter, SqlQuerySpec } from '@azure/cosmos';
import { OFFERS_PARTITION, offerSortKey } from './catalogueDocuments';
import { EVERY_COUNTRY, type Offer } from './schemas';
import { searchKey } from './searchKey';

/** Offers a card shows at once: a short page, so the card stays small and quick to read on a phone. */
export const OFFER_PAGE_SIZE = 5;
/** Words of a search that count; the rest are ignored. */
export const MAX_SEARCH_WORDS = 6;
/** The most sold offers listed for a country, at most. */
export const MAX_BEST_SELLERS = 50;
/** Offers read by one query when reading by id. */
const IDS_PER_QUERY = 100;

export interface OfferPageRequest {
  /** The customer's country (ISO 3166 alpha-2): only offers sold there. */
  country: string;
  /** Words of the name, product family or SKU, in any order; empty: the most sold in the country. */
  query: string;
  /** Where the page starts: the `next` of the page before; absent: the first page. */
  cursor?: string;
  /** Offers per page (default OFFER_PAGE_SIZE). */
  limit?: number;
}

export interface OfferPage {
  offers: Offer[];
  /** Where the next page starts; absent on the last page. */
  next?: string;
}

/** How the conversation finds offers; CatalogueStore runs it in Cosmos DB. */
export interface OfferFinder {
  findOffers(request: OfferPageRequest): Promise<OfferPage>;
}

/** "Microsoft 365 E3" -> ["microsoft", "365", "e3"]: folded as the stored searchText is, each once. */
export function searchWords(query: string): string[] {
  return [...new Set(searchKey(query).split(' ').filter(Boolean))].slice(0, MAX_SEARCH_WORDS);
}

/** The partition is named in WHERE too: the embedded emulator ignores the partitionKey option. */
function soldIn(country: string): { conditions: string[]; parameters: SqlParameter[] } {
  return {
    conditions: [
      'c.catalogue = @catalogue',
      '(ARRAY_CONTAINS(c.countries, @everywhere) OR ARRAY_CONTAINS(c.countries, @country))',
    ],
    parameters: [
      { name: '@catalogue', value: OFFERS_PARTITION },
      { name: '@everywhere', value: EVERY_COUNTRY },
      { name: '@country', value: country.trim().toUpperCase() },
    ],
  };
}

/**
 * Offers sold in the country whose searchText holds every word, by sortKey, after `after`: a page
 * continues where the one before ended (no OFFSET, whose cost grows with every page skipped).
 */
export function offerSearchQuery(
  country: string,
  words: readonly string[],
  after: string | undefined,
  limit: number,
): SqlQuerySpec {
  const { conditions, parameters } = soldIn(country);
  words.forEach((word, index) => {
    conditions.push(`CONTAINS(c.searchText, @word${index})`);
    parameters.push({ name: `@word${index}`, value: word });
  });
  if (after) {
    conditions.push('c.sortKey > @after');
    parameters.push({ name: '@after', value: after });
  }
  parameters.push({ name: '@limit', value: limit });
  return {
    query: `SELECT TOP @limit * FROM c WHERE ${conditions.join(' AND ')} ORDER BY c.sortKey`,
    parameters,
  };
}

/** The offers sold in the country that rank there or everywhere: a few, ordered by rankBestSellers. */
export function bestSellersQuery(country: string): SqlQuerySpec {
  const { conditions, parameters } = soldIn(country);
  conditions.push('(ARRAY_CONTAINS(c.rankedIn, @country) OR ARRAY_CONTAINS(c.rankedIn, @everywhere))');
  parameters.push({ name: '@limit', value: MAX_BEST_SELLERS });
  return { query: `SELECT TOP @limit * FROM c WHERE ${conditions.join(' AND ')}`, parameters };
}

export function offersByIdQuery(ids: readonly string[]): SqlQuerySpec {
  return {
    query: 'SELECT * FROM c WHERE c.catalogue = @catalogue AND ARRAY_CONTAINS(@ids, c.id)',
    parameters: [
      { name: '@catalogue', value: OFFERS_PARTITION },
      { name: '@ids', value: [...ids] },
    ],
  };
}

/** The ids in groups small enough for one query each. */
export function idGroups(ids: readonly string[]): string[][] {
  const unique = [...new Set(ids)];
  const groups: string[][] = [];
  for (let start = 0; start < unique.length; start += IDS_PER_QUERY) {
    groups.push(unique.slice(start, start + IDS_PER_QUERY));
  }
  return groups;
}

/** Ranked in the country first, by that rank; then ranked everywhere, by that rank; then by name. */
export function rankBestSellers(offers: readonly Offer[], country: string): Offer[] {
  const code = country.trim().toUpperCase();
  const place = (offer: Offer): [number, number] => {
    const here = offer.salesRank[code];
    return here !== undefined ? [0, here] : [1, offer.salesRank[EVERY_COUNTRY] ?? Infinity];
  };
  return [...offers].sort((a, b) => {
    const [groupA, rankA] = place(a);
    const [groupB, rankB] = place(b);
    return groupA - groupB || rankA - rankB || offerSortKey(a).localeCompare(offerSortKey(b));
  });
}

/** A page of the most sold list: `cursor` is where it starts ("5"); anything else is the start. */
export function bestSellersPage(
  ranked: readonly Offer[],
  cursor: string | undefined,
  limit: number,
): OfferPage {
  const start = cursor && /^\d{1,3}$/.test(cursor) ? Math.min(Number(cursor), ranked.length) : 0;
  const end = start + limit;
  return { offers: ranked.slice(start, end), ...(end < ranked.length ? { next: String(end) } : {}) };
}

/** A page of search results read one more than shown: that one says whether there is a next page. */
export function searchPage(found: readonly Offer[], limit: number): OfferPage {
  const offers = found.slice(0, limit);
  const last = offers[offers.length - 1];
  return { offers, ...(found.length > limit && last ? { next: offerSortKey(last) } : {}) };
}
