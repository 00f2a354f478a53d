import { z } from 'zod';
import countriesFile from './countries.json';
import { normalisePhoneNumber, normalisePostalCode, normaliseRegistrationNumber } from './formats';
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

const cultureCode = z.string().regex(/^[a-z]{2,3}-[A-Z]{2}$/, 'must look like "nl-NL"');

const countrySchema = z
  .object({
    code: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166 alpha-2 code'),
    /** The English name, as listed: "Netherlands", "United States". */
    name: z.string().min(1),
    /** "the" when the name takes it in a sentence: "in the Netherlands", but "in Germany". */
    article: z.literal('the').optional(),
    /** Other names an agent may type ("UK", "Holland", "Deutschland"); each is read as this country. */
    aliases: z.array(z.string().min(1)).default([]),
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
      for (const spelling of [country.name, ...country.aliases]) {
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
    [country.name, ...country.aliases].map((spelling) => [countryLookupKey(spelling), country] as const),
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

/** Every country we have rules for, sorted by name. */
export function listCountries(): readonly CountryRules[] {
  return [...table.countries].sort((a, b) => a.name.localeCompare(b.name, 'en'));
}

/**
 * The country an agent means by its English name or one of its aliases, ignoring case, accents,
 * dots, spaces and a leading "the" ("the netherlands", "U.K.", "Deutschland"); not by its code.
 */
export function countryByName(typed: string): CountryRules | undefined {
  return byNameOrAlias.get(countryLookupKey(typed));
}

/** The English name of a country ("NL" -> "Netherlands"); the code itself when we have no rules for it. */
export function countryName(code: string): string {
  return countryRules(code)?.name ?? code.trim();
}

/**
 * The name as it reads inside a sentence: "the Netherlands", "the United States", "Germany". For a
 * sentence that starts with it, capitalise the first letter yourself.
 */
export function countryNameInSentence(code: string): string {
  const rules = countryRules(code);
  if (!rules) return code.trim();
  return rules.article ? `${rules.article} ${rules.name}` : rules.name;
}
