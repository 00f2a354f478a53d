import type { Activity } from 'botbuilder';
import type { RunningBot } from '../../bot/startBot';
import { buildTeamsAppPackage } from '../../bot/teamsApp/buildPackage';
import { commandOfPhrase } from '../../bot/teamsApp/localization';
import { defaultSources } from '../../bot/teamsApp/projectFiles';
import { LOCALES, say, type Locale } from '../../messages/catalogue';
import { COMMANDS, type CommandId } from '../../messages/commands';
import { BotClient, texts } from '../harness/botClient';
import { actionsOf, cardsOf, inputOf, visibleText } from '../harness/conversationHarness';
import { startTestBot } from '../harness/testBot';
import { manifestSchema, validSettings } from './packageFixtures';

/** One language of the Teams app: its command titles and app name, and the Teams client that shows them. */
interface AppLanguage {
  locale: Locale;
  /** The activity's locale, as a Teams client in that language sends it. */
  clientLocale: string;
  appName: string;
  /** Each title of the command menus, once, with the command it is. */
  titles: Map<string, CommandId>;
}

/**
 * What the bot must answer to each command the manifest offers, in the language of the Teams client
 * (the local agent is a sales agent, not a manager).
 */
const expectedAnswers: Record<CommandId, (replies: Partial<Activity>[], language: AppLanguage) => void> = {
  addCustomer: (replies) => {
    const [card] = cardsOf(replies);
    expect(card && inputOf(card, 'legalName')).toBeDefined();
  },
  help: (replies, language) => {
    const [card] = cardsOf(replies);
    const text = card ? visibleText(card) : '';
    for (const command of ['addCustomer', 'help', 'cancel', 'language'] as const) {
      expect(text).toContain(titleOf(language, command));
    }
  },
  cancel: (replies, { locale }) => {
    expect(texts(replies)).toEqual([say('cancel.nothing', {}, locale)]);
  },
  language: (replies, { locale }) => {
    const [card] = cardsOf(replies);
    expect(card && visibleText(card)).toContain(say('card.language.title', {}, locale));
    const choices = card ? actionsOf(card).map((action) => (action.data as { locale?: string }).locale) : [];
    expect(choices.sort()).toEqual([...LOCALES].sort());
  },
  // The managers' commands: the local agent is not a manager, so each is refused as such.
  ...(Object.fromEntries(
    (
      ['notifyMe', 'stopNotifications', 'notificationState', 'notifyChannel', 'recentOnboardings'] as const
    ).map((command) => [
      command,
      (replies: Partial<Activity>[], { locale }: AppLanguage) =>
        expect(texts(replies)).toEqual([say('notify.needRole', {}, locale)]),
    ]),
  ) as Record<
    'notifyMe' | 'stopNotifications' | 'notificationState' | 'notifyChannel' | 'recentOnboardings',
    (replies: Partial<Activity>[], language: AppLanguage) => void
  >),
};

function titleOf(language: AppLanguage, command: CommandId): string {
  const title = [...language.titles].find(([, id]) => id === command)?.[0];
  if (!title) throw new Error(`The ${language.locale} manifest has no title for ${command}.`);
  return title;
}

const languages = new Map<Locale, AppLanguage>();

describe('every command in the Teams manifest, in English and in Dutch, is one the bot answers', () => {
  let bot: RunningBot;

  beforeAll(async () => {
    const built = await buildTeamsAppPackage(validSettings, defaultSources());
    const manifest = manifestSchema.parse(built.manifest);
    const dutch = built.localizations.find((localization) => localization.languageTag === 'nl')!.strings;
    const slots = manifest.bots[0].commandLists.flatMap((list, i) =>
      list.commands.map((command, j) => ({
        english: command.title,
        dutch: String(dutch[`bots[0].commandLists[${i}].commands[${j}].title`]),
      })),
    );
    const titlesIn = (locale: Locale, pick: (slot: (typeof slots)[number]) => string) =>
      new Map(slots.map((slot) => [pick(slot), commandOfPhrase(locale, pick(slot))!]));
    languages.set('en', {
      locale: 'en',
      clientLocale: 'en-US',
      appName: manifest.name.short,
      titles: titlesIn('en', (slot) => slot.english),
    });
    languages.set('nl', {
      locale: 'nl',
      clientLocale: 'nl-NL',
      appName: String(dutch['name.short']),
      titles: titlesIn('nl', (slot) => slot.dutch),
    });
    bot = await startTestBot();
  });
  afterAll(async () => {
    await bot.stop();
  });

  it.each(LOCALES)('the %s manifest offers every command, each with a title the bot knows', (locale) => {
    const { titles } = languages.get(locale)!;
    expect([...titles.values()].every(Boolean)).toBe(true);
    expect([...titles.values()].sort()).toEqual([...COMMANDS].sort());
    expect(Object.keys(expectedAnswers).sort()).toEqual([...COMMANDS].sort());
  });

  it.each(LOCALES)(
    'answers each %s command typed in a personal chat, in the language of the Teams client',
    async (locale) => {
      const language = languages.get(locale)!;
      for (const [title, command] of language.titles) {
        const replies = await new BotClient(bot.messagesUrl).send({
          text: title,
          textFormat: 'plain',
          locale: language.clientLocale,
        });
        expect(replies.length).toBeGreaterThan(0);
        expect(texts(replies)).not.toContain(say('flow.unknownText', {}, locale));
        expectedAnswers[command](replies, language);
      }
    },
  );

  it.each(LOCALES)(
    'answers each %s command after an @mention of the app, as Teams sends it in a group chat or channel',
    async (locale) => {
      const language = languages.get(locale)!;
      const mention = `<at>${language.appName}</at>`;
      for (const [title, command] of language.titles) {
        const client = new BotClient(bot.messagesUrl, {
          conversation: { isGroup: true, conversationType: 'groupChat' },
        });
        const replies = await client.send({
          text: `${mention} ${title}`,
          locale: language.clientLocale,
          entities: [{ type: 'mention', mentioned: { id: 'bot', name: language.appName }, text: mention }],
        });
        expect(texts(replies)).not.toContain(say('flow.unknownText', {}, locale));
        expectedAnswers[command](replies, language);
      }
    },
  );

  it('tells an unknown command apart, so the checks above can fail', async () => {
    const replies = await new BotClient(bot.messagesUrl).send('add a reseller');
    expect(texts(replies)).toEqual([say('flow.unknownText')]);
    const dutchReplies = await new BotClient(bot.messagesUrl).send({
      text: 'klant aanmaken',
      textFormat: 'plain',
      locale: 'nl-NL',
    });
    expect(texts(dutchReplies)).toEqual([say('flow.unknownText', {}, 'nl')]);
  });
});
