import type { DowntimeEpisode, KpiFields } from './reliability-kpis.js';

/**
 * The KPI ledger's pure part (docs/kpis.md, "The KPI ledger"). What is stored costs in
 * proportion to the data, not to the calendar:
 *
 * - **facts** (failures, repairs, visits, usage …) in one row per device and UTC day
 *   that has any, each fact under the hour it happened: `failures@08`, `usage@23`;
 * - **outages**, the intervals a device was down (episodes merged), kept apart;
 * - **in-service time** is not stored at all: install and removal dates give it.
 *
 * KPIs of any scope over any window of whole hours are then sums of the facts of the
 * hours inside it, plus in-service and down time clipped to it.
 */

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** Start of the UTC day holding `ts`. */
export const dayStart = (ts: number): number => ts - (((ts % DAY_MS) + DAY_MS) % DAY_MS);

/** Fact fields whose zero is a fact (a reading that showed no use): kept when zero. */
const KEEP_ZERO_PREFIX = 'usage';

const hourKeys = new Map<string, string[]>();

/** `failures@08`: a fact field under its UTC hour. */
export function hourKey(field: string, ts: number): string {
  let keys = hourKeys.get(field);
  if (!keys) {
    // a handful of fields and components: their 24 keys are made once
    keys = Array.from({ length: 24 }, (_, h) => `${field}@${h < 10 ? '0' : ''}${h}`);
    if (hourKeys.size < 10_000) hourKeys.set(field, keys);
  }
  return keys[Math.floor((ts - dayStart(ts)) / HOUR_MS)];
}

/** A fact key's field and hour (0–23); null for a plain field (a daily total). */
export function parseHourKey(key: string): { field: string; hour: number } | null {
  const at = key.lastIndexOf('@');
  if (at < 0) return null;
  return { field: key.slice(0, at), hour: Number(key.slice(at + 1)) };
}

export interface LedgerDay {
  day: number;
  fields: KpiFields;
}

/** A device's outage: down from `start` until `end` (null: still down). */
export interface Outage {
  start: number;
  end: number | null;
}

export interface DeviceFactsInput {
  deviceId: string;
  inServiceFrom: number;
  inServiceTo: number | null;
  /** Episodes of the device: every one whose failure or restore is at or after `fromDay`. */
  episodes: readonly DowntimeEpisode[];
  /** Start times of service visits (service calls). */
  serviceCalls: readonly number[];
  /** Usage from the counter: a rise at a reading time; absent: no counter. */
  usage?: readonly UsageRise[];
  /** First counter reading (failures and calls after it are metered, for MCBF and MCBC); null: none yet. */
  meteredSince: number | null;
  /** Facts from this day on. */
  fromDay: number;
}

export interface UsageRise {
  ts: number;
  rise: number;
}

/**
 * Fact rows of one device from `fromDay`: only days with a fact have a row. Facts
 * outside the device's time in service are not counted.
 */
