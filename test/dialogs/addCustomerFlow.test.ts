import { containerDefinitions } from '../../services/cosmos/containers';
import { countItems } from '../harness/countItems';
import {
  inputOf,
  startConversationHarness,
  textsOf,
  visibleText,
  type AgentDriver,
  type ConversationHarness,
} from '../harness/conversationHarness';
import { dutchAccountInputs } from './flowFixtures';

let harness: ConversationHarness;
beforeAll(async () => {
  harness = await startConversationHarness({ now: () => new Date('2026-11-23T12:00:00Z') });
});
afterAll(async () => harness.stop());

async function throughAccountInfo(agent: AgentDriver, overrides: Record<string, string> = {}) {
  await agent.say('add customer');
  return agent.submit('next', dutchAccountInputs(overrides));
}

describe('adding a customer from start to done', () => {
  it('walks account info, MCA, subscriptions, review and submit, and stores the record', async () => {
    const agent = harness.agent();
    const start = await agent.say('add customer');
    expect(inputOf(agent.lastCard(), 'legalName')).toBeDefined();
    expect(start).toHaveLength(1);

    await agent.submit('next', dutchAccountInputs());
    const mca = agent.lastCard();
    expect(inputOf(mca, 'acceptedByFirstName')?.value).toBe('Anna');
    expect(inputOf(mca, 'acceptedByEmail')?.value).toBe('anna.jansen@northwind.nl');

    await agent.submit('next', { mcaChoice: 'attested', acceptedOn: '2026-11-20' });
    expect(inputOf(agent.lastCard(), 'quantity_m365-business-premium')).toBeDefined();

    await agent.submit('next', {
      'quantity_m365-business-premium': '25',
      'quantity_teams-phone-standard': '5',
    });
    const review = visibleText(agent.lastCard());
    expect(review).toContain('Northwind Traders B.V.');
    expect(review).toContain('northwindnl.onmicrosoft.com');
    expect(review).toContain('1015 CJ');
    expect(review).toContain('Microsoft 365 Business Premium');

    const done = await agent.submit('submit');
    const doneText = visibleText(agent.lastCard());
    expect(doneText).toContain('admin@northwindnl.onmicrosoft.com');
    expect(doneText).toContain('Pending verification');
    expect(textsOf(done).join(' ')).toContain('Northwind Traders B.V. is added');

    const match = await harness.composed.customers.findExistingCustomer({
      domainPrefix: 'northwindnl',
      legalName: 'Northwind Traders B.V.',
      country: 'NL',
    });
    expect(match?.customer).toMatchObject({
      legalName: 'Northwind Traders B.V.',
      status: 'pendingVerification',
    });
    const stored = await harness.composed.customers.getCustomer(match!.customer!.id);
    expect(stored?.customer.subscriptions.map((s) => [s.offerId, s.quantity])).toEqual([
      ['m365-business-premium', 25],
      ['teams-phone-standard', 5],
    ]);
    expect(stored?.customer.createdBy).toMatchObject({ agentId: 'local-agent', channel: 'emulator' });
  });
});

describe('account info', () => {
  it('brings the card back with the values kept and a message at each wrong field', async () => {
    const before = await countItems(harness.database, containerDefinitions.customers.id);
    const agent = harness.agent();
    await throughAccountInfo(agent, {
      legalName: 'KPMG',
      domainPrefix: 'contoso.com',
      postalCode: '12345',
      contactEmail: 'anna@microsoft.com',
    });
    const card = agent.lastCard();
    expect(inputOf(card, 'legalName')?.value).toBe('KPMG');
    expect(inputOf(card, 'city')?.value).toBe('Amsterdam');
    expect(inputOf(card, 'postalCode')?.value).toBe('12345');
    const text = visibleText(card);
    expect(text).toContain('not the acronym "KPMG"');
    expect(text).toContain('for "contoso.com" enter "contoso"');
    expect(text).toMatch(/postal code/i);
    expect(text).toMatch(/microsoft\.com/i);
    expect(inputOf(card, 'acceptedByFirstName')).toBeUndefined();
    expect(await countItems(harness.database, containerDefinitions.customers.id)).toBe(before);
  });

  it('re-shapes the form for another country: a state list for the United States', async () => {
    const agent = harness.agent();
    await throughAccountInfo(agent, {
      country: 'US',
      postalCode: '98052',
      city: 'Redmond',
      domainPrefix: 'northwindus',
    });
    const card = agent.lastCard();
    expect(inputOf(card, 'state')?.type).toBe('Input.ChoiceSet');
    expect(visibleText(card)).toContain('United States');
    expect(visibleText(card)).not.toMatch(/is not a language/);
    expect(inputOf(card, 'legalName')?.value).toBe('Northwind Traders B.V.');
    expect(inputOf(card, 'culture')?.value).toBe('en-US');

    await agent.submit('next', { state: 'WA', legalName: 'Northwind Traders Inc.' });
    expect(inputOf(agent.lastCard(), 'mcaChoice')).toBeDefined();
  });

  it('answers an existing customer with a relationship request and creates nothing', async () => {
    const first = harness.agent();
    await throughAccountInfo(first, { legalName: 'Existing Foods B.V.', domainPrefix: 'existingfoods' });
    await first.submit('next', { mcaChoice: 'attested', acceptedOn: '2026-11-20' });
    await first.submit('next', { 'quantity_m365-business-basic': '3' });
    await first.submit('submit');
    const before = await countItems(harness.database, containerDefinitions.customers.id);

    for (const typed of [
      { legalName: 'Other Name B.V.', domainPrefix: 'ExistingFoods' },
      { legalName: 'EXISTING  FOODS BV.', domainPrefix: 'existingfoods2' },
    ]) {
      const agent = harness.agent();
      const replies = await throughAccountInfo(agent, typed);
      expect(textsOf(replies).join(' ')).toContain('already exists');
      const card = visibleText(agent.lastCard());
      expect(card).toContain('Existing Foods B.V.');
      expect(card).toContain('https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship');
      await agent.say('hello');
      expect(textsOf(agent.transcript.slice(-1)).join(' ')).toMatch(/add customer/);
    }
    expect(await countItems(harness.database, containerDefinitions.customers.id)).toBe(before);
    const match = await harness.composed.customers.findExistingCustomer({
      domainPrefix: 'existingfoods',
      legalName: 'Existing Foods B.V.',
      country: 'NL',
    });
    expect(await harness.composed.customers.relationshipRequestsFor(match!.customer!.id)).toHaveLength(2);
  });
});
