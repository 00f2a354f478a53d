import type { Database } from '@azure/cosmos';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CatalogueStore } from '../../services/catalogue/catalogueStore';
import { containerDefinitions, ensureContainers } from '../../services/cosmos/containers';
import type { CustomerRecord, PartnerCenterSection } from '../../services/customers/customerRecord';
import {
  CustomerService,
  type AgentContext,
  type CustomerServiceOptions,
  type DraftInput,
} from '../../services/customers/customerService';
import type { DeliveryAddress, DeliveryOrigin } from '../../services/notifications/deliveryAddress';
import {
  CustomerCreation,
  type CreationAnnouncer,
  type CreationLog,
  type CreationNews,
  type CustomerCreationOptions,
} from '../../services/partnerCenter/customerCreation';
import {
  startLocalPartnerCenter,
  type LocalPartnerCenter,
} from '../../services/partnerCenter/local/localPartnerCenter';
import { DOMAIN_TAKEN_CODE, INVALID_PROPERTY_CODE } from '../../services/partnerCenter/local/localRoutes';
import { newCustomerOf } from '../../services/partnerCenter/newCustomer';
import type { PartnerCenterClient } from '../../services/partnerCenter/partnerCenterClient';
import { PendingCreations } from '../../services/partnerCenter/pendingCreations';
import { dutchDraft } from '../fixtures/customerDrafts';
import { startFaultProxy, type FaultProxy } from '../harness/faultProxy';
import { agent, startServiceHarness, testPartner, type ServiceHarness } from '../harness/serviceHarness';
import { clientFor, PARTNER_TENANT_ID, TOKEN, UUID } from './fixtures';

/**
 * The creation worker against real parts: records written by `CustomerService.submit` on the embedded
 * Cosmos DB, the real `PartnerCenterClient`, the fault proxy, and the local Partner Center over HTTP
 * (with a data file, so the tenants it really made can be counted). Only the chat side (the
 * announcer) is a recording object. Each test has a database of its own (the catalogue is shared), so
 * an entry one test leaves pending is never worked by another test's worker; a controllable clock
 * drives the waits, and rounds are `runOnce()` unless the timers themselves are under test.
 */

const START = Date.parse('2026-11-23T12:00:00.000Z');
const FIRST_BACKOFF_MS = 1_000;

class Clock {
  private at = START;
  readonly now = (): Date => new Date(this.at);
  advance(ms: number): void {
    this.at += ms;
  }
  iso(plusMs = 0): string {
    return new Date(this.at + plusMs).toISOString();
  }
}

interface Told {
  record: CustomerRecord;
  news: CreationNews;
}

class RecordingAnnouncer implements CreationAnnouncer {
  readonly told: Told[] = [];
  async tell(record: CustomerRecord, news: CreationNews): Promise<boolean> {
    this.told.push({ record: structuredClone(record), news: structuredClone(news) });
    return true;
  }
  kinds(): CreationNews['kind'][] {
    return this.told.map((entry) => entry.news.kind);
  }
}

class RecordingLog implements CreationLog {
  readonly lines: { level: 'info' | 'warn'; event: string; detail: Record<string, unknown> }[] = [];
  info(event: string, detail: Record<string, unknown>): void {
    this.lines.push({ level: 'info', event, detail });
  }
  warn(event: string, detail: Record<string, unknown>): void {
    this.lines.push({ level: 'warn', event, detail });
  }
}

/** PendingCreations that counts how often the store is asked for due entries. */
class CountingPending extends PendingCreations {
  dueCalls = 0;
  override async due(now: Date) {
    this.dueCalls += 1;
    return super.due(now);
  }
}

let harness: ServiceHarness;
let catalogue: CatalogueStore;
let folder: string;
let count = 0;

beforeAll(async () => {
  harness = await startServiceHarness();
  catalogue = CatalogueStore.forDatabase(harness.database);
  folder = await mkdtemp(path.join(os.tmpdir(), 'customer-creation-'));
}, 120_000);
afterAll(async () => {
  await harness?.stop();
  if (folder) await rm(folder, { recursive: true, force: true });
});

