import type { Activity } from 'botbuilder';
import type { RunningBot } from '../../bot/startBot';
import { containerDefinitions } from '../../services/cosmos/containers';
import { say } from '../../messages/catalogue';
import { RoleDirectory } from '../../services/roles/roleDirectory';
import { BotClient, texts } from '../harness/botClient';
import { ConnectorRecorder } from '../harness/connectorRecorder';
import { cardsOf, visibleText } from '../harness/conversationHarness';
import { pressButton } from '../harness/pressButton';
import { startTestBot } from '../harness/testBot';
import { dutchAccountInputs } from '../dialogs/flowFixtures';

const tenantId = '5b1c2d3e-4f50-4a6b-9c7d-8e9fa0b1c2d3';
const botMention = '<at>Onboarding</at>';

interface TeamsAgent {
  channelId: string;
  aadObjectId: string;
  name: string;
  userPrincipalName: string;
  legalName: string;
  domainPrefix: string;
}

const anna: TeamsAgent = {
  channelId: '29:1anna',
  aadObjectId: '0a1b2c3d-0000-4000-8000-00000000a001',
  name: 'Anna de Vries',
  userPrincipalName: 'anna@partner.example',
  legalName: 'Tailspin Toys B.V.',
  domainPrefix: 'tailspintoysnl',
};
const bram: TeamsAgent = {
  channelId: '29:1bram',
  aadObjectId: '0a1b2c3d-0000-4000-8000-00000000b002',
  name: 'Bram Peters',
  userPrincipalName: 'bram@partner.example',
  legalName: 'Wingtip Traders B.V.',
  domainPrefix: 'wingtiptradersnl',
};

/** Typed text with the bot @mentioned, as Teams sends it in a group chat or channel. */
function mentioning(text: string): Partial<Activity> {
  return {
    text: `${botMention} ${text}`,
    entities: [{ type: 'mention', mentioned: { id: 'bot', name: 'Onboarding' }, text: botMention }],
  };
}

