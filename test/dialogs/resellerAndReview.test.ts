import { storedCustomer } from '../harness/storedCustomer';
import { noResellerChoiceValue } from '../../cards/cardModels';
import { say } from '../../services/messages/catalogue';
import {
  actionsOf,
  inputOf,
  inputValues,
  startConversationHarness,
  textsOf,
  visibleText,
  type AgentDriver,
  type ConversationHarness,
} from '../harness/conversationHarness';
import { dutchAccountInputs } from './flowFixtures';

let harness: ConversationHarness;
beforeAll(async () => {
  harness = await startConversationHarness({
    partner: { type: 'indirectProvider' },
    now: () => new Date('2026-11-23T12:00:00Z'),
  });
});
afterAll(async () => harness.stop());

async function toResellerStep(agent: AgentDriver, legalName: string, domainPrefix: string) {
  await agent.say('add customer');
  await agent.submit('next', dutchAccountInputs({ legalName, domainPrefix }));
  await agent.submit('next', { kind: 'attested', acceptedOn: '2026-11-20' });
}

function resellerChoices(agent: AgentDriver): string[] {
  const choices = (inputOf(agent.lastCard(), 'resellerId')?.choices as { title: string }[]) ?? [];
  return choices.map((choice) => choice.title);
}

describe('the indirect reseller step', () => {
  it('lists active resellers only, narrows by part of a name or an MPN ID, and keeps the choice', async () => {
    const agent = harness.agent();
    await toResellerStep(agent, 'Reseller Choice B.V.', 'resellerchoice');
    const all = resellerChoices(agent);
    expect(all.some((title) => title.startsWith('Litware Consulting'))).toBe(true);
    expect(all.some((title) => title.startsWith('Tailspin Toys'))).toBe(false);

    await agent.submit('search', { resellerQuery: 'societe' });
    expect(resellerChoices(agent).filter((title) => !/direct customer/i.test(title))).toEqual([
      expect.stringMatching(/^Société Générale de Logiciels/),
    ]);
    await agent.submit('search', { resellerQuery: '6409' });
    expect(resellerChoices(agent).filter((title) => !/direct customer/i.test(title))).toEqual([
      expect.stringMatching(/^Litware Consulting/),
    ]);
    await agent.submit('search', { resellerQuery: 'no such partner' });
    expect(visibleText(agent.lastCard())).toMatch(/no|not find/i);
    expect(resellerChoices(agent).length).toBe(all.length);

    await agent.submit('next', { resellerId: 'litware-consulting' });
    expect(inputOf(agent.lastCard(), 'offers.m365-business-premium.quantity')).toBeDefined();
    await agent.submit('next', { 'offers.m365-business-basic.quantity': '10' });
    expect(visibleText(agent.lastCard())).toContain('Litware Consulting (MPN ID 6409931)');
    await agent.submit('submit');
    const stored = await storedCustomer(harness.composed.customers, 'Reseller Choice B.V.');
    expect(stored.reseller).toEqual({
      id: 'litware-consulting',
      name: 'Litware Consulting',
      mpnId: '6409931',
    });
  });

  it('lets the agent choose no reseller: a direct customer', async () => {
    const agent = harness.agent();
    await toResellerStep(agent, 'Direct Choice B.V.', 'directchoice');
    await agent.submit('next', { resellerId: 'directCustomer' });
    await agent.submit('next', { 'offers.m365-business-basic.quantity': '10' });
    expect(visibleText(agent.lastCard())).toMatch(/No reseller: direct customer/);
    await agent.submit('submit');
    expect(visibleText(agent.lastCard())).toContain('admin@directchoice.onmicrosoft.com');
  });

  it('refuses an inactive reseller sent by a tampered or old card', async () => {
    const agent = harness.agent();
    await toResellerStep(agent, 'Inactive Choice B.V.', 'inactivechoice');
    await agent.submit('next', { resellerId: 'tailspin-toys-digital' });
    expect(visibleText(agent.lastCard())).toMatch(/Tailspin Toys Digital/);
    expect(inputOf(agent.lastCard(), 'resellerId')).toBeDefined();
  });
});

