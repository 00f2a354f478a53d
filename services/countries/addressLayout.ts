import {
  layAddressOut,
  parseAddressLayout,
  type AddressLayoutField,
  type AddressLayoutValues,
} from './addressFormat';
import { countryRules } from './countryRules';

/**
 * An address as the customer record keeps it, with its country (ISO 3166 alpha-2): the stored
 * address of account info with `country` beside it, `{ ...info.address, country: info.country }`.
 */
export interface PostalAddress extends AddressLayoutValues {
  line1: string;
  country: string;
}

/**
 * For a country we have no rules for: street lines, then city; a state and postal code given get a
 * line of their own (see layAddressOut), so nothing typed is left out.
 */
const FALLBACK_LAYOUT = parseAddressLayout('%A%n%C');

function layoutOf(country: string) {
  return countryRules(country)?.addressLayout ?? FALLBACK_LAYOUT;
}

/**
 * The lines of the address itself, in the order the customer's country writes it:
 *   NL: ["Herengracht 1", "1015 CJ Amsterdam"]
 *   US: ["One Microsoft Way", "Redmond, WA 98052"]
 *   GB: ["2 Kingdom Street", "London W2 6BD"]
 * No line names the country: that is wording in the reader's language, which the caller adds below
 * these lines through the catalogue (`say.text({ country: address.country })`). Empty parts leave no
 * line, comma or space behind. Values are given as stored (state as its code where the country has a
 * list: "WA").
 */
export function addressLines(address: PostalAddress): string[] {
  return layAddressOut(layoutOf(address.country), address);
}

/**
 * The address fields in the order the country writes them, for a form that asks them in that order:
 * NL ["street", "postalCode", "city"], US ["street", "city", "state", "postalCode"]. A field left
 * out has no place in the country's addresses (no state in the Netherlands, no postal code in the
 * United Arab Emirates); addressLines still shows it on a line of its own when one is given.
 */
export function addressFieldOrder(country: string): readonly AddressLayoutField[] {
  return layoutOf(country).fields;
}
