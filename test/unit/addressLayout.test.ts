import { addressFieldOrder, addressLines, type PostalAddress } from '../../services/countries/addressLayout';
import { layAddressOut, parseAddressLayout } from '../../services/countries/addressFormat';
import { countryCodes, countryRules } from '../../services/countries/countryRules';
import { sayIn } from '../../messages/catalogue';

describe('addresses in the order of their country', () => {
  it.each<[string, PostalAddress, string[]]>([
    [
      'NL: postal code before city',
      { line1: 'Herengracht 182', postalCode: '1016 BR', city: 'Amsterdam', country: 'NL' },
      ['Herengracht 182', '1016 BR Amsterdam'],
    ],
    [
      'NL with a second line',
      {
        line1: 'Evert van de Beekstraat 354',
        line2: 'Building A',
        postalCode: '1118 CZ',
        city: 'Schiphol',
        country: 'NL',
      },
      ['Evert van de Beekstraat 354', 'Building A', '1118 CZ Schiphol'],
    ],
    [
      'US: city, state and ZIP code',
      { line1: 'One Microsoft Way', city: 'Redmond', state: 'WA', postalCode: '98052', country: 'US' },
      ['One Microsoft Way', 'Redmond, WA 98052'],
    ],
    [
      'GB: town and postcode',
      { line1: '2 Kingdom Street', city: 'London', postalCode: 'W2 6BD', country: 'GB' },
      ['2 Kingdom Street', 'London W2 6BD'],
    ],
    [
      'DE: postal code before city',
      { line1: 'Walter-Gropius-Straße 5', postalCode: '80807', city: 'München', country: 'DE' },
      ['Walter-Gropius-Straße 5', '80807 München'],
    ],
    [
      'CA: city, province and postal code without a comma',
      { line1: '81 Bay Street', city: 'Toronto', state: 'ON', postalCode: 'M5J 0E7', country: 'CA' },
      ['81 Bay Street', 'Toronto ON M5J 0E7'],
    ],
    [
      'AU: suburb, state and postcode',
      {
        line1: '1 Epping Road',
        city: 'North Ryde',
        state: 'New South Wales',
        postalCode: '2113',
        country: 'AU',
      },
      ['1 Epping Road', 'North Ryde New South Wales 2113'],
    ],
    [
      'BR: city-state, then the CEP on its own line',
      {
        line1: 'Av. Pres. Juscelino Kubitschek, 1909',
        city: 'São Paulo',
        state: 'SP',
        postalCode: '04543-907',
        country: 'BR',
      },
      ['Av. Pres. Juscelino Kubitschek, 1909', 'São Paulo-SP', '04543-907'],
    ],
    [
      'IN: city and PIN, then the state',
      {
        line1: 'Embassy Golf Links',
        city: 'Bengaluru',
        state: 'Karnataka',
        postalCode: '560071',
        country: 'IN',
      },
      ['Embassy Golf Links', 'Bengaluru 560071', 'Karnataka'],
    ],
    [
      'IE: city and Eircode on lines of their own',
      { line1: 'One Microsoft Place', city: 'Dublin', postalCode: 'D18 P521', country: 'IE' },
      ['One Microsoft Place', 'Dublin', 'D18 P521'],
    ],
    [
      'TR: postal code, district/province',
      {
        line1: 'Kuşbakışı Cad. No: 1',
        postalCode: '34662',
        city: 'Üsküdar',
        state: 'İstanbul',
        country: 'TR',
      },
      ['Kuşbakışı Cad. No: 1', '34662 Üsküdar/İstanbul'],
    ],
    [
      'AE: no postal code',
      { line1: 'Dubai Internet City, Building 5', city: 'Dubai', country: 'AE' },
      ['Dubai Internet City, Building 5', 'Dubai'],
    ],
    [
      'CH: no "CH-" before the postal code, the country is named below',
      { line1: 'The Circle 02', postalCode: '8058', city: 'Zürich', country: 'CH' },
      ['The Circle 02', '8058 Zürich'],
    ],
  ])('lays out %s', (_what, address, lines) => {
    expect(addressLines(address)).toEqual(lines);
  });

  it.each(['NL', 'GB', 'US', 'DE', 'FI'])(
    'writes no line naming the country %s: the caller names it through the catalogue',
    (country) => {
      expect(addressLines({ line1: 'Straat 1', city: 'Stad', country })).toEqual(['Straat 1', 'Stad']);
    },
  );

  it("leaves the country line to the catalogue, in the reader's language", () => {
    const address: PostalAddress = {
      line1: 'Herengracht 182',
      postalCode: '1016 BR',
      city: 'Amsterdam',
      country: 'NL',
    };
    expect([...addressLines(address), sayIn('nl').text({ country: address.country })]).toEqual([
      'Herengracht 182',
      '1016 BR Amsterdam',
      'Nederland',
    ]);
    expect([...addressLines(address), sayIn('en').text({ country: address.country })]).toEqual([
      'Herengracht 182',
      '1016 BR Amsterdam',
      'Netherlands',
    ]);
  });

  it.each<[string, Omit<PostalAddress, 'country' | 'line1'>, string]>([
    ['without a state', { city: 'Redmond', postalCode: '98052' }, 'Redmond 98052'],
    ['without a city', { state: 'WA', postalCode: '98052' }, 'WA 98052'],
    ['without a ZIP code', { city: 'Redmond', state: 'WA' }, 'Redmond, WA'],
    ['with only a city', { city: 'Redmond' }, 'Redmond'],
    ['with only a ZIP code', { postalCode: '98052' }, '98052'],
    ['with blank parts', { city: '  ', state: 'WA', postalCode: ' 98052 ' }, 'WA 98052'],
  ])('leaves no stray comma or space %s (US)', (_what, parts, cityLine) => {
    expect(addressLines({ line1: 'One Microsoft Way', ...parts, country: 'US' })).toEqual([
      'One Microsoft Way',
      cityLine,
    ]);
  });

  it('joins a Turkish postal code and province with a space when there is no district', () => {
    expect(
      addressLines({ line1: 'Büyükdere Cad. 1', postalCode: '34394', state: 'İstanbul', country: 'TR' }),
    ).toEqual(['Büyükdere Cad. 1', '34394 İstanbul']);
  });

  it('drops a line that has nothing on it', () => {
    expect(addressLines({ line1: 'Herengracht 182', line2: '', line3: '  ', country: 'NL' })).toEqual([
      'Herengracht 182',
    ]);
  });

  it('keeps a third street line and collapses runs of spaces', () => {
    expect(
      addressLines({
        line1: ' Kingsgate  House ',
        line2: 'Floor 3',
        line3: 'Suite 2',
        city: 'Reading',
        postalCode: 'RG1 1AA',
        country: 'GB',
      }),
    ).toEqual(['Kingsgate House', 'Floor 3', 'Suite 2', 'Reading RG1 1AA']);
  });

  it('drops the "-" of Brazil when there is no state', () => {
    expect(
      addressLines({ line1: 'Rua A, 1', city: 'Campinas', postalCode: '13000-000', country: 'BR' }),
    ).toEqual(['Rua A, 1', 'Campinas', '13000-000']);
  });

  it('gives a state the layout has no place for a line of its own rather than hiding it', () => {
    expect(
      addressLines({
        line1: 'Herengracht 182',
        postalCode: '1016 BR',
        city: 'Amsterdam',
        state: 'Noord-Holland',
        country: 'NL',
      }),
    ).toEqual(['Herengracht 182', '1016 BR Amsterdam', 'Noord-Holland']);
  });

  it('writes every part on a line of its own for a country it has no rules for', () => {
    expect(
      addressLines({ line1: 'Mannerheimintie 1', city: 'Helsinki', postalCode: '00100', country: 'FI' }),
    ).toEqual(['Mannerheimintie 1', 'Helsinki', '00100']);
  });

  it('has a layout for every country, placing the street first', () => {
    for (const code of countryCodes()) {
      expect(addressFieldOrder(code)[0]).toBe('street');
      expect(countryRules(code)?.addressLayout.source).toMatch(/^%A%n/);
    }
  });

  it.each([
    ['NL', ['street', 'postalCode', 'city']],
    ['US', ['street', 'city', 'state', 'postalCode']],
    ['GB', ['street', 'city', 'postalCode']],
    ['IN', ['street', 'city', 'postalCode', 'state']],
    ['AE', ['street', 'city']],
  ])('tells the order in which %s asks the fields: %j', (code, fields) => {
    expect(addressFieldOrder(code)).toEqual(fields);
  });
});

