import type { RunningBot } from '../../bot/startBot';
import { startEmbeddedCosmos, type EmbeddedCosmos } from '../../services/cosmos/embeddedCosmos';
import { say } from '../../messages/catalogue';
import { BotClient, texts } from '../harness/botClient';
import { customersWithDomain } from '../harness/countItems';
import { cardsOf, visibleText } from '../harness/conversationHarness';
import { pressButton } from '../harness/pressButton';
import { startSwitchableProxy, type SwitchableProxy } from '../harness/switchableProxy';
import { startTestBot } from '../harness/testBot';
import { dutchAccountInputs } from '../dialogs/flowFixtures';

let store: EmbeddedCosmos;
let proxy: SwitchableProxy;
let bot: RunningBot;
beforeAll(async () => {
  store = await startEmbeddedCosmos();
  proxy = await startSwitchableProxy(store.endpoint);
  bot = await startTestBot({ COSMOS_ENDPOINT: proxy.endpoint, COSMOS_KEY: 'any' });
});
afterAll(async () => {
  await bot.stop();
  await proxy.stop();
  await store.stop();
});

const draftKept = /something went wrong.*draft is kept/i;
const lastCardText = (replies: Awaited<ReturnType<BotClient['send']>>) =>
  visibleText(cardsOf(replies).at(-1)!);

const customersNamed = (domain: string) =>
  customersWithDomain(bot.cosmos.client.database(bot.databaseId), domain);

describe('the store unreachable during a turn', () => {
  it('tells the agent the draft is kept; the same card goes on once the store is back', async () => {
    const client = new BotClient(bot.messagesUrl);
    let replies = await client.send('add customer');
    const accountCard = replies;
    proxy.down();
    try {
      const failed = await pressButton(
        client,
        accountCard,
        'next',
        dutchAccountInputs({ legalName: 'Outage Foods B.V.', domainPrefix: 'outagefoods' }),
      );
      expect(texts(failed).join(' ')).toMatch(draftKept);
      expect(cardsOf(failed)).toHaveLength(0);
    } finally {
      proxy.up();
    }
    replies = await pressButton(
      client,
      accountCard,
      'next',
      dutchAccountInputs({ legalName: 'Outage Foods B.V.', domainPrefix: 'outagefoods' }),
    );
    expect(lastCardText(replies)).toContain('Microsoft Customer Agreement');
  });

  it('leaves no record from a Submit during the outage, and the retry creates it once', async () => {
    const client = new BotClient(bot.messagesUrl);
    let replies = await client.send('add customer');
    replies = await pressButton(
      client,
      replies,
      'next',
      dutchAccountInputs({ legalName: 'Outage Submit B.V.', domainPrefix: 'outagesubmit' }),
    );
    replies = await pressButton(client, replies, 'next', { kind: 'attested', acceptedOn: '2026-01-15' });
    const review = await pressButton(client, replies, 'next', { 'offers.m365-business-basic.quantity': '3' });
    proxy.down();
    try {
      expect(texts(await pressButton(client, review, 'submit')).join(' ')).toMatch(draftKept);
    } finally {
      proxy.up();
    }
    expect(await customersNamed('outagesubmit.onmicrosoft.com')).toBe(0);
    const done = await pressButton(client, review, 'submit');
    expect(lastCardText(done)).toContain('admin@outagesubmit.onmicrosoft.com');
    expect(await customersNamed('outagesubmit.onmicrosoft.com')).toBe(1);
    expect(texts(await pressButton(client, review, 'submit'))).toEqual([say('card.staleNoFlow')]);
    expect(await customersNamed('outagesubmit.onmicrosoft.com')).toBe(1);
  });
});
