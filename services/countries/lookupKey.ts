import { comparable } from '../customers/text';

/**
 * The form in which a typed country is compared with names and aliases: no case, accents, dots,
 * spaces, hyphens or apostrophes, and no article before or (", the") after it: English "the", Dutch
 * "de" and "het". "The Netherlands" -> "netherlands", "U.K." -> "uk", "Netherlands, the" ->
 * "netherlands", "het Verenigd Koninkrijk" -> "verenigdkoninkrijk", "België" -> "belgie".
 */
export function countryLookupKey(value: string): string {
  return comparable(value)
    .replace(/^(the|de|het)\s+/, '')
    .replace(/,\s*(the|de|het)$/, '')
    .replace(/[.\s'’-]/g, '');
}
