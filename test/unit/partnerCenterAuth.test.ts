import {
  constants,
  createHash,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  X509Certificate,
  type KeyObject,
} from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { PartnerCenterError } from '../../services/partnerCenter/partnerCenter';
import {
  createPartnerCenterTokens,
  localPartnerCenterTokens,
  PARTNER_CENTER_APP_SCOPE,
  PARTNER_CENTER_USER_SCOPE,
  tokenExchangeAudience,
  type PartnerCenterAppCredential,
} from '../../services/partnerCenter/partnerCenterCredentials';

/**
 * The token provider against a fake Microsoft Entra ID on 127.0.0.1. MSAL (under @azure/identity)
 * accepts only an https authority, so the fake speaks TLS with a self-signed certificate made here,
 * and the provider's agent trusts exactly that certificate (verification stays on). The managed
 * identity is the real ManagedIdentityCredential talking to a fake App Service identity endpoint
 * (IDENTITY_ENDPOINT / IDENTITY_HEADER) over loopback HTTP.
 */

const appId = '9f0b5a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b';
const tenantId = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const managedIdentityClientId = '0d5f9f27-3c64-4a5e-9a46-1a1a2b2c3d4e';
const unknownIdentityClientId = '5b6c7d8e-0000-4e5a-9b6c-7d8e9f0a1b2c';
const clientSecret = 'pc-secret~Value.123';
const certificatePassword = 'pem-password-42';
const identityHeader = 'identity-header-value';

// ---------- A loopback-only guard: the tests must never reach anything but this machine. ----------

const farConnections: string[] = [];
const originalConnect = net.Socket.prototype.connect;

function guardLoopback(): void {
  net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
    // net.connect passes its normalised [options, listener]; a direct call passes (options) or (port, host).
    const first = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0];
    const options = (
      typeof first === 'object' && first !== null ? first : { port: first, host: args[1] }
    ) as { host?: unknown; hostname?: unknown };
    // Without a host, Node connects to localhost (or to a local socket file).
    const host = String(options.host ?? options.hostname ?? 'localhost');
    if (!['127.0.0.1', 'localhost', '::1'].includes(host)) {
      farConnections.push(host);
      throw new Error(`test refused a connection to ${host}`);
    }
    return (originalConnect as (...a: unknown[]) => net.Socket).apply(this, args);
  } as typeof net.Socket.prototype.connect;
}

// ---------- A self-signed X.509 certificate, DER built by hand (Node can sign but not issue). ----------

function der(tag: number, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  let length: Buffer;
  if (body.length < 0x80) length = Buffer.from([body.length]);
  else {
    const bytes: number[] = [];
    for (let n = body.length; n > 0; n >>= 8) bytes.unshift(n & 0xff);
    length = Buffer.from([0x80 | bytes.length, ...bytes]);
  }
  return Buffer.concat([Buffer.from([tag]), length, body]);
}
const sequence = (...parts: Buffer[]) => der(0x30, ...parts);
const oid = (dotted: string) => {
  const [a = 0, b = 0, ...rest] = dotted.split('.').map(Number);
  const bytes = [a * 40 + b];
  for (const value of rest) {
    const chunk = [value & 0x7f];
    for (let v = value >> 7; v > 0; v >>= 7) chunk.unshift((v & 0x7f) | 0x80);
    bytes.push(...chunk);
  }
  return der(0x06, Buffer.from(bytes));
};
const utcTime = (date: Date) =>
  der(0x17, Buffer.from(date.toISOString().replace(/[-:T]/g, '').slice(2, 14) + 'Z'));

