import type { Activity } from 'botbuilder';
import type { RunningBot } from '../../bot/startBot';
import { containerDefinitions } from '../../services/cosmos/containers';
import { customerRecordSchema, type CustomerRecord } from '../../services/customers/customerRecord';
import {
  startLocalPartnerCenter,
  type LocalPartnerCenter,
} from '../../services/partnerCenter/local/localPartnerCenter';
import { BotClient } from '../harness/botClient';
import { ConnectorRecorder } from '../harness/connectorRecorder';
import { cardsOf, visibleText } from '../harness/conversationHarness';
import { startFaultProxy, type FaultProxy, type FaultStep } from '../harness/faultProxy';
import { pressButton } from '../harness/pressButton';
import { startTestBot } from '../harness/testBot';
import { dutchAccountInputs } from '../dialogs/flowFixtures';
import { PARTNER_TENANT_ID, TOKEN } from './fixtures';

/**
 * The whole way over HTTP: an agent submits in their chat (the real server, adapter and bot), the
 * bot's creation worker calls the local Partner Center through the fault proxy, and the agent's chat
 * (a recorded Bot Connector) gets what Partner Center answered, in words.
 */
let local: LocalPartnerCenter;
let proxy: FaultProxy;
let teams: ConnectorRecorder;
let bot: RunningBot;

beforeAll(async () => {
  local = await startLocalPartnerCenter({ token: TOKEN, partnerTenantId: PARTNER_TENANT_ID });
  proxy = await startFaultProxy(local.endpoint);
  teams = await new ConnectorRecorder().start();
  bot = await startTestBot(
    {},
    {
      partnerCenter: { endpoint: proxy.endpoint, token: TOKEN },
      creation: { backoff: { firstMs: 200, maxMs: 1000 }, pollMs: 200 },
    },
  );
});
afterAll(async () => {
  await bot?.stop();
  await teams?.stop();
  await proxy?.stop();
  await local?.stop();
});

/** Account info to Submit; `beforeSubmit` is what Partner Center will answer to the creation worker. */
async function submit(prefix: string, legalName: string, beforeSubmit: FaultStep[] = []) {
  proxy.plan([]);
  const agent = new BotClient(bot.messagesUrl, { serviceUrl: teams.serviceUrl });
  let replies: Partial<Activity>[] = await agent.send('add customer');
  replies = await pressButton(
    agent,
    replies,
    'next',
    dutchAccountInputs({ legalName, domainPrefix: prefix }),
  );
  replies = await pressButton(agent, replies, 'next', { kind: 'customerWillAccept' });
  replies = await pressButton(agent, replies, 'next');
  proxy.plan(beforeSubmit);
  replies = await pressButton(agent, replies, 'submit');
  expect(visibleText(cardsOf(replies).at(-1)!)).toContain('Partner Center is creating the customer now');
  await teams.waitFor(() => teams.sent(agent.conversationId).length > 0, 15_000);
  return { agent, told: teams.sent(agent.conversationId) };
}

/** The record once the worker is done with it (it tells the agent first, then stores the ids). */
async function settled(domain: string): Promise<CustomerRecord> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const stored = await record(domain);
    if (stored.partnerCenter?.state !== 'pending' || Date.now() > deadline) return stored;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function record(domain: string): Promise<CustomerRecord> {
  const { resources } = await bot.cosmos.client
    .database(bot.databaseId)
    .container(containerDefinitions.customers.id)
    .items.query({
      query: 'SELECT * FROM c WHERE c.domain = @domain',
      parameters: [{ name: '@domain', value: domain }],
    })
    .fetchAll();
  return customerRecordSchema.parse(resources[0]);
}

describe('the agent is told in their chat', () => {
  it('that the customer exists, with the admin and its temporary password; the record holds the ids', async () => {
    const { told } = await submit('agenttoldok', 'Agent Told B.V.');
    expect(told).toHaveLength(1);
    const text = visibleText(cardsOf(told)[0]!);
    expect(text).toContain('Agent Told B.V. is now in Partner Center');
    expect(text).toContain('admin@agenttoldok.onmicrosoft.com');
    const stored = await settled('agenttoldok.onmicrosoft.com');
    expect(stored.partnerCenter).toMatchObject({ state: 'created', agreement: 'notNeeded' });
    expect(stored.partnerCenter?.tenantId).toMatch(/^[0-9a-f-]{36}$/);
    expect(text).toContain(stored.partnerCenter!.customerId!);
    // The summary Teams shows in the activity feed carries no password.
    expect(told[0]!.summary).toContain('Agent Told B.V.');
    expect(JSON.stringify(stored)).not.toMatch(/password/i);
  });

  it('after Partner Center throttled the create, once it let it through', async () => {
    const { told } = await submit('agenttoldslow', 'Agent Told Later B.V.', [{ status: 429, retryAfter: 1 }]);
    expect(told).toHaveLength(1);
    expect(visibleText(cardsOf(told)[0]!)).toContain('is now in Partner Center');
    expect((await settled('agenttoldslow.onmicrosoft.com')).partnerCenter?.attempts).toBe(1);
  });

  it('that Partner Center refused the customer, with its code and description, and nothing was created', async () => {
    const { told } = await submit('agenttoldno', 'Agent Told Refused B.V.', [
      {
        status: 400,
        body: {
          code: '600026',
          description: 'The address is not valid for the country of the customer.',
          errorName: 'InvalidAddress',
        },
      },
    ]);
    expect(told).toHaveLength(1);
    const text = visibleText(cardsOf(told)[0]!);
    expect(text).toContain('Partner Center refused Agent Told Refused B.V.');
    expect(text).toContain('The address is not valid for the country of the customer.');
    expect(text).toContain('600026');
    expect(text).toContain('add customer');
    const stored = await settled('agenttoldno.onmicrosoft.com');
    expect(stored.partnerCenter).toMatchObject({
      state: 'rejected',
      rejection: { code: '600026', description: 'The address is not valid for the country of the customer.' },
    });
    expect(stored.partnerCenter?.customerId).toBeUndefined();
  });
});
