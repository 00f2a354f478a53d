import { loadCatalogue } from '../../services/catalogue/loadCatalogue';
import { isSoldIn } from '../../services/catalogue/offerAvailability';
import { MAX_ORDER_LINES } from '../../services/catalogue/orderRules';
import { containerDefinitions } from '../../services/cosmos/containers';
import { say } from '../../messages/catalogue';
import { teamsActivityBytes, teamsActivityLimitBytes } from '../harness/cardValidation';
import {
  actionsOf,
  cardsOf,
  inputOf,
  startConversationHarness,
  textsOf,
  visibleText,
  type AgentDriver,
  type ConversationHarness,
} from '../harness/conversationHarness';
import { storedCustomer } from '../harness/storedCustomer';
import { widestOrder } from '../fixtures/widestOrder';
import { addOffer, dutchAccountInputs, quantityOf, skuOf } from './flowFixtures';

let harness: ConversationHarness;
let company = 0;
beforeAll(async () => {
  harness = await startConversationHarness({ now: () => new Date('2026-11-23T11:30:00Z') });
});
afterAll(async () => harness.stop());

/** A new customer in the Netherlands, at the subscriptions card. */
async function atSubscriptions(overrides: Record<string, string> = {}): Promise<AgentDriver> {
  company += 1;
  const agent = harness.agent();
  await agent.say('add customer');
  await agent.submit(
    'next',
    dutchAccountInputs({
      legalName: `Order Case ${company} B.V.`,
      domainPrefix: `ordercase${company}`,
      ...overrides,
    }),
  );
  await agent.submit('next', { kind: 'attested', acceptedOn: '2026-11-20' });
  return agent;
}

type Card = ReturnType<AgentDriver['lastCard']>;

/** The offers a card lists with an Add button, in order. */
const listed = (card: Card) =>
  actionsOf(card)
    .filter((action) => action.data?.action === 'addLine')
    .map((action) => String(action.data!.offerId));

/** The order's lines as the card shows them. */
const orderLines = (card: Card) =>
  visibleText(card)
    .split('\n')
    .filter((text) => /^\*\*.+\*\*: \d+ licences?, /.test(text));

const textOf = (agent: AgentDriver) => visibleText(agent.lastCard());

describe('the subscriptions card, before any search', () => {
  it("lists the most sold offers in the customer's country, each with licences, term and billing frequency", async () => {
    const agent = await atSubscriptions();
    const card = agent.lastCard();
    expect(listed(card)).toEqual([
      'm365-business-premium',
      'm365-business-standard',
      'm365-business-basic',
      'teams-phone-standard',
      'o365-e3',
    ]);
    expect(textOf(agent)).toContain(say('card.subscriptions.bestSellers', { country: 'the Netherlands' }));
    expect(textOf(agent)).toContain(say('card.subscriptions.orderEmpty'));
    expect(inputOf(card, quantityOf('o365-e3'))).toMatchObject({
      type: 'Input.Number',
      placeholder: '1–5000 licences',
    });
    expect(inputOf(card, 'offers.o365-e3.term')?.value).toBe('P1Y');
    expect(inputOf(card, 'offers.o365-e3.billingCycle')?.value).toBe('monthly');
  });

  it('shows an add-on with its base offers', async () => {
    const agent = await atSubscriptions();
    expect(textOf(agent)).toContain(
      'Add-on: needs Office 365 E1, Office 365 E3, Microsoft 365 E3, Microsoft 365 F3, Microsoft 365 Business Basic, Microsoft 365 Business Standard or Microsoft 365 Business Premium in the order.',
    );
  });
});

