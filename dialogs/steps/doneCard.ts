import { doneCard } from '../../cards/doneCard';
import { asTextParams } from '../../cards/plainText';
import type { CustomerRecord } from '../../services/customers/customerRecord';
import { say, type MessageKey } from '../../services/messages/catalogue';
import type { StepTurn } from '../cardStep';
import { sendCard } from '../sendCard';
import { subscriptionFacts } from './reviewFacts';

/** The customer as stored: id, sign-in name, status, reseller, every subscription, and what comes next. */
export async function sendDoneCard(turn: StepTurn, customer: CustomerRecord): Promise<void> {
  const { onboarding } = turn.services;
  const next: MessageKey[] = [
    'done.next.verification',
    'done.next.admin',
    customer.mca.kind === 'customerWillAccept' ? 'done.next.mcaPending' : 'done.next.subscriptions',
  ];
  const reseller =
    onboarding.partner.type !== 'indirectProvider'
      ? undefined
      : customer.reseller
        ? say('value.reseller', { name: customer.reseller.name, mpnId: customer.reseller.mpnId })
        : say('value.noReseller');
  await sendCard(
    turn.context,
    doneCard({
      customerId: customer.id,
      legalName: customer.accountInfo.legalName,
      adminSignInName: customer.adminSignInName,
      status: say(`status.${customer.status}`),
      ...(reseller === undefined ? {} : { reseller }),
      subscriptions:
        customer.subscriptions.length > 0 ? await subscriptionFacts(customer.subscriptions, onboarding) : [],
      nextSteps: next.map((key) => say(key, asTextParams({ adminSignInName: customer.adminSignInName }))),
    }),
    say('done.created', asTextParams({ legalName: customer.accountInfo.legalName })),
  );
}