function selfSignedCertificate(commonName: string): { certPem: string; privateKey: KeyObject; der: Buffer } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const sha256WithRsa = sequence(oid('1.2.840.113549.1.1.11'), der(0x05));
  const name = sequence(der(0x31, sequence(oid('2.5.4.3'), der(0x0c, Buffer.from(commonName)))));
  const subjectAltName = sequence(
    oid('2.5.29.17'),
    der(0x04, sequence(der(0x87, Buffer.from([127, 0, 0, 1])))), // iPAddress 127.0.0.1
  );
  const tbs = sequence(
    der(0xa0, der(0x02, Buffer.from([2]))), // v3
    der(0x02, Buffer.from([0x01, ...Array.from({ length: 8 }, () => Math.floor(Math.random() * 256))])),
    sha256WithRsa,
    name,
    sequence(utcTime(new Date(Date.now() - 3600_000)), utcTime(new Date(Date.now() + 86_400_000))),
    name,
    publicKey.export({ type: 'spki', format: 'der' }),
    der(0xa3, sequence(subjectAltName)),
  );
  const signature = sign('sha256', tbs, privateKey);
  const certificate = sequence(tbs, sha256WithRsa, der(0x03, Buffer.from([0]), signature));
  const body = certificate.toString('base64').replace(/(.{64})/g, '$1\n');
  return {
    certPem: `-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----\n`,
    privateKey,
    der: certificate,
  };
}

// ---------- The fake Microsoft Entra ID and App Service identity endpoint. ----------

type Form = Record<string, string>;
interface TokenAnswer {
  status: number;
  body: Record<string, unknown>;
}

const tokenRequests: Form[] = [];
const identityRequests: { url: URL; header: string | undefined }[] = [];
/** Answers for the next token requests, in order; without one, a fresh access token. */
const queuedAnswers: ((form: Form) => TokenAnswer)[] = [];
let issued = 0;

function defaultAnswer(form: Form): TokenAnswer {
  issued += 1;
  return {
    status: 200,
    body: {
      token_type: 'Bearer',
      expires_in: 3600,
      access_token: `access-${form.grant_type}-${issued}`,
      ...(form.grant_type === 'refresh_token' ? { refresh_token: `rt-rotated-${issued}` } : {}),
    },
  };
}

function entraError(status: number, error: string, code: number, description: string): TokenAnswer {
  return {
    status,
    body: {
      error,
      error_description: `AADSTS${code}: ${description} Trace ID: 0000 Correlation ID: 1111 Timestamp: 2026-01-01 00:00:00Z`,
      error_codes: [code],
      trace_id: '0000',
      correlation_id: '1111',
    },
  };
}

let tls: ReturnType<typeof selfSignedCertificate>;
let entra: https.Server;
let identityEndpoint: http.Server;
let authorityHost: string;
let agent: https.Agent;
let dir: string;
let certificatePath: string;
let appCertificate: ReturnType<typeof selfSignedCertificate>;

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

function send(response: http.ServerResponse, status: number, body: unknown): void {
  // Not chained: restify, loaded by another suite in the same jest worker, makes writeHead return nothing.
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

beforeAll(async () => {
  guardLoopback();
  tls = selfSignedCertificate('127.0.0.1');
  entra = https.createServer(
    { cert: tls.certPem, key: tls.privateKey.export({ type: 'pkcs8', format: 'pem' }) },
    (request, response) => {
      void (async () => {
        const url = new URL(request.url ?? '/', authorityHost);
        const tenantBase = `${authorityHost}/${tenantId}`;
        if (
          request.method === 'GET' &&
          url.pathname === `/${tenantId}/v2.0/.well-known/openid-configuration`
        ) {
          send(response, 200, {
            issuer: `${tenantBase}/v2.0`,
            token_endpoint: `${tenantBase}/oauth2/v2.0/token`,
            authorization_endpoint: `${tenantBase}/oauth2/v2.0/authorize`,
            end_session_endpoint: `${tenantBase}/oauth2/v2.0/logout`,
            jwks_uri: `${tenantBase}/discovery/v2.0/keys`,
          });
          return;
        }
        if (request.method === 'POST' && url.pathname === `/${tenantId}/oauth2/v2.0/token`) {
          const form = Object.fromEntries(new URLSearchParams(await readBody(request)));
          tokenRequests.push(form);
          const answer = (queuedAnswers.shift() ?? defaultAnswer)(form);
          send(response, answer.status, answer.body);
          return;
        }
        send(response, 404, { error: 'not_found' });
      })();
    },
  );
  identityEndpoint = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    identityRequests.push({ url, header: request.headers['x-identity-header'] as string | undefined });
    if (url.searchParams.get('client_id') === unknownIdentityClientId) {
      send(response, 400, { statusCode: 400, message: 'No managed identity found for the given client id.' });
      return;
    }
    if (request.headers['x-identity-header'] !== identityHeader) {
      send(response, 401, { error: 'unauthorized' });
      return;
    }
    send(response, 200, {
      access_token: `mi-assertion-for-${url.searchParams.get('resource')}`,
      expires_on: String(Math.floor(Date.now() / 1000) + 3600),
      resource: url.searchParams.get('resource'),
      token_type: 'Bearer',
    });
  });
  await new Promise<void>((resolve) => entra.listen(0, '127.0.0.1', resolve));
  await new Promise<void>((resolve) => identityEndpoint.listen(0, '127.0.0.1', resolve));
  authorityHost = `https://127.0.0.1:${(entra.address() as AddressInfo).port}`;
  // Read by MSAL when a ManagedIdentityCredential is made: App Service's identity endpoint.
  process.env.IDENTITY_ENDPOINT = `http://127.0.0.1:${(identityEndpoint.address() as AddressInfo).port}/msi/token`;
  process.env.IDENTITY_HEADER = identityHeader;
  agent = new https.Agent({ ca: tls.certPem, keepAlive: true });

  dir = mkdtempSync(path.join(os.tmpdir(), 'pc-auth-'));
  appCertificate = selfSignedCertificate('partner-center-app');
  certificatePath = path.join(dir, 'app.pem');
  writeFileSync(
    certificatePath,
    appCertificate.certPem +
      appCertificate.privateKey.export({
        type: 'pkcs8',
        format: 'pem',
        cipher: 'aes-256-cbc',
        passphrase: certificatePassword,
      }),
  );
});

