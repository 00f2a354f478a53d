import { en } from './en';
import { countriesInSentence as enCountriesInSentence } from './en/countriesInSentence';
import { nl } from './nl';
import { countriesInSentence as nlCountriesInSentence } from './nl/countriesInSentence';

/** The one message catalogue per language: every sentence a user sees is looked up here by key. */
export type MessageKey = keyof typeof en;

/** The languages the bot speaks; English is the fallback. */
export const LOCALES = ['en', 'nl'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** A sentence of the catalogue and its parameters, rendered in the reader's language. */
export interface Wording {
  readonly key: MessageKey;
  readonly params?: MessageParams;
}

/** Several values as one phrase in the reader's language: "A, B and C", "A, B of C" (Intl.ListFormat). */
export interface WordList {
  readonly list: readonly MessageParam[];
  readonly join: 'and' | 'or';
}

/**
 * A country by its ISO 3166 code, named in the reader's language (Intl.DisplayNames): "Nederland",
 * "Netherlands"; `inSentence` as a sentence names it ("in the Netherlands", "in het Verenigd
 * Koninkrijk"); `withCode` followed by its code ("Netherlands (NL)").
 */
export interface CountryName {
  readonly country: string;
  readonly inSentence?: boolean;
  readonly withCode?: boolean;
}

/** A language or culture by its BCP 47 tag, named in the reader's language: "Nederlands (Nederland)". */
export interface LanguageName {
  readonly language: string;
}

/**
 * A parameter: a value shown as it is (a name, a number), or words of the catalogue (a field's
 * label, a term), names of countries and languages, and lists of them, which take the reader's
 * language too.
 */
export type MessageParam = string | number | Wording | WordList | CountryName | LanguageName;
export type MessageParams = Readonly<Record<string, MessageParam>>;

/**
 * A sentence whose wording depends on a number ("1 licence", "2 licences"): one form per plural
 * category of the language (Intl.PluralRules), chosen by the numeric param named in `plural`.
 * `other` is the fallback; English and Dutch need `one` and `other`.
 * `{ plural: 'count', one: '{count} licence', other: '{count} licences' }`
 */
export interface PluralMessage {
  /** The param whose number chooses the form, e.g. "count" or "min". */
  readonly plural: string;
  readonly zero?: string;
  readonly one?: string;
  readonly two?: string;
  readonly few?: string;
  readonly many?: string;
  readonly other: string;
}

/** A catalogue entry: one sentence, or its plural forms. */
export type MessageTemplate = string | PluralMessage;

/** A language's catalogue: every key of the English one, no other. */
export type Catalogue = { readonly [Key in MessageKey]: MessageTemplate };

/** One part of a language's catalogue, with exactly the keys of the English part it translates. */
export type Translation<EnglishPart> = { readonly [Key in keyof EnglishPart]: MessageTemplate };

const catalogues: Record<Locale, Catalogue> = { en, nl };

/** How each language names a country inside a sentence where that differs from its name alone. */
const countriesInSentence: Record<Locale, CountriesInSentence> = {
  en: enCountriesInSentence,
  nl: nlCountriesInSentence,
};

/** Country code -> its name inside a sentence, only where it is not the name alone ("the Netherlands"). */
export type CountriesInSentence = Readonly<Record<string, string>>;

export const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
export type PluralCategory = (typeof PLURAL_CATEGORIES)[number];

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * The language for a BCP 47 tag as a client sends it ("nl-NL", "nl-BE", "en-GB", "fr-FR"): the
 * tag's language when the bot speaks it, otherwise English.
 */
export function localeOf(tag: string | undefined | null): Locale {
  const language = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return isLocale(language) ? language : DEFAULT_LOCALE;
}

export function isPluralMessage(template: MessageTemplate): template is PluralMessage {
  return typeof template === 'object';
}

export function isWording(param: MessageParam): param is Wording {
  return typeof param === 'object' && 'key' in param;
}

export function isWordList(param: MessageParam): param is WordList {
  return typeof param === 'object' && 'list' in param;
}

export function isCountryName(param: MessageParam): param is CountryName {
  return typeof param === 'object' && 'country' in param;
}

export function isLanguageName(param: MessageParam): param is LanguageName {
  return typeof param === 'object' && 'language' in param;
}

/** Every wording an entry can take: the sentence, or each of its plural forms. */
export function messageForms(template: MessageTemplate): string[] {
  if (!isPluralMessage(template)) return [template];
  return PLURAL_CATEGORIES.flatMap((category) => {
    const form = template[category];
    return form === undefined ? [] : [form];
  });
}

/** The entry behind a key, as the catalogue of `locale` holds it. */
export function messageTemplate(key: MessageKey, locale: Locale = DEFAULT_LOCALE): MessageTemplate {
  return catalogues[locale][key];
}

/**
 * The locale the catalogue's own lists and numbers are written in: its English is British ("A, B or
 * C", no serial comma).
 */
const writtenIn: Record<Locale, string> = { en: 'en-GB', nl: 'nl-NL' };

const pluralRules = new Map<Locale, Intl.PluralRules>();
const listFormats = new Map<string, Intl.ListFormat>();

function pluralRulesOf(locale: Locale): Intl.PluralRules {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return rules;
}

function listFormatOf(locale: Locale, join: WordList['join']): Intl.ListFormat {
  const id = `${locale}|${join}`;
  let format = listFormats.get(id);
  if (!format) {
    format = new Intl.ListFormat(writtenIn[locale], { type: join === 'and' ? 'conjunction' : 'disjunction' });
    listFormats.set(id, format);
  }
  return format;
}

/** The form for the number in `params[template.plural]`; `other` when that is not a number. */
function chooseForm(template: MessageTemplate, params: MessageParams, locale: Locale): string {
  if (!isPluralMessage(template)) return template;
  const value = params[template.plural];
  const count = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  if (!Number.isFinite(count)) return template.other;
  return template[pluralRulesOf(locale).select(count)] ?? template.other;
}

function renderParam(param: MessageParam, locale: Locale): string {
  if (typeof param === 'string') return param;
  if (typeof param === 'number') return numberFormatOf(locale).format(param);
  if (isWordList(param)) {
    return listFormatOf(locale, param.join).format(param.list.map((item) => renderParam(item, locale)));
  }
  if (isCountryName(param)) return countryNameIn(locale, param);
  if (isLanguageName(param)) return displayName(locale, 'language', param.language);
  return say(param.key, param.params, locale);
}

function countryNameIn(locale: Locale, { country, inSentence, withCode }: CountryName): string {
  const code = country.trim().toUpperCase();
  const name =
    (inSentence ? countriesInSentence[locale][code] : undefined) ?? displayName(locale, 'region', code);
  return withCode ? `${name} (${code})` : name;
}

const displayNames = new Map<string, Intl.DisplayNames>();

/** ICU's name for a code in `locale`; a code it cannot read comes back as given. */
function displayName(locale: Locale, type: 'region' | 'language', code: string): string {
  const id = `${locale}|${type}`;
  let names = displayNames.get(id);
  if (!names) {
    // "English (United States)", not "American English": the country is always named the same way.
    names = new Intl.DisplayNames([locale], { type, languageDisplay: 'standard', fallback: 'code' });
    displayNames.set(id, names);
  }
  const tag = code.trim().replace(/_/g, '-');
  if (tag === '') return code;
  try {
    return names.of(tag) ?? code;
  } catch {
    return code;
  }
}

const numberFormats = new Map<Locale, Intl.NumberFormat>();

function numberFormatOf(locale: Locale): Intl.NumberFormat {
  let format = numberFormats.get(locale);
  if (!format) {
    // 'min2' (ES2023, typed in a later lib than ours): 2026 stays "2026", 12000 is "12,000" / "12.000".
    const grouping = { useGrouping: 'min2' } as unknown as Intl.NumberFormatOptions;
    format = new Intl.NumberFormat(writtenIn[locale], { maximumFractionDigits: 20, ...grouping });
    numberFormats.set(locale, format);
  }
  return format;
}

/**
 * Renders a message in `locale`, replacing `{name}` with params.name; unknown placeholders stay
 * visible. A plural entry first takes the form that fits the number in its `plural` param; numbers
 * are written as the language writes them (1,000 / 1.000), wordings and lists in the same language.
 */
export function say(key: MessageKey, params: MessageParams = {}, locale: Locale = DEFAULT_LOCALE): string {
  const template = chooseForm(catalogues[locale][key], params, locale);
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const param = Object.prototype.hasOwnProperty.call(params, name) ? params[name] : undefined;
    return param === undefined ? whole : renderParam(param, locale);
  });
}

/** `say` bound to one reader's language, as the cards and dialogs of a turn use it. */
export interface Say {
  (key: MessageKey, params?: MessageParams): string;
  readonly locale: Locale;
  /** The locale to hand Intl for dates when nothing more precise is known ("en-GB", "nl-NL"). */
  readonly writtenIn: string;
  /** A parameter on its own: a value as it is, catalogue words in this language. */
  text(param: MessageParam): string;
}

const speakers = new Map<Locale, Say>();

export function sayIn(locale: Locale): Say {
  let speaker = speakers.get(locale);
  if (!speaker) {
    const bound = (key: MessageKey, params?: MessageParams) => say(key, params, locale);
    speaker = Object.assign(bound, {
      locale,
      writtenIn: writtenIn[locale],
      text: (param: MessageParam) => renderParam(param, locale),
    });
    speakers.set(locale, speaker);
  }
  return speaker;
}
