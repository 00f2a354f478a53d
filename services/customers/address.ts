import type { CountryRules } from '../countries/countryRules';
import { countryInSentence } from '../countries/countryParam';
import { findState, matchesPostalCode, normalisePostalCode } from '../countries/formats';
import { failed, passed, type Checked, type IssueList } from './ruleIssue';
import { cleanText } from './text';

export const ADDRESS_LINE_MAX_LENGTH = 200;
/** City, state and postal code limits are not published; these are generous defaults. */
export const CITY_MAX_LENGTH = 100;
export const STATE_MAX_LENGTH = 100;
export const POSTAL_CODE_MAX_LENGTH = 20;

export interface Address {
  line1: string;
  line2?: string;
  city?: string;
  state?: string;
  postalCode?: string;
}

export interface AddressDraft {
  line1?: string | undefined;
  line2?: string | undefined;
  city?: string | undefined;
  state?: string | undefined;
  postalCode?: string | undefined;
}

function checkLine1(raw: string | undefined): Checked<string> {
  const line = cleanText(raw ?? '');
  if (line === '') return failed('address.line1.required');
  if (line.length > ADDRESS_LINE_MAX_LENGTH)
    return failed('address.line1.tooLong', { max: ADDRESS_LINE_MAX_LENGTH });
  return passed(line);
}

function checkLine2(raw: string | undefined): Checked<string | undefined> {
  const line = cleanText(raw ?? '');
  if (line.length > ADDRESS_LINE_MAX_LENGTH)
    return failed('address.line2.tooLong', { max: ADDRESS_LINE_MAX_LENGTH });
  return passed(line || undefined);
}

function checkCity(raw: string | undefined, rules: CountryRules | undefined): Checked<string | undefined> {
  const city = cleanText(raw ?? '');
  if (city === '')
    return rules?.cityRequired
      ? failed('address.city.required', { country: countryInSentence(rules.code) })
      : passed(undefined);
  if (city.length > CITY_MAX_LENGTH) return failed('address.city.tooLong', { max: CITY_MAX_LENGTH });
  return passed(city);
}

/** A state from the country's list, by code, name or alias, answered as its code ("california" -> "CA"). */
export function checkState(
  raw: string | undefined,
  rules: CountryRules | undefined,
): Checked<string | undefined> {
  const typed = cleanText(raw ?? '');
  if (typed === '')
    return rules?.stateRequired
      ? failed('address.state.required', { country: countryInSentence(rules.code) })
      : passed(undefined);
  if (rules && rules.states.length > 0) {
    const state = findState(rules.states, typed);
    if (state) return passed(state.code);
    const examples = rules.states
      .slice(0, 3)
      .map((entry) => entry.code)
      .join(', ');
    return failed('address.state.unknown', {
      value: typed,
      country: countryInSentence(rules.code),
      examples,
    });
  }
  if (typed.length > STATE_MAX_LENGTH) return failed('address.state.tooLong', { max: STATE_MAX_LENGTH });
  return passed(typed);
}

/** A postal code in the country's format, answered normalised ("1234ab" -> "1234 AB" in NL). */
export function checkPostalCode(
  raw: string | undefined,
  rules: CountryRules | undefined,
): Checked<string | undefined> {
  const typed = cleanText(raw ?? '');
  if (typed === '')
    return rules?.postalCodeRequired
      ? failed('address.postalCode.required', { country: countryInSentence(rules.code) })
      : passed(undefined);
  const postalCode = rules ? normalisePostalCode(typed, rules.postalCodeFormats) : typed.toUpperCase();
  if (rules && !matchesPostalCode(rules, postalCode))
    return failed('address.postalCode.invalid', {
      value: typed,
      country: countryInSentence(rules.code),
      example: rules.postalCodeExample ?? '',
    });
  if (postalCode.length > POSTAL_CODE_MAX_LENGTH)
    return failed('address.postalCode.tooLong', { max: POSTAL_CODE_MAX_LENGTH });
  return passed(postalCode);
}

/**
 * Checks every address field, recording problems under "address.<field>". Without country rules
 * (country missing or unknown) only the country-independent rules apply.
 */
export function checkAddress(
  draft: AddressDraft,
  rules: CountryRules | undefined,
  issues: IssueList,
): Address | undefined {
  const line1 = issues.take(['address', 'line1'], checkLine1(draft.line1));
  const line2 = issues.take(['address', 'line2'], checkLine2(draft.line2));
  const city = issues.take(['address', 'city'], checkCity(draft.city, rules));
  const state = issues.take(['address', 'state'], checkState(draft.state, rules));
  const postalCode = issues.take(['address', 'postalCode'], checkPostalCode(draft.postalCode, rules));
  if (line1 === undefined) return undefined;
  return {
    line1,
    ...(line2 && { line2 }),
    ...(city && { city }),
    ...(state && { state }),
    ...(postalCode && { postalCode }),
  };
}
