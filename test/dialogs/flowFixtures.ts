/** What an agent types into the account info card for a Dutch customer. */
export function dutchAccountInputs(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    legalName: 'Northwind Traders B.V.',
    domainPrefix: 'northwindnl',
    country: 'NL',
    addressLine1: 'Keizersgracht 12',
    addressLine2: '',
    city: 'Amsterdam',
    state: '',
    postalCode: '1015cj',
    registrationNumber: '',
    language: 'nl',
    culture: 'nl-NL',
    contactFirstName: 'Anna',
    contactLastName: 'Jansen',
    contactEmail: 'anna.jansen@northwind.nl',
    contactPhone: '',
    ...overrides,
  };
}
