import { z } from 'zod';
import type { AccountInfo } from '../customers/accountInfo';
import { tenantDomain } from '../customers/tenantDomain';
import consumerMailFile from './consumerMailDomains.json';
import { partnerCenterAddress } from './newCustomer';
import { PartnerCenterError, type AddressValidationStatus, type PartnerCenter } from './partnerCenter';

const consumerMailDomains = new Set(
  z.object({ domains: z.array(z.string().toLowerCase()) }).parse(consumerMailFile).domains,
);

/** Statuses whose address is taken as typed. */
const acceptedStatuses: ReadonlySet<AddressValidationStatus> = new Set([
  'VerifiedShippable',
  'Verified',
  'NotValidated',
]);

export type CompanyAddress = AccountInfo['address'];

/** What Partner Center says of the address: fine as typed, or these instead (or none it could find). */
export type AddressVerdict =
  | { kind: 'verified' }
  | { kind: 'unverified'; status: AddressValidationStatus; suggestions: CompanyAddress[]; message?: string };

export interface TenantFindings {
  /** The customer's own domain (the contact's), already in Microsoft's directory: they have a tenant. */
  existingTenantDomain?: string;
  /** `<prefix>.onmicrosoft.com` already exists. */
  prefixTaken: boolean;
  address: AddressVerdict;
  /** The calls Partner Center could not answer (down, throttled): their checks were skipped. */
  unanswered: string[];
}

/**
 * Partner Center's checks of account info, at once: the initial domain, the customer's own domain
 * (a taken one is the usual sign of an existing tenant, through another partner or none), and the
 * address. Partner Center out of reach never stops an agent here: that check is skipped, and the
 * create after submit is the final word.
 */
export async function checkWithPartnerCenter(
  partnerCenter: PartnerCenter,
  info: AccountInfo,
  options: { addressConfirmed: boolean },
): Promise<TenantFindings> {
  const unanswered: string[] = [];
  const answer = async <T>(name: string, call: () => Promise<T>, otherwise: T): Promise<T> => {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof PartnerCenterError) || error.failure === 'rejected') throw error;
      unanswered.push(name);
      return otherwise;
    }
  };
  const ownDomain = customerDomainOf(info.primaryContact.email);
  const [existingTenant, prefixTaken, address] = await Promise.all([
    ownDomain
      ? answer('customerDomain', () => partnerCenter.domainExists(ownDomain), false)
      : Promise.resolve(false),
    answer('domainPrefix', () => partnerCenter.domainExists(tenantDomain(info.domainPrefix)), false),
    options.addressConfirmed
      ? Promise.resolve<AddressVerdict>({ kind: 'verified' })
      : answer('address', () => addressVerdict(partnerCenter, info), { kind: 'verified' } as AddressVerdict),
  ]);
  return {
    ...(existingTenant && ownDomain ? { existingTenantDomain: ownDomain } : {}),
    prefixTaken,
    address,
    unanswered,
  };
}

/** Whether a prefix is free in Microsoft's directory; unknown (Partner Center out of reach) counts as free. */
export async function prefixFreeInPartnerCenter(
  partnerCenter: PartnerCenter,
  prefix: string,
): Promise<boolean> {
  try {
    return !(await partnerCenter.domainExists(tenantDomain(prefix)));
  } catch (error) {
    if (error instanceof PartnerCenterError && error.failure !== 'rejected') return true;
    throw error;
  }
}

/** The customer's own mail domain, unless it belongs to a consumer mail service. */
export function customerDomainOf(email: string): string | undefined {
  const domain = email.split('@').at(-1)?.trim().toLowerCase();
  if (!domain || !domain.includes('.') || consumerMailDomains.has(domain)) return undefined;
  return domain;
}

async function addressVerdict(partnerCenter: PartnerCenter, info: AccountInfo): Promise<AddressVerdict> {
  const result = await partnerCenter.validateAddress(partnerCenterAddress(info));
  if (acceptedStatuses.has(result.status)) return { kind: 'verified' };
  const suggestions = result.suggestedAddresses
    .filter((suggested) => suggested.country.toUpperCase() === info.country)
    .map((suggested): CompanyAddress => ({
      line1: suggested.addressLine1,
      ...(suggested.addressLine2 ? { line2: suggested.addressLine2 } : {}),
      ...(suggested.city ? { city: suggested.city } : {}),
      ...(suggested.state ? { state: suggested.state } : {}),
      ...(suggested.postalCode ? { postalCode: suggested.postalCode } : {}),
    }))
    .slice(0, 5);
  return {
    kind: 'unverified',
    status: result.status,
    suggestions,
    ...(result.validationMessage ? { message: result.validationMessage } : {}),
  };
}
