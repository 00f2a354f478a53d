import { containerDefinitions } from '../../services/cosmos/containers';
import { countItems } from '../harness/countItems';
import { storedCustomer } from '../harness/storedCustomer';
import {
  actionsOf,
  cardsOf,
  elementsOf,
  inputOf,
  startConversationHarness,
  textsOf,
  visibleText,
  type AgentDriver,
  type ConversationHarness,
} from '../harness/conversationHarness';
import { dutchAccountInputs, quantityOf } from './flowFixtures';

let harness: ConversationHarness;
beforeAll(async () => {
  harness = await startConversationHarness({ now: () => new Date('2026-11-23T12:00:00Z') });
});
afterAll(async () => harness.stop());

async function throughAccountInfo(agent: AgentDriver, overrides: Record<string, string> = {}) {
  await agent.say('add customer');
  return agent.submit('next', dutchAccountInputs(overrides));
}

/** Adds a customer from start to done. */
async function addCustomer(overrides: Record<string, string>) {
  const agent = harness.agent();
  await throughAccountInfo(agent, overrides);
  await agent.submit('next', { kind: 'attested', acceptedOn: '2026-11-20' });
  await agent.submit('next', { [quantityOf('m365-business-basic')]: '3' });
  await agent.submit('submit');
  expect(visibleText(agent.lastCard())).toContain('Customer added');
  return agent;
}

const buttonTitles = (agent: AgentDriver) => actionsOf(agent.lastCard()).map((action) => action.title);

describe('adding a customer from start to done', () => {
  it('walks account info, MCA, subscriptions, review and submit, and stores the record as chosen', async () => {
    const agent = harness.agent();
    const start = await agent.say('add customer');
    expect(inputOf(agent.lastCard(), 'legalName')).toBeDefined();
    expect(buttonTitles(agent)).toEqual(['Next: Customer agreement', 'Cancel']);
    expect(start).toHaveLength(1);

    await agent.submit('next', dutchAccountInputs());
    const mca = agent.lastCard();
    expect(inputOf(mca, 'acceptedBy.firstName')?.value).toBe('Anna');
    expect(inputOf(mca, 'acceptedBy.email')?.value).toBe('anna.jansen@northwind.nl');
    expect(buttonTitles(agent)).toEqual(['Next: Subscriptions', 'Cancel']);

    await agent.submit('next', { kind: 'attested', acceptedOn: '2026-11-20' });
    expect(inputOf(agent.lastCard(), quantityOf('m365-business-premium'))).toBeDefined();
    expect(inputOf(agent.lastCard(), 'offers.m365-business-premium.billingCycle')?.value).toBe('monthly');
    const cardButtons = (agent.lastCard().actions as { title: string }[]).map((action) => action.title);
    expect(cardButtons).toEqual(['Next: Review', 'Cancel']);

    await agent.submit('next', {
      [quantityOf('m365-business-premium')]: '25',
      'offers.m365-business-premium.billingCycle': 'annual',
      [quantityOf('teams-phone-standard')]: '1',
    });
    const review = visibleText(agent.lastCard());
    expect(review).toContain('Northwind Traders B.V.');
    expect(review).toContain('northwindnl.onmicrosoft.com');
    expect(review).toContain('1015 CJ');
    expect(review).toContain('Netherlands');
    expect(review).toContain('Dutch (Netherlands)');
    expect(review).not.toContain('nl-NL');
    expect(review).toContain('25 licences, 1 year, billed annually');
    expect(review).toContain('1 licence, ');
    expect(review).toContain('Not among your customers');

    const done = await agent.submit('submit');
    const doneText = visibleText(agent.lastCard());
    expect(doneText).toContain('admin@northwindnl.onmicrosoft.com');
    expect(doneText).toContain('Pending verification');
    expect(doneText).toContain('25 licences, 1 year, billed annually');
    expect(textsOf(done).join(' ')).toContain('Northwind Traders B.V. has been added');

    const record = await storedCustomer(harness.composed.customers, 'Northwind Traders B.V.');
    expect(record.status).toBe('pendingVerification');
    expect(record.subscriptions.map((s) => [s.offerId, s.quantity, s.term, s.billingCycle])).toEqual([
      ['m365-business-premium', 25, 'P1Y', 'annual'],
      ['teams-phone-standard', 1, 'P1Y', 'monthly'],
    ]);
    expect(record.createdBy).toMatchObject({ agentId: 'local-agent', channel: 'emulator' });
  });
});

