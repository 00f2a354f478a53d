import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../bot/config';

const appId = '9f0b5a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b';
const tenantId = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const otherTenantId = '4a1c1b2e-8d3f-4e5a-9b6c-7d8e9f0a1b2c';
const managedIdentityClientId = '0d5f9f27-3c64-4a5e-9a46-1a1a2b2c3d4e';
const secret = 'client-secret-value~xyz';
const refreshToken = '0.ARoA-refresh-token-value';
const password = 'certificate-password-value';

// A PEM file's shape is all the configuration checks; the key itself is read when a token is needed.
const PEM =
  '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n' +
  '-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIE\n-----END ENCRYPTED PRIVATE KEY-----\n';

let dir: string;
let certificatePath: string;
let certificateOnlyPath: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'pc-config-'));
  certificatePath = path.join(dir, 'app.pem');
  writeFileSync(certificatePath, PEM);
  certificateOnlyPath = path.join(dir, 'certificate-only.pem');
  writeFileSync(certificateOnlyPath, '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The one-line error loadConfig throws. */
function problem(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a configuration error');
}

const microsoft = { PARTNER_CENTER_APP_ID: appId, PARTNER_TENANT_ID: tenantId };

describe('Partner Center configuration', () => {
  it('without PARTNER_CENTER_APP_ID: the local Partner Center, on any free port by default', () => {
    expect(loadConfig({}).partnerCenter).toEqual({ mode: 'local', port: 0 });
    expect(loadConfig({ LOCAL_PARTNER_CENTER_PORT: '4711' }).partnerCenter).toEqual({
      mode: 'local',
      port: 4711,
    });
    expect(problem({ LOCAL_PARTNER_CENTER_PORT: 'x' })).toBe(
      'Configuration error: LOCAL_PARTNER_CENTER_PORT must be a whole number from 0 to 65535 (got "x").',
    );
  });

  it("client secret: Microsoft's Partner Center with the defaults, the tenant from PARTNER_TENANT_ID", () => {
    expect(loadConfig({ ...microsoft, PARTNER_CENTER_CLIENT_SECRET: secret }).partnerCenter).toEqual({
      mode: 'microsoft',
      endpoint: 'https://api.partnercenter.microsoft.com',
      authorityHost: 'https://login.microsoftonline.com',
      tenantId,
      appId,
      credential: { kind: 'secret', secret },
    });
  });

  it('takes its own tenant, endpoint, sign-in host and the App+User refresh token', () => {
    const config = loadConfig({
      ...microsoft,
      PARTNER_CENTER_TENANT_ID: otherTenantId,
      PARTNER_CENTER_CLIENT_SECRET: secret,
      PARTNER_CENTER_REFRESH_TOKEN: refreshToken,
      PARTNER_CENTER_ENDPOINT: 'https://api.partnercenter.microsoft.com/',
      PARTNER_CENTER_AUTHORITY_HOST: 'https://login.microsoftonline.us/',
    });
    expect(config.partnerCenter).toMatchObject({
      mode: 'microsoft',
      tenantId: otherTenantId,
      endpoint: 'https://api.partnercenter.microsoft.com',
      authorityHost: 'https://login.microsoftonline.us',
      refreshToken,
    });
    // PARTNER_TENANT_ID may stay the all-zero default when PARTNER_CENTER_TENANT_ID is set.
    expect(
      loadConfig({
        PARTNER_CENTER_APP_ID: appId,
        PARTNER_CENTER_TENANT_ID: otherTenantId,
        PARTNER_CENTER_CLIENT_SECRET: secret,
      }).partnerCenter,
    ).toMatchObject({ tenantId: otherTenantId });
  });

  it('certificate: the PEM file, with its password when given', () => {
    expect(
      loadConfig({ ...microsoft, PARTNER_CENTER_CERTIFICATE_PATH: certificatePath }).partnerCenter,
    ).toMatchObject({
      mode: 'microsoft',
      credential: { kind: 'certificate', path: certificatePath },
    });
    expect(
      loadConfig({
        ...microsoft,
        PARTNER_CENTER_CERTIFICATE_PATH: certificatePath,
        PARTNER_CENTER_CERTIFICATE_PASSWORD: password,
      }).partnerCenter,
    ).toMatchObject({ credential: { kind: 'certificate', path: certificatePath, password } });
  });

  it('managed identity: a user-assigned client id, or system', () => {
    expect(
      loadConfig({ ...microsoft, PARTNER_CENTER_MANAGED_IDENTITY_CLIENT_ID: managedIdentityClientId })
        .partnerCenter,
    ).toMatchObject({ credential: { kind: 'managedIdentity', clientId: managedIdentityClientId } });
    for (const system of ['system', 'System']) {
      const config = loadConfig({ ...microsoft, PARTNER_CENTER_MANAGED_IDENTITY_CLIENT_ID: system });
      expect(config.partnerCenter).toMatchObject({ credential: { kind: 'managedIdentity' } });
      expect(config.partnerCenter.mode === 'microsoft' && config.partnerCenter.credential).toEqual({
        kind: 'managedIdentity',
      });
    }
    expect(problem({ ...microsoft, PARTNER_CENTER_MANAGED_IDENTITY_CLIENT_ID: 'my-identity' })).toBe(
      'Configuration error: PARTNER_CENTER_MANAGED_IDENTITY_CLIENT_ID must be the client id (a GUID) of a ' +
        'user-assigned managed identity, or system for the host\'s system-assigned one (got "my-identity").',
    );
  });

  it('needs exactly one credential with PARTNER_CENTER_APP_ID', () => {
    expect(problem(microsoft)).toBe(
      "Configuration error: PARTNER_CENTER_APP_ID is set, so the app's credential is required: set one of " +
        'PARTNER_CENTER_CLIENT_SECRET, PARTNER_CENTER_CERTIFICATE_PATH, PARTNER_CENTER_MANAGED_IDENTITY_CLIENT_ID ' +
        `(got "${appId}").`,
    );
    expect(
      problem({
        ...microsoft,
        PARTNER_CENTER_CLIENT_SECRET: secret,
        PARTNER_CENTER_MANAGED_IDENTITY_CLIENT_ID: 'system',
      }),
    ).toBe(
      'Configuration error: PARTNER_CENTER_MANAGED_IDENTITY_CLIENT_ID cannot be combined with ' +
        'PARTNER_CENTER_CLIENT_SECRET: set exactly one of PARTNER_CENTER_CLIENT_SECRET, ' +
        'PARTNER_CENTER_CERTIFICATE_PATH, PARTNER_CENTER_MANAGED_IDENTITY_CLIENT_ID (got "system").',
    );
    const three = problem({
      ...microsoft,
      PARTNER_CENTER_CLIENT_SECRET: secret,
      PARTNER_CENTER_CERTIFICATE_PATH: certificatePath,
      PARTNER_CENTER_MANAGED_IDENTITY_CLIENT_ID: 'system',
    });
    expect(three).toContain(
      'PARTNER_CENTER_CERTIFICATE_PATH cannot be combined with PARTNER_CENTER_CLIENT_SECRET',
    );
    expect(three).toContain(
      'PARTNER_CENTER_MANAGED_IDENTITY_CLIENT_ID cannot be combined with PARTNER_CENTER_CLIENT_SECRET',
    );
  });

  it.each([
    ['PARTNER_CENTER_TENANT_ID', otherTenantId],
    ['PARTNER_CENTER_CLIENT_SECRET', secret],
    ['PARTNER_CENTER_CERTIFICATE_PATH', '/etc/partner-center.pem'],
    ['PARTNER_CENTER_CERTIFICATE_PASSWORD', password],
    ['PARTNER_CENTER_MANAGED_IDENTITY_CLIENT_ID', 'system'],
    ['PARTNER_CENTER_REFRESH_TOKEN', refreshToken],
    ['PARTNER_CENTER_ENDPOINT', 'https://api.partnercenter.microsoft.com'],
    ['PARTNER_CENTER_AUTHORITY_HOST', 'https://login.microsoftonline.us'],
  ])('%s without PARTNER_CENTER_APP_ID is an error naming it', (name, value) => {
    const text = problem({ [name]: value });
    expect(text).toMatch(
      new RegExp(
        `^Configuration error: ${name} is set but PARTNER_CENTER_APP_ID is not: without PARTNER_CENTER_APP_ID ` +
          'the bot uses its local Partner Center',
      ),
    );
    if (
      [
        'PARTNER_CENTER_CLIENT_SECRET',
        'PARTNER_CENTER_CERTIFICATE_PASSWORD',
        'PARTNER_CENTER_REFRESH_TOKEN',
      ].includes(name)
    ) {
      expect(text).not.toContain(value);
    }
  });

  it('blank Partner Center variables count as not set', () => {
    expect(
      loadConfig({ PARTNER_CENTER_CLIENT_SECRET: '  ', PARTNER_CENTER_APP_ID: '' }).partnerCenter,
    ).toEqual({
      mode: 'local',
      port: 0,
    });
  });

  it('refuses the all-zero tenant with PARTNER_CENTER_APP_ID', () => {
    const expected =
      "PARTNER_CENTER_TENANT_ID must be the partner's Microsoft Entra tenant id when PARTNER_CENTER_APP_ID is " +
      'set (by default it is PARTNER_TENANT_ID, which is 00000000-0000-0000-0000-000000000000)';
    expect(problem({ PARTNER_CENTER_APP_ID: appId, PARTNER_CENTER_CLIENT_SECRET: secret })).toBe(
      `Configuration error: ${expected}.`,
    );
    expect(
      problem({
        ...microsoft,
        PARTNER_CENTER_TENANT_ID: '00000000-0000-0000-0000-000000000000',
        PARTNER_CENTER_CLIENT_SECRET: secret,
      }),
    ).toContain(expected);
  });

  it.each([
    [
      'PARTNER_CENTER_APP_ID',
      'not-a-guid',
      'must be the application (client) id of the Partner Center app registration, a GUID',
    ],
    [
      'PARTNER_CENTER_TENANT_ID',
      'contoso.onmicrosoft.com',
      "must be the partner's Microsoft Entra tenant id, a GUID",
    ],
    [
      'PARTNER_CENTER_ENDPOINT',
      'http://api.partnercenter.microsoft.com',
      "must be the https:// address of Partner Center's API, e.g. https://api.partnercenter.microsoft.com",
    ],
    [
      'PARTNER_CENTER_ENDPOINT',
      'api.partnercenter.microsoft.com',
      "must be the https:// address of Partner Center's API, e.g. https://api.partnercenter.microsoft.com",
    ],
    [
      'PARTNER_CENTER_AUTHORITY_HOST',
      'https://login.microsoftonline.com/contoso.onmicrosoft.com',
      'must be the https:// address of the Microsoft Entra sign-in host, without a path, e.g. https://login.microsoftonline.us',
    ],
    [
      'PARTNER_CENTER_AUTHORITY_HOST',
      'http://127.0.0.1:8443',
      'must be the https:// address of the Microsoft Entra sign-in host, without a path, e.g. https://login.microsoftonline.us',
    ],
  ])('%s=%s is refused', (name, value, message) => {
    expect(problem({ ...microsoft, PARTNER_CENTER_CLIENT_SECRET: secret, [name]: value })).toBe(
      `Configuration error: ${name} ${message} (got "${value}").`,
    );
  });

  it('a certificate file that cannot be read, or is not a PEM certificate with its key, stops start-up', () => {
    const missing = path.join(dir, 'missing.pem');
    expect(problem({ ...microsoft, PARTNER_CENTER_CERTIFICATE_PATH: missing })).toBe(
      `Configuration error: PARTNER_CENTER_CERTIFICATE_PATH cannot be read (no such file) (got "${missing}").`,
    );
    expect(problem({ ...microsoft, PARTNER_CENTER_CERTIFICATE_PATH: dir })).toBe(
      `Configuration error: PARTNER_CENTER_CERTIFICATE_PATH cannot be read (EISDIR) (got "${dir}").`,
    );
    expect(problem({ ...microsoft, PARTNER_CENTER_CERTIFICATE_PATH: certificateOnlyPath })).toBe(
      'Configuration error: PARTNER_CENTER_CERTIFICATE_PATH must be a PEM file holding the certificate and its ' +
        `private key (got "${certificateOnlyPath}").`,
    );
  });

  it('a certificate password needs the certificate', () => {
    expect(
      problem({
        ...microsoft,
        PARTNER_CENTER_CLIENT_SECRET: secret,
        PARTNER_CENTER_CERTIFICATE_PASSWORD: password,
      }),
    ).toBe(
      'Configuration error: PARTNER_CENTER_CERTIFICATE_PASSWORD is set without PARTNER_CENTER_CERTIFICATE_PATH.',
    );
  });

  it('never puts a secret in the error text', () => {
    const secrets = {
      PARTNER_CENTER_CLIENT_SECRET: secret,
      PARTNER_CENTER_CERTIFICATE_PASSWORD: password,
      PARTNER_CENTER_REFRESH_TOKEN: refreshToken,
    };
    const withoutAppId = problem(secrets);
    const withTwoCredentials = problem({
      ...microsoft,
      ...secrets,
      PARTNER_CENTER_MANAGED_IDENTITY_CLIENT_ID: 'system',
      PARTNER_CENTER_TENANT_ID: '00000000-0000-0000-0000-000000000000',
    });
    for (const text of [withoutAppId, withTwoCredentials]) {
      for (const value of Object.values(secrets)) expect(text).not.toContain(value);
    }
    expect(withoutAppId).toContain('PARTNER_CENTER_REFRESH_TOKEN is set but PARTNER_CENTER_APP_ID is not');
    expect(withTwoCredentials).toContain('PARTNER_CENTER_MANAGED_IDENTITY_CLIENT_ID cannot be combined');
  });
});

describe('a local Partner Center already running (LOCAL_PARTNER_CENTER_ENDPOINT)', () => {
  const token = 'local-token-value';

  it('is used with its token instead of starting one', () => {
    expect(
      loadConfig({
        LOCAL_PARTNER_CENTER_ENDPOINT: 'http://127.0.0.1:4711',
        LOCAL_PARTNER_CENTER_TOKEN: token,
      }).partnerCenter,
    ).toEqual({ mode: 'local', endpoint: 'http://127.0.0.1:4711', token });
  });

  it('must be on this machine, and comes with its token, which is never echoed', () => {
    expect(
      problem({
        LOCAL_PARTNER_CENTER_ENDPOINT: 'http://partner.example:4711',
        LOCAL_PARTNER_CENTER_TOKEN: token,
      }),
    ).toContain('LOCAL_PARTNER_CENTER_ENDPOINT must be on this machine');
    expect(problem({ LOCAL_PARTNER_CENTER_ENDPOINT: 'http://127.0.0.1:4711' })).toContain(
      'LOCAL_PARTNER_CENTER_TOKEN is required with LOCAL_PARTNER_CENTER_ENDPOINT',
    );
    const message = problem({
      LOCAL_PARTNER_CENTER_ENDPOINT: 'http://127.0.0.1:4711',
      LOCAL_PARTNER_CENTER_TOKEN: token,
      ...microsoft,
      PARTNER_CENTER_CLIENT_SECRET: secret,
    });
    expect(message).toContain('LOCAL_PARTNER_CENTER_ENDPOINT cannot be combined with PARTNER_CENTER_APP_ID');
    expect(message).not.toContain(token);
    expect(message).not.toContain(secret);
  });
});
