import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  startLocalPartnerCenter,
  type LocalPartnerCenter,
} from '../../services/partnerCenter/local/localPartnerCenter';
import { MCA_TEMPLATE_ID } from '../../services/partnerCenter/local/localRoutes';
import {
  defaultTenantsFile,
  loadTenantDirectory,
  TenantsFileError,
} from '../../services/partnerCenter/local/tenantDirectory';
import { wireErrorSchema } from '../../services/partnerCenter/wire';
import { clientFor, newCustomer, PARTNER_TENANT_ID, TOKEN } from './fixtures';

const auth = { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' };

describe('the local Partner Center over raw HTTP', () => {
  let local: LocalPartnerCenter;
  const send = (method: string, route: string, body?: unknown, headers: Record<string, string> = auth) =>
    fetch(`${local.endpoint}${route}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
  const errorOf = async (response: Response) => wireErrorSchema.parse(await response.json());

  beforeAll(async () => {
    local = await startLocalPartnerCenter({ token: TOKEN, partnerTenantId: PARTNER_TENANT_ID });
  });
  afterAll(() => local.stop());

  it('listens on loopback only', () => {
    expect(new URL(local.endpoint).hostname).toBe('127.0.0.1');
  });

  it('answers 401 with an error body without the right bearer token, and counts the request', async () => {
    const before = local.requests.count('GET', '/v1/agreements');
    const missing = await send('GET', '/v1/agreements', undefined, {});
    const wrong = await send('GET', '/v1/agreements', undefined, { Authorization: `Bearer ${TOKEN}x` });
    expect([missing.status, wrong.status]).toEqual([401, 401]);
    expect((await errorOf(wrong)).description).toMatch(/token/);
    expect(local.requests.count('GET', '/v1/agreements')).toBe(before + 2);
    expect(local.requests.count('POST', '/v1/agreements')).toBe(0);
  });

  it('answers 400 naming every missing required field of a customer', async () => {
    const response = await send('POST', '/v1/customers', {
      companyProfile: { domain: 'missingfields.onmicrosoft.com' },
      billingProfile: {
        email: 'a@b.example',
        companyName: 'Missing Fields',
        defaultAddress: { country: 'NL' },
      },
    });
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.code).toBe('3000');
    for (const field of [
      'billingProfile.culture',
      'billingProfile.language',
      'billingProfile.defaultAddress.addressLine1',
    ]) {
      expect(error.description).toContain(field);
    }
  });

  it('answers 400 for a body that is not JSON and for a domain that is not onmicrosoft.com', async () => {
    expect((await send('POST', '/v1/customers', '{"companyProfile":')).status).toBe(400);
    const customer = newCustomer('x');
    const response = await send('POST', '/v1/customers', {
      companyProfile: { domain: 'ownname.com' },
      billingProfile: {
        culture: customer.culture,
        email: customer.email,
        language: customer.language,
        companyName: customer.companyName,
        defaultAddress: customer.defaultAddress,
      },
    });
    expect(response.status).toBe(400);
    expect((await errorOf(response)).description).toContain('companyProfile.domain');
  });

  it('answers an agreement for a created customer 201, a bad one 400 and an unknown tenant 404', async () => {
    const created = await clientFor(local.endpoint).createCustomer(
      newCustomer('agreementroutes'),
      'r-agreements',
    );
    const agreement = {
      primaryContact: { firstName: 'Jan', lastName: 'de Vries', email: 'jan@agreementroutes.example' },
      templateId: MCA_TEMPLATE_ID,
      dateAgreed: '2026-03-02T00:00:00.000Z',
      type: 'MicrosoftCustomerAgreement',
    };
    const accepted = await send('POST', `/v1/customers/${created.tenantId}/agreements`, agreement);
    expect(accepted.status).toBe(201);
    expect(await accepted.json()).toMatchObject(agreement);

    const wrongTemplate = await send('POST', `/v1/customers/${created.tenantId}/agreements`, {
      ...agreement,
      templateId: '998b88de-aa99-4388-a42c-1b3517d49490',
    });
    expect(wrongTemplate.status).toBe(400);
    const noContact = await send('POST', `/v1/customers/${created.tenantId}/agreements`, {
      ...agreement,
      primaryContact: {},
    });
    expect(noContact.status).toBe(400);
    expect((await errorOf(noContact)).description).toContain('primaryContact.email');

    const unknown = await send(
      'POST',
      '/v1/customers/00000000-0000-4000-8000-000000000000/agreements',
      agreement,
    );
    expect(unknown.status).toBe(404);
    expect(await errorOf(unknown)).toMatchObject({ code: '60003' });
  });

  it('accepts an agreement for a seeded customer of this partner', async () => {
    // Alpine Ski House is seeded with partner "thisPartner".
    const response = await send('POST', '/v1/customers/9002eb84-5633-42a2-994a-9eaee9c523bd/agreements', {
      primaryContact: { firstName: 'A', lastName: 'B', email: 'a.b@alpineskihouse.com' },
      templateId: MCA_TEMPLATE_ID,
      dateAgreed: '2026-03-02',
      type: 'MicrosoftCustomerAgreement',
    });
    expect(response.status).toBe(201);
  });

  it('answers 404 for an unknown resource and 405 for a known one with the wrong method', async () => {
    expect((await send('GET', '/v1/subscriptions')).status).toBe(404);
    expect((await send('GET', '/v1/domains/relecloud.com')).status).toBe(405);
    expect((await send('POST', '/v1/customers/relationshiprequests', {})).status).toBe(405);
  });

  it('echoes MS-RequestId and MS-CorrelationId', async () => {
    const response = await send('GET', '/v1/agreements', undefined, {
      ...auth,
      'MS-RequestId': 'req-echo',
      'MS-CorrelationId': 'corr-echo',
    });
    expect(response.headers.get('ms-requestid')).toBe('req-echo');
    expect(response.headers.get('ms-correlationid')).toBe('corr-echo');
  });

  it('refuses an indirect reseller id that is not a tenant id', async () => {
    const response = await send('GET', '/v1/customers/relationshiprequests?indirectResellerId=reseller-7');
    expect(response.status).toBe(400);
  });
});

describe('the seed tenants file', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'tenants-file-'));
  });
  afterEach(() => rm(folder, { recursive: true, force: true }));

  it('validates, and seeds tenants of every kind of partner', async () => {
    const directory = await loadTenantDirectory();
    const { tenants, takenPrefixes } = directory.file;
    expect(tenants.length).toBeGreaterThanOrEqual(8);
    expect(new Set(tenants.map((tenant) => tenant.partner))).toEqual(
      new Set(['none', 'otherPartner', 'thisPartner']),
    );
    expect(takenPrefixes.length).toBeGreaterThan(0);
    for (const tenant of tenants) expect(tenant.customDomains.length).toBeGreaterThan(0);
  });

  it('leaves free the prefixes and mail domains the other tests use as new customers', async () => {
    const directory = await loadTenantDirectory();
    for (const domain of [
      'contoso.onmicrosoft.com',
      'fabrikam.onmicrosoft.com',
      'northwind.onmicrosoft.com',
      'northwindnl.onmicrosoft.com',
      'wingtiptoysnl.onmicrosoft.com',
      'tailspintoysnl.onmicrosoft.com',
      'contoso.nl',
      'northwind.nl',
      'fabrikam.com',
      'example.com',
    ]) {
      expect([domain, directory.domainExists(domain)]).toEqual([domain, false]);
    }
  });

  async function writeTenants(
    change: (file: { tenants: Record<string, unknown>[] }) => void,
  ): Promise<string> {
    const content = JSON.parse(await readFile(defaultTenantsFile(), 'utf8'));
    change(content);
    const file = path.join(folder, 'tenants.json');
    await writeFile(file, JSON.stringify(content));
    return file;
  }

  it('refuses a broken file with a message naming each problem', async () => {
    const file = await writeTenants(({ tenants }) => {
      tenants[0]!.initialDomain = 'wingtiptoys.com';
      tenants[1]!.partner = 'maybe';
    });
    const error = await loadTenantDirectory(file).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TenantsFileError);
    const message = (error as Error).message;
    expect(message).toContain(`Tenants file ${file} cannot be used`);
    expect(message).toMatch(/<prefix>\.onmicrosoft\.com[\s\S]*tenants\[0\]\.initialDomain/);
    expect(message).toMatch(/tenants\[1\]\.partner/);
    await expect(
      startLocalPartnerCenter({ token: TOKEN, partnerTenantId: PARTNER_TENANT_ID, tenantsFile: file }),
    ).rejects.toThrow(TenantsFileError);
  });

  it('refuses a domain that two tenants claim', async () => {
    const file = await writeTenants(({ tenants }) => {
      tenants[1]!.customDomains = ['WingtipToys.com'];
    });
    await expect(loadTenantDirectory(file)).rejects.toThrow(
      /"wingtiptoys\.com" appears twice[\s\S]*tenants\[1\]\.customDomains\[0\]/,
    );
  });

  it('refuses a file that is not JSON', async () => {
    const file = path.join(folder, 'tenants.json');
    await writeFile(file, '{ "version": 1,');
    await expect(loadTenantDirectory(file)).rejects.toThrow(/not valid JSON/);
  });
});
