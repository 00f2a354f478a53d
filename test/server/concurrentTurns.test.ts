import type { Activity } from 'botbuilder';
import type { RunningBot } from '../../bot/startBot';
import { say } from '../../messages/catalogue';
import { BotClient, texts } from '../harness/botClient';
import { customersWithDomain } from '../harness/countItems';
import { actionsOf, cardsOf, inputValues, visibleText } from '../harness/conversationHarness';
import { pressButton } from '../harness/pressButton';
import { startTestBot } from '../harness/testBot';
import { dutchAccountInputs } from '../dialogs/flowFixtures';

let bot: RunningBot;
beforeAll(async () => {
  bot = await startTestBot();
});
afterAll(async () => bot.stop());

/** The same button pressed in five windows at once: five posts of one submit, in parallel. */
async function pressFiveTimesAtOnce(
  client: BotClient,
  replies: Partial<Activity>[],
  action: string,
  inputs: Record<string, string> = {},
): Promise<Partial<Activity>[][]> {
  const message = [...replies].reverse().find((reply) => cardsOf([reply]).length > 0)!;
  const card = cardsOf([message])[0]!;
  const button = actionsOf(card).find((candidate) => candidate.data?.action === action)!;
  const value = { ...inputValues(card), ...inputs, ...button.data };
  return Promise.all(
    Array.from({ length: 5 }, () => client.send({ value, ...(message.id ? { replyToId: message.id } : {}) })),
  );
}

const stale = say('card.stale');

describe('turns of one conversation at the same time', () => {
  it('start one draft when "add customer" arrives five times at once in a new conversation', async () => {
    const client = new BotClient(bot.messagesUrl);
    const answers = await Promise.all(Array.from({ length: 5 }, () => client.send('add customer')));
    // Each answer is the new draft's card, that card again with "already adding", or "overtaken":
    // however the five turns interleave, one draft exists and every card shown is its card.
    const promptIds = new Set(
      answers.flatMap((replies) =>
        cardsOf(replies).map((card) => String(actionsOf(card)[0]?.data?.promptId)),
      ),
    );
    expect(promptIds.size).toBe(1);
    for (const replies of answers.filter((r) => cardsOf(r).length === 0)) {
      expect(texts(replies)).toEqual([say('turn.overtaken')]);
    }
    const started = answers.find((replies) => cardsOf(replies).length > 0)!;
    const next = await pressButton(
      client,
      started,
      'next',
      dutchAccountInputs({ legalName: 'First Turn Race B.V.', domainPrefix: 'firstturnrace' }),
    );
    expect(visibleText(cardsOf(next).at(-1)!)).toContain('Microsoft Customer Agreement');
  });

  it('take one account-info submit of five; the others are answered as a stale card and change nothing', async () => {
    const client = new BotClient(bot.messagesUrl);
    const start = await client.send('add customer');
    const answers = await pressFiveTimesAtOnce(
      client,
      start,
      'next',
      dutchAccountInputs({ legalName: 'Five Windows B.V.', domainPrefix: 'fivewindows' }),
    );
    const accepted = answers.filter((replies) => cardsOf(replies).length > 0);
    expect(accepted).toHaveLength(1);
    expect(visibleText(cardsOf(accepted[0]!)[0]!)).toContain('Microsoft Customer Agreement');
    for (const replies of answers.filter((r) => cardsOf(r).length === 0))
      expect(texts(replies)).toEqual([stale]);

    // The conversation goes on from the one accepted answer.
    const mca = await pressButton(client, accepted[0]!, 'next', {
      kind: 'attested',
      acceptedOn: '2026-01-15',
    });
    expect(visibleText(cardsOf(mca).at(-1)!)).toContain('Subscriptions');
  });

  it('show one Done card for five Submits pressed at once, and store one record', async () => {
    const client = new BotClient(bot.messagesUrl);
    let replies = await client.send('add customer');
    replies = await pressButton(
      client,
      replies,
      'next',
      dutchAccountInputs({ legalName: 'Double Click Foods B.V.', domainPrefix: 'doubleclickfoods' }),
    );
    replies = await pressButton(client, replies, 'next', { kind: 'attested', acceptedOn: '2026-01-15' });
    replies = await pressButton(client, replies, 'next', { 'offers.m365-business-basic.quantity': '4' });
    const answers = await pressFiveTimesAtOnce(client, replies, 'submit');

    const done = answers.filter((r) =>
      cardsOf(r).some((card) => visibleText(card).includes('Customer added')),
    );
    expect(done).toHaveLength(1);
    for (const other of answers.filter((r) => !done.includes(r))) expect(texts(other)).toEqual([stale]);

    expect(
      await customersWithDomain(
        bot.cosmos.client.database(bot.databaseId),
        'doubleclickfoods.onmicrosoft.com',
      ),
    ).toBe(1);
    expect(texts(await client.send('hello')).join(' ')).toMatch(/did not understand/);
  });
});
