import type {
  AccountInfoInputId,
  AccountInfoValues,
  FieldMessages,
  McaInputId,
  McaValues,
} from '../cards/cardModels';
import type { AccountInfo } from '../services/customers/accountInfo';
import type { McaConfirmation } from '../services/customers/mca';
import type { FieldError } from '../services/validation/fieldError';

/** Card input id of each account-info field path the service reports. */
const accountInfoPaths: Record<string, AccountInfoInputId> = {
  legalName: 'legalName',
  domainPrefix: 'domainPrefix',
  country: 'country',
  'address.line1': 'addressLine1',
  'address.line2': 'addressLine2',
  'address.city': 'city',
  'address.state': 'state',
  'address.postalCode': 'postalCode',
  registrationNumber: 'registrationNumber',
  language: 'language',
  culture: 'culture',
  'primaryContact.firstName': 'contactFirstName',
  'primaryContact.lastName': 'contactLastName',
  'primaryContact.email': 'contactEmail',
  'primaryContact.phone': 'contactPhone',
};

/** The account info card's flat values as the nested form the service validates. */
export function accountInfoForm(values: AccountInfoValues) {
  return {
    legalName: values.legalName,
    domainPrefix: values.domainPrefix,
    country: values.country,
    address: {
      line1: values.addressLine1,
      line2: values.addressLine2,
      city: values.city,
      state: values.state,
      postalCode: values.postalCode,
    },
    registrationNumber: values.registrationNumber,
    language: values.language,
    culture: values.culture,
    primaryContact: {
      firstName: values.contactFirstName,
      lastName: values.contactLastName,
      email: values.contactEmail,
      phone: values.contactPhone,
    },
  };
}

/** Valid account info back into card values (normalised: the card shows what will be stored). */
export function accountInfoValues(info: AccountInfo): AccountInfoValues {
  return {
    legalName: info.legalName,
    domainPrefix: info.domainPrefix,
    country: info.country,
    addressLine1: info.address.line1,
    addressLine2: info.address.line2 ?? '',
    city: info.address.city ?? '',
    state: info.address.state ?? '',
    postalCode: info.address.postalCode ?? '',
    registrationNumber: info.registrationNumber ?? '',
    language: info.language,
    culture: info.culture,
    contactFirstName: info.primaryContact.firstName,
    contactLastName: info.primaryContact.lastName,
    contactEmail: info.primaryContact.email,
    contactPhone: info.primaryContact.phone ?? '',
  };
}

const mcaPaths: Record<string, McaInputId> = {
  kind: 'mcaChoice',
  'acceptedBy.firstName': 'acceptedByFirstName',
  'acceptedBy.lastName': 'acceptedByLastName',
  'acceptedBy.email': 'acceptedByEmail',
  'acceptedBy.phone': 'acceptedByPhone',
  acceptedOn: 'acceptedOn',
};

export function mcaForm(values: McaValues) {
  return {
    kind: values.mcaChoice,
    acceptedBy: {
      firstName: values.acceptedByFirstName,
      lastName: values.acceptedByLastName,
      email: values.acceptedByEmail,
      phone: values.acceptedByPhone,
    },
    acceptedOn: values.acceptedOn,
  };
}

export function mcaValues(mca: McaConfirmation): McaValues {
  if (mca.kind === 'customerWillAccept') return { mcaChoice: 'customerWillAccept' };
  return {
    mcaChoice: 'attested',
    acceptedByFirstName: mca.acceptedBy.firstName,
    acceptedByLastName: mca.acceptedBy.lastName,
    acceptedByEmail: mca.acceptedBy.email,
    acceptedByPhone: mca.acceptedBy.phone ?? '',
    acceptedOn: mca.acceptedOn,
  };
}

/**
 * Service errors as messages under the card's inputs. An error without an input of its own (or
 * for an input the card does not show) is kept under `general`, shown at the top of the card.
 */
export function messagesByInput(
  errors: readonly FieldError[],
  inputOf: (field: string) => string | undefined,
): FieldMessages {
  const messages: Record<string, string> = {};
  for (const error of errors) {
    const input = inputOf(error.field) ?? 'general';
    messages[input] = messages[input] ? `${messages[input]} ${error.message}` : error.message;
  }
  return messages;
}

export const accountInfoInputOf = (field: string): string | undefined => accountInfoPaths[field];
export const mcaInputOf = (field: string): string | undefined => mcaPaths[field];

/** Order errors ("lines.2.quantity") under the quantity input of the offer on that line. */
export function orderInputOf(lineOfferIds: readonly string[]) {
  return (field: string): string | undefined => {
    const match = /^lines\.(\d+)\.(\w+)$/.exec(field);
    const offerId = match ? lineOfferIds[Number(match[1])] : undefined;
    if (!match || !offerId) return undefined;
    return match[2] === 'term' ? `term_${offerId}` : `quantity_${offerId}`;
  };
}
