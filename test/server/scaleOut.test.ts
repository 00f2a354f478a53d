import type { Activity } from 'botbuilder';
import { createCosmosAccess, type CosmosAccess } from '../../services/cosmos/cosmosClientFactory';
import { startEmbeddedCosmos, type EmbeddedCosmos } from '../../services/cosmos/embeddedCosmos';
import { say } from '../../messages/catalogue';
import { BotClient, texts } from '../harness/botClient';
import { killBotProcesses, startBotProcess, type BotProcess } from '../harness/botProcess';
import { actionsOf, cardsOf, inputValues, visibleText } from '../harness/conversationHarness';
import { customersWithDomain } from '../harness/countItems';
import { pressButton } from '../harness/pressButton';
import { dutchAccountInputs } from '../dialogs/flowFixtures';

/**
 * Instances share nothing but Cosmos DB: two bot processes on one store (a Cosmos DB server of its
 * own, outside both), and any turn of a conversation may reach either of them.
 */
describe('two instances of the bot on one store', () => {
  let store: EmbeddedCosmos;
  let access: CosmosAccess;
  let instances: BotProcess[];
  const databaseId = 'scale-out';

  beforeAll(async () => {
    store = await startEmbeddedCosmos();
    access = createCosmosAccess({ endpoint: store.endpoint, key: 'any' });
    const env = {
      PORT: '0',
      COSMOS_ENDPOINT: store.endpoint,
      COSMOS_KEY: 'any',
      COSMOS_DATABASE: databaseId,
    };
    // Both start at once, as instances of an App Service plan do, on a store they both set up.
    instances = await Promise.all([startBotProcess(env), startBotProcess(env)]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all((instances ?? []).map((instance) => instance.stop()));
    killBotProcesses();
    access.dispose();
    await store.stop();
  });

  /** One conversation whose turns go to the instances in turn, as a load balancer may send them. */
  function alternating(conversationId: string): { next(): BotClient } {
    const clients = instances.map((instance) => new BotClient(instance.messagesUrl, { conversationId }));
    let turn = 0;
    return { next: () => clients[turn++ % clients.length]! };
  }

  const customersWithPrefix = (domainPrefix: string) =>
    customersWithDomain(access.client.database(databaseId), `${domainPrefix}.onmicrosoft.com`);

  it('walks one onboarding to Done with every turn on the other instance than the last', async () => {
    const conversation = alternating('conversation-alternating');
    let replies = await conversation.next().send('add customer');
    replies = await pressButton(
      conversation.next(),
      replies,
      'next',
      dutchAccountInputs({ legalName: 'Lamna Healthcare B.V.', domainPrefix: 'lamnahealthcare' }),
    );
    replies = await pressButton(conversation.next(), replies, 'next', {
      kind: 'attested',
      acceptedOn: '2026-01-15',
    });
    replies = await pressButton(conversation.next(), replies, 'next', {
      'offers.m365-business-standard.quantity': '7',
    });
    replies = await pressButton(conversation.next(), replies, { action: 'update', section: 'accountInfo' });
    replies = await pressButton(conversation.next(), replies, 'next', {
      'address.city': 'Utrecht',
      'address.postalCode': '3511 AB',
    });
    expect(visibleText(cardsOf(replies).at(-1)!)).toContain('Utrecht');
    replies = await pressButton(conversation.next(), replies, 'submit');
    expect(visibleText(cardsOf(replies).at(-1)!)).toContain('admin@lamnahealthcare.onmicrosoft.com');
    expect(await customersWithPrefix('lamnahealthcare')).toBe(1);
  });

  it('creates one record when the same submit reaches both instances at once', async () => {
    const conversation = alternating('conversation-double-submit');
    let replies = await conversation.next().send('add customer');
    replies = await pressButton(
      conversation.next(),
      replies,
      'next',
      dutchAccountInputs({ legalName: 'Adventure Works Cycles B.V.', domainPrefix: 'adventureworksnl' }),
    );
    replies = await pressButton(conversation.next(), replies, 'next', { kind: 'customerWillAccept' });
    replies = await pressButton(conversation.next(), replies, 'next');
    const review = cardsOf(replies).at(-1)!;
    const submit = actionsOf(review).find((action) => action.data?.action === 'submit')!;
    const value = { ...inputValues(review), ...submit.data };

    const answers: Partial<Activity>[][] = await Promise.all(
      instances.map((instance) =>
        new BotClient(instance.messagesUrl, { conversationId: 'conversation-double-submit' }).submit(value),
      ),
    );

    expect(await customersWithPrefix('adventureworksnl')).toBe(1);
    const done = answers.filter((answer) =>
      cardsOf(answer).some((card) => visibleText(card).includes('admin@adventureworksnl.onmicrosoft.com')),
    );
    expect(done.length).toBeGreaterThanOrEqual(1);
    // The other instance answers with the same customer (same idempotency key) or as to a stale card;
    // never with a fault.
    for (const answer of answers.filter((candidate) => !done.includes(candidate))) {
      expect(texts(answer)).toEqual([say('card.stale')]);
    }
  });
  it('answers a Submit on a Review card the agent left on the other instance as stale, and creates nothing', async () => {
    const conversationId = 'conversation-left-review';
    const [first, second] = instances.map(
      (instance) => new BotClient(instance.messagesUrl, { conversationId }),
    ) as [BotClient, BotClient];
    // The whole way to Review on the first instance, which keeps the state it wrote in memory.
    let replies = await first.send('add customer');
    replies = await pressButton(
      first,
      replies,
      'next',
      dutchAccountInputs({ legalName: 'Northwind Traders B.V.', domainPrefix: 'northwindnl' }),
    );
    replies = await pressButton(first, replies, 'next', { kind: 'customerWillAccept' });
    const review = await pressButton(first, replies, 'next');
    // The agent presses Update on the other instance: Review is no longer the card that waits.
    const update = await pressButton(second, review, { action: 'update', section: 'accountInfo' });
    expect(cardsOf(update).length).toBeGreaterThan(0);
    // Then Submit on the Review card still in the chat, which reaches the first instance again.
    const submitted = await pressButton(first, review, 'submit');
    expect(texts(submitted)).toEqual([say('card.stale')]);
    expect(await customersWithPrefix('northwindnl')).toBe(0);
  });
  it('speaks the language the agent chose on the other instance, at once, in the conversation where they chose it', async () => {
    const conversationId = 'conversation-language';
    const [first, second] = instances.map(
      (instance) => new BotClient(instance.messagesUrl, { conversationId }),
    ) as [BotClient, BotClient];
    // The first instance learns that this agent has chosen no language.
    expect(texts(await first.send('add customer'))).not.toContain(say('language.changed', {}, 'nl'));
    expect(texts(await second.send('taal nederlands'))).toContain(say('language.changed', {}, 'nl'));
    const help = await first.send('help');
    expect(visibleText(cardsOf(help)[0]!)).toContain(say('card.help.command.language', {}, 'nl'));
  });
});
