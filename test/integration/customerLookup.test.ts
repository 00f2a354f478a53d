import { containerDefinitions } from '../../services/cosmos/containers';
import { countItems } from '../harness/countItems';
import { ConcurrentUpdateError } from '../../services/customers/customerRepository';
import { agent, startServiceHarness, testPartner, type ServiceHarness } from '../harness/serviceHarness';
import { dutchDraft } from '../fixtures/customerDrafts';

let harness: ServiceHarness;
let contosoId: string;

beforeAll(async () => {
  harness = await startServiceHarness();
  const outcome = await harness.service().submit(dutchDraft(), { idempotencyKey: 'contoso', agent: agent() });
  if (outcome.kind !== 'created') throw new Error(`setup failed: ${outcome.kind}`);
  contosoId = outcome.customer.id;
});
afterAll(async () => harness.stop());

describe('finding an existing customer', () => {
  it('finds it by domain prefix, in any case', async () => {
    const match = await harness
      .service()
      .findExistingCustomer({ domainPrefix: 'Contoso', legalName: 'Other Name B.V.', country: 'NL' });
    expect(match).toMatchObject({
      by: 'domain',
      inProgress: false,
      customer: { id: contosoId, legalName: 'Contoso B.V.' },
    });
    expect(match?.error.message).toBe(
      'A customer with the domain contoso.onmicrosoft.com already exists: Contoso B.V. (Netherlands). Do not add it again: request a relationship with it instead.',
    );
  });

  it.each(['Contoso B.V.', 'contoso bv', 'CONTOSO  BV.', 'Contoso'])(
    'finds it by legal name and country when typed as "%s"',
    async (legalName) => {
      const match = await harness
        .service()
        .findExistingCustomer({ domainPrefix: 'contosonew', legalName, country: 'NL' });
      expect(match).toMatchObject({ by: 'name', customer: { id: contosoId } });
    },
  );

  it('does not match the same name in another country, or another name', async () => {
    const service = harness.service();
    expect(
      await service.findExistingCustomer({
        domainPrefix: 'contosobe',
        legalName: 'Contoso BV',
        country: 'BE',
      }),
    ).toBeUndefined();
    expect(
      await service.findExistingCustomer({
        domainPrefix: 'fabrikamnl',
        legalName: 'Fabrikam B.V.',
        country: 'NL',
      }),
    ).toBeUndefined();
  });

  it('answers "exists" to a submit under another domain with the same legal name, and frees that domain again', async () => {
    const outcome = await harness
      .service()
      .submit(dutchDraft({ legalName: 'CONTOSO  BV.', domainPrefix: 'contosoholding' }), {
        idempotencyKey: 'contoso-again',
        agent: agent(['adminAgent'], 'agent-2'),
      });
    expect(outcome).toMatchObject({ kind: 'exists', match: { by: 'name', customer: { id: contosoId } } });
    expect(await harness.service().checkDomainPrefix('contosoholding')).toEqual({
      status: 'available',
      prefix: 'contosoholding',
    });
  });
});