export function deviceFactRows(d: DeviceFactsInput): LedgerDay[] {
  const days = new Map<number, KpiFields>();
  const inService = (ts: number): boolean =>
    ts >= d.fromDay && ts >= d.inServiceFrom && (d.inServiceTo === null || ts < d.inServiceTo);
  const metered = (ts: number): boolean => d.meteredSince !== null && ts >= d.meteredSince;
  const add = (ts: number, field: string, value: number): void => {
    const day = dayStart(ts);
    let f = days.get(day);
    if (!f) days.set(day, (f = {}));
    const key = hourKey(field, ts);
    f[key] = (f[key] ?? 0) + value;
  };
  for (const e of d.episodes) {
    const component = e.component ?? 'unknown';
    if (inService(e.failureTs)) {
      add(e.failureTs, 'failures', 1);
      add(e.failureTs, `failures.${component}`, 1);
      if (metered(e.failureTs)) {
        add(e.failureTs, 'metered_failures', 1);
        add(e.failureTs, `metered_failures.${component}`, 1);
      }
    }
    if (e.restoredTs !== null && inService(e.restoredTs)) {
      const downtime = e.restoredTs - e.failureTs;
      add(e.restoredTs, 'repairs', 1);
      add(e.restoredTs, `repairs.${component}`, 1);
      add(e.restoredTs, 'downtime_sum_ms', downtime);
      add(e.restoredTs, `downtime_sum_ms.${component}`, downtime);
      if (e.arrivalTs !== undefined) {
        add(e.restoredTs, 'arrivals', 1);
        add(e.restoredTs, 'response_sum_ms', e.arrivalTs - (e.callTs ?? e.failureTs));
        add(e.restoredTs, 'repair_sum_ms', e.restoredTs - e.arrivalTs);
      }
    }
  }
  for (const ts of d.serviceCalls) {
    if (!inService(ts)) continue;
    add(ts, 'service_calls', 1);
    if (metered(ts)) add(ts, 'metered_calls', 1);
  }
  for (const u of d.usage ?? []) if (inService(u.ts)) add(u.ts, 'usage', u.rise);
  return [...days.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([day, fields]) => ({ day, fields: compactFields(fields) }));
}

/**
 * The outages of a device (its episodes merged: two components down at once count
 * once) within its time in service, from `from` on.
 */
export function outagesFrom(
  episodes: readonly DowntimeEpisode[],
  inServiceFrom: number,
  inServiceTo: number | null,
  from: number,
): Outage[] {
  const lo = Math.max(from, inServiceFrom);
  const hi = inServiceTo ?? Infinity;
  const intervals = episodes
    .map((e): [number, number] => [Math.max(e.failureTs, lo), Math.min(e.restoredTs ?? Infinity, hi)])
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  const out: Outage[] = [];
  let start = NaN;
  let end = -Infinity;
  for (const [a, b] of intervals) {
    if (a > end) {
      if (end > -Infinity) out.push({ start, end: Number.isFinite(end) ? end : null });
      start = a;
      end = b;
    } else if (b > end) end = b;
  }
  if (end > -Infinity) out.push({ start, end: Number.isFinite(end) ? end : null });
  return out;
}

/**
 * Usage from a counter's readings (the last of each hour, in time order): the rise
 * since the previous reading, or the reading itself after a drop (the counter was
 * reset). The first reading ever only sets the baseline (a rise of 0: from then on
 * the device is metered). `baseline`: the last reading before these.
 */
export function usageRises(
  readings: ReadonlyArray<{ start: number; value: number }>,
  baseline: { ts: number; value: number } | null,
): UsageRise[] {
  const rises: UsageRise[] = [];
  let previous = baseline?.value ?? null;
  for (const r of readings) {
    rises.push({
      ts: r.start,
      rise: previous === null ? 0 : r.value >= previous ? r.value - previous : r.value,
    });
    previous = r.value;
  }
  return rises;
}

/** A row's fields without the zeros (usage zeros are facts: kept). */
export function compactFields(fields: KpiFields): KpiFields {
  const out: KpiFields = {};
  for (const key in fields) if (fields[key] !== 0 || key.startsWith(KEEP_ZERO_PREFIX)) out[key] = fields[key];
  return out;
}

/** Plain daily fields of the dashboard series, kept beside the facts of fleet and model rows. */
const SERIES_FIELDS = ['in_service_ms', 'down_ms'];

/**
 * A rollup row as written: its hourly facts, each fact field's daily total
 * (`failures` = Σ `failures@HH`, for dashboards and people reading the store), and the
 * dashboard series fields. The KPI service reads only the hourly facts.
 */
export function withTotals(fields: KpiFields): KpiFields {
  const out: KpiFields = {};
  for (const key in fields) {
    const parsed = parseHourKey(key);
    if (!parsed) continue;
    out[key] = fields[key];
    out[parsed.field] = (out[parsed.field] ?? 0) + fields[key];
  }
  for (const key of SERIES_FIELDS) if (fields[key] !== undefined) out[key] = fields[key];
  return out;
}

