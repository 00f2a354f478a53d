import { z } from 'zod';
import { ADDRESS_VALIDATION_STATUSES } from './partnerCenter';

/**
 * Partner Center's wire format (camelCase JSON, as https://learn.microsoft.com/partner-center/developer
 * documents it), shared by `PartnerCenterClient` (reading responses) and the local Partner Center
 * (reading requests). Unknown fields (`links`, `attributes`, `etag`...) are accepted and dropped; the
 * fields we read are checked. Partner Center sends `null` for an empty optional field, hence `nullish`.
 */

const text = z.string().trim().min(1);
const optionalText = z.string().nullish();

/** `Address` (utility resources). */
export const wireAddressSchema = z.object({
  country: z.string().regex(/^[A-Za-z]{2}$/, 'an ISO 3166 alpha-2 country code'),
  region: optionalText,
  city: optionalText,
  state: optionalText,
  addressLine1: text,
  addressLine2: optionalText,
  addressLine3: optionalText,
  postalCode: optionalText,
  firstName: optionalText,
  lastName: optionalText,
  phoneNumber: optionalText,
});
export type WireAddress = z.infer<typeof wireAddressSchema>;

/** `AddressValidationResponse` of `POST /v1/validations/address`. */
export const wireAddressValidationSchema = z.object({
  // Echoed back, never read: checked loosely so that an odd echo does not lose the verdict.
  originalAddress: wireAddressSchema.partial().nullish(),
  suggestedAddresses: z.array(wireAddressSchema).nullish(),
  status: z.enum(ADDRESS_VALIDATION_STATUSES),
  validationMessage: optionalText,
});
export type WireAddressValidation = z.infer<typeof wireAddressValidationSchema>;

/** The body of `POST /v1/customers`: `Customer` with the fields a create needs. */
export const wireCustomerRequestSchema = z.object({
  companyProfile: z.object({
    domain: text,
    organizationRegistrationNumber: text.optional(),
  }),
  billingProfile: z.object({
    culture: text,
    email: z.email(),
    language: text,
    companyName: text,
    defaultAddress: wireAddressSchema,
  }),
  associatedPartnerId: z.guid().optional(),
});
export type WireCustomerRequest = z.infer<typeof wireCustomerRequestSchema>;

/** `Customer` as `POST /v1/customers` answers it (201). */
export const wireCustomerSchema = z.object({
  id: text,
  companyProfile: z.object({
    tenantId: text,
    domain: text,
    companyName: optionalText,
  }),
  billingProfile: z
    .object({
      culture: optionalText,
      email: optionalText,
      language: optionalText,
      companyName: optionalText,
      defaultAddress: wireAddressSchema.partial().nullish(),
    })
    .nullish(),
  userCredentials: z.object({ userName: text, password: z.string().min(1) }),
  relationshipToPartner: optionalText,
  attributes: z.object({ objectType: optionalText }).nullish(),
});
export type WireCustomer = z.infer<typeof wireCustomerSchema>;

export const MICROSOFT_CUSTOMER_AGREEMENT = 'MicrosoftCustomerAgreement';

/** `AgreementMetaData` collection of `GET /v1/agreements`. */
export const wireAgreementMetadataSchema = z.object({
  totalCount: z.number().int().nonnegative().nullish(),
  items: z.array(
    z.object({
      templateId: text,
      agreementType: text,
      agreementLink: optionalText,
      versionRank: z.number().nullish(),
    }),
  ),
});
export type WireAgreementMetadata = z.infer<typeof wireAgreementMetadataSchema>;

/** `YYYY-MM-DD` or an ISO 8601 date-time in UTC (Partner Center's own examples use the latter). */
const dateAgreed = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

/** `Agreement`: the body of `POST /v1/customers/{customerTenantId}/agreements` and its answer. */
export const wireAgreementSchema = z.object({
  primaryContact: z.object({
    firstName: text,
    lastName: text,
    email: z.email(),
    phoneNumber: optionalText,
  }),
  templateId: text,
  dateAgreed,
  type: z.literal(MICROSOFT_CUSTOMER_AGREEMENT),
});
export type WireAgreement = z.infer<typeof wireAgreementSchema>;

/** `RelationshipRequest` of `GET /v1/customers/relationshiprequests`. */
export const wireRelationshipRequestSchema = z.object({
  url: z.url({ protocol: /^https$/ }),
});
export type WireRelationshipRequest = z.infer<typeof wireRelationshipRequestSchema>;

/** Partner Center's error body, on any 4xx or 5xx. `code` is documented as a string; numbers occur. */
export const wireErrorSchema = z.object({
  code: z.union([z.string(), z.number()]).nullish(),
  description: optionalText,
  errorName: optionalText,
  data: z.array(z.unknown()).nullish(),
  source: optionalText,
});
export type WireError = z.infer<typeof wireErrorSchema>;
