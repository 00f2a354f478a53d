import type { CountryRules, FormatRule, StateEntry } from './countryRules';
import { cleanText, comparable } from '../customers/text';

/**
 * "1234ab" -> "1234 AB" (NL), "sw1a1aa" -> "SW1A 1AA" (GB): the first of the country's format rules
 * that matches the code without spaces and dashes rewrites it; otherwise the code is only upper-cased.
 */
export function normalisePostalCode(raw: string, formats: readonly FormatRule[]): string {
  const upper = cleanText(raw).toUpperCase();
  const compact = upper.replace(/[\s-]/g, '');
  const rule = formats.find((format) => format.match.test(compact));
  return rule ? compact.replace(rule.match, rule.format) : upper;
}

export function matchesPostalCode(rules: CountryRules, normalised: string): boolean {
  return rules.postalCodePattern === undefined || rules.postalCodePattern.test(normalised);
}

/**
 * "+31 (0)20-123 45 67" -> "+31201234567": drops spaces, dashes, dots, slashes, parentheses and the
 * "(0)" often written after a country code; "00" before the country code becomes "+".
 */
export function normalisePhoneNumber(raw: string): string {
  return raw
    .trim()
    .replace(/^(\+\d{1,3})\s*\(0\)/, '$1')
    .replace(/[\s\-./()]/g, '')
    .replace(/^00(?=[1-9])/, '+');
}

/** Any phone number: digits only, optionally after a "+", 6 to 15 of them (the E.164 maximum). */
const ANY_PHONE_NUMBER = /^\+?[0-9]{6,15}$/;

export function matchesPhoneNumber(rules: CountryRules | undefined, normalised: string): boolean {
  return (rules?.phonePattern ?? ANY_PHONE_NUMBER).test(normalised);
}

export function normaliseRegistrationNumber(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}

export function matchesRegistrationNumber(rules: CountryRules, normalised: string): boolean {
  return rules.registrationNumberPattern === undefined || rules.registrationNumberPattern.test(normalised);
}

/** Finds a state by code, name or alias, ignoring case and accents ("ca", "California" -> CA). */
export function findState(states: readonly StateEntry[], typed: string): StateEntry | undefined {
  const wanted = comparable(typed).replace(/\.$/, '');
  return states.find((state) =>
    [state.code, state.name, ...state.aliases].some((candidate) => comparable(candidate) === wanted),
  );
}