describe('finding offers', () => {
  it('searches by name a short page at a time, with More and Previous', async () => {
    const agent = await atSubscriptions();
    await agent.submit('search', { offerQuery: 'e3' });
    const first = listed(agent.lastCard());
    expect(first).toHaveLength(5);
    expect(first.slice(0, 2)).toEqual(['o365-e3', 'm365-e3']);
    expect(textOf(agent)).toContain('Offers matching "e3"');
    expect(textOf(agent)).toContain('Showing 1–5');

    await agent.submit('morePage');
    const second = listed(agent.lastCard());
    expect(second).toHaveLength(5);
    expect(second.some((id) => first.includes(id))).toBe(false);
    expect(textOf(agent)).toContain('Showing 6–10');

    await agent.submit('previousPage');
    expect(listed(agent.lastCard())).toEqual(first);
    expect(textOf(agent)).toContain('Showing 1–5');
    expect(actionsOf(agent.lastCard()).some((action) => action.data?.action === 'previousPage')).toBe(false);
  });

  it('finds an offer by part of its SKU, and offers of a product family by its name', async () => {
    const agent = await atSubscriptions();
    await agent.submit('search', { offerQuery: skuOf('power-bi-pro') });
    expect(listed(agent.lastCard())).toEqual(['power-bi-pro']);
    await agent.submit('search', { offerQuery: skuOf('azure-plan').slice(8, 12) });
    expect(listed(agent.lastCard())).toContain('azure-plan');
    await agent.submit('search', { offerQuery: 'windows 365' });
    expect(textOf(agent)).toMatch(/Windows 365 · SKU/);
    expect(listed(agent.lastCard()).every((id) => id.startsWith('windows-365-'))).toBe(true);
  });

  it('says when a search finds nothing, and shows the most sold instead', async () => {
    const agent = await atSubscriptions();
    await agent.submit('search', { offerQuery: 'Contoso Quantum Licence' });
    const text = textOf(agent);
    expect(text).toContain(
      say('order.search.noMatch', { country: 'the Netherlands', query: 'Contoso Quantum Licence' }),
    );
    expect(text).toContain(say('card.subscriptions.showingBestSellers', { country: 'the Netherlands' }));
    expect(listed(agent.lastCard())[0]).toBe('m365-business-premium');
    expect(inputOf(agent.lastCard(), 'offerQuery')?.value).toBe('Contoso Quantum Licence');
  });

  it("lists only offers sold in the customer's country", async () => {
    const canada = harness.agent();
    await canada.say('add customer');
    await canada.submit(
      'next',
      dutchAccountInputs({ legalName: 'Order Canada Ltd.', domainPrefix: 'ordercanada', country: 'CA' }),
    );
    await canada.submit('next', {
      'address.state': 'ON',
      'address.city': 'Toronto',
      'address.postalCode': 'M5V 2T6',
      language: 'en',
      culture: 'en-CA',
    });
    await canada.submit('next', { kind: 'attested', acceptedOn: '2026-11-20' });
    await canada.submit('search', { offerQuery: 'dynamics 365 sales enterprise' });
    expect(listed(canada.lastCard())).toContain('dynamics-365-sales-enterprise');

    const india = harness.agent();
    await india.say('add customer');
    await india.submit(
      'next',
      dutchAccountInputs({
        legalName: 'Bharat Order Private Limited',
        domainPrefix: 'bharatorder',
        country: 'IN',
      }),
    );
    await india.submit('next', {
      'address.state': 'Maharashtra',
      'address.city': 'Mumbai',
      'address.postalCode': '400001',
      'primaryContact.phone': '+91 98765 43210',
      registrationNumber: 'AAACB1234F',
    });
    await india.submit('next', { kind: 'attested', acceptedOn: '2026-11-20' });
    expect(textOf(india)).toContain(say('card.subscriptions.bestSellers', { country: 'India' }));
    await india.submit('search', { offerQuery: 'dynamics 365 sales enterprise' });
    expect(listed(india.lastCard())).not.toContain('dynamics-365-sales-enterprise');
    await india.submit('search', { offerQuery: 'domestic calling plan' });
    expect(textOf(india)).toContain('Microsoft Teams Domestic Calling Plan (India)');
    expect(textOf(india)).not.toContain('(Netherlands)');
  });
});

