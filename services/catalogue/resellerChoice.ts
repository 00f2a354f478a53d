import { fieldError, type Validated } from '../validation/fieldError';
import type { Reseller } from './schemas';

/** The reseller an agent picked must exist and have an active relationship with the partner. */
export function validateResellerChoice(
  resellers: readonly Reseller[],
  resellerId: string,
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
  return { ok: true, value: reseller };
}
