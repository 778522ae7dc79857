/**
 * Dates and times as people write them in files and APIs, checked against the
 * calendar: `Date.parse` rolls 2015-02-30 over to March 2, this refuses it. One
 * check for every reader (registry dates, history imports).
 */

/** `YYYY-MM-DD`, then optionally `[T ]HH:mm[:ss[.fraction]]` and `Z` or `±HH:mm`. */
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}:\d{2})?$/;

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export type CalendarTime = { ok: true; ms: number } | { ok: false; reason: string };

export function daysInMonth(year: number, month: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month, 0);
  return d.getUTCDate();
}

/**
 * Milliseconds since the epoch of a date or date-time; a time without a zone is
 * read as UTC. `reason` says what is wrong: not this shape, or not a real date.
 */
export function readCalendarTime(value: string): CalendarTime {
  const m = DATE_TIME.exec(value);
  if (!m) return { ok: false, reason: 'format' };
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0));
  if (month < 1 || month > 12) return { ok: false, reason: `there is no month ${m[2]}` };
  const days = daysInMonth(year, month);
  if (day < 1 || day > days)
    return {
      ok: false,
      reason: day < 1 ? `there is no day ${m[3]}` : `${MONTHS[month - 1]} ${year} has ${days} days`,
    };
  if (hour > 23 || minute > 59 || second > 59)
    return { ok: false, reason: `there is no time ${m[4]}:${m[5]}${m[6] ? `:${m[6]}` : ''}` };
  let offsetMin = 0;
  const zone = m[8];
  if (zone && zone !== 'Z') {
    const [h, min] = [Number(zone.slice(1, 3)), Number(zone.slice(4, 6))];
    if (h > 23 || min > 59) return { ok: false, reason: `there is no time zone offset ${zone}` };
    offsetMin = (zone[0] === '-' ? -1 : 1) * (h * 60 + min);
  }
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, Number((m[7] ?? '').padEnd(3, '0').slice(0, 3)));
  return { ok: true, ms: d.getTime() - offsetMin * 60_000 };
}

/** Like `readCalendarTime`, NaN when it is not a real date and time. */
export function calendarTimeMs(value: string): number {
  const t = readCalendarTime(value);
  return t.ok ? t.ms : NaN;
}