describe('building the order', () => {
  it('adds an offer with its licences, term and billing frequency, then shows the order and the same search again', async () => {
    const agent = await atSubscriptions();
    await agent.submit('search', { offerQuery: 'office 365 e3' });
    await addOffer(agent, 'o365-e3', '40', { term: 'P3Y', billingCycle: 'triennial' });
    const text = textOf(agent);
    expect(text).toContain('Added Office 365 E3: 40 licences, 3 years, billed every three years.');
    expect(text).toContain('Order: 1 line');
    expect(orderLines(agent.lastCard())).toEqual([
      '**Office 365 E3**: 40 licences, 3 years, billed every three years',
    ]);
    expect(text).toContain('Offers matching "office 365 e3"');
    expect(text).toContain('In the order: 40 licences. Change it there.');
    expect(listed(agent.lastCard())).not.toContain('o365-e3');
  });

  it('refuses a line that breaks a rule, at the offer with the reason, keeping what was typed; the order stays as it was', async () => {
    const agent = await atSubscriptions();
    await addOffer(agent, 'azure-plan', '2');
    expect(textOf(agent)).toContain(
      say('order.quantity.exactly', { offerName: 'Azure plan', min: 1, value: '2' }),
    );
    expect(inputOf(agent.lastCard(), quantityOf('azure-plan'))?.value).toBe(2);
    expect(textOf(agent)).toContain(say('card.subscriptions.orderEmpty'));

    await addOffer(agent, 'm365-business-premium', '500');
    expect(textOf(agent)).toContain(
      'Microsoft 365 Business Premium allows 1 to 300 licences; you entered 500.',
    );
    await addOffer(agent, 'm365-business-premium', 'ten');
    expect(textOf(agent)).toMatch(/as a whole number from 1 to 300; you entered ten/);
    expect(orderLines(agent.lastCard())).toEqual([]);
  });

  it('changes a line: its inputs at the top, checked like an added line, or kept as it was', async () => {
    const agent = await atSubscriptions();
    await addOffer(agent, 'm365-business-basic', '10');
    await agent.submit('changeLine', {}, { offerId: 'm365-business-basic' });
    let card = agent.lastCard();
    expect(textOf(agent)).toContain(say('card.subscriptions.changeLine'));
    expect(inputOf(card, quantityOf('m365-business-basic'))?.value).toBe(10);
    expect(inputOf(card, 'offerQuery')).toBeUndefined();

    await agent.submit(
      'saveLine',
      { [quantityOf('m365-business-basic')]: '301' },
      { offerId: 'm365-business-basic' },
    );
    expect(textOf(agent)).toContain(
      'Microsoft 365 Business Basic allows 1 to 300 licences; you entered 301.',
    );
    expect(orderLines(agent.lastCard())).toEqual([
      '**Microsoft 365 Business Basic**: 10 licences, 1 year, billed monthly',
    ]);

    await agent.submit(
      'saveLine',
      { [quantityOf('m365-business-basic')]: '12', 'offers.m365-business-basic.billingCycle': 'annual' },
      { offerId: 'm365-business-basic' },
    );
    expect(textOf(agent)).toContain(
      'Changed Microsoft 365 Business Basic to 12 licences, 1 year, billed annually.',
    );
    card = agent.lastCard();
    expect(orderLines(card)).toEqual([
      '**Microsoft 365 Business Basic**: 12 licences, 1 year, billed annually',
    ]);
    expect(inputOf(card, 'offerQuery')).toBeDefined();

    await agent.submit('changeLine', {}, { offerId: 'm365-business-basic' });
    await agent.submit('keepLine', {}, { offerId: 'm365-business-basic' });
    expect(orderLines(agent.lastCard())).toEqual([
      '**Microsoft 365 Business Basic**: 12 licences, 1 year, billed annually',
    ]);
    expect(inputOf(agent.lastCard(), 'offerQuery')).toBeDefined();
  });

  it('removes a line', async () => {
    const agent = await atSubscriptions();
    await addOffer(agent, 'm365-business-basic', '10');
    await addOffer(agent, 'exchange-online-plan-1', '3');
    await agent.submit('changeLine', {}, { offerId: 'm365-business-basic' });
    await agent.submit('removeLine', {}, { offerId: 'm365-business-basic' });
    expect(textOf(agent)).toContain('Removed Microsoft 365 Business Basic from the order.');
    expect(orderLines(agent.lastCard())).toEqual([
      '**Exchange Online (Plan 1)**: 3 licences, 1 year, billed monthly',
    ]);
    expect(textOf(agent)).toContain('Order: 1 line');
  });

  it('takes an add-on before its base, saying it needs one, and goes on once the base is there', async () => {
    const agent = await atSubscriptions();
    await addOffer(agent, 'teams-phone-standard', '5');
    expect(textOf(agent)).toContain(
      'Added Teams Phone Standard: 5 licences, 1 year, billed monthly. It is an add-on: add one of its base offers too before you go on.',
    );
    expect(textOf(agent)).toContain(say('order.addOn.needsBase'));

    await agent.submit('next');
    expect(textOf(agent)).toContain(say('order.addOn.needsBase'));
    expect(inputOf(agent.lastCard(), 'offerQuery')).toBeDefined();
    expect(textOf(agent)).not.toContain('Review');

    await addOffer(agent, 'o365-e3', '5');
    expect(textOf(agent)).toContain('Added Office 365 E3: 5 licences, 1 year, billed monthly.');
    expect(textOf(agent)).not.toContain(say('order.addOn.needsBase'));
    await agent.submit('next');
    const review = textOf(agent);
    expect(review).toContain('Teams Phone Standard: 5 licences, 1 year, billed monthly');
    expect(review).toContain('Office 365 E3: 5 licences, 1 year, billed monthly');
  });

  it('takes an add-on after its base without a word, and keeps it, saying what it needs, when the base is removed', async () => {
    const agent = await atSubscriptions();
    await addOffer(agent, 'o365-e3', '5');
    await addOffer(agent, 'teams-phone-standard', '5');
    expect(textOf(agent)).toContain('Added Teams Phone Standard: 5 licences, 1 year, billed monthly.');
    expect(textOf(agent)).not.toContain(say('order.addOn.needsBase'));

    await agent.submit('changeLine', {}, { offerId: 'o365-e3' });
    await agent.submit('removeLine', {}, { offerId: 'o365-e3' });
    expect(orderLines(agent.lastCard())).toEqual([
      '**Teams Phone Standard**: 5 licences, 1 year, billed monthly',
    ]);
    expect(textOf(agent)).toContain(say('order.addOn.needsBase'));
  });

  it('goes on with what the card still holds typed: a licence count on a listed offer is added', async () => {
    const agent = await atSubscriptions();
    await addOffer(agent, 'exchange-online-plan-1', '2');
    await agent.submit('search', { offerQuery: 'business premium' });
    await agent.submit('next', { [quantityOf('m365-business-premium')]: '7' });
    const review = textOf(agent);
    expect(review).toContain('Exchange Online (Plan 1): 2 licences');
    expect(review).toContain('Microsoft 365 Business Premium: 7 licences');
  });

  it('asks for at least one offer when Next finds the order empty', async () => {
    const agent = await atSubscriptions();
    await agent.submit('next');
    expect(textOf(agent)).toContain(say('order.empty'));
  });

  it('keeps the order when opened from Review, and goes back there with the change', async () => {
    const agent = await atSubscriptions();
    await addOffer(agent, 'm365-business-basic', '10');
    await agent.submit('next');
    await agent.submit('update', {}, { section: 'subscriptions' });
    expect(orderLines(agent.lastCard())).toEqual([
      '**Microsoft 365 Business Basic**: 10 licences, 1 year, billed monthly',
    ]);
    await addOffer(agent, 'power-bi-pro', '4');
    await agent.submit('next');
    expect(textOf(agent)).toContain('Power BI Pro: 4 licences');
    expect(textOf(agent)).toContain('Microsoft 365 Business Basic: 10 licences');
  });
});

