import { PartnerCenterError } from '../../services/partnerCenter/partnerCenter';
import { retryAfter } from '../../services/partnerCenter/partnerCenterClient';
import {
  startLocalPartnerCenter,
  type LocalPartnerCenter,
} from '../../services/partnerCenter/local/localPartnerCenter';
import { DOMAIN_TAKEN_CODE, MCA_TEMPLATE_ID } from '../../services/partnerCenter/local/localRoutes';
import {
  clientFor,
  newCustomer,
  PARTNER_TENANT_ID,
  recordingFetch,
  recordingTokens,
  RESELLER_TENANT_ID,
  TOKEN,
  UUID,
  failureOf,
} from './fixtures';

describe('PartnerCenterClient against the local Partner Center', () => {
  let local: LocalPartnerCenter;

  beforeAll(async () => {
    local = await startLocalPartnerCenter({ token: TOKEN, partnerTenantId: PARTNER_TENANT_ID });
  });
  afterAll(() => local.stop());

  describe('domainExists', () => {
    it.each([
      ['a seeded tenant initial domain', 'wingtiptoys.onmicrosoft.com'],
      ['a seeded custom domain, in any case', 'WingtipToys.COM'],
      ['a prefix an unrelated organisation holds', 'munsonspickles.onmicrosoft.com'],
    ])('is true for %s', async (_name, domain) => {
      await expect(clientFor(local.endpoint).domainExists(domain)).resolves.toBe(true);
    });

    it('is false for a free domain, and true once a customer was created under it', async () => {
      const client = clientFor(local.endpoint);
      await expect(client.domainExists('freshprefixone.onmicrosoft.com')).resolves.toBe(false);
      await client.createCustomer(newCustomer('freshprefixone'), 'request-fresh-one');
      await expect(client.domainExists('freshprefixone.onmicrosoft.com')).resolves.toBe(true);
    });

    it('sends HEAD with app-only credentials and every Partner Center header', async () => {
      const tokens = recordingTokens();
      const { fetch, sent } = recordingFetch();
      const client = clientFor(local.endpoint, { tokens, fetch });
      await client.domainExists('relecloud.com');
      await client.domainExists('relecloud.com');
      expect(tokens.kinds).toEqual([false, false]);
      const [first, second] = sent;
      expect(first!.method).toBe('HEAD');
      expect(first!.url).toBe(`${local.endpoint}/v1/domains/relecloud.com`);
      expect(first!.headers.get('authorization')).toBe(`Bearer ${TOKEN}`);
      expect(first!.headers.get('accept')).toBe('application/json');
      expect(first!.headers.get('x-locale')).toBe('en-US');
      expect(first!.headers.get('ms-requestid')).toMatch(UUID);
      expect(first!.headers.get('ms-correlationid')).toMatch(UUID);
      expect(second!.headers.get('ms-requestid')).not.toBe(first!.headers.get('ms-requestid'));
      expect(second!.headers.get('ms-correlationid')).not.toBe(first!.headers.get('ms-correlationid'));
    });
  });

  describe('validateAddress', () => {
    it('verifies a well-formed address and suggests it as typed', async () => {
      const verdict = await clientFor(local.endpoint).validateAddress({
        country: 'NL',
        addressLine1: 'Herengracht 182',
        city: 'Amsterdam',
        postalCode: '1016 BR',
      });
      expect(verdict).toEqual({
        status: 'Verified',
        suggestedAddresses: [
          { country: 'NL', addressLine1: 'Herengracht 182', city: 'Amsterdam', postalCode: '1016 BR' },
        ],
      });
    });

    it('suggests the right spelling of a known street, with its city', async () => {
      const verdict = await clientFor(local.endpoint).validateAddress({
        country: 'NL',
        addressLine1: 'Keizersgrcht 12',
      });
      expect(verdict.status).toBe('InteractionRequired');
      expect(verdict.suggestedAddresses).toEqual([
        { country: 'NL', addressLine1: 'Keizersgracht 12', city: 'Amsterdam', postalCode: '1015 CJ' },
      ]);
      expect(verdict.validationMessage).toContain('Keizersgracht');
    });

    it('finds nothing for a Dutch street without a house number', async () => {
      const verdict = await clientFor(local.endpoint).validateAddress({
        country: 'NL',
        addressLine1: 'Keizersgracht',
        city: 'Amsterdam',
      });
      expect(verdict).toMatchObject({ status: 'None', suggestedAddresses: [] });
      expect(verdict.validationMessage).toMatch(/AddressLine1/);
    });

    it('does not validate countries it has no rules for', async () => {
      const verdict = await clientFor(local.endpoint).validateAddress({
        country: 'IN',
        addressLine1: 'Embassy Golf Links',
        city: 'Bengaluru',
      });
      expect(verdict).toEqual({ status: 'NotValidated', suggestedAddresses: [] });
    });
  });

  describe('createCustomer', () => {
    it('creates a tenant with app-only credentials and the given request id', async () => {
      const tokens = recordingTokens();
      const { fetch, sent } = recordingFetch();
      const created = await clientFor(local.endpoint, { tokens, fetch }).createCustomer(
        newCustomer('createdirect', { organizationRegistrationNumber: '12345678' }),
        'request-create-direct',
      );
      expect(created.id).toMatch(UUID);
      expect(created.tenantId).toBe(created.id);
      expect(created.domain).toBe('createdirect.onmicrosoft.com');
      expect(created.adminCredentials.userName).toBe('admin@createdirect.onmicrosoft.com');
      expect(created.adminCredentials.password.length).toBeGreaterThanOrEqual(12);
      expect(tokens.kinds).toEqual([false]);
      expect(sent[0]!.headers.get('ms-requestid')).toBe('request-create-direct');
      expect(sent[0]!.headers.get('content-type')).toBe('application/json');
      expect(JSON.parse(sent[0]!.body!)).toEqual({
        companyProfile: {
          domain: 'createdirect.onmicrosoft.com',
          organizationRegistrationNumber: '12345678',
        },
        billingProfile: {
          culture: 'nl-NL',
          email: 'jan.devries@createdirect.example',
          language: 'nl',
          companyName: 'createdirect B.V.',
          defaultAddress: {
            country: 'NL',
            addressLine1: 'Keizersgracht 12',
            city: 'Amsterdam',
            postalCode: '1015 CJ',
            firstName: 'Jan',
            lastName: 'de Vries',
            phoneNumber: '+31 20 123 4567',
          },
        },
      });
    });

    it('asks for App+User credentials for an indirect reseller customer', async () => {
      const tokens = recordingTokens();
      const { fetch, sent } = recordingFetch();
      await clientFor(local.endpoint, { tokens, fetch }).createCustomer(
        newCustomer('resellercustomer', { associatedPartnerId: RESELLER_TENANT_ID }),
        'request-reseller-customer',
      );
      expect(tokens.kinds).toEqual([true]);
      expect(JSON.parse(sent[0]!.body!).associatedPartnerId).toBe(RESELLER_TENANT_ID);
    });

    it('is rejected with 409 and a description for a domain that exists', async () => {
      const error = await failureOf(
        clientFor(local.endpoint).createCustomer(newCustomer('woodgrovebank'), 'request-taken'),
      );
      expect(error).toMatchObject({ failure: 'rejected', status: 409, code: DOMAIN_TAKEN_CODE });
      expect(error.description).toContain('woodgrovebank.onmicrosoft.com');
      expect(error.requestId).toBe('request-taken');
      expect(error.correlationId).toMatch(UUID);
    });

    it("is rejected with 400, Partner Center's code and the field for a malformed customer", async () => {
      const error = await failureOf(
        clientFor(local.endpoint).createCustomer(
          newCustomer('bademail', { email: 'not-an-address' }),
          'request-bad',
        ),
      );
      expect(error).toMatchObject({ failure: 'rejected', status: 400, code: '3000' });
      expect(error.description).toContain('billingProfile.email');
      await expect(clientFor(local.endpoint).domainExists('bademail.onmicrosoft.com')).resolves.toBe(false);
    });
  });

  describe('agreements', () => {
    it('reads the current Microsoft Customer Agreement template with App+User credentials', async () => {
      const tokens = recordingTokens();
      const { fetch, sent } = recordingFetch();
      const template = await clientFor(local.endpoint, { tokens, fetch }).currentCustomerAgreement();
      expect(template).toEqual({
        templateId: MCA_TEMPLATE_ID,
        agreementLink: 'https://aka.ms/customeragreement',
      });
      expect(tokens.kinds).toEqual([true]);
      expect(sent[0]!.url).toBe(`${local.endpoint}/v1/agreements?agreementType=MicrosoftCustomerAgreement`);
    });

    it("confirms a new customer's acceptance with App+User credentials", async () => {
      const client = clientFor(local.endpoint);
      const created = await client.createCustomer(newCustomer('mcaaccepted'), 'request-mca-accepted');
      const tokens = recordingTokens();
      const { fetch, sent } = recordingFetch();
      await clientFor(local.endpoint, { tokens, fetch }).confirmCustomerAgreement(created.tenantId, {
        templateId: MCA_TEMPLATE_ID,
        dateAgreed: '2026-03-02',
        primaryContact: { firstName: 'Jan', lastName: 'de Vries', email: 'jan.devries@mcaaccepted.example' },
      });
      expect(tokens.kinds).toEqual([true]);
      expect(sent[0]!.url).toBe(`${local.endpoint}/v1/customers/${created.tenantId}/agreements`);
      expect(JSON.parse(sent[0]!.body!)).toEqual({
        primaryContact: { firstName: 'Jan', lastName: 'de Vries', email: 'jan.devries@mcaaccepted.example' },
        templateId: MCA_TEMPLATE_ID,
        dateAgreed: '2026-03-02T00:00:00.000Z',
        type: 'MicrosoftCustomerAgreement',
      });
    });

    it('is rejected with 404 for a tenant that is not our customer', async () => {
      const acceptance = {
        templateId: MCA_TEMPLATE_ID,
        dateAgreed: '2026-03-02',
        primaryContact: { firstName: 'A', lastName: 'B', email: 'a.b@example.com' },
      };
      // Wingtip Toys is seeded as another partner's customer.
      const error = await failureOf(
        clientFor(local.endpoint).confirmCustomerAgreement(
          'b699dd27-bba1-4c73-949f-4e651d8a604d',
          acceptance,
        ),
      );
      expect(error).toMatchObject({ failure: 'rejected', status: 404, code: '60003' });
      expect(error.description).toMatch(/not found/i);
    });
  });

  describe('relationshipRequestLink', () => {
    it('answers the admin center invitation with App+User credentials', async () => {
      const tokens = recordingTokens();
      await expect(clientFor(local.endpoint, { tokens }).relationshipRequestLink()).resolves.toBe(
        `https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId=${PARTNER_TENANT_ID}&msppId=0&DAP=true#/BillingAccounts/partner-invitation`,
      );
      expect(tokens.kinds).toEqual([true]);
    });

    it('names the indirect reseller when one is given', async () => {
      const { fetch, sent } = recordingFetch();
      const link = await clientFor(local.endpoint, { fetch }).relationshipRequestLink({
        indirectResellerId: RESELLER_TENANT_ID,
      });
      expect(sent[0]!.url).toBe(
        `${local.endpoint}/v1/customers/relationshiprequests?indirectResellerId=${RESELLER_TENANT_ID}`,
      );
      expect(new URL(link).searchParams.get('indirectResellerId')).toBe(RESELLER_TENANT_ID);
      expect(new URL(link).searchParams.get('partnerId')).toBe(PARTNER_TENANT_ID);
    });
  });

  describe('credentials', () => {
    it('maps a wrong token to unauthorized (401)', async () => {
      const error = await failureOf(
        clientFor(local.endpoint, { tokens: recordingTokens('not-the-token') }).validateAddress({
          country: 'NL',
          addressLine1: 'Keizersgracht 1',
        }),
      );
      expect(error).toMatchObject({ failure: 'unauthorized', status: 401 });
    });

    it('passes on the tokens refusal without calling Partner Center', async () => {
      const before = local.requests.count();
      const refusing = {
        token: async () => {
          throw new PartnerCenterError('unauthorized', { description: 'App+User is not configured' });
        },
      };
      const error = await failureOf(
        clientFor(local.endpoint, { tokens: refusing }).currentCustomerAgreement(),
      );
      expect(error).toMatchObject({ failure: 'unauthorized', description: 'App+User is not configured' });
      expect(local.requests.count()).toBe(before);
    });
  });
});

describe('retryAfter', () => {
  const now = Date.parse('2026-03-02T10:00:00Z');

  it('reads delay-seconds', () => {
    expect(retryAfter('2', now)).toBe(2000);
    expect(retryAfter(' 0 ', now)).toBe(0);
  });

  it('reads an HTTP date, never below zero', () => {
    expect(retryAfter('Mon, 02 Mar 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(retryAfter('Mon, 02 Mar 2026 09:00:00 GMT', now)).toBe(0);
  });

  it('gives nothing for an absent or unreadable header', () => {
    expect(retryAfter(null, now)).toBeUndefined();
    expect(retryAfter('soon', now)).toBeUndefined();
  });
});
