import { comparable } from '../customers/text';

/**
 * The form in which a typed country is compared with names and aliases: no case, accents, dots,
 * spaces, hyphens or apostrophes, and no "the" before or (", the") after it.
 * "The Netherlands" -> "netherlands", "U.K." -> "uk", "Netherlands, the" -> "netherlands".
 */
export function countryLookupKey(value: string): string {
  return comparable(value)
    .replace(/^the\s+/, '')
    .replace(/,\s*the$/, '')
    .replace(/[.\s'’-]/g, '');
}