afterAll(async () => {
  net.Socket.prototype.connect = originalConnect;
  delete process.env.IDENTITY_ENDPOINT;
  delete process.env.IDENTITY_HEADER;
  agent.destroy();
  entra.closeAllConnections();
  identityEndpoint.closeAllConnections();
  await new Promise((resolve) => entra.close(resolve));
  await new Promise((resolve) => identityEndpoint.close(resolve));
  rmSync(dir, { recursive: true, force: true });
  expect(farConnections).toEqual([]);
});

beforeEach(() => {
  tokenRequests.length = 0;
  identityRequests.length = 0;
  queuedAnswers.length = 0;
});

function tokens(credential: PartnerCenterAppCredential, refreshToken?: string) {
  return createPartnerCenterTokens(
    { authorityHost, tenantId, appId, credential, ...(refreshToken ? { refreshToken } : {}) },
    { agent },
  );
}

/** Checks a client assertion as Entra does: PS256 over header.claims, by the certificate's key. */
function expectSignedAssertion(assertion: string | undefined, audience: string): void {
  const [header, claims, signature] = (assertion ?? '').split('.');
  const decodedHeader = JSON.parse(Buffer.from(header ?? '', 'base64url').toString()) as Record<
    string,
    unknown
  >;
  const decodedClaims = JSON.parse(Buffer.from(claims ?? '', 'base64url').toString()) as Record<
    string,
    unknown
  >;
  expect(decodedHeader).toMatchObject({
    alg: 'PS256',
    'x5t#S256': createHash('sha256').update(appCertificate.der).digest('base64url'),
  });
  expect(decodedClaims).toMatchObject({ aud: audience, iss: appId, sub: appId });
  expect(Number(decodedClaims.exp)).toBeGreaterThan(Date.now() / 1000);
  const publicKey = createPublicKey(
    new X509Certificate(appCertificate.certPem).publicKey.export({ type: 'spki', format: 'pem' }),
  );
  expect(
    verify(
      'sha256',
      Buffer.from(`${header}.${claims}`),
      {
        key: publicKey,
        padding: constants.RSA_PKCS1_PSS_PADDING,
        saltLength: constants.RSA_PSS_SALTLEN_DIGEST,
      },
      Buffer.from(signature ?? '', 'base64url'),
    ),
  ).toBe(true);
}

async function refusal(promise: Promise<unknown>): Promise<PartnerCenterError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(PartnerCenterError);
  return error as PartnerCenterError;
}

