import type { Activity } from 'botbuilder';
import { randomUUID } from 'node:crypto';
import type { RunningBot } from '../../bot/startBot';
import { say, sayIn } from '../../messages/catalogue';
import { BotClient, texts } from '../harness/botClient';
import { expectValidCard } from '../harness/cardValidation';
import { ConnectorRecorder } from '../harness/connectorRecorder';
import { actionsOf, cardsOf, inputOf, visibleText } from '../harness/conversationHarness';
import { pressButton } from '../harness/pressButton';
import { startTestBot } from '../harness/testBot';
import { dutchAccountInputs } from '../dialogs/flowFixtures';
import { NotificationScene, tenantId, type TestManager } from './notificationHarness';
import { containerDefinitions } from '../../services/cosmos/containers';
import { RecipientStore } from '../../services/notifications/recipientStore';

const dutch = sayIn('nl');

/** What managers (and others) say to the bot about notifications, in Teams, over HTTP. */
describe("managers' notification commands", () => {
  let bot: RunningBot;
  let teams: ConnectorRecorder;
  let scene: NotificationScene;

  beforeAll(async () => {
    teams = await new ConnectorRecorder().start();
    bot = await startTestBot({}, { dispatcher: { pollMs: 100, backoffBaseMs: 40, leaseMs: 5_000 } });
    scene = new NotificationScene(bot, teams);
  });
  afterEach(() => scene.retireManagers());
  afterAll(async () => {
    await bot.stop();
    await teams.stop();
  });

  const settle = (ms = 600) => new Promise((resolve) => setTimeout(resolve, ms));

  /** Someone in Teams: their personal chat, a team channel, a group chat. */
  function teamsUser(id: string, name: string) {
    const user = { id: `29:${id}`, name, aadObjectId: id };
    const client = (
      conversation: Partial<Activity['conversation']>,
      conversationId: string,
      channelData = {},
    ) =>
      new BotClient(bot.messagesUrl, {
        channelId: 'msteams',
        serviceUrl: teams.serviceUrl,
        conversationId,
        conversation: { tenantId, ...conversation },
        channelData: { tenant: { id: tenantId }, ...channelData },
        user,
      });
    return {
      personal: client({ conversationType: 'personal' }, `a:personal-${id}`),
      channel: (channelId: string, name: string, teamId = '19:team-general@thread.tacv2') =>
        client({ conversationType: 'channel', isGroup: true }, `${channelId};messageid=${Date.now()}`, {
          channel: { id: channelId, name },
          team: { id: teamId },
        }),
      groupChat: client({ conversationType: 'groupChat', isGroup: true }, `19:group-${id}@thread.v2`),
    };
  }

  const chatOf = (manager: TestManager) => teamsUser(manager.id, manager.name);

  it('tells someone without the manager role that notifications are for managers, and changes nothing', async () => {
    const agentId = randomUUID();
    await scene.roles.assign(agentId, ['salesAgent'], { by: 'test' });
    const agent = teamsUser(agentId, 'Anna de Vries');
    for (const command of ['notify me', 'notifications', 'stop notifications', 'recent onboardings']) {
      expect(texts(await agent.personal.send(command))).toEqual([say('notify.needRole')]);
    }
    expect(texts(await agent.channel('19:sales@thread.tacv2', 'Sales').send('notify this channel'))).toEqual([
      say('notify.needRole'),
    ]);
    expect((await scene.onboard()).notified).toEqual([]);
  });

  it('refuses the commands of a manager at once when the manager role is taken away', async () => {
    const manager = await scene.manager('Ruud Visser');
    const chat = chatOf(manager).personal;
    expect(texts(await chat.send('stop notifications'))).toEqual([say('notify.unsubscribed')]);
    await scene.roles.assign(manager.id, ['salesAgent'], { by: 'test' });
    for (const command of ['notify me', 'recent onboardings']) {
      expect(texts(await chat.send(command))).toEqual([say('notify.needRole')]);
    }
  });

  it('welcomes a manager with where their notifications will come', async () => {
    const manager = await scene.manager('Iris Bosman');
    const installed = await chatOf(manager).personal.send({
      type: 'conversationUpdate',
      membersAdded: [{ id: 'bot', name: 'Onboarding' }],
      text: undefined,
    });
    const welcome = cardsOf(installed)[0]!;
    expectValidCard(welcome);
    expect(visibleText(welcome)).toContain(say('card.welcome.manager'));
    const agentId = randomUUID();
    await scene.roles.assign(agentId, ['salesAgent'], { by: 'test' });
    const forAgent = await teamsUser(agentId, 'Anna').personal.send({
      type: 'conversationUpdate',
      membersAdded: [{ id: 'bot', name: 'Onboarding' }],
      text: undefined,
    });
    expect(visibleText(cardsOf(forAgent)[0]!)).not.toContain(say('card.welcome.manager'));
  });

  it("lists the managers' commands in help for managers only", async () => {
    const manager = await scene.manager('Thijs Vermeulen');
    const forManager = visibleText(cardsOf(await chatOf(manager).personal.send('help'))[0]!);
    expect(forManager).toContain('recent onboardings');
    expect(forManager).toContain('notify this channel');
    const agentId = randomUUID();
    await scene.roles.assign(agentId, ['salesAgent'], { by: 'test' });
    const forAgent = visibleText(cardsOf(await teamsUser(agentId, 'Anna').personal.send('help'))[0]!);
    expect(forAgent).toContain('add customer');
    expect(forAgent).not.toContain('recent onboardings');
  });

  it('turns notifications off and on, and says where they go', async () => {
    const manager = await scene.manager('Marieke Bakker');
    const chat = chatOf(manager);
    expect(texts(await chat.personal.send('notifications')).join('\n')).toContain(
      say('notify.state.personal'),
    );
    expect(texts(await chat.personal.send('stop notifications'))).toEqual([say('notify.unsubscribed')]);
    expect(texts(await chat.personal.send('notifications')).join('\n')).toContain(say('notify.state.off'));
    expect((await scene.onboard()).notified).toEqual([]);
    expect(texts(await chat.personal.send('Notify me.'))).toEqual([say('notify.subscribed')]);
    expect((await scene.onboard()).notified).toEqual([{ kind: 'person', name: 'Marieke Bakker' }]);
    expect(texts(await chat.groupChat.send('notify me'))).toEqual([say('notify.personalOnly')]);
    expect(texts(await chat.personal.send('notify this channel'))).toEqual([
      say('notify.channelOnlyInChannel'),
    ]);
  });

  it('sends a manager who talks Dutch their notification in Dutch, and one who chose English in English', async () => {
    const sanne = await scene.manager('Sanne de Jong');
    expect(texts(await sanne.chat.send({ text: 'meldingen', locale: 'nl-NL' })).join('\n')).toContain(
      dutch('notify.state.personal'),
    );
    const pieter = await scene.manager('Pieter Smit');
    await pieter.chat.send({ text: 'taal engels', locale: 'nl-NL' });
    await scene.onboard('Tweetalig B.V.');
    await teams.waitFor(
      () =>
        scene.delivered(sanne.conversationId).length > 0 && scene.delivered(pieter.conversationId).length > 0,
    );
    const [inDutch] = cardsOf(scene.delivered(sanne.conversationId));
    const [inEnglish] = cardsOf(scene.delivered(pieter.conversationId));
    expect(visibleText(inDutch!)).toContain(dutch('card.notification.title'));
    expect(visibleText(inDutch!)).toContain(`${dutch('card.notification.country')}: Nederland`);
    expect(visibleText(inEnglish!)).toContain(say('card.notification.title'));
    expect(scene.delivered(sanne.conversationId)[0]!.summary).toBe(
      dutch('card.notification.summary', { agent: 'Anna de Vries', legalName: 'Tweetalig B.V.' }),
    );
  });

  it('posts in a channel in the language of the manager who routed notifications there', async () => {
    const sanne = await scene.manager('Sanne Kok');
    const channelId = `19:klanten-${randomUUID()}@thread.tacv2`;
    const answer = texts(
      await chatOf(sanne).channel(channelId, 'Klanten').send({ text: 'meld in dit kanaal', locale: 'nl-NL' }),
    );
    expect(answer).toEqual([dutch('notify.channelRouted', { channel: 'Klanten' })]);
    await scene.onboard('Kanaalbericht B.V.');
    await teams.waitFor(() => scene.delivered(channelId).length > 0);
    const shown = visibleText(cardsOf(scene.delivered(channelId))[0]!);
    expect(shown).toContain(dutch('card.notification.title'));
    expect(shown).toContain(`${dutch('card.notification.country')}: Nederland`);
  });

  it('routes notifications to a channel, once for two managers who chose it, and back', async () => {
    const [joost, eva] = [await scene.manager('Joost Visser'), await scene.manager('Eva Mulder')];
    const channelId = `19:onboardings-${randomUUID()}@thread.tacv2`;
    for (const manager of [joost, eva]) {
      const answer = texts(
        await chatOf(manager).channel(channelId, 'Onboardings').send('notify this channel'),
      );
      expect(answer).toEqual([say('notify.channelRouted', { channel: 'Onboardings' })]);
    }
    const outcome = await scene.onboard('Tailspin Toys B.V.');
    expect(outcome.notified).toEqual([{ kind: 'channel', name: 'Onboardings' }]);
    await teams.waitFor(() => scene.delivered(channelId).length > 0);
    await settle();
    expect(scene.delivered(channelId)).toHaveLength(1);
    expect(visibleText(cardsOf(scene.delivered(channelId))[0]!)).toContain('Tailspin Toys B.V.');
    for (const manager of [joost, eva]) expect(scene.delivered(manager.conversationId)).toHaveLength(0);
    expect(texts(await chatOf(joost).personal.send('notifications')).join('\n')).toContain(
      say('notify.state.channel', { channel: 'Onboardings' }),
    );

    // The team removes the bot: its channel gets nothing more, and each manager's chat gets them instead.
    await chatOf(joost)
      .channel(channelId, 'Onboardings')
      .send({ type: 'installationUpdate', action: 'remove', text: undefined });
    const after = await scene.onboard();
    expect(after.notified.map((recipient) => recipient.name).sort()).toEqual(['Eva Mulder', 'Joost Visser']);
    expect(texts(await chatOf(joost).personal.send('notify me'))).toEqual([say('notify.subscribed')]);
  });

  it('sends nothing to a manager who removed the app, until they install it again', async () => {
    const manager = await scene.manager('Sanne de Wit');
    await manager.chat.send({ type: 'installationUpdate', action: 'remove', text: undefined });
    expect((await scene.onboard()).notified).toEqual([]);
    await manager.chat.send({ type: 'installationUpdate', action: 'add', text: undefined });
    expect((await scene.onboard()).notified).toEqual([{ kind: 'person', name: 'Sanne de Wit' }]);
  });

  it('answers a manager command at a waiting card, then shows the card again with the draft kept', async () => {
    const manager = await scene.manager('Pieter Smit');
    await scene.roles.assign(manager.id, ['salesAgent', 'manager'], { by: 'test' });
    const chat = chatOf(manager).personal;
    const first = await chat.send('add customer');
    const answer = await chat.send('notifications');
    expect(texts(answer).join('\n')).toContain(say('notify.state.personal'));
    expect(visibleText(cardsOf(answer).at(-1)!)).toBe(visibleText(cardsOf(first).at(-1)!));
  });

  it("says on the agent's Done card who was notified", async () => {
    const manager = await scene.manager('Lotte Vos');
    const agentId = randomUUID();
    await scene.roles.assign(agentId, ['salesAgent'], { by: 'test' });
    const chat = teamsUser(agentId, 'Bram Peters').personal;
    let replies = await chat.send('add customer');
    replies = await pressButton(
      chat,
      replies,
      'next',
      dutchAccountInputs({ legalName: 'Wingtip Traders B.V.', domainPrefix: `wingtip${Date.now()}` }),
    );
    replies = await pressButton(chat, replies, 'next', { kind: 'attested', acceptedOn: '2026-01-15' });
    replies = await pressButton(chat, replies, 'next', { 'offers.m365-business-standard.quantity': '3' });
    replies = await pressButton(chat, replies, 'submit');
    const done = cardsOf(replies).at(-1)!;
    expectValidCard(done);
    // The local agents file's mock managers are notified too (local mode), so only Lotte is asserted.
    expect(visibleText(done)).toMatch(/A notification goes to [^\n]*Lotte Vos/);
    await teams.waitFor(() => scene.delivered(manager.conversationId).length > 0);
    const card = cardsOf(scene.delivered(manager.conversationId))[0]!;
    expectValidCard(card);
    const text = visibleText(card);
    expect(text).toContain('Wingtip Traders B.V.');
    expect(text).toContain('Microsoft 365 Business Standard');
    expect(text).toContain('anna.jansen@northwind.nl');
    expect(text).toMatch(/admin@wingtip\d+\.onmicrosoft\.com/);
    // The manager's time zone is not known yet: the time says it is UTC.
    expect(text).toMatch(/When: .*UTC/);
    // The audit trail, behind its button: the draft's steps as the agent took them, then the record.
    const shown = (card.actions as { type: string; title: string; card: typeof card }[]).find(
      (action) => action.type === 'Action.ShowCard',
    )!;
    expect(shown.title).toBe(say('card.notification.showAudit'));
    const trail = visibleText(shown.card);
    expect(trail).toMatch(/UTC: draft started/);
    for (const section of ['accountInfo', 'mca', 'subscriptions'] as const)
      expect(trail).toContain(`UTC: ${say(`card.review.section.${section}`)} confirmed`);
    expect(trail).toMatch(/UTC: created by Bram Peters in Teams/);
  });

  it('gives a manager who does not add customers a welcome, help and hint of their own', async () => {
    const manager = await scene.manager('Ruud Dijkstra');
    const chat = chatOf(manager).personal;
    const welcome = visibleText(
      cardsOf(
        await chat.send({
          type: 'conversationUpdate',
          membersAdded: [{ id: 'bot', name: 'Onboarding' }],
          text: undefined,
        }),
      )[0]!,
    );
    expect(welcome).toContain(say('card.welcome.managerTitle'));
    expect(welcome).not.toContain(say('roles.addCustomer.notAllowed'));
    const help = cardsOf(await chat.send('help'))[0]!;
    expect(visibleText(help)).toContain('recent onboardings');
    expect(visibleText(help)).not.toContain('add customer');
    expect(actionsOf(help)).toEqual([]);
    expect(texts(await chat.send('what about last week'))).toEqual([say('flow.unknownTextManager')]);
  });

  it('understands a command with odd spacing and closing punctuation', async () => {
    const manager = await scene.manager('Daan de Jong');
    const chat = chatOf(manager).personal;
    expect(texts(await chat.send('Stop  notification.'))).toEqual([say('notify.unsubscribed')]);
    expect(texts(await chat.send('notify\u00a0me?'))).toEqual([say('notify.subscribed')]);
  });

  it('names the General channel by its team, since Teams names no General channel', async () => {
    const manager = await scene.manager('Nina Hoekstra');
    const teamId = `19:team-${randomUUID()}@thread.tacv2`;
    const general = new BotClient(bot.messagesUrl, {
      channelId: 'msteams',
      serviceUrl: teams.serviceUrl,
      conversationId: `${teamId};messageid=1`,
      conversation: { tenantId, conversationType: 'channel', isGroup: true },
      channelData: { tenant: { id: tenantId }, channel: { id: teamId }, team: { id: teamId, name: 'Sales' } },
      user: { id: `29:${manager.id}`, name: manager.name, aadObjectId: manager.id },
    });
    expect(texts(await general.send('notify this channel'))).toEqual([
      say('notify.channelRouted', { channel: say('notify.generalChannel', { team: 'Sales' }) }),
    ]);
    expect((await scene.onboard()).notified).toEqual([{ kind: 'channel', name: 'General in Sales' }]);
  });

  it('hears from a manager another instance marked unreachable: a command of theirs clears it', async () => {
    const manager = await scene.manager('Tim Willems');
    // Another bot instance found Teams could not deliver to them.
    const otherInstance = new RecipientStore(
      bot.cosmos.client.database(bot.databaseId).container(containerDefinitions.notificationRecipients.id),
    );
    await otherInstance.deactivate(`person:${manager.id}`, 'ConversationBlockedByUser');
    expect((await scene.onboard()).notified).toEqual([]);
    const state = texts(await chatOf(manager).personal.send('notifications')).join('\n');
    expect(state).not.toContain(say('notify.reason.ConversationBlockedByUser'));
    expect((await scene.onboard()).notified).toEqual([{ kind: 'person', name: 'Tim Willems' }]);
  });

  describe('recent onboardings', () => {
    it('is shown in the personal chat only, and its buttons are for managers', async () => {
      const manager = await scene.manager('Sophie Smits');
      expect(
        texts(await chatOf(manager).channel('19:open@thread.tacv2', 'Open').send('recent onboardings')),
      ).toEqual([say('recent.personalOnly')]);
      expect(texts(await chatOf(manager).groupChat.send('recent onboardings'))).toEqual([
        say('recent.personalOnly'),
      ]);
      const agentId = randomUUID();
      await scene.roles.assign(agentId, ['salesAgent'], { by: 'test' });
      const pressed = await teamsUser(agentId, 'Anna').personal.send({
        value: { command: 'recentOnboardings' },
      });
      expect(texts(pressed)).toEqual([say('recent.needRole')]);
    });

    it('says so on the card when the agent filter is too long', async () => {
      const manager = await scene.manager('Lars Bakker');
      const answer = await chatOf(manager).personal.send({
        value: { command: 'recentOnboardings', agent: 'a'.repeat(101), from: 20261130 },
      });
      expect(visibleText(cardsOf(answer)[0]!)).toContain(say('recent.agentTooLong'));
    });

    it('lists onboardings newest first, ten at a time with More, filtered by agent and date', async () => {
      const manager = await scene.manager('Femke Dekker');
      const chat = chatOf(manager).personal;
      const marker = `Recent${Date.now().toString(36)}`;
      for (let i = 0; i < 12; i += 1) await scene.onboard(`${marker} ${String(i).padStart(2, '0')} B.V.`);

      const first = await chat.send('recent onboardings');
      const card = cardsOf(first)[0]!;
      expectValidCard(card);
      const names = (replies: Partial<Activity>[]) =>
        visibleText(cardsOf(replies)[0]!)
          .split('\n')
          .filter((line) => line.startsWith(marker));
      expect(names(first).slice(0, 10)).toEqual(
        Array.from({ length: 10 }, (_, i) => `${marker} ${String(11 - i).padStart(2, '0')} B.V.`),
      );
      const more = await pressButton(chat, first, {
        command: 'recentOnboardings',
        continuation: moreToken(card),
      });
      expect(names(more).slice(0, 2)).toEqual([`${marker} 01 B.V.`, `${marker} 00 B.V.`]);

      const nobody = await pressButton(
        chat,
        first,
        { command: 'recentOnboardings' },
        { agent: 'nobody-like-this' },
      );
      expect(visibleText(cardsOf(nobody)[0]!)).toContain(say('recent.none'));
      expect(inputOf(cardsOf(nobody)[0]!, 'agent')?.value).toBe('nobody-like-this');
      const byAnna = await pressButton(chat, first, { command: 'recentOnboardings' }, { agent: 'anna de' });
      expect(names(byAnna)).toHaveLength(10);
      const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
      const future = await pressButton(chat, first, { command: 'recentOnboardings' }, { from: tomorrow });
      expect(names(future)).toHaveLength(0);
    });

    it('refuses a date it cannot read, and starts again from the newest on a forged More', async () => {
      const manager = await scene.manager('Bas Jacobs');
      const chat = chatOf(manager).personal;
      await scene.onboard();
      const card = cardsOf(await chat.send('recent onboardings'))[0]!;
      expect(card).toBeDefined();
      const badDate = await chat.send({ value: { command: 'recentOnboardings', from: '2026-13-45' } });
      expect(visibleText(cardsOf(badDate)[0]!)).toContain(say('recent.badDate'));
      const backwards = await chat.send({
        value: { command: 'recentOnboardings', from: '2026-05-02', to: '2026-05-01' },
      });
      expect(visibleText(cardsOf(backwards)[0]!)).toContain(say('recent.badRange'));
      // A token shaped like the store's that it cannot use: the newest page, and why.
      const forged = await chat.send({
        value: { command: 'recentOnboardings', continuation: '[{"compositeToken":"x","orderByItems":[]}]' },
      });
      expect(visibleText(cardsOf(forged)[0]!)).toContain(say('recent.expired'));
      for (const token of ['not a token', '{"token":"forged"}', 'x'.repeat(8192)]) {
        const answer = await chat.send({ value: { command: 'recentOnboardings', continuation: token } });
        expect(visibleText(cardsOf(answer)[0]!)).toContain(say('recent.title'));
      }
    });
  });
});

function moreToken(card: Parameters<typeof actionsOf>[0]): string {
  const more = actionsOf(card).find((action) => action.data?.continuation);
  if (!more) throw new Error('The card has no More button');
  return String(more.data!.continuation);
}
