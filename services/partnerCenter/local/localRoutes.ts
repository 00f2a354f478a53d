import { randomInt, randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  MICROSOFT_CUSTOMER_AGREEMENT,
  wireAddressSchema,
  wireAgreementSchema,
  wireCustomerRequestSchema,
  type WireError,
} from '../wire';
import { validateAddressLocally } from './addressRules';
import type { LocalState, StoredCustomer } from './localState';
import type { TenantDirectory } from './tenantDirectory';

/** The local Partner Center's Microsoft Customer Agreement template (the id Partner Center's docs show). */
export const MCA_TEMPLATE_ID = '117a77b0-9360-443b-8795-c6dedc750cf9';
export const MCA_VERSION_RANK = 1;

/**
 * Partner Center documents no error code for a create whose domain exists, so this one says what it
 * is. 409 Conflict, as for Partner Center's other "already there" errors.
 */
export const DOMAIN_TAKEN_CODE = 'DomainAlreadyExists';
/** "Invalid property" in Partner Center's REST error code table. */
export const INVALID_PROPERTY_CODE = '3000';
/** "Tenant not found" in Partner Center's REST error code table. */
export const TENANT_NOT_FOUND_CODE = '60003';

export interface Reply {
  status: number;
  body?: unknown;
}

export interface RouteContext {
  directory: TenantDirectory;
  state: LocalState;
  partnerTenantId: string;
}

export function errorReply(status: number, code: string, description: string, errorName?: string): Reply {
  const body: WireError = {
    code,
    description,
    ...(errorName ? { errorName } : {}),
    data: [],
    source: 'LocalPartnerCenter',
  };
  return { status, body };
}

