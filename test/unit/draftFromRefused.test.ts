import { draftFromRefused } from '../../dialogs/draft';
import type { RefusedCustomer } from '../../services/customers/customerService';
import { dutchAccountInfo } from '../fixtures/customerDrafts';

type Refused = Extract<RefusedCustomer, { kind: 'refused' }>;

const customerId = '0dafd3b7-2ef8-59d4-96db-32deee5ee904';
const now = new Date('2026-12-01T09:00:00Z');

function refused(overrides: Partial<Refused> = {}): Refused {
  const accountInfo = dutchAccountInfo();
  return {
    kind: 'refused',
    legalName: accountInfo.legalName,
    accountInfo,
    mca: {
      kind: 'attested',
      acceptedOn: '2026-11-20',
      acceptedBy: { firstName: 'Anna', lastName: 'Jansen', email: 'anna.jansen@northwind.nl' },
    },
    resellerId: null,
    lines: [],
    leftOut: { offers: [] },
    ...overrides,
  } as Refused;
}

describe('a new draft from a refused customer', () => {
  it('holds each section as its card shows it, to confirm again, and names the record it came from', () => {
    const draft = draftFromRefused(customerId, refused(), now);
    expect(draft.values.accountInfo).toMatchObject({
      legalName: refused().accountInfo.legalName,
      'address.line1': refused().accountInfo.address.line1,
      'primaryContact.email': refused().accountInfo.primaryContact.email,
    });
    expect(draft.accountInfo).toBeUndefined();
    expect(draft.mca).toBeUndefined();
    expect(draft.order).toBeUndefined();
    expect(draft.trail).toEqual([]);
    expect(draft.addedAgainFrom).toBe(customerId);
    expect(draft.startedAt).toBe(now.toISOString());
  });

  it('never preselects attesting the agreement, and keeps its person and date', () => {
    const { mca } = draftFromRefused(customerId, refused(), now).values;
    expect(mca.kind).toBeUndefined();
    expect(mca).toMatchObject({ acceptedOn: '2026-11-20', 'acceptedBy.email': 'anna.jansen@northwind.nl' });
    const byCustomer = draftFromRefused(customerId, refused({ mca: { kind: 'customerWillAccept' } }), now);
    expect(byCustomer.values.mca).toEqual({ kind: 'customerWillAccept' });
  });

  it('leaves the reseller unchosen when it no longer holds, and keeps "none" for a direct customer', () => {
    expect(draftFromRefused(customerId, refused({ resellerId: 'reseller-1' }), now).resellerId).toBe(
      'reseller-1',
    );
    expect(draftFromRefused(customerId, refused({ resellerId: null }), now).resellerId).toBeNull();
    const gone = refused();
    delete gone.resellerId;
    expect(draftFromRefused(customerId, gone, now).resellerId).toBeUndefined();
  });

  it('gives each draft its own idempotency key, so its submit writes a new record', () => {
    const first = draftFromRefused(customerId, refused(), now);
    const second = draftFromRefused(customerId, refused(), now);
    expect(first.idempotencyKey).not.toBe(second.idempotencyKey);
  });
});
