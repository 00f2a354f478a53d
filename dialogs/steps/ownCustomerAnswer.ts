import type { TurnContext } from 'botbuilder';
import { ownCustomerCard } from '../../cards/ownCustomerCard';
import type { ExistingCustomer } from '../../services/customers/customerService';
import { say } from '../../services/messages/catalogue';
import type { FlowServices } from '../flowServices';
import { sendCard } from '../sendCard';

/** The customer is already the partner's own: its record, when and by whom it was added. */
export async function sendOwnCustomerCard(
  context: TurnContext,
  customer: ExistingCustomer,
  { onboarding }: FlowServices,
): Promise<void> {
  await sendCard(
    context,
    ownCustomerCard({
      customerId: customer.id,
      legalName: customer.legalName,
      countryName: onboarding.countryName(customer.country),
      domain: customer.domain,
      status: say(`status.${customer.status}`),
      addedOn: customer.createdAt.slice(0, 10),
      addedBy: customer.createdBy.name ?? customer.createdBy.userPrincipalName ?? customer.createdBy.id,
    }),
    say('existing.found'),
  );
}
