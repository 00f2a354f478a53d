import { CatalogueStore } from '../../services/catalogue/catalogueStore';
import { loadCatalogue } from '../../services/catalogue/loadCatalogue';
import { containerDefinitions } from '../../services/cosmos/containers';
import { CustomerService } from '../../services/customers/customerService';
import type { CustomerRecord } from '../../services/customers/customerRecord';
import { dutchDraft } from '../fixtures/customerDrafts';
import { agent, startServiceHarness, testPartner, type ServiceHarness } from '../harness/serviceHarness';

/** What "Add it again" gets from the service, on the real store and catalogue. */
let harness: ServiceHarness;
beforeAll(async () => {
  harness = await startServiceHarness();
});
afterAll(async () => {
  await harness.stop();
});

const anna = agent(['salesAgent'], 'agent-anna');

async function submitted(key: string, legalName: string): Promise<CustomerRecord> {
  const outcome = await harness
    .service()
    .submit(dutchDraft({ legalName, domainPrefix: key }), { idempotencyKey: key, agent: anna });
  if (outcome.kind !== 'created') throw new Error(`not submitted: ${outcome.kind}`);
  return outcome.customer;
}

/** A customer submitted by Anna, whose Partner Center section then says `state`. */
async function recordIn(
  state: 'rejected' | 'pending',
  key: string,
  legalName: string,
): Promise<CustomerRecord> {
  const at = new Date().toISOString();
  const record: CustomerRecord = {
    ...(await submitted(key, legalName)),
    partnerCenter: {
      state,
      attempts: 1,
      nextAttemptAt: at,
      tellAgent: {},
      ...(state === 'rejected'
        ? { rejection: { code: '600026', description: 'The address is not valid.', at } }
        : {}),
    },
  };
  await harness.database
    .container(containerDefinitions.customers.id)
    .item(record.id, record.id)
    .replace(record);
  return record;
}

describe('a refused customer, to add again', () => {
  it('is its own agent\'s: the sections, the order and the reason; anyone else gets "not found"', async () => {
    const record = await recordIn('rejected', 'refusedone', 'Refused One B.V.');
    expect(await harness.service().refusedCustomer(record.id, anna)).toMatchObject({
      kind: 'refused',
      legalName: 'Refused One B.V.',
      accountInfo: record.accountInfo,
      mca: record.mca,
      resellerId: null,
      lines: [
        { offerId: 'm365-business-premium', quantity: 25 },
        { offerId: 'teams-phone-standard', quantity: 5 },
      ],
      reason: { code: '600026', description: 'The address is not valid.' },
      leftOut: { offers: [] },
    });
    expect(await harness.service().refusedCustomer(record.id, agent(['salesAgent'], 'agent-bram'))).toEqual({
      kind: 'notFound',
    });
  });

  it('leaves out the offers the catalogue no longer has, naming them', async () => {
    const record = await recordIn('rejected', 'refusedtwo', 'Refused Two B.V.');
    const loaded = await loadCatalogue();
    const catalogue = CatalogueStore.forDatabase(harness.database);
    const offers = loaded.offers.data.offers.filter((offer) => offer.id !== 'teams-phone-standard');
    await catalogue.sync({
      ...loaded,
      offers: {
        ...loaded.offers,
        data: { ...loaded.offers.data, offers },
        contentHash: 'without-teams-phone',
      },
    });
    try {
      const service = new CustomerService({ database: harness.database, catalogue, partner: testPartner });
      const found = await service.refusedCustomer(record.id, anna);
      if (found.kind !== 'refused') throw new Error(found.kind);
      expect(found.lines.map((line) => line.offerId)).toEqual(['m365-business-premium']);
      expect(found.leftOut.offers).toEqual([
        record.subscriptions.find((line) => line.offerId === 'teams-phone-standard')!.offerName,
      ]);
    } finally {
      await catalogue.sync(loaded);
    }
  });

  it('is added again once: after a submit that names it, the answer is that customer', async () => {
    const record = await recordIn('rejected', 'refusedthree', 'Refused Three B.V.');
    const draft = dutchDraft({ legalName: 'Refused Three Corrected B.V.', domainPrefix: 'refusedthreeb' });
    const again = await harness
      .service()
      .submit({ ...draft, addedAgainFrom: record.id }, { idempotencyKey: 'refusedthree-again', agent: anna });
    if (again.kind !== 'created') throw new Error(again.kind);
    expect(again.customer.addedAgainFrom).toBe(record.id);
    expect(await harness.service().refusedCustomer(record.id, anna)).toEqual({
      kind: 'addedAgain',
      legalName: 'Refused Three Corrected B.V.',
    });
  });

  it('says when Partner Center is still creating it, or created it', async () => {
    const pending = await recordIn('pending', 'pendingfour', 'Pending Four B.V.');
    expect(await harness.service().refusedCustomer(pending.id, anna)).toEqual({
      kind: 'pending',
      legalName: 'Pending Four B.V.',
    });
    const created = await submitted('createdfive', 'Created Five B.V.');
    expect(await harness.service().refusedCustomer(created.id, anna)).toEqual({
      kind: 'created',
      legalName: 'Created Five B.V.',
    });
  });
});
