import { countryRules, type CountryRules } from '../countries/countryRules';
import { anyOfCountries, anyOfLanguages, countryInSentence } from '../countries/countryParam';
import { matchesRegistrationNumber, normaliseRegistrationNumber } from '../countries/formats';
import { codeByLanguageName } from '../countries/languageNames';
import { isCountryCode, resolveCountry } from '../countries/resolveCountry';
import type { MessageParam } from '../../messages/catalogue';
import { failed, passed, type Checked, type RuleIssue } from './ruleIssue';

export const REGISTRATION_NUMBER_MAX_LENGTH = 50;

/** The country as it reads in a sentence, for messages: "the Netherlands", "Germany". */
function inSentence(rules: CountryRules | undefined): MessageParam {
  return rules ? countryInSentence(rules.code) : '';
}

/**
 * The customer's country as an ISO code, with its rules, and whether the partner may sell there.
 * The rules come back even when the market is refused, so the other fields can still be checked.
 *
 * A name or alias ("UK", "the Netherlands", "Deutschland") is read as its code, and `notice` then
 * says so ('country.resolved': "UK" is the United Kingdom (GB) in Partner Center), for the form to
 * show beside the field; it is left out when the country is refused, whose message names the code.
 */
export function checkCountry(
  raw: string | undefined,
  markets: readonly string[],
): { rules: CountryRules | undefined; checked: Checked<string>; notice?: RuleIssue } {
  const resolved = resolveCountry(raw);
  if (!resolved.ok) return { rules: undefined, checked: resolved };
  const rules = countryRules(resolved.value);
  if (!rules) return { rules: undefined, checked: failed('country.unknown', { value: resolved.value }) };
  const allowed = markets.map((market) => market.trim().toUpperCase()).filter((market) => market !== '');
  if (allowed.length === 0) return { rules, checked: failed('country.noMarkets') };
  if (!allowed.includes(rules.code))
    return {
      rules,
      checked: failed('country.notInMarkets', {
        name: inSentence(rules),
        code: rules.code,
        markets: anyOfCountries(allowed),
      }),
    };
  const typed = (raw ?? '').trim();
  if (isCountryCode(typed, rules.code)) return { rules, checked: passed(rules.code) };
  return {
    rules,
    checked: passed(rules.code),
    notice: { key: 'country.resolved', params: { typed, name: inSentence(rules), code: rules.code } },
  };
}

/**
 * A language the country supports, by code or by its English or Dutch name ("NL", "Dutch",
 * "Nederlands" -> "nl"), answered as its lower-case code. Without country rules any code passes (the
 * country's own check reports the problem).
 */
export function checkLanguage(raw: string | undefined, rules: CountryRules | undefined): Checked<string> {
  const typed = (raw ?? '').trim();
  if (typed === '') return failed('language.required');
  if (!rules) return passed(typed.toLowerCase());
  const found = codeByLanguageName(typed, rules.languages);
  if (found) return passed(found);
  return failed('language.notSupported', {
    value: typed,
    country: inSentence(rules),
    options: anyOfLanguages(rules.languages),
  });
}

/**
 * A culture the country supports, by code or by its English or Dutch name ("nl_nl", "Dutch
 * (Netherlands)", "Nederlands (Nederland)" -> "nl-NL"), answered as listed.
 */
export function checkCulture(raw: string | undefined, rules: CountryRules | undefined): Checked<string> {
  const typed = (raw ?? '').trim();
  if (typed === '') return failed('culture.required');
  if (!rules) return passed(typed);
  const culture = codeByLanguageName(typed, rules.cultures);
  if (culture) return passed(culture);
  return failed('culture.notSupported', {
    value: typed,
    country: inSentence(rules),
    options: anyOfLanguages(rules.cultures),
  });
}

/** The organisation registration number (business tax ID), required and formatted per country. */
export function checkRegistrationNumber(
  raw: string | undefined,
  rules: CountryRules | undefined,
): Checked<string | undefined> {
  const typed = (raw ?? '').trim();
  const params = {
    country: inSentence(rules),
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
