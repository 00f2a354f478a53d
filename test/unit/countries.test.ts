import countriesFile from '../../services/countries/countries.json';
import {
  COUNTRY_RULES_VERSION,
  countryByName,
  countryCodes,
  countryRules,
  listCountries,
  parseCountriesFile,
  type CountryRules,
} from '../../services/countries/countryRules';
import {
  findState,
  matchesPhoneNumber,
  matchesPostalCode,
  normalisePhoneNumber,
  normalisePostalCode,
} from '../../services/countries/formats';
import { codeByLanguageName, regionName } from '../../services/countries/languageNames';
import { resolveCountry } from '../../services/countries/resolveCountry';
import { REQUIRED_COUNTRIES } from '../fixtures/accountInfoForms';
import { LOCALES, sayIn } from '../../messages/catalogue';

function rulesOf(code: string): CountryRules {
  const rules = countryRules(code);
  if (!rules) throw new Error(`no rules for ${code}`);
  return rules;
}

describe('country rules data', () => {
  it('is version 1 and parses at load', () => {
    expect(COUNTRY_RULES_VERSION).toBe(1);
    expect(listCountries().length).toBeGreaterThanOrEqual(20);
  });

  it.each(REQUIRED_COUNTRIES)('has rules for %s', (code) => {
    expect(countryRules(code)?.code).toBe(code);
  });

  it('finds a country by its code in any case', () => {
    expect(countryRules(' nl ')?.name).toBe('Netherlands');
  });

  it('has no rules for a code it does not know', () => {
    expect(countryRules('XX')).toBeUndefined();
  });

  it('lists countries sorted by name', () => {
    const names = listCountries().map((country) => country.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
  });

  it('holds no wording: how a name reads in a sentence is in the catalogue (countriesInSentence)', () => {
    for (const country of (countriesFile as { countries: Record<string, unknown>[] }).countries)
      expect(Object.keys(country)).not.toContain('article');
  });

  it.each([
    ['NL', ['nl', 'en'], ['nl-NL', 'en-US'], 'nl-NL'],
    ['GB', ['en'], ['en-GB', 'en-US'], 'en-GB'],
    ['CA', ['en', 'fr'], ['en-CA', 'fr-CA', 'en-US'], 'en-CA'],
  ])('gives %s its languages, cultures and default culture', (code, languages, cultures, defaultCulture) => {
    expect(rulesOf(code)).toMatchObject({ languages, cultures, defaultCulture });
  });
});

describe('malformed country rules data', () => {
  const [netherlands] = (countriesFile as { countries: Record<string, unknown>[] }).countries;
  const withCountry = (changes: Record<string, unknown>) => ({
    version: 1,
    countries: [{ ...netherlands, ...changes }],
  });

  it.each([
    ['an invalid regular expression', withCountry({ postalCodePattern: '^[0-9$' }), /postalCodePattern/],
    ['an unanchored pattern', withCountry({ postalCodePattern: '[0-9]{4}' }), /must start with \^/],
    [
      'an example that breaks its own pattern',
      withCountry({ postalCodeExample: '12345' }),
      /postalCodeExample/,
    ],
    ['a missing flag', withCountry({ cityRequired: undefined }), /cityRequired/],
    ['a default culture not listed', withCountry({ defaultCulture: 'fr-FR' }), /defaultCulture/],
    ['a culture whose language is not listed', withCountry({ cultures: ['nl-NL', 'de-DE'] }), /de-DE/],
    ['a lower-case country code', withCountry({ code: 'nl' }), /ISO 3166/],
    ['an unknown version', { ...withCountry({}), version: 2 }, /version/],
    ['a country listed twice', { version: 1, countries: [netherlands, netherlands] }, /NL twice/],
    ['no address layout', withCountry({ addressLayout: undefined }), /addressLayout/],
    [
      'an address layout with a field we do not keep',
      withCountry({ addressLayout: '%N%n%A%n%Z %C' }),
      /"%N" is not a field we keep/,
    ],
    ['an address layout with a field twice', withCountry({ addressLayout: '%A%n%Z %C %Z' }), /%Z twice/],
    [
      'an address layout with an empty line',
      withCountry({ addressLayout: '%A%n%n%Z %C' }),
      /line 2 is empty/,
    ],
    ['an address layout without the city', withCountry({ addressLayout: '%A%n%Z' }), /no %C/],
    [
      'an address layout with the street sharing its line',
      withCountry({ addressLayout: '%A %Z%n%C' }),
      /%A \(the street lines\) must be on a line of its own/,
    ],
    [
      'an address layout without the postal code of a country that has postal codes',
      withCountry({ addressLayout: '%A%n%C' }),
      /has no %Z/,
    ],
    [
      'an address layout without the state of a country that has states',
      withCountry({
        stateRequired: true,
        states: [{ code: 'NH', name: 'Noord-Holland' }],
        addressLayout: '%A%n%Z %C',
      }),
      /has no %S/,
    ],
    [
      "an alias that is another country's Dutch name",
      {
        version: 1,
        countries: [netherlands, { ...netherlands, code: 'BE', name: 'Belgium', aliases: ['Nederland'] }],
      },
      /BE: "Nederland" already means NL/,
    ],
    [
      "an alias that is another country's name",
      {
        version: 1,
        countries: [
          netherlands,
          { ...netherlands, code: 'BE', name: 'Belgium', aliases: ['the Netherlands'] },
        ],
      },
      /BE: "the Netherlands" already means NL/,
    ],
    [
      "an alias that is another country's code",
      {
        version: 1,
        countries: [netherlands, { ...netherlands, code: 'BE', name: 'Belgium', aliases: ['nl'] }],
      },
      /BE: "nl" already means NL/,
    ],
  ])('is refused loudly when it has %s', (_what, data, message) => {
    expect(() => parseCountriesFile(data)).toThrow(message);
  });
});

describe('postal codes per country', () => {
  it.each([
    ['NL', '1234 AB', '1234'],
    ['BE', '1000', '10000'],
    ['DE', '10115', '1011'],
    ['FR', '75001', '7500A'],
    ['GB', 'SW1A 1AA', 'SW1A 1A'],
    ['IE', 'D02 X285', 'D02 X28'],
    ['US', '98052', '9805'],
    ['CA', 'K1A 0B1', 'K1A 0B'],
    ['AU', '2000', '200'],
    ['IN', '110001', '011001'],
    ['BR', '01310-100', '01310-10'],
    ['PL', '00-950', '00-95'],
    ['ZA', '8001', '80011'],
    ['ES', '28013', '53013'],
    ['SE', '114 55', '014 55'],
  ])('in %s accepts %s and refuses %s', (code, valid, invalid) => {
    const rules = rulesOf(code);
    expect(matchesPostalCode(rules, normalisePostalCode(valid, rules.postalCodeFormats))).toBe(true);
    expect(matchesPostalCode(rules, normalisePostalCode(invalid, rules.postalCodeFormats))).toBe(false);
  });

  it.each([
    ['NL', '1234ab', '1234 AB'],
    ['NL', '1234AB', '1234 AB'],
    ['NL', ' 1234  ab ', '1234 AB'],
    ['GB', 'sw1a1aa', 'SW1A 1AA'],
    ['GB', 'ec1a 1bb', 'EC1A 1BB'],
    ['GB', 'm11ae', 'M1 1AE'],
    ['CA', 'k1a0b1', 'K1A 0B1'],
    ['CA', 'k1a-0b1', 'K1A 0B1'],
    ['PL', '00950', '00-950'],
    ['BR', '01310100', '01310-100'],
    ['US', '980521234', '98052-1234'],
    ['US', '98052 1234', '98052-1234'],
    ['SE', '11455', '114 55'],
    ['IE', 'd02x285', 'D02 X285'],
    ['DE', '10 115', '10115'],
  ])('in %s normalises %j to %j', (code, typed, normalised) => {
    expect(normalisePostalCode(typed, rulesOf(code).postalCodeFormats)).toBe(normalised);
  });

  it.each([
    ['US', '98052-1234'],
    ['GB', 'GIR 0AA'],
    ['GB', 'W1A 0AX'],
    ['IE', 'D6W 1234'],
  ])('in %s also accepts the special form %s', (code, postalCode) => {
    const rules = rulesOf(code);
    expect(matchesPostalCode(rules, normalisePostalCode(postalCode, rules.postalCodeFormats))).toBe(true);
  });

  it.each(['IE', 'AE'])('does not require a postal code in %s', (code) => {
    expect(rulesOf(code).postalCodeRequired).toBe(false);
  });
});

describe('states and provinces', () => {
  it.each([
    ['US', 51, 'WA', 'Washington'],
    ['CA', 13, 'QC', 'Quebec'],
    ['AU', 8, 'New South Wales', 'New South Wales'],
    ['IN', 36, 'Tamil Nadu', 'Tamil Nadu'],
    ['BR', 27, 'SP', 'São Paulo'],
  ])('%s requires a state from a list of %i', (code, count, stateCode, name) => {
    const rules = rulesOf(code);
    expect(rules.stateRequired).toBe(true);
    expect(rules.states).toHaveLength(count);
    expect(rules.states).toContainEqual(expect.objectContaining({ code: stateCode, name }));
  });

  it.each([
    ['US', 'wa', 'WA'],
    ['US', 'Washington', 'WA'],
    ['US', 'district of columbia', 'DC'],
    ['CA', 'Québec', 'QC'],
    ['CA', 'quebec', 'QC'],
    ['AU', 'NSW', 'New South Wales'],
    ['AU', 'new south wales', 'New South Wales'],
    ['IN', 'Orissa', 'Odisha'],
    ['BR', 'Sao Paulo', 'SP'],
  ])('in %s finds %j as %s', (code, typed, stateCode) => {
    expect(findState(rulesOf(code).states, typed)?.code).toBe(stateCode);
  });

  it('finds no state that is not in the list', () => {
    expect(findState(rulesOf('US').states, 'Ontario')).toBeUndefined();
  });

  it.each(['NL', 'DE', 'GB', 'FR'])('does not require a state in %s', (code) => {
    expect(rulesOf(code).stateRequired).toBe(false);
  });
});

describe('phone numbers per country', () => {
  it.each(['IN', 'BR', 'ZA', 'PL', 'TR', 'AE'])(
    'requires a phone number and registration number in %s',
    (code) => {
      expect(rulesOf(code)).toMatchObject({ phoneRequired: true, registrationNumberRequired: true });
    },
  );

  it.each(['NL', 'US', 'GB', 'DE'])('does not require a phone number in %s', (code) => {
    expect(rulesOf(code).phoneRequired).toBe(false);
  });

  it.each([
    ['+31 (0)20-123 45 67', '+31201234567'],
    ['0031 20 123 4567', '+31201234567'],
    ['(020) 123.45.67', '0201234567'],
    ['+1 (425) 555-0100', '+14255550100'],
  ])('normalises %j to %j', (typed, normalised) => {
    expect(normalisePhoneNumber(typed)).toBe(normalised);
  });

  it.each([
    ['NL', '020 123 4567', '020 123 45'],
    ['US', '(425) 555-0100', '555-0100'],
    ['GB', '020 7946 0000', '+44 20 79'],
    ['IN', '+91 98765 43210', '98765'],
    ['BR', '(11) 91234-5678', '+55 11 1234'],
    ['ZA', '021 123 4567', '+27 21 12'],
    ['PL', '+48 22 123 45 67', '22 123 45'],
    ['TR', '0212 123 45 67', '+90 912 123 45 67'],
    ['AE', '04 123 4567', '+971 4 12'],
  ])('in %s accepts %j and refuses %j', (code, valid, invalid) => {
    const rules = rulesOf(code);
    expect(matchesPhoneNumber(rules, normalisePhoneNumber(valid))).toBe(true);
    expect(matchesPhoneNumber(rules, normalisePhoneNumber(invalid))).toBe(false);
  });
});

describe('resolving a typed country', () => {
  it.each([
    ['NL', 'NL'],
    ['nl', 'NL'],
    [' gb ', 'GB'],
    ['Netherlands', 'NL'],
    ['netherlands', 'NL'],
    ['the netherlands', 'NL'],
    ['The Netherlands', 'NL'],
    ['Netherlands, the', 'NL'],
    ['  the   Netherlands ', 'NL'],
    ['United Kingdom', 'GB'],
    ['the united kingdom', 'GB'],
    ['united states', 'US'],
    ['türkiye', 'TR'],
    ['TURKIYE', 'TR'],
    ['Germany', 'DE'],
  ])('reads the code or English name %j as %s', (typed, code) => {
    expect(resolveCountry(typed)).toEqual({ ok: true, value: code });
  });

  it.each([
    ['UK', 'GB'],
    ['uk', 'GB'],
    ['U.K.', 'GB'],
    ['Great Britain', 'GB'],
    ['England', 'GB'],
    ['USA', 'US'],
    ['U.S.A.', 'US'],
    ['Holland', 'NL'],
    ['Nederland', 'NL'],
    ['Deutschland', 'DE'],
    ['deutschland', 'DE'],
    ['Osterreich', 'AT'],
    ['Österreich', 'AT'],
    ['België', 'BE'],
    ['belgie', 'BE'],
    ['UAE', 'AE'],
    ['the UAE', 'AE'],
  ])('reads the alias %j as %s, the code Partner Center uses', (typed, code) => {
    expect(resolveCountry(typed)).toEqual({ ok: true, value: code });
  });

  it.each(['XX', 'Atlantis', 'Netherland', 'the'])('refuses %j as a country it does not know', (typed) => {
    expect(resolveCountry(typed)).toMatchObject({
      ok: false,
      key: 'country.unknown',
      params: { value: typed },
    });
  });

  it.each([undefined, '', '   '])('asks for a country when given %j', (typed) => {
    expect(resolveCountry(typed)).toMatchObject({ ok: false, key: 'country.required' });
  });

  it('finds a country by name or alias but not by code', () => {
    expect(countryByName('Holland')?.code).toBe('NL');
    expect(countryByName('NL')).toBeUndefined();
  });

  it.each([
    ['Nederland', 'NL'],
    ['nederland', 'NL'],
    ['Duitsland', 'DE'],
    ['België', 'BE'],
    ['BELGIE', 'BE'],
    ['Verenigd Koninkrijk', 'GB'],
    ['het Verenigd Koninkrijk', 'GB'],
    ['VK', 'GB'],
    ['Verenigde Staten', 'US'],
    ['de Verenigde Staten', 'US'],
    ['VS', 'US'],
    ['Verenigde Arabische Emiraten', 'AE'],
    ['Frankrijk', 'FR'],
    ['Zwitserland', 'CH'],
    ['Oostenrijk', 'AT'],
    ['Zuid-Afrika', 'ZA'],
    ['zuid afrika', 'ZA'],
    ['Brazilië', 'BR'],
    ['Turkije', 'TR'],
    ['Noorwegen', 'NO'],
    ['Denemarken', 'DK'],
  ])('reads the Dutch name %j as %s', (typed, code) => {
    expect(resolveCountry(typed)).toEqual({ ok: true, value: code });
  });

  it('reads every name the catalogue writes for a country, alone and in a sentence, as that country', () => {
    for (const { code } of listCountries()) {
      for (const locale of LOCALES) {
        const say = sayIn(locale);
        expect(resolveCountry(say.text({ country: code }))).toEqual({ ok: true, value: code });
        expect(resolveCountry(say.text({ country: code, inSentence: true }))).toEqual({
          ok: true,
          value: code,
        });
      }
    }
  });
});

// How a reader sees a country's name is the catalogue's (test/unit/countryNamesInMessages.test.ts);
// these check the names services read typed countries by.
describe('country names read from ICU', () => {
  it("keeps each country's English name in the data equal to ICU's", () => {
    for (const country of listCountries()) expect(country.name).toBe(regionName(country.code, 'en'));
  });

  it('reads countries by the same ICU names the catalogue writes, in both languages', () => {
    expect(countryCodes()).toHaveLength(22);
    for (const code of countryCodes()) {
      for (const locale of LOCALES) {
        expect(regionName(code, locale)).toBe(sayIn(locale).text({ country: code }));
        expect(regionName(code, locale)).not.toBe(code);
      }
    }
  });

  it('answers the code, upper-cased, for a region ICU does not know', () => {
    expect(regionName('xx')).toBe('XX');
    expect(regionName('XX', 'nl')).toBe('XX');
  });
});

describe('reading a typed language or culture', () => {
  it.each([
    ['Dutch', 'nl'],
    ['nederlands', 'nl'],
    ['NL', 'nl'],
    ['Frans', 'fr'],
    ['French', 'fr'],
  ])('finds the language typed as %j among the country’s: %s', (typed, code) => {
    expect(codeByLanguageName(typed, ['nl', 'fr', 'en'])).toBe(code);
  });

  it.each([
    ['Nederlands (België)', 'nl-BE'],
    ['dutch (belgium)', 'nl-BE'],
    ['nl_be', 'nl-BE'],
    ['Frans (Belgie)', 'fr-BE'],
  ])('finds the culture typed as %j among the country’s: %s', (typed, code) => {
    expect(codeByLanguageName(typed, ['nl-BE', 'fr-BE', 'en-US'])).toBe(code);
  });

  it.each(['Duits', 'German', '', 'Nederlands (Nederland)'])(
    'finds no language or culture the country does not have for %j',
    (typed) => {
      expect(codeByLanguageName(typed, ['nl-BE', 'fr-BE', 'en-US', 'nl', 'fr'])).toBeUndefined();
    },
  );
});
