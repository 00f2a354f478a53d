import type { Activity } from 'botbuilder';
import type { RunningBot } from '../../bot/startBot';
import { buildTeamsAppPackage } from '../../bot/teamsApp/buildPackage';
import { defaultSources } from '../../bot/teamsApp/projectFiles';
import { say } from '../../services/messages/catalogue';
import { BotClient, texts } from '../harness/botClient';
import { cardsOf, inputOf, visibleText } from '../harness/conversationHarness';
import { startTestBot } from '../harness/testBot';
import { manifestSchema, validSettings } from './packageFixtures';

/** What the bot must answer to each command the manifest offers (the local agent is a sales agent). */
const expectedAnswers: Record<string, (replies: Partial<Activity>[]) => void> = {
  'add customer': (replies) => {
    const [card] = cardsOf(replies);
    expect(card && inputOf(card, 'legalName')).toBeDefined();
  },
  help: (replies) => {
    const [card] = cardsOf(replies);
    expect(card && visibleText(card)).toMatch(/add customer[\s\S]*help[\s\S]*cancel/);
  },
  cancel: (replies) => {
    expect(texts(replies)).toEqual([say('cancel.nothing')]);
  },
  // The managers' commands: the local agent is not a manager, so each is refused as such.
  ...Object.fromEntries(
    ['notify me', 'stop notifications', 'notifications', 'notify this channel', 'recent onboardings'].map(
      (title) => [
        title,
        (replies: Partial<Activity>[]) => expect(texts(replies)).toEqual([say('notify.needRole')]),
      ],
    ),
  ),
};

describe('every command in the Teams manifest is one the bot answers', () => {
  let bot: RunningBot;
  let titles: string[];
  let appName: string;

  beforeAll(async () => {
    const manifest = manifestSchema.parse(
      (await buildTeamsAppPackage(validSettings, defaultSources())).manifest,
    );
    titles = [
      ...new Set(
        manifest.bots[0].commandLists.flatMap((list) => list.commands.map((command) => command.title)),
      ),
    ];
    appName = manifest.name.short;
    bot = await startTestBot();
  });
  afterAll(async () => {
    await bot.stop();
  });

  it('the manifest offers exactly the commands this test knows the answers to', () => {
    expect([...titles].sort()).toEqual(Object.keys(expectedAnswers).sort());
  });

  it('answers each command typed in a personal chat, never with "I did not understand"', async () => {
    for (const title of titles) {
      const replies = await new BotClient(bot.messagesUrl).send(title);
      expect(replies.length).toBeGreaterThan(0);
      expect(texts(replies)).not.toContain(say('flow.unknownText'));
      expectedAnswers[title]!(replies);
    }
  });

  it('answers each command after an @mention, as Teams sends it in a group chat or channel', async () => {
    const mention = `<at>${appName}</at>`;
    for (const title of titles) {
      const client = new BotClient(bot.messagesUrl, {
        conversation: { isGroup: true, conversationType: 'groupChat' },
      });
      const replies = await client.send({
        text: `${mention} ${title}`,
        entities: [{ type: 'mention', mentioned: { id: 'bot', name: appName }, text: mention }],
      });
      expect(texts(replies)).not.toContain(say('flow.unknownText'));
      expectedAnswers[title]!(replies);
    }
  });

  it('tells an unknown command apart, so the checks above can fail', async () => {
    const replies = await new BotClient(bot.messagesUrl).send('add a reseller');
    expect(texts(replies)).toEqual([say('flow.unknownText')]);
  });
});
