import { constants, createHash, createPrivateKey, randomUUID, sign, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import https from 'node:https';
import {
  ClientAssertionCredential,
  ClientCertificateCredential,
  ClientSecretCredential,
  ManagedIdentityCredential,
  type TokenCredential,
} from '@azure/identity';
import { PartnerCenterError } from './partnerCenter';
import type { PartnerCenterTokens } from './partnerCenterTokens';

/**
 * How the bot signs in to Partner Center's API, from configuration. App-only through
 * `@azure/identity` (client secret, certificate, or a managed identity standing in for the app's
 * secret as its federated credential); App+User by the secure application model: a refresh token
 * obtained once by consent, exchanged at Microsoft Entra ID's token endpoint with the same app
 * credential. Entra rotates the refresh token on every exchange; the newest is kept in memory.
 */

/** Partner Center's resource (application id URI) in Microsoft Entra ID. */
export const PARTNER_CENTER_RESOURCE = 'https://api.partnercenter.microsoft.com';
/** App-only: the app's application permissions on Partner Center. */
export const PARTNER_CENTER_APP_SCOPE = `${PARTNER_CENTER_RESOURCE}/.default`;
/** App+User: the delegated permission the partner user consented to. */
export const PARTNER_CENTER_USER_SCOPE = `${PARTNER_CENTER_RESOURCE}/user_impersonation`;
export const DEFAULT_AUTHORITY_HOST = 'https://login.microsoftonline.com';

/** The app's own credential: one of three kinds. */
export type PartnerCenterAppCredential =
  | { kind: 'secret'; secret: string }
  /** A PEM file holding the certificate and its private key (encrypted when `password` is given). */
  | { kind: 'certificate'; path: string; password?: string }
  /** The app trusts this managed identity (federated credential); no `clientId`: system-assigned. */
  | { kind: 'managedIdentity'; clientId?: string };

export interface PartnerCenterSignIn {
  /** e.g. `https://login.microsoftonline.com`, or a sovereign cloud's sign-in host. */
  authorityHost: string;
  /** The partner's Microsoft Entra tenant, where the app is registered. */
  tenantId: string;
  /** The app registration's application (client) id. */
  appId: string;
  credential: PartnerCenterAppCredential;
  /** App+User (secure application model); without it only app-only calls work. */
  refreshToken?: string;
}

export interface PartnerCenterCredentialOptions {
  /**
   * The agent for HTTPS requests to the sign-in host (e.g. one that trusts a private certificate
   * authority). Not used for the managed identity endpoint, which is local to the host.
   */
  agent?: https.Agent;
}

/** For the local Partner Center, which accepts one fixed token for every kind of call. */
export function localPartnerCenterTokens(token: string): PartnerCenterTokens {
  return { token: () => Promise.resolve(token) };
}

/** Tokens for Microsoft's Partner Center, from the configured app credential and refresh token. */
export function createPartnerCenterTokens(
  signIn: PartnerCenterSignIn,
  options: PartnerCenterCredentialOptions = {},
): PartnerCenterTokens {
  return new EntraPartnerCenterTokens(signIn, options);
}

/**
 * The audience of the managed identity token the app accepts as its federated credential: Entra's
 * token exchange resource, one per cloud.
 */
export function tokenExchangeAudience(authorityHost: string): string {
  const host = new URL(authorityHost).hostname.toLowerCase();
  if (host === 'login.microsoftonline.us' || host === 'login.usgovcloudapi.net') {
    return 'api://AzureADTokenExchangeUSGov';
  }
  if (host === 'login.partner.microsoftonline.cn' || host === 'login.chinacloudapi.cn') {
    return 'api://AzureADTokenExchangeChina';
  }
  return 'api://AzureADTokenExchange';
}

/**
 * Sign-in hosts MSAL knows without asking Microsoft (its built-in instance metadata). For any other
 * host (a test, a private cloud) instance discovery is off: MSAL would otherwise ask
 * login.microsoftonline.com to vouch for it, and refuse it.
 */
const MICROSOFT_SIGN_IN_HOSTS = new Set([
  'login.microsoftonline.com',
  'login.windows.net',
  'login.microsoft.com',
  'sts.windows.net',
  'login.partner.microsoftonline.cn',
  'login.chinacloudapi.cn',
  'login.microsoftonline.us',
  'login.usgovcloudapi.net',
  'login-us.microsoftonline.com',
]);

/** Tokens are renewed this long before they expire (as MSAL does for app-only tokens). */
const RENEW_BEFORE_EXPIRY_MS = 5 * 60_000;
const REQUEST_TIMEOUT_MS = 30_000;
const MAX_RESPONSE_BYTES = 1024 * 1024;
const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

interface CertificateKey {
  privateKey: KeyObject;
  /** base64url SHA-256 of the certificate's DER: the `x5t#S256` header Entra finds it by. */
  thumbprintSha256: string;
}

class EntraPartnerCenterTokens implements PartnerCenterTokens {
  private readonly authorityHost: string;
  private readonly tokenUrl: string;
  private readonly appCredential: TokenCredential;
  private readonly managedIdentity: ManagedIdentityCredential | undefined;
  /** The newest refresh token Entra gave (it rotates on every exchange). */
  private refreshToken: string | undefined;
  /** Every value no message may contain. */
  private readonly secrets = new Set<string>();
  private userToken: { token: string; renewAt: number } | undefined;
  private userTokenInFlight: Promise<string> | undefined;
  private appTokenInFlight: Promise<string> | undefined;
  private certificate: CertificateKey | undefined;
  /** Why the managed identity gave no assertion (MSAL reports only a message of its own). */
  private assertionFailure: unknown;

  constructor(
    private readonly signIn: PartnerCenterSignIn,
    private readonly options: PartnerCenterCredentialOptions,
  ) {
    this.authorityHost = signIn.authorityHost.replace(/\/+$/, '');
    this.tokenUrl = `${this.authorityHost}/${encodeURIComponent(signIn.tenantId)}/oauth2/v2.0/token`;
    this.refreshToken = signIn.refreshToken;
    this.remember(signIn.refreshToken);
    const identityOptions = {
      authorityHost: this.authorityHost,
      disableInstanceDiscovery: !MICROSOFT_SIGN_IN_HOSTS.has(new URL(this.authorityHost).hostname),
      ...(options.agent ? { agent: options.agent } : {}),
    };
    const credential = signIn.credential;
    switch (credential.kind) {
      case 'secret':
        this.remember(credential.secret);
        this.appCredential = new ClientSecretCredential(
          signIn.tenantId,
          signIn.appId,
          credential.secret,
          identityOptions,
        );
        break;
      case 'certificate':
        this.remember(credential.password);
        this.appCredential = new ClientCertificateCredential(
          signIn.tenantId,
          signIn.appId,
          {
            certificatePath: credential.path,
            ...(credential.password ? { certificatePassword: credential.password } : {}),
          },
          identityOptions,
        );
        break;
      case 'managedIdentity':
        this.managedIdentity = credential.clientId
          ? new ManagedIdentityCredential({ clientId: credential.clientId })
          : new ManagedIdentityCredential();
        this.appCredential = new ClientAssertionCredential(
          signIn.tenantId,
          signIn.appId,
          () => this.managedIdentityAssertion(),
          identityOptions,
        );
        break;
    }
  }

  token(kind: { appUser: boolean }): Promise<string> {
    return kind.appUser ? this.appUserToken() : this.appOnlyToken();
  }

  // App-only: @azure/identity keeps the token (MSAL's in-memory cache, renewed 5 minutes before
  // expiry); concurrent calls share one request.
  private appOnlyToken(): Promise<string> {
    this.appTokenInFlight ??= this.fetchAppOnlyToken().finally(() => {
      this.appTokenInFlight = undefined;
    });
    return this.appTokenInFlight;
  }

  private async fetchAppOnlyToken(): Promise<string> {
    this.assertionFailure = undefined;
    let token: string | undefined;
    try {
      token = (await this.appCredential.getToken(PARTNER_CENTER_APP_SCOPE))?.token;
    } catch (error) {
      throw this.failure(this.assertionFailure ?? error, 'app-only');
    }
    if (!token) {
      throw new PartnerCenterError('unauthorized', {
        description: this.redact(`Microsoft Entra ID gave no app-only token for ${this.who()}.`),
      });
    }
    return token;
  }

  private async appUserToken(): Promise<string> {
    if (!this.refreshToken) {
      throw new PartnerCenterError('unauthorized', {
        description:
          'PARTNER_CENTER_REFRESH_TOKEN is required for this call: Partner Center accepts only App+User ' +
          'tokens for it. Obtain a refresh token once by consent (secure application model) with a ' +
          "partner user's sign-in and set PARTNER_CENTER_REFRESH_TOKEN.",
      });
    }
    if (this.userToken && Date.now() < this.userToken.renewAt) return this.userToken.token;
    this.userTokenInFlight ??= this.exchangeRefreshToken(this.refreshToken).finally(() => {
      this.userTokenInFlight = undefined;
    });
    return this.userTokenInFlight;
  }

  /** OAuth 2.0 refresh_token grant at the v2.0 token endpoint, authenticated as the app. */
  private async exchangeRefreshToken(refreshToken: string): Promise<string> {
    const form = new URLSearchParams({
      client_id: this.signIn.appId,
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      // offline_access: the answer carries the next refresh token.
      scope: `${PARTNER_CENTER_USER_SCOPE} offline_access`,
    });
    for (const [name, value] of Object.entries(await this.clientAuthentication())) form.set(name, value);

    const sentAt = Date.now();
    let response: { status: number; body: string };
    try {
      response = await postForm(this.tokenUrl, form.toString(), this.options.agent);
    } catch (error) {
      throw new PartnerCenterError('unavailable', {
        description: this.redact(
          `Microsoft Entra ID (${this.authorityHost}) could not be reached to exchange ` +
            `PARTNER_CENTER_REFRESH_TOKEN: ${messageOf(error)}.`,
        ),
      });
    }
    const body = parseJson(response.body);
    const accessToken = typeof body?.access_token === 'string' ? body.access_token : undefined;
    if (response.status === 200 && accessToken) {
      if (typeof body?.refresh_token === 'string' && body.refresh_token) {
        this.refreshToken = body.refresh_token;
        this.remember(body.refresh_token);
      }
      const expiresInSeconds = Number(body?.expires_in);
      const lifetimeMs = (Number.isFinite(expiresInSeconds) ? expiresInSeconds : 3600) * 1000;
      this.userToken = { token: accessToken, renewAt: sentAt + lifetimeMs - RENEW_BEFORE_EXPIRY_MS };
      return accessToken;
    }
    const said = [body?.error, body?.error_description]
      .filter((part): part is string => typeof part === 'string' && part !== '')
      .join(': ');
    throw this.failure(
      {
        status: response.status,
        error: typeof body?.error === 'string' ? body.error : undefined,
        text: said || `HTTP ${response.status} ${response.body.slice(0, 200)}`,
      },
      'app+user',
    );
  }

  /** The app proves itself as it does for app-only tokens: secret, signed assertion, or managed identity. */
  private async clientAuthentication(): Promise<Record<string, string>> {
    const credential = this.signIn.credential;
    switch (credential.kind) {
      case 'secret':
        return { client_secret: credential.secret };
      case 'certificate':
        return {
          client_assertion_type: JWT_BEARER,
          client_assertion: signedAssertion(
            await this.certificateKey(credential.path, credential.password),
            this.signIn.appId,
            this.tokenUrl,
          ),
        };
      case 'managedIdentity':
        try {
          return {
            client_assertion_type: JWT_BEARER,
            client_assertion: await this.managedIdentityAssertion(),
          };
        } catch (error) {
          throw this.failure(error, 'app+user');
        }
    }
  }

  private async managedIdentityAssertion(): Promise<string> {
    try {
      const token = await this.managedIdentity!.getToken(
        `${tokenExchangeAudience(this.authorityHost)}/.default`,
      );
      if (!token?.token) throw new Error('the managed identity endpoint gave no token');
      return token.token;
    } catch (error) {
      this.assertionFailure = { managedIdentity: true, error };
      throw error;
    }
  }

  private async certificateKey(path: string, password: string | undefined): Promise<CertificateKey> {
    if (this.certificate) return this.certificate;
    const refuse = (why: string) =>
      new PartnerCenterError('unauthorized', {
        description: this.redact(`PARTNER_CENTER_CERTIFICATE_PATH (${path}) ${why}.`),
      });
    let pem: string;
    try {
      pem = await readFile(path, 'utf8');
    } catch (error) {
      throw refuse(`could not be read: ${messageOf(error)}`);
    }
    const certificate = /-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\s]+?)-----END CERTIFICATE-----/.exec(pem);
    const key = /-----BEGIN ((?:ENCRYPTED |RSA )?PRIVATE KEY)-----[\s\S]+?-----END \1-----/.exec(pem);
    if (!certificate?.[1]) throw refuse('holds no PEM certificate');
    if (!key) throw refuse('holds no PEM private key');
    let privateKey: KeyObject;
    try {
      privateKey = createPrivateKey({
        key: key[0],
        format: 'pem',
        ...(password ? { passphrase: password } : {}),
      });
    } catch {
      throw refuse(
        password
          ? 'has a private key that PARTNER_CENTER_CERTIFICATE_PASSWORD does not open'
          : 'has a private key that could not be read (encrypted? set PARTNER_CENTER_CERTIFICATE_PASSWORD)',
      );
    }
    if (privateKey.asymmetricKeyType !== 'rsa') throw refuse('must hold an RSA key');
    const der = Buffer.from(certificate[1].replace(/\s+/g, ''), 'base64');
    this.certificate = { privateKey, thumbprintSha256: createHash('sha256').update(der).digest('base64url') };
    return this.certificate;
  }

  /** A failure as the caller acts on it: a refusal is the operator's ('unauthorized'), an outage transient. */
  private failure(error: unknown, flow: 'app-only' | 'app+user'): PartnerCenterError {
    if (error instanceof PartnerCenterError) return error;
    const managedIdentity = isManagedIdentityFailure(error);
    const reason = entraReason(managedIdentity ? (error as { error: unknown }).error : error);
    const code = /AADSTS(\d+)/.exec(reason.text)?.[1];
    if (reason.transient) {
      return new PartnerCenterError('unavailable', {
        ...(reason.status ? { status: reason.status } : {}),
        description: this.redact(
          `${managedIdentity ? 'The managed identity endpoint' : `Microsoft Entra ID (${this.authorityHost})`} ` +
            `did not answer the ${flow} sign-in of ${this.who()}: ${clip(reason.text)}`,
        ),
      });
    }
    const hint = managedIdentity
      ? 'the managed identity (PARTNER_CENTER_MANAGED_IDENTITY_CLIENT_ID) gave no token: check that it is ' +
        'assigned to this host and that its client id is right'
      : hintFor(code, reason.error, flow, this.signIn.credential.kind);
    return new PartnerCenterError('unauthorized', {
      ...(code ? { code: `AADSTS${code}` } : {}),
      description: this.redact(
        `Microsoft Entra ID refused the ${flow} sign-in of ${this.who()}: ${hint}. It said: ${clip(reason.text)}`,
      ),
    });
  }

  private who(): string {
    const using = {
      secret: 'its client secret (PARTNER_CENTER_CLIENT_SECRET)',
      certificate: 'its certificate (PARTNER_CENTER_CERTIFICATE_PATH)',
      managedIdentity: 'its managed identity (PARTNER_CENTER_MANAGED_IDENTITY_CLIENT_ID)',
    }[this.signIn.credential.kind];
    return `app ${this.signIn.appId} in tenant ${this.signIn.tenantId} with ${using}`;
  }

  private remember(secret: string | undefined): void {
    if (secret) this.secrets.add(secret);
  }

  private redact(text: string): string {
    let safe = text;
    for (const secret of this.secrets) safe = safe.split(secret).join('[redacted]');
    return safe;
  }
}