interface Env {
  db: Database;
  clock: Clock;
  local: LocalPartnerCenter;
  dataFile: string;
  proxy: FaultProxy;
  /** The client the workers use: through the fault proxy. */
  client: PartnerCenterClient;
  /** A client straight to the local Partner Center (the test's own look at it). */
  direct: PartnerCenterClient;
  announcer: RecordingAnnouncer;
  log: RecordingLog;
  service(options?: Partial<CustomerServiceOptions>): CustomerService;
  worker(options?: Partial<CustomerCreationOptions>): CustomerCreation;
  pending(): CountingPending;
  submit(
    draft: DraftInput,
    options?: { agent?: AgentContext; service?: CustomerService },
  ): Promise<CustomerRecord>;
  read(id: string): Promise<CustomerRecord>;
  section(id: string): Promise<PartnerCenterSection>;
  /** The stored document as Cosmos DB holds it, as JSON text. */
  raw(id: string): Promise<string>;
  /** Creates that reached the local Partner Center (POST /v1/customers itself). */
  createsReceived(): number;
  /** The tenants the local Partner Center made under a domain (from its data file). */
  tenantsFor(domain: string): Promise<string[]>;
}

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

async function setup(options: { clock?: Clock | 'real' } = {}): Promise<Env> {
  const { database: db } = await harness.access.client.databases.createIfNotExists({
    id: `creation-${randomUUID()}`,
  });
  await ensureContainers(db);
  const dataFile = path.join(folder, `${randomUUID()}.json`);
  const local = await startLocalPartnerCenter({ token: TOKEN, partnerTenantId: PARTNER_TENANT_ID, dataFile });
  cleanups.push(() => local.stop());
  const proxy = await startFaultProxy(local.endpoint);
  cleanups.push(() => proxy.stop());
  const clock = options.clock === 'real' ? undefined : (options.clock ?? new Clock());
  const now = clock ? { now: clock.now } : {};
  const announcer = new RecordingAnnouncer();
  const log = new RecordingLog();
  const client = clientFor(proxy.endpoint, { timeoutMs: 5_000 });
  const direct = clientFor(local.endpoint);
  const container = db.container(containerDefinitions.customers.id);
  const service = (extra: Partial<CustomerServiceOptions> = {}) =>
    new CustomerService({ database: db, catalogue, partner: testPartner, ...now, ...extra });
  const mainService = service({ partnerCenter: client });
  const pending = () => new CountingPending(container);
  const read = async (id: string) => {
    const stored = await mainService.getCustomer(id);
    if (!stored) throw new Error(`No record ${id}`);
    return stored.customer;
  };
  return {
    db,
    clock: clock ?? new Clock(),
    local,
    dataFile,
    proxy,
    client,
    direct,
    announcer,
    log,
    service,
    pending,
    worker: (extra = {}) =>
      new CustomerCreation({
        pending: pending(),
        partnerCenter: client,
        announcer,
        giveBack: (record) => mainService.giveBack(record),
        log,
        backoff: { firstMs: FIRST_BACKOFF_MS, maxMs: 60_000 },
        ...now,
        ...extra,
      }),
    async submit(draft, submitOptions = {}) {
      const outcome = await (submitOptions.service ?? mainService).submit(draft, {
        idempotencyKey: randomUUID(),
        agent: submitOptions.agent ?? agent(['salesAgent'], randomUUID()),
      });
      if (outcome.kind !== 'created') throw new Error(`The submit was ${JSON.stringify(outcome)}`);
      return outcome.customer;
    },
    read,
    async section(id) {
      const record = await read(id);
      if (!record.partnerCenter) throw new Error(`Record ${id} has no Partner Center entry`);
      return record.partnerCenter;
    },
    async raw(id) {
      const { resource } = await container.item(id, id).read();
      return JSON.stringify(resource);
    },
    createsReceived: () =>
      local.requests.count('POST', '/v1/customers') - local.requests.count('POST', '/v1/customers/'),
    async tenantsFor(domain) {
      let text: string;
      try {
        text = await readFile(dataFile, 'utf8');
      } catch {
        return [];
      }
      const state = JSON.parse(text) as { customers: { domain: string; tenantId: string }[] };
      return state.customers.filter((customer) => customer.domain === domain).map((c) => c.tenantId);
    },
  };
}

