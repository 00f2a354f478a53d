import { storedCustomer } from '../harness/storedCustomer';
import { noResellerChoiceValue } from '../../cards/cardModels';
import { say } from '../../messages/catalogue';
import {
  actionsOf,
  cardsOf,
  inputOf,
  inputValues,
  startConversationHarness,
  textsOf,
  visibleText,
  type AgentDriver,
  type ConversationHarness,
} from '../harness/conversationHarness';
import { addOffer, dutchAccountInputs } from './flowFixtures';

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
  it('lists the resellers active in the customer country only, narrows by part of a name or an MPN ID, and keeps the choice', async () => {
    const agent = harness.agent();
    await toResellerStep(agent, 'Reseller Choice B.V.', 'resellerchoice');
    const all = resellerChoices(agent);
    expect(all.some((title) => title.startsWith('Adventure Works Cloud Partners'))).toBe(true);
    expect(all.some((title) => title.startsWith('Wide World Importers Cloud'))).toBe(true);
    expect(all.some((title) => title.startsWith('Tailspin Toys'))).toBe(false);
    expect(all.some((title) => title.startsWith('Litware Consulting'))).toBe(false);

    await agent.submit('search', { resellerQuery: 'adventure' });
    expect(resellerChoices(agent).filter((title) => !/direct customer/i.test(title))).toEqual([
      expect.stringMatching(/^Adventure Works Cloud Partners/),
    ]);
    await agent.submit('search', { resellerQuery: '5306' });
    expect(resellerChoices(agent).filter((title) => !/direct customer/i.test(title))).toEqual([
      expect.stringMatching(/^Wide World Importers Cloud/),
    ]);
    await agent.submit('search', { resellerQuery: '6409' });
    expect(resellerChoices(agent).some((title) => title.startsWith('Litware Consulting'))).toBe(false);
    await agent.submit('search', { resellerQuery: 'no such partner' });
    expect(visibleText(agent.lastCard())).toMatch(/no|not find/i);
    expect(resellerChoices(agent).length).toBe(all.length);

    await agent.submit('next', { resellerId: 'adventure-works-cloud-partners' });
    expect(inputOf(agent.lastCard(), 'offers.m365-business-premium.quantity')).toBeDefined();
    await agent.submit('next', { 'offers.m365-business-basic.quantity': '10' });
    expect(visibleText(agent.lastCard())).toContain('Adventure Works Cloud Partners (MPN ID 6021978)');
    await agent.submit('submit');
    expect(visibleText(agent.lastCard())).toContain('Adventure Works Cloud Partners (MPN ID 6021978)');
    const stored = await storedCustomer(harness.composed.customers, 'Reseller Choice B.V.');
    expect(stored.reseller).toEqual({
      id: 'adventure-works-cloud-partners',
      name: 'Adventure Works Cloud Partners',
      mpnId: '6021978',
      // Partner Center's associatedPartnerId when the customer is created there.
      tenantId: '0563206b-05e8-45af-9b3d-c5e81c9b6776',
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
    expect(visibleText(agent.lastCard())).toContain('21 Nov 2026');

    await agent.submit('update', {}, { section: 'reseller' });
    await agent.submit('next', { resellerId: 'wide-world-importers-cloud' });
    expect(visibleText(agent.lastCard())).toContain('Wide World Importers Cloud');

    await agent.submit('update', {}, { section: 'subscriptions' });
    expect(visibleText(agent.lastCard())).toContain(
      '**Microsoft 365 Business Basic**: 10 licences, 1 year, billed monthly',
    );
    await agent.submit('changeLine', {}, { offerId: 'm365-business-basic' });
    expect(inputOf(agent.lastCard(), 'offers.m365-business-basic.quantity')?.value).toBe(10);
    await agent.submit('removeLine', {}, { offerId: 'm365-business-basic' });
    await agent.submit('next', { 'offers.o365-e3.quantity': '40' });
    const review = visibleText(agent.lastCard());
    expect(review).toContain('Office 365 E3');
    expect(review).not.toContain('Microsoft 365 Business Basic');

    await agent.submit('submit');
    const customer = await storedCustomer(harness.composed.customers, 'Update Everything B.V.');
    expect(customer.accountInfo.address).toMatchObject({ city: 'Rotterdam', postalCode: '3011 AA' });
    expect(customer.mca).toMatchObject({ acceptedOn: '2026-11-21' });
    expect(customer.reseller?.id).toBe('wide-world-importers-cloud');
    expect(customer.subscriptions.map((line) => [line.offerId, line.quantity])).toEqual([['o365-e3', 40]]);
  });

  it("shows the partner's own customer when an update names one, and keeps the draft to correct", async () => {
    const agent = harness.agent();
    await toResellerStep(agent, 'Turns Existing B.V.', 'turnsexisting');
    await agent.submit('next', { resellerId: 'directCustomer' });
    await agent.submit('next', { 'offers.m365-business-basic.quantity': '10' });
    await agent.submit('update', {}, { section: 'accountInfo' });
    const replies = await agent.submit('next', {
      legalName: 'Update Everything B.V.',
      domainPrefix: 'updateeverything',
    });
    expect(visibleText(cardsOf(replies)[0]!)).toMatch(/Already your customer/);
    expect(actionsOf(agent.lastCard()).map((action) => action.title)).toContain('Save and back to Review');
    await agent.submit('next', { legalName: 'Turns Existing B.V.', domainPrefix: 'turnsexisting' });
    const review = visibleText(agent.lastCard());
    expect(review).toContain('Turns Existing B.V.');
    expect(review).toContain('10 licences');
  });

  it('keeps the order lines still valid when the country changes, and says on Review which went and why', async () => {
    const agent = harness.agent();
    await toResellerStep(agent, 'Moves Country B.V.', 'movescountry');
    await agent.submit('next', { resellerId: 'adventure-works-cloud-partners' });
    await addOffer(agent, 'm365-business-basic', '10');
    await addOffer(agent, 'dynamics-365-sales-enterprise', '5');
    await agent.submit('next');
    await agent.submit('update', {}, { section: 'accountInfo' });
    await agent.submit('next', { country: 'IN' });
    await agent.submit('next', {
      'address.state': 'Maharashtra',
      'address.city': 'Mumbai',
      'address.postalCode': '400001',
      'primaryContact.phone': '+91 98765 43210',
      registrationNumber: 'AAACB1234F',
      legalName: 'Moves Country Private Limited',
    });
    const review = visibleText(agent.lastCard());
    expect(review).toContain('Your update changed other sections');
    expect(review).toMatch(/Dynamics 365 Sales Enterprise.*(India|removed)/);
    expect(review).toMatch(/Adventure Works Cloud Partners.*India/);
    expect(review).toContain('10 licences, 1 year, billed monthly');
    expect(review).not.toMatch(/5 licences/);
    expect(review).toContain('Not chosen yet');
    expect(review).toContain(`The customer cannot be submitted yet:\n- ${say('reseller.required')}`);

    await agent.submit('update', {}, { section: 'mca' });
    await agent.submit('next', { kind: 'customerWillAccept' });
    const afterMca = visibleText(agent.lastCard());
    expect(afterMca).toMatch(/Microsoft 365 Business Basic.*(accept|Customer Agreement)/);
    expect(afterMca).not.toMatch(/Dynamics 365 Sales Enterprise/);
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