/** What to do about a refusal, by Entra's AADSTS code, else by the OAuth error and the flow. */
function hintFor(
  code: string | undefined,
  error: string | undefined,
  flow: 'app-only' | 'app+user',
  kind: PartnerCenterAppCredential['kind'],
): string {
  const byCode: Record<string, string> = {
    '7000215':
      "the client secret is wrong: PARTNER_CENTER_CLIENT_SECRET must be the secret's value, not its id",
    '7000222': 'the client secret has expired: create a new one and set PARTNER_CENTER_CLIENT_SECRET',
    '700016': 'no app PARTNER_CENTER_APP_ID exists in tenant PARTNER_CENTER_TENANT_ID',
    '90002': 'tenant PARTNER_CENTER_TENANT_ID was not found',
    '700027': 'the certificate is not registered on the app: upload its public part to the app registration',
    '700024': "the signed assertion is outside its validity: check this host's clock",
    '70021':
      'no federated credential on the app matches the managed identity: add one (issuer: the tenant, ' +
      "subject: the managed identity's object id)",
    '700211': "no federated credential on the app has the managed identity token's issuer",
    '700212': "no federated credential on the app has the managed identity token's audience",
    '700213': "no federated credential on the app has the managed identity's object id as subject",
    '70008': 'PARTNER_CENTER_REFRESH_TOKEN has expired: obtain a new one by consent',
    '700082': 'PARTNER_CENTER_REFRESH_TOKEN expired after 90 days without use: obtain a new one by consent',
    '50173':
      'PARTNER_CENTER_REFRESH_TOKEN was revoked (password change or sign-out): obtain a new one by consent',
    '65001':
      "the app lacks the partner user's consent for Partner Center: obtain a new refresh token by consent",
    '50076':
      'Partner Center requires multifactor authentication: obtain a new refresh token by consent with MFA',
    '50079':
      'Partner Center requires multifactor authentication: obtain a new refresh token by consent with MFA',
    '53003': 'a Conditional Access policy blocked the sign-in',
  };
  if (code && byCode[code]) return byCode[code];
  if (error === 'invalid_grant' && flow === 'app+user') {
    return 'PARTNER_CENTER_REFRESH_TOKEN was not accepted: obtain a new one by consent';
  }
  if (error === 'invalid_client' || error === 'unauthorized_client') {
    return {
      secret: 'check PARTNER_CENTER_APP_ID, PARTNER_CENTER_TENANT_ID and PARTNER_CENTER_CLIENT_SECRET',
      certificate:
        'check PARTNER_CENTER_APP_ID, PARTNER_CENTER_TENANT_ID and the certificate registered on the app',
      managedIdentity:
        "check PARTNER_CENTER_APP_ID, PARTNER_CENTER_TENANT_ID and the app's federated credential",
    }[kind];
  }
  return 'check the Partner Center app registration and its credential';
}

