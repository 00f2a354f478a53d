import type { Activity } from 'botbuilder';
import type { RunningBot } from '../../bot/startBot';
import { containerDefinitions } from '../../services/cosmos/containers';
import { BotClient } from '../harness/botClient';
import { ConnectorRecorder, type RecordedCall } from '../harness/connectorRecorder';
import { actionsOf, cardsOf, inputValues, visibleText } from '../harness/conversationHarness';
import { startTestBot } from '../harness/testBot';
import { dutchAccountInputs } from '../dialogs/flowFixtures';

type Sent = Partial<Activity> & { id: string };

/** What a reply is, for reading the order: a card by its title, or a text. */
function kindOf(activity: Sent): string {
  const [card] = cardsOf([activity]);
  if (card) return `card: ${visibleText(card).split('\n')[0]}`;
  return activity.type === 'message' ? 'text' : String(activity.type);
}

describe('normal delivery: replies go to the Bot Connector, as in the Emulator and Teams', () => {
  let bot: RunningBot;
  let connector: ConnectorRecorder;
  beforeAll(async () => {
    [bot, connector] = await Promise.all([startTestBot(), new ConnectorRecorder().start()]);
  });
  afterAll(async () => {
    await bot.stop();
    await connector.stop();
  });

  it('delivers every reply of a whole onboarding, in order, each answering its activity', async () => {
    const client = new BotClient(bot.messagesUrl, { serviceUrl: connector.serviceUrl });
    const mine = () => connector.calls.filter((call) => call.conversationId === client.conversationId);
    const turns: { sent: string; replies: RecordedCall[] }[] = [];

    /** Sends with normal delivery; the replies of the turn are what the connector received meanwhile. */
    async function turn(activity: Partial<Activity>, expectedReplies: number): Promise<Sent[]> {
      const sent = client.activity(activity);
      const before = mine().length;
      expect(await client.sendNormal(sent)).toBe(200);
      await connector.waitFor(() => mine().length >= before + expectedReplies);
      const replies = mine().slice(before);
      turns.push({ sent: sent.id!, replies });
      return replies.map((call) => call.activity!);
    }

    /** Presses a button of the last card received, with the card's inputs (changed where given). */
    async function press(replies: Sent[], action: string, inputs: Record<string, string>, expected: number) {
      const message = [...replies].reverse().find((reply) => cardsOf([reply]).length > 0);
      const card = message && cardsOf([message])[0];
      const button =
        card &&
        actionsOf(card).find((candidate) => (candidate.data?.action ?? candidate.data?.command) === action);
      if (!message || !card || !button) throw new Error(`No "${action}" button in the last replies`);
      const values = button.associatedInputs === 'none' ? {} : { ...inputValues(card), ...inputs };
      return turn({ value: { ...values, ...button.data }, replyToId: message.id }, expected);
    }

    let replies = await turn(
      { type: 'conversationUpdate', membersAdded: [{ id: 'user-1', name: 'Agent One' }] },
      1,
    );
    replies = await press(replies, 'addCustomer', {}, 1);
    replies = await press(
      replies,
      'next',
      dutchAccountInputs({ legalName: 'Contoso Delivery B.V.', domainPrefix: 'contosodelivery' }),
      1,
    );
    replies = await press(replies, 'next', { kind: 'attested', acceptedOn: '2026-01-15' }, 1);
    replies = await press(replies, 'next', { 'offers.m365-business-basic.quantity': '8' }, 1);
    const review = cardsOf(replies)[0]!;
    const updateAccount = actionsOf(review).find((a) => a.data?.section === 'accountInfo');
    replies = await turn({ value: { ...updateAccount!.data }, replyToId: replies[0]!.id }, 1);
    replies = await press(replies, 'next', { 'address.line2': 'Unit 4' }, 1);
    replies = await press(replies, 'submit', {}, 1);

    expect(connector.sent(client.conversationId).map(kindOf)).toEqual([
      'card: Add a new customer',
      'card: Account info',
      'card: Microsoft Customer Agreement',
      'card: Subscriptions',
      'card: Review',
      'card: Account info',
      'card: Review',
      'card: Customer added',
    ]);
    // The done card carries its sentence as the message text.
    expect(replies[0]?.text).toContain(
      'Contoso Delivery B.V. is saved as your customer; Partner Center is creating it now.',
    );
    expect(visibleText(cardsOf(replies)[0]!)).toContain('admin@contosodelivery.onmicrosoft.com');

    // Each reply went to /v3/conversations/{id}/activities/{replyToId} of the activity it answers.
    for (const { sent, replies: calls } of turns) {
      for (const call of calls) {
        expect(call).toMatchObject({ method: 'POST', activityId: sent, activity: { replyToId: sent } });
      }
    }
    expect(connector.calls.filter((call) => call.method !== 'POST')).toEqual([]);

    const { resources } = await bot.cosmos.client
      .database(bot.databaseId)
      .container(containerDefinitions.customers.id)
      .items.query({
        query: 'SELECT * FROM c WHERE c.domain = @domain',
        parameters: [{ name: '@domain', value: 'contosodelivery.onmicrosoft.com' }],
      })
      .fetchAll();
    expect(resources).toHaveLength(1);
    expect(resources[0]).toMatchObject({
      status: 'pendingVerification',
      accountInfo: { legalName: 'Contoso Delivery B.V.', address: { line2: 'Unit 4' } },
      subscriptions: [{ offerId: 'm365-business-basic', quantity: 8 }],
      createdBy: { agentId: 'local-agent', channel: 'emulator' },
    });
  });
});
