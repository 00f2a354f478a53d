import { countryInSentence } from '../countries/countryParam';
import { fieldError, type Validated } from '../validation/fieldError';
import type { Reseller } from './schemas';

export interface ResellerChoiceOptions {
  /** The customer's country (ISO 3166 alpha-2): the reseller must be active there. */
  country?: string;
}

/** Whether the reseller works with customers in `country`: it lists no countries, or lists this one. */
export function resellerServesCountry(reseller: Reseller, country: string | undefined): boolean {
  const code = country?.trim().toUpperCase();
  return !code || !reseller.countries || reseller.countries.includes(code);
}

/**
 * The reseller an agent picked must exist, have an active relationship with the partner and, given
 * the customer's country, be active in that country.
 */
export function validateResellerChoice(
  resellers: readonly Reseller[],
  resellerId: string,
  options: ResellerChoiceOptions = {},
): Validated<Reseller> {
  const reseller = resellers.find((candidate) => candidate.id === resellerId);
  if (!reseller) {
    return { ok: false, errors: [fieldError('resellerId', 'reseller.unknown', { resellerId })] };
  }
  if (reseller.relationshipState !== 'active') {
    return {
      ok: false,
      errors: [
        fieldError('resellerId', 'reseller.inactive', { resellerName: reseller.name, mpnId: reseller.mpnId }),
      ],
    };
  }
  if (!resellerServesCountry(reseller, options.country)) {
    const country = options.country?.trim().toUpperCase() ?? '';
    return {
      ok: false,
      errors: [
        fieldError('resellerId', 'reseller.notInCountry', {
          resellerName: reseller.name,
          mpnId: reseller.mpnId,
          country: countryInSentence(country),
          countryCode: country,
        }),
      ],
    };
  }
  return { ok: true, value: reseller };
}
