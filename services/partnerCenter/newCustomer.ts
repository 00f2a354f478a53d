import type { CustomerRecord } from '../customers/customerRecord';
import type { AccountInfo } from '../customers/accountInfo';
import type { AgreementAcceptance, NewCustomer, PartnerCenterAddress } from './partnerCenter';

/** The company address as Partner Center's `Address` takes it (without a person). */
export function partnerCenterAddress(info: Pick<AccountInfo, 'country' | 'address'>): PartnerCenterAddress {
  const { address } = info;
  return {
    country: info.country,
    addressLine1: address.line1,
    ...(address.line2 ? { addressLine2: address.line2 } : {}),
    ...(address.city ? { city: address.city } : {}),
    ...(address.state ? { state: address.state } : {}),
    ...(address.postalCode ? { postalCode: address.postalCode } : {}),
  };
}

/** The customer Partner Center creates from a record: company profile and billing profile. */
export function newCustomerOf(record: CustomerRecord): NewCustomer {
  const info = record.accountInfo;
  const contact = info.primaryContact;
  return {
    domain: record.domain,
    companyName: info.legalName,
    email: contact.email,
    language: info.language,
    culture: info.culture,
    defaultAddress: {
      ...partnerCenterAddress(info),
      firstName: contact.firstName,
      lastName: contact.lastName,
      ...(contact.phone ? { phoneNumber: contact.phone } : {}),
    },
    ...(info.registrationNumber ? { organizationRegistrationNumber: info.registrationNumber } : {}),
    ...(record.reseller?.tenantId ? { associatedPartnerId: record.reseller.tenantId } : {}),
  };
}

/** The MCA acceptance the partner attested, or nothing when the customer accepts it themselves. */
export function agreementOf(record: CustomerRecord, templateId: string): AgreementAcceptance | undefined {
  const { mca } = record;
  if (mca.kind !== 'attested') return undefined;
  const person = mca.acceptedBy;
  return {
    templateId,
    dateAgreed: mca.acceptedOn,
    primaryContact: {
      firstName: person.firstName,
      lastName: person.lastName,
      email: person.email,
      ...(person.phone ? { phoneNumber: person.phone } : {}),
    },
  };
}
