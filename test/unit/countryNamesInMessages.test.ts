import { LOCALES, say, sayIn } from '../../messages/catalogue';
import { countriesInSentence as englishInSentence } from '../../messages/en/countriesInSentence';
import { countriesInSentence as dutchInSentence } from '../../messages/nl/countriesInSentence';
import { countryCodes, countryRules, listCountries } from '../../services/countries/countryRules';

/**
 * Country, language and culture names as the reader sees them: rendered by the catalogue from a
 * parameter (`{ country: 'NL', inSentence: true }`, `{ language: 'nl-NL' }`), never by a service.
 */

const en = sayIn('en');
const nl = sayIn('nl');

describe('countries named by the catalogue', () => {
  it('names the Netherlands "the Netherlands" in an English sentence', () => {
    expect(en.text({ country: 'NL', inSentence: true })).toBe('the Netherlands');
  });

  it('names the United Kingdom "het Verenigd Koninkrijk" in a Dutch sentence', () => {
    expect(nl.text({ country: 'GB', inSentence: true })).toBe('het Verenigd Koninkrijk');
  });

  it.each([
    ['NL', 'Netherlands', 'the Netherlands'],
    [' nl ', 'Netherlands', 'the Netherlands'],
    ['GB', 'United Kingdom', 'the United Kingdom'],
    ['US', 'United States', 'the United States'],
    ['AE', 'United Arab Emirates', 'the United Arab Emirates'],
    ['DE', 'Germany', 'Germany'],
    ['TR', 'Türkiye', 'Türkiye'],
  ])('names %j %j in English, and %j in a sentence', (code, name, inSentence) => {
    expect(en.text({ country: code })).toBe(name);
    expect(en.text({ country: code, inSentence: true })).toBe(inSentence);
  });

  it.each([
    ['NL', 'Nederland', 'Nederland'],
    ['DE', 'Duitsland', 'Duitsland'],
    ['BE', 'België', 'België'],
    ['GB', 'Verenigd Koninkrijk', 'het Verenigd Koninkrijk'],
    ['US', 'Verenigde Staten', 'de Verenigde Staten'],
    ['AE', 'Verenigde Arabische Emiraten', 'de Verenigde Arabische Emiraten'],
    ['TR', 'Turkije', 'Turkije'],
  ])('names %s %j in Dutch, and %j in a sentence', (code, name, inSentence) => {
    expect(nl.text({ country: code })).toBe(name);
    expect(nl.text({ country: code, inSentence: true })).toBe(inSentence);
  });

  it('names a country followed by its code withCode', () => {
    expect(en.text({ country: 'NL', withCode: true })).toBe('Netherlands (NL)');
    expect(en.text({ country: 'nl', withCode: true })).toBe('Netherlands (NL)');
    expect(nl.text({ country: 'NL', withCode: true })).toBe('Nederland (NL)');
    expect(nl.text({ country: 'GB', withCode: true })).toBe('Verenigd Koninkrijk (GB)');
  });

  it('names the country in a sentence inside a message, in the reader’s language', () => {
    const country = { country: 'US', inSentence: true };
    expect(say('card.subscriptions.bestSellers', { country }, 'en')).toBe('Most sold in the United States');
    expect(say('card.subscriptions.bestSellers', { country }, 'nl')).toBe(
      'Meest verkocht in de Verenigde Staten',
    );
  });

  it('answers the code for a country ICU does not know, in both languages', () => {
    for (const reader of [en, nl]) {
      expect(reader.text({ country: 'XX' })).toBe('XX');
      expect(reader.text({ country: 'XX', inSentence: true })).toBe('XX');
    }
  });

  // What a reader sees comes from ICU; these pin the names Node.js 20 (ICU 7x, CLDR 4x) gives, so an
  // ICU update that renames a country shows up here rather than in a conversation.
  it.each([
    ['NL', 'Netherlands', 'Nederland'],
    ['BE', 'Belgium', 'België'],
    ['DE', 'Germany', 'Duitsland'],
    ['FR', 'France', 'Frankrijk'],
    ['GB', 'United Kingdom', 'Verenigd Koninkrijk'],
    ['IE', 'Ireland', 'Ierland'],
    ['US', 'United States', 'Verenigde Staten'],
    ['CA', 'Canada', 'Canada'],
    ['AU', 'Australia', 'Australië'],
    ['IN', 'India', 'India'],
    ['BR', 'Brazil', 'Brazilië'],
    ['PL', 'Poland', 'Polen'],
    ['ZA', 'South Africa', 'Zuid-Afrika'],
    ['ES', 'Spain', 'Spanje'],
    ['SE', 'Sweden', 'Zweden'],
    ['IT', 'Italy', 'Italië'],
    ['AT', 'Austria', 'Oostenrijk'],
    ['CH', 'Switzerland', 'Zwitserland'],
    ['DK', 'Denmark', 'Denemarken'],
    ['NO', 'Norway', 'Noorwegen'],
    ['TR', 'Türkiye', 'Turkije'],
    ['AE', 'United Arab Emirates', 'Verenigde Arabische Emiraten'],
  ])('names %s %j in English and %j in Dutch, as ICU does', (code, english, dutch) => {
    expect(en.text({ country: code })).toBe(english);
    expect(nl.text({ country: code })).toBe(dutch);
  });

  it('has a name for every country of countries.json in both languages: Node.js runs with full ICU data', () => {
    expect(new Intl.DisplayNames(['nl'], { type: 'region' }).resolvedOptions().locale).toBe('nl');
    expect(countryCodes()).toHaveLength(22);
    for (const code of countryCodes()) {
      for (const locale of LOCALES) {
        expect(sayIn(locale).text({ country: code })).not.toBe(code);
        expect(sayIn(locale).text({ country: code, inSentence: true })).not.toBe(code);
      }
    }
  });

  it('gives "the" in an English sentence to the Netherlands, the United Kingdom, the United States and the Emirates only', () => {
    expect(Object.keys(englishInSentence).sort()).toEqual(['AE', 'GB', 'NL', 'US']);
  });

  it.each([
    ['en', englishInSentence, /^the $/],
    ['nl', dutchInSentence, /^(de|het) $/],
  ] as const)(
    'writes each %s name in a sentence as an article before the name alone, for a country of countries.json',
    (locale, inSentence, article) => {
      for (const [code, phrase] of Object.entries(inSentence)) {
        expect(countryRules(code)?.code).toBe(code);
        const name = sayIn(locale).text({ country: code });
        expect(phrase.endsWith(name)).toBe(true);
        expect(phrase.slice(0, phrase.length - name.length)).toMatch(article);
      }
    },
  );

  it('lists countries sorted by their Dutch names for a Dutch reader', () => {
    const names = listCountries('nl').map((country) => nl.text({ country: country.code }));
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'nl')));
    expect(names.slice(0, 3)).toEqual(['Australië', 'België', 'Brazilië']);
    expect(names.slice(-3)).toEqual(['Zuid-Afrika', 'Zweden', 'Zwitserland']);
  });
});

