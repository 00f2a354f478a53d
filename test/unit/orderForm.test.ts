import { english, readable } from '../harness/englishText';
import { ruleTestOffers, testOffer } from '../fixtures/offers';
import {
  checkEntry,
  completeOrder,
  isOrderedQuantity,
  lineEntriesFromValues,
  offerFieldPath,
  orderFormValues,
  orderProblems,
} from '../../services/catalogue/orderForm';
import { MAX_ORDER_LINES, type OrderContext } from '../../services/catalogue/orderRules';
import type { Offer, OrderLine } from '../../services/catalogue/schemas';

const offers: Offer[] = ruleTestOffers;

const context: OrderContext = { offers, country: 'NL', mcaPending: false };

const line = (offerId: string, quantity: number, term: OrderLine['term'] = 'P1Y'): OrderLine => ({
  offerId,
  quantity,
  term,
  billingCycle: 'monthly',
});

describe('is a licence count typed', () => {
  it.each([undefined, null, '', '   ', '0', ' 0 ', '00', '+0', '-0', 0])('%p is not', (quantity) => {
    expect(isOrderedQuantity(quantity)).toBe(false);
  });

  it.each(['1', ' 25 ', 'ten', '-3', '2.5', '0.5', 5])('%p is (and its rules apply)', (quantity) => {
    expect(isOrderedQuantity(quantity)).toBe(true);
  });
});