/** A unique Dutch customer: its legal name and domain prefix are nobody else's in these tests. */
function uniqueDraft(mca: 'attested' | 'customerWillAccept' = 'attested'): DraftInput {
  count += 1;
  const tag = `${Date.now().toString(36)}${count}`;
  const draft = dutchDraft({ legalName: `Northwind ${tag} B.V.`, domainPrefix: `northwindcc${tag}` });
  if (mca === 'customerWillAccept') {
    draft.mca = { kind: 'customerWillAccept' };
    draft.order = { lines: [] };
  }
  return draft;
}

const created = (told: Told) => {
  if (told.news.kind !== 'created') throw new Error(`Told ${told.news.kind}, not created`);
  return told.news.admin;
};

async function until(condition: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a submitted customer is created in Partner Center', () => {
  it('submit writes a pending entry; one round creates it, tells the agent, and stores no password', async () => {
    const e = await setup();
    const { clock, announcer, log, direct } = e;
    const agentId = randomUUID();
    const personalChat: DeliveryAddress = {
      channelId: 'msteams',
      serviceUrl: 'http://127.0.0.1:9/teams/',
      conversationId: `a:personal-${agentId}`,
      tenantId: PARTNER_TENANT_ID,
      botId: '28:bot',
      userId: `29:${agentId}`,
    };
    const origin: DeliveryOrigin = {
      channelId: 'msteams',
      serviceUrl: 'http://127.0.0.1:9/teams/',
      tenantId: PARTNER_TENANT_ID,
      botId: '28:bot',
    };
    const context: AgentContext = {
      ...agent(['salesAgent'], agentId, { channel: 'msteams' }),
      personalChat,
      origin,
      locale: 'nl-NL',
    };
    const draft = uniqueDraft();
    const record = await e.submit(draft, { agent: context });

    expect(record.partnerCenter).toEqual({
      state: 'pending',
      attempts: 0,
      nextAttemptAt: clock.iso(),
      tellAgent: { personalChat, origin, agentObjectId: agentId, locale: 'nl-NL' },
    });
    expect(await e.section(record.id)).toEqual(record.partnerCenter);
    expect(e.proxy.received()).toBe(0);

    await e.worker().runOnce();

    const section = await e.section(record.id);
    expect(section).toMatchObject({
      state: 'created',
      agreement: 'confirmed',
      customerId: expect.stringMatching(UUID),
      tenantId: expect.stringMatching(UUID),
      createdAt: clock.iso(),
      agentToldAt: clock.iso(),
    });
    expect(section.lease).toBeUndefined();
    expect(section.rejection).toBeUndefined();
    expect(await e.tenantsFor(record.domain)).toEqual([section.tenantId]);
    await expect(direct.domainExists(record.domain)).resolves.toBe(true);

    expect(announcer.kinds()).toEqual(['created']);
    const admin = created(announcer.told[0]!);
    expect(admin.userName).toBe(`admin@${record.domain}`);
    expect(admin.password.length).toBeGreaterThanOrEqual(8);
    expect(announcer.told[0]!.record.partnerCenter).toMatchObject({
      customerId: section.customerId,
      tenantId: section.tenantId,
    });

    // The password is in the one message only: not in the record, not anywhere in the database, not logged.
    const stored = await e.raw(record.id);
    expect(stored).toContain(section.customerId!);
    expect(stored).not.toContain(admin.password);
    const { resources: containers } = await e.db.containers.readAll().fetchAll();
    for (const { id } of containers) {
      const { resources } = await e.db.container(id).items.query('SELECT * FROM c').fetchAll();
      expect(JSON.stringify(resources)).not.toContain(admin.password);
    }
    expect(JSON.stringify(log.lines)).not.toContain(admin.password);
  });

  it('posts the MCA acceptance once when the partner attested it, and not at all when the customer will accept', async () => {
    const e = await setup();
    const attested = await e.submit(uniqueDraft('attested'));
    const willAccept = await e.submit(uniqueDraft('customerWillAccept'));
    await e.worker().runOnce();

    const withMca = await e.section(attested.id);
    expect(withMca).toMatchObject({ state: 'created', agreement: 'confirmed' });
    expect(e.local.requests.count('POST', `/v1/customers/${withMca.tenantId}/agreements`)).toBe(1);

    const without = await e.section(willAccept.id);
    expect(without).toMatchObject({
      state: 'created',
      agreement: 'notNeeded',
      customerId: expect.any(String),
    });
    expect(e.local.requests.count('POST', `/v1/customers/${without.tenantId}/agreements`)).toBe(0);
    // One agreement call in all (the attested one), one template look-up.
    expect(e.local.requests.count('POST', '/v1/customers/')).toBe(1);
    expect(e.local.requests.count('GET', '/v1/agreements')).toBe(1);
    expect(e.createsReceived()).toBe(2);
    expect(e.announcer.kinds()).toEqual(['created', 'created']);
  });
});