function invalid(error: z.ZodError): Reply {
  const problems = error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`);
  return errorReply(400, INVALID_PROPERTY_CODE, `Invalid property. ${problems.join('; ')}`, 'InvalidInput');
}

export function domainExists(context: RouteContext, domain: string): Reply {
  const exists = context.directory.domainExists(domain) || context.state.domainExists(domain);
  return { status: exists ? 200 : 404 };
}

export function validateAddress(body: unknown): Reply {
  const address = wireAddressSchema.safeParse(body);
  if (!address.success) return invalid(address.error);
  return { status: 200, body: validateAddressLocally(address.data) };
}

export async function createCustomer(
  context: RouteContext,
  body: unknown,
  requestId: string | undefined,
): Promise<Reply> {
  const earlier = requestId ? context.state.customerByRequestId(requestId) : undefined;
  if (earlier) return { status: 201, body: customerResource(earlier) };

  const request = wireCustomerRequestSchema.safeParse(body);
  if (!request.success) return invalid(request.error);
  const { companyProfile, billingProfile, associatedPartnerId } = request.data;
  const domain = companyProfile.domain.toLowerCase();
  if (!/^[a-z0-9]+\.onmicrosoft\.com$/.test(domain)) {
    return errorReply(
      400,
      INVALID_PROPERTY_CODE,
      `Invalid property. companyProfile.domain: "${companyProfile.domain}" is not <prefix>.onmicrosoft.com with a prefix of letters and digits`,
      'InvalidInput',
    );
  }
  if (context.directory.domainExists(domain) || context.state.domainExists(domain)) {
    return errorReply(
      409,
      DOMAIN_TAKEN_CODE,
      `The domain ${domain} is already in use by another organization. Choose another domain prefix.`,
      DOMAIN_TAKEN_CODE,
    );
  }
  const tenantId = randomUUID();
  const customer: StoredCustomer = {
    id: tenantId,
    tenantId,
    domain,
    companyName: billingProfile.companyName,
    email: billingProfile.email,
    culture: billingProfile.culture,
    language: billingProfile.language,
    defaultAddress: billingProfile.defaultAddress,
    ...(companyProfile.organizationRegistrationNumber
      ? { organizationRegistrationNumber: companyProfile.organizationRegistrationNumber }
      : {}),
    ...(associatedPartnerId ? { associatedPartnerId } : {}),
    userName: `admin@${domain}`,
    password: temporaryPassword(),
    createdAt: new Date().toISOString(),
  };
  await context.state.addCustomer(customer, requestId);
  return { status: 201, body: customerResource(customer) };
}

export function agreementMetadata(agreementType: string | null): Reply {
  const templates = [
    {
      templateId: MCA_TEMPLATE_ID,
      agreementType: MICROSOFT_CUSTOMER_AGREEMENT,
      agreementLink: 'https://aka.ms/customeragreement',
      versionRank: MCA_VERSION_RANK,
    },
  ];
  const items = agreementType
    ? templates.filter((item) => item.agreementType.toLowerCase() === agreementType.toLowerCase())
    : templates;
  return { status: 200, body: { totalCount: items.length, items, attributes: { objectType: 'Collection' } } };
}

export async function confirmAgreement(
  context: RouteContext,
  customerTenantId: string,
  body: unknown,
): Promise<Reply> {
  const known =
    z.guid().safeParse(customerTenantId).success &&
    (context.state.customerByTenantId(customerTenantId) ??
      context.directory.customerOfThisPartner(customerTenantId));
  if (!known) {
    return errorReply(
      404,
      TENANT_NOT_FOUND_CODE,
      `Tenant not found: ${customerTenantId} is not a customer of this partner`,
    );
  }
  const agreement = wireAgreementSchema.safeParse(body);
  if (!agreement.success) return invalid(agreement.error);
  if (agreement.data.templateId.toLowerCase() !== MCA_TEMPLATE_ID) {
    return errorReply(
      400,
      INVALID_PROPERTY_CODE,
      `Invalid property. templateId: ${agreement.data.templateId} is not a current agreement template`,
      'InvalidInput',
    );
  }
  await context.state.addAgreement({
    ...agreement.data,
    customerTenantId: customerTenantId.toLowerCase(),
    recordedAt: new Date().toISOString(),
  });
  return { status: 201, body: { ...agreement.data, attributes: { objectType: 'Agreement' } } };
}

export function relationshipRequest(context: RouteContext, indirectResellerId: string | null): Reply {
  if (indirectResellerId !== null && !z.guid().safeParse(indirectResellerId).success) {
    return errorReply(
      400,
      INVALID_PROPERTY_CODE,
      'Invalid property. indirectResellerId: not a tenant id',
      'InvalidInput',
    );
  }
  const query = new URLSearchParams({ invType: 'ResellerRelationship', partnerId: context.partnerTenantId });
  if (indirectResellerId) query.set('indirectResellerId', indirectResellerId);
  query.set('msppId', '0');
  query.set('DAP', 'true');
  const url = `https://admin.microsoft.com/Adminportal/Home?${query.toString()}#/BillingAccounts/partner-invitation`;
  return { status: 200, body: { url, attributes: { objectType: 'RelationshipRequest' } } };
}

function customerResource(customer: StoredCustomer) {
  return {
    id: customer.id,
    companyProfile: {
      tenantId: customer.tenantId,
      domain: customer.domain,
      companyName: customer.companyName,
      ...(customer.organizationRegistrationNumber
        ? { organizationRegistrationNumber: customer.organizationRegistrationNumber }
        : {}),
      attributes: { objectType: 'CustomerCompanyProfile' },
    },
    billingProfile: {
      email: customer.email,
      culture: customer.culture,
      language: customer.language,
      companyName: customer.companyName,
      defaultAddress: customer.defaultAddress,
      attributes: { objectType: 'CustomerBillingProfile' },
    },
    relationshipToPartner: 'none',
    ...(customer.associatedPartnerId ? { associatedPartnerId: customer.associatedPartnerId } : {}),
    userCredentials: { userName: customer.userName, password: customer.password },
    attributes: { objectType: 'Customer' },
  };
}

function temporaryPassword(): string {
  const classes = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnopqrstuvwxyz', '23456789', '!@#$%^&*-_=+?'];
  const all = classes.join('');
  const pick = (from: string) => from[randomInt(from.length)]!;
  const characters = [...classes.map(pick), ...Array.from({ length: 12 }, () => pick(all))];
  for (let i = characters.length - 1; i > 0; i -= 1) {
    const j = randomInt(i + 1);
    [characters[i], characters[j]] = [characters[j]!, characters[i]!];
  }
  return characters.join('');
}
