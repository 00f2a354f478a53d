import { MAX_DOMAIN_PREFIX_LENGTH, toDomainPrefixCharacters } from './domainPrefix';
import { splitLegalForm } from './legalForms';
import { withoutTenantDomainSuffix } from './tenantDomain';

export interface SuggestionOptions {
  /** Prefixes known to be taken (e.g. the one just refused); never suggested. */
  exclude?: readonly string[];
  /** The customer's country, for a candidate like "contosonl". */
  country?: string;
}

/** base + suffix, with base shortened so the whole fits the maximum length. */
function fit(base: string, suffix = ''): string {
  return base.slice(0, MAX_DOMAIN_PREFIX_LENGTH - suffix.length) + suffix;
}

/**
 * Candidate prefixes for a legal name or a taken prefix, most natural first: the name without its
 * legal form ("contoso"), its first word, with the legal form ("contosobv"), with the country
 * ("contosonl"), then numbered ("contoso1", "contoso2", ...). Each is letters and digits only and at
 * most MAX_DOMAIN_PREFIX_LENGTH long; whether one is free is for the caller to check.
 */
export function suggestDomainPrefixes(source: string, count = 5, options: SuggestionOptions = {}): string[] {
  const { core, legalForms } = splitLegalForm(withoutTenantDomainSuffix(source));
  const words = core.filter((word) => word !== 'and');
  const base = toDomainPrefixCharacters(words.join(''));
  if (base === '' || count <= 0) return [];
  const candidates = [
    base,
    words.length > 1 ? toDomainPrefixCharacters(words[0] ?? '') : '',
    legalForms.length > 0 ? fit(base, toDomainPrefixCharacters(legalForms.join(''))) : '',
    options.country ? fit(base, toDomainPrefixCharacters(options.country)) : '',
  ];
  const excluded = new Set((options.exclude ?? []).map((prefix) => prefix.toLowerCase()));
  const chosen: string[] = [];
  const offer = (candidate: string) => {
    if (candidate && !excluded.has(candidate) && !chosen.includes(candidate)) chosen.push(candidate);
  };
  candidates.forEach(offer);
  for (let number = 1; chosen.length < count; number += 1) offer(fit(base, String(number)));
  return chosen.slice(0, count);
}
