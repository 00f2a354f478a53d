import type { Activity } from 'botbuilder';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  startLocalPartnerCenter,
  type LocalPartnerCenter,
} from '../../services/partnerCenter/local/localPartnerCenter';
import { BotClient } from '../harness/botClient';
import { hardKill, killBotProcesses, startBotProcess } from '../harness/botProcess';
import { ConnectorRecorder } from '../harness/connectorRecorder';
import { cardsOf, visibleText } from '../harness/conversationHarness';
import { startFaultProxy, type FaultProxy } from '../harness/faultProxy';
import { pressButton } from '../harness/pressButton';
import { dutchAccountInputs } from '../dialogs/flowFixtures';
import { PARTNER_TENANT_ID, TOKEN } from './fixtures';

/**
 * The submit writes the record with its Partner Center entry; the customer is created after the
 * agent's turn. A bot killed (SIGKILL) while Partner Center is not answering creates it after it is
 * started again on the same data folder: one tenant, the agent told once, in their chat, with the
 * temporary password, which is nowhere in the bot's store.
 */
describe('a bot killed before Partner Center created the customer', () => {
  let dataDir: string;
  let teams: ConnectorRecorder;
  let partnerCenter: LocalPartnerCenter;
  let proxy: FaultProxy;
  const partnerCenterData = () => path.join(dataDir, 'partner-center.json');

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'pc-kill-'));
    teams = await new ConnectorRecorder().start();
    partnerCenter = await startLocalPartnerCenter({
      token: TOKEN,
      partnerTenantId: PARTNER_TENANT_ID,
      dataFile: partnerCenterData(),
    });
    proxy = await startFaultProxy(partnerCenter.endpoint);
  });
  afterEach(async () => {
    killBotProcesses();
    await teams.stop();
    await proxy.stop();
    await partnerCenter.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('creates it after the restart, once, and tells the agent once', async () => {
    const env = {
      PORT: '0',
      EMBEDDED_COSMOS_PORT: '0',
      EMBEDDED_COSMOS_DATA_DIR: path.join(dataDir, 'store'),
      LOCAL_PARTNER_CENTER_ENDPOINT: proxy.endpoint,
      LOCAL_PARTNER_CENTER_TOKEN: TOKEN,
    };
    // Partner Center is down for the first bot: the account info checks pass without it, the create fails.
    proxy.plan(Array.from({ length: 500 }, () => ({ status: 503 })));
    const first = await startBotProcess(env);
    const agent = new BotClient(first.messagesUrl, { serviceUrl: teams.serviceUrl });
    let replies: Partial<Activity>[] = await agent.send('add customer');
    replies = await pressButton(
      agent,
      replies,
      'next',
      dutchAccountInputs({ legalName: 'Tailspin Toys B.V.', domainPrefix: 'tailspinnl' }),
    );
    replies = await pressButton(agent, replies, 'next', { kind: 'attested', acceptedOn: '2026-01-15' });
    replies = await pressButton(agent, replies, 'next', { 'offers.m365-business-standard.quantity': '3' });
    replies = await pressButton(agent, replies, 'submit');
    expect(visibleText(cardsOf(replies).at(-1)!)).toContain('Partner Center is creating the customer now');
    const triedBefore = proxy.received();
    await teams.waitFor(() => proxy.received() > triedBefore, 10_000).catch(() => undefined);
    expect(proxy.received()).toBeGreaterThan(triedBefore);
    await hardKill(first);
    expect(proxy.forwarded()).toBe(0);
    expect(teams.sent(agent.conversationId)).toHaveLength(0);

    proxy.plan([]);
    const second = await startBotProcess(env);
    try {
      await teams.waitFor(() => teams.sent(agent.conversationId).length > 0, 30_000);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const told = teams.sent(agent.conversationId);
      expect(told).toHaveLength(1);
      const stored = JSON.parse(await readFile(partnerCenterData(), 'utf8')) as {
        customers: { domain: string; password: string }[];
      };
      const created = stored.customers.filter((customer) => customer.domain === 'tailspinnl.onmicrosoft.com');
      expect(created).toHaveLength(1);
      const { password } = created[0]!;
      expect(JSON.stringify(told[0])).toContain(password);
      expect(visibleText(cardsOf(told)[0]!)).toContain('Tailspin Toys B.V.');
      // The MCA the partner attested reached Partner Center too.
      expect(partnerCenter.requests.count('POST', '/v1/customers/')).toBe(1);
    } finally {
      await second.stop();
    }
    // The local Partner Center keeps what Microsoft's would, passwords included: for the bot's user only.
    expect((await stat(partnerCenterData())).mode & 0o077).toBe(0);
    // Never stored by the bot: not in the store's snapshot nor its journal.
    for (const file of await readdir(path.join(dataDir, 'store'))) {
      const text = await readFile(path.join(dataDir, 'store', file), 'utf8').catch(() => '');
      expect(
        text.includes(JSON.parse(await readFile(partnerCenterData(), 'utf8')).customers[0].password),
      ).toBe(false);
    }
  }, 90_000);
});
