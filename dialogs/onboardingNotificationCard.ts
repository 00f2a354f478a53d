import type { AdaptiveCardJson } from '../cards/cardModels';
import { notificationCard } from '../cards/notificationCard';
import { asText, asTextParams } from '../cards/plainText';
import type { CustomerRecord } from '../services/customers/customerRecord';
import { isMessageKey, localeOf, sayIn, type MessageParam, type Say } from '../messages/catalogue';
import type { OnboardingService } from '../services/onboarding/onboardingService';
import { formatDateTime, formatDay, type Reader } from './readerTime';
import { subscriptionFacts } from './steps/reviewFacts';

/**
 * A manager's notification of an onboarding, from its record: customer, country, domain, reseller,
 * Customer Agreement, who added it and when (in the reader's locale and time zone), status, id,
 * every subscription, and behind a button the audit trail: the draft's steps, then the record's.
 */
export async function onboardingNotificationCard(
  record: CustomerRecord,
  onboarding: OnboardingService,
  reader: Reader,
): Promise<AdaptiveCardJson> {
  const say = sayIn(localeOf(reader.locale));
  const agentName = agentNameOf(say, record.createdBy);
  const { mca, reseller } = record;
  const { primaryContact } = record.accountInfo;
  // The summary line names the customer; the facts say the rest.
  const facts = [
    { title: say('card.notification.country'), value: say.text({ country: record.accountInfo.country }) },
    { title: say('card.notification.domain'), value: record.domain },
    { title: say('card.notification.adminSignInName'), value: record.adminSignInName },
    {
      title: say('card.notification.contact'),
      value: say('card.notification.contactValue', {
        name: `${primaryContact.firstName} ${primaryContact.lastName}`,
        email: primaryContact.email,
      }),
    },
    ...(onboarding.partner.type === 'indirectProvider'
      ? [
          {
            title: say('card.notification.reseller'),
            value: reseller
              ? say('value.reseller', { name: reseller.name, mpnId: reseller.mpnId })
              : say('value.noReseller'),
          },
        ]
      : []),
    {
      title: say('card.notification.mca'),
      value:
        mca.kind === 'attested'
          ? say('card.notification.mca.attested', {
              name: `${mca.acceptedBy.firstName} ${mca.acceptedBy.lastName}`,
              date: formatDay(reader, mca.acceptedOn),
            })
          : say('card.notification.mca.pending'),
    },
    {
      title: say('card.notification.addedBy'),
      value: record.createdBy.userPrincipalName
        ? say('card.notification.agentWithSignIn', {
            name: agentName,
            signIn: record.createdBy.userPrincipalName,
          })
        : agentName,
    },
    { title: say('card.notification.when'), value: formatDateTime(reader, new Date(record.createdAt)) },
    { title: say('card.notification.status'), value: say(`status.${record.status}`) },
    { title: say('card.notification.customerId'), value: record.id },
  ];
  const subscriptions =
    record.subscriptions.length > 0 ? await subscriptionFacts(say, record.subscriptions, onboarding) : [];
  const when = (at: string) => asText(formatDateTime(reader, new Date(at)));
  const started = record.draftStartedAt
    ? [say('card.notification.trail.started', { when: when(record.draftStartedAt) })]
    : [];
  const trail = (record.draftTrail ?? []).map((step) =>
    say(`card.notification.trail.${step.event}`, {
      when: when(step.at),
      section: say(`card.review.section.${step.section}`),
    }),
  );
  const audit = record.audit.map((entry) =>
    say(`card.notification.audit.${entry.action}`, {
      when: when(entry.at),
      ...asTextParams({
        agent: agentNameOf(say, entry),
        channel: channelName(say, entry.channel),
        changes: { list: entry.changes.map(sectionName), join: 'and' },
      }),
    }),
  );
  return notificationCard(say, {
    agentName,
    legalName: record.accountInfo.legalName,
    facts,
    subscriptions,
    audit: [...started, ...trail, ...audit],
  });
}

/** A section of the draft by the name Review gives it; anything else (a field) as recorded. */
function sectionName(change: string): MessageParam {
  const key = `card.review.section.${change}`;
  return isMessageKey(key) ? { key } : change;
}

/** "Teams", "the web chat page"; a channel the catalogue does not name, by its id. */
function channelName(say: Say, channelId: string): string {
  const key = `channel.${channelId}`;
  return isMessageKey(key) ? say(key) : channelId;
}

/** What Teams shows of the notification in its activity feed and the chat preview. */
export function notificationSummary(record: CustomerRecord, reader: Reader): string {
  const say = sayIn(localeOf(reader.locale));
  return say('card.notification.summary', {
    agent: agentNameOf(say, record.createdBy),
    legalName: record.accountInfo.legalName,
  });
}

function agentNameOf(say: Say, actor: { displayName?: string; userPrincipalName?: string }): string {
  return actor.displayName ?? actor.userPrincipalName ?? say('card.notification.unknownAgent');
}