describe('account info', () => {
  it('brings the card back with the values kept and a message at each wrong field', async () => {
    const before = await countItems(harness.database, containerDefinitions.customers.id);
    const agent = harness.agent();
    await throughAccountInfo(agent, {
      legalName: 'KPMG',
      domainPrefix: 'contoso.com',
      'address.postalCode': '12345',
      'primaryContact.email': 'anna@microsoft.com',
    });
    const card = agent.lastCard();
    expect(inputOf(card, 'legalName')?.value).toBe('KPMG');
    expect(inputOf(card, 'address.city')?.value).toBe('Amsterdam');
    expect(inputOf(card, 'address.postalCode')?.value).toBe('12345');
    const text = visibleText(card);
    expect(text).toContain('not the acronym "KPMG"');
    expect(text).toContain('for "contoso.com" enter "contoso"');
    expect(text).toMatch(/postal code in the Netherlands/i);
    expect(text).toMatch(/microsoft\.com/i);
    expect(inputOf(card, 'acceptedBy.firstName')).toBeUndefined();
    expect(await countItems(harness.database, containerDefinitions.customers.id)).toBe(before);
  });

  it('re-shapes the form for another country without error text on fields the agent has not seen', async () => {
    const agent = harness.agent();
    await throughAccountInfo(agent, {
      country: 'US',
      'address.postalCode': '98052',
      'address.city': 'Redmond',
      domainPrefix: 'northwindus',
    });
    const card = agent.lastCard();
    expect(inputOf(card, 'address.state')?.type).toBe('Input.ChoiceSet');
    expect(visibleText(card)).toContain('the United States');
    expect(elementsOf(card).filter((element) => element.color === 'Attention')).toEqual([]);
    expect(inputOf(card, 'legalName')?.value).toBe('Northwind Traders B.V.');
    expect(inputOf(card, 'culture')?.value).toBe('en-US');

    await agent.submit('next', { 'address.state': 'WA', legalName: 'Northwind Traders Inc.' });
    expect(inputOf(agent.lastCard(), 'kind')).toBeDefined();
  });

  it('takes "UK" as the United Kingdom (GB), says so, and applies its rules', async () => {
    const agent = harness.agent();
    await throughAccountInfo(agent, { country: 'UK', domainPrefix: 'northwinduk' });
    const card = agent.lastCard();
    expect(inputOf(card, 'country')?.value).toBe('GB');
    expect(visibleText(card)).toContain('"UK" is the United Kingdom (GB) in Partner Center');
    await agent.submit('next', {
      'address.postalCode': 'SW1A 1AA',
      'address.city': 'London',
      language: 'en',
      culture: 'en-GB',
    });
    expect(inputOf(agent.lastCard(), 'kind')).toBeDefined();
  });

  it('answers a domain prefix taken by another company at the field, with free alternatives, keeping the draft', async () => {
    await addCustomer({ legalName: 'Taken Prefix Foods B.V.', domainPrefix: 'takenprefix' });
    const before = await countItems(harness.database, containerDefinitions.customers.id);

    const agent = harness.agent();
    await throughAccountInfo(agent, {
      legalName: 'Quite Different Bakery B.V.',
      domainPrefix: 'TakenPrefix',
    });
    const card = agent.lastCard();
    const text = visibleText(card);
    expect(text).not.toMatch(/already (exists|yours|one of your customers)/i);
    expect(text).toMatch(/takenprefix.*taken/i);
    expect(inputOf(card, 'legalName')?.value).toBe('Quite Different Bakery B.V.');
    const suggestion = /these are free: ([a-z0-9]+)/.exec(text)?.[1];
    expect(suggestion).toBeDefined();

    await agent.submit('next', { domainPrefix: suggestion! });
    expect(inputOf(agent.lastCard(), 'kind')).toBeDefined();
    expect(await countItems(harness.database, containerDefinitions.customers.id)).toBe(before);
  });

  it("answers the partner's own customer with its record, no invitation, creates nothing, and keeps the draft", async () => {
    await addCustomer({ legalName: 'Existing Foods B.V.', domainPrefix: 'existingfoods' });
    const before = await countItems(harness.database, containerDefinitions.customers.id);

    for (const typed of [
      { legalName: 'Existing Foods B.V.', domainPrefix: 'existingfoods' },
      { legalName: 'EXISTING  FOODS BV.', domainPrefix: 'existingfoods2' },
    ]) {
      const agent = harness.agent();
      const replies = await throughAccountInfo(agent, typed);
      expect(textsOf(replies).join(' ')).toContain('already yours');
      const [record, again] = cardsOf(replies);
      const shown = visibleText(record!);
      expect(shown).toContain('Existing Foods B.V.');
      expect(shown).toContain('Pending verification');
      expect(shown).toMatch(/On 23 Nov 2026 by Local Agent/);
      expect(shown).not.toMatch(/invitation|relationship|admin\.microsoft\.com/i);
      // The account info card again, as typed, with a word at the legal name: a mistyped name is
      // corrected, not lost with the draft.
      expect(inputOf(again!, 'legalName')?.value).toBe(typed.legalName);
      expect(visibleText(again!)).toContain('is already one of your customers (its record is above)');
      await agent.submit('next', {
        legalName: `${typed.legalName.replace(/ B\.?V\.?$/i, '')} Logistics B.V.`,
        domainPrefix: `${typed.domainPrefix}logistics`,
      });
      expect(inputOf(agent.lastCard(), 'kind')).toBeDefined();
    }
    expect(await countItems(harness.database, containerDefinitions.customers.id)).toBe(before);
  });
});
