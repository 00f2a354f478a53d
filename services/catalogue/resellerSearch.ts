import { resellerServesCountry } from './resellerChoice';
import type { Reseller } from './schemas';
import { searchKey } from './searchKey';

export interface ResellerSearchOptions {
  /** Inactive resellers cannot be chosen, so they are left out unless asked for (e.g. for an admin view). */
  includeInactive?: boolean;
  /** The customer's country (ISO 3166 alpha-2, any case): leave out resellers not active there. */
  country?: string;
}

/**
 * Resellers whose name contains the query (ignoring case and diacritics) or whose MPN ID starts with
 * it. An exact MPN ID comes first, then names that start with the query, then the rest by name.
 * An empty query lists every reseller that passes the options.
 */
export function findResellers(
  resellers: readonly Reseller[],
  query: string,
  options: ResellerSearchOptions = {},
): Reseller[] {
  const key = searchKey(query);
  const digits = query.replace(/\s+/g, '');
  const isMpnQuery = /^\d+$/.test(digits);

  const rank = (reseller: Reseller): number | undefined => {
    if (isMpnQuery && reseller.mpnId === digits) return 0;
    const nameKey = searchKey(reseller.name);
    if (nameKey.startsWith(key)) return 1;
    if (nameKey.includes(key) || (isMpnQuery && reseller.mpnId.startsWith(digits))) return 2;
    return undefined;
  };

  return resellers
    .filter((reseller) => options.includeInactive || reseller.relationshipState === 'active')
    .filter((reseller) => resellerServesCountry(reseller, options.country))
    .flatMap((reseller) => {
      const position = rank(reseller);
      return position === undefined ? [] : [{ reseller, position }];
    })
    .sort((a, b) => a.position - b.position || a.reseller.name.localeCompare(b.reseller.name, 'en'))
    .map(({ reseller }) => reseller);
}
