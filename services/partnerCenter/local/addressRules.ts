import type { WireAddress, WireAddressValidation } from '../wire';

/**
 * The local Partner Center's address validation: rules a tester can predict, not a postal database.
 * Applied in this order to `POST /v1/validations/address`:
 *
 * 1. A country outside VALIDATED_COUNTRIES -> `NotValidated`, no suggestions (Partner Center does not
 *    validate every country).
 * 2. A country in HOUSE_NUMBER_COUNTRIES whose `addressLine1` holds no digit -> `None`, no suggestions,
 *    with a validationMessage naming AddressLine1. Not GB, IE or US: building names ("Kingsgate House")
 *    and spelled-out numbers ("One Microsoft Way", Partner Center's own example) are real addresses there.
 * 3. A street of KNOWN_STREETS (same country) spelled one or two letters wrong (a street name of at least
 *    8 letters; case, accents, ß/ss and hyphens do not count) -> `InteractionRequired` with one suggestion:
 *    the same address with the street spelled right (house number kept, in its place), and the street's
 *    city and postal code filled in when the address has none. E.g. NL "Keizersgrcht 12" -> "Keizersgracht 12".
 * 4. Anything else -> `Verified`, with the address as typed as its one suggestion.
 */
export const VALIDATED_COUNTRIES: ReadonlySet<string> = new Set(
  'AT AU BE CA CH DE DK ES FI FR GB IE IT LU NL NO PL SE US'.split(' '),
);

export const HOUSE_NUMBER_COUNTRIES: ReadonlySet<string> = new Set('AT BE CH DE DK LU NL PL'.split(' '));

interface KnownStreet {
  street: string;
  city: string;
  postalCode: string;
  state?: string;
}

export const KNOWN_STREETS: Readonly<Record<string, readonly KnownStreet[]>> = {
  NL: [
    { street: 'Keizersgracht', city: 'Amsterdam', postalCode: '1015 CJ' },
    { street: 'Herengracht', city: 'Amsterdam', postalCode: '1015 BZ' },
    { street: 'Prinsengracht', city: 'Amsterdam', postalCode: '1016 GV' },
    { street: 'Evert van de Beekstraat', city: 'Schiphol', postalCode: '1118 CL' },
    { street: 'Coolsingel', city: 'Rotterdam', postalCode: '3011 AD' },
  ],
  BE: [{ street: 'Wetstraat', city: 'Brussel', postalCode: '1040' }],
  DE: [
    { street: 'Unter den Linden', city: 'Berlin', postalCode: '10117' },
    { street: 'Walter-Gropius-Straße', city: 'München', postalCode: '80807' },
    { street: 'Königsallee', city: 'Düsseldorf', postalCode: '40212' },
  ],
  GB: [{ street: 'Kingdom Street', city: 'London', postalCode: 'W2 6BD' }],
  US: [{ street: 'Microsoft Way', city: 'Redmond', state: 'WA', postalCode: '98052' }],
};

export function validateAddressLocally(address: WireAddress): WireAddressValidation {
  const country = address.country.toUpperCase();
  if (!VALIDATED_COUNTRIES.has(country)) {
    return { originalAddress: address, suggestedAddresses: [], status: 'NotValidated' };
  }
  const line1 = address.addressLine1.trim().replace(/\s+/g, ' ');
  if (HOUSE_NUMBER_COUNTRIES.has(country) && !/\d/.test(line1)) {
    return {
      originalAddress: address,
      suggestedAddresses: [],
      status: 'None',
      validationMessage: "Address field invalid for property: 'AddressLine1' (no house number)",
    };
  }
  const correction = correctedStreet(country, line1);
  if (correction) {
    const { known, line1: corrected } = correction;
    return {
      originalAddress: address,
      suggestedAddresses: [
        {
          ...address,
          addressLine1: corrected,
          city: address.city || known.city,
          postalCode: address.postalCode || known.postalCode,
          ...(known.state ? { state: address.state || known.state } : {}),
        },
      ],
      status: 'InteractionRequired',
      validationMessage: `Address field invalid for property: 'AddressLine1' (did you mean ${known.street}?)`,
    };
  }
  return { originalAddress: address, suggestedAddresses: [address], status: 'Verified' };
}

function correctedStreet(country: string, line1: string): { known: KnownStreet; line1: string } | undefined {
  const words = line1.split(' ');
  const isNumber = (word: string) => /\d/.test(word);
  const street = comparable(words.filter((word) => !isNumber(word)).join(' '));
  if (street.replace(/ /g, '').length < 8) return undefined;
  const candidates = (KNOWN_STREETS[country] ?? []).map((known) => ({
    known,
    distance: editDistance(street, comparable(known.street)),
  }));
  if (candidates.some(({ distance }) => distance === 0)) return undefined;
  const nearest = candidates
    .filter(({ distance }) => distance <= 2)
    .sort((a, b) => a.distance - b.distance)[0];
  if (!nearest) return undefined;
  const numbers = words.filter(isNumber).join(' ');
  const parts = isNumber(words[0] ?? '') ? [numbers, nearest.known.street] : [nearest.known.street, numbers];
  return { known: nearest.known, line1: parts.filter(Boolean).join(' ') };
}

function comparable(text: string): string {
  return text
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[-.,'/]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Levenshtein distance, with an adjacent swap counting as one edit. */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j += 1) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      }
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}
