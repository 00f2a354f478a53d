import { readable } from '../harness/englishText';
import { validateAccountInfo } from '../../services/customers/accountInfo';
import { dutchCustomerForm, testAccountContext as context } from '../fixtures/accountInfoForms';

type Form = ReturnType<typeof dutchCustomerForm>;

type Changes = { [K in keyof Form]?: Form[K] extends object ? Partial<Form[K]> : Form[K] };

function formWith(changes: Changes): Form {
  const form = dutchCustomerForm();
  return {
    ...form,
    ...changes,
    address: { ...form.address, ...changes.address },
    primaryContact: { ...form.primaryContact, ...changes.primaryContact },
  } as Form;
}

function errorsOf(input: unknown, markets = context.markets) {
  const result = validateAccountInfo(input, { ...context, markets });
  return result.ok ? [] : result.errors.map(({ field, key }) => ({ field, key }));
}

describe('account info', () => {
  it('accepts a complete Dutch customer and normalises it', () => {
    const result = validateAccountInfo(
      formWith({
        legalName: '  Contoso   B.V. ',
        domainPrefix: 'Contoso',
        country: 'nl',
        address: { line1: ' Keizersgracht  1 ', postalCode: '1015cj' },
        language: 'NL',
        culture: 'nl-nl',
        primaryContact: {
          firstName: ' Jan ',
          email: ' jan.devries@Contoso.NL ',
          phone: '+31 (0)20-123 45 67',
        },
      }),
      context,
    );
    expect(result).toEqual({
      ok: true,
      value: {
        legalName: 'Contoso B.V.',
        domainPrefix: 'contoso',
        country: 'NL',
        address: { line1: 'Keizersgracht 1', city: 'Amsterdam', postalCode: '1015 CJ' },
        language: 'nl',
        culture: 'nl-NL',
        primaryContact: {
          firstName: 'Jan',
          lastName: 'de Vries',
          email: 'jan.devries@contoso.nl',
          phone: '+31201234567',
        },
      },
    });
  });

  it('reads empty optional fields as not given, leaving them out of the value', () => {
    const result = validateAccountInfo(dutchCustomerForm(), context);
    expect(result.ok && result.value.address).toEqual({
      line1: 'Keizersgracht 1',
      city: 'Amsterdam',
      postalCode: '1015 CJ',
    });
    expect(result.ok && 'registrationNumber' in result.value).toBe(false);
    expect(result.ok && 'phone' in result.value.primaryContact).toBe(false);
  });

  it('reports every problem at once, each at its field', () => {
    expect(errorsOf({})).toEqual([
      { field: 'legalName', key: 'legalName.required' },
      { field: 'domainPrefix', key: 'domainPrefix.required' },
      { field: 'country', key: 'country.required' },
      { field: 'address.line1', key: 'address.line1.required' },
      { field: 'language', key: 'language.required' },
      { field: 'culture', key: 'culture.required' },
      { field: 'primaryContact.firstName', key: 'person.firstName.required' },
      { field: 'primaryContact.lastName', key: 'person.lastName.required' },
      { field: 'primaryContact.email', key: 'person.email.required' },
    ]);
  });

  it.each([null, 'Contoso', 42, []])('treats %j as an empty form rather than failing', (input) => {
    expect(errorsOf(input)).toContainEqual({ field: 'legalName', key: 'legalName.required' });
  });

  it('reports several problems in one form with their messages', () => {
    const result = validateAccountInfo(
      formWith({ legalName: 'IBM', domainPrefix: 'contoso.com', address: { postalCode: '1234' } }),
      context,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(readable(result.errors)).toEqual([
      expect.objectContaining({
        field: 'legalName',
        message: 'Enter the full legal name as on official documents, not the acronym "IBM".',
      }),
      expect.objectContaining({ field: 'domainPrefix', key: 'domainPrefix.fullDomain' }),
      expect.objectContaining({
        field: 'address.postalCode',
        message: '"1234" is not a valid postal code in the Netherlands. Enter it like 1234 AB.',
      }),
    ]);
  });

  it.each<[string, Changes, string, string]>([
    ['an acronym as legal name', { legalName: 'KPMG' }, 'legalName', 'legalName.acronym'],
    ['a test name', { legalName: 'Test B.V.' }, 'legalName', 'legalName.placeholder'],
    ['a bare legal form', { legalName: 'B.V.' }, 'legalName', 'legalName.bareLegalForm'],
    [
      'a domain prefix with a hyphen',
      { domainPrefix: 'contoso-bv' },
      'domainPrefix',
      'domainPrefix.invalidCharacters',
    ],
    [
      'a full domain as prefix',
      { domainPrefix: 'contoso.onmicrosoft.com' },
      'domainPrefix',
      'domainPrefix.onmicrosoftDomain',
    ],
    ['a too-long domain prefix', { domainPrefix: 'x'.repeat(28) }, 'domainPrefix', 'domainPrefix.tooLong'],
    ['an unknown country', { country: 'Narnia' }, 'country', 'country.unknown'],
    ['a missing address line 1', { address: { line1: '  ' } }, 'address.line1', 'address.line1.required'],
    [
      'an address line 1 of 201 characters',
      { address: { line1: 'a'.repeat(201) } },
      'address.line1',
      'address.line1.tooLong',
    ],
    [
      'an address line 2 of 201 characters',
      { address: { line2: 'a'.repeat(201) } },
      'address.line2',
      'address.line2.tooLong',
    ],
    [
      'a missing city where one is required',
      { address: { city: '' } },
      'address.city',
      'address.city.required',
    ],
    [
      'a city of 101 characters',
      { address: { city: 'a'.repeat(101) } },
      'address.city',
      'address.city.tooLong',
    ],
    [
      'a state of 101 characters where there is no list',
      { address: { state: 'a'.repeat(101) } },
      'address.state',
      'address.state.tooLong',
    ],
    [
      'a missing postal code where one is required',
      { address: { postalCode: '' } },
      'address.postalCode',
      'address.postalCode.required',
    ],
    [
      'a postal code of the wrong format',
      { address: { postalCode: '12345' } },
      'address.postalCode',
      'address.postalCode.invalid',
    ],
    ['a language the country does not support', { language: 'de' }, 'language', 'language.notSupported'],
    ['a culture the country does not support', { culture: 'de-DE' }, 'culture', 'culture.notSupported'],
    [
      'a registration number of 51 characters',
      { registrationNumber: '1'.repeat(51) },
      'registrationNumber',
      'registrationNumber.tooLong',
    ],
  ])('refuses %s', (_what, changes, field, key) => {
    expect(errorsOf(formWith(changes))).toEqual([{ field, key }]);
  });

  it.each<[string, Changes]>([
    ['an address line 1 of 200 characters', { address: { line1: 'a'.repeat(200) } }],
    ['an address line 2 of 200 characters', { address: { line2: 'a'.repeat(200) } }],
    ['a free-text state where the country has no list', { address: { state: 'Noord-Holland' } }],
    ['English for a Dutch customer', { language: 'en', culture: 'en-US' }],
    ['a culture written with an underscore', { culture: 'nl_NL' }],
    ['a registration number where none is required', { registrationNumber: '12345678' }],
    ['the country by its English name', { country: 'The Netherlands' }],
    ['the country by an alias', { country: 'Holland' }],
  ])('accepts %s', (_what, changes) => {
    expect(errorsOf(formWith(changes))).toEqual([]);
  });

  it('takes "UK" as GB, says so, and checks the address against GB rules', () => {
    const result = validateAccountInfo(
      formWith({ country: 'UK', language: 'en', culture: 'en-GB', address: { postalCode: '1015 CJ' } }),
      context,
    );
    expect(readable(result.notices)).toEqual([
      expect.objectContaining({
        field: 'country',
        message: '"UK" is the United Kingdom (GB) in Partner Center: the form now uses its rules.',
      }),
    ]);
    expect(readable(!result.ok && result.errors)).toEqual([
      expect.objectContaining({
        field: 'address.postalCode',
        message: '"1015 CJ" is not a valid postal code in the United Kingdom. Enter it like SW1A 1AA.',
      }),
    ]);
  });

  it.each([
    ['sw1a1aa', 'SW1A 1AA'],
    ['SW1A 1AA', 'SW1A 1AA'],
  ])('formats the GB postal code %j as %j', (typed, postalCode) => {
    const result = validateAccountInfo(
      formWith({ country: 'GB', language: 'en', culture: 'en-GB', address: { postalCode: typed } }),
      context,
    );
    expect(result.ok && result.value.address.postalCode).toBe(postalCode);
  });
});

describe("the partner's markets", () => {
  it('refuses a country the partner may not sell in, naming the markets', () => {
    const result = validateAccountInfo(dutchCustomerForm(), { ...context, markets: ['BE', 'DE'] });
    expect(readable(!result.ok && result.errors)).toEqual([
      expect.objectContaining({
        field: 'country',
        key: 'country.notInMarkets',
        message:
          'Your partner account is not authorised to sell in the Netherlands (NL). Choose one of your markets: Belgium (BE) or Germany (DE).',
      }),
    ]);
  });

  it('accepts markets written in lower case', () => {
    expect(errorsOf(dutchCustomerForm(), ['nl'])).toEqual([]);
  });

  it('says so when the partner has no markets at all', () => {
    expect(errorsOf(dutchCustomerForm(), [])).toEqual([{ field: 'country', key: 'country.noMarkets' }]);
  });

  it('refuses a country we know but the partner may not sell in, and still checks its other rules', () => {
    const form = formWith({
      country: 'IT',
      language: 'it',
      culture: 'it-IT',
      address: { postalCode: '1234' },
    });
    expect(errorsOf(form)).toEqual([
      { field: 'country', key: 'country.notInMarkets' },
      { field: 'address.postalCode', key: 'address.postalCode.invalid' },
    ]);
  });
});
