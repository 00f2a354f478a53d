import { failed, passed, type Checked } from './ruleIssue';
import { isTenantDomain, withoutTenantDomainSuffix } from './tenantDomain';
import { foldDiacritics } from './text';

/** Upper bound on the length of the tenant domain's prefix (unconfirmed: see domain.md). */
export const MAX_DOMAIN_PREFIX_LENGTH = 27;

/** "Contoso-BV" -> "contosobv": only letters a-z and digits, at most the maximum length. */
export function toDomainPrefixCharacters(value: string): string {
  return foldDiacritics(value)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .slice(0, MAX_DOMAIN_PREFIX_LENGTH);
}

/** "https://www.contoso.com/about" -> "contoso.com"; "admin@contoso.com" -> "contoso.com". */
function hostOf(typed: string): string {
  const withoutScheme = typed.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  const withoutUser = withoutScheme.slice(withoutScheme.lastIndexOf('@') + 1);
  const host = withoutUser.split(/[/?#:]/)[0] ?? '';
  return host.toLowerCase().replace(/^www\./, '');
}

/** A domain, a web address or an email address rather than a bare prefix. */
function looksLikeDomain(typed: string): boolean {
  return /[.@/:]/.test(typed);
}

function fullDomainIssue(typed: string): Checked<string> {
  const host = hostOf(typed);
  if (isTenantDomain(host)) {
    const suggestion = toDomainPrefixCharacters(withoutTenantDomainSuffix(host));
    if (suggestion) return failed('domainPrefix.onmicrosoftDomain', { value: typed, suggestion });
  }
  const suggestion = toDomainPrefixCharacters(host.split('.')[0] ?? '');
  return suggestion
    ? failed('domainPrefix.fullDomain', { value: typed, suggestion })
    : failed('domainPrefix.noUsableCharacters', { value: typed });
}

/**
 * Checks the format of the prefix of the customer's tenant domain (tenantDomain.ts) and answers it in
 * lower case. Whether it is still free is checked elsewhere, against the store.
 */
export function checkDomainPrefix(raw: string | undefined): Checked<string> {
  const typed = (raw ?? '').trim();
  if (typed === '') return failed('domainPrefix.required');
  if (looksLikeDomain(typed)) return fullDomainIssue(typed);
  if (!/^[a-z0-9]+$/i.test(typed)) {
    const suggestion = toDomainPrefixCharacters(typed);
    return suggestion
      ? failed('domainPrefix.invalidCharacters', { value: typed, suggestion })
      : failed('domainPrefix.noUsableCharacters', { value: typed });
  }
  if (typed.length > MAX_DOMAIN_PREFIX_LENGTH) {
    return failed('domainPrefix.tooLong', {
      value: typed,
      length: typed.length,
      max: MAX_DOMAIN_PREFIX_LENGTH,
      suggestion: toDomainPrefixCharacters(typed),
    });
  }
  return passed(typed.toLowerCase());
}
