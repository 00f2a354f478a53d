import { english, readable } from '../harness/englishText';
import { ruleTestOffers, testOffer } from '../fixtures/offers';
import type { Offer } from '../../services/catalogue/schemas';
import { isSoldIn } from '../../services/catalogue/offerAvailability';
import {
  MAX_ORDER_LINES,
  offerIdsOf,
  validateOrder,
  type OrderContext,
} from '../../services/catalogue/orderRules';
import { defaultBillingCycle, defaultChoices, defaultTerm } from '../../services/catalogue/terms';

const offers: Offer[] = ruleTestOffers;

const context: OrderContext = { offers, country: 'NL', mcaPending: false };

describe('an order the rules accept', () => {
  it.each([
    ['one offer', [{ offerId: 'm365-business-premium', quantity: 25 }]],
    [
      'the smallest and largest quantity',
      [
        { offerId: 'o365-e3', quantity: 5000 },
        { offerId: 'azure-plan', quantity: 1 },
      ],
    ],
    ['a quantity typed as text', [{ offerId: 'm365-business-premium', quantity: ' 12 ' }]],
    [
      'an add-on with its base offer in the same order',
      [
        { offerId: 'o365-e3', quantity: 10 },
        { offerId: 'teams-phone-standard', quantity: 5 },
      ],
    ],
    [
      'a term and billing cycle the offer has',
      [{ offerId: 'o365-e3', quantity: 3, term: 'P3Y', billingCycle: 'triennial' }],
    ],
    [
      'an empty term and billing cycle from a card',
      [{ offerId: 'o365-e3', quantity: 3, term: '', billingCycle: '' }],
    ],
    [
      'an offer limited to some countries, in one of them',
      [{ offerId: 'dynamics-365-sales-enterprise', quantity: 4 }],
    ],
  ])('accepts %s', (_case, lines) => {
    const result = validateOrder({ lines }, context);
    expect(result.ok).toBe(true);
  });

  it('hands back whole-number quantities, each line with the term and billing cycle chosen', () => {
    const result = validateOrder(
      { lines: [{ offerId: 'o365-e3', quantity: '7', term: 'P3Y', billingCycle: 'annual' }] },
      context,
    );
    expect(result).toEqual({
      ok: true,
      value: { lines: [{ offerId: 'o365-e3', quantity: 7, term: 'P3Y', billingCycle: 'annual' }] },
    });
  });

  it.each([
    ['nothing chosen: one year, billed monthly', {}, { term: 'P1Y', billingCycle: 'monthly' }],
    ['empty choices from a card', { term: '', billingCycle: '' }, { term: 'P1Y', billingCycle: 'monthly' }],
    ['a term only: billed monthly', { term: 'P3Y' }, { term: 'P3Y', billingCycle: 'monthly' }],
    [
      'a billing cycle only: for one year',
      { billingCycle: 'annual' },
      { term: 'P1Y', billingCycle: 'annual' },
    ],
  ])('fills in what was not chosen (%s), so every line has both', (_case, choices, expected) => {
    const result = validateOrder({ lines: [{ offerId: 'o365-e3', quantity: 2, ...choices }] }, context);
    expect(result).toEqual({
      ok: true,
      value: { lines: [{ offerId: 'o365-e3', quantity: 2, ...expected }] },
    });
  });

  it("takes an offer's only term and billing cycle when it has no choice", () => {
    const result = validateOrder({ lines: [{ offerId: 'azure-plan', quantity: 1 }] }, context);
    expect(result).toEqual({
      ok: true,
      value: { lines: [{ offerId: 'azure-plan', quantity: 1, term: 'P1M', billingCycle: 'monthly' }] },
    });
  });

  it('accepts an add-on whose base offer the customer already owns', () => {
    const result = validateOrder(
      { lines: [{ offerId: 'teams-phone-standard', quantity: 5 }] },
      { ...context, ownedOfferIds: ['m365-business-premium'] },
    );
    expect(result.ok).toBe(true);
  });
});

