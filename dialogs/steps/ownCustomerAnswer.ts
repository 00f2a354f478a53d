import type { TurnContext } from 'botbuilder';
import { ownCustomerCard } from '../../cards/ownCustomerCard';
import { sayTo } from '../turnLanguage';
import { readerOf } from '../activityFacts';
import { formatDay } from '../readerTime';
import type { ExistingCustomer } from '../../services/customers/customerService';
import { sendCard } from '../sendCard';

/** The customer is already the partner's own: its record, when and by whom it was added. */
export async function sendOwnCustomerCard(context: TurnContext, customer: ExistingCustomer): Promise<void> {
  const say = sayTo(context);
  await sendCard(
    context,
    ownCustomerCard(say, {
      customerId: customer.id,
      legalName: customer.legalName,
      countryName: say.text({ country: customer.country }),
      domain: customer.domain,
      status: say(`status.${customer.status}`),
      addedOn: formatDay(readerOf(context), customer.createdAt.slice(0, 10)),
      addedBy: customer.createdBy.name ?? customer.createdBy.userPrincipalName ?? customer.createdBy.id,
    }),
    say('existing.found'),
  );
}