describe('throttling and outages', () => {
  it('waits the Retry-After of a 429, calls nothing before then, and creates after', async () => {
    const e = await setup();
    const record = await e.submit(uniqueDraft('customerWillAccept'));
    const worker = e.worker();
    e.proxy.plan([{ status: 429, retryAfter: 7 }]);

    await worker.runOnce();
    const throttled = await e.section(record.id);
    expect(throttled).toMatchObject({
      state: 'pending',
      attempts: 1,
      nextAttemptAt: e.clock.iso(7_000),
      lastFailure: { failure: 'throttled', status: 429 },
    });
    expect(throttled.lease).toBeUndefined();
    expect(throttled.customerId).toBeUndefined();
    expect(e.createsReceived()).toBe(0);
    expect(e.announcer.told).toEqual([]);

    const received = e.proxy.received();
    e.clock.advance(6_999);
    await expect(worker.runOnce()).resolves.toEqual(new Date(START + 7_000));
    expect(e.proxy.received()).toBe(received);
    expect((await e.section(record.id)).attempts).toBe(1);

    e.clock.advance(1);
    await worker.runOnce();
    expect(await e.section(record.id)).toMatchObject({ state: 'created', attempts: 1 });
    expect(e.createsReceived()).toBe(1);
    expect(e.announcer.kinds()).toEqual(['created']);
  });

  it('backs off after a 503 by the configured first wait, doubles it after a second, then creates', async () => {
    const e = await setup();
    const record = await e.submit(uniqueDraft('customerWillAccept'));
    const worker = e.worker();
    e.proxy.plan([{ status: 503 }, { status: 503 }]);

    await worker.runOnce();
    expect(await e.section(record.id)).toMatchObject({
      state: 'pending',
      attempts: 1,
      nextAttemptAt: e.clock.iso(FIRST_BACKOFF_MS),
      lastFailure: { failure: 'unavailable', status: 503 },
    });
    e.clock.advance(FIRST_BACKOFF_MS);
    await worker.runOnce();
    expect(await e.section(record.id)).toMatchObject({
      state: 'pending',
      attempts: 2,
      nextAttemptAt: e.clock.iso(2 * FIRST_BACKOFF_MS),
    });
    expect(e.proxy.received()).toBe(2);

    e.clock.advance(2 * FIRST_BACKOFF_MS - 1);
    await worker.runOnce();
    expect(e.proxy.received()).toBe(2);

    e.clock.advance(1);
    await worker.runOnce();
    expect(await e.section(record.id)).toMatchObject({ state: 'created', agreement: 'notNeeded' });
    expect(e.createsReceived()).toBe(1);
    expect(e.announcer.kinds()).toEqual(['created']);
  });

  it('retries only the agreement when it fails after the create: one tenant, one message', async () => {
    const e = await setup();
    const record = await e.submit(uniqueDraft('attested'));
    const worker = e.worker();
    // The create passes; the template look-up is throttled, then the agreement call is down.
    e.proxy.plan(['pass', { status: 429, retryAfter: 3 }]);
    await worker.runOnce();
    const first = await e.section(record.id);
    expect(first).toMatchObject({
      state: 'pending',
      agreement: 'pending',
      customerId: expect.stringMatching(UUID),
      attempts: 1,
      nextAttemptAt: e.clock.iso(3_000),
      lastFailure: { failure: 'throttled', status: 429 },
    });
    expect(e.announcer.kinds()).toEqual(['created']);

    e.clock.advance(3_000);
    e.proxy.plan(['pass', { status: 503 }]);
    await worker.runOnce();
    expect(await e.section(record.id)).toMatchObject({
      state: 'pending',
      agreement: 'pending',
      attempts: 2,
      nextAttemptAt: e.clock.iso(2 * FIRST_BACKOFF_MS),
    });

    e.clock.advance(2 * FIRST_BACKOFF_MS);
    await worker.runOnce();
    const section = await e.section(record.id);
    expect(section).toMatchObject({ state: 'created', agreement: 'confirmed', customerId: first.customerId });
    expect(e.createsReceived()).toBe(1);
    expect(e.local.requests.count('POST', `/v1/customers/${section.tenantId}/agreements`)).toBe(1);
    expect(e.announcer.kinds()).toEqual(['created']);
  });

  it('keeps one tenant when the answer to the create is lost twice, and tells the agent once', async () => {
    const e = await setup();
    const record = await e.submit(uniqueDraft('customerWillAccept'));
    const worker = e.worker();
    e.proxy.plan([{ dropAfterForwarding: true }, { dropAfterForwarding: true }]);

    await worker.runOnce();
    expect(await e.section(record.id)).toMatchObject({
      state: 'pending',
      attempts: 1,
      lastFailure: { failure: 'unavailable' },
    });
    e.clock.advance(FIRST_BACKOFF_MS);
    await worker.runOnce();
    expect(await e.section(record.id)).toMatchObject({ state: 'pending', attempts: 2 });
    expect(e.announcer.told).toEqual([]);
    e.clock.advance(2 * FIRST_BACKOFF_MS);
    await worker.runOnce();

    const section = await e.section(record.id);
    expect(section.state).toBe('created');
    expect(e.createsReceived()).toBe(3);
    expect(e.proxy.forwarded()).toBe(3);
    const tenants = await e.tenantsFor(record.domain);
    expect(tenants).toEqual([section.tenantId]);
    expect(e.announcer.kinds()).toEqual(['created']);
  });
});

