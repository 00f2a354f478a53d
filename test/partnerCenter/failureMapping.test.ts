import {
  startLocalPartnerCenter,
  type LocalPartnerCenter,
} from '../../services/partnerCenter/local/localPartnerCenter';
import { startFaultProxy, type FaultProxy } from '../harness/faultProxy';
import { clientFor, failureOf, newCustomer, PARTNER_TENANT_ID, TOKEN, UUID } from './fixtures';

const address = { country: 'NL', addressLine1: 'Keizersgracht 1', city: 'Amsterdam' };

describe('PartnerCenterClient failures, through a fault proxy', () => {
  let local: LocalPartnerCenter;
  let proxy: FaultProxy;

  beforeAll(async () => {
    local = await startLocalPartnerCenter({ token: TOKEN, partnerTenantId: PARTNER_TENANT_ID });
    proxy = await startFaultProxy(local.endpoint);
  });
  afterAll(async () => {
    await proxy.stop();
    await local.stop();
  });

  it('maps 429 to throttled with Retry-After in seconds', async () => {
    proxy.plan([{ status: 429, retryAfter: 2 }]);
    const error = await failureOf(clientFor(proxy.endpoint).validateAddress(address));
    expect(error).toMatchObject({ failure: 'throttled', status: 429, retryAfterMs: 2000, code: '429' });
    expect(error.requestId).toMatch(UUID);
  });

  it('maps 429 to throttled with Retry-After as an HTTP date', async () => {
    const before = Date.now();
    const at = new Date(Math.ceil((before + 60_000) / 1000) * 1000);
    proxy.plan([{ status: 429, retryAfter: at.toUTCString() }]);
    const error = await failureOf(clientFor(proxy.endpoint).domainExists('relecloud.com'));
    expect(error.failure).toBe('throttled');
    expect(error.retryAfterMs).toBeGreaterThan(55_000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(at.getTime() - before);
  });

  it('maps 429 without Retry-After to throttled with no delay', async () => {
    proxy.plan([{ status: 429 }]);
    const error = await failureOf(clientFor(proxy.endpoint).validateAddress(address));
    expect(error.failure).toBe('throttled');
    expect(error.retryAfterMs).toBeUndefined();
  });

  it.each([500, 502, 503, 504])('maps %i to unavailable', async (status) => {
    proxy.plan([{ status }]);
    const error = await failureOf(clientFor(proxy.endpoint).currentCustomerAgreement());
    expect(error).toMatchObject({ failure: 'unavailable', status });
  });

  it('maps 403 to unauthorized, keeping Partner Center code and description', async () => {
    proxy.plan([{ status: 403, body: { code: 600006, description: 'The requested action is not allowed' } }]);
    const error = await failureOf(clientFor(proxy.endpoint).relationshipRequestLink());
    expect(error).toMatchObject({
      failure: 'unauthorized',
      status: 403,
      code: '600006',
      description: 'The requested action is not allowed',
    });
  });

  it('takes errorName as the code when Partner Center gives no code', async () => {
    proxy.plan([
      { status: 400, body: { errorName: 'InvalidInput', description: 'culture is not supported' } },
    ]);
    const error = await failureOf(
      clientFor(proxy.endpoint).createCustomer(newCustomer('errorname'), 'r-errorname'),
    );
    expect(error).toMatchObject({
      failure: 'rejected',
      status: 400,
      code: 'InvalidInput',
      description: 'culture is not supported',
    });
  });

  it('still rejects a 4xx whose body is not Partner Center JSON', async () => {
    proxy.plan([{ status: 422, rawBody: '<html>nope</html>' }]);
    const error = await failureOf(clientFor(proxy.endpoint).validateAddress(address));
    expect(error).toMatchObject({
      failure: 'rejected',
      status: 422,
      code: undefined,
      description: undefined,
    });
  });

  it('maps a connection cut before Partner Center saw the request to unavailable', async () => {
    proxy.plan([{ drop: true }]);
    const forwarded = proxy.forwarded();
    const error = await failureOf(clientFor(proxy.endpoint).validateAddress(address));
    expect(error.failure).toBe('unavailable');
    expect(error.status).toBeUndefined();
    expect(error.description).toMatch(/^network failure/);
    expect(proxy.forwarded()).toBe(forwarded);
  });

  it('maps an answer slower than the timeout to unavailable', async () => {
    proxy.plan([{ delayResponseMs: 1500 }]);
    const started = Date.now();
    const error = await failureOf(clientFor(proxy.endpoint, { timeoutMs: 200 }).validateAddress(address));
    expect(Date.now() - started).toBeLessThan(1200);
    expect(error).toMatchObject({ failure: 'unavailable', description: 'no answer within 200 ms' });
  });

  it('maps a 2xx body that does not parse to unavailable', async () => {
    proxy.plan([{ status: 201, rawBody: '{"id": "5b1d' }]);
    const error = await failureOf(
      clientFor(proxy.endpoint).createCustomer(newCustomer('halfbody'), 'r-halfbody'),
    );
    expect(error).toMatchObject({ failure: 'unavailable', status: 201 });
    expect(error.description).toMatch(/did not parse/);
  });

  it('maps a 2xx body of the wrong shape to unavailable', async () => {
    proxy.plan([{ status: 200, body: { status: 'Probably', suggestedAddresses: [] } }]);
    const error = await failureOf(clientFor(proxy.endpoint).validateAddress(address));
    expect(error).toMatchObject({ failure: 'unavailable', status: 200 });
    expect(error.description).toContain('POST /v1/validations/address');
  });

  it('picks the Microsoft Customer Agreement template of the highest version rank', async () => {
    proxy.plan([
      {
        status: 200,
        body: {
          totalCount: 3,
          items: [
            { templateId: 'mca-old', agreementType: 'MicrosoftCustomerAgreement', versionRank: 1 },
            {
              templateId: 'mca-new',
              agreementType: 'MicrosoftCustomerAgreement',
              versionRank: 3,
              agreementLink: 'https://aka.ms/new',
            },
            { templateId: 'mcloud', agreementType: 'MicrosoftCloudAgreement', versionRank: 9 },
          ],
          links: { self: { uri: '/agreements' } },
        },
      },
    ]);
    await expect(clientFor(proxy.endpoint).currentCustomerAgreement()).resolves.toEqual({
      templateId: 'mca-new',
      agreementLink: 'https://aka.ms/new',
    });
  });

  it('completes a user name that Partner Center gives without its domain', async () => {
    proxy.plan([
      {
        status: 201,
        body: {
          id: '9c1f2b8e-1111-4a4a-8b8b-123456789abc',
          companyProfile: {
            tenantId: '9c1f2b8e-1111-4a4a-8b8b-123456789abc',
            domain: 'bareuser.onmicrosoft.com',
          },
          userCredentials: { userName: 'admin', password: '=;;n.=s9Z' },
          relationshipToPartner: 'none',
          attributes: { objectType: 'Customer' },
        },
      },
    ]);
    const created = await clientFor(proxy.endpoint).createCustomer(newCustomer('bareuser'), 'r-bareuser');
    expect(created.adminCredentials).toEqual({
      userName: 'admin@bareuser.onmicrosoft.com',
      password: '=;;n.=s9Z',
    });
  });
});