describe('an order the rules refuse', () => {
  it.each([
    [
      'quantity 0',
      0,
      'order.quantity.outOfRange',
      'Microsoft 365 Business Premium allows 1 to 300 licences; you entered 0.',
    ],
    [
      'a quantity above the maximum',
      500,
      'order.quantity.outOfRange',
      'Microsoft 365 Business Premium allows 1 to 300 licences; you entered 500.',
    ],
    [
      'a negative quantity',
      '-3',
      'order.quantity.outOfRange',
      'Microsoft 365 Business Premium allows 1 to 300 licences; you entered -3.',
    ],
    [
      'quantity 2.5',
      2.5,
      'order.quantity.notWhole',
      'Enter the number of licences for Microsoft 365 Business Premium as a whole number from 1 to 300; you entered 2.5.',
    ],
    [
      'quantity "2.5" as text',
      '2.5',
      'order.quantity.notWhole',
      'Enter the number of licences for Microsoft 365 Business Premium as a whole number from 1 to 300; you entered 2.5.',
    ],
    [
      'quantity "ten"',
      'ten',
      'order.quantity.notWhole',
      'Enter the number of licences for Microsoft 365 Business Premium as a whole number from 1 to 300; you entered ten.',
    ],
    [
      'a missing quantity',
      undefined,
      'order.quantity.missing',
      'Enter the number of licences for Microsoft 365 Business Premium: 1 to 300.',
    ],
    [
      'an empty quantity',
      '  ',
      'order.quantity.missing',
      'Enter the number of licences for Microsoft 365 Business Premium: 1 to 300.',
    ],
  ])('refuses %s', (_case, quantity, key, message) => {
    const result = validateOrder({ lines: [{ offerId: 'm365-business-premium', quantity }] }, context);
    expect(readable(result)).toEqual({
      ok: false,
      errors: [expect.objectContaining({ field: 'lines.0.quantity', key, message })],
    });
  });

  it.each([
    [2, 'order.quantity.exactly', 'Azure plan is ordered with exactly 1 licence; you entered 2.'],
    [
      '',
      'order.quantity.missingExactly',
      'Enter the number of licences for Azure plan: it is ordered with exactly 1 licence.',
    ],
    [
      'one',
      'order.quantity.notWholeExactly',
      'Enter the number of licences for Azure plan as a whole number: it is ordered with exactly 1 licence; you entered one.',
    ],
  ])('says the Azure plan is ordered with exactly 1 licence (quantity %p)', (quantity, key, message) => {
    const result = validateOrder({ lines: [{ offerId: 'azure-plan', quantity }] }, context);
    expect(readable(result)).toEqual({ ok: false, errors: [expect.objectContaining({ key, message })] });
  });

  it('says "licences" for an offer ordered with exactly 25', () => {
    const pack = testOffer({ id: 'room-pack', name: 'Rooms Pack', minQuantity: 25, maxQuantity: 25 });
    const result = validateOrder(
      { lines: [{ offerId: 'room-pack', quantity: 3 }] },
      { ...context, offers: [...offers, pack] },
    );
    expect(!result.ok && result.errors[0] && english(result.errors[0])).toBe(
      'Rooms Pack is ordered with exactly 25 licences; you entered 3.',
    );
  });

  it.each([
    ['an empty order', { lines: [] }, 'lines', 'order.empty'],
    ['an order without lines', {}, 'lines', 'order.empty'],
    ['no order at all', undefined, 'lines', 'order.empty'],
    ['a list of offers that cannot be read', { lines: 'o365-e3' }, 'lines', 'order.unreadable'],
    ['a line without an offer', { lines: [{ quantity: 3 }] }, 'lines.0.offerId', 'order.line.offerMissing'],
    ['a line that is not an object', { lines: ['o365-e3'] }, 'lines.0.offerId', 'order.line.offerMissing'],
    [
      'an unknown offer id',
      { lines: [{ offerId: 'visio-plan-9', quantity: 1 }] },
      'lines.0.offerId',
      'order.offer.unknown',
    ],
    [
      'the same offer twice',
      {
        lines: [
          { offerId: 'o365-e3', quantity: 1 },
          { offerId: 'o365-e3', quantity: 2 },
        ],
      },
      'lines.1.offerId',
      'order.offer.duplicate',
    ],
    [
      'an add-on without its base offer',
      { lines: [{ offerId: 'teams-phone-standard', quantity: 1 }] },
      'lines.0.offerId',
      'order.addOn.baseMissing',
    ],
    [
      'a term the offer does not have',
      { lines: [{ offerId: 'azure-plan', quantity: 1, term: 'P1Y' }] },
      'lines.0.term',
      'order.term.notOffered',
    ],
    [
      'a term that does not exist',
      { lines: [{ offerId: 'o365-e3', quantity: 1, term: 'P2Y' }] },
      'lines.0.term',
      'order.term.notOffered',
    ],
    [
      'a billing cycle the offer does not have',
      { lines: [{ offerId: 'm365-business-premium', quantity: 1, billingCycle: 'triennial' }] },
      'lines.0.billingCycle',
      'order.billingCycle.notOffered',
    ],
    [
      'a billing cycle longer than the term',
      { lines: [{ offerId: 'o365-e3', quantity: 1, term: 'P1Y', billingCycle: 'triennial' }] },
      'lines.0.billingCycle',
      'order.billingCycle.longerThanTerm',
    ],
  ])('refuses %s', (_case, input, field, key) => {
    const result = validateOrder(input, context);
    expect(result).toEqual({ ok: false, errors: [expect.objectContaining({ field, key })] });
  });

  it.each([
    [
      'IN',
      undefined,
      'Dynamics 365 Sales Enterprise is not sold in IN. Remove it from the order or choose another offer.',
    ],
    [
      'br',
      'Brazil',
      'Dynamics 365 Sales Enterprise is not sold in Brazil. Remove it from the order or choose another offer.',
    ],
  ])('refuses an offer not sold in the customer country (%s)', (country, countryName, message) => {
    const result = validateOrder(
      { lines: [{ offerId: 'dynamics-365-sales-enterprise', quantity: 4 }] },
      { ...context, country, ...(countryName ? { countryName } : {}) },
    );
    expect(readable(result)).toEqual({
      ok: false,
      errors: [
        expect.objectContaining({ field: 'lines.0.offerId', key: 'order.offer.notSoldInCountry', message }),
      ],
    });
  });

  it('names the base offers when an add-on comes alone', () => {
    const result = validateOrder({ lines: [{ offerId: 'teams-phone-standard', quantity: 1 }] }, context);
    expect(!result.ok && result.errors[0] && english(result.errors[0])).toBe(
      'Teams Phone Standard is an add-on and needs one of these in the order: Microsoft 365 Business Premium or Office 365 E3. Add one of them, or remove Teams Phone Standard.',
    );
  });

  it('does not count an owned offer that is not one of the base offers', () => {
    const result = validateOrder(
      { lines: [{ offerId: 'teams-phone-standard', quantity: 1 }] },
      { ...context, ownedOfferIds: ['azure-plan'] },
    );
    expect(result.ok).toBe(false);
  });

  it('lists the terms and billing cycles the agent can choose instead', () => {
    const result = validateOrder(
      {
        lines: [
          { offerId: 'azure-plan', quantity: 1, term: 'P3Y' },
          { offerId: 'o365-e3', quantity: 1, term: 'P1Y', billingCycle: 'triennial' },
        ],
      },
      context,
    );
    expect(!result.ok && result.errors.map((error) => english(error))).toEqual([
      'Azure plan cannot be bought for a term of 3 years; choose 1 month.',
      'A term of 1 year cannot be billed every three years; for Office 365 E3 choose monthly or annually.',
    ]);
  });

  it('reports every problem of every line at once, each on its own field', () => {
    const result = validateOrder(
      {
        lines: [
          { offerId: 'm365-business-premium', quantity: 500, billingCycle: 'triennial' },
          { offerId: 'nope', quantity: 1 },
          { offerId: 'dynamics-365-sales-enterprise', quantity: 'ten' },
          { offerId: 'teams-phone-standard', quantity: 0 },
          { offerId: 'm365-business-premium', quantity: 1 },
        ],
      },
      { ...context, country: 'IN' },
    );
    expect(!result.ok && result.errors.map(({ field, key }) => [field, key])).toEqual([
      ['lines.0.quantity', 'order.quantity.outOfRange'],
      ['lines.0.billingCycle', 'order.billingCycle.notOffered'],
      ['lines.1.offerId', 'order.offer.unknown'],
      ['lines.2.quantity', 'order.quantity.notWhole'],
      ['lines.2.offerId', 'order.offer.notSoldInCountry'],
      ['lines.3.quantity', 'order.quantity.outOfRange'],
      ['lines.4.offerId', 'order.offer.duplicate'],
    ]);
  });
});

