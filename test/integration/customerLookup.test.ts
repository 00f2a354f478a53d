import type { MessageParams } from '../../messages/catalogue';
import { english } from '../harness/englishText';
import { containerDefinitions } from '../../services/cosmos/containers';
import { countItems } from '../harness/countItems';
import { ConcurrentUpdateError } from '../../services/customers/customerRepository';
import type { CustomerService, ExistingCustomer } from '../../services/customers/customerService';
import { reservationIds } from '../../services/customers/reservationStore';
import { agent, startServiceHarness, submissionGate, type ServiceHarness } from '../harness/serviceHarness';
import { belgianAccountInfo, draftWith, dutchAccountInfo, dutchDraft } from '../fixtures/customerDrafts';

let harness: ServiceHarness;
let contosoId: string;
const addedAt = new Date('2026-11-20T09:30:00Z');
const megan = agent(['salesAgent'], 'agent-1', {
  displayName: 'Megan Bowen',
  userPrincipalName: 'megan.bowen@fabrikam.com',
});

beforeAll(async () => {
  harness = await startServiceHarness();
  const outcome = await harness
    .service({ now: () => addedAt })
    .submit(dutchDraft(), { idempotencyKey: 'contoso', agent: megan });
  if (outcome.kind !== 'created') throw new Error(`setup failed: ${outcome.kind}`);
  contosoId = outcome.customer.id;
});
afterAll(async () => harness.stop());

/** Contoso B.V. as the agent is shown it. */
function contoso(by: ExistingCustomer['by']): ExistingCustomer {
  return {
    id: contosoId,
    legalName: 'Contoso B.V.',
    country: 'NL',
    domain: 'contoso.onmicrosoft.com',
    status: 'pendingVerification',
    createdAt: addedAt.toISOString(),
    createdBy: { id: 'agent-1', name: 'Megan Bowen', userPrincipalName: 'megan.bowen@fabrikam.com' },
    by,
  };
}

async function reservationExists(id: string): Promise<boolean> {
  const { resource } = await harness.database
    .container(containerDefinitions.reservations.id)
    .item(id, id)
    .read();
  return resource !== undefined;
}

/** The free alternatives a 'domainPrefix.taken' error names, checked against the store one by one. */
async function expectReallyFree(service: CustomerService, params: MessageParams) {
  const suggestions = String(params.suggestions).split(', ');
  expect(suggestions.length).toBeGreaterThan(0);
  expect(suggestions[0]).toBe(params.suggestion);
  for (const suggestion of suggestions) {
    expect(await service.checkDomainPrefix(suggestion)).toEqual({ status: 'available', prefix: suggestion });
  }
  return suggestions;
}

