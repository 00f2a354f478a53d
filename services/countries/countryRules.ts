import { z } from 'zod';
import { LOCALES, type Locale } from '../../messages/catalogue';
import { parseAddressLayout } from './addressFormat';
import countriesFile from './countries.json';
import { normalisePhoneNumber, normalisePostalCode, normaliseRegistrationNumber } from './formats';
import { regionName } from './languageNames';
import { countryLookupKey } from './lookupKey';

/** A regular expression kept as data; anchored, so a pattern can never match only part of a value. */
const patternSource = z.string().transform((source, ctx) => {
  // continue: false keeps the country-level checks below from running on a pattern that is not one.
  const refuse = (message: string) => {
    ctx.addIssue({ code: 'custom', message, continue: false });
    return z.NEVER;
  };
  if (!source.startsWith('^') || !source.endsWith('$')) return refuse('must start with ^ and end with $');
  try {
    return new RegExp(source);
  } catch {
    return refuse('is not a valid regular expression');
  }
});

const formatRuleSchema = z.object({ match: patternSource, format: z.string().min(1) });

const stateSchema = z.object({
  code: z.string().min(1),
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
});

/** An address layout (see addressFormat), read at load so a malformed one stops the process. */
const addressLayoutSchema = z.string().transform((source, ctx) => {
  try {
    return parseAddressLayout(source);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message, continue: false });
    return z.NEVER;
  }
});

/** Every name ICU gives a country in the languages the bot speaks: "United Kingdom", "UK", "Verenigd Koninkrijk", "VK". */
function icuNames(code: string): string[] {
  const names = LOCALES.flatMap((locale) => [regionName(code, locale), regionName(code, locale, 'short')]);
  return [...new Set(names)];
}

const cultureCode = z.string().regex(/^[a-z]{2,3}-[A-Z]{2}$/, 'must look like "nl-NL"');

const countrySchema = z
  .object({
    code: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166 alpha-2 code'),
    /**
     * The English name, as ICU gives it: "Netherlands", "United States"; it names the country in the
     * data file. A reader sees the name the message catalogue gives a country in the reader's language
     * (alone or in a sentence: "the Netherlands", "het Verenigd Koninkrijk"), which services do not render.
     */
    name: z.string().min(1),
    /**
     * Other names an agent may type ("Holland", "Deutschland"); each is read as this country, as are
     * its code and ICU's English and Dutch names, which need not be listed here.
     */
    aliases: z.array(z.string().min(1)).default([]),
    /** The order in which the country writes an address: "%A%n%Z %C" (see addressFormat). */
    addressLayout: addressLayoutSchema,
    stateRequired: z.boolean(),
    states: z.array(stateSchema).default([]),
    cityRequired: z.boolean(),
    postalCodeRequired: z.boolean(),
    postalCodePattern: patternSource.optional(),
    postalCodeFormats: z.array(formatRuleSchema).default([]),
    postalCodeExample: z.string().optional(),
    phoneRequired: z.boolean(),
    phonePattern: patternSource.optional(),
    phoneExample: z.string().optional(),
    registrationNumberRequired: z.boolean(),
    registrationNumberName: z.string().optional(),
    registrationNumberPattern: patternSource.optional(),
    registrationNumberExample: z.string().optional(),
    languages: z.array(z.string().regex(/^[a-z]{2,3}$/, 'must be a language code like "nl"')).min(1),
    cultures: z.array(cultureCode).min(1),
    defaultCulture: cultureCode,
  })
  .superRefine((country, ctx) => {
    const problem = (path: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message });
    // Messages quote the example, so each example must itself pass its country's rules.
    if (country.postalCodePattern) {
      const example = country.postalCodeExample;
      if (!example) problem('postalCodeExample', 'is needed with postalCodePattern');
      else if (!country.postalCodePattern.test(normalisePostalCode(example, country.postalCodeFormats)))
        problem('postalCodeExample', 'does not match postalCodePattern');
    }
    if (country.phonePattern) {
      const example = country.phoneExample;
      if (!example) problem('phoneExample', 'is needed with phonePattern');
      else if (!country.phonePattern.test(normalisePhoneNumber(example)))
        problem('phoneExample', 'does not match phonePattern');
    }
    if (country.registrationNumberPattern) {
      const example = country.registrationNumberExample;
      if (!example || !country.registrationNumberName)
        problem(
          'registrationNumberExample',
          'and registrationNumberName are needed with registrationNumberPattern',
        );
      else if (!country.registrationNumberPattern.test(normaliseRegistrationNumber(example)))
        problem('registrationNumberExample', 'does not match registrationNumberPattern');
    }
    if (country.registrationNumberRequired && !country.registrationNumberName)
      problem('registrationNumberName', 'is needed when registrationNumberRequired');
    if (!country.cultures.includes(country.defaultCulture))
      problem('defaultCulture', 'must be one of cultures');
    for (const culture of country.cultures) {
      const language = culture.split('-')[0] ?? '';
      if (!country.languages.includes(language))
        problem('cultures', `${culture}: its language is not in languages`);
    }
    // Every field the country asks for has its place in the address.
    const placed = country.addressLayout.fields;
    if ((country.postalCodeRequired || country.postalCodePattern) && !placed.includes('postalCode'))
      problem('addressLayout', 'has no %Z, but the country has postal codes');
    if ((country.stateRequired || country.states.length > 0) && !placed.includes('state'))
      problem('addressLayout', 'has no %S, but the country has states');
    const stateCodes = country.states.map((state) => state.code);
    if (new Set(stateCodes).size !== stateCodes.length) problem('states', 'has a state code twice');
  });

