import { countryRules, type CountryRules } from '../countries/countryRules';
import { matchesRegistrationNumber, normaliseRegistrationNumber } from '../countries/formats';
import { resolveCountry } from '../countries/resolveCountry';
import { failed, passed, type Checked } from './ruleIssue';

export const REGISTRATION_NUMBER_MAX_LENGTH = 50;

/**
 * The customer's country as an ISO code, with its rules, and whether the partner may sell there.
 * The rules come back even when the market is refused, so the other fields can still be checked.
 */
export function checkCountry(
  raw: string | undefined,
  markets: readonly string[],
): { rules: CountryRules | undefined; checked: Checked<string> } {
  const resolved = resolveCountry(raw);
  if (!resolved.ok) {
    // "UK" is refused, but clearly means GB: check the address against GB's rules meanwhile.
    const meant =
      resolved.key === 'country.useIsoCode' ? countryRules(String(resolved.params.code)) : undefined;
    return { rules: meant, checked: resolved };
  }
  const rules = countryRules(resolved.value);
  if (!rules) return { rules: undefined, checked: failed('country.unknown', { value: resolved.value }) };
  const allowed = markets.map((market) => market.trim().toUpperCase()).filter((market) => market !== '');
  if (allowed.length === 0) return { rules, checked: failed('country.noMarkets') };
  if (!allowed.includes(rules.code))
    return {
      rules,
      checked: failed('country.notInMarkets', {
        name: rules.name,
        code: rules.code,
        markets: allowed.join(', '),
      }),
    };
  return { rules, checked: passed(rules.code) };
}

/** A language the country supports, answered in lower case ("NL" -> "nl"). */
export function checkLanguage(raw: string | undefined, rules: CountryRules | undefined): Checked<string> {
  const typed = (raw ?? '').trim();
  if (typed === '') return failed('language.required');
  const language = typed.toLowerCase();
  if (!rules || rules.languages.includes(language)) return passed(language);
  return failed('language.notSupported', {
    value: typed,
    country: rules.name,
    options: rules.languages.join(', '),
  });
}

/** A culture the country supports, answered as listed ("nl_nl" -> "nl-NL"). */
export function checkCulture(raw: string | undefined, rules: CountryRules | undefined): Checked<string> {
  const typed = (raw ?? '').trim();
  if (typed === '') return failed('culture.required');
  if (!rules) return passed(typed);
  const wanted = typed.replace('_', '-').toLowerCase();
  const culture = rules.cultures.find((candidate) => candidate.toLowerCase() === wanted);
  if (culture) return passed(culture);
  return failed('culture.notSupported', {
    value: typed,
    country: rules.name,
    options: rules.cultures.join(', '),
  });
}

/** The organisation registration number (business tax ID), required and formatted per country. */
export function checkRegistrationNumber(
  raw: string | undefined,
  rules: CountryRules | undefined,
): Checked<string | undefined> {
  const typed = (raw ?? '').trim();
  const params = {
    country: rules?.name ?? '',
    name: rules?.registrationNumberName ?? '',
    example: rules?.registrationNumberExample ?? '',
  };
  if (typed === '')
    return rules?.registrationNumberRequired
      ? failed('registrationNumber.required', params)
      : passed(undefined);
  const number = normaliseRegistrationNumber(typed);
  if (rules && !matchesRegistrationNumber(rules, number))
    return failed('registrationNumber.invalid', { ...params, value: typed });
  if (number.length > REGISTRATION_NUMBER_MAX_LENGTH)
    return failed('registrationNumber.tooLong', { max: REGISTRATION_NUMBER_MAX_LENGTH });
  return passed(number);
}