describe('Partner Center refuses', () => {
  it('the domain, taken in Partner Center after the submit: rejected with its reason, name and domain free again', async () => {
    const e = await setup();
    const draft = uniqueDraft();
    const record = await e.submit(draft);
    const noPartnerCenter = e.service();
    expect((await noPartnerCenter.checkAccountInfo(draft.accountInfo)).kind).toBe('ownCustomer');

    const other = await e.direct.createCustomer(newCustomerOf(record), `someone-else-${randomUUID()}`);
    await e.worker().runOnce();

    const section = await e.section(record.id);
    expect(section).toMatchObject({
      state: 'rejected',
      rejection: {
        code: DOMAIN_TAKEN_CODE,
        description: expect.stringContaining(`The domain ${record.domain} is already in use`),
        at: e.clock.iso(),
      },
    });
    expect(section.customerId).toBeUndefined();
    expect(section.lease).toBeUndefined();
    expect(e.announcer.kinds()).toEqual(['rejected']);
    expect(e.announcer.told[0]!.record.partnerCenter?.state).toBe('rejected');
    expect(await e.tenantsFor(record.domain)).toEqual([other.tenantId]);
    // Rejected is final: no further call.
    e.clock.advance(60 * 60_000);
    const received = e.proxy.received();
    await expect(e.worker().runOnce()).resolves.toBeUndefined();
    expect(e.proxy.received()).toBe(received);

    const again = await noPartnerCenter.checkAccountInfo(draft.accountInfo);
    expect(again.kind).toBe('valid');
    // A new draft of the same customer goes in (with a service that does not ask Partner Center).
    const retried = await e.submit(draft, { service: noPartnerCenter });
    expect(retried.id).not.toBe(record.id);
  });

  it('a 400 with a Partner Center error body: rejected with its code and description', async () => {
    const e = await setup();
    const draft = uniqueDraft();
    const record = await e.submit(draft);
    const description = 'Invalid property. billingProfile.defaultAddress.postalCode is not valid for NL';
    e.proxy.plan([{ status: 400, body: { code: INVALID_PROPERTY_CODE, description } }]);
    await e.worker().runOnce();

    expect(await e.section(record.id)).toMatchObject({
      state: 'rejected',
      attempts: 0,
      rejection: { code: '3000', description, at: e.clock.iso() },
    });
    expect(e.createsReceived()).toBe(0);
    expect(e.announcer.kinds()).toEqual(['rejected']);
    expect((await e.service().checkAccountInfo(draft.accountInfo)).kind).toBe('valid');
  });

  it('the MCA acceptance: the customer stays created, the agreement refused, and the agent told so', async () => {
    const e = await setup();
    const record = await e.submit(uniqueDraft('attested'));
    const refusal = {
      code: '600061',
      description: 'The agreement acceptance is not valid for this customer.',
    };
    // The create and the template pass; the agreement is refused.
    e.proxy.plan(['pass', 'pass', { status: 400, body: refusal }]);
    await e.worker().runOnce();

    const section = await e.section(record.id);
    expect(section).toMatchObject({
      state: 'created',
      agreement: 'refused',
      customerId: expect.stringMatching(UUID),
      rejection: { ...refusal, at: e.clock.iso() },
    });
    expect(e.proxy.received()).toBe(3);
    expect(e.local.requests.count('POST', `/v1/customers/${section.tenantId}/agreements`)).toBe(0);
    await expect(e.direct.domainExists(record.domain)).resolves.toBe(true);
    expect(e.announcer.kinds()).toEqual(['created', 'agreementRefused']);
    // Nothing more is tried.
    e.clock.advance(60 * 60_000);
    await e.worker().runOnce();
    expect(e.proxy.received()).toBe(3);
  });
});

