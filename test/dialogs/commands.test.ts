import { storedCustomer } from '../harness/storedCustomer';
import { containerDefinitions } from '../../services/cosmos/containers';
import { countItems } from '../harness/countItems';
import {
  cardsOf,
  inputOf,
  startConversationHarness,
  textsOf,
  visibleText,
  type ConversationHarness,
} from '../harness/conversationHarness';
import { dutchAccountInputs } from './flowFixtures';

let harness: ConversationHarness;
let managers: ConversationHarness;
beforeAll(async () => {
  harness = await startConversationHarness({ now: () => new Date('2026-11-23T12:00:00Z') });
  managers = await startConversationHarness({ localRoles: ['manager'] });
});
afterAll(async () => {
  await harness.stop();
  await managers.stop();
});

describe('commands at any step', () => {
  it('greets an agent who adds the bot with what it does and an Add customer button', async () => {
    const agent = harness.agent();
    const replies = await agent.send({
      type: 'conversationUpdate',
      membersAdded: [{ id: 'user-1', name: 'Agent One' }],
    });
    const [card] = cardsOf(replies);
    expect(card && visibleText(card)).toMatch(/add customer/i);
    await agent.submit('addCustomer');
    expect(inputOf(agent.lastCard(), 'legalName')).toBeDefined();
  });

  it('starts with "new customer" too, and refuses to start a second flow over a draft', async () => {
    const agent = harness.agent();
    await agent.say('New customer');
    const replies = await agent.say('add customer');
    expect(textsOf(replies).join(' ')).toMatch(/already adding a customer/);
    expect(inputOf(agent.lastCard(), 'legalName')).toBeDefined();
  });

  it('answers help with the commands and shows the current step again', async () => {
    const agent = harness.agent();
    await agent.say('add customer');
    await agent.submit(
      'next',
      dutchAccountInputs({ legalName: 'Help Needed B.V.', domainPrefix: 'helpneeded' }),
    );
    const replies = await agent.say('help');
    const cards = cardsOf(replies);
    expect(cards).toHaveLength(2);
    expect(visibleText(cards[0]!)).toMatch(/cancel/i);
    expect(inputOf(cards[1]!, 'kind')).toBeDefined();
  });

  it('asks before cancelling; keeping the draft brings the card back, confirming discards it', async () => {
    const agent = harness.agent();
    await agent.say('add customer');
    await agent.submit('next', dutchAccountInputs({ legalName: 'Cancel Me B.V.', domainPrefix: 'cancelme' }));

    await agent.say('cancel');
    expect(visibleText(agent.lastCard())).toMatch(/discard/i);
    const kept = await agent.submit('keepDraft');
    expect(textsOf(kept).join(' ')).toMatch(/draft is kept/);
    expect(inputOf(agent.lastCard(), 'kind')).toBeDefined();

    await agent.submit('cancel');
    const discarded = await agent.submit('confirmCancel');
    expect(textsOf(discarded).join(' ')).toMatch(/draft is discarded/);
    const after = await agent.say('hello');
    expect(textsOf(after).join(' ')).toMatch(/did not understand/);
    await expect(storedCustomer(harness.composed.customers, 'Cancel Me B.V.')).rejects.toThrow(/0 customers/);
  });

  it('says there is nothing to cancel outside a flow', async () => {
    expect(textsOf(await harness.agent().say('cancel')).join(' ')).toMatch(/no draft to cancel/);
  });

  it('answers text typed while a card waits with a hint and the card again', async () => {
    const agent = harness.agent();
    await agent.say('add customer');
    const replies = await agent.say('Contoso, Amsterdam');
    expect(textsOf(replies).join(' ')).toMatch(/waiting for your answer on the card/);
    expect(inputOf(cardsOf(replies)[0]!, 'legalName')).toBeDefined();
  });

  it('answers a submit from an older card politely and changes nothing', async () => {
    const agent = harness.agent();
    await agent.say('add customer');
    const oldCard = agent.lastCard();
    await agent.submit(
      'next',
      dutchAccountInputs({ legalName: 'Stale Card B.V.', domainPrefix: 'stalecard' }),
    );
    const replies = await agent.submitOn(
      oldCard,
      'next',
      dutchAccountInputs({ legalName: 'Changed Name B.V.' }),
    );
    expect(textsOf(replies).join(' ')).toMatch(/no longer active, so nothing changed/);
    expect(cardsOf(replies)).toHaveLength(0);
    await agent.submit('next', { kind: 'attested', acceptedOn: '2026-11-20' });
    await agent.submit('next', { 'offers.m365-business-basic.quantity': '1' });
    expect(visibleText(agent.lastCard())).toContain('Stale Card B.V.');
  });

  it('answers a card of a finished draft politely', async () => {
    const agent = harness.agent();
    const replies = await agent.send({
      value: { promptId: 'review:00000000-0000-0000-0000-000000000000', action: 'submit' },
    });
    expect(textsOf(replies).join(' ')).toMatch(/finished or discarded draft/);
  });

  it('creates one record when Submit is pressed twice', async () => {
    const agent = harness.agent();
    await agent.say('add customer');
    await agent.submit(
      'next',
      dutchAccountInputs({ legalName: 'Double Click B.V.', domainPrefix: 'doubleclick' }),
    );
    await agent.submit('next', { kind: 'attested', acceptedOn: '2026-11-20' });
    await agent.submit('next', { 'offers.m365-business-basic.quantity': '1' });
    const review = agent.lastCard();
    const before = await countItems(harness.database, containerDefinitions.customers.id);
    await agent.submit('submit');
    const second = await agent.submitOn(review, 'submit');
    expect(textsOf(second).join(' ')).toMatch(/finished or discarded draft|no longer active/);
    expect(await countItems(harness.database, containerDefinitions.customers.id)).toBe(before + 1);
  });

  it('replaces an answered card with a read-only summary in Teams', async () => {
    const agent = harness.agent({
      channelId: 'msteams',
      aadObjectId: '11111111-2222-4333-8444-555555555555',
    });
    await harness.composed.roles.assign('11111111-2222-4333-8444-555555555555', ['salesAgent'], {
      by: 'test',
    });
    await agent.say('add customer');
    await agent.submit(
      'next',
      dutchAccountInputs({ legalName: 'Teams Summary B.V.', domainPrefix: 'teamssummary' }),
    );
    expect(agent.adapter.updates).toHaveLength(1);
    const [update] = agent.adapter.updates;
    const summary = cardsOf([update!])[0]!;
    expect(visibleText(summary)).toContain('Teams Summary B.V.');
    expect(JSON.stringify(summary)).not.toContain('Action.Submit');
  });
});

