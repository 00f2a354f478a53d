import { doneCard } from '../../cards/doneCard';
import { asTextParams } from '../../cards/plainText';
import type { CustomerRecord } from '../../services/customers/customerRecord';
import type { NotifiedRecipient } from '../../services/notifications/onboardingNotifications';
import type { MessageKey, Say } from '../../messages/catalogue';
import type { StepTurn } from '../cardStep';
import { sendCard } from '../sendCard';
import { subscriptionFacts } from './reviewFacts';

/**
 * The customer as stored: id, sign-in name, status, reseller, every subscription, what comes next,
 * and which managers were notified.
 */
export async function sendDoneCard(
  turn: StepTurn,
  customer: CustomerRecord,
  notified: readonly NotifiedRecipient[],
): Promise<void> {
  const { onboarding } = turn.services;
  const next: MessageKey[] = [
    'done.next.verification',
    // With Partner Center behind the form, the agent is told the admin's temporary password once the
    // tenant exists; without, the partner creates it there by hand.
    customer.partnerCenter ? 'done.next.partnerCenter' : 'done.next.admin',
    customer.mca.kind === 'customerWillAccept' ? 'done.next.mcaPending' : 'done.next.subscriptions',
  ];
  const reseller =
    onboarding.partner.type !== 'indirectProvider'
      ? undefined
      : customer.reseller
        ? turn.say('value.reseller', { name: customer.reseller.name, mpnId: customer.reseller.mpnId })
        : turn.say('value.noReseller');
  await sendCard(
    turn.context,
    doneCard(turn.say, {
      customerId: customer.id,
      legalName: customer.accountInfo.legalName,
      adminSignInName: customer.adminSignInName,
      status: turn.say(`status.${customer.status}`),
      ...(reseller === undefined ? {} : { reseller }),
      subscriptions:
        customer.subscriptions.length > 0
          ? await subscriptionFacts(turn.say, customer.subscriptions, onboarding)
          : [],
      nextSteps: next.map((key) =>
        turn.say(key, asTextParams({ adminSignInName: customer.adminSignInName })),
      ),
      notified: notifiedSentence(turn.say, notified),
      creatingInPartnerCenter: customer.partnerCenter?.state === 'pending',
    }),
    turn.say(
      customer.partnerCenter?.state === 'pending' ? 'done.createdPartnerCenter' : 'done.created',
      asTextParams({ legalName: customer.accountInfo.legalName }),
    ),
  );
}

/** "Notified: Marieke Jansen, Sales (channel)." or that nobody was. */
export function notifiedSentence(say: Say, notified: readonly NotifiedRecipient[]): string {
  if (notified.length === 0) return say('done.notifiedNobody');
  const names = notified.map((recipient) =>
    recipient.kind === 'channel'
      ? say('notify.recipient.channel', { name: recipient.name ?? say('notify.channelUnnamed') })
      : (recipient.name ?? say('role.manager')),
  );
  return say('done.notified', asTextParams({ recipients: names.join(', ') }));
}
