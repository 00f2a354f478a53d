import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { isLocale, localeOf, LOCALES, type Locale } from '../messages/catalogue';
import { setTurnLocale } from './turnLanguage';

/**
 * The language the bot speaks with an agent: the one they chose (`language` / `taal`, remembered
 * per agent, across their conversations), otherwise their Teams client's (the activity's `locale`),
 * otherwise English.
 */
export class AgentLanguage {
  constructor(private readonly chosen: StatePropertyAccessor<unknown>) {}

  /** Decides the turn's language before anything is said. */
  async beginTurn(context: TurnContext): Promise<Locale> {
    const chosen = await this.chosen.get(context);
    const locale = isLocale(chosen) ? chosen : localeOf(context.activity.locale);
    setTurnLocale(context, locale);
    return locale;
  }

  /** From now on, this agent is answered in `locale`, this turn included. */
  async choose(context: TurnContext, locale: Locale): Promise<void> {
    await this.chosen.set(context, locale);
    setTurnLocale(context, locale);
  }
}

/** Each language the bot speaks, named in that language: "English", "Nederlands". */
export function languagesByOwnName(): { locale: Locale; name: string }[] {
  return LOCALES.map((locale) => {
    const name = new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale;
    return { locale, name: name.charAt(0).toLocaleUpperCase(locale) + name.slice(1) };
  });
}
