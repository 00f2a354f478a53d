import { validateAddressLocally } from '../../services/partnerCenter/local/addressRules';
import type { WireAddress } from '../../services/partnerCenter/wire';

const verdict = (address: WireAddress) => validateAddressLocally(address);

describe("the local Partner Center's address rules", () => {
  it.each<[string, WireAddress]>([
    [
      'NL canal address',
      { country: 'NL', addressLine1: 'Keizersgracht 1', city: 'Amsterdam', postalCode: '1015 CJ' },
    ],
    ['NL with extra spaces', { country: 'NL', addressLine1: ' Keizersgracht  1 ', city: 'Amsterdam' }],
    ['NL long street', { country: 'NL', addressLine1: 'Evert van de Beekstraat 354', city: 'Schiphol' }],
    [
      'NL street not in the table',
      { country: 'NL', addressLine1: 'Laan van Langerhuize 1', city: 'Amstelveen' },
    ],
    ['BE', { country: 'BE', addressLine1: 'Wetstraat 16', city: 'Brussel', postalCode: '1000' }],
    ['DE with ß', { country: 'DE', addressLine1: 'Walter-Gropius-Straße 5', city: 'München' }],
    ['DE with ss instead of ß', { country: 'de', addressLine1: 'Walter Gropius Strasse 5', city: 'München' }],
    ['GB number first', { country: 'GB', addressLine1: '2 Kingdom Street', city: 'London' }],
    ['GB building name without number', { country: 'GB', addressLine1: 'Kingsgate House', city: 'London' }],
    [
      'US spelled-out number',
      { country: 'US', addressLine1: 'One Microsoft Way', city: 'Redmond', state: 'WA' },
    ],
    ['AU', { country: 'AU', addressLine1: '1 Epping Road', city: 'North Ryde' }],
  ])('verifies a %s address as typed', (_name, address) => {
    expect(verdict(address)).toEqual({
      originalAddress: address,
      suggestedAddresses: [address],
      status: 'Verified',
    });
  });

  it.each(['IN', 'BR', 'TR', 'ZA', 'AE'])('does not validate %s', (country) => {
    expect(verdict({ country, addressLine1: 'Anything' })).toMatchObject({
      status: 'NotValidated',
      suggestedAddresses: [],
    });
  });

  it.each(['NL', 'BE', 'DE', 'AT', 'CH', 'PL'])(
    'finds nothing for a %s street without a house number',
    (country) => {
      const result = verdict({ country, addressLine1: 'Hoofdstraat', city: 'Ergens' });
      expect(result).toMatchObject({ status: 'None', suggestedAddresses: [] });
      expect(result.validationMessage).toContain('AddressLine1');
    },
  );

  it('corrects a known street spelled wrong, keeping the number after the street', () => {
    const result = verdict({
      country: 'NL',
      addressLine1: 'Keizersgrcht 12',
      city: 'Amsterdam',
      postalCode: '1016 AA',
    });
    expect(result.status).toBe('InteractionRequired');
    expect(result.suggestedAddresses).toEqual([
      { country: 'NL', addressLine1: 'Keizersgracht 12', city: 'Amsterdam', postalCode: '1016 AA' },
    ]);
  });

  it('corrects swapped letters and fills in the city and postal code it knows', () => {
    const result = verdict({ country: 'NL', addressLine1: 'Heerngracht 5a' });
    expect(result.status).toBe('InteractionRequired');
    expect(result.suggestedAddresses?.[0]).toMatchObject({
      addressLine1: 'Herengracht 5a',
      city: 'Amsterdam',
      postalCode: '1015 BZ',
    });
  });

  it('keeps the number first where it was typed first, and fills in the US state', () => {
    const result = verdict({ country: 'US', addressLine1: '1 Microsft Way', postalCode: '98052' });
    expect(result.status).toBe('InteractionRequired');
    expect(result.suggestedAddresses?.[0]).toMatchObject({
      addressLine1: '1 Microsoft Way',
      city: 'Redmond',
      state: 'WA',
      postalCode: '98052',
    });
  });

  it('leaves a street three letters off, or a known street in another country, alone', () => {
    expect(verdict({ country: 'NL', addressLine1: 'Kaizarsgrocht 12' }).status).toBe('Verified');
    expect(verdict({ country: 'BE', addressLine1: 'Keizersgrcht 12' }).status).toBe('Verified');
  });
});
