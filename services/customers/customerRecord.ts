import { z } from 'zod';
import { OrderLineSchema } from '../catalogue/schemas';
import { accountInfoSchema } from './accountInfo';
import { mcaConfirmationSchema } from './mca';

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
  reseller: z.object({ id: z.string(), name: z.string(), mpnId: z.string() }).nullable(),
  subscriptions: z.array(subscriptionSchema),
  submissionKey: z.string(),
  createdAt: z.string(),
  createdBy: actorSchema,
  audit: z.array(auditEntrySchema),
  /** When the agent started the draft, and each section as they confirmed it (absent on older records). */
  draftStartedAt: z.string().optional(),
  draftTrail: z.array(draftTrailEventSchema).optional(),
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
