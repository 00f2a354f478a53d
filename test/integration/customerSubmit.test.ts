import { containerDefinitions } from '../../services/cosmos/containers';
import { countItems } from '../harness/countItems';
import type { SubmitOutcome } from '../../services/customers/customerService';
import { reservationIds } from '../../services/customers/reservationStore';
import { agent, startServiceHarness, submissionGate, type ServiceHarness } from '../harness/serviceHarness';
import { dutchAccountInfo, draftWith, dutchDraft } from '../fixtures/customerDrafts';

let harness: ServiceHarness;
beforeAll(async () => {
  harness = await startServiceHarness();
});
afterAll(async () => harness.stop());

describe('submitting a new customer', () => {
  it('creates a record pending verification, with its admin sign-in name, subscriptions and audit trail', async () => {
    const now = new Date('2026-11-23T10:00:00Z');
    const outcome = await harness
      .service({ now: () => now })
      .submit(dutchDraft({ domainPrefix: 'contosonl' }), {
        idempotencyKey: 'key-create',
        agent: agent(['salesAgent'], 'agent-create'),
      });
    expect(outcome.kind).toBe('created');
    if (outcome.kind !== 'created') return;
    const { customer } = outcome;
    expect(customer).toMatchObject({
      status: 'pendingVerification',
      domain: 'contosonl.onmicrosoft.com',
      adminSignInName: 'admin@contosonl.onmicrosoft.com',
      accountInfo: { legalName: 'Contoso B.V.', address: { postalCode: '1015 CJ' } },
      reseller: null,
      subscriptions: [
        {
          offerId: 'm365-business-premium',
          offerName: 'Microsoft 365 Business Premium',
          quantity: 25,
          term: 'P1Y',
          billingCycle: 'monthly',
        },
        { offerId: 'teams-phone-standard', quantity: 5, term: 'P1Y' },
      ],
      createdAt: now.toISOString(),
      createdBy: { agentId: 'agent-create', channel: 'test' },
    });
    expect(customer.audit).toEqual([
      expect.objectContaining({
        agentId: 'agent-create',
        channel: 'test',
        at: now.toISOString(),
        action: 'created',
      }),
    ]);
    const stored = await harness.service().getCustomer(customer.id);
    expect(stored?.customer).toEqual(customer);
  });

  it('returns the same record when the same submission is sent again (double click, retry after a timeout)', async () => {
    const service = harness.service();
    const request = { idempotencyKey: 'key-twice', agent: agent() };
    const first = await service.submit(
      dutchDraft({ legalName: 'Twice Foods B.V.', domainPrefix: 'twicefoods' }),
      request,
    );
    const second = await service.submit(
      dutchDraft({ legalName: 'Twice Foods B.V.', domainPrefix: 'twicefoods' }),
      request,
    );
    expect(first).toMatchObject({ kind: 'created', replayed: false });
    expect(second).toMatchObject({ kind: 'created', replayed: true });
    expect(second.kind === 'created' && first.kind === 'created' && second.customer.id).toBe(
      first.kind === 'created' && first.customer.id,
    );
    expect(
      await countItems(harness.database, containerDefinitions.customers.id, 'c.domain = @d', [
        { name: '@d', value: 'twicefoods.onmicrosoft.com' },
      ]),
    ).toBe(1);
    // A submission reserves its domain and its name, nothing else: the record's id follows from it.
    expect(
      await countItems(harness.database, containerDefinitions.reservations.id, 'c.submissionKey = @k', [
        { name: '@k', value: 'key-twice' },
      ]),
    ).toBe(2);
  });

  it('creates exactly one record when 20 agents submit the same domain at once', async () => {
    const service = harness.service();
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        service.submit(dutchDraft({ legalName: 'Racing Bikes B.V.', domainPrefix: 'racingbikes' }), {
          idempotencyKey: `race-${index}`,
          agent: agent(['salesAgent'], `agent-${index}`),
        }),
      ),
    );
    const created = outcomes.filter((outcome) => outcome.kind === 'created');
    expect(created).toHaveLength(1);
    const createdId = created[0]?.kind === 'created' ? created[0].customer.id : '';
    const others = outcomes.filter((outcome) => outcome.kind !== 'created');
    expect(others).toHaveLength(19);
    for (const outcome of others) expectSameCustomerAnswer(outcome, createdId);
    expect(
      await countItems(harness.database, containerDefinitions.customers.id, 'c.domain = @d', [
        { name: '@d', value: 'racingbikes.onmicrosoft.com' },
      ]),
    ).toBe(1);
  });

  it('answers a second agent submitting the same customer: in progress while the first is written, then its own customer', async () => {
    const gate = submissionGate();
    const draft = dutchDraft({ legalName: 'Tailwind Traders B.V.', domainPrefix: 'tailwind' });
    const first = harness
      .service({ afterReservations: gate.hook })
      .submit(draft, { idempotencyKey: 'tailwind-1', agent: agent(['salesAgent'], 'agent-first') });
    await gate.reached;
    let duringFirst: SubmitOutcome;
    try {
      duringFirst = await harness
        .service()
        .submit(draft, { idempotencyKey: 'tailwind-2', agent: agent(['salesAgent'], 'agent-second') });
    } finally {
      gate.open();
    }
    expect(duringFirst).toMatchObject({
      kind: 'invalid',
      errors: [{ field: 'accountInfo.legalName', key: 'customer.inProgress.name' }],
    });
    const created = await first;
    expect(created.kind).toBe('created');
    if (created.kind !== 'created') return;

    const afterFirst = await harness
      .service()
      .submit(draft, { idempotencyKey: 'tailwind-2', agent: agent(['salesAgent'], 'agent-second') });
    expect(afterFirst).toEqual({
      kind: 'ownCustomer',
      customer: {
        id: created.customer.id,
        legalName: 'Tailwind Traders B.V.',
        country: 'NL',
        domain: 'tailwind.onmicrosoft.com',
        status: 'pendingVerification',
        createdAt: created.customer.createdAt,
        createdBy: { id: 'agent-first', name: 'Agent agent-first' },
        by: 'domainAndName',
      },
    });
    expect(
      await countItems(harness.database, containerDefinitions.customers.id, 'c.domain = @d', [
        { name: '@d', value: 'tailwind.onmicrosoft.com' },
      ]),
    ).toBe(1);
  });

  it('creates one record when two agents submit the same customer at the same moment', async () => {
    const service = harness.service();
    const draft = dutchDraft({ legalName: 'Proseware Inc.', domainPrefix: 'proseware' });
    const outcomes = await Promise.all(
      ['proseware-a', 'proseware-b'].map((idempotencyKey, index) =>
        service.submit(draft, { idempotencyKey, agent: agent(['salesAgent'], `agent-${index}`) }),
      ),
    );
    const created = outcomes.filter((outcome) => outcome.kind === 'created');
    expect(created).toHaveLength(1);
    const other = outcomes.find((outcome) => outcome.kind !== 'created');
    expectSameCustomerAnswer(other!, created[0]?.kind === 'created' ? created[0].customer.id : '');
  });

  it('lets the retry with the same key complete after a failure between reservation and record', async () => {
    const failing = harness.service({
      afterReservations: async () => {
        throw new Error('connection lost');
      },
    });
    const draft = dutchDraft({ legalName: 'Half Way Logistics B.V.', domainPrefix: 'halfway' });
    const request = { idempotencyKey: 'key-halfway', agent: agent() };
    await expect(failing.submit(draft, request)).rejects.toThrow('connection lost');
    expect(
      await countItems(harness.database, containerDefinitions.customers.id, 'c.domain = @d', [
        { name: '@d', value: 'halfway.onmicrosoft.com' },
      ]),
    ).toBe(0);

    const retry = await harness.service().submit(draft, request);
    expect(retry).toMatchObject({ kind: 'created', customer: { domain: 'halfway.onmicrosoft.com' } });
    expect(
      await countItems(harness.database, containerDefinitions.customers.id, 'c.domain = @d', [
        { name: '@d', value: 'halfway.onmicrosoft.com' },
      ]),
    ).toBe(1);
  });

  it('does not let an abandoned submission block the domain forever', async () => {
    let clock = new Date('2026-11-23T09:00:00Z');
    const options = { now: () => clock, pendingReservationMs: 10 * 60 * 1000 };
    const draft = dutchDraft({ legalName: 'Abandoned Trading B.V.', domainPrefix: 'abandoned' });
    const failing = harness.service({
      ...options,
      afterReservations: async () => {
        throw new Error('timeout');
      },
    });
    await expect(
      failing.submit(draft, { idempotencyKey: 'key-abandoned-1', agent: agent() }),
    ).rejects.toThrow();

    const meanwhile = await harness
      .service(options)
      .submit(draft, { idempotencyKey: 'key-other', agent: agent() });
    expect(meanwhile).toMatchObject({
      kind: 'invalid',
      errors: [{ field: 'accountInfo.legalName', key: 'customer.inProgress.name' }],
    });
    expect(await harness.service(options).checkDomainPrefix('abandoned')).toMatchObject({ status: 'taken' });

    clock = new Date('2026-11-23T09:11:00Z');
    expect(await harness.service(options).checkDomainPrefix('abandoned')).toEqual({
      status: 'available',
      prefix: 'abandoned',
    });
    const later = await harness
      .service(options)
      .submit(draft, { idempotencyKey: 'key-other', agent: agent() });
    expect(later).toMatchObject({ kind: 'created', customer: { domain: 'abandoned.onmicrosoft.com' } });
    expect(
      await countItems(harness.database, containerDefinitions.customers.id, 'c.domain = @d', [
        { name: '@d', value: 'abandoned.onmicrosoft.com' },
      ]),
    ).toBe(1);
  });

  it('refuses an agent without a role that may add customers, and creates nothing', async () => {
    const outcome = await harness.service().submit(dutchDraft({ domainPrefix: 'managersonly' }), {
      idempotencyKey: 'key-manager',
      agent: agent(['manager']),
    });
    expect(outcome).toMatchObject({ kind: 'notAllowed', error: { key: 'roles.addCustomer.notAllowed' } });
    expect(
      await countItems(harness.database, containerDefinitions.customers.id, 'c.domain = @d', [
        { name: '@d', value: 'managersonly.onmicrosoft.com' },
      ]),
    ).toBe(0);
  });

  it('checks every section again and names each problem with its section', async () => {
    const draft = dutchDraft({ legalName: 'KPMG', domainPrefix: 'kpmg.com' });
    draft.mca = {
      kind: 'attested',
      acceptedBy: { firstName: 'Jan', lastName: 'de Vries', email: 'jan@contoso.nl' },
      acceptedOn: '2027-01-01',
    };
    const outcome = await harness.service({ now: () => new Date('2026-11-23T12:00:00Z') }).submit(draft, {
      idempotencyKey: 'key-invalid',
      agent: agent(),
    });
    expect(outcome.kind).toBe('invalid');
    if (outcome.kind !== 'invalid') return;
    expect(outcome.errors.map((error) => [error.field, error.key])).toEqual([
      ['accountInfo.legalName', 'legalName.acronym'],
      ['accountInfo.domainPrefix', 'domainPrefix.fullDomain'],
      // This agent's UTC offset is unknown, so the message names no "today".
      ['mca.acceptedOn', 'mca.acceptedOn.futureAnywhere'],
    ]);
  });

  it('refuses an order while the customer has still to accept the MCA', async () => {
    const draft = dutchDraft({ legalName: 'Waiting Room B.V.', domainPrefix: 'waitingroom' });
    draft.mca = { kind: 'customerWillAccept' };
    const outcome = await harness.service().submit(draft, { idempotencyKey: 'key-wait', agent: agent() });
    expect(outcome).toMatchObject({
      kind: 'invalid',
      errors: [{ field: 'order.lines', key: 'order.mcaPending' }],
    });

    const withoutOrder = await harness
      .service()
      .submit({ ...draft, order: { lines: [] } }, { idempotencyKey: 'key-wait', agent: agent() });
    expect(withoutOrder).toMatchObject({
      kind: 'created',
      customer: { mca: { kind: 'customerWillAccept' }, subscriptions: [] },
    });
  });

  it('refuses an add-on without its base offer', async () => {
    const draft = dutchDraft({ legalName: 'Lonely Addon B.V.', domainPrefix: 'lonelyaddon' });
    draft.order = { lines: [{ offerId: 'teams-phone-standard', quantity: 3 }] };
    const outcome = await harness.service().submit(draft, { idempotencyKey: 'key-addon', agent: agent() });
    expect(outcome).toMatchObject({
      kind: 'invalid',
      errors: [{ field: 'order.lines.0.offerId', key: 'order.addOn.baseMissing' }],
    });
  });

  it('refuses a reseller for a direct partner, and an inactive one or one not serving the country for an indirect provider', async () => {
    const draft = { ...dutchDraft({ legalName: 'Reseller Test Case B.V.', domainPrefix: 'resellercase' }) };
    const direct = await harness
      .service()
      .submit({ ...draft, resellerId: 'litware-consulting' }, { idempotencyKey: 'r1', agent: agent() });
    expect(direct).toMatchObject({
      kind: 'invalid',
      errors: [{ field: 'reseller.resellerId', key: 'reseller.notForDirectPartner' }],
    });

    const indirect = harness.service({ partner: { ...harness.service().partner, type: 'indirectProvider' } });
    const inactive = await indirect.submit(
      { ...draft, resellerId: 'tailspin-toys-digital' },
      { idempotencyKey: 'r2', agent: agent() },
    );
    expect(inactive).toMatchObject({ kind: 'invalid', errors: [{ key: 'reseller.inactive' }] });

    const elsewhere = await indirect.submit(
      { ...draft, resellerId: 'litware-consulting' },
      { idempotencyKey: 'r3', agent: agent() },
    );
    expect(elsewhere).toMatchObject({
      kind: 'invalid',
      errors: [{ field: 'reseller.resellerId', key: 'reseller.notInCountry' }],
    });

    const active = await indirect.submit(
      { ...draft, resellerId: 'adventure-works-cloud-partners' },
      { idempotencyKey: 'r4', agent: agent() },
    );
    expect(active).toMatchObject({
      kind: 'created',
      customer: { reseller: { id: 'adventure-works-cloud-partners', mpnId: '6021978' } },
    });
  });
});

