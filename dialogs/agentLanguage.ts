import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { z } from 'zod';
import { localeOf, LOCALES, type Locale } from '../messages/catalogue';
import { setTurnLocale } from './turnLanguage';

/** A choice as stored: the locale and when it was made (absent on choices stored as a bare locale). */
const storedChoiceSchema = z.union([
  z.object({ locale: z.enum(LOCALES), chosenAt: z.number() }),
  z.enum(LOCALES).transform((locale) => ({ locale, chosenAt: 0 })),
]);
type StoredChoice = z.infer<typeof storedChoiceSchema>;

/**
 * The language the bot speaks with an agent: the one they chose (`language` / `taal`, remembered
 * per agent, across their conversations), otherwise their Teams client's (the activity's `locale`),
 * otherwise English. The choice is kept twice: per agent (what other conversations follow) and in the
 * conversation where it was made (which every turn of it reads anyway, so it holds there at once even
 * where the agent's own record is a little behind); the later choice wins.
 */
export class AgentLanguage {
  constructor(
    private readonly byAgent: StatePropertyAccessor<unknown>,
    private readonly inConversation: StatePropertyAccessor<unknown>,
    private readonly now: () => number = Date.now,
  ) {}

  /** Decides the turn's language before anything is said. */
  async beginTurn(context: TurnContext): Promise<Locale> {
    const [agent, conversation] = await Promise.all([
      this.choiceIn(this.byAgent, context),
      this.choiceIn(this.inConversation, context),
    ]);
    const latest = [agent, conversation]
      .filter((choice): choice is StoredChoice => choice !== undefined)
      .sort((a, b) => b.chosenAt - a.chosenAt)[0];
    const locale = latest?.locale ?? localeOf(context.activity.locale);
    setTurnLocale(context, locale);
    return locale;
  }

  /** From now on, this agent is answered in `locale`, this turn included. */
  async choose(context: TurnContext, locale: Locale): Promise<void> {
    const choice: StoredChoice = { locale, chosenAt: this.now() };
    await this.byAgent.set(context, choice);
    await this.inConversation.set(context, choice);
    setTurnLocale(context, locale);
  }

  private async choiceIn(
    accessor: StatePropertyAccessor<unknown>,
    context: TurnContext,
  ): Promise<StoredChoice | undefined> {
    const parsed = storedChoiceSchema.safeParse(await accessor.get(context));
    return parsed.success ? parsed.data : undefined;
  }
}

/** Each language the bot speaks, named in that language: "English", "Nederlands". */
export function languagesByOwnName(): { locale: Locale; name: string }[] {
  return LOCALES.map((locale) => {
    const name = new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale;
    return { locale, name: name.charAt(0).toLocaleUpperCase(locale) + name.slice(1) };
  });
}