describe('billing cycles against terms', () => {
  const annualOnly = testOffer({
    id: 'annual-only',
    name: 'Annual Only',
    terms: ['P1Y', 'P3Y'],
    billingCycles: ['annual', 'triennial'],
  });
  const withAnnual = { ...context, offers: [...offers, annualOnly] };

  it('bills an offer without monthly billing with its first billing cycle that fits the term', () => {
    const result = validateOrder(
      { lines: [{ offerId: 'annual-only', quantity: 1, term: 'P3Y' }] },
      withAnnual,
    );
    expect(result.ok && result.value.lines[0]).toEqual({
      offerId: 'annual-only',
      quantity: 1,
      term: 'P3Y',
      billingCycle: 'annual',
    });
  });

  it('refuses a billing cycle chosen without a term when it is longer than the default term', () => {
    const result = validateOrder(
      { lines: [{ offerId: 'o365-e3', quantity: 1, billingCycle: 'triennial' }] },
      context,
    );
    expect(result).toEqual({
      ok: false,
      errors: [
        expect.objectContaining({ field: 'lines.0.billingCycle', key: 'order.billingCycle.longerThanTerm' }),
      ],
    });
  });

  it('refuses a term no billing cycle of the offer fits, on the term (an offer built outside the schema)', () => {
    const odd: Offer = {
      ...offers[0]!,
      id: 'odd',
      name: 'Odd',
      terms: ['P1M', 'P1Y'],
      billingCycles: ['annual'],
    };
    const result = validateOrder(
      { lines: [{ offerId: 'odd', quantity: 1, term: 'P1M' }] },
      { ...context, offers: [odd] },
    );
    expect(readable(result)).toEqual({
      ok: false,
      errors: [
        expect.objectContaining({
          field: 'lines.0.term',
          key: 'order.term.noBillingCycle',
          message: 'Odd has no billing frequency that fits a term of 1 month; choose 1 year.',
        }),
      ],
    });
  });
});

