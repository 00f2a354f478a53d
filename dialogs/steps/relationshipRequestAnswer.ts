import type { TurnContext } from 'botbuilder';
import { relationshipRequestCard } from '../../cards/relationshipRequestCard';
import type { AccountInfoCheck } from '../../services/customers/customerService';
import { sayTo } from '../turnLanguage';
import { sendCard } from '../sendCard';

/** The customer already has a Microsoft tenant: the relationship request, in place of a new customer. */
export async function sendRelationshipRequestCard(
  context: TurnContext,
  check: Extract<AccountInfoCheck, { kind: 'existingTenant' }>,
): Promise<void> {
  const say = sayTo(context);
  await sendCard(
    context,
    relationshipRequestCard(say, {
      legalName: check.value.legalName,
      domain: check.domain,
      ...(check.link ? { link: check.link } : {}),
    }),
    say('existingTenant.found'),
  );
}
