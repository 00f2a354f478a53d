import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PartnerCenterError, type CreatedCustomer } from '../../services/partnerCenter/partnerCenter';
import { startLocalPartnerCenter } from '../../services/partnerCenter/local/localPartnerCenter';
import { DOMAIN_TAKEN_CODE, MCA_TEMPLATE_ID } from '../../services/partnerCenter/local/localRoutes';
import { startFaultProxy } from '../harness/faultProxy';
import { clientFor, newCustomer, PARTNER_TENANT_ID, TOKEN } from './fixtures';

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'local-partner-center-'));
});
afterEach(() => rm(folder, { recursive: true, force: true }));

/** The customers the data file holds under a domain: the tenants Partner Center really made. */
async function tenantsIn(dataFile: string, domain: string): Promise<number> {
  const state = JSON.parse(await readFile(dataFile, 'utf8')) as { customers: { domain: string }[] };
  return state.customers.filter((customer) => customer.domain === domain).length;
}

async function outcome(call: Promise<CreatedCustomer>): Promise<CreatedCustomer | PartnerCenterError> {
  return call.catch((error: unknown) => {
    if (error instanceof PartnerCenterError) return error;
    throw error;
  });
}

describe('one create, retried with one MS-RequestId', () => {
  it('makes one tenant when the first answer is lost after Partner Center did the work', async () => {
    const dataFile = path.join(folder, 'state.json');
    const local = await startLocalPartnerCenter({
      token: TOKEN,
      partnerTenantId: PARTNER_TENANT_ID,
      dataFile,
    });
    const proxy = await startFaultProxy(local.endpoint);
    try {
      proxy.plan([{ dropAfterForwarding: true }, 'pass', 'pass']);
      const client = clientFor(proxy.endpoint);
      const customer = newCustomer('retriedonce');
      const tries = [];
      for (let attempt = 0; attempt < 3; attempt += 1) {
        tries.push(await outcome(client.createCustomer(customer, 'submission-retried-once')));
      }
      const [first, second, third] = tries;
      expect(first).toBeInstanceOf(PartnerCenterError);
      expect((first as PartnerCenterError).failure).toBe('unavailable');
      expect(second).not.toBeInstanceOf(PartnerCenterError);
      expect(third).toEqual(second);
      expect((second as CreatedCustomer).domain).toBe('retriedonce.onmicrosoft.com');
      expect(proxy.forwarded()).toBe(3);
      expect(local.requests.count('POST', '/v1/customers')).toBe(3);
      expect(await tenantsIn(dataFile, 'retriedonce.onmicrosoft.com')).toBe(1);
    } finally {
      await proxy.stop();
      await local.stop();
    }
  });

  it('gives the same customer after a client timeout, and refuses the domain to another request id', async () => {
    const local = await startLocalPartnerCenter({ token: TOKEN, partnerTenantId: PARTNER_TENANT_ID });
    const proxy = await startFaultProxy(local.endpoint);
    try {
      proxy.plan([{ delayResponseMs: 1000 }]);
      const impatient = clientFor(proxy.endpoint, { timeoutMs: 150 });
      const customer = newCustomer('slowcreate');
      const timedOut = await outcome(impatient.createCustomer(customer, 'submission-slow'));
      expect((timedOut as PartnerCenterError).description).toBe('no answer within 150 ms');
      const retried = await clientFor(proxy.endpoint).createCustomer(customer, 'submission-slow');
      expect(retried.domain).toBe('slowcreate.onmicrosoft.com');

      const other = await outcome(clientFor(local.endpoint).createCustomer(customer, 'another-submission'));
      expect(other).toMatchObject({ failure: 'rejected', status: 409, code: DOMAIN_TAKEN_CODE });
    } finally {
      await proxy.stop();
      await local.stop();
    }
  });
});

describe('the local Partner Center across a restart with a data file', () => {
  it('keeps its customers, their request ids and their agreements', async () => {
    const dataFile = path.join(folder, 'nested', 'state.json');
    const first = await startLocalPartnerCenter({
      token: TOKEN,
      partnerTenantId: PARTNER_TENANT_ID,
      dataFile,
    });
    const before = await clientFor(first.endpoint).createCustomer(
      newCustomer('survivesrestart'),
      'submission-restart',
    );
    await first.stop();

    const second = await startLocalPartnerCenter({
      token: TOKEN,
      partnerTenantId: PARTNER_TENANT_ID,
      dataFile,
    });
    try {
      expect(second.endpoint).not.toBe('');
      const client = clientFor(second.endpoint);
      const after = await client.createCustomer(newCustomer('survivesrestart'), 'submission-restart');
      expect(after).toEqual(before);
      await expect(client.domainExists('survivesrestart.onmicrosoft.com')).resolves.toBe(true);
      await expect(
        client.createCustomer(newCustomer('survivesrestart'), 'submission-other'),
      ).rejects.toMatchObject({ failure: 'rejected', status: 409 });
      await client.confirmCustomerAgreement(after.tenantId, {
        templateId: MCA_TEMPLATE_ID,
        dateAgreed: '2026-03-02',
        primaryContact: { firstName: 'Jan', lastName: 'de Vries', email: 'jan@survivesrestart.example' },
      });
    } finally {
      await second.stop();
    }
    const saved = JSON.parse(await readFile(dataFile, 'utf8'));
    expect(saved.version).toBe(1);
    expect(saved.requestIds).toEqual({ 'submission-restart': before.id });
    expect(saved.agreements).toEqual([
      expect.objectContaining({ customerTenantId: before.tenantId, templateId: MCA_TEMPLATE_ID }),
    ]);
  });

  it('forgets everything without a data file', async () => {
    const first = await startLocalPartnerCenter({ token: TOKEN, partnerTenantId: PARTNER_TENANT_ID });
    await clientFor(first.endpoint).createCustomer(newCustomer('memoryonly'), 'submission-memory');
    await first.stop();
    const second = await startLocalPartnerCenter({ token: TOKEN, partnerTenantId: PARTNER_TENANT_ID });
    try {
      await expect(clientFor(second.endpoint).domainExists('memoryonly.onmicrosoft.com')).resolves.toBe(
        false,
      );
    } finally {
      await second.stop();
    }
  });

  it('refuses to start on a data file it cannot read, saying which and why', async () => {
    const dataFile = path.join(folder, 'state.json');
    await writeFile(
      dataFile,
      JSON.stringify({ version: 1, customers: [{ id: 'x' }], requestIds: {}, agreements: [] }),
    );
    await expect(
      startLocalPartnerCenter({ token: TOKEN, partnerTenantId: PARTNER_TENANT_ID, dataFile }),
    ).rejects.toThrow(
      new RegExp(
        `data file ${dataFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} cannot be used[\\s\\S]*customers\\[0\\]`,
      ),
    );
  });
});