describe('several workers, restarts and crashes', () => {
  it('two workers running a round at once on the same entry send one create', async () => {
    const e = await setup();
    const record = await e.submit(uniqueDraft('customerWillAccept'));
    const [first, second] = [e.worker(), e.worker()];
    await Promise.all([first.runOnce(), second.runOnce()]);

    expect(await e.section(record.id)).toMatchObject({ state: 'created' });
    expect(e.createsReceived()).toBe(1);
    expect(await e.tenantsFor(record.domain)).toHaveLength(1);
    expect(e.announcer.kinds()).toEqual(['created']);
  });

  it('a worker stopped while Partner Center is down leaves the entry pending; a new worker creates it', async () => {
    const e = await setup();
    e.proxy.plan(Array.from({ length: 20 }, () => ({ status: 503 })));
    const a = e.worker({ backoff: { firstMs: 200, maxMs: 200 } });
    a.start();
    const record = await e.submit(uniqueDraft('customerWillAccept'), {
      service: e.service({ partnerCenter: e.client, onCreationPending: () => a.wake() }),
    });
    await until(async () => (await e.section(record.id)).attempts >= 1);
    await a.stop();

    const left = await e.section(record.id);
    expect(left).toMatchObject({ state: 'pending', lastFailure: { failure: 'unavailable', status: 503 } });
    expect(left.lease).toBeUndefined();
    const received = e.proxy.received();
    await pause(500);
    expect(e.proxy.received()).toBe(received);

    e.proxy.plan([]);
    const b = e.worker();
    e.clock.advance(200);
    await b.runOnce();
    expect(await e.section(record.id)).toMatchObject({ state: 'created', attempts: left.attempts });
    expect(e.createsReceived()).toBe(1);
    expect(e.announcer.kinds()).toEqual(['created']);
  });

  it('after a worker crashed between the create and the record, the next one gets the same customer', async () => {
    const e = await setup();
    const record = await e.submit(uniqueDraft('attested'));
    const leaseMs = 60_000;
    // The crashed worker: it claimed the entry, Partner Center created the customer, then it died.
    const stored = await e.pending().due(e.clock.now());
    expect(stored.map((entry) => entry.customer.id)).toEqual([record.id]);
    await e.pending().replace(
      {
        ...stored[0]!.customer,
        partnerCenter: {
          ...stored[0]!.customer.partnerCenter!,
          lease: { owner: 'crashed-worker', until: e.clock.iso(leaseMs) },
        },
      },
      stored[0]!.etag,
    );
    const first = await e.direct.createCustomer(newCustomerOf(record), record.submissionKey);

    const next = e.worker({ leaseMs });
    await next.runOnce();
    expect(e.proxy.received()).toBe(0);
    expect((await e.section(record.id)).state).toBe('pending');

    e.clock.advance(leaseMs + 1);
    await next.runOnce();
    const section = await e.section(record.id);
    expect(section).toMatchObject({
      state: 'created',
      agreement: 'confirmed',
      customerId: first.id,
      tenantId: first.tenantId,
    });
    expect(await e.tenantsFor(record.domain)).toEqual([first.tenantId]);
    expect(e.createsReceived()).toBe(2);
    expect(e.announcer.kinds()).toEqual(['created']);
    expect(created(e.announcer.told[0]!)).toEqual(first.adminCredentials);
  });
});