describe('default term and billing cycle', () => {
  it.each([
    [['P1M', 'P1Y', 'P3Y'], 'P1Y'],
    [['P3Y', 'P1M'], 'P3Y'],
    [['P1M'], 'P1M'],
  ] as const)('takes P1Y where the offer has it, else its first term (%j)', (terms, expected) => {
    expect(defaultTerm({ terms })).toBe(expected);
  });

  it.each([
    [['annual', 'monthly'], 'P1Y', 'monthly'],
    [['annual', 'triennial'], 'P3Y', 'annual'],
    [['triennial', 'annual'], 'P3Y', 'triennial'],
    [['triennial', 'annual'], 'P1Y', 'annual'],
    [['annual'], 'P1M', undefined],
  ] as const)('bills %j for a term of %s: %s', (billingCycles, term, expected) => {
    expect(defaultBillingCycle({ billingCycles }, term)).toBe(expected);
  });

  it.each([
    [
      { terms: ['P1M', 'P1Y', 'P3Y'], billingCycles: ['annual', 'monthly'] },
      { term: 'P1Y', billingCycle: 'monthly' },
    ],
    [
      { terms: ['P3Y'], billingCycles: ['triennial', 'annual'] },
      { term: 'P3Y', billingCycle: 'triennial' },
    ],
    [
      { terms: ['P1M'], billingCycles: ['monthly'] },
      { term: 'P1M', billingCycle: 'monthly' },
    ],
  ] as const)('gives a card both defaults at once (%j)', (offer, expected) => {
    expect(defaultChoices(offer)).toEqual(expected);
  });
});

