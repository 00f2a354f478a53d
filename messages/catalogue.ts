import { en } from './en';

/** The one message catalogue: every sentence a user sees is looked up here by key. */
export type MessageKey = keyof typeof en;
export type MessageParams = Readonly<Record<string, string | number>>;
export type Locale = 'en';

/**
 * A sentence whose wording depends on a number ("1 licence", "2 licences"): one form per plural
 * category of the language (Intl.PluralRules), chosen by the numeric param named in `plural`.
 * `other` is the fallback; English needs `one` and `other`.
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

const catalogues: Record<Locale, Record<MessageKey, MessageTemplate>> = { en };

export const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
export type PluralCategory = (typeof PLURAL_CATEGORIES)[number];

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}

export function isPluralMessage(template: MessageTemplate): template is PluralMessage {
  return typeof template === 'object';
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
export function messageTemplate(key: MessageKey, locale: Locale = 'en'): MessageTemplate {
  return catalogues[locale][key];
}

const pluralRules = new Map<Locale, Intl.PluralRules>();

function pluralRulesOf(locale: Locale): Intl.PluralRules {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return rules;
}

/** The form for the number in `params[template.plural]`; `other` when that is not a number. */
function chooseForm(template: MessageTemplate, params: MessageParams, locale: Locale): string {
  if (!isPluralMessage(template)) return template;
  const value = params[template.plural];
  const count = typeof value === 'number' ? value : value === undefined ? NaN : Number(value);
  if (!Number.isFinite(count)) return template.other;
  return template[pluralRulesOf(locale).select(count)] ?? template.other;
}

/**
 * Renders a message, replacing `{name}` with params.name; unknown placeholders stay visible.
 * A plural entry first takes the form that fits the number in its `plural` param.
 */
export function say(key: MessageKey, params: MessageParams = {}, locale: Locale = 'en'): string {
  const template = chooseForm(catalogues[locale][key], params, locale);
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