describe('in Teams: identity, mentions and a shared chat', () => {
  let bot: RunningBot;
  let teams: ConnectorRecorder;

  beforeAll(async () => {
    [bot, teams] = await Promise.all([startTestBot(), new ConnectorRecorder().start()]);
    const roles = RoleDirectory.forDatabase(bot.cosmos.client.database(bot.databaseId));
    for (const agent of [anna, bram]) {
      await roles.assign(agent.aadObjectId, ['salesAgent'], { by: 'test' });
      teams.members.set(agent.channelId, {
        id: agent.channelId,
        name: agent.name,
        aadObjectId: agent.aadObjectId,
        userPrincipalName: agent.userPrincipalName,
        tenantId,
      });
    }
  });
  afterAll(async () => {
    await bot.stop();
    await teams.stop();
  });

  /** One agent in a Teams group chat: the same conversation id for everyone in it. */
  function inGroupChat(agent: TeamsAgent, conversationId: string): BotClient {
    return new BotClient(bot.messagesUrl, {
      channelId: 'msteams',
      serviceUrl: teams.serviceUrl,
      conversationId,
      conversation: { isGroup: true, conversationType: 'groupChat', tenantId },
      channelData: { tenant: { id: tenantId } },
      user: { id: agent.channelId, name: agent.name, aadObjectId: agent.aadObjectId },
    });
  }

  async function customerRecord(domainPrefix: string) {
    const { resources } = await bot.cosmos.client
      .database(bot.databaseId)
      .container(containerDefinitions.customers.id)
      .items.query({
        query: 'SELECT * FROM c WHERE c.domain = @domain',
        parameters: [{ name: '@domain', value: `${domainPrefix}.onmicrosoft.com` }],
      })
      .fetchAll();
    return resources;
  }

  it('two agents interleave their turns in one group chat and each adds their own customer', async () => {
    const conversationId = '19:groupchat-interleaved@thread.v2';
    const agents = [anna, bram].map((agent) => ({ agent, client: inGroupChat(agent, conversationId) }));
    const replies = new Map<TeamsAgent, Partial<Activity>[]>();

    for (const { agent, client } of agents) replies.set(agent, await client.send(mentioning('add customer')));
    const steps: [string, (agent: TeamsAgent) => Record<string, string>][] = [
      [
        'next',
        (agent) => dutchAccountInputs({ legalName: agent.legalName, domainPrefix: agent.domainPrefix }),
      ],
      ['next', () => ({ kind: 'attested', acceptedOn: '2026-01-15' })],
      ['next', () => ({ 'offers.m365-business-standard.quantity': '3' })],
      ['submit', () => ({})],
    ];
    const answeredCards: string[] = [];
    for (const [action, inputs] of steps) {
      for (const { agent, client } of agents) {
        // Teams names the message that holds the card; expectReplies gives replies no id, so the test does.
        const replyToId = `card-${answeredCards.push(`card-${answeredCards.length + 1}`)}`;
        const answer = await pressButton(client, replies.get(agent)!, action, inputs(agent), { replyToId });
        replies.set(agent, answer);
      }
    }

    for (const { agent } of agents) {
      const done = visibleText(cardsOf(replies.get(agent)!).at(-1)!);
      expect(done).toContain(`admin@${agent.domainPrefix}.onmicrosoft.com`);
      const records = await customerRecord(agent.domainPrefix);
      expect(records).toHaveLength(1);
      expect(records[0]).toMatchObject({
        accountInfo: { legalName: agent.legalName },
        createdBy: {
          agentId: agent.aadObjectId,
          displayName: agent.name,
          userPrincipalName: agent.userPrincipalName,
          channel: 'msteams',
        },
      });
    }
    // Teams replaces each answered card with its read-only summary (4 answered cards per agent).
    const updates = teams.calls.filter(
      (call) => call.method === 'PUT' && call.conversationId === conversationId,
    );
    expect(updates.map((call) => call.activityId)).toEqual(answeredCards);
    for (const update of updates) expect(visibleText(cardsOf([update.activity!])[0]!)).not.toContain('Next');
    // Each agent is looked up in Teams once, not at every turn.
    for (const { agent } of agents) {
      expect(teams.calls.filter((call) => call.memberId === agent.channelId)).toHaveLength(1);
    }
  });

  it('refuses the submit of an agent whose role was taken away during the onboarding, and keeps the draft', async () => {
    const carla: TeamsAgent = {
      channelId: '29:1carla',
      aadObjectId: '0a1b2c3d-0000-4000-8000-00000000c003',
      name: 'Carla Jansen',
      userPrincipalName: 'carla@partner.example',
      legalName: 'Northwind Handel B.V.',
      domainPrefix: 'northwindhandelnl',
    };
    const roles = RoleDirectory.forDatabase(bot.cosmos.client.database(bot.databaseId));
    await roles.assign(carla.aadObjectId, ['salesAgent'], { by: 'test' });
    const personal = new BotClient(bot.messagesUrl, {
      channelId: 'msteams',
      serviceUrl: teams.serviceUrl,
      conversationId: `a:personal-${carla.aadObjectId}`,
      conversation: { conversationType: 'personal', tenantId },
      channelData: { tenant: { id: tenantId } },
      user: { id: carla.channelId, name: carla.name, aadObjectId: carla.aadObjectId },
    });
    let replies = await personal.send('add customer');
    replies = await pressButton(
      personal,
      replies,
      'next',
      dutchAccountInputs({ legalName: carla.legalName, domainPrefix: carla.domainPrefix }),
    );
    replies = await pressButton(personal, replies, 'next', { kind: 'attested', acceptedOn: '2026-01-15' });
    replies = await pressButton(personal, replies, 'next', { 'offers.m365-business-standard.quantity': '3' });

    // Taken away while Review is open: the turns before ran on the roles read at the start.
    await roles.assign(carla.aadObjectId, [], { by: 'test' });
    replies = await pressButton(personal, replies, 'submit', {});
    expect(visibleText(cardsOf(replies).at(-1)!)).toContain(say('roles.addCustomer.notAllowed'));
    expect(await customerRecord(carla.domainPrefix)).toHaveLength(0);

    await roles.assign(carla.aadObjectId, ['salesAgent'], { by: 'test' });
    replies = await pressButton(personal, replies, 'submit', {});
    expect(visibleText(cardsOf(replies).at(-1)!)).toContain(`admin@${carla.domainPrefix}.onmicrosoft.com`);
    expect(await customerRecord(carla.domainPrefix)).toHaveLength(1);
  });

  it("answers an agent who presses another agent's card, and leaves both drafts as they were", async () => {
    const conversationId = '19:groupchat-someone-elses-card@thread.v2';
    const annaClient = inGroupChat(anna, conversationId);
    const bramClient = inGroupChat(bram, conversationId);
    const annasCard = await annaClient.send(mentioning('add customer'));

    const bramPresses = await pressButton(bramClient, annasCard, 'next', dutchAccountInputs());
    expect(texts(bramPresses)).toEqual([say('card.staleShared')]);
    expect(cardsOf(bramPresses)).toHaveLength(0);

    await bramClient.send(mentioning('add customer'));
    const bramPressesAgain = await pressButton(bramClient, annasCard, 'next', dutchAccountInputs());
    expect(texts(bramPressesAgain)).toEqual([say('card.staleShared')]);

    const annaGoesOn = await pressButton(
      annaClient,
      annasCard,
      'next',
      dutchAccountInputs({ legalName: 'Proseware Holding B.V.', domainPrefix: 'prosewareholding' }),
    );
    expect(visibleText(cardsOf(annaGoesOn).at(-1)!)).toContain('Microsoft Customer Agreement');
  });

  it('welcomes a group chat once, when the bot is added, and not each person who joins later', async () => {
    const chat = inGroupChat(anna, '19:groupchat-welcome@thread.v2');
    const update = (membersAdded: { id: string; name: string }[]) =>
      chat.send({ type: 'conversationUpdate', membersAdded, text: undefined });
    const botAdded = await update([{ id: 'bot', name: 'Onboarding' }]);
    const [welcome] = cardsOf(botAdded);
    expect(welcome && visibleText(welcome)).toContain(say('card.welcome.sharedChat'));
    expect(cardsOf(await update([{ id: bram.channelId, name: bram.name }]))).toHaveLength(0);
  });

  it('welcomes an agent once in a 1:1 chat when the app is installed for them', async () => {
    const personal = new BotClient(bot.messagesUrl, {
      channelId: 'msteams',
      serviceUrl: teams.serviceUrl,
      conversation: { conversationType: 'personal', tenantId },
      user: { id: anna.channelId, name: anna.name, aadObjectId: anna.aadObjectId },
    });
    const installed = await personal.send({
      type: 'conversationUpdate',
      membersAdded: [{ id: 'bot', name: 'Onboarding' }],
    });
    expect(cardsOf(installed)).toHaveLength(1);
    expect(visibleText(cardsOf(installed)[0]!)).not.toContain(say('card.welcome.sharedChat'));
  });

  it('understands a command with the bot @mentioned in a team channel', async () => {
    const channel = new BotClient(bot.messagesUrl, {
      channelId: 'msteams',
      serviceUrl: teams.serviceUrl,
      conversationId: '19:sales-channel@thread.tacv2;messageid=1700000000000',
      conversation: { isGroup: true, conversationType: 'channel', tenantId },
      channelData: {
        tenant: { id: tenantId },
        team: { id: '19:team@thread.tacv2' },
        channel: { id: '19:sales-channel@thread.tacv2' },
      },
      user: { id: anna.channelId, name: anna.name, aadObjectId: anna.aadObjectId },
    });
    const help = await channel.send(mentioning('help'));
    expect(texts(help)).not.toContain(say('flow.unknownText'));
    expect(cardsOf(help)).toHaveLength(1);
    const start = await channel.send(mentioning('add customer'));
    expect(visibleText(cardsOf(start).at(-1)!)).toContain('Account info');
  });

  it('keeps going with the name from the message when Teams cannot tell who the agent is', async () => {
    const stranger = {
      ...anna,
      channelId: '29:1unknown-to-teams',
      aadObjectId: '0a1b2c3d-0000-4000-8000-00000000c003',
      name: 'Chris Jansen',
    };
    await RoleDirectory.forDatabase(bot.cosmos.client.database(bot.databaseId)).assign(
      stranger.aadObjectId,
      ['salesAgent'],
      { by: 'test' },
    );
    const client = new BotClient(bot.messagesUrl, {
      channelId: 'msteams',
      serviceUrl: teams.serviceUrl,
      user: { id: stranger.channelId, name: stranger.name, aadObjectId: stranger.aadObjectId },
      channelData: { tenant: { id: tenantId } },
    });
    const start = await client.send('add customer');
    expect(visibleText(cardsOf(start).at(-1)!)).toContain('Account info');
  });
});