describe('the order when the agent goes on', () => {
  it('adds the offers typed with a licence count after the lines, in the order of the card, each with its term and billing cycle', () => {
    const result = completeOrder(
      [line('m365-business-premium', 3)],
      [
        { offerId: 'o365-e3', quantity: '10', term: 'P3Y', billingCycle: 'annual' },
        { offerId: 'azure-plan', quantity: '', term: 'P1M', billingCycle: 'monthly' },
        { offerId: 'teams-phone-standard', quantity: ' 5 ', term: 'P1M', billingCycle: 'monthly' },
      ],
      context,
    );
    expect(result).toEqual({
      ok: true,
      value: {
        lines: [
          line('m365-business-premium', 3),
          { offerId: 'o365-e3', quantity: 10, term: 'P3Y', billingCycle: 'annual' },
          { offerId: 'teams-phone-standard', quantity: 5, term: 'P1M', billingCycle: 'monthly' },
        ],
      },
    });
  });

  it('applies a change typed for a line in its place', () => {
    const result = completeOrder(
      [line('o365-e3', 3), line('teams-phone-standard', 2)],
      [{ offerId: 'o365-e3', quantity: '40', term: 'P3Y', billingCycle: 'triennial' }],
      context,
    );
    expect(result).toEqual({
      ok: true,
      value: {
        lines: [
          { offerId: 'o365-e3', quantity: 40, term: 'P3Y', billingCycle: 'triennial' },
          line('teams-phone-standard', 2),
        ],
      },
    });
  });

  it('refuses a line changed to no licences rather than dropping it', () => {
    const result = completeOrder([line('o365-e3', 3)], [{ offerId: 'o365-e3', quantity: '0' }], context);
    expect(!result.ok && result.errors.map(({ field, key }) => [field, key])).toEqual([
      ['offers.o365-e3.quantity', 'order.quantity.outOfRange'],
    ]);
  });

  it('takes the default term and billing cycle where the card has none', () => {
    const result = completeOrder([], [{ offerId: 'o365-e3', quantity: '3' }], context);
    expect(result).toEqual({ ok: true, value: { lines: [line('o365-e3', 3)] } });
  });

  it('ignores everything about an offer without a licence count, even values it would refuse', () => {
    const result = completeOrder(
      [line('o365-e3', 1)],
      [
        { offerId: 'azure-plan', quantity: '0', term: 'P3Y', billingCycle: 'triennial' },
        { offerId: 'dynamics-365-sales-enterprise', term: 'nonsense' },
        { offerId: 'not-in-catalogue', quantity: '' },
      ],
      { ...context, country: 'IN' },
    );
    expect(result.ok).toBe(true);
  });

  it('reports each problem at the path of the input it concerns', () => {
    const result = completeOrder(
      [],
      [
        { offerId: 'm365-business-premium', quantity: '500', term: 'P3Y', billingCycle: 'triennial' },
        { offerId: 'o365-e3', quantity: 'ten', term: 'P1Y', billingCycle: 'triennial' },
        { offerId: 'azure-plan', quantity: '2' },
      ],
      context,
    );
    expect(!result.ok && result.errors.map(({ field, key }) => [field, key])).toEqual([
      ['offers.m365-business-premium.quantity', 'order.quantity.outOfRange'],
      ['offers.m365-business-premium.term', 'order.term.notOffered'],
      ['offers.m365-business-premium.billingCycle', 'order.billingCycle.notOffered'],
      ['offers.o365-e3.quantity', 'order.quantity.notWhole'],
      ['offers.o365-e3.billingCycle', 'order.billingCycle.longerThanTerm'],
      ['offers.azure-plan.quantity', 'order.quantity.exactly'],
    ]);
  });

  it('reports problems of the offer itself at offers.<offerId>', () => {
    const result = completeOrder(
      [line('dynamics-365-sales-enterprise', 4), line('teams-phone-standard', 2)],
      [{ offerId: 'visio-plan-9', quantity: '1' }],
      { ...context, country: 'IN', countryName: 'India' },
    );
    expect(!result.ok && result.errors.map((error) => [error.field, error.key, english(error)])).toEqual([
      [
        'offers.dynamics-365-sales-enterprise',
        'order.offer.notSoldInCountry',
        'Dynamics 365 Sales Enterprise is not sold in India. Remove it from the order or choose another offer.',
      ],
      [
        'offers.teams-phone-standard',
        'order.addOn.baseMissing',
        'Teams Phone Standard is an add-on and needs one of these in the order: Microsoft 365 Business Premium or Office 365 E3. Add one of them, or remove Teams Phone Standard.',
      ],
      [
        'offers.visio-plan-9',
        'order.offer.unknown',
        'There is no offer "visio-plan-9" in the catalogue. Choose an offer from the list.',
      ],
    ]);
  });

  it('takes an add-on added before its base once the base is there', () => {
    const addOnFirst = [line('teams-phone-standard', 2), line('o365-e3', 2)];
    expect(completeOrder(addOnFirst, [], context)).toEqual({ ok: true, value: { lines: addOnFirst } });
  });

  it('counts an owned base offer for an add-on', () => {
    const result = completeOrder([line('teams-phone-standard', 2)], [], {
      ...context,
      ownedOfferIds: ['o365-e3'],
    });
    expect(result.ok).toBe(true);
  });

  it(`holds at most ${MAX_ORDER_LINES} lines, said at offers`, () => {
    const many = Array.from({ length: MAX_ORDER_LINES + 1 }, (_, index) =>
      testOffer({ id: `offer-${index}`, name: `Offer ${index}` }),
    );
    const lines = many.slice(0, MAX_ORDER_LINES).map((offer) => line(offer.id, 1));
    const full = { ...context, offers: many };
    expect(completeOrder(lines, [], full).ok).toBe(true);
    expect(completeOrder(lines, [{ offerId: `offer-${MAX_ORDER_LINES}`, quantity: '1' }], full)).toEqual({
      ok: false,
      errors: [expect.objectContaining({ field: 'offers', key: 'order.tooManyLines' })],
    });
  });

  it.each([
    ['no lines and nothing typed', []],
    [
      'only zeros and blanks typed',
      [
        { offerId: 'o365-e3', quantity: '0' },
        { offerId: 'azure-plan', quantity: ' ' },
      ],
    ],
  ])('reports an empty order (%s) at offers', (_case, entries) => {
    expect(completeOrder([], entries, context)).toEqual({
      ok: false,
      errors: [expect.objectContaining({ field: 'offers', key: 'order.empty' })],
    });
  });

  describe('while the customer has not accepted the MCA', () => {
    const pending = { ...context, mcaPending: true };

    it('accepts an order with nothing in it, as an empty order', () => {
      expect(completeOrder([], [{ offerId: 'o365-e3', quantity: '0', term: 'P1Y' }], pending)).toEqual({
        ok: true,
        value: { lines: [] },
      });
    });

    it('refuses any line with the one reason, at offers', () => {
      expect(completeOrder([line('o365-e3', 1)], [], pending)).toEqual({
        ok: false,
        errors: [expect.objectContaining({ field: 'offers', key: 'order.mcaPending' })],
      });
    });
  });
});

