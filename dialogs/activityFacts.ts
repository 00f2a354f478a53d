import type { TurnContext } from 'botbuilder';
import { sayIn } from '../messages/catalogue';
import { deliveryAddressSchema, type DeliveryAddress } from '../services/notifications/deliveryAddress';
import { turnLocale } from './turnLanguage';

/**
 * How the person reads dates and numbers: the locale their client sends (with its region, "nl-BE"),
 * unless they chose to talk in another language than the client's, then that language; and their
 * IANA time zone, when the client sends it.
 */
export function readerOf(context: TurnContext): { locale: string; timeZone?: string } {
  const { locale: sent, localTimezone } = context.activity as { locale?: unknown; localTimezone?: unknown };
  const language = turnLocale(context);
  const client = typeof sent === 'string' && sent.length <= 35 ? sent : undefined;
  const locale =
    client && languageOf(client) === language && isWellFormed(client) ? client : sayIn(language).writtenIn;
  return {
    locale,
    ...(typeof localTimezone === 'string' && localTimezone.length <= 64 ? { timeZone: localTimezone } : {}),
  };
}

/** The Microsoft Entra tenant of the conversation, as Teams sends it. */
export function tenantOf(context: TurnContext): string | undefined {
  const { conversation, channelData } = context.activity;
  const tenant = (channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  return conversation?.tenantId ?? (typeof tenant === 'string' ? tenant : undefined);
}

function languageOf(tag: string): string {
  return tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
}

function isWellFormed(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

/** Teams says "personal", "groupChat" or "channel"; the Emulator and Web Chat say nothing (1:1). */
export function chatKind(context: TurnContext): 'personal' | 'groupChat' | 'channel' {
  const { conversationType, isGroup } = context.activity.conversation ?? {};
  if (conversationType === 'channel') return 'channel';
  if (conversationType === 'groupChat' || isGroup) return 'groupChat';
  return 'personal';
}

/** This personal chat, as a delivery address. */
export function personalAddress(context: TurnContext): DeliveryAddress {
  const { channelId, serviceUrl, conversation, recipient, from } = context.activity;
  return deliveryAddressSchema.parse({
    channelId,
    serviceUrl,
    conversationId: conversation.id,
    ...(tenantOf(context) ? { tenantId: tenantOf(context) } : {}),
    ...(recipient?.id ? { botId: recipient.id } : {}),
    ...(from?.id ? { userId: from.id } : {}),
  });
}