describe("checking account info against the partner's own customers", () => {
  it.each(['Contoso B.V.', 'contoso bv', 'CONTOSO  BV.', 'Contoso'])(
    'answers the own customer with its record for the same legal name in the same country, typed as "%s"',
    async (legalName) => {
      const check = await harness
        .service()
        .checkAccountInfo(dutchAccountInfo({ legalName, domainPrefix: 'contosonew' }));
      expect(check).toEqual({ kind: 'ownCustomer', customer: contoso('name') });
    },
  );

  it('answers the own customer for the same domain prefix and the same legal name, in any case and country', async () => {
    const service = harness.service();
    expect(
      await service.checkAccountInfo(dutchAccountInfo({ legalName: 'contoso bv', domainPrefix: 'CONTOSO' })),
    ).toEqual({ kind: 'ownCustomer', customer: contoso('domainAndName') });
    expect(
      await service.checkAccountInfo(
        belgianAccountInfo({ legalName: 'Contoso BV', domainPrefix: 'contoso' }),
      ),
    ).toEqual({ kind: 'ownCustomer', customer: contoso('domainAndName') });
  });

  it('answers a prefix taken by another company as a field error with free alternatives, not as an existing customer', async () => {
    const service = harness.service();
    const check = await service.checkAccountInfo(
      dutchAccountInfo({ legalName: 'Contoso Pharma B.V.', domainPrefix: 'Contoso' }),
    );
    expect(check).toMatchObject({
      kind: 'invalid',
      errors: [{ field: 'domainPrefix', key: 'domainPrefix.taken', params: { value: 'contoso' } }],
    });
    if (check.kind !== 'invalid') return;
    expect(check.errors).toHaveLength(1);
    const [taken] = check.errors;
    const suggestions = await expectReallyFree(service, taken!.params);
    expect(suggestions).not.toContain('contoso');
    expect(suggestions[0]).toBe('contosopharma');
    expect(english(taken!)).toBe(
      '"contoso.onmicrosoft.com" is already taken by another organisation. Choose another prefix; these are free: contosopharma, contosopharmabv, contosopharmanl.',
    );

    // The alternative is really free: the other company is added under it.
    const added = await service.submit(
      draftWith(dutchAccountInfo({ legalName: 'Contoso Pharma B.V.', domainPrefix: suggestions[0] })),
      { idempotencyKey: 'pharma', agent: agent() },
    );
    expect(added).toMatchObject({ kind: 'created', customer: { domain: 'contosopharma.onmicrosoft.com' } });
  });

  it.each([
    ['a Cyrillic о', 'C\u043entoso B.V.'],
    ['a Greek ο', 'Cont\u03bfso B.V.'],
    ['Cyrillic С and О in capitals', '\u0421\u041eNTOSO BV'],
    ['an Armenian օ', 'Cont\u0585so'],
    ['fullwidth letters', '\uff23\uff4f\uff4e\uff54\uff4f\uff53\uff4f B.V.'],
  ])(
    'answers the own customer for the same legal name written with %s, which looks the same',
    async (_what, legalName) => {
      const check = await harness
        .service()
        .checkAccountInfo(dutchAccountInfo({ legalName, domainPrefix: 'contosonew' }));
      expect(check).toEqual({ kind: 'ownCustomer', customer: contoso('name') });
    },
  );

  it('answers the own customer for the same domain prefix and a look-alike of its legal name, from another country', async () => {
    expect(
      await harness
        .service()
        .checkAccountInfo(belgianAccountInfo({ legalName: 'C\u043entos\u03bf BV', domainPrefix: 'contoso' })),
    ).toEqual({ kind: 'ownCustomer', customer: contoso('domainAndName') });
  });

  it('refuses a legal name with an invisible character as such, naming the field, before looking anything up', async () => {
    const check = await harness
      .service()
      .checkAccountInfo(dutchAccountInfo({ legalName: 'Con\u200btoso B.V.', domainPrefix: 'contosonew' }));
    expect(check).toMatchObject({ kind: 'invalid' });
    if (check.kind !== 'invalid') return;
    expect(check.errors.map((error) => [error.field, error.key])).toEqual([
      ['legalName', 'text.invisibleCharacter'],
    ]);
    expect(english(check.errors[0]!)).toMatch(
      /^Company legal name contains an invisible character \(U\+200B/,
    );
  });

  it('checks the rules first and looks nothing up while one fails', async () => {
    const check = await harness
      .service()
      .checkAccountInfo(dutchAccountInfo({ legalName: 'KPMG', domainPrefix: 'contoso' }));
    expect(check).toMatchObject({ kind: 'invalid' });
    if (check.kind !== 'invalid') return;
    expect(check.errors.map((error) => [error.field, error.key])).toEqual([
      ['legalName', 'legalName.acronym'],
    ]);
  });

  it('answers valid for the same name in another country under another prefix, and for another name', async () => {
    const service = harness.service();
    expect(
      await service.checkAccountInfo(
        belgianAccountInfo({ legalName: 'Contoso BV', domainPrefix: 'contosobe' }),
      ),
    ).toMatchObject({
      kind: 'valid',
      value: { legalName: 'Contoso BV', country: 'BE', domainPrefix: 'contosobe' },
    });
    expect(
      await service.checkAccountInfo(
        dutchAccountInfo({ legalName: 'Fabrikam B.V.', domainPrefix: 'FabrikamNL' }),
      ),
    ).toMatchObject({
      kind: 'valid',
      value: { domainPrefix: 'fabrikamnl', address: { postalCode: '1015 CJ' } },
    });
  });

  it("tells apart another agent's submission of the same customer under way from another company's", async () => {
    const gate = submissionGate();
    const northwind = { legalName: 'Northwind Traders B.V.', domainPrefix: 'northwind' };
    const submitting = harness.service({ afterReservations: gate.hook }).submit(dutchDraft(northwind), {
      idempotencyKey: 'northwind-1',
      agent: agent(['salesAgent'], 'agent-2'),
    });
    await gate.reached;
    try {
      const service = harness.service();
      // The same customer: said once, on the legal name.
      expect(await service.checkAccountInfo(dutchAccountInfo(northwind))).toMatchObject({
        kind: 'invalid',
        errors: [
          {
            field: 'legalName',
            key: 'customer.inProgress.name',
            params: { country: { country: 'NL', inSentence: true } },
          },
        ],
      });
      const sameCheck = await service.checkAccountInfo(dutchAccountInfo(northwind));
      expect(sameCheck.kind === 'invalid' && sameCheck.errors.map((error) => english(error))).toEqual([
        'Another agent is adding a customer with this legal name in the Netherlands right now. Check with your team before you continue.',
      ]);
      // The same customer under another prefix.
      const otherPrefix = await service.checkAccountInfo(
        dutchAccountInfo({ ...northwind, domainPrefix: 'northwindtraders' }),
      );
      expect(otherPrefix).toMatchObject({ kind: 'invalid', errors: [{ key: 'customer.inProgress.name' }] });
      // The same name and prefix in another country: the same customer, being added.
      expect(await service.checkAccountInfo(belgianAccountInfo(northwind))).toMatchObject({
        kind: 'invalid',
        errors: [
          {
            field: 'domainPrefix',
            key: 'customer.inProgress.domain',
            params: { domain: 'northwind.onmicrosoft.com' },
          },
        ],
      });
      // Another company wanting the prefix that is being claimed: taken, with free alternatives.
      const other = await service.checkAccountInfo(
        dutchAccountInfo({ legalName: 'Northwind Logistics B.V.', domainPrefix: 'northwind' }),
      );
      expect(other).toMatchObject({
        kind: 'invalid',
        errors: [{ field: 'domainPrefix', key: 'domainPrefix.taken' }],
      });
      if (other.kind === 'invalid') await expectReallyFree(service, other.errors[0]!.params);
      // The submitting draft itself does not stand in its own way.
      expect(
        await service.checkAccountInfo(dutchAccountInfo(northwind), { idempotencyKey: 'northwind-1' }),
      ).toMatchObject({ kind: 'valid' });
    } finally {
      gate.open();
    }
    const created = await submitting;
    expect(created.kind).toBe('created');
    expect(await harness.service().checkAccountInfo(dutchAccountInfo(northwind))).toMatchObject({
      kind: 'ownCustomer',
      customer: {
        id: created.kind === 'created' ? created.customer.id : '',
        by: 'domainAndName',
        createdBy: { id: 'agent-2', name: 'Agent agent-2' },
      },
    });
  });
});

describe('submitting a customer that exists', () => {
  it('answers the own customer to a submit under another domain with the same legal name, and frees that domain again', async () => {
    const outcome = await harness
      .service()
      .submit(dutchDraft({ legalName: 'CONTOSO  BV.', domainPrefix: 'contosoholding' }), {
        idempotencyKey: 'contoso-again',
        agent: agent(['adminAgent'], 'agent-2'),
      });
    expect(outcome).toEqual({ kind: 'ownCustomer', customer: contoso('name') });
    expect(await harness.service().checkDomainPrefix('contosoholding')).toEqual({
      status: 'available',
      prefix: 'contosoholding',
    });
  });

  it('answers the own customer to a submit with the same domain and legal name from another country', async () => {
    const customersBefore = await countItems(harness.database, containerDefinitions.customers.id);
    const outcome = await harness
      .service()
      .submit(draftWith(belgianAccountInfo({ legalName: 'Contoso', domainPrefix: 'contoso' })), {
        idempotencyKey: 'contoso-be',
        agent: agent(),
      });
    expect(outcome).toEqual({ kind: 'ownCustomer', customer: contoso('domainAndName') });
    expect(await countItems(harness.database, containerDefinitions.customers.id)).toBe(customersBefore);
    expect(await reservationExists(reservationIds.name('BE', 'contoso'))).toBe(false);
  });

  it('refuses a domain held by another company as a field error, keeps nothing reserved, and takes the same draft under another prefix', async () => {
    const service = harness.service();
    const foods = { legalName: 'Contoso Foods B.V.', domainPrefix: 'contoso' };
    const request = { idempotencyKey: 'contoso-foods', agent: agent() };
    const refused = await service.submit(dutchDraft(foods), request);
    expect(refused).toMatchObject({
      kind: 'invalid',
      errors: [
        { field: 'accountInfo.domainPrefix', key: 'domainPrefix.taken', params: { value: 'contoso' } },
      ],
    });
    if (refused.kind !== 'invalid') return;
    expect(refused.errors).toHaveLength(1);
    const suggestions = await expectReallyFree(service, refused.errors[0]!.params);

    // Nothing of this attempt holds a name or a domain; Contoso B.V. keeps its own.
    expect(await reservationExists(reservationIds.name('NL', 'contoso foods'))).toBe(false);
    expect(
      await countItems(
        harness.database,
        containerDefinitions.reservations.id,
        'c.submissionKey = @k AND NOT STARTSWITH(c.id, "submission:")',
        [{ name: '@k', value: 'contoso-foods' }],
      ),
    ).toBe(0);
    expect((await service.getCustomer(contosoId))?.customer.domain).toBe('contoso.onmicrosoft.com');

    const retried = await service.submit(dutchDraft({ ...foods, domainPrefix: suggestions[0] }), request);
    expect(retried).toMatchObject({
      kind: 'created',
      replayed: false,
      customer: {
        accountInfo: { legalName: 'Contoso Foods B.V.' },
        domain: `${suggestions[0]}.onmicrosoft.com`,
      },
    });
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
    expect(english(check.error)).toContain(`these are free: ${check.suggestions.join(', ')}.`);
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
