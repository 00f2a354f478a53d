/**
 * What the bot asks of Microsoft Partner Center, in the product's words. Two adapters speak the same
 * REST API (https://api.partnercenter.microsoft.com/v1/...): `PartnerCenterClient` against Microsoft's
 * service or the local Partner Center (`local/localPartnerCenter.ts`), which the bot starts in-process
 * when no Partner Center credentials are configured and which the tests use. Nothing here knows chat.
 */
export interface PartnerCenter {
  /**
   * `HEAD /v1/domains/{domain}`: whether a domain already exists in Microsoft's directory (200) or is
   * free (404). Works for `<prefix>.onmicrosoft.com` and for a customer's own verified domain.
   */
  domainExists(domain: string): Promise<boolean>;
  /** `POST /v1/validations/address`: Partner Center's verdict on an address, with its suggestions. */
  validateAddress(address: PartnerCenterAddress): Promise<AddressValidation>;
  /**
   * `POST /v1/customers` with `MS-RequestId: requestId`. Partner Center treats a retried request id as
   * the same request: three tries with one id make one tenant. `associatedPartnerId` (an indirect
   * reseller's tenant id) needs App+User credentials.
   */
  createCustomer(customer: NewCustomer, requestId: string): Promise<CreatedCustomer>;
  /** `GET /v1/agreements?agreementType=MicrosoftCustomerAgreement`: the current template (App+User). */
  currentCustomerAgreement(): Promise<AgreementTemplate>;
  /** `POST /v1/customers/{customerTenantId}/agreements`: the customer's MCA acceptance (App+User). */
  confirmCustomerAgreement(customerTenantId: string, acceptance: AgreementAcceptance): Promise<void>;
  /**
   * `GET /v1/customers/relationshiprequests` (with `?indirectResellerId=` for an indirect reseller):
   * the personalised link a customer's Global admin opens to accept the partner (App+User).
   */
  relationshipRequestLink(options?: { indirectResellerId?: string }): Promise<string>;
}

/** An address as Partner Center's `Address` resource holds it. */
export interface PartnerCenterAddress {
  /** ISO 3166 alpha-2. */
  country: string;
  addressLine1: string;
  addressLine2?: string;
  city?: string;
  state?: string;
  postalCode?: string;
  firstName?: string;
  lastName?: string;
  phoneNumber?: string;
}

/**
 * Partner Center's address validation statuses. `VerifiedShippable` and `Verified` are accepted as
 * typed; the others come with suggested addresses or none; `NotValidated` means the country is not
 * validated by the service at all.
 */
export const ADDRESS_VALIDATION_STATUSES = [
  'VerifiedShippable',
  'Verified',
  'InteractionRequired',
  'StreetPartial',
  'PremisesPartial',
  'Multiple',
  'None',
  'NotValidated',
] as const;
export type AddressValidationStatus = (typeof ADDRESS_VALIDATION_STATUSES)[number];

export interface AddressValidation {
  status: AddressValidationStatus;
  suggestedAddresses: PartnerCenterAddress[];
  /** Partner Center's own words (English), for the log and as the reason shown when nothing else is. */
  validationMessage?: string;
}

/** A customer to create: `Customer` with its company and billing profile. */
export interface NewCustomer {
  /** The initial domain, `<prefix>.onmicrosoft.com`. */
  domain: string;
  companyName: string;
  /** The primary contact's email. */
  email: string;
  /** e.g. `nl`, as Partner Center's billing profile takes it. */
  language: string;
  /** e.g. `nl-NL`. */
  culture: string;
  /** The company address with the primary contact's name and phone, as Partner Center keeps it. */
  defaultAddress: PartnerCenterAddress;
  organizationRegistrationNumber?: string;
  /** An indirect reseller's tenant id. */
  associatedPartnerId?: string;
}

export interface CreatedCustomer {
  /** Partner Center's customer id (the same GUID as the tenant id for a new tenant). */
  id: string;
  tenantId: string;
  domain: string;
  /** The first Global admin of the new tenant. The password is shown once to the agent, never stored. */
  adminCredentials: { userName: string; password: string };
}

export interface AgreementTemplate {
  templateId: string;
  /** Where the agreement can be read. */
  agreementLink?: string;
}

export interface AgreementAcceptance {
  templateId: string;
  /** `YYYY-MM-DD`. */
  dateAgreed: string;
  primaryContact: { firstName: string; lastName: string; email: string; phoneNumber?: string };
}

/**
 * Why a call failed, as the caller must act on it: `throttled` (429, wait `retryAfterMs`),
 * `unavailable` (5xx, a network failure or a timeout: retry with backoff), `rejected` (4xx other than
 * 401, 403, 429: Partner Center refused the request itself; retrying changes nothing), `unauthorized`
 * (401, 403: the bot's credentials or consent, an operator's problem).
 */
export type PartnerCenterFailure = 'throttled' | 'unavailable' | 'rejected' | 'unauthorized';

export class PartnerCenterError extends Error {
  override name = 'PartnerCenterError';

  constructor(
    readonly failure: PartnerCenterFailure,
    details: {
      status?: number;
      /** Partner Center's error code, e.g. `600002`, or an `errorName`. */
      code?: string;
      /** Partner Center's description, in English. */
      description?: string;
      retryAfterMs?: number;
      /** The MS-RequestId and MS-CorrelationId of the call, for support. */
      requestId?: string;
      correlationId?: string;
    } = {},
  ) {
    super(
      `Partner Center ${failure}${details.status ? ` (${details.status})` : ''}${
        details.code ? ` ${details.code}` : ''
      }${details.description ? `: ${details.description}` : ''}`,
    );
    this.status = details.status;
    this.code = details.code;
    this.description = details.description;
    this.retryAfterMs = details.retryAfterMs;
    this.requestId = details.requestId;
    this.correlationId = details.correlationId;
  }

  readonly status: number | undefined;
  readonly code: string | undefined;
  readonly description: string | undefined;
  readonly retryAfterMs: number | undefined;
  readonly requestId: string | undefined;
  readonly correlationId: string | undefined;
}
