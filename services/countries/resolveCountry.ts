import { countryByName, countryRules } from './countryRules';
import { failed, passed, type Checked } from '../customers/ruleIssue';

/**
 * Turns what the agent typed into an ISO 3166 alpha-2 code, the form Partner Center uses: the code
 * in any case ("gb"), the country's English or Dutch name ("the Netherlands", "Nederland", "het
 * Verenigd Koninkrijk", "VS"; case, accents and an article do not matter) or one of its aliases
 * ("UK", "Holland", "Deutschland"). The caller tells the agent when the text was not the code itself
 * (see `checkCountry`); text that is none of these is refused.
 */
export function resolveCountry(typed: string | undefined): Checked<string> {
  const value = typed?.trim() ?? '';
  if (value === '') return failed('country.required');
  const byCode = value.length === 2 ? countryRules(value) : undefined;
  if (byCode) return passed(byCode.code);
  const byName = countryByName(value);
  if (byName) return passed(byName.code);
  return failed('country.unknown', { value });
}

/** Whether `typed` is `code` itself (in any case, with spaces around it) rather than a name or alias. */
export function isCountryCode(typed: string, code: string): boolean {
  return typed.trim().toUpperCase() === code;
}
