import { DateTime, IANAZone } from 'luxon';
import type { Absence, WorkingHours } from './technician.js';

/** A working window, ms since the epoch, [start, end). */
export interface Window {
  start: number;
  end: number;
}

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

export const isTimeZone = (zone: string): boolean => IANAZone.isValidZone(zone);

/** Why working hours are unusable, or null: zone known, times `HH:MM`, start before end, one shift a weekday. */
export function workingHoursProblem(h: WorkingHours): string | null {
  if (!isTimeZone(h.timeZone)) return `time zone ${h.timeZone} is not an IANA zone such as Europe/Paris`;
  const seen = new Set<number>();
  for (const s of h.shifts) {
    if (!Number.isInteger(s.weekday) || s.weekday < 1 || s.weekday > 7)
      return `weekday ${s.weekday} is not 1 (Monday) to 7 (Sunday)`;
    if (seen.has(s.weekday)) return `weekday ${s.weekday} has two shifts; give one per day`;
    seen.add(s.weekday);
    if (!HHMM.test(s.start) || !HHMM.test(s.end)) return `shift times are HH:MM, got ${s.start}–${s.end}`;
    if (s.end <= s.start) return `a shift ends after it starts (${s.start}–${s.end}); none crosses midnight`;
  }
  return null;
}

/** The local date (`2026-03-02`) of `ts` in `zone`. */
export function localDay(ts: number, zone: string): string {
  return DateTime.fromMillis(ts, { zone }).toISODate()!;
}

/** The local date `n` days after `day`. */
export function addDays(day: string, n: number, zone: string): string {
  return DateTime.fromISO(day, { zone }).plus({ days: n }).toISODate()!;
}

/**
 * The shift worked on a local day, or null: no shift that weekday, or an absence
 * touches it (leave, training, sickness take whole days).
 */
export function shiftOn(h: WorkingHours, absences: readonly Absence[], day: string): Window | null {
  const date = DateTime.fromISO(day, { zone: h.timeZone });
  if (!date.isValid) return null;
  const shift = h.shifts.find((s) => s.weekday === date.weekday);
  if (!shift) return null;
  const at = (hhmm: string): number => {
    const [hh, mm] = hhmm.split(':').map(Number);
    return date.set({ hour: hh, minute: mm, second: 0, millisecond: 0 }).toMillis();
  };
  const w = { start: at(shift.start), end: at(shift.end) };
  if (absences.some((a) => a.from < w.end && a.to > w.start)) return null;
  return w;
}

/** The shifts of the `days` local days from the one holding `from`, with their dates; days off left out. */
export function shiftsFrom(
  h: WorkingHours,
  absences: readonly Absence[],
  from: number,
  days: number,
): Array<{ day: string; window: Window }> {
  const first = localDay(from, h.timeZone);
  const out: Array<{ day: string; window: Window }> = [];
  for (let i = 0; i < days; i++) {
    const day = addDays(first, i, h.timeZone);
    const window = shiftOn(h, absences, day);
    if (window && window.end > from) out.push({ day, window });
  }
  return out;
}