describe('the role gate', () => {
  it('tells an agent without an allowed role why, and starts nothing', async () => {
    const agent = managers.agent();
    const replies = await agent.say('add customer');
    expect(textsOf(replies).join(' ')).toMatch(
      /Global admin, User management admin, Admin agent or Sales agent/,
    );
    expect(cardsOf(replies)).toHaveLength(0);
    const welcome = await agent.send({
      type: 'conversationUpdate',
      membersAdded: [{ id: 'user-1', name: 'Agent One' }],
    });
    expect(JSON.stringify(cardsOf(welcome))).not.toContain('"command":"addCustomer"');
  });

  it('refuses an agent unknown to the role directory in Teams', async () => {
    const agent = harness.agent({
      channelId: 'msteams',
      aadObjectId: '99999999-2222-4333-8444-555555555555',
    });
    const replies = await agent.say('add customer');
    expect(textsOf(replies).join(' ')).toMatch(/Ask your Global admin/);
  });
});

describe('a draft saved by an earlier version of the bot', () => {
  it.each([
    ['dialog ids', true, false],
    ['draft shape', false, true],
  ])(
    '(its %s) is discarded with a word to the agent, once, and a new draft starts normally',
    async (_what, oldDialogs, oldDraft) => {
      const agent = harness.agent();
      const legalName = `Old Shape ${oldDialogs ? 'Dialogs' : 'Draft'} B.V.`;
      await agent.say('add customer');
      await agent.submit(
        'next',
        dutchAccountInputs({ legalName, domainPrefix: oldDialogs ? 'oldshaped' : 'oldshapee' }),
      );
      // Rewrite the stored state as an earlier version left it: its own dialog ids and draft shape.
      const container = harness.database.container(containerDefinitions.botState.id);
      const { resources } = await container.items.readAll<Record<string, unknown>>().fetchAll();
      const stored = resources.find((item) => JSON.stringify(item).includes(legalName))!;
      const document = stored.document as { draft: Record<string, unknown>; dialogState: unknown };
      if (oldDraft)
        document.draft = { idempotencyKey: 'k', startedAt: '2026-11-01T00:00:00Z', accountInfoValues: {} };
      if (oldDialogs) {
        document.dialogState = JSON.parse(
          JSON.stringify(document.dialogState).replace(/"mca"/g, '"mcaStep"'),
        );
      }
      await container.items.upsert(stored);

      const replies = await agent.say('hello');
      expect(textsOf(replies).join(' ')).toMatch(
        /earlier version of this bot.*discarded; nothing was submitted/,
      );
      expect(textsOf(replies).join(' ')).toMatch(/did not understand/);
      expect(textsOf(await agent.say('hello')).join(' ')).not.toMatch(/earlier version/);
      await agent.say('add customer');
      expect(inputOf(agent.lastCard(), 'legalName')?.value).toBe('');
    },
  );
});