describe('the worker on its own timers', () => {
  it('creates a customer a submit wakes it for, and stops leaving nothing running', async () => {
    const e = await setup({ clock: 'real' });
    const worker = e.worker({ pollMs: 60_000 });
    worker.start();
    const service = e.service({ partnerCenter: e.client, onCreationPending: () => worker.wake() });
    const record = await e.submit(uniqueDraft('attested'), { service });
    await until(async () => (await e.section(record.id)).state === 'created');
    expect(await e.section(record.id)).toMatchObject({ agreement: 'confirmed', attempts: 0 });
    expect(e.announcer.kinds()).toEqual(['created']);

    await expect(worker.stop()).resolves.toBeUndefined();
    // A worker that polls often, started and stopped: its timer must be gone too.
    const poller = e.worker({ pollMs: 100 });
    poller.start();
    await pause(50);
    await poller.stop();
    // Stopped: a further submit's wake does nothing, and no timer runs a round.
    const later = await e.submit(uniqueDraft('attested'), { service });
    const received = e.proxy.received();
    await pause(400);
    expect(e.proxy.received()).toBe(received);
    expect((await e.section(later.id)).state).toBe('pending');
  });

  it('stop() lets the round under way finish', async () => {
    const e = await setup({ clock: 'real' });
    const record = await e.submit(uniqueDraft('customerWillAccept'));
    e.proxy.plan([{ delayResponseMs: 300 }]);
    const worker = e.worker({ pollMs: 60_000 });
    worker.start();
    await until(async () => e.proxy.received() === 1);
    await worker.stop();
    expect(await e.section(record.id)).toMatchObject({ state: 'created', attempts: 0 });
    expect(e.announcer.kinds()).toEqual(['created']);
  });

  it('does not poll the store in a tight loop while another instance holds an entry', async () => {
    const e = await setup({ clock: 'real' });
    const record = await e.submit(uniqueDraft('customerWillAccept'));
    const pending = e.pending();
    const [entry] = await pending.due(new Date());
    await pending.replace(
      {
        ...entry!.customer,
        partnerCenter: {
          ...entry!.customer.partnerCenter!,
          lease: { owner: 'another-instance', until: new Date(Date.now() + 60_000).toISOString() },
        },
      },
      entry!.etag,
    );
    pending.dueCalls = 0;
    const worker = e.worker({ pending, pollMs: 30_000 });
    worker.start();
    await pause(1_000);
    await worker.stop();

    expect((await e.section(record.id)).state).toBe('pending');
    expect(e.proxy.received()).toBe(0);
    // The entry is not this worker's for another minute: a round or two, not one every 10 ms.
    expect(pending.dueCalls).toBeLessThanOrEqual(3);
  });
});