describe('languages and cultures named by the catalogue', () => {
  it('names the culture nl-NL "Dutch (Netherlands)" in English and "Nederlands (Nederland)" in Dutch', () => {
    expect(en.text({ language: 'nl-NL' })).toBe('Dutch (Netherlands)');
    expect(nl.text({ language: 'nl-NL' })).toBe('Nederlands (Nederland)');
  });

  it.each([
    ['nl', 'Dutch'],
    ['en', 'English'],
    ['de', 'German'],
    ['nb', 'Norwegian Bokmål'],
    ['NL', 'Dutch'],
  ])('names the language %s %j in English', (code, name) => {
    expect(en.text({ language: code })).toBe(name);
  });

  it.each([
    ['nl-NL', 'Dutch (Netherlands)'],
    ['nl-BE', 'Dutch (Belgium)'],
    ['en-US', 'English (United States)'],
    ['en-GB', 'English (United Kingdom)'],
    ['fr-CA', 'French (Canada)'],
    ['nl_NL', 'Dutch (Netherlands)'],
  ])('names the culture %s %j in English', (code, name) => {
    expect(en.text({ language: code })).toBe(name);
  });

  it.each([
    ['nl', 'Nederlands'],
    ['en', 'Engels'],
    ['de', 'Duits'],
    ['fr', 'Frans'],
    ['nb', 'Noors - Bokmål'],
  ])('names the language %s %j in Dutch', (code, name) => {
    expect(nl.text({ language: code })).toBe(name);
  });

  it.each([
    ['nl-NL', 'Nederlands (Nederland)'],
    ['nl-BE', 'Nederlands (België)'],
    ['en-US', 'Engels (Verenigde Staten)'],
    ['en-GB', 'Engels (Verenigd Koninkrijk)'],
    ['fr-CA', 'Frans (Canada)'],
    ['de-CH', 'Duits (Zwitserland)'],
  ])('names the culture %s %j in Dutch', (code, name) => {
    expect(nl.text({ language: code })).toBe(name);
  });

  it.each(['xx', 'not a code'])('answers %j as given when it is no language it knows', (code) => {
    expect(en.text({ language: code })).toBe(code);
    expect(nl.text({ language: code })).toBe(code);
  });

  it('has a name for every language and culture of countries.json, in English and Dutch', () => {
    for (const country of listCountries()) {
      for (const locale of LOCALES) {
        for (const code of [...country.languages, ...country.cultures])
          expect(sayIn(locale).text({ language: code })).not.toBe(code);
      }
    }
  });
});
