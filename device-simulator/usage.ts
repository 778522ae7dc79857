/**
 * When equipment is used. Times are read in UTC: a fleet's local time zone is a
 * setting the simulator does not model yet.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Fixed public holidays (month 1–12, day): little use. */
const HOLIDAYS = new Set(['1-1', '5-1', '12-24', '12-25', '12-26', '12-31']);

function seasonal(kind: 'copier' | 'hvac', month: number): number {
  if (kind === 'hvac') {
    // cooling load: peaks in July
    return 0.35 + 0.65 * Math.max(0, Math.cos(((month - 6) / 12) * 2 * Math.PI));
  }
  // summer holidays and the end-of-year lull
  return month === 7 ? 0.7 : month === 11 ? 0.85 : 1;
}

/** Relative use at time t: 1 in busy office hours, near 0 at night and on holidays. */
export function usageWeight(kind: 'copier' | 'hvac', t: number): number {
  const date = new Date(t);
  const hour = date.getUTCHours();
  const weekday = date.getUTCDay();
  const month = date.getUTCMonth();
  const offDay = weekday === 0 || weekday === 6 || HOLIDAYS.has(`${month + 1}-${date.getUTCDate()}`);
  const officeHours = hour >= 8 && hour < 18;
  const base = offDay ? 0.05 : officeHours ? (hour === 12 ? 0.6 : 1) : 0.05;
  return base * seasonal(kind, month);
}

/** Weight-hours in an average month, so a monthly volume converts to a rate per weighted hour. */
export function monthlyWeightHours(kind: 'copier' | 'hvac'): number {
  // integrate over a whole non-leap year, hour by hour: exact for the profile above
  const start = Date.UTC(2023, 0, 1);
  let sum = 0;
  for (let t = start; t < start + 365 * DAY; t += HOUR) sum += usageWeight(kind, t + HOUR / 2);
  return sum / 12;
}