describe('the message with the password', () => {
  /** An announcer whose first answers are given: false (not delivered) or 'hang' (never answers). */
  class ScriptedAnnouncer extends RecordingAnnouncer {
    constructor(private readonly script: (boolean | 'hang')[]) {
      super();
    }
    override async tell(record: CustomerRecord, news: CreationNews): Promise<boolean> {
      await super.tell(record, news);
      const next = this.script.shift() ?? true;
      if (next === 'hang') return new Promise<boolean>(() => undefined);
      return next;
    }
  }

  it('not delivered: the create is repeated with the same request id until it is, one tenant, the same password', async () => {
    const e = await setup();
    const announcer = new ScriptedAnnouncer([false, false]);
    const record = await e.submit(uniqueDraft('customerWillAccept'));
    const worker = e.worker({ announcer });
    for (let round = 0; round < 3; round += 1) {
      await worker.runOnce();
      e.clock.advance(60_000);
    }
    expect(announcer.kinds()).toEqual(['created', 'created', 'created']);
    const passwords = new Set(announcer.told.map(created).map((admin) => admin.password));
    expect(passwords.size).toBe(1);
    expect(await e.tenantsFor(record.domain)).toHaveLength(1);
    const section = await e.section(record.id);
    expect(section).toMatchObject({ state: 'created', notToldTries: 2 });
    expect(section.agentToldAt).toBeDefined();
  });

  it('never delivered: after five tries the customer is recorded as created, the agent not told', async () => {
    const e = await setup();
    const announcer = new ScriptedAnnouncer([false, false, false, false, false, false]);
    const record = await e.submit(uniqueDraft('customerWillAccept'));
    const worker = e.worker({ announcer });
    for (let round = 0; round < 6; round += 1) {
      await worker.runOnce();
      e.clock.advance(15 * 60_000);
    }
    expect(announcer.kinds()).toHaveLength(5);
    const section = await e.section(record.id);
    expect(section.state).toBe('created');
    expect(section.agentToldAt).toBeUndefined();
    expect(await e.tenantsFor(record.domain)).toHaveLength(1);
  });

  it('a chat that hangs neither holds the worker nor its stop; the next worker tells the agent', async () => {
    const e = await setup({ clock: 'real' });
    const hanging = new ScriptedAnnouncer(['hang']);
    const first = e.worker({ announcer: hanging, tellTimeoutMs: 60_000, now: () => new Date() });
    const record = await e.submit(uniqueDraft('customerWillAccept'));
    first.start();
    await until(async () => hanging.told.length > 0);
    const stopping = Date.now();
    await first.stop();
    expect(Date.now() - stopping).toBeLessThan(6_000);
    const section = await e.section(record.id);
    expect(section.state).toBe('pending');
    expect(section.customerId).toBeUndefined();

    const told = new ScriptedAnnouncer([]);
    const next = e.worker({ announcer: told, now: () => new Date(Date.now() + 60_000) });
    await next.runOnce();
    expect(told.kinds()).toEqual(['created']);
    expect(created(told.told[0]!).password).toBe(created(hanging.told[0]!).password);
    expect((await e.section(record.id)).state).toBe('created');
  });

  it('a chat that answers too late counts as not told', async () => {
    const e = await setup();
    const hanging = new ScriptedAnnouncer(['hang']);
    const record = await e.submit(uniqueDraft('customerWillAccept'));
    await e.worker({ announcer: hanging, tellTimeoutMs: 100 }).runOnce();
    expect(await e.section(record.id)).toMatchObject({ state: 'pending', notToldTries: 1 });
  });
});