describe('submitting names and addresses with look-alike or hidden characters', () => {
  async function reservationExists(id: string): Promise<boolean> {
    const { resource } = await harness.database
      .container(containerDefinitions.reservations.id)
      .item(id, id)
      .read();
    return resource !== undefined;
  }

  const customersNamed = (nameKey: string) =>
    countItems(harness.database, containerDefinitions.customers.id, 'c.nameKey = @k', [
      { name: '@k', value: nameKey },
    ]);

  it("answers a look-alike of an existing customer's legal name with that customer, and adds no second one", async () => {
    const service = harness.service();
    const original = await service.submit(
      dutchDraft({ legalName: 'Lookalike Logistics B.V.', domainPrefix: 'lookalike' }),
      { idempotencyKey: 'lookalike-original', agent: agent() },
    );
    expect(original.kind).toBe('created');
    if (original.kind !== 'created') return;

    const spoofs = [
      'L\u043e\u043ekalike Logistics B.V.',
      'Lo\u03bfkalike L\u03bfgistics B.V.',
      'L\u043e\u043eKALIKE LOGISTICS \u0412V',
    ];
    for (const [index, legalName] of spoofs.entries()) {
      const outcome = await service.submit(dutchDraft({ legalName, domainPrefix: `lookalikenl${index}` }), {
        idempotencyKey: `lookalike-spoof-${index}`,
        agent: agent(['salesAgent'], 'agent-spoof'),
      });
      expect(outcome).toMatchObject({
        kind: 'ownCustomer',
        customer: { id: original.customer.id, legalName: 'Lookalike Logistics B.V.', by: 'name' },
      });
      // The prefix this attempt claimed is free again.
      expect(await service.checkDomainPrefix(`lookalikenl${index}`)).toMatchObject({ status: 'available' });
    }
    expect(await customersNamed('lookalike logistics')).toBe(1);
  });

  it('creates one record when two agents submit the same customer at the same moment, one of them with a look-alike', async () => {
    const service = harness.service();
    const outcomes = await Promise.all(
      ['Spoofproof Systems B.V.', 'Sp\u043e\u043efpr\u043e\u043ef Systems B.V.'].map((legalName, index) =>
        service.submit(dutchDraft({ legalName, domainPrefix: `spoofproof${index}` }), {
          idempotencyKey: `spoofproof-${index}`,
          agent: agent(['salesAgent'], `agent-${index}`),
        }),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.kind === 'created')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome.kind !== 'created')).toEqual([
      expect.objectContaining({ kind: expect.stringMatching(/^(ownCustomer|invalid)$/) }),
    ]);
    expect(await customersNamed('spoofproof systems')).toBe(1);
  });

  it('stores the legal name as typed, in NFC, under the key of the name it looks like', async () => {
    const typed = 'C\u043esm\u043es Caf\u00e9 B.V.';
    const outcome = await harness
      .service()
      .submit(dutchDraft({ legalName: typed.normalize('NFD'), domainPrefix: 'cosmoscafe' }), {
        idempotencyKey: 'cosmos-cafe',
        agent: agent(),
      });
    expect(outcome).toMatchObject({
      kind: 'created',
      customer: { accountInfo: { legalName: typed }, nameKey: 'cosmos cafe' },
    });
    expect(await reservationExists(reservationIds.name('NL', 'cosmos cafe'))).toBe(true);

    const plain = await harness
      .service()
      .submit(dutchDraft({ legalName: 'Cosmos Cafe BV', domainPrefix: 'cosmoscafenl' }), {
        idempotencyKey: 'cosmos-cafe-plain',
        agent: agent(),
      });
    expect(plain).toMatchObject({ kind: 'ownCustomer', customer: { legalName: typed, by: 'name' } });
  });

  it('keeps the reservation id of a plain ASCII name exactly as before', async () => {
    const outcome = await harness
      .service()
      .submit(dutchDraft({ legalName: 'Fabrikam Foods B.V.', domainPrefix: 'fabrikamfoods' }), {
        idempotencyKey: 'fabrikam-foods',
        agent: agent(),
      });
    expect(outcome).toMatchObject({ kind: 'created', customer: { nameKey: 'fabrikam foods' } });
    expect(await reservationExists('name:NL:fabrikam foods')).toBe(true);
    expect(await reservationExists('domain:fabrikamfoods')).toBe(true);
  });

  it('refuses control and direction characters in the address and the contacts, and stores and reserves nothing', async () => {
    const accountInfo = dutchAccountInfo({ legalName: 'Hidden Ink B.V.', domainPrefix: 'hiddenink' });
    const draft = draftWith({
      ...accountInfo,
      address: { ...accountInfo.address, line1: 'Keizersgracht\u001b[2J 1', city: 'Amster\u0000dam' },
      primaryContact: { ...accountInfo.primaryContact, lastName: 'de \u202eVries' },
    });
    draft.mca = {
      kind: 'attested',
      acceptedBy: { firstName: 'Jan\u200b', lastName: 'de Vries', email: 'jan.devries@contoso.nl' },
      acceptedOn: '2026-11-20',
    };
    const outcome = await harness.service({ now: () => new Date('2026-11-23T12:00:00Z') }).submit(draft, {
      idempotencyKey: 'hidden-ink',
      agent: agent(),
    });
    expect(outcome.kind).toBe('invalid');
    if (outcome.kind !== 'invalid') return;
    expect(outcome.errors.map((error) => [error.field, error.key])).toEqual([
      ['accountInfo.address.line1', 'text.controlCharacter'],
      ['accountInfo.address.city', 'text.controlCharacter'],
      ['accountInfo.primaryContact.lastName', 'text.directionControl'],
      ['mca.acceptedBy.firstName', 'text.invisibleCharacter'],
    ]);
    expect(
      await countItems(harness.database, containerDefinitions.customers.id, 'c.domain = @d', [
        { name: '@d', value: 'hiddenink.onmicrosoft.com' },
      ]),
    ).toBe(0);
    expect(
      await countItems(harness.database, containerDefinitions.reservations.id, 'c.submissionKey = @k', [
        { name: '@k', value: 'hidden-ink' },
      ]),
    ).toBe(0);
  });
});

/** What an agent who lost the race for the same customer is told: that customer, or that it is under way. */
function expectSameCustomerAnswer(outcome: SubmitOutcome, createdId: string) {
  if (outcome.kind === 'ownCustomer') {
    expect(outcome.customer.id).toBe(createdId);
    expect(['name', 'domainAndName']).toContain(outcome.customer.by);
    return;
  }
  expect(outcome.kind).toBe('invalid');
  if (outcome.kind !== 'invalid') return;
  expect(outcome.errors.length).toBeGreaterThan(0);
  for (const error of outcome.errors) {
    expect(['customer.inProgress.name', 'customer.inProgress.domain']).toContain(error.key);
    expect(error.field).toMatch(/^accountInfo\.(legalName|domainPrefix)$/);
  }
}
