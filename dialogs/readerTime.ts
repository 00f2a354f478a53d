/** How the reader of a card reads dates and times: their client's locale and IANA time zone. */
export interface Reader {
  locale?: string;
  timeZone?: string;
}

/**
 * "30 Nov 2026, 21:23 CET": in the reader's locale and time zone, the zone always named (a channel
 * has many readers, and a reader whose zone is unknown sees UTC, said as such).
 */
export function formatDateTime(reader: Reader, at: Date): string {
  return formatter(reader, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(at);
}

/** A calendar day ("2026-01-15") in the reader's locale: "15 Jan 2026". */
export function formatDay(reader: Reader, day: string): string {
  return formatter(
    { ...(reader.locale ? { locale: reader.locale } : {}), timeZone: 'UTC' },
    { dateStyle: 'medium' },
  ).format(new Date(`${day}T12:00:00Z`));
}

function formatter(reader: Reader, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(reader.locale ?? 'en', { ...options, timeZone: reader.timeZone ?? 'UTC' });
  } catch {
    // A locale or time zone the runtime does not know: English and UTC, still named.
    return new Intl.DateTimeFormat('en', { ...options, timeZone: 'UTC' });
  }
}
