import type { Container } from '@azure/cosmos';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { say } from '../messages/catalogue';
import type { PartnerProfile } from '../partner/partnerProfile';
import { actorSchema, type Actor, type CustomerRecord } from './customerRecord';

export const relationshipRequestSchema = z.object({
  id: z.string(),
  customerId: z.string(),
  customerLegalName: z.string(),
  customerDomain: z.string(),
  invitationUrl: z.string(),
  invitationText: z.string(),
  requestedAt: z.string(),
  requestedBy: actorSchema,
  resellerId: z.string().optional(),
});
export type RelationshipRequest = z.infer<typeof relationshipRequestSchema>;

/**
 * The link a Global admin of the customer's tenant opens to accept the partner as its CSP partner
 * (the form Partner Center's "Request a reseller relationship" produces). An indirect provider
 * naming a reseller adds it, so the customer sees both.
 */
export function invitationUrl(partnerTenantId: string, resellerTenantId?: string): string {
  const query = new URLSearchParams({
    invType: 'ResellerRelationship',
    partnerId: partnerTenantId,
    msppId: '0',
  });
  if (resellerTenantId) query.set('indirectCSPId', resellerTenantId);
  return `https://admin.microsoft.com/Adminportal/Home?${query.toString()}#/BillingAccounts/partner-invitation`;
}

/** Records relationship requests; creating one touches nothing else. */
export class RelationshipRequestStore {
  constructor(
    private readonly container: Container,
    private readonly now: () => Date,
  ) {}

  async create(
    customer: CustomerRecord,
    partner: PartnerProfile,
    actor: Actor,
    reseller?: { id: string; tenantId: string },
  ): Promise<RelationshipRequest> {
    const url = invitationUrl(partner.tenantId, reseller?.tenantId);
    const request: RelationshipRequest = {
      id: randomUUID(),
      customerId: customer.id,
      customerLegalName: customer.accountInfo.legalName,
      customerDomain: customer.domain,
      invitationUrl: url,
      invitationText: say('relationship.invitation', {
        partnerName: partner.name,
        customerName: customer.accountInfo.legalName,
        invitationUrl: url,
      }),
      requestedAt: this.now().toISOString(),
      requestedBy: actor,
      ...(reseller ? { resellerId: reseller.id } : {}),
    };
    await this.container.items.create(request);
    return request;
  }

  async forCustomer(customerId: string): Promise<RelationshipRequest[]> {
    const { resources } = await this.container.items
      .query({
        query: 'SELECT * FROM c WHERE c.customerId = @id ORDER BY c.requestedAt',
        parameters: [{ name: '@id', value: customerId }],
      })
      .fetchAll();
    return resources.map((item) => relationshipRequestSchema.parse(item));
  }
}