/**
 * Facts of each period (half-open, whole hours, in order): the hourly facts of the
 * rows summed into plain fields (`failures`, `usage` …). `usage` is present only when
 * some reading fell in the period.
 */
export function factsByPeriod(
  rows: ReadonlyArray<LedgerDay>,
  periods: ReadonlyArray<readonly [number, number]>,
): KpiFields[] {
  const out: KpiFields[] = periods.map(() => ({}));
  if (!periods.length) return out;
  const starts = periods.map((p) => p[0]);
  for (const row of rows) {
    for (const key in row.fields) {
      const parsed = parseHourKey(key);
      if (!parsed) continue;
      const ts = row.day + parsed.hour * HOUR_MS;
      const i = periodIndex(starts, ts);
      if (i < 0 || ts >= periods[i][1]) continue;
      const f = out[i];
      f[parsed.field] = (f[parsed.field] ?? 0) + row.fields[key];
    }
  }
  return out;
}

/** Index of the last start at or before `ts`; -1 when before the first. */
function periodIndex(starts: readonly number[], ts: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] <= ts) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Length of [a, b) ∩ [from, to). */
const overlap = (a: number, b: number, from: number, to: number): number =>
  Math.max(0, Math.min(b, to) - Math.max(a, from));

/**
 * In-service time of devices in each period, up to `until` (what is computed):
 * from install to removal.
 */
export function inServiceByPeriod(
  devices: ReadonlyArray<{ inServiceFrom: number; inServiceTo: number | null }>,
  periods: ReadonlyArray<readonly [number, number]>,
  until: number,
): number[] {
  return periods.map(([a, b]) => {
    let total = 0;
    for (const d of devices)
      total += overlap(d.inServiceFrom, d.inServiceTo ?? Infinity, a, Math.min(b, until));
    return total;
  });
}

/** Down time of outages (already within service, disjoint per device) in each period, up to `until`. */
export function downByPeriod(
  outages: readonly Outage[],
  periods: ReadonlyArray<readonly [number, number]>,
  until: number,
): number[] {
  const down = periods.map(() => 0);
  if (!periods.length) return down;
  const starts = periods.map((p) => p[0]);
  for (const o of outages) {
    const end = Math.min(o.end ?? Infinity, until);
    // from the period holding the start (or the first) to the one holding the end
    for (let i = Math.max(0, periodIndex(starts, o.start)); i < periods.length && periods[i][0] < end; i++)
      down[i] += overlap(o.start, end, periods[i][0], Math.min(periods[i][1], until));
  }
  return down;
}

/**
 * In-service time per UTC day of devices, for every day in [fromDay, until): one
 * sweep, not devices × days.
 */
export function inServicePerDay(
  devices: ReadonlyArray<{ inServiceFrom: number; inServiceTo: number | null }>,
  fromDay: number,
  until: number,
): number[] {
  const n = Math.max(0, Math.ceil((until - fromDay) / DAY_MS));
  const level = new Array<number>(n + 1).fill(0); // devices in service all day, as differences
  const partial = new Array<number>(n).fill(0);
  const index = (ts: number): number => Math.floor((ts - fromDay) / DAY_MS);
  for (const d of devices) {
    const a = Math.max(d.inServiceFrom, fromDay);
    const b = Math.min(d.inServiceTo ?? Infinity, until);
    if (b <= a) continue;
    const first = index(a);
    const last = index(b - 1);
    if (first === last) {
      partial[first] += b - a;
      continue;
    }
    partial[first] += fromDay + (first + 1) * DAY_MS - a;
    partial[last] += b - (fromDay + last * DAY_MS);
    level[first + 1]++;
    level[last]--;
  }
  const out: number[] = [];
  let running = 0;
  for (let i = 0; i < n; i++) {
    running += level[i];
    const dayEnd = Math.min(fromDay + (i + 1) * DAY_MS, until);
    out.push(running * (dayEnd - (fromDay + i * DAY_MS)) + partial[i]);
  }
  return out;
}
