import type { AdaptiveCardJson } from '../cards/cardModels';
import { notificationCard } from '../cards/notificationCard';
import { asTextParams } from '../cards/plainText';
import type { CustomerRecord } from '../services/customers/customerRecord';
import { isMessageKey, say } from '../services/messages/catalogue';
import type { OnboardingService } from '../services/onboarding/onboardingService';
import { subscriptionFacts } from './steps/reviewFacts';

/** How the reader of a notification reads dates and times (their client's locale and time zone). */
export interface Reader {
  locale?: string;
  timeZone?: string;
}

/**
 * A manager's notification of an onboarding, from its record: customer, country, domain, reseller,
 * Customer Agreement, who added it and when (in the reader's locale and time zone), status, id,
 * every subscription, and the record's audit trail behind a button.
 */
export async function onboardingNotificationCard(
  record: CustomerRecord,
  onboarding: OnboardingService,
  reader: Reader,
): Promise<AdaptiveCardJson> {
  const when = dateTimeFormat(reader);
  const agentName = agentNameOf(record.createdBy);
  const { mca, reseller } = record;
  const facts = [
    { title: say('card.notification.customer'), value: record.accountInfo.legalName },
    { title: say('card.notification.country'), value: onboarding.countryName(record.accountInfo.country) },
    { title: say('card.notification.domain'), value: record.domain },
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
              date: dateFormat(reader).format(new Date(`${mca.acceptedOn}T12:00:00Z`)),
            })
          : say('card.notification.mca.pending'),
    },
    { title: say('card.notification.addedBy'), value: agentName },
    { title: say('card.notification.when'), value: when.format(new Date(record.createdAt)) },
    { title: say('card.notification.status'), value: say(`status.${record.status}`) },
    { title: say('card.notification.customerId'), value: record.id },
  ];
  const subscriptions =
    record.subscriptions.length > 0 ? await subscriptionFacts(record.subscriptions, onboarding) : [];
  const audit = record.audit.map((entry) => {
    const params = asTextParams({
      when: when.format(new Date(entry.at)),
      agent: agentNameOf(entry),
      channel: channelName(entry.channel),
      changes: entry.changes.join(', '),
    });
    return say(`card.notification.audit.${entry.action}`, params);
  });
  return notificationCard({
    agentName,
    legalName: record.accountInfo.legalName,
    facts,
    subscriptions,
    audit,
  });
}

/** "Teams", "the web chat page"; a channel the catalogue does not name, by its id. */
function channelName(channelId: string): string {
  const key = `channel.${channelId}`;
  return isMessageKey(key) ? say(key) : channelId;
}

function agentNameOf(actor: { displayName?: string; userPrincipalName?: string }): string {
  return actor.displayName ?? actor.userPrincipalName ?? say('card.notification.unknownAgent');
}

/** In the reader's own locale and time zone when the runtime knows them; English and UTC otherwise. */
function dateTimeFormat(reader: Reader): Intl.DateTimeFormat {
  return formatWith(reader, { dateStyle: 'medium', timeStyle: 'short' });
}

function dateFormat(reader: Reader): Intl.DateTimeFormat {
  return formatWith(
    { ...(reader.locale ? { locale: reader.locale } : {}) },
    { dateStyle: 'medium', timeZone: 'UTC' },
  );
}

function formatWith(reader: Reader, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const timeZone = options.timeZone ?? reader.timeZone ?? 'UTC';
  try {
    return new Intl.DateTimeFormat(reader.locale ?? 'en', { ...options, timeZone });
  } catch {
    return new Intl.DateTimeFormat('en', { ...options, timeZone: 'UTC' });
  }
}
