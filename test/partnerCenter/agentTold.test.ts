import type { Activity } from 'botbuilder';
import type { RunningBot } from '../../bot/startBot';
import { containerDefinitions } from '../../services/cosmos/containers';
import { RoleDirectory } from '../../services/roles/roleDirectory';
import { customerRecordSchema, type CustomerRecord } from '../../services/customers/customerRecord';
import {
  startLocalPartnerCenter,
  type LocalPartnerCenter,
} from '../../services/partnerCenter/local/localPartnerCenter';
import { randomUUID } from 'node:crypto';
import { BotClient, texts } from '../harness/botClient';
import { ConnectorRecorder } from '../harness/connectorRecorder';
import { cardsOf, inputValues, visibleText } from '../harness/conversationHarness';
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

/**
 * The record of `domain` (other than `exceptId`: a customer added again has two) once the worker is
 * done with it (it tells the agent first, then stores the ids).
 */
async function settled(domain: string, exceptId = ''): Promise<CustomerRecord> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const stored = await record(domain, exceptId);
    if (stored.partnerCenter?.state !== 'pending' || Date.now() > deadline) return stored;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function record(domain: string, exceptId: string): Promise<CustomerRecord> {
  const { resources } = await bot.cosmos.client
    .database(bot.databaseId)
    .container(containerDefinitions.customers.id)
    .items.query({
      query: 'SELECT * FROM c WHERE c.domain = @domain AND c.id != @id',
      parameters: [
        { name: '@domain', value: domain },
        { name: '@id', value: exceptId },
      ],
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
    expect(text).toContain('Add it again');
    const stored = await settled('agenttoldno.onmicrosoft.com');
    expect(stored.partnerCenter).toMatchObject({
      state: 'rejected',
      rejection: { code: '600026', description: 'The address is not valid for the country of the customer.' },
    });
    expect(stored.partnerCenter?.customerId).toBeUndefined();
  });
});

