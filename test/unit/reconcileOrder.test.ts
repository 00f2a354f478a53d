import { english, readable } from '../harness/englishText';
import { testOffer } from '../fixtures/offers';
import type { OrderContext } from '../../services/catalogue/orderRules';
import { reconcileOrder } from '../../services/catalogue/reconcileOrder';
import type { Offer, Order } from '../../services/catalogue/schemas';

const offers: Offer[] = [
  testOffer({ id: 'm365-business-premium', name: 'Microsoft 365 Business Premium' }),
  testOffer({
    id: 'o365-e3',
    name: 'Office 365 E3',
    maxQuantity: 5000,
    terms: ['P1M', 'P1Y', 'P3Y'],
    billingCycles: ['monthly', 'annual', 'triennial'],
  }),
  testOffer({
    id: 'dynamics-365-sales-enterprise',
    name: 'Dynamics 365 Sales Enterprise',
    productFamily: 'Dynamics 365',
    countries: ['US', 'NL'],
  }),
  testOffer({
    id: 'dynamics-365-customer-service-enterprise',
    name: 'Dynamics 365 Customer Service Enterprise',
    productFamily: 'Dynamics 365',
    countries: ['US', 'NL'],
  }),
  testOffer({
    id: 'dynamics-365-team-members',
    name: 'Dynamics 365 Team Members',
    productFamily: 'Dynamics 365',
    isAddOn: true,
    prerequisiteOfferIds: ['dynamics-365-sales-enterprise', 'dynamics-365-customer-service-enterprise'],
  }),
  testOffer({
    id: 'teams-phone-standard',
    name: 'Teams Phone Standard',
    isAddOn: true,
    prerequisiteOfferIds: ['m365-business-premium', 'o365-e3'],
  }),
];

const dutch: OrderContext = { offers, country: 'NL', countryName: 'Netherlands', mcaPending: false };

const order: Order = {
  lines: [
    { offerId: 'o365-e3', quantity: 40, term: 'P3Y', billingCycle: 'annual' },
    { offerId: 'dynamics-365-sales-enterprise', quantity: 4, term: 'P1M', billingCycle: 'monthly' },
    { offerId: 'dynamics-365-team-members', quantity: 12, term: 'P1Y', billingCycle: 'annual' },
    { offerId: 'teams-phone-standard', quantity: 5, term: 'P1Y', billingCycle: 'monthly' },
  ],
};

