import type { TurnContext } from 'botbuilder';
import { existingCustomerCard } from '../cards/existingCustomerCard';
import type { ExistingCustomerMatch } from '../services/customers/customerService';
import { say } from '../services/messages/catalogue';
import type { FlowServices } from './flowServices';
import { sendCard } from './sendCard';

/**
 * The customer exists: record a relationship request, show its invitation, discard the draft.
 * Nothing else is created.
 */
export async function answerExistingCustomer(
  context: TurnContext,
  match: ExistingCustomerMatch & { customer: NonNullable<ExistingCustomerMatch['customer']> },
  services: FlowServices,
): Promise<void> {
  const draft = await services.drafts.read(context);
  const agent = await services.resolveAgent(context);
  const request = await services.customers.requestRelationship(
    match.customer.id,
    agent,
    draft?.resellerId ?? undefined,
  );
  await sendCard(
    context,
    existingCustomerCard({
      by: match.by,
      legalName: match.customer.legalName,
      country: match.customer.country,
      domain: match.customer.domain,
      invitationText: request.invitationText,
      invitationUrl: request.invitationUrl,
    }),
    say('existing.found'),
  );
  await services.drafts.discard(context);
}

export function hasCustomer(
  match: ExistingCustomerMatch,
): match is ExistingCustomerMatch & { customer: NonNullable<ExistingCustomerMatch['customer']> } {
  return match.customer !== undefined;
}