const tokenUrl = () => `${authorityHost}/${tenantId}/oauth2/v2.0/token`;

describe('Partner Center tokens: app-only through @azure/identity', () => {
  it('client secret: a client_credentials grant for Partner Center, then the cached token', async () => {
    const provider = tokens({ kind: 'secret', secret: clientSecret });
    const first = await provider.token({ appUser: false });
    expect(first).toMatch(/^access-client_credentials-/);
    expect(tokenRequests).toHaveLength(1);
    expect(tokenRequests[0]).toMatchObject({
      grant_type: 'client_credentials',
      client_id: appId,
      client_secret: clientSecret,
    });
    expect(tokenRequests[0]?.scope?.split(' ')).toContain(PARTNER_CENTER_APP_SCOPE);
    await expect(provider.token({ appUser: false })).resolves.toBe(first);
    expect(tokenRequests).toHaveLength(1);
  });

  it('certificate: a client assertion signed with the PEM file’s (encrypted) key', async () => {
    const provider = tokens({ kind: 'certificate', path: certificatePath, password: certificatePassword });
    await expect(provider.token({ appUser: false })).resolves.toMatch(/^access-client_credentials-/);
    expect(tokenRequests[0]).toMatchObject({
      grant_type: 'client_credentials',
      client_id: appId,
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
    });
    expect(tokenRequests[0]).not.toHaveProperty('client_secret');
    expectSignedAssertion(tokenRequests[0]?.client_assertion, tokenUrl());
  });

  it('managed identity: its token for api://AzureADTokenExchange is the app’s client assertion', async () => {
    const provider = tokens({ kind: 'managedIdentity', clientId: managedIdentityClientId });
    await expect(provider.token({ appUser: false })).resolves.toMatch(/^access-client_credentials-/);
    expect(identityRequests.length).toBeGreaterThanOrEqual(1);
    expect(identityRequests[0]?.header).toBe(identityHeader);
    expect(identityRequests[0]?.url.searchParams.get('resource')).toBe('api://AzureADTokenExchange');
    expect(identityRequests[0]?.url.searchParams.get('client_id')).toBe(managedIdentityClientId);
    expect(tokenRequests[0]).toMatchObject({
      grant_type: 'client_credentials',
      client_id: appId,
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: 'mi-assertion-for-api://AzureADTokenExchange',
    });
  });

  it('a wrong client secret is "unauthorized" with what to fix, and never the secret', async () => {
    // The fake echoes the secret it got, as a careless service might: it must not come through.
    queuedAnswers.push((form) =>
      entraError(401, 'invalid_client', 7000215, `Invalid client secret provided: ${form.client_secret}.`),
    );
    const error = await refusal(tokens({ kind: 'secret', secret: clientSecret }).token({ appUser: false }));
    expect(error.failure).toBe('unauthorized');
    expect(error.code).toBe('AADSTS7000215');
    expect(error.description).toContain('PARTNER_CENTER_CLIENT_SECRET');
    expect(error.description).toContain('AADSTS7000215');
    expect(error.description).toContain(appId);
    expect(error.message).not.toContain(clientSecret);
  });

  it('a managed identity the host does not have is "unauthorized", naming the variable', async () => {
    const error = await refusal(
      tokens({ kind: 'managedIdentity', clientId: unknownIdentityClientId }).token({ appUser: false }),
    );
    expect(error.failure).toBe('unauthorized');
    expect(error.description).toContain('PARTNER_CENTER_MANAGED_IDENTITY_CLIENT_ID');
    expect(error.description).toContain('No managed identity found');
    expect(tokenRequests).toHaveLength(0);
  });

  it('a certificate the app does not know is "unauthorized", naming the certificate', async () => {
    queuedAnswers.push(() =>
      entraError(401, 'invalid_client', 700027, 'Client assertion failed signature validation.'),
    );
    const error = await refusal(
      tokens({ kind: 'certificate', path: certificatePath, password: certificatePassword }).token({
        appUser: false,
      }),
    );
    expect(error.failure).toBe('unauthorized');
    expect(error.description).toMatch(/certificate is not registered on the app/);
    expect(error.message).not.toContain(certificatePassword);
  });
});