describe('a relationship request for an existing customer', () => {
  it('records the invitation with its link, and creates nothing else', async () => {
    const customersBefore = await countItems(harness.database, containerDefinitions.customers.id);
    const reservationsBefore = await countItems(harness.database, containerDefinitions.reservations.id);
    const request = await harness
      .service()
      .requestRelationship(contosoId, agent(['salesAgent'], 'agent-rel'));

    expect(request.invitationUrl).toBe(
      `https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId=${testPartner.tenantId}&msppId=0#/BillingAccounts/partner-invitation`,
    );
    expect(request.invitationText).toContain(request.invitationUrl);
    expect(request.invitationText).toContain('Fabrikam Cloud Services');
    expect(request.invitationText).toContain('Contoso B.V.');
    expect(request).toMatchObject({ customerId: contosoId, requestedBy: { agentId: 'agent-rel' } });

    expect(await harness.service().relationshipRequestsFor(contosoId)).toEqual([request]);
    expect(await countItems(harness.database, containerDefinitions.customers.id)).toBe(customersBefore);
    expect(await countItems(harness.database, containerDefinitions.reservations.id)).toBe(reservationsBefore);
  });

  it('names the indirect reseller in the link when an indirect provider asks', async () => {
    const indirect = harness.service({ partner: { ...testPartner, type: 'indirectProvider' } });
    const request = await indirect.requestRelationship(contosoId, agent(), 'litware-consulting');
    expect(new URL(request.invitationUrl).searchParams.get('indirectCSPId')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('checking a domain prefix', () => {
  it('answers available for a free prefix, normalised to lower case', async () => {
    expect(await harness.service().checkDomainPrefix('NorthwindNL')).toEqual({
      status: 'available',
      prefix: 'northwindnl',
    });
  });

  it('explains a full domain typed in and suggests the prefix', async () => {
    const check = await harness.service().checkDomainPrefix('contoso.com');
    expect(check).toMatchObject({
      status: 'invalid',
      error: { key: 'domainPrefix.fullDomain', params: { suggestion: 'contoso' } },
    });
  });

  it('answers taken with free alternatives only', async () => {
    const blocker = await harness
      .service()
      .submit(dutchDraft({ legalName: 'Contoso Cloud B.V.', domainPrefix: 'contoso1' }), {
        idempotencyKey: 'contoso1',
        agent: agent(),
      });
    expect(blocker.kind).toBe('created');
    const check = await harness.service().checkDomainPrefix('contoso');
    expect(check.status).toBe('taken');
    if (check.status !== 'taken') return;
    expect(check.suggestions.length).toBeGreaterThan(0);
    expect(check.suggestions).not.toContain('contoso');
    expect(check.suggestions).not.toContain('contoso1');
    for (const suggestion of check.suggestions) {
      expect(await harness.service().checkDomainPrefix(suggestion)).toMatchObject({ status: 'available' });
    }
    expect(check.error.message).toContain(`"${check.suggestions[0]}"`);
  });
});

describe('reading and changing a customer', () => {
  it('refuses an update based on a stale etag and keeps an audit entry per change', async () => {
    const service = harness.service();
    const stored = await service.getCustomer(contosoId);
    if (!stored) throw new Error('missing');
    const changed = await service.changeStatus(
      contosoId,
      'active',
      stored.etag,
      agent(['adminAgent'], 'agent-verify'),
    );
    expect(changed.customer.status).toBe('active');
    expect(changed.customer.audit.map((entry) => [entry.action, entry.agentId])).toEqual([
      ['created', 'agent-1'],
      ['statusChanged', 'agent-verify'],
    ]);
    await expect(service.changeStatus(contosoId, 'verificationFailed', stored.etag, agent())).rejects.toThrow(
      ConcurrentUpdateError,
    );
    expect((await service.getCustomer(contosoId))?.customer.status).toBe('active');
  });

  it('answers nothing for an unknown id', async () => {
    expect(await harness.service().getCustomer('no-such-customer')).toBeUndefined();
  });

  it('searches by name a page at a time with a continuation token', async () => {
    const service = harness.service();
    for (let index = 0; index < 23; index += 1) {
      const number = String(index).padStart(2, '0');
      const outcome = await service.submit(
        dutchDraft({ legalName: `Wingtip Toys Vestiging ${number} B.V.`, domainPrefix: `wingtip${number}` }),
        { idempotencyKey: `wingtip-${number}`, agent: agent() },
      );
      expect(outcome.kind).toBe('created');
    }
    const names: string[] = [];
    const pageSizes: number[] = [];
    let continuationToken: string | undefined;
    do {
      const page = await service.searchCustomers('wingtip toys', {
        pageSize: 10,
        ...(continuationToken ? { continuationToken } : {}),
      });
      pageSizes.push(page.customers.length);
      names.push(...page.customers.map((customer) => customer.legalName));
      continuationToken = page.continuationToken;
    } while (continuationToken);
    expect(pageSizes).toEqual([10, 10, 3]);
    expect(names).toHaveLength(23);
    expect(new Set(names).size).toBe(23);
    expect(names).toEqual([...names].sort());
    expect((await service.searchCustomers('WINGTIP toys vestiging 07')).customers).toHaveLength(1);
  });
});
