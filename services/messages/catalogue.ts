import { en } from './en';

/** The one message catalogue: every sentence a user sees is looked up here by key. */
export type MessageKey = keyof typeof en;
export type MessageParams = Readonly<Record<string, string | number>>;
export type Locale = 'en';

const catalogues: Record<Locale, Record<MessageKey, string>> = { en };

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}

/** Renders a message, replacing `{name}` with params.name; unknown placeholders stay visible. */
export function say(key: MessageKey, params: MessageParams = {}, locale: Locale = 'en'): string {
  const template = catalogues[locale][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
