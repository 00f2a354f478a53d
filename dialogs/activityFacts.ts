import type { TurnContext } from 'botbuilder';

/** The locale and IANA time zone the person's client sends with each activity, when it does. */
export function readerOf(context: TurnContext): { locale?: string; timeZone?: string } {
  const { locale, localTimezone } = context.activity as { locale?: unknown; localTimezone?: unknown };
  return {
    ...(typeof locale === 'string' && locale.length <= 35 ? { locale } : {}),
    ...(typeof localTimezone === 'string' && localTimezone.length <= 64 ? { timeZone: localTimezone } : {}),
  };
}

/** The Microsoft Entra tenant of the conversation, as Teams sends it. */
export function tenantOf(context: TurnContext): string | undefined {
  const { conversation, channelData } = context.activity;
  const tenant = (channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  return conversation?.tenantId ?? (typeof tenant === 'string' ? tenant : undefined);
}
