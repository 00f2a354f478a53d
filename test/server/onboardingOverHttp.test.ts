import type { RunningBot } from '../../bot/startBot';
import { containerDefinitions } from '../../services/cosmos/containers';
import { BotClient } from '../harness/botClient';
import { cardsOf, visibleText } from '../harness/conversationHarness';
import { pressButton } from '../harness/pressButton';
import { startTestBot } from '../harness/testBot';
import { dutchAccountInputs } from '../dialogs/flowFixtures';

describe('an onboarding over HTTP through the real server', () => {
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(async () => bot.stop());

  it('adds a customer with expectReplies, and the record is in Cosmos DB', async () => {
    const client = new BotClient(bot.messagesUrl);
    let replies = await client.send('add customer');
    replies = await pressButton(
      client,
      replies,
      'next',
      dutchAccountInputs({ legalName: 'Fabrikam Logistics B.V.', domainPrefix: 'fabrikamlogistics' }),
    );
    replies = await pressButton(client, replies, 'next', { kind: 'attested', acceptedOn: '2026-01-15' });
    replies = await pressButton(client, replies, 'next', { 'offers.m365-business-standard.quantity': '12' });
    expect(visibleText(cardsOf(replies).at(-1)!)).toContain('Fabrikam Logistics B.V.');
    replies = await pressButton(client, replies, 'submit');
    expect(visibleText(cardsOf(replies).at(-1)!)).toContain('admin@fabrikamlogistics.onmicrosoft.com');

    const { resources } = await bot.cosmos.client
      .database(bot.databaseId)
      .container(containerDefinitions.customers.id)
      .items.query({
        query: 'SELECT * FROM c WHERE c.domain = @domain',
        parameters: [{ name: '@domain', value: 'fabrikamlogistics.onmicrosoft.com' }],
      })
      .fetchAll();
    expect(resources).toHaveLength(1);
    expect(resources[0]).toMatchObject({
      status: 'pendingVerification',
      accountInfo: { legalName: 'Fabrikam Logistics B.V.', address: { postalCode: '1015 CJ' } },
      subscriptions: [{ offerId: 'm365-business-standard', quantity: 12 }],
      createdBy: { agentId: 'local-agent', channel: 'emulator' },
    });
  });
});
