import type { TurnContext } from 'botbuilder';
import { localeOf, sayIn, type Locale, type Say } from '../messages/catalogue';

const turnLocaleKey = Symbol('turnLocale');

/** The language this turn speaks, decided once at its start (`AgentLanguage.beginTurn`). */
export function setTurnLocale(context: TurnContext, locale: Locale): void {
  context.turnState.set(turnLocaleKey, locale);
}

/** The turn's language; before it is decided, the one the client sent. */
export function turnLocale(context: TurnContext): Locale {
  const decided: unknown = context.turnState.get(turnLocaleKey);
  return typeof decided === 'string' ? (decided as Locale) : localeOf(context.activity.locale);
}

/** `say` in the language of the agent this turn answers. */
export function sayTo(context: TurnContext): Say {
  return sayIn(turnLocale(context));
}
