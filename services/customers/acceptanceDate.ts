import { failed, passed, type Checked } from './ruleIssue';

/** The Microsoft Customer Agreement replaced the Microsoft Cloud Agreement in CSP on this day. */
export const MCA_START_DATE = '2019-10-01';

/** UTC+14 (Line Islands): the first place on earth where a new day begins. */
const LATEST_UTC_OFFSET_MINUTES = 14 * 60;
const EARLIEST_UTC_OFFSET_MINUTES = -12 * 60;

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * The agent's day. `today` is what the card offers, names and takes as the latest acceptance date:
 * the agent's local date when their UTC offset is known, otherwise the UTC date (the domain's rule:
 * compare in UTC), which is also the card's `max`, so the card and the check agree.
 */
export interface AgentDay {
  today: string;
  latest: string;
  offsetKnown: boolean;
}

export function agentDay(now: Date, agentUtcOffsetMinutes?: number): AgentDay {
  const known =
    agentUtcOffsetMinutes !== undefined &&
    Number.isFinite(agentUtcOffsetMinutes) &&
    agentUtcOffsetMinutes >= EARLIEST_UTC_OFFSET_MINUTES &&
    agentUtcOffsetMinutes <= LATEST_UTC_OFFSET_MINUTES;
  if (known) {
    const local = isoDate(new Date(now.getTime() + agentUtcOffsetMinutes * 60_000));
    return { today: local, latest: local, offsetKnown: true };
  }
  return { today: isoDate(now), latest: isoDate(now), offsetKnown: false };
}

/** The latest acceptance date that is not in the future for the agent (see `agentDay`). */
export function latestAcceptanceDate(now: Date, agentUtcOffsetMinutes?: number): string {
  return agentDay(now, agentUtcOffsetMinutes).latest;
}

/** "2024-02-30" is not a date: the parts must survive a round trip through the calendar. */
function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not read years 0 to 99 as 1900 to 1999.
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** An MCA acceptance date: YYYY-MM-DD, a real day, from MCA_START_DATE up to the agent's latest day. */
export function checkAcceptanceDate(raw: string | undefined, day: AgentDay): Checked<string> {
  const value = (raw ?? '').trim();
  if (value === '') return failed('mca.acceptedOn.required');
  if (!isCalendarDate(value)) return failed('mca.acceptedOn.invalid', { value, example: day.today });
  // ISO dates of equal length compare correctly as strings.
  if (value < MCA_START_DATE) return failed('mca.acceptedOn.beforeMca', { value, since: MCA_START_DATE });
  if (value > day.latest) {
    // Name a "today" only when it is surely the agent's own.
    return day.offsetKnown
      ? failed('mca.acceptedOn.future', { value, today: day.today })
      : failed('mca.acceptedOn.futureAnywhere', { value });
  }
  return passed(value);
}
