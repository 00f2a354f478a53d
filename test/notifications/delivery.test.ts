import type { RunningBot } from '../../bot/startBot';
import { containerDefinitions } from '../../services/cosmos/containers';
import { say } from '../../messages/catalogue';
import type { OutboxEntry } from '../../services/notifications/outboxStore';
import { NotificationDispatcher } from '../../bot/notifications/dispatcher';
import { texts } from '../harness/botClient';
import { ConnectorRecorder, newConversation, teamsError } from '../harness/connectorRecorder';
import { cardsOf, visibleText } from '../harness/conversationHarness';
import { startTestBot } from '../harness/testBot';
import { NotificationScene, tenantId } from './notificationHarness';

/**
 * Managers' notifications as Teams receives them: a local Bot Connector endpoint that answers each
 * call with what a test scripts (status, body, Retry-After), and the real bot with its dispatcher.
 */
describe('onboarding notifications are delivered once, whatever Teams answers', () => {
  let bot: RunningBot;
  let teams: ConnectorRecorder;
  let scene: NotificationScene;

  beforeAll(async () => {
    teams = await new ConnectorRecorder().start();
    bot = await startTestBot(
      {},
      { dispatcher: { pollMs: 100, backoffBaseMs: 40, leaseMs: 5_000, maxAttempts: 4 } },
    );
    scene = new NotificationScene(bot, teams);
  });
  afterEach(() => scene.retireManagers());
  afterAll(async () => {
    await bot.stop();
    await teams.stop();
  });

  /** The members of a "start a conversation" call. */
  const membersOf = (body: unknown): { id?: string }[] =>
    (body as { members?: { id?: string }[] } | undefined)?.members ?? [];

  const settle = (ms = 600) => new Promise((resolve) => setTimeout(resolve, ms));

  async function outboxOf(customerId: string): Promise<OutboxEntry[]> {
    const { resources } = await bot.cosmos.client
      .database(bot.databaseId)
      .container(containerDefinitions.notificationOutbox.id)
      .items.query<OutboxEntry>({
        query: 'SELECT * FROM c WHERE c.customerId = @id',
        parameters: [{ name: '@id', value: customerId }],
      })
      .fetchAll();
    return resources;
  }

  it('sends every subscribed manager one card with the onboarding, and says so to the agent', async () => {
    const marieke = await scene.manager('Marieke Bakker');
    const joost = await scene.manager('Joost Visser');
    const outcome = await scene.onboard('Northwind Traders B.V.');
    expect(outcome.notified.map((recipient) => recipient.name).sort()).toEqual([
      'Joost Visser',
      'Marieke Bakker',
    ]);

    await teams.waitFor(
      () =>
        scene.delivered(marieke.conversationId).length > 0 &&
        scene.delivered(joost.conversationId).length > 0,
    );
    await settle();
    for (const manager of [marieke, joost]) {
      const cards = scene.delivered(manager.conversationId);
      expect(cards).toHaveLength(1);
      const text = visibleText(cardsOf(cards)[0]!);
      expect(text).toContain('Northwind Traders B.V.');
      expect(text).toContain('Netherlands');
      expect(text).toContain(outcome.customer.domain);
      expect(text).toContain('Anna de Vries');
      expect(text).toContain(outcome.customer.id);
      expect(text).toContain(say('status.pendingVerification'));
    }
    expect((await outboxOf(outcome.customer.id)).map((entry) => entry.status)).toEqual(['sent', 'sent']);
  });

  it('tells nobody, and says so, when every manager stopped notifications', async () => {
    const manager = await scene.manager('Sanne de Wit');
    expect(texts(await manager.chat.send('stop notifications'))).toEqual([say('notify.unsubscribed')]);
    const outcome = await scene.onboard();
    expect(outcome.notified).toEqual([]);
    await settle();
    expect(scene.delivered(manager.conversationId)).toHaveLength(0);
  });

  it('starts the personal chat of a manager it has never talked to', async () => {
    const manager = await scene.manager('Pieter Smit', { installed: false });
    const outcome = await scene.onboard();
    expect(outcome.notified).toEqual([{ kind: 'person', name: 'Pieter Smit' }]);
    const startedFor = () =>
      teams.calls.filter((call) => membersOf(call.activity).some((member) => member.id === manager.id));
    await teams.waitFor(() => startedFor().length > 0);
    expect(startedFor()[0]!.activity).toMatchObject({ members: [{ id: manager.id }], tenantId });
    const newChat = startedFor()[0]!.conversationId;
    await teams.waitFor(() => scene.delivered(newChat).length > 0);
    expect(visibleText(cardsOf(scene.delivered(newChat))[0]!)).toContain(outcome.customer.id);
  });

  it('waits for Retry-After on 429, then delivers once', async () => {
    const manager = await scene.manager('Eva Mulder');
    teams.script(manager.conversationId, [teamsError(429, 'Throttled', { 'Retry-After': '1' })]);
    await scene.onboard();
    await teams.waitFor(() => scene.delivered(manager.conversationId).length > 0, 8000);
    await settle();
    const posts = teams.posts(manager.conversationId);
    expect(posts.map((post) => post.status)).toEqual([429, 200]);
    expect(posts[1]!.at - posts[0]!.at).toBeGreaterThanOrEqual(950);
  });

  it('backs off after 503 twice, then delivers once', async () => {
    const manager = await scene.manager('Daan Bos');
    teams.script(manager.conversationId, [
      teamsError(503, 'ServiceUnavailable'),
      teamsError(503, 'ServiceUnavailable'),
    ]);
    await scene.onboard();
    await teams.waitFor(() => scene.delivered(manager.conversationId).length > 0, 8000);
    await settle();
    expect(teams.posts(manager.conversationId).map((post) => post.status)).toEqual([503, 503, 200]);
  });

  it('marks a 500 failed without trying again, and the manager sees it', async () => {
    const manager = await scene.manager('Lotte Vos');
    teams.script(manager.conversationId, [
      teamsError(500, 'InternalServerError'),
      teamsError(500, 'InternalServerError'),
    ]);
    const outcome = await scene.onboard('Contoso Failing B.V.');
    await teams.waitFor(() => teams.posts(manager.conversationId).length > 0);
    await settle();
    expect(teams.posts(manager.conversationId).map((post) => post.status)).toEqual([500]);
    expect(await outboxOf(outcome.customer.id)).toMatchObject([
      { status: 'failed', lastError: { status: 500, code: 'InternalServerError' } },
    ]);
    const state = texts(await manager.chat.send('notifications')).join('\n');
    expect(state).toMatch(/Contoso Failing B\.V\. \([^)]*UTC: Teams had an error\)/);
  });

  it('marks an entry that keeps failing failed after a bounded number of tries, and says so', async () => {
    const manager = await scene.manager('Ruben Kok');
    teams.script(
      manager.conversationId,
      Array.from({ length: 10 }, () => teamsError(503, 'ServiceUnavailable')),
    );
    const outcome = await scene.onboard('Keeps Failing B.V.');
    await teams.waitFor(() => teams.posts(manager.conversationId).length >= 4, 8000);
    await settle(1200);
    expect(teams.posts(manager.conversationId).map((post) => post.status)).toEqual([503, 503, 503, 503]);
    expect(await outboxOf(outcome.customer.id)).toMatchObject([{ status: 'failed', attempts: 4 }]);
    expect(texts(await manager.chat.send('notifications')).join('\n')).toContain(
      say('notify.reason.unavailable'),
    );
  });

  it.each([
    'ConversationBlockedByUser',
    'BotNotInConversationRoster',
    'BotDisabledByAdmin',
    'ForbiddenOperationException',
  ])('stops sending to a manager after 403 %s', async (code) => {
    const manager = await scene.manager(`Manager ${code}`);
    teams.script(manager.conversationId, [teamsError(403, code)]);
    await scene.onboard();
    await teams.waitFor(() => teams.posts(manager.conversationId).length > 0);
    await settle(300);
    const second = await scene.onboard();
    expect(second.notified).toEqual([]);
    await settle();
    expect(teams.posts(manager.conversationId).map((post) => post.status)).toEqual([403]);
    // Writing to the bot again makes them reachable again.
    await manager.chat.send('notifications');
    expect((await scene.onboard()).notified).toEqual([{ kind: 'person', name: `Manager ${code}` }]);
  });

  it('starts a new personal chat when Teams lost the old one (404), and delivers there', async () => {
    const manager = await scene.manager('Noor Hendriks');
    teams.script(manager.conversationId, [teamsError(404, 'ConversationNotFound')]);
    const outcome = await scene.onboard();
    const startedFor = () =>
      teams.calls.filter((call) => membersOf(call.activity).some((member) => member.id === manager.id));
    await teams.waitFor(() => startedFor().length > 0);
    const newChat = startedFor()[0]!.conversationId;
    await teams.waitFor(() => scene.delivered(newChat).length > 0);
    await settle();
    expect(startedFor()).toHaveLength(1);
    expect(teams.posts(manager.conversationId).map((post) => post.status)).toEqual([404]);
    expect(scene.delivered(newChat).map((activity) => visibleText(cardsOf([activity])[0]!))).toEqual([
      expect.stringContaining(outcome.customer.id),
    ]);
  });

  it('sends each entry once, in order and paced, with two dispatchers on one store', async () => {
    const manager = await scene.manager('Femke Dekker');
    const second = new NotificationDispatcher({ ...bot.dispatcher.options, pollMs: 20 });
    second.start();
    try {
      const outcomes: Awaited<ReturnType<NotificationScene['onboard']>>[] = [];
      for (let i = 0; i < 20; i += 1) outcomes.push(await scene.onboard());
      await teams.waitFor(() => scene.delivered(manager.conversationId).length >= 20, 15_000);
      await settle(800);
      const delivered = scene.delivered(manager.conversationId);
      const cards = delivered.map((activity) => visibleText(cardsOf([activity])[0]!));
      expect(cards).toHaveLength(20);
      expect(
        outcomes.map((outcome) => cards.filter((card) => card.includes(outcome.customer.id)).length),
      ).toEqual(new Array(20).fill(1));
      // One dispatcher at a time holds a manager's lane: Teams' pace holds across both, and the order.
      expect(
        cards.map((card) => outcomes.findIndex((outcome) => card.includes(outcome.customer.id))),
      ).toEqual(outcomes.map((_, index) => index));
      const times = teams.posts(manager.conversationId).map((post) => post.at);
      for (const start of times) {
        expect(times.filter((at) => at >= start && at < start + 1000).length).toBeLessThanOrEqual(7);
        expect(times.filter((at) => at >= start && at < start + 2000).length).toBeLessThanOrEqual(8);
      }
    } finally {
      await second.stop();
    }
  });

  it('sends nothing more to a manager who stopped notifications or lost the role while theirs waited', async () => {
    const [stops, demoted] = [await scene.manager('Mila de Graaf'), await scene.manager('Sem Kuipers')];
    for (const manager of [stops, demoted])
      teams.script(manager.conversationId, [teamsError(429, 'Throttled', { 'Retry-After': '2' })]);
    const outcome = await scene.onboard('Waiting Long B.V.');
    await teams.waitFor(
      () => teams.posts(stops.conversationId).length > 0 && teams.posts(demoted.conversationId).length > 0,
    );
    expect(texts(await stops.chat.send('stop notifications'))).toEqual([say('notify.unsubscribed')]);
    await scene.roles.assign(demoted.id, ['salesAgent'], { by: 'test' });
    await settle(2600);
    for (const manager of [stops, demoted]) {
      expect(teams.posts(manager.conversationId).map((post) => post.status)).toEqual([429]);
    }
    expect((await outboxOf(outcome.customer.id)).map((entry) => entry.status)).toEqual([
      'cancelled',
      'cancelled',
    ]);
  });

  it('remembers a manager whose chat Teams would not start (app not installed), and stops trying', async () => {
    const manager = await scene.manager('Finn Jansen', { installed: false });
    teams.script(newConversation, [teamsError(403, 'ForbiddenOperationException')]);
    const first = await scene.onboard();
    expect(first.notified).toEqual([{ kind: 'person', name: 'Finn Jansen' }]);
    await teams.waitFor(() => teams.calls.some((call) => call.conversationId === newConversation));
    await settle();
    expect((await outboxOf(first.customer.id))[0]).toMatchObject({
      status: 'failed',
      lastError: { code: 'ForbiddenOperationException' },
    });
    expect((await scene.onboard()).notified).toEqual([]);
    // Installing the app brings them back.
    await manager.chat.send({ type: 'installationUpdate', action: 'add', text: undefined });
    expect((await scene.onboard()).notified).toEqual([{ kind: 'person', name: 'Finn Jansen' }]);
  });

  it('does not hold a manager back for an entry whose record has not come, and drops one abandoned', async () => {
    const manager = await scene.manager('Julia Meijer');
    const outbox = bot.dispatcher.options.notifications.outbox;
    const ghost = (customerId: string, minutesAgo: number): OutboxEntry => {
      const at = new Date(Date.now() - minutesAgo * 60_000).toISOString();
      return {
        id: `${customerId}|person:${manager.id}`,
        customerId,
        legalName: 'Ghost B.V.',
        recipientId: `person:${manager.id}`,
        createdAt: at,
        status: 'pending',
        attempts: 0,
        notBefore: at,
      };
    };
    await outbox.add([ghost('never-written', 1), ghost('abandoned-long-ago', 20)]);
    const outcome = await scene.onboard('After The Ghost B.V.');
    await teams.waitFor(() => scene.delivered(manager.conversationId).length > 0, 3000);
    expect(visibleText(cardsOf(scene.delivered(manager.conversationId))[0]!)).toContain(outcome.customer.id);
    await settle();
    expect(await outboxOf('abandoned-long-ago')).toEqual([]);
    expect((await outboxOf('never-written')).map((entry) => entry.status)).toEqual(['pending']);
  });

  it('stops at once while Teams limits hold messages back, and sends the rest once after starting again', async () => {
    const manager = await scene.manager('Anouk Peeters');
    await bot.dispatcher.stop();
    const outcomes: Awaited<ReturnType<NotificationScene['onboard']>>[] = [];
    for (let i = 0; i < 12; i += 1) outcomes.push(await scene.onboard());
    bot.dispatcher.start();
    await teams.waitFor(() => scene.delivered(manager.conversationId).length >= 7);
    const stopping = Date.now();
    await bot.dispatcher.stop();
    expect(Date.now() - stopping).toBeLessThan(1000);
    const held = await Promise.all(outcomes.map((outcome) => outboxOf(outcome.customer.id)));
    expect(held.flat().filter((entry) => entry.status === 'sending')).toEqual([]);
    bot.dispatcher.start();
    await teams.waitFor(() => scene.delivered(manager.conversationId).length >= 12, 10_000);
    await settle();
    expect(scene.delivered(manager.conversationId)).toHaveLength(12);
  });

  it('paces a burst of 50 onboardings to one manager within Teams limits, all delivered in order', async () => {
    const manager = await scene.manager('Bas Jacobs');
    const outcomes: Awaited<ReturnType<NotificationScene['onboard']>>[] = [];
    for (let i = 0; i < 50; i += 1) outcomes.push(await scene.onboard());
    await teams.waitFor(() => scene.delivered(manager.conversationId).length >= 50, 30_000);
    const posts = teams.posts(manager.conversationId);
    expect(posts).toHaveLength(50);
    const times = posts.map((post) => post.at);
    for (let i = 0; i < times.length; i += 1) {
      expect(times.filter((at) => at >= times[i]! && at < times[i]! + 1000).length).toBeLessThanOrEqual(7);
      expect(times.filter((at) => at >= times[i]! && at < times[i]! + 2000).length).toBeLessThanOrEqual(8);
    }
    const order = posts.map((post) =>
      outcomes.findIndex((outcome) =>
        visibleText(cardsOf([post.activity!])[0]!).includes(outcome.customer.id),
      ),
    );
    expect(order).toEqual(outcomes.map((_, index) => index));
  }, 60_000);
});
