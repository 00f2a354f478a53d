import type { Activity } from 'botbuilder';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { say } from '../../messages/catalogue';
import { BotClient } from '../harness/botClient';
import { hardKill, killBotProcesses, startBotProcess } from '../harness/botProcess';
import { ConnectorRecorder, teamsError } from '../harness/connectorRecorder';
import { cardsOf, visibleText } from '../harness/conversationHarness';
import { pressButton } from '../harness/pressButton';
import { dutchAccountInputs } from '../dialogs/flowFixtures';

const tenantId = '5b1c2d3e-4f50-4a6b-9c7d-8e9fa0b1c2d3';
const manager = { name: 'Marieke Bakker', aadObjectId: 'f0e1d2c3-0000-4000-8000-00000000a0a1' };

/**
 * The submit writes the notification into the outbox before the record; nothing is sent inside the
 * agent's turn. So a bot killed with SIGKILL right after the agent saw Done, before Teams accepted
 * the notification, sends it after it is started again on the same data folder: once.
 */
describe('a bot killed between the submit and the send', () => {
  let dataDir: string;
  let teams: ConnectorRecorder;
  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'notify-kill-'));
    teams = await new ConnectorRecorder().start();
  });
  afterEach(async () => {
    killBotProcesses();
    await teams.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('delivers the notification after the restart, once', async () => {
    const agentsFile = path.join(dataDir, 'local-agents.json');
    await writeFile(
      agentsFile,
      JSON.stringify({
        agents: [{ ...manager, userPrincipalName: 'marieke@partner.example', roles: ['manager'] }],
      }),
    );
    const env = {
      PORT: '0',
      EMBEDDED_COSMOS_PORT: '0',
      EMBEDDED_COSMOS_DATA_DIR: path.join(dataDir, 'store'),
      LOCAL_AGENTS_FILE: agentsFile,
      NOTIFICATION_LEASE_SECONDS: '1',
    };
    const managerChat = `a:personal-${manager.aadObjectId}`;
    // Teams is not answering yet: whatever the first bot tries before it dies is not delivered.
    teams.script(managerChat, [teamsError(503, 'ServiceUnavailable'), teamsError(503, 'ServiceUnavailable')]);

    const first = await startBotProcess(env);
    const installed = new BotClient(first.messagesUrl, {
      channelId: 'msteams',
      serviceUrl: teams.serviceUrl,
      conversationId: managerChat,
      conversation: { conversationType: 'personal', tenantId },
      channelData: { tenant: { id: tenantId } },
      user: { id: '29:marieke', name: manager.name, aadObjectId: manager.aadObjectId },
    });
    await installed.send({ type: 'installationUpdate', action: 'add', text: undefined });

    const agent = new BotClient(first.messagesUrl);
    let replies: Partial<Activity>[] = await agent.send('add customer');
    replies = await pressButton(
      agent,
      replies,
      'next',
      dutchAccountInputs({ legalName: 'Tailspin Toys B.V.', domainPrefix: 'tailspintoysnl' }),
    );
    replies = await pressButton(agent, replies, 'next', { kind: 'attested', acceptedOn: '2026-01-15' });
    replies = await pressButton(agent, replies, 'next', { 'offers.m365-business-standard.quantity': '3' });
    replies = await pressButton(agent, replies, 'submit');
    expect(visibleText(cardsOf(replies).at(-1)!)).toContain(
      say('done.notified', { recipients: manager.name }),
    );
    await hardKill(first);
    expect(teams.sent(managerChat)).toHaveLength(0);

    const second = await startBotProcess(env);
    try {
      await teams.waitFor(() => teams.sent(managerChat).length > 0, 15_000);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const delivered = teams.sent(managerChat);
      expect(delivered).toHaveLength(1);
      expect(visibleText(cardsOf(delivered)[0]!)).toContain('Tailspin Toys B.V.');
    } finally {
      await second.stop();
    }
  }, 60_000);
});
