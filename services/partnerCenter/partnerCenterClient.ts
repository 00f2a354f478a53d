import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import {
  PartnerCenterError,
  type AddressValidation,
  type AgreementAcceptance,
  type AgreementTemplate,
  type CreatedCustomer,
  type NewCustomer,
  type PartnerCenter,
  type PartnerCenterAddress,
} from './partnerCenter';
import type { PartnerCenterTokens } from './partnerCenterTokens';
import {
  MICROSOFT_CUSTOMER_AGREEMENT,
  wireAddressValidationSchema,
  wireAgreementMetadataSchema,
  wireAgreementSchema,
  wireCustomerSchema,
  wireErrorSchema,
  wireRelationshipRequestSchema,
  type WireAddress,
  type WireAgreement,
  type WireCustomerRequest,
} from './wire';

export interface PartnerCenterClientOptions {
  /** e.g. `https://api.partnercenter.microsoft.com`, or the local Partner Center's endpoint. */
  endpoint: string;
  tokens: PartnerCenterTokens;
  fetch?: typeof fetch;
  /** Per call, from the request to the last byte of the answer. */
  timeoutMs?: number;
  /** Sent as `X-Locale`; Partner Center words its descriptions in it. */
  locale?: string;
}

interface Call<T> {
  method: 'GET' | 'HEAD' | 'POST';
  path: string;
  appUser: boolean;
  requestId?: string;
  body?: unknown;
  /** How a 2xx body is read; absent: the body is not read. */
  schema?: z.ZodType<T>;
  /** Statuses answered as data rather than as errors (404 for a free domain). */
  accept?: readonly number[];
}

interface Answer<T> {
  status: number;
  data: T;
}

/**
 * `PartnerCenter` over Partner Center's REST API. One HTTP request per call and no retry: a failure is
 * a `PartnerCenterError` saying what the caller can do about it (wait, retry later, give up, call an
 * operator), and the caller decides.
 */
export class PartnerCenterClient implements PartnerCenter {
  private readonly endpoint: string;
  private readonly tokens: PartnerCenterTokens;
  private readonly fetchImpl: typeof fetch;
  private readonly timeoutMs: number;
  private readonly locale: string;

  constructor(options: PartnerCenterClientOptions) {
    this.endpoint = options.endpoint.replace(/\/+$/, '');
    this.tokens = options.tokens;
    this.fetchImpl = options.fetch ?? fetch;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.locale = options.locale ?? 'en-US';
  }

  async domainExists(domain: string): Promise<boolean> {
    const { status } = await this.call({
      method: 'HEAD',
      path: `/v1/domains/${encodeURIComponent(domain)}`,
      appUser: false,
      accept: [404],
    });
    return status !== 404;
  }

  async validateAddress(address: PartnerCenterAddress): Promise<AddressValidation> {
    const { data } = await this.call({
      method: 'POST',
      path: '/v1/validations/address',
      appUser: false,
      body: toWireAddress(address),
      schema: wireAddressValidationSchema,
    });
    return {
      status: data.status,
      suggestedAddresses: (data.suggestedAddresses ?? []).map(fromWireAddress),
      ...(data.validationMessage ? { validationMessage: data.validationMessage } : {}),
    };
  }

  async createCustomer(customer: NewCustomer, requestId: string): Promise<CreatedCustomer> {
    const body: WireCustomerRequest = {
      companyProfile: {
        domain: customer.domain,
        ...(customer.organizationRegistrationNumber
          ? { organizationRegistrationNumber: customer.organizationRegistrationNumber }
          : {}),
      },
      billingProfile: {
        culture: customer.culture,
        email: customer.email,
        language: customer.language,
        companyName: customer.companyName,
        defaultAddress: toWireAddress(customer.defaultAddress),
      },
      ...(customer.associatedPartnerId ? { associatedPartnerId: customer.associatedPartnerId } : {}),
    };
    const { data } = await this.call({
      method: 'POST',
      path: '/v1/customers',
      appUser: Boolean(customer.associatedPartnerId),
      requestId,
      body,
      schema: wireCustomerSchema,
    });
    const domain = data.companyProfile.domain;
    const { userName, password } = data.userCredentials;
    return {
      id: data.id,
      tenantId: data.companyProfile.tenantId,
      domain,
      // Partner Center's documented answer names the user without its domain ("admin").
      adminCredentials: { userName: userName.includes('@') ? userName : `${userName}@${domain}`, password },
    };
  }

  async currentCustomerAgreement(): Promise<AgreementTemplate> {
    const { data } = await this.call({
      method: 'GET',
      path: `/v1/agreements?agreementType=${MICROSOFT_CUSTOMER_AGREEMENT}`,
      appUser: true,
      schema: wireAgreementMetadataSchema,
    });
    const templates = data.items.filter((item) => item.agreementType === MICROSOFT_CUSTOMER_AGREEMENT);
    const current = templates.reduce<(typeof templates)[number] | undefined>(
      (best, item) => (!best || (item.versionRank ?? 0) > (best.versionRank ?? 0) ? item : best),
      undefined,
    );
    if (!current) {
      throw new PartnerCenterError('unavailable', {
        status: 200,
        description: `Partner Center listed no ${MICROSOFT_CUSTOMER_AGREEMENT} template`,
      });
    }
    return {
      templateId: current.templateId,
      ...(current.agreementLink ? { agreementLink: current.agreementLink } : {}),
    };
  }