interface EntraReason {
  text: string;
  status?: number;
  error?: string;
  transient: boolean;
}

/** What went wrong, from an @azure/identity error, a token endpoint answer, or a network error. */
function entraReason(error: unknown): EntraReason {
  const value = (error ?? {}) as {
    name?: string;
    message?: string;
    status?: number;
    statusCode?: number;
    error?: string;
    text?: string;
    errorResponse?: { error?: string; errorDescription?: string };
  };
  if (typeof value.text === 'string') {
    // A token endpoint answer of our own request.
    const status = value.status ?? 0;
    return {
      text: value.text,
      status,
      ...(value.error ? { error: value.error } : {}),
      transient: status >= 500 || status === 429,
    };
  }
  const text = value.errorResponse
    ? [value.errorResponse.error, value.errorResponse.errorDescription].filter(Boolean).join(': ')
    : messageOf(error);
  const status = value.statusCode;
  const oauthError = value.errorResponse?.error ?? /\b(invalid_\w+|unauthorized_client)\b/.exec(text)?.[1];
  const unreachable =
    /ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|socket hang up|network_error|endpoints_resolution_error|timed? ?out/i.test(
      text,
    );
  return {
    text,
    ...(status ? { status } : {}),
    ...(oauthError ? { error: oauthError } : {}),
    transient:
      (status !== undefined && (status >= 500 || status === 429)) || (unreachable && !/AADSTS/.test(text)),
  };
}

