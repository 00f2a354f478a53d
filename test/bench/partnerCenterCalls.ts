/**
 * Partner Center calls by what they are for, from the local Partner Center's own count of the requests
 * it received (`LocalPartnerCenter.requests.count(method?, pathPrefix?)`): the bot's calls reach it
 * over loopback HTTP, so counting there needs nothing in the bot.
 */
export const partnerCenterCallKinds = [
  'domainCheck',
  'addressValidation',
  'create',
  'agreementTemplate',
  'agreement',
  'relationshipLink',
] as const;
export type PartnerCenterCallKind = (typeof partnerCenterCallKinds)[number];

/** Counts by kind, `other` for anything else the local Partner Center received; plain data (crosses IPC). */
export type PartnerCenterCalls = Record<PartnerCenterCallKind | 'other', number>;

/** How each call is named in the report, and the request it is. */
export const partnerCenterCallLabels: Record<PartnerCenterCallKind, { name: string; request: string }> = {
  domainCheck: { name: 'domain check', request: 'HEAD /v1/domains/{domain}' },
  addressValidation: { name: 'address validation', request: 'POST /v1/validations/address' },
  create: { name: 'create', request: 'POST /v1/customers' },
  agreementTemplate: { name: 'agreement template', request: 'GET /v1/agreements' },
  agreement: { name: 'agreement', request: 'POST /v1/customers/{tenant}/agreements' },
  relationshipLink: { name: 'relationship link', request: 'GET /v1/customers/relationshiprequests' },
};

/** `requests.count` of the local Partner Center: by method and path prefix (case-insensitive). */
export type CountRequests = (method?: string, pathPrefix?: string) => number;

export function emptyCalls(): PartnerCenterCalls {
  return {
    domainCheck: 0,
    addressValidation: 0,
    create: 0,
    agreementTemplate: 0,
    agreement: 0,
    relationshipLink: 0,
    other: 0,
  };
}

/**
 * The calls so far, by kind. Counting is by prefix, so the create (POST `/v1/customers`) is the POSTs
 * under `/v1/customers` less those under `/v1/customers/` (the agreements, the only POST below it).
 */
export function callsFrom(count: CountRequests): PartnerCenterCalls {
  const agreement = count('POST', '/v1/customers/');
  const calls: PartnerCenterCalls = {
    domainCheck: count('HEAD', '/v1/domains/'),
    addressValidation: count('POST', '/v1/validations/address'),
    create: count('POST', '/v1/customers') - agreement,
    agreementTemplate: count('GET', '/v1/agreements'),
    agreement,
    relationshipLink: count('GET', '/v1/customers/relationshiprequests'),
    other: 0,
  };
  calls.other = count() - totalCalls(calls);
  return calls;
}

/** Every call counted, `other` included. */
export function totalCalls(calls: PartnerCenterCalls): number {
  return Object.values(calls).reduce((sum, value) => sum + value, 0);
}

/** later minus earlier, kind by kind. */
export function callsBetween(later: PartnerCenterCalls, earlier: PartnerCenterCalls): PartnerCenterCalls {
  const out = emptyCalls();
  for (const key of Object.keys(out) as (keyof PartnerCenterCalls)[]) out[key] = later[key] - earlier[key];
  return out;
}

/** The counts added up. */
export function sumCalls(...parts: PartnerCenterCalls[]): PartnerCenterCalls {
  const sum = emptyCalls();
  for (const part of parts) addCalls(sum, part);
  return sum;
}

/** Adds one count into another. */
export function addCalls(sum: PartnerCenterCalls, part: PartnerCenterCalls): void {
  for (const key of Object.keys(sum) as (keyof PartnerCenterCalls)[]) sum[key] += part[key];
}

/** "2 domain checks, 1 address validation, …" per onboarding, `digits` decimals; kinds at 0 left out. */
export function callsText(calls: PartnerCenterCalls, onboardings: number, digits = 0): string {
  const per = (value: number) => (value / Math.max(1, onboardings)).toFixed(digits);
  const parts = partnerCenterCallKinds
    .filter((kind) => calls[kind] !== 0)
    .map((kind) => `${per(calls[kind])} ${partnerCenterCallLabels[kind].name}`);
  if (calls.other !== 0) parts.push(`${per(calls.other)} other`);
  return parts.join(', ') || 'none';
}