  async confirmCustomerAgreement(customerTenantId: string, acceptance: AgreementAcceptance): Promise<void> {
    const { primaryContact } = acceptance;
    const body: WireAgreement = {
      primaryContact: {
        firstName: primaryContact.firstName,
        lastName: primaryContact.lastName,
        email: primaryContact.email,
        ...(primaryContact.phoneNumber ? { phoneNumber: primaryContact.phoneNumber } : {}),
      },
      templateId: acceptance.templateId,
      // Partner Center documents dateAgreed as a UTC date-time.
      dateAgreed: /^\d{4}-\d{2}-\d{2}$/.test(acceptance.dateAgreed)
        ? `${acceptance.dateAgreed}T00:00:00.000Z`
        : acceptance.dateAgreed,
      type: MICROSOFT_CUSTOMER_AGREEMENT,
    };
    await this.call({
      method: 'POST',
      path: `/v1/customers/${encodeURIComponent(customerTenantId)}/agreements`,
      appUser: true,
      body,
      schema: wireAgreementSchema,
    });
  }

  async relationshipRequestLink(options: { indirectResellerId?: string } = {}): Promise<string> {
    const query = options.indirectResellerId
      ? `?indirectResellerId=${encodeURIComponent(options.indirectResellerId)}`
      : '';
    const { data } = await this.call({
      method: 'GET',
      path: `/v1/customers/relationshiprequests${query}`,
      appUser: true,
      schema: wireRelationshipRequestSchema,
    });
    return data.url;
  }

  private async call<T>(call: Call<T>): Promise<Answer<T>> {
    const requestId = call.requestId ?? randomUUID();
    const correlationId = randomUUID();
    const ids = { requestId, correlationId };
    const token = await this.tokens.token({ appUser: call.appUser });
    const headers: Record<string, string> = {
      Authorization: `Bearer ${token}`,
      Accept: 'application/json',
      'MS-RequestId': requestId,
      'MS-CorrelationId': correlationId,
      'X-Locale': this.locale,
    };
    if (call.body !== undefined) headers['Content-Type'] = 'application/json';

    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), this.timeoutMs);
    let status: number;
    let responseHeaders: Headers;
    let text: string;
    try {
      const response = await this.fetchImpl(`${this.endpoint}${call.path}`, {
        method: call.method,
        headers,
        ...(call.body !== undefined ? { body: JSON.stringify(call.body) } : {}),
        signal: abort.signal,
        // A redirect would carry the bearer token elsewhere; Partner Center does not redirect.
        redirect: 'manual',
      });
      status = response.status;
      responseHeaders = response.headers;
      text = call.method === 'HEAD' ? '' : await response.text();
    } catch (error) {
      throw new PartnerCenterError('unavailable', {
        description: abort.signal.aborted
          ? `no answer within ${this.timeoutMs} ms`
          : `network failure: ${networkCause(error)}`,
        ...ids,
      });
    } finally {
      clearTimeout(timer);
    }

    if ((status >= 200 && status < 300) || call.accept?.includes(status)) {
      if (!call.schema || status < 200 || status >= 300) return { status, data: undefined as T };
      const parsed = call.schema.safeParse(parseJson(text));
      if (!parsed.success) {
        throw new PartnerCenterError('unavailable', {
          status,
          description: `the ${status} answer of ${call.method} ${pathOnly(call.path)} did not parse as Partner Center's format`,
          ...ids,
        });
      }
      return { status, data: parsed.data };
    }
    throw failure(status, responseHeaders, text, ids);
  }
}

function failure(
  status: number,
  headers: Headers,
  text: string,
  ids: { requestId: string; correlationId: string },
): PartnerCenterError {
  const body = wireErrorSchema.safeParse(parseJson(text));
  const error = body.success ? body.data : undefined;
  const code =
    error?.code !== undefined && error.code !== null && error.code !== '' ? String(error.code) : undefined;
  const details = {
    status,
    ...(code ? { code } : error?.errorName ? { code: error.errorName } : {}),
    ...(error?.description ? { description: error.description } : {}),
    ...ids,
  };
  if (status === 429) {
    const retryAfterMs = retryAfter(headers.get('retry-after'));
    return new PartnerCenterError('throttled', {
      ...details,
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    });
  }
  if (status === 401 || status === 403) return new PartnerCenterError('unauthorized', details);
  // 408: Partner Center gave up waiting for the request; the same request may well succeed.
  if (status >= 500 || status === 408) return new PartnerCenterError('unavailable', details);
  if (status >= 400) return new PartnerCenterError('rejected', details);
  return new PartnerCenterError('unavailable', {
    ...details,
    description: `unexpected HTTP status ${status}`,
  });
}

/** `Retry-After` as delay-seconds or an HTTP date, in milliseconds from now. */
export function retryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function pathOnly(path: string): string {
  return path.split('?')[0]!;
}

function networkCause(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  return cause instanceof Error ? cause.message : String(cause);
}

const OPTIONAL_ADDRESS_FIELDS = [
  'addressLine2',
  'city',
  'state',
  'postalCode',
  'firstName',
  'lastName',
  'phoneNumber',
] as const;

function toWireAddress(address: PartnerCenterAddress): WireAddress {
  const wire: WireAddress = { country: address.country, addressLine1: address.addressLine1 };
  for (const key of OPTIONAL_ADDRESS_FIELDS) {
    const value = address[key];
    if (value) wire[key] = value;
  }
  return wire;
}

function fromWireAddress(wire: WireAddress): PartnerCenterAddress {
  const address: PartnerCenterAddress = { country: wire.country, addressLine1: wire.addressLine1 };
  for (const key of OPTIONAL_ADDRESS_FIELDS) {
    const value = wire[key];
    if (value) address[key] = value;
  }
  return address;
}