describe('after a refusal, "Add it again" on the message', () => {
  const refusal: FaultStep[] = [
    {
      status: 400,
      body: {
        code: '600026',
        description: 'The address is not valid for the country of the customer.',
        errorName: 'InvalidAddress',
      },
    },
  ];

  it('starts a new draft with what the agent entered, each card to confirm again, and the customer is created', async () => {
    const { agent, told } = await submit('againfixed', 'Again Fixed B.V.', refusal);
    const refused = await settled('againfixed.onmicrosoft.com');
    expect(visibleText(cardsOf(told)[0]!)).toContain('Add it again');

    let replies = await pressButton(agent, told, { command: 'addAgain' });
    const said = texts(replies).join(' ');
    expect(said).toContain(
      'Here is Again Fixed B.V. as you submitted it. Change what Partner Center refused',
    );
    expect(said).toContain('The address is not valid for the country of the customer.');
    expect(inputValues(cardsOf(replies).at(-1)!)).toMatchObject({
      legalName: 'Again Fixed B.V.',
      domainPrefix: 'againfixed',
      country: 'NL',
      'address.line1': 'Keizersgracht 12',
      'address.postalCode': '1015 CJ',
      'primaryContact.email': 'anna.jansen@northwind.nl',
    });
    replies = await pressButton(agent, replies, 'next');
    expect(inputValues(cardsOf(replies).at(-1)!)).toMatchObject({ kind: 'customerWillAccept' });
    replies = await pressButton(agent, replies, 'next');
    replies = await pressButton(agent, replies, 'next');
    replies = await pressButton(agent, replies, 'submit');
    expect(visibleText(cardsOf(replies).at(-1)!)).toContain('Partner Center is creating the customer now');
    await teams.waitFor(() => teams.sent(agent.conversationId).length > 1, 15_000);
    expect(visibleText(cardsOf(teams.sent(agent.conversationId)).at(-1)!)).toContain(
      'Again Fixed B.V. is now in Partner Center',
    );
    // A new record; the refused one stays as it was, with Partner Center's reason.
    const created = await settled('againfixed.onmicrosoft.com', refused.id);
    expect(created.partnerCenter?.state).toBe('created');
    expect((await recordById(refused.id)).partnerCenter?.state).toBe('rejected');
    expect(created.addedAgainFrom).toBe(refused.id);

    // The old message's button has done its work.
    replies = await pressButton(agent, told, { command: 'addAgain' });
    expect(texts(replies).join(' ')).toContain(
      'This customer was already added again, as Again Fixed B.V., so there is nothing more to add',
    );
    expect(cardsOf(replies)).toEqual([]);
  });

  it('changes nothing over a draft in progress, for another agent, in a group chat, for a customer not refused, or an unknown one', async () => {
    const { agent, told } = await submit('againrefused', 'Again Refused B.V.', refusal);
    const refused = await settled('againrefused.onmicrosoft.com');

    // A draft in progress stays: the card that waits comes back.
    let replies = await agent.send('add customer');
    replies = await pressButton(agent, replies, 'next', dutchAccountInputs({ legalName: 'Other Work B.V.' }));
    const waiting = visibleText(cardsOf(replies).at(-1)!);
    replies = await pressButton(agent, told, { command: 'addAgain' });
    expect(texts(replies).join(' ')).toContain('You are already adding a customer');
    expect(visibleText(cardsOf(replies).at(-1)!)).toBe(waiting);
    await agent.send('cancel');

    // Another agent (a Microsoft Entra identity with the sales agent role), in their own chat.
    const otherAgent = '0a1b2c3d-0000-4000-8000-0000000a9a1a';
    await RoleDirectory.forDatabase(bot.cosmos.client.database(bot.databaseId)).assign(
      otherAgent,
      ['salesAgent'],
      {
        by: 'test',
      },
    );
    const other = new BotClient(bot.messagesUrl, {
      serviceUrl: teams.serviceUrl,
      user: { id: '29:another-agent', name: 'Another Agent', aadObjectId: otherAgent },
    });
    replies = await other.send({ value: { command: 'addAgain', customerId: refused.id } });
    expect(texts(replies).join(' ')).toContain('That customer is not among the customers you submitted');
    expect(cardsOf(replies)).toEqual([]);

    // In a group chat: never, whoever presses.
    const shared = new BotClient(bot.messagesUrl, {
      serviceUrl: teams.serviceUrl,
      conversation: { isGroup: true, conversationType: 'groupChat' },
    });
    replies = await shared.send({ value: { command: 'addAgain', customerId: refused.id } });
    expect(texts(replies).join(' ')).toContain('A refused customer is added again in your personal chat');
    expect(cardsOf(replies)).toEqual([]);

    // A customer Partner Center created, an id no record has, and one that is no id at all.
    const { agent: fresh } = await submit('againcreated', 'Again Created B.V.');
    const createdId = (await settled('againcreated.onmicrosoft.com')).id;
    replies = await fresh.send({ value: { command: 'addAgain', customerId: createdId } });
    expect(texts(replies).join(' ')).toContain('Partner Center did not refuse Again Created B.V.');
    // Another agent learns nothing of it, not even its name.
    replies = await other.send({ value: { command: 'addAgain', customerId: createdId } });
    expect(texts(replies).join(' ')).toContain('That customer is not among the customers you submitted');
    expect(texts(replies).join(' ')).not.toContain('Again Created');
    for (const customerId of [randomUUID(), '../customers', 'x'.repeat(5000)]) {
      replies = await fresh.send({ value: { command: 'addAgain', customerId } });
      expect(texts(replies).join(' ')).toContain('That customer is not among the customers you submitted');
      expect(cardsOf(replies)).toEqual([]);
    }
    // None of them started a draft: "cancel" has nothing to discard.
    expect(texts(await fresh.send('cancel')).join(' ')).toContain('There is no draft to cancel');
  });
});

async function recordById(id: string): Promise<CustomerRecord> {
  const { resource } = await bot.cosmos.client
    .database(bot.databaseId)
    .container(containerDefinitions.customers.id)
    .item(id, id)
    .read();
  return customerRecordSchema.parse(resource);
}
