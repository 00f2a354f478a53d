import type { Locale } from './catalogue';
import { en } from './en/commands';
import { nl } from './nl/commands';

/** What an agent can type at any time; each language has its own words for them. */
export const COMMANDS = [
  'addCustomer',
  'help',
  'cancel',
  'language',
  'notifyMe',
  'stopNotifications',
  'notificationState',
  'notifyChannel',
  'recentOnboardings',
] as const;
export type CommandId = (typeof COMMANDS)[number];

/** A language's words for each command, lower case, as typed (case and spacing are ignored). */
export type CommandPhrases = { readonly [Command in CommandId]: readonly string[] };

/** The languages by the names an agent may type after "language" / "taal". */
export type LanguageNames = { readonly [Language in Locale]: readonly string[] };

export const commandPhrases: Readonly<Record<Locale, CommandPhrases>> = { en: en.commands, nl: nl.commands };
export const languageNames: Readonly<Record<Locale, LanguageNames>> = { en: en.languages, nl: nl.languages };