describe('an order while the customer has not accepted the MCA', () => {
  const pending = { ...context, mcaPending: true };

  it('refuses any offer, saying ordering waits for acceptance in the Microsoft 365 admin center', () => {
    const result = validateOrder({ lines: [{ offerId: 'm365-business-premium', quantity: 5 }] }, pending);
    expect(result).toEqual({
      ok: false,
      errors: [expect.objectContaining({ field: 'lines', key: 'order.mcaPending' })],
    });
    expect(!result.ok && result.errors[0] && english(result.errors[0])).toMatch(
      /Microsoft Customer Agreement in the Microsoft 365 admin center/,
    );
  });

  it('refuses with that one reason even when the lines have other problems', () => {
    const result = validateOrder({ lines: [{ offerId: 'nope', quantity: 'ten' }] }, pending);
    expect(!result.ok && result.errors.map((error) => error.key)).toEqual(['order.mcaPending']);
  });

  it('accepts an empty order, so the customer is added without subscriptions', () => {
    expect(validateOrder({ lines: [] }, pending)).toEqual({ ok: true, value: { lines: [] } });
  });
});

describe('where an offer is sold', () => {
  it.each([
    [
      'NL',
      [
        'azure-plan',
        'dynamics-365-sales-enterprise',
        'm365-business-premium',
        'o365-e3',
        'teams-phone-standard',
      ],
    ],
    ['in', ['azure-plan', 'm365-business-premium', 'o365-e3', 'teams-phone-standard']],
  ])('in %s: the offers that list it or every country', (country, ids) => {
    expect(
      offers
        .filter((offer) => isSoldIn(offer, country))
        .map((offer) => offer.id)
        .sort(),
    ).toEqual(ids);
  });
});

describe('the offers an order names', () => {
  it('are read from its lines, as far as they can be read', () => {
    expect(
      offerIdsOf({
        lines: [{ offerId: 'o365-e3', quantity: 2 }, { quantity: 1 }, 'x', { offerId: 'azure-plan' }],
      }),
    ).toEqual(['o365-e3', 'azure-plan']);
    expect(offerIdsOf('not an order')).toEqual([]);
    expect(offerIdsOf(undefined)).toEqual([]);
  });
});

describe('the size of an order', () => {
  it(`is at most ${MAX_ORDER_LINES} lines`, () => {
    const many = Array.from({ length: MAX_ORDER_LINES + 1 }, (_, index) =>
      testOffer({ id: `offer-${index}`, name: `Offer ${index}` }),
    );
    const lines = many.map((offer) => ({ offerId: offer.id, quantity: 1 }));
    const full = { ...context, offers: many };
    expect(validateOrder({ lines: lines.slice(0, MAX_ORDER_LINES) }, full).ok).toBe(true);
    expect(readable(validateOrder({ lines }, full))).toEqual({
      ok: false,
      errors: [
        expect.objectContaining({
          field: 'lines',
          key: 'order.tooManyLines',
          message: `An order holds at most ${MAX_ORDER_LINES} lines. Remove a line before you add another; the customer can buy more subscriptions in Partner Center once added.`,
        }),
      ],
    });
  });
});