describe('address layout format strings', () => {
  it('reads fields, literal text and new lines', () => {
    expect(parseAddressLayout('%A%n%C, %S %Z')).toEqual({
      source: '%A%n%C, %S %Z',
      lines: [
        [{ field: 'street' }],
        [{ field: 'city' }, { literal: ', ' }, { field: 'state' }, { literal: ' ' }, { field: 'postalCode' }],
      ],
      fields: ['street', 'city', 'state', 'postalCode'],
    });
  });

  it.each([
    ['%A%n%X %C', /"%X" is not a field we keep/],
    ['%A%n%C%', /"%" is not a field we keep/],
    ['%A%n%C%n', /line 3 is empty/],
    ['%n%A%n%C', /line 1 is empty/],
    ['%A%n%C%nCEDEX', /line 3 has no field/],
    ['%A%n%C %C', /%C twice/],
    ['%C', /no %A/],
    ['%A', /no %C/],
  ])('refuses %j', (source, message) => {
    expect(() => parseAddressLayout(source)).toThrow(message);
  });

  it('keeps a prefix or suffix only with the field it belongs to', () => {
    const layout = parseAddressLayout('%A%nCH-%Z %C CEDEX');
    const lay = (values: object) => layAddressOut(layout, { line1: 'Rue du Rhône 1', ...values });
    expect(lay({ postalCode: '1204', city: 'Genève' })).toEqual(['Rue du Rhône 1', 'CH-1204 Genève CEDEX']);
    expect(lay({ city: 'Genève' })).toEqual(['Rue du Rhône 1', 'Genève CEDEX']);
    expect(lay({ postalCode: '1204' })).toEqual(['Rue du Rhône 1', 'CH-1204']);
  });
});