describe('Update from Review', () => {
  it('opens each section filled in and comes back to Review with the change', async () => {
    const agent = harness.agent();
    await toResellerStep(agent, 'Update Everything B.V.', 'updateeverything');
    await agent.submit('next', { resellerId: 'directCustomer' });
    await agent.submit('next', { 'offers.m365-business-basic.quantity': '10' });

    await agent.submit('update', {}, { section: 'accountInfo' });
    expect(inputOf(agent.lastCard(), 'legalName')?.value).toBe('Update Everything B.V.');
    expect(inputOf(agent.lastCard(), 'address.postalCode')?.value).toBe('1015 CJ');
    await agent.submit('next', { 'address.city': 'Rotterdam', 'address.postalCode': '3011AA' });
    expect(visibleText(agent.lastCard())).toContain('3011 AA Rotterdam');

    await agent.submit('update', {}, { section: 'mca' });
    expect(inputOf(agent.lastCard(), 'acceptedOn')?.value).toBe('2026-11-20');
    await agent.submit('next', { acceptedOn: '2026-11-21' });
    expect(visibleText(agent.lastCard())).toContain('2026-11-21');

    await agent.submit('update', {}, { section: 'reseller' });
    await agent.submit('next', { resellerId: 'fourth-coffee-it-services' });
    expect(visibleText(agent.lastCard())).toContain('Fourth Coffee IT Services');

    await agent.submit('update', {}, { section: 'subscriptions' });
    expect(inputOf(agent.lastCard(), 'offers.m365-business-basic.quantity')?.value).toBe(10);
    await agent.submit('next', {
      'offers.m365-business-basic.quantity': '',
      'offers.o365-e3.quantity': '40',
    });
    const review = visibleText(agent.lastCard());
    expect(review).toContain('Office 365 E3');
    expect(review).not.toContain('Microsoft 365 Business Basic');

    await agent.submit('submit');
    const customer = await storedCustomer(harness.composed.customers, 'Update Everything B.V.');
    expect(customer.accountInfo.address).toMatchObject({ city: 'Rotterdam', postalCode: '3011 AA' });
    expect(customer.mca).toMatchObject({ acceptedOn: '2026-11-21' });
    expect(customer.reseller?.id).toBe('fourth-coffee-it-services');
    expect(customer.subscriptions.map((line) => [line.offerId, line.quantity])).toEqual([['o365-e3', 40]]);
  });

  it('ends with a relationship request when an update turns the draft into an existing customer', async () => {
    const agent = harness.agent();
    await toResellerStep(agent, 'Turns Existing B.V.', 'turnsexisting');
    await agent.submit('next', { resellerId: 'directCustomer' });
    await agent.submit('next', { 'offers.m365-business-basic.quantity': '10' });
    await agent.submit('update', {}, { section: 'accountInfo' });
    await agent.submit('next', { domainPrefix: 'updateeverything' });
    expect(visibleText(agent.lastCard())).toMatch(/Update Everything B\.V\./);
    expect(visibleText(agent.lastCard())).toContain('invType=ResellerRelationship');
  });
});

describe('the indirect reseller step refuses what it does not recognise', () => {
  it('asks for a choice when Next is pressed without one, and takes "No reseller" only when chosen', async () => {
    const agent = harness.agent();
    await toResellerStep(agent, 'Undecided Reseller B.V.', 'undecidedreseller');
    await agent.submit('next', { resellerId: '' });
    expect(visibleText(agent.lastCard())).toContain(say('reseller.required'));
    expect(inputOf(agent.lastCard(), 'offers.m365-business-premium.quantity')).toBeUndefined();
    await agent.submit('next', { resellerId: noResellerChoiceValue });
    expect(inputOf(agent.lastCard(), 'offers.m365-business-premium.quantity')).toBeDefined();
  });

  it('answers a forged action with the card again, not as "direct customer"', async () => {
    const agent = harness.agent();
    await toResellerStep(agent, 'Forged Action B.V.', 'forgedaction');
    const card = agent.lastCard();
    const next = actionsOf(card).find((button) => button.data?.action === 'next')!;
    const replies = await agent.send({
      value: { ...inputValues(card), ...next.data, action: 'skipToSubmit' },
    });
    expect(textsOf(replies)).toContain(say('card.unreadable'));
    expect(inputOf(agent.lastCard(), 'resellerId')).toBeDefined();
  });
});
