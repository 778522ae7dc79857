import { kpiFields, type DowntimeEpisode, type KpiFields } from './reliability-kpis.js';

/**
 * The KPI ledger: additive KPI fields per device and UTC day, from which any
 * day-aligned window and any scope is a sum. Pure functions; the ledger service
 * feeds them from the stores. Definitions: docs/kpis.md.
 */

export const DAY_MS = 86_400_000;

/** Start of the UTC day holding `ts`. */
export const dayStart = (ts: number): number => ts - (((ts % DAY_MS) + DAY_MS) % DAY_MS);

export interface DeviceHistory {
  deviceId: string;
  inServiceFrom: number;
  inServiceTo: number | null;
  /** This device's downtime episodes (any that touch the days computed). */
  episodes: readonly DowntimeEpisode[];
  /** Start times of service visits (service calls). */
  serviceCalls: readonly number[];
  /** Usage per UTC day (day start → usage), from `usagePerDay`; absent: no usage counter. */
  usage?: ReadonlyMap<number, number>;
}

export interface LedgerDay {
  day: number;
  fields: KpiFields;
}

/**
 * Ledger rows of one device for every UTC day from `fromDay` to the day holding
 * `now`, the last one ending at `now`. Days the device is not in service have no row.
 */
export function deviceDayRows(h: DeviceHistory, fromDay: number, now: number): LedgerDay[] {
  const rows: LedgerDay[] = [];
  const device = [{ deviceId: h.deviceId, inServiceFrom: h.inServiceFrom, inServiceTo: h.inServiceTo }];
  const calls = [...h.serviceCalls].sort((a, b) => a - b);
  let c = 0;
  for (let day = dayStart(fromDay); day < now; day += DAY_MS) {
    const to = Math.min(day + DAY_MS, now);
    if (h.inServiceFrom >= to || (h.inServiceTo !== null && h.inServiceTo <= day)) continue;
    while (c < calls.length && calls[c] < day) c++;
    let n = 0;
    while (c + n < calls.length && calls[c + n] < to) n++;
    const fields = kpiFields({
      window: { from: day, to },
      devices: device,
      episodes: h.episodes,
      usage: h.usage ? new Map([[h.deviceId, h.usage.get(day) ?? 0]]) : undefined,
      serviceCalls: n,
    });
    rows.push({ day, fields });
  }
  return rows;
}

/**
 * Usage per UTC day from a counter's last reading of each day: the rise since the
 * previous reading, or the reading itself after a drop (the counter was reset).
 * The first reading only sets the baseline, so pass one day before the first day wanted.
 */
export function usagePerDay(
  lastPerDay: ReadonlyArray<{ start: number; value: number }>,
): Map<number, number> {
  const usage = new Map<number, number>();
  const sorted = [...lastPerDay].sort((a, b) => a.start - b.start);
  for (let i = 1; i < sorted.length; i++) {
    const rise = sorted[i].value - sorted[i - 1].value;
    usage.set(sorted[i].start, rise >= 0 ? rise : sorted[i].value);
  }
  return usage;
}

/** Earliest failure among episodes still open at `at` (restored later or not yet); null: none. */
export function openSince(episodes: readonly DowntimeEpisode[], at: number): number | null {
  let earliest: number | null = null;
  for (const e of episodes) {
    if (e.failureTs < at && (e.restoredTs === null || e.restoredTs > at))
      earliest = earliest === null ? e.failureTs : Math.min(earliest, e.failureTs);
  }
  return earliest;
}

/** Fields whose zero means something (no usage, no calls), kept when zero; others are dropped. */
const KEEP_ZERO = new Set(['in_service_ms', 'usage', 'service_calls']);

/** A row's fields without the zeros (most days have no failure): a fraction of the storage. */
export function compactFields(fields: KpiFields): KpiFields {
  const out: KpiFields = {};
  for (const key in fields) if (fields[key] !== 0 || KEEP_ZERO.has(key)) out[key] = fields[key];
  return out;
}
