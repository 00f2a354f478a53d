import { countryRules, listCountries } from './countryRules';
import { comparable } from '../customers/text';
import { failed, passed, type Checked } from '../customers/ruleIssue';

function withoutArticle(value: string): string {
  return comparable(value).replace(/^the /, '').replace(/[.\s]/g, '');
}

/**
 * Turns what the agent typed into an ISO 3166 alpha-2 code: the code in any case or the country's
 * English name ("the Netherlands") are accepted; a common alias ("UK", "USA", "Holland") is refused
 * with the code to use, because Partner Center itself refuses it.
 */
export function resolveCountry(typed: string | undefined): Checked<string> {
  const value = typed?.trim() ?? '';
  if (value === '') return failed('country.required');
  const byCode = countryRules(value);
  if (byCode && value.length === 2) return passed(byCode.code);
  const wanted = withoutArticle(value);
  for (const country of listCountries()) {
    if (withoutArticle(country.name) === wanted) return passed(country.code);
    if (country.aliases.some((alias) => withoutArticle(alias) === wanted))
      return failed('country.useIsoCode', { value, code: country.code, name: country.name });
  }
  return failed('country.unknown', { value });
}