const countriesFileSchema = z
  .object({
    version: z.literal(1),
    note: z.string().optional(),
    countries: z.array(countrySchema).min(1),
  })
  .superRefine((file, ctx) => {
    const codes = file.countries.map((country) => country.code);
    const twice = codes.filter((code, index) => codes.indexOf(code) !== index);
    if (twice.length > 0)
      ctx.addIssue({ code: 'custom', path: ['countries'], message: `lists ${twice.join(', ')} twice` });
    // A typed name must lead to one country: no name or alias may be another country's name, alias or code.
    const owners = new Map<string, string>();
    for (const country of file.countries) owners.set(countryLookupKey(country.code), country.code);
    file.countries.forEach((country, index) => {
      for (const spelling of spellingsOf(country)) {
        const key = countryLookupKey(spelling);
        const owner = owners.get(key);
        if (key === '')
          ctx.addIssue({ code: 'custom', path: ['countries', index], message: `"${spelling}" is empty` });
        else if (owner !== undefined && owner !== country.code)
          ctx.addIssue({
            code: 'custom',
            path: ['countries', index, 'aliases'],
            message: `${country.code}: "${spelling}" already means ${owner}`,
          });
        else owners.set(key, country.code);
      }
    });
  });

/** Every spelling by which an agent may name a country: its English name, ICU's names, its aliases. */
function spellingsOf(country: { code: string; name: string; aliases: readonly string[] }): string[] {
  return [country.name, ...icuNames(country.code), ...country.aliases];
}

export type CountryRules = z.output<typeof countrySchema>;
export type StateEntry = CountryRules['states'][number];
export type FormatRule = CountryRules['postalCodeFormats'][number];
export type CountriesFile = z.output<typeof countriesFileSchema>;

/** Parses the country rules file; throws a readable error naming each malformed entry. */
export function parseCountriesFile(data: unknown): CountriesFile {
  const result = countriesFileSchema.safeParse(data);
  if (!result.success) throw new Error(`countries.json is malformed:\n${z.prettifyError(result.error)}`);
  return result.data;
}

// Parsed once at load: a malformed file stops the process at start-up, not mid-conversation.
const table = parseCountriesFile(countriesFile);
const byCode = new Map(table.countries.map((country) => [country.code, country]));
const byNameOrAlias = new Map(
  table.countries.flatMap((country) =>
    spellingsOf(country).map((spelling) => [countryLookupKey(spelling), country] as const),
  ),
);

export const COUNTRY_RULES_VERSION = table.version;

/** The rules of a country by its ISO 3166 alpha-2 code (any case), or undefined if we have none. */
export function countryRules(code: string): CountryRules | undefined {
  return byCode.get(code.trim().toUpperCase());
}

/** The codes of every country we have rules for, in the order of the data file. */
export function countryCodes(): string[] {
  return table.countries.map((country) => country.code);
}

/** Every country we have rules for, sorted by its name in the reader's language. */
export function listCountries(locale: Locale = 'en'): readonly CountryRules[] {
  const collator = new Intl.Collator(locale);
  return table.countries
    .map((country) => ({ country, name: regionName(country.code, locale) }))
    .sort((a, b) => collator.compare(a.name, b.name))
    .map(({ country }) => country);
}

/**
 * The country an agent means by a name, in any case, with or without accents, dots, spaces and an
 * article ("the netherlands", "U.K.", "het Verenigd Koninkrijk", "belgie"): ICU's English or Dutch
 * name, long or short ("Verenigde Staten", "VS"), the English name in the data or one of its aliases
 * ("Holland", "Deutschland"). Not by its code: resolveCountry takes codes too.
 */
export function countryByName(typed: string): CountryRules | undefined {
  return byNameOrAlias.get(countryLookupKey(typed));
}
