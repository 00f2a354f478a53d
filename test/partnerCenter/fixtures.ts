import { PartnerCenterClient } from '../../services/partnerCenter/partnerCenterClient';
import { PartnerCenterError, type NewCustomer } from '../../services/partnerCenter/partnerCenter';
import type { PartnerCenterTokens } from '../../services/partnerCenter/partnerCenterTokens';

export const TOKEN = 'local-partner-center-test-token';
export const PARTNER_TENANT_ID = '4f0c2a51-8a7e-4c1f-9d3b-2e6a7b8c9d01';
export const RESELLER_TENANT_ID = '35256bef-464f-457c-bd7a-b99b1910cdb3';

/** Tokens that hand out `token` and remember which kind each call asked for. */
export function recordingTokens(token = TOKEN): PartnerCenterTokens & { kinds: boolean[] } {
  const kinds: boolean[] = [];
  return {
    kinds,
    async token({ appUser }) {
      kinds.push(appUser);
      return token;
    },
  };
}

export interface SentRequest {
  method: string;
  url: string;
  headers: Headers;
  body: string | undefined;
}

/** The real fetch, with every request written down first. */
export function recordingFetch(): { fetch: typeof fetch; sent: SentRequest[] } {
  const sent: SentRequest[] = [];
  const recording: typeof fetch = (input, init) => {
    sent.push({
      method: init?.method ?? 'GET',
      url: String(input),
      headers: new Headers(init?.headers),
      body: typeof init?.body === 'string' ? init.body : undefined,
    });
    return fetch(input, init);
  };
  return { fetch: recording, sent };
}

export function clientFor(
  endpoint: string,
  options: { tokens?: PartnerCenterTokens; fetch?: typeof fetch; timeoutMs?: number } = {},
): PartnerCenterClient {
  return new PartnerCenterClient({ endpoint, tokens: options.tokens ?? recordingTokens(), ...options });
}

export function newCustomer(prefix: string, overrides: Partial<NewCustomer> = {}): NewCustomer {
  return {
    domain: `${prefix}.onmicrosoft.com`,
    companyName: `${prefix} B.V.`,
    email: `jan.devries@${prefix}.example`,
    language: 'nl',
    culture: 'nl-NL',
    defaultAddress: {
      country: 'NL',
      addressLine1: 'Keizersgracht 12',
      city: 'Amsterdam',
      postalCode: '1015 CJ',
      firstName: 'Jan',
      lastName: 'de Vries',
      phoneNumber: '+31 20 123 4567',
    },
    ...overrides,
  };
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The error a call failed with, or a test failure when it succeeded. */
export async function failureOf(call: Promise<unknown>): Promise<PartnerCenterError> {
  const error = await call.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof PartnerCenterError))
    throw new Error(`expected a PartnerCenterError, got ${String(error)}`);
  return error;
}
