import type { Activity } from 'botbuilder';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { BotClient, texts } from '../harness/botClient';
import { killBotProcesses, startBotProcess, type BotProcess } from '../harness/botProcess';
import { actionsOf, cardsOf, visibleText } from '../harness/conversationHarness';
import { pressButton } from '../harness/pressButton';
import { dutchAccountInputs } from '../dialogs/flowFixtures';

/**
 * The bot is killed (SIGKILL) after every turn of four whole onboardings: 20 kills, each at a random
 * moment 0 to 100 ms after the reply, so every point of the flow is hit and the timing varies.
 */
const onboardings = 4;
const kills = onboardings * 5;

type Replies = Partial<Activity>[];
/** One turn of an onboarding and the step whose card it leaves waiting ('done' after Submit). */
type Turn = { after: string; send: (client: BotClient, replies: Replies) => Promise<Replies> };

function onboarding(n: number): Turn[] {
  return [
    { after: 'accountInfo', send: (client) => client.send('add customer') },
    {
      after: 'mca',
      send: (client, replies) =>
        pressButton(
          client,
          replies,
          'next',
          dutchAccountInputs({ legalName: `Hard Kill ${n} B.V.`, domainPrefix: `hardkill${n}` }),
        ),
    },
    {
      after: 'subscriptions',
      send: (client, replies) =>
        pressButton(client, replies, 'next', { kind: 'attested', acceptedOn: '2026-01-15' }),
    },
    {
      after: 'review',
      send: (client, replies) =>
        pressButton(client, replies, 'next', { 'offers.m365-business-basic.quantity': '3' }),
    },
    { after: 'done', send: (client, replies) => pressButton(client, replies, 'submit') },
  ];
}

const stepOf = (replies: Replies): string =>
  String(actionsOf(cardsOf(replies).at(-1)!)[0]?.data?.promptId ?? 'done').split(':')[0]!;

describe('kill -9 at random moments of whole onboardings', () => {
  let dataDir: string;
  let bot: BotProcess;
  const start = () =>
    startBotProcess({ PORT: '0', EMBEDDED_COSMOS_PORT: '0', EMBEDDED_COSMOS_DATA_DIR: dataDir });

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'kill-anywhere-'));
  });
  afterAll(async () => {
    killBotProcesses();
    await rm(dataDir, { recursive: true, force: true });
  });

  it(`loses nothing a reply confirmed (${kills} kills)`, async () => {
    bot = await start();
    let killed = 0;
    for (let n = 1; n <= onboardings; n += 1) {
      const client = new BotClient(bot.messagesUrl);
      let replies: Replies = [];
      for (const turn of onboarding(n)) {
        replies = await turn.send(
          new BotClient(bot.messagesUrl, { conversationId: client.conversationId }),
          replies,
        );
        expect(turn.after === 'done' ? visibleText(cardsOf(replies).at(-1)!) : stepOf(replies)).toEqual(
          turn.after === 'done' ? expect.stringContaining('Customer added') : turn.after,
        );
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 100));
        await bot.stop('SIGKILL');
        killed += 1;
        bot = await start();
        const back = new BotClient(bot.messagesUrl, { conversationId: client.conversationId });
        if (turn.after === 'done') {
          // The customer is there: adding it again is answered with its record.
          await back.send('add customer');
          const again = await pressButton(
            back,
            await back.send('hello'),
            'next',
            dutchAccountInputs({ legalName: `Hard Kill ${n} B.V.`, domainPrefix: `hardkill${n}` }),
          );
          expect(visibleText(cardsOf(again)[0]!)).toContain('Already your customer');
        } else {
          // The conversation waits at the card the last reply showed, with the same prompt.
          const hint = await back.send('hello');
          expect(texts(hint).join(' ')).toMatch(/waiting for your answer/);
          expect(stepOf(hint)).toBe(turn.after);
          replies = hint;
        }
      }
    }
    expect(killed).toBe(kills);
    await bot.stop();
  }, 240_000);
});