describe(`an order of ${MAX_ORDER_LINES} lines`, () => {
  it('is built, reviewed and submitted with every card within the size Teams accepts; one line more is refused', async () => {
    const { offers } = await loadCatalogue();
    const { addOns, bases } = widestOrder(offers.data.offers.filter((offer) => isSoldIn(offer, 'NL')));
    const chosen = [...addOns, ...bases];
    expect(chosen).toHaveLength(MAX_ORDER_LINES);
    const agent = await atSubscriptions();
    const sizes: number[] = [];
    const measure = (replies: Awaited<ReturnType<AgentDriver['send']>>) =>
      sizes.push(...replies.filter((reply) => cardsOf([reply]).length > 0).map(teamsActivityBytes));

    for (const offer of addOns) measure(await addOffer(agent, offer.id, String(offer.minQuantity)));
    // Every add-on waits for its base: the order's card at its widest, with a page of wide offers.
    expect(textOf(agent).split(say('order.addOn.needsBase')).length - 1).toBe(addOns.length);
    measure(await agent.submit('search', { offerQuery: 'windows 365 enterprise' }));
    measure(await agent.submit('next'));
    expect(textOf(agent)).not.toContain('Review');
    for (const offer of bases) measure(await addOffer(agent, offer.id, String(offer.minQuantity)));
    expect(textOf(agent)).not.toContain(say('order.addOn.needsBase'));
    expect(textOf(agent)).toContain(`Order: ${MAX_ORDER_LINES} lines`);
    expect(orderLines(agent.lastCard())).toHaveLength(MAX_ORDER_LINES);

    const extra = offers.data.offers.find((offer) => isSoldIn(offer, 'NL') && !chosen.includes(offer))!;
    measure(await addOffer(agent, extra.id, String(extra.minQuantity)));
    expect(textOf(agent)).toContain(say('order.tooManyLines', { max: MAX_ORDER_LINES }));
    expect(orderLines(agent.lastCard())).toHaveLength(MAX_ORDER_LINES);

    measure(await agent.submit('changeLine', {}, { offerId: chosen[0]!.id }));
    measure(await agent.submit('keepLine', {}, { offerId: chosen[0]!.id }));
    measure(await agent.submit('next'));
    expect(textOf(agent)).toContain('Review');
    measure(await agent.submit('submit'));
    expect(textOf(agent)).toContain('Customer added');
    const stored = await storedCustomer(harness.composed.customers, `Order Case ${company} B.V.`);
    expect(stored.subscriptions.map((line) => line.offerId)).toEqual(chosen.map((offer) => offer.id));

    // Every card of this test was measured by the harness as well; these are the widest.
    expect(Math.max(...sizes)).toBeLessThanOrEqual(teamsActivityLimitBytes);
    expect(Math.max(...sizes)).toBeGreaterThan(40 * 1024);
  });
});

describe('a draft saved before the order was kept line by line', () => {
  it('is dropped politely, and a new one can start', async () => {
    const agent = await atSubscriptions();
    const conversationId = agent.adapter.template.conversation!.id;
    const container = harness.database.container(containerDefinitions.botState.id);
    const { resources } = await container.items
      .query<{ id: string; realId: string; document: { draft: { values: Record<string, unknown> } } }>({
        query: 'SELECT * FROM c WHERE CONTAINS(c.realId, @conversation)',
        parameters: [{ name: '@conversation', value: conversationId }],
      })
      .fetchAll();
    const [state] = resources;
    state!.document.draft.values.subscriptions = { 'offers.o365-e3.quantity': '5' };
    await container.items.upsert(state!);

    const replies = await agent.say('help');
    expect(textsOf(replies)).toContain(say('flow.outdatedDraft'));
    await agent.say('add customer');
    expect(inputOf(agent.lastCard(), 'legalName')).toBeDefined();
  });
});