describe('reconciling an order with a new context', () => {
  it('keeps every line, exactly as it was, when all are still valid', () => {
    expect(reconcileOrder(order, { ...dutch, country: 'US', countryName: 'United States' })).toEqual({
      order,
      removed: [],
    });
  });

  it('removes an offer not sold in the new country, and the add-on whose only base that was', () => {
    const result = reconcileOrder(order, { ...dutch, country: 'IN', countryName: 'India' });
    expect(result.order).toEqual({ lines: [order.lines[0], order.lines[3]] });
    expect(readable(result.removed)).toEqual([
      {
        offerId: 'dynamics-365-sales-enterprise',
        offerName: 'Dynamics 365 Sales Enterprise',
        reason: expect.objectContaining({
          field: 'offers.dynamics-365-sales-enterprise',
          key: 'order.removed.notSoldInCountry',
          message: 'Dynamics 365 Sales Enterprise was removed from the order: it is not sold in India.',
        }),
      },
      {
        offerId: 'dynamics-365-team-members',
        offerName: 'Dynamics 365 Team Members',
        reason: expect.objectContaining({
          field: 'offers.dynamics-365-team-members',
          key: 'order.removed.baseRemoved',
          message:
            'Dynamics 365 Team Members was removed from the order: it is an add-on, and its base offer was removed (Dynamics 365 Sales Enterprise).',
        }),
      },
    ]);
  });

  it('keeps an add-on whose base goes when another of its bases stays', () => {
    const both: Order = {
      lines: [
        { offerId: 'dynamics-365-sales-enterprise', quantity: 4, term: 'P1Y', billingCycle: 'monthly' },
        { offerId: 'dynamics-365-team-members', quantity: 2, term: 'P1Y', billingCycle: 'monthly' },
        { offerId: 'o365-e3', quantity: 1, term: 'P1Y', billingCycle: 'monthly' },
      ],
    };
    const shrunk = offers.map((o) =>
      o.id === 'dynamics-365-sales-enterprise' ? { ...o, countries: ['US'] } : o,
    );
    const withCustomerService: Order = {
      lines: [
        ...both.lines,
        {
          offerId: 'dynamics-365-customer-service-enterprise',
          quantity: 1,
          term: 'P1Y',
          billingCycle: 'monthly',
        },
      ],
    };
    const result = reconcileOrder(withCustomerService, { ...dutch, offers: shrunk });
    expect(result.removed.map((entry) => entry.offerId)).toEqual(['dynamics-365-sales-enterprise']);
    expect(result.order.lines.map((line) => line.offerId)).toEqual([
      'dynamics-365-team-members',
      'o365-e3',
      'dynamics-365-customer-service-enterprise',
    ]);
  });

  it('keeps an add-on whose base the customer owns', () => {
    const result = reconcileOrder(order, {
      ...dutch,
      country: 'IN',
      ownedOfferIds: ['dynamics-365-customer-service-enterprise'],
    });
    expect(result.removed.map((entry) => entry.offerId)).toEqual(['dynamics-365-sales-enterprise']);
  });

  it('names every base that was removed', () => {
    const twoBases: Order = {
      lines: [
        { offerId: 'dynamics-365-sales-enterprise', quantity: 1, term: 'P1Y', billingCycle: 'monthly' },
        {
          offerId: 'dynamics-365-customer-service-enterprise',
          quantity: 1,
          term: 'P1Y',
          billingCycle: 'monthly',
        },
        { offerId: 'dynamics-365-team-members', quantity: 1, term: 'P1Y', billingCycle: 'monthly' },
      ],
    };
    const result = reconcileOrder(twoBases, { ...dutch, country: 'BR', countryName: 'Brazil' });
    expect(result.order.lines).toEqual([]);
    expect(english(result.removed[2]!.reason)).toBe(
      'Dynamics 365 Team Members was removed from the order: it is an add-on, and its base offer was removed (Dynamics 365 Sales Enterprise and Dynamics 365 Customer Service Enterprise).',
    );
  });

  it('removes an add-on that never had its base in the order once its owned base is gone', () => {
    const addOnOnly: Order = {
      lines: [{ offerId: 'teams-phone-standard', quantity: 3, term: 'P1Y', billingCycle: 'monthly' }],
    };
    const result = reconcileOrder(addOnOnly, dutch);
    expect(result.removed).toEqual([
      expect.objectContaining({
        offerId: 'teams-phone-standard',
        reason: expect.objectContaining({
          field: 'offers.teams-phone-standard',
          key: 'order.removed.baseMissing',
        }),
      }),
    ]);
  });

  it('removes every line when the customer has not accepted the MCA, saying nothing can be ordered', () => {
    const result = reconcileOrder(order, { ...dutch, mcaPending: true });
    expect(result.order).toEqual({ lines: [] });
    expect(result.removed.map((entry) => [entry.offerId, entry.reason.field, entry.reason.key])).toEqual([
      ['o365-e3', 'offers.o365-e3', 'order.removed.mcaPending'],
      ['dynamics-365-sales-enterprise', 'offers.dynamics-365-sales-enterprise', 'order.removed.mcaPending'],
      ['dynamics-365-team-members', 'offers.dynamics-365-team-members', 'order.removed.mcaPending'],
      ['teams-phone-standard', 'offers.teams-phone-standard', 'order.removed.mcaPending'],
    ]);
    expect(english(result.removed[0]!.reason)).toBe(
      'Office 365 E3 was removed from the order: nothing can be ordered until the customer accepts the Microsoft Customer Agreement in the Microsoft 365 admin center.',
    );
  });

  it('removes a line the catalogue no longer allows, with the reason at its input', () => {
    const smaller = offers.map((o) => (o.id === 'o365-e3' ? { ...o, maxQuantity: 10 } : o));
    const result = reconcileOrder(order, { ...dutch, offers: smaller });
    expect(result.removed).toEqual([
      expect.objectContaining({
        offerId: 'o365-e3',
        reason: expect.objectContaining({
          field: 'offers.o365-e3.quantity',
          key: 'order.quantity.outOfRange',
        }),
      }),
      // Office 365 E3 was the base of Teams Phone Standard.
      expect.objectContaining({
        offerId: 'teams-phone-standard',
        reason: expect.objectContaining({ key: 'order.removed.baseRemoved' }),
      }),
    ]);
    expect(result.order.lines.map((line) => line.offerId)).toEqual([
      'dynamics-365-sales-enterprise',
      'dynamics-365-team-members',
    ]);
  });

  it('removes an offer that left the catalogue, naming it by id', () => {
    const result = reconcileOrder(order, { ...dutch, offers: offers.filter((o) => o.id !== 'o365-e3') });
    expect(readable(result.removed[0])).toEqual({
      offerId: 'o365-e3',
      offerName: 'o365-e3',
      reason: expect.objectContaining({
        field: 'offers.o365-e3',
        key: 'order.removed.unknown',
        message: 'The offer "o365-e3" was removed from the order: it is no longer in the catalogue.',
      }),
    });
    // Teams Phone Standard had Office 365 E3 as its base.
    expect(result.removed[1]).toMatchObject({ offerId: 'teams-phone-standard' });
  });

  it('gives an empty order nothing to remove', () => {
    expect(reconcileOrder({ lines: [] }, { ...dutch, mcaPending: true })).toEqual({
      order: { lines: [] },
      removed: [],
    });
  });
});
