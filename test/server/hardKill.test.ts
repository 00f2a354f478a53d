import type { Activity } from 'botbuilder';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { containerDefinitions } from '../../services/cosmos/containers';
import { createCosmosAccess } from '../../services/cosmos/cosmosClientFactory';
import { dataFolderOwner } from '../../services/cosmos/dataFolderOwner';
import { embeddedCosmosKey } from '../../services/cosmos/embeddedCosmos';
import { BotClient, texts } from '../harness/botClient';
import { hardKill, killBotProcesses, startBotProcess } from '../harness/botProcess';
import { cardsOf, inputOf, visibleText } from '../harness/conversationHarness';
import { pressButton } from '../harness/pressButton';
import { dutchAccountInputs } from '../dialogs/flowFixtures';

/**
 * "Nothing confirmed is lost": the bot process is killed with SIGKILL right after the reply that
 * confirmed something to the agent (no shutdown, no snapshot), then started again on the same data
 * folder. What the agent was told must still be there.
 */
describe('a hard kill of the bot right after a reply (embedded store with a data folder)', () => {
  let dataDir: string;
  let env: Record<string, string>;
  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'hard-kill-'));
    env = { PORT: '0', EMBEDDED_COSMOS_PORT: '0', EMBEDDED_COSMOS_DATA_DIR: dataDir };
  });
  afterEach(async () => {
    killBotProcesses();
    await rm(dataDir, { recursive: true, force: true });
  });

  /** The store of the bot now serving the data folder (its endpoint is in the folder's owner mark). */
  async function storeOfRunningBot() {
    const owner = await dataFolderOwner(dataDir);
    if (!owner) throw new Error('No bot serves the data folder');
    const access = createCosmosAccess({ endpoint: owner.endpoint, key: embeddedCosmosKey });
    return { access, database: access.client.database('onboarding') };
  }

  it('keeps a customer whose Done card was shown, and its domain reservation', async () => {
    const first = await startBotProcess(env);
    const client = new BotClient(first.messagesUrl);
    let replies: Partial<Activity>[] = await client.send('add customer');
    replies = await pressButton(
      client,
      replies,
      'next',
      dutchAccountInputs({ legalName: 'Tailspin Toys B.V.', domainPrefix: 'tailspintoysnl' }),
    );
    replies = await pressButton(client, replies, 'next', { kind: 'attested', acceptedOn: '2026-01-15' });
    replies = await pressButton(client, replies, 'next', { 'offers.m365-business-standard.quantity': '3' });
    replies = await pressButton(client, replies, 'submit');
    await hardKill(first);
    expect(visibleText(cardsOf(replies).at(-1)!)).toContain('admin@tailspintoysnl.onmicrosoft.com');

    const second = await startBotProcess(env);
    const { access, database } = await storeOfRunningBot();
    try {
      const { resources: customers } = await database
        .container(containerDefinitions.customers.id)
        .items.query({
          query: 'SELECT * FROM c WHERE c.domain = @domain',
          parameters: [{ name: '@domain', value: 'tailspintoysnl.onmicrosoft.com' }],
        })
        .fetchAll();
      expect(customers).toHaveLength(1);
      expect(customers[0]).toMatchObject({ accountInfo: { legalName: 'Tailspin Toys B.V.' } });
      const { resource: reservation } = await database
        .container(containerDefinitions.reservations.id)
        .item('domain:tailspintoysnl', 'domain:tailspintoysnl')
        .read();
      expect(reservation).toBeDefined();

      // And the bot says so: the same customer again is the partner's own, not a new one.
      const again = new BotClient(second.messagesUrl);
      let answer = await again.send('add customer');
      answer = await pressButton(
        again,
        answer,
        'next',
        dutchAccountInputs({ legalName: 'Tailspin Toys B.V.', domainPrefix: 'tailspintoysnl' }),
      );
      const shown = cardsOf(answer).map(visibleText).join(' ');
      expect(shown).toMatch(/already one of your customers/);
      expect(shown).toContain('tailspintoysnl.onmicrosoft.com');
    } finally {
      access.dispose();
      await second.stop();
    }
  });

  it('keeps a draft after account info: the conversation goes on at the MCA card', async () => {
    const first = await startBotProcess(env);
    const client = new BotClient(first.messagesUrl);
    let replies: Partial<Activity>[] = await client.send('add customer');
    replies = await pressButton(
      client,
      replies,
      'next',
      dutchAccountInputs({ legalName: 'Wingtip Toys B.V.', domainPrefix: 'wingtiptoysnl' }),
    );
    await hardKill(first);
    const mca = cardsOf(replies).at(-1);
    expect(mca && inputOf(mca, 'kind')).toBeDefined();

    const second = await startBotProcess(env);
    try {
      const again = await new BotClient(second.messagesUrl, { conversationId: client.conversationId }).send(
        'hello again',
      );
      expect(texts(again).join(' ')).toMatch(/waiting for your answer on the card/);
      const card = cardsOf(again)[0];
      expect(card && inputOf(card, 'kind')).toBeDefined();
      expect(card && inputOf(card, 'legalName')).toBeUndefined();
    } finally {
      await second.stop();
    }
  });
});