describe('Partner Center tokens: App+User from the refresh token', () => {
  it('exchanges the refresh token with the client secret, caches, and uses the rotated one next', async () => {
    // The first token is about to expire (inside the 5-minute margin): the next call exchanges again.
    queuedAnswers.push(() => ({
      status: 200,
      body: { token_type: 'Bearer', expires_in: 120, access_token: 'user-1', refresh_token: 'rt-2' },
    }));
    queuedAnswers.push(() => ({
      status: 200,
      body: { token_type: 'Bearer', expires_in: '3600', access_token: 'user-2', refresh_token: 'rt-3' },
    }));
    const provider = tokens({ kind: 'secret', secret: clientSecret }, 'rt-1');

    await expect(provider.token({ appUser: true })).resolves.toBe('user-1');
    expect(tokenRequests[0]).toEqual({
      client_id: appId,
      grant_type: 'refresh_token',
      refresh_token: 'rt-1',
      scope: `${PARTNER_CENTER_USER_SCOPE} offline_access`,
      client_secret: clientSecret,
    });

    await expect(provider.token({ appUser: true })).resolves.toBe('user-2');
    expect(tokenRequests[1]).toMatchObject({ grant_type: 'refresh_token', refresh_token: 'rt-2' });

    // Valid for an hour: cached.
    await expect(provider.token({ appUser: true })).resolves.toBe('user-2');
    expect(tokenRequests).toHaveLength(2);
  });

  it('concurrent App+User calls share one exchange', async () => {
    const provider = tokens({ kind: 'secret', secret: clientSecret }, 'rt-1');
    const [a, b, c] = await Promise.all([
      provider.token({ appUser: true }),
      provider.token({ appUser: true }),
      provider.token({ appUser: true }),
    ]);
    expect(new Set([a, b, c]).size).toBe(1);
    expect(tokenRequests).toHaveLength(1);
  });

  it('app-only and App+User are separate tokens from one provider', async () => {
    const provider = tokens({ kind: 'secret', secret: clientSecret }, 'rt-1');
    const user = await provider.token({ appUser: true });
    const app = await provider.token({ appUser: false });
    expect(user).toMatch(/^access-refresh_token-/);
    expect(app).toMatch(/^access-client_credentials-/);
    expect(tokenRequests.map((form) => form.grant_type).sort()).toEqual([
      'client_credentials',
      'refresh_token',
    ]);
  });

  it('with a certificate: the exchange carries a signed client assertion for the token endpoint', async () => {
    const provider = tokens(
      { kind: 'certificate', path: certificatePath, password: certificatePassword },
      'rt-1',
    );
    await expect(provider.token({ appUser: true })).resolves.toMatch(/^access-refresh_token-/);
    expect(tokenRequests[0]).toMatchObject({
      grant_type: 'refresh_token',
      refresh_token: 'rt-1',
      client_id: appId,
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
    });
    expect(tokenRequests[0]).not.toHaveProperty('client_secret');
    expectSignedAssertion(tokenRequests[0]?.client_assertion, tokenUrl());
  });

  it('with a managed identity (system-assigned): its token is the client assertion', async () => {
    const provider = tokens({ kind: 'managedIdentity' }, 'rt-1');
    await expect(provider.token({ appUser: true })).resolves.toMatch(/^access-refresh_token-/);
    expect(identityRequests.length).toBeGreaterThanOrEqual(1);
    expect(identityRequests.every((request) => !request.url.searchParams.has('client_id'))).toBe(true);
    expect(tokenRequests[0]).toMatchObject({
      grant_type: 'refresh_token',
      refresh_token: 'rt-1',
      client_assertion: 'mi-assertion-for-api://AzureADTokenExchange',
    });
  });

  it('without PARTNER_CENTER_REFRESH_TOKEN: "unauthorized" saying it is required, and no request', async () => {
    const error = await refusal(tokens({ kind: 'secret', secret: clientSecret }).token({ appUser: true }));
    expect(error.failure).toBe('unauthorized');
    expect(error.description).toMatch(/^PARTNER_CENTER_REFRESH_TOKEN is required for this call/);
    expect(tokenRequests).toHaveLength(0);
  });

  it('an expired refresh token is "unauthorized" asking for new consent, never showing the token', async () => {
    queuedAnswers.push((form) =>
      entraError(
        400,
        'invalid_grant',
        700082,
        `The refresh token has expired due to inactivity (${form.refresh_token}).`,
      ),
    );
    const error = await refusal(
      tokens({ kind: 'secret', secret: clientSecret }, 'rt-secret-value').token({ appUser: true }),
    );
    expect(error.failure).toBe('unauthorized');
    expect(error.description).toMatch(/PARTNER_CENTER_REFRESH_TOKEN expired .* obtain a new one by consent/);
    expect(error.message).not.toContain('rt-secret-value');
    expect(error.message).not.toContain(clientSecret);
  });

  it('a rotated refresh token is not shown either', async () => {
    queuedAnswers.push(() => ({
      status: 200,
      body: {
        token_type: 'Bearer',
        expires_in: 60,
        access_token: 'user-1',
        refresh_token: 'rt-rotated-secret',
      },
    }));
    queuedAnswers.push((form) =>
      entraError(400, 'invalid_grant', 50173, `Grant revoked: ${form.refresh_token}`),
    );
    const provider = tokens({ kind: 'secret', secret: clientSecret }, 'rt-1');
    await provider.token({ appUser: true });
    const error = await refusal(provider.token({ appUser: true }));
    expect(tokenRequests[1]?.refresh_token).toBe('rt-rotated-secret');
    expect(error.description).toMatch(/revoked/);
    expect(error.message).not.toContain('rt-rotated-secret');
  });

  it('Entra failing (5xx) is "unavailable", to be retried', async () => {
    queuedAnswers.push(() => entraError(503, 'temporarily_unavailable', 90033, 'Service unavailable.'));
    const error = await refusal(
      tokens({ kind: 'secret', secret: clientSecret }, 'rt-1').token({ appUser: true }),
    );
    expect(error.failure).toBe('unavailable');
    expect(error.status).toBe(503);
  });

  it('Entra unreachable is "unavailable"', async () => {
    // A listener that drops every connection, kept for the test: a port closed beforehand could be
    // taken meanwhile by another suite's server, which might answer, or hold the connection open.
    const closed = net.createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    const provider = createPartnerCenterTokens(
      {
        authorityHost: `https://127.0.0.1:${port}`,
        tenantId,
        appId,
        credential: { kind: 'secret', secret: clientSecret },
        refreshToken: 'rt-1',
      },
      { agent },
    );
    const error = await refusal(provider.token({ appUser: true })).finally(
      () => new Promise((resolve) => closed.close(resolve)),
    );
    expect(error.failure).toBe('unavailable');
    expect(error.description).toMatch(/could not be reached/);
    expect(error.message).not.toContain(clientSecret);
  });

  it('a certificate password that does not open the key is "unauthorized", without the password', async () => {
    const error = await refusal(
      tokens({ kind: 'certificate', path: certificatePath, password: 'wrong-password-7' }, 'rt-1').token({
        appUser: true,
      }),
    );
    expect(error.failure).toBe('unauthorized');
    expect(error.description).toMatch(/PARTNER_CENTER_CERTIFICATE_PASSWORD does not open/);
    expect(error.message).not.toContain('wrong-password-7');
    expect(tokenRequests).toHaveLength(0);
  });
});

describe('Partner Center tokens: the rest', () => {
  it('the local Partner Center takes one fixed token for every call', async () => {
    const provider = localPartnerCenterTokens('local-token');
    await expect(provider.token({ appUser: true })).resolves.toBe('local-token');
    await expect(provider.token({ appUser: false })).resolves.toBe('local-token');
  });

  it('the managed identity token audience follows the cloud', () => {
    expect(tokenExchangeAudience('https://login.microsoftonline.com')).toBe('api://AzureADTokenExchange');
    expect(tokenExchangeAudience('https://login.microsoftonline.us')).toBe('api://AzureADTokenExchangeUSGov');
    expect(tokenExchangeAudience('https://login.chinacloudapi.cn')).toBe('api://AzureADTokenExchangeChina');
  });
});
