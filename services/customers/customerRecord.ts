import { z } from 'zod';
import { OrderLineSchema } from '../catalogue/schemas';
import { accountInfoSchema } from './accountInfo';
import { mcaConfirmationSchema } from './mca';
import { deliveryAddressSchema, deliveryOriginSchema } from '../notifications/deliveryAddress';

export const customerStatusSchema = z.enum(['pendingVerification', 'active', 'verificationFailed']);
export type CustomerStatus = z.infer<typeof customerStatusSchema>;

/** Who did something, and from where (Teams, the Emulator, web chat, an API). */
export const actorSchema = z.object({
  agentId: z.string().min(1),
  displayName: z.string().optional(),
  /** The agent's sign-in name, where the channel tells it (Teams). */
  userPrincipalName: z.string().optional(),
  channel: z.string().min(1),
});
export type Actor = z.infer<typeof actorSchema>;

export const auditEntrySchema = actorSchema.extend({
  at: z.string(),
  action: z.enum(['created', 'updated', 'statusChanged']),
  /** The fields that changed (paths), never their values: the trail holds no personal data twice. */
  changes: z.array(z.string()),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const subscriptionSchema = OrderLineSchema.extend({ offerName: z.string() });

/** A step of the draft a record was made from: a section confirmed, or changed again from Review. */
export const draftTrailEventSchema = z.object({
  at: z.string(),
  section: z.enum(['accountInfo', 'mca', 'reseller', 'subscriptions']),
  event: z.enum(['confirmed', 'updated']),
});
export type DraftTrailEvent = z.infer<typeof draftTrailEventSchema>;

/**
 * The customer in Partner Center: the record's own outbox entry. It is written with the record, in the
 * same document, so a record is never without it (Cosmos DB writes one document atomically); the
 * creation worker (`services/partnerCenter/customerCreation.ts`) takes it from `pending` to `created`
 * or `rejected`.
 */
export const partnerCenterSectionSchema = z.object({
  state: z.enum(['pending', 'created', 'rejected']),
  /** Tries so far, and when the next one is due (backoff, or Partner Center's Retry-After). */
  attempts: z.number().int().min(0),
  nextAttemptAt: z.string(),
  /** A worker's claim: another instance leaves the entry alone until `until`. */
  lease: z.object({ owner: z.string(), until: z.string() }).optional(),
  /** Partner Center's customer id and the new tenant's id, once created. */
  customerId: z.string().optional(),
  tenantId: z.string().optional(),
  createdAt: z.string().optional(),
  /** The MCA acceptance sent to Partner Center: not needed when the customer accepts it themselves. */
  agreement: z.enum(['notNeeded', 'pending', 'confirmed', 'refused']).optional(),
  /** Why Partner Center refused the customer (or its MCA), in its words (English), with its error code. */
  rejection: z.object({ code: z.string().optional(), description: z.string(), at: z.string() }).optional(),
  /** The last failure that will be retried, for the operator (never the agent's data). */
  lastFailure: z
    .object({
      failure: z.string(),
      status: z.number().optional(),
      code: z.string().optional(),
      at: z.string(),
    })
    .optional(),
  /**
   * Where the agent who submitted is told the outcome: their personal chat, or where one can be
   * started with them (Teams), and their language.
   */
  tellAgent: z.object({
    personalChat: deliveryAddressSchema.optional(),
    origin: deliveryOriginSchema.optional(),
    agentObjectId: z.string().optional(),
    locale: z.string().max(35).optional(),
  }),
  /** When the agent was told (the admin's temporary password is in that message only). */
  agentToldAt: z.string().optional(),
  /** Creates repeated because the message with the password did not reach the agent. */
  notToldTries: z.number().int().min(0).optional(),
});
export type PartnerCenterSection = z.infer<typeof partnerCenterSectionSchema>;

/** A customer record as stored in the `customers` container. */
export const customerRecordSchema = z.object({
  id: z.string(),
  status: customerStatusSchema,
  accountInfo: accountInfoSchema,
  /** The tenant's initial domain: tenantDomain(prefix). */
  domain: z.string(),
  adminSignInName: z.string(),
  /** normaliseName(legalName): the duplicate-detection key. */
  nameKey: z.string(),
  /** searchKey(legalName): what name search matches. */
  nameSearchKey: z.string(),
  mca: mcaConfirmationSchema,
  reseller: z
    .object({
      id: z.string(),
      name: z.string(),
      mpnId: z.string(),
      /** Partner Center's `associatedPartnerId` (absent on records older than the Partner Center calls). */
      tenantId: z.string().optional(),
    })
    .nullable(),
  subscriptions: z.array(subscriptionSchema),
  submissionKey: z.string(),
  createdAt: z.string(),
  createdBy: actorSchema,
  audit: z.array(auditEntrySchema),
  /** When the agent started the draft, and each section as they confirmed it (absent on older records). */
  draftStartedAt: z.string().optional(),
  draftTrail: z.array(draftTrailEventSchema).optional(),
  /** The refused customer whose "Add it again" started this one's draft. */
  addedAgainFrom: z.string().optional(),
  /** Absent on records made before the bot created customers in Partner Center. */
  partnerCenter: partnerCenterSectionSchema.optional(),
});
export type CustomerRecord = z.infer<typeof customerRecordSchema>;

/** A record together with the etag an update must present. */
export interface StoredCustomer {
  customer: CustomerRecord;
  etag: string;
}

/** The few fields a list or a match shows. */
export interface CustomerSummary {
  id: string;
  legalName: string;
  country: string;
  domain: string;
  status: CustomerStatus;
}

export function summarise(customer: CustomerRecord): CustomerSummary {
  return {
    id: customer.id,
    legalName: customer.accountInfo.legalName,
    country: customer.accountInfo.country,
    domain: customer.domain,
    status: customer.status,
  };
}
