/** What an agent types into the account info card for a Dutch customer, keyed by input id (= field path). */
export function dutchAccountInputs(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    legalName: 'Northwind Traders B.V.',
    domainPrefix: 'northwindnl',
    country: 'NL',
    'address.line1': 'Keizersgracht 12',
    'address.line2': '',
    'address.city': 'Amsterdam',
    'address.state': '',
    'address.postalCode': '1015cj',
    registrationNumber: '',
    language: 'nl',
    culture: 'nl-NL',
    'primaryContact.firstName': 'Anna',
    'primaryContact.lastName': 'Jansen',
    'primaryContact.email': 'anna.jansen@northwind.nl',
    'primaryContact.phone': '',
    ...overrides,
  };
}

/** The quantity input of an offer on the subscriptions card. */
export const quantityOf = (offerId: string): string => `offers.${offerId}.quantity`;