describe('a line added or changed on the card', () => {
  const order = { ...context, lines: [line('o365-e3', 3)] };

  it('is taken with its term and billing frequency, or their defaults', () => {
    expect(checkEntry({ offerId: 'm365-business-premium', quantity: '25' }, order)).toEqual({
      ok: true,
      value: line('m365-business-premium', 25),
    });
  });

  it('may be an add-on whose base is not in the order yet', () => {
    expect(checkEntry({ offerId: 'teams-phone-standard', quantity: '2' }, { ...context, lines: [] }).ok).toBe(
      true,
    );
  });

  it('is refused at its inputs when its values break the rules', () => {
    const result = checkEntry({ offerId: 'azure-plan', quantity: '2', term: 'P1Y' }, order);
    expect(!result.ok && result.errors.map(({ field, key }) => [field, key])).toEqual([
      ['offers.azure-plan.quantity', 'order.quantity.exactly'],
      ['offers.azure-plan.term', 'order.term.notOffered'],
    ]);
  });

  it.each([
    [
      'not sold in the country',
      'dynamics-365-sales-enterprise',
      { country: 'IN' },
      'order.offer.notSoldInCountry',
    ],
    ['unknown', 'visio-plan-9', {}, 'order.offer.unknown'],
    ['while the MCA is pending', 'o365-e3', { mcaPending: true }, 'order.mcaPending'],
  ] as const)('is refused at the offer when it is %s', (_case, offerId, change, key) => {
    expect(checkEntry({ offerId, quantity: '1' }, { ...order, ...change })).toEqual({
      ok: false,
      errors: [expect.objectContaining({ field: `offers.${offerId}`, key })],
    });
  });

  it(`is refused as a new line in an order of ${MAX_ORDER_LINES}, and taken as a change of one of them`, () => {
    const full = {
      ...context,
      lines: Array.from({ length: MAX_ORDER_LINES }, (_, index) =>
        line(index === 0 ? 'o365-e3' : `offer-${index}`, 1),
      ),
    };
    expect(checkEntry({ offerId: 'm365-business-premium', quantity: '1' }, full)).toEqual({
      ok: false,
      errors: [expect.objectContaining({ field: 'offers.m365-business-premium', key: 'order.tooManyLines' })],
    });
    expect(checkEntry({ offerId: 'o365-e3', quantity: '7' }, full)).toEqual({
      ok: true,
      value: line('o365-e3', 7),
    });
  });
});

describe('what the order still needs', () => {
  it('says at an add-on whose base is missing that it needs one, the short way', () => {
    expect(readable(orderProblems([line('teams-phone-standard', 2)], context))).toEqual([
      expect.objectContaining({
        field: 'offers.teams-phone-standard',
        key: 'order.addOn.needsBase',
        message: 'Needs one of its base offers in the order too.',
      }),
    ]);
  });

  it('says nothing once a base is in the order, before or after the add-on, or owned', () => {
    expect(orderProblems([line('teams-phone-standard', 2), line('o365-e3', 1)], context)).toEqual([]);
    expect(orderProblems([line('o365-e3', 1), line('teams-phone-standard', 2)], context)).toEqual([]);
    expect(
      orderProblems([line('teams-phone-standard', 2)], { ...context, ownedOfferIds: ['o365-e3'] }),
    ).toEqual([]);
  });
});

describe('the card values of order lines', () => {
  const lines = [line('o365-e3', 5), { ...line('azure-plan', 1), term: 'P1M' as const }];

  it('gives each line its quantity, term and billing cycle at their paths, as text', () => {
    expect(orderFormValues({ lines })).toEqual({
      'offers.o365-e3.quantity': '5',
      'offers.o365-e3.term': 'P1Y',
      'offers.o365-e3.billingCycle': 'monthly',
      'offers.azure-plan.quantity': '1',
      'offers.azure-plan.term': 'P1M',
      'offers.azure-plan.billingCycle': 'monthly',
    });
  });

  it('come back as the same lines through the card', () => {
    const entries = lineEntriesFromValues(orderFormValues({ lines }));
    expect(completeOrder(lines, entries, context)).toEqual({ ok: true, value: { lines } });
  });

  it('are nothing for an empty order', () => {
    expect(orderFormValues({ lines: [] })).toEqual({});
  });
});

describe('the entries of flat card values', () => {
  it("keeps the offers' inputs, in the order their offers first appear, and leaves out everything else", () => {
    expect(
      lineEntriesFromValues({
        promptId: 'subscriptions-1',
        action: 'next',
        'offers.o365-e3.quantity': '5',
        'offers.azure-plan.quantity': 1,
        'offers.o365-e3.term': 'P3Y',
        'offers.azure-plan.colour': 'blue',
        'offers.a.b.quantity': '3',
        'offers.o365-e1.billingCycle': { value: 'x' },
      }),
    ).toEqual([
      { offerId: 'o365-e3', quantity: '5', term: 'P3Y' },
      { offerId: 'azure-plan', quantity: '1' },
    ]);
  });

  it('takes "__proto__" as an offer id like any other, not as the prototype', () => {
    const entries = lineEntriesFromValues({ 'offers.__proto__.quantity': '5' });
    expect(entries).toEqual([{ offerId: '__proto__', quantity: '5' }]);
    expect(Object.prototype).not.toHaveProperty('quantity');
  });
});

describe('field paths', () => {
  it('spells the paths of an offer and its inputs', () => {
    expect(offerFieldPath('o365-e3')).toBe('offers.o365-e3');
    expect(offerFieldPath('o365-e3', 'quantity')).toBe('offers.o365-e3.quantity');
    expect(offerFieldPath('o365-e3', 'billingCycle')).toBe('offers.o365-e3.billingCycle');
  });
});
