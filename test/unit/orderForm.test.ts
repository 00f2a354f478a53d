import { ruleTestOffers } from '../fixtures/offers';
import {
  isOrderedQuantity,
  offerFieldPath,
  orderFormFromValues,
  orderFormValues,
  validateOrderForm,
} from '../../services/catalogue/orderForm';
import type { OrderContext } from '../../services/catalogue/orderRules';
import type { Offer } from '../../services/catalogue/schemas';

const offers: Offer[] = ruleTestOffers;

const context: OrderContext = { offers, country: 'NL', mcaPending: false };

describe('is this line ordered', () => {
  it.each([undefined, null, '', '   ', '0', ' 0 ', '00', '+0', '-0', 0])('%p is not ordered', (quantity) => {
    expect(isOrderedQuantity(quantity)).toBe(false);
  });

  it.each(['1', ' 25 ', 'ten', '-3', '2.5', '0.5', 5])('%p is ordered (and its rules apply)', (quantity) => {
    expect(isOrderedQuantity(quantity)).toBe(true);
  });
});

describe('the order form', () => {
  it('orders the offers with a quantity, in the order of the form, each with its term and billing cycle', () => {
    const result = validateOrderForm(
      {
        offers: {
          'o365-e3': { quantity: '10', term: 'P3Y', billingCycle: 'annual' },
          'm365-business-premium': { quantity: '0', term: 'P1Y', billingCycle: 'monthly' },
          'azure-plan': { quantity: '', term: 'P1M', billingCycle: 'monthly' },
          'teams-phone-standard': { quantity: ' 5 ', term: 'P1M', billingCycle: 'monthly' },
        },
      },
      context,
    );
    expect(result).toEqual({
      ok: true,
      value: {
        lines: [
          { offerId: 'o365-e3', quantity: 10, term: 'P3Y', billingCycle: 'annual' },
          { offerId: 'teams-phone-standard', quantity: 5, term: 'P1M', billingCycle: 'monthly' },
        ],
      },
    });
  });

  it('takes the default term and billing cycle where the form has none', () => {
    const result = validateOrderForm({ offers: { 'o365-e3': { quantity: '3' } } }, context);
    expect(result).toEqual({
      ok: true,
      value: { lines: [{ offerId: 'o365-e3', quantity: 3, term: 'P1Y', billingCycle: 'monthly' }] },
    });
  });

  it('ignores everything about an offer that is not ordered, even values it would refuse', () => {
    const result = validateOrderForm(
      {
        offers: {
          'o365-e3': { quantity: '1' },
          'azure-plan': { quantity: '0', term: 'P3Y', billingCycle: 'triennial' },
          'dynamics-365-sales-enterprise': { term: 'nonsense' },
          'not-in-catalogue': { quantity: '' },
        },
      },
      { ...context, country: 'IN' },
    );
    expect(result.ok).toBe(true);
  });

  it('accepts a quantity sent as a number', () => {
    const result = validateOrderForm({ offers: { 'o365-e3': { quantity: 4 } } }, context);
    expect(result.ok && result.value.lines[0]?.quantity).toBe(4);
  });

  it('reports each problem at the path of the input it concerns', () => {
    const result = validateOrderForm(
      {
        offers: {
          'm365-business-premium': { quantity: '500', term: 'P3Y', billingCycle: 'triennial' },
          'o365-e3': { quantity: 'ten', term: 'P1Y', billingCycle: 'triennial' },
          'azure-plan': { quantity: '2' },
        },
      },
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
    const result = validateOrderForm(
      {
        offers: {
          'dynamics-365-sales-enterprise': { quantity: '4' },
          'teams-phone-standard': { quantity: '2' },
          'visio-plan-9': { quantity: '1' },
        },
      },
      { ...context, country: 'IN', countryName: 'India' },
    );
    expect(!result.ok && result.errors.map(({ field, key, message }) => [field, key, message])).toEqual([
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

  it('counts an owned base offer for an add-on', () => {
    const result = validateOrderForm(
      { offers: { 'teams-phone-standard': { quantity: '2' } } },
      { ...context, ownedOfferIds: ['o365-e3'] },
    );
    expect(result.ok).toBe(true);
  });

  it.each([
    ['no offers', { offers: {} }],
    ['only zeros and blanks', { offers: { 'o365-e3': { quantity: '0' }, 'azure-plan': { quantity: ' ' } } }],
    ['no offers key', {}],
    ['no form', undefined],
  ])('reports an empty order (%s) at offers', (_case, form) => {
    expect(validateOrderForm(form, context)).toEqual({
      ok: false,
      errors: [expect.objectContaining({ field: 'offers', key: 'order.empty' })],
    });
  });

  it.each([
    ['offers that are not an object', { offers: 'o365-e3' }],
    ['an offer whose values are not an object', { offers: { 'o365-e3': '5' } }],
    ['a quantity that is not text', { offers: { 'o365-e3': { quantity: { n: 5 } } } }],
  ])('reports a form it cannot read (%s) at offers', (_case, form) => {
    expect(validateOrderForm(form, context)).toEqual({
      ok: false,
      errors: [expect.objectContaining({ field: 'offers', key: 'order.unreadable' })],
    });
  });

  describe('while the customer has not accepted the MCA', () => {
    const pending = { ...context, mcaPending: true };

    it('accepts a form with nothing ordered, as an empty order', () => {
      expect(validateOrderForm({ offers: { 'o365-e3': { quantity: '0', term: 'P1Y' } } }, pending)).toEqual({
        ok: true,
        value: { lines: [] },
      });
    });

    it('refuses any ordered line with the one reason, at offers', () => {
      expect(validateOrderForm({ offers: { 'o365-e3': { quantity: 'ten' } } }, pending)).toEqual({
        ok: false,
        errors: [expect.objectContaining({ field: 'offers', key: 'order.mcaPending' })],
      });
    });
  });
});

describe('the card values of an order', () => {
  const order = {
    lines: [
      { offerId: 'o365-e3', quantity: 5, term: 'P1Y' as const, billingCycle: 'monthly' as const },
      { offerId: 'azure-plan', quantity: 1, term: 'P1M' as const, billingCycle: 'monthly' as const },
    ],
  };

  it('gives each line its quantity, term and billing cycle at their paths, as text', () => {
    expect(orderFormValues(order)).toEqual({
      'offers.o365-e3.quantity': '5',
      'offers.o365-e3.term': 'P1Y',
      'offers.o365-e3.billingCycle': 'monthly',
      'offers.azure-plan.quantity': '1',
      'offers.azure-plan.term': 'P1M',
      'offers.azure-plan.billingCycle': 'monthly',
    });
  });

  it('comes back as the same order through the form', () => {
    const form = orderFormFromValues(orderFormValues(order));
    expect(validateOrderForm(form, context)).toEqual({ ok: true, value: order });
  });

  it('gives nothing for an empty order', () => {
    expect(orderFormValues({ lines: [] })).toEqual({});
  });
});

describe('the form from flat card values', () => {
  it('keeps the offers inputs and leaves out everything else', () => {
    expect(
      orderFormFromValues({
        promptId: 'subscriptions-1',
        action: 'next',
        'offers.o365-e3.quantity': '5',
        'offers.o365-e3.term': 'P3Y',
        'offers.azure-plan.quantity': 1,
        'offers.azure-plan.colour': 'blue',
        'offers.a.b.quantity': '3',
        'offers.o365-e1.billingCycle': { value: 'x' },
      }),
    ).toEqual({
      offers: {
        'o365-e3': { quantity: '5', term: 'P3Y' },
        'azure-plan': { quantity: '1' },
      },
    });
  });

  it('takes "__proto__" as an offer id like any other, not as the prototype', () => {
    const form = orderFormFromValues({ 'offers.__proto__.quantity': '5' });
    expect(Object.getPrototypeOf(form.offers)).toBe(Object.prototype);
    expect(Object.keys(form.offers)).toEqual(['__proto__']);
  });
});

describe('field paths', () => {
  it('spells the paths of an offer and its inputs', () => {
    expect(offerFieldPath('o365-e3')).toBe('offers.o365-e3');
    expect(offerFieldPath('o365-e3', 'quantity')).toBe('offers.o365-e3.quantity');
    expect(offerFieldPath('o365-e3', 'billingCycle')).toBe('offers.o365-e3.billingCycle');
  });
});
