import { randomUUID } from 'node:crypto';
import {
  startLocalPartnerCenter,
  type LocalPartnerCenter,
} from '../../services/partnerCenter/local/localPartnerCenter';
import { agreementOf, newCustomerOf } from '../../services/partnerCenter/newCustomer';
import { dutchAccountInfo, draftWith } from '../fixtures/customerDrafts';
import { agent, startServiceHarness, testPartner, type ServiceHarness } from '../harness/serviceHarness';
import { clientFor, PARTNER_TENANT_ID, TOKEN } from './fixtures';

/** What Partner Center is asked to create, from records the service really wrote. */
let harness: ServiceHarness;
let local: LocalPartnerCenter;
beforeAll(async () => {
  harness = await startServiceHarness();
  local = await startLocalPartnerCenter({ token: TOKEN, partnerTenantId: PARTNER_TENANT_ID });
}, 120_000);
afterAll(async () => {
  await local?.stop();
  await harness?.stop();
});

async function submitted(partnerType: 'direct' | 'indirectProvider', resellerId: string | null) {
  const service = harness.service({
    partner: { ...testPartner, type: partnerType },
    partnerCenter: clientFor(local.endpoint),
  });
  const prefix = `map${randomUUID().slice(0, 8)}`;
  const outcome = await service.submit(
    {
      ...draftWith(dutchAccountInfo({ legalName: `Kaasmakerij ${prefix} B.V.`, domainPrefix: prefix })),
      resellerId,
    },
    { idempotencyKey: randomUUID(), agent: agent() },
  );
  if (outcome.kind !== 'created') throw new Error(`not created: ${JSON.stringify(outcome)}`);
  return outcome.customer;
}

describe('the customer Partner Center is asked to create', () => {
  it('carries the company and billing profile as Partner Center takes them', async () => {
    const record = await submitted('direct', null);
    const customer = newCustomerOf(record);
    expect(customer).toEqual({
      domain: record.domain,
      companyName: record.accountInfo.legalName,
      email: record.accountInfo.primaryContact.email,
      language: 'nl',
      culture: 'nl-NL',
      defaultAddress: {
        country: 'NL',
        addressLine1: record.accountInfo.address.line1,
        city: record.accountInfo.address.city,
        postalCode: '1015 CJ',
        firstName: record.accountInfo.primaryContact.firstName,
        lastName: record.accountInfo.primaryContact.lastName,
        ...(record.accountInfo.primaryContact.phone
          ? { phoneNumber: record.accountInfo.primaryContact.phone }
          : {}),
      },
    });
    expect(customer).not.toHaveProperty('associatedPartnerId');
    // Partner Center takes it: the local one speaks its API.
    const created = await clientFor(local.endpoint).createCustomer(customer, record.submissionKey);
    expect(created.domain).toBe(record.domain);
  });

  it('names an indirect reseller by its tenant id (associatedPartnerId)', async () => {
    const record = await submitted('indirectProvider', 'adventure-works-cloud-partners');
    expect(record.reseller?.tenantId).toBe('0563206b-05e8-45af-9b3d-c5e81c9b6776');
    expect(newCustomerOf(record).associatedPartnerId).toBe('0563206b-05e8-45af-9b3d-c5e81c9b6776');
  });

  it('sends the MCA acceptance the partner attested: the person and the date, with the current template', async () => {
    const record = await submitted('direct', null);
    const template = await clientFor(local.endpoint).currentCustomerAgreement();
    expect(agreementOf(record, template.templateId)).toEqual({
      templateId: template.templateId,
      dateAgreed: '2026-11-20',
      primaryContact: { firstName: 'Jan', lastName: 'de Vries', email: 'jan.devries@contoso.nl' },
    });
    expect(
      agreementOf({ ...record, mca: { kind: 'customerWillAccept' } }, template.templateId),
    ).toBeUndefined();
  });
});