function isManagedIdentityFailure(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { managedIdentity?: unknown }).managedIdentity === true
  );
}

/** A client assertion signed with the certificate (PS256, found by its SHA-256 thumbprint). */
function signedAssertion(key: CertificateKey, appId: string, audience: string): string {
  const now = Math.floor(Date.now() / 1000);
  const header = { alg: 'PS256', typ: 'JWT', 'x5t#S256': key.thumbprintSha256 };
  const claims = {
    aud: audience,
    iss: appId,
    sub: appId,
    jti: randomUUID(),
    nbf: now,
    iat: now,
    exp: now + 600,
  };
  const signingInput = `${base64url(header)}.${base64url(claims)}`;
  const signature = sign('sha256', Buffer.from(signingInput), {
    key: key.privateKey,
    padding: constants.RSA_PKCS1_PSS_PADDING,
    saltLength: constants.RSA_PSS_SALTLEN_DIGEST,
  });
  return `${signingInput}.${signature.toString('base64url')}`;
}

function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function postForm(
  url: string,
  body: string,
  agent: https.Agent | undefined,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = https.request(
      url,
      {
        method: 'POST',
        ...(agent ? { agent } : {}),
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': Buffer.byteLength(body),
          accept: 'application/json',
        },
        timeout: REQUEST_TIMEOUT_MS,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_RESPONSE_BYTES) request.destroy(new Error('the answer is too large'));
          else chunks.push(chunk);
        });
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        response.on('error', reject);
      },
    );
    request.on('timeout', () =>
      request.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS / 1000} s`)),
    );
    request.on('error', reject);
    request.end(body);
  });
}

function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function messageOf(error: unknown): string {
  // Not `instanceof Error`: errors from Node's own modules may come from another realm (jest, vm).
  const { message, code } = (typeof error === 'object' && error !== null ? error : {}) as {
    message?: unknown;
    code?: unknown;
  };
  if (typeof message !== 'string') return String(error);
  return typeof code === 'string' && !message.includes(code) ? `${code} ${message}`.trim() : message;
}

/** Entra's words on one line, short enough for a log line (MSAL's preamble before them dropped). */
function clip(text: string): string {
  const line = text
    .replace(/^[\s\S]*?- Description: (?=AADSTS)/, '')
    .replace(/\s+/g, ' ')
    .trim();
  return line.length > 400 ? `${line.slice(0, 399)}…` : line;
}
