import {
  DAY_MS,
  sortedEvents,
  type DailySeries,
  type DeviceHistory,
  type FaultCodeInfo,
  type ModelInfo,
} from './prediction-input.js';

/**
 * A device's history reorganised for fast questions "as of time t": per component its
 * replacements, failures and minor codes, cumulative usage by day, and prefix sums of
 * each gauge. Every question takes `t` and reads only what was known before it:
 * complete UTC days that ended by t, and events strictly before t.
 */

/** A failure of a component and when it was dealt with (fault cleared or part replaced). */
export interface FailureRecord {
  ts: number;
  code: string;
  /** When the fault cleared or the part was replaced; Infinity while open. */
  resolvedTs: number;
}

export interface ComponentTimeline {
  name: string;
  expectedLife: number;
  /** Sorted times of `part.replaced`. */
  replacements: number[];
  /** Sorted failures, one per episode (a fault raised again while open is the same failure). */
  failures: FailureRecord[];
  /** Times of `failures`, for counting. */
  failureTs: number[];
  /** Sorted times and codes of the minor faults that point at this component. */
  minorTs: number[];
  minorCodes: string[];
}

export interface GaugeTimeline {
  metric: string;
  series: DailySeries;
  /** Prefix sums over days: Σ count·mean, Σ count, Σ (max − min), Σ mean, Σ mean². */
  sumCountMean: Float64Array;
  sumCount: Float64Array;
  sumRange: Float64Array;
  sumMean: Float64Array;
  sumMean2: Float64Array;
}

export interface DeviceTimeline {
  deviceId: string;
  modelId: string;
  model: ModelInfo;
  installDate: number | null;
  components: Map<string, ComponentTimeline>;
  /** Minor faults that point at none of the model's components (user-caused, unknown codes). */
  otherMinorTs: number[];
  pmTs: number[];
  visitTs: number[];
  gauges: GaugeTimeline[];
  /** Usage counter: days, cumulative usage at the end of each day, and the counter's last value. */
  usageDays: number[];
  usageCum: Float64Array;
  counterLast: number[];
  /** Days whose counter rise was implausible (clock jump, corrupt reading) and was not counted. */
  implausibleUsageDays: number[];
  /** Earliest day or event in the history; null when there is none. */
  firstDataTs: number | null;
  /** Times of failures whose component could not be told (no component, code not in the fault table). */
  unattributedFailures: number[];
}

/** Index of the first element ≥ x in a sorted array (its length when none). */
export function lowerBound(a: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Number of sorted times in [from, to). */
export const countIn = (ts: readonly number[], from: number, to: number): number =>
  lowerBound(ts, to) - lowerBound(ts, from);

/** Latest sorted time before t, or null. */
export function lastBefore(ts: readonly number[], t: number): number | null {
  const i = lowerBound(ts, t);
  return i > 0 ? ts[i - 1] : null;
}

/** Usage on one day above this many rated days is not believed (a clock jump or a bad counter). */
const MAX_RATED_DAYS_PER_DAY = 20;
/** A failure nobody resolves in the data is taken as dealt with after this long. */
const MAX_OPEN_FAILURE_MS = 30 * DAY_MS;

export function buildTimeline(device: DeviceHistory, model: ModelInfo): DeviceTimeline {
  const table = new Map<string, FaultCodeInfo>((model.faultCodes ?? []).map((f) => [f.code, f]));
  const components = new Map<string, ComponentTimeline>(
    model.components.map((c) => [
      c.name,
      {
        name: c.name,
        expectedLife: c.expectedLife,
        replacements: [],
        failures: [],
        failureTs: [],
        minorTs: [],
        minorCodes: [],
      },
    ]),
  );
  const otherMinorTs: number[] = [];
  const pmTs: number[] = [];
  const visitTs: number[] = [];
  const unattributedFailures: number[] = [];
  const events = sortedEvents(device.events.filter((e) => Number.isFinite(e.ts)));
  // open failure per component, resolved by its fault clearing or the part being replaced
  const open = new Map<string, FailureRecord>();
  const resolve = (component: string, ts: number): void => {
    const f = open.get(component);
    if (f) {
      f.resolvedTs = ts;
      open.delete(component);
    }
  };
  for (const e of events) {
    const known = e.code !== undefined ? table.get(e.code) : undefined;
    const name = e.component ?? known?.component ?? undefined;
    const c = name !== undefined ? components.get(name) : undefined;
    switch (e.type) {
      case 'fault.raised': {
        const severity = e.severity ?? known?.severity ?? 'minor';
        if (severity === 'minor') {
          if (c) {
            c.minorTs.push(e.ts);
            c.minorCodes.push(e.code ?? '?');
          } else otherMinorTs.push(e.ts);
          break;
        }
        if (!c) {
          unattributedFailures.push(e.ts);
          break;
        }
        const current = open.get(c.name);
        if (current && e.ts - current.ts < MAX_OPEN_FAILURE_MS) break;
        const record = { ts: e.ts, code: e.code ?? '?', resolvedTs: Infinity };
        c.failures.push(record);
        open.set(c.name, record);
        break;
      }
      case 'fault.cleared':
        for (const [component, f] of open) if (f.code === e.code) resolve(component, e.ts);
        break;
      case 'part.replaced':
        if (c) {
          c.replacements.push(e.ts);
          resolve(c.name, e.ts);
        }
        break;
      case 'pm.done':
        pmTs.push(e.ts);
        break;
      case 'service.started':
        visitTs.push(e.ts);
        break;
      case 'service.finished':
      case 'consumable.replaced':
      case 'device.online':
      case 'device.offline':
        break;
    }
  }
  for (const c of components.values()) {
    for (const f of c.failures) f.resolvedTs = Math.min(f.resolvedTs, f.ts + MAX_OPEN_FAILURE_MS);
    c.failureTs = c.failures.map((f) => f.ts);
  }

  const gauges: GaugeTimeline[] = [];
  let firstDataTs: number | null = events.length ? events[0].ts : null;
  for (const metric of Object.keys(device.metrics).sort()) {
    const s = device.metrics[metric];
    if (!s.day.length) continue;
    firstDataTs = firstDataTs === null ? s.day[0] : Math.min(firstDataTs, s.day[0]);
    if (metric === model.usageMetric) continue;
    gauges.push(gaugeTimeline(metric, s));
  }

  const usage = usageCurve(device.metrics[model.usageMetric], model.ratedMonthlyDuty);
  return {
    deviceId: device.deviceId,
    modelId: device.modelId,
    model,
    installDate: device.installDate,
    components,
    otherMinorTs,
    pmTs,
    visitTs,
    gauges,
    ...usage,
    firstDataTs,
    unattributedFailures,
  };
}

function gaugeTimeline(metric: string, s: DailySeries): GaugeTimeline {
  const n = s.day.length;
  const g: GaugeTimeline = {
    metric,
    series: s,
    sumCountMean: new Float64Array(n + 1),
    sumCount: new Float64Array(n + 1),
    sumRange: new Float64Array(n + 1),
    sumMean: new Float64Array(n + 1),
    sumMean2: new Float64Array(n + 1),
  };
  for (let i = 0; i < n; i++) {
    // a non-finite aggregate (corrupt store row) counts as a day without data
    const ok = Number.isFinite(s.mean[i]) && Number.isFinite(s.count[i]) && s.count[i] > 0;
    const range = Number.isFinite(s.max[i] - s.min[i]) ? s.max[i] - s.min[i] : 0;
    g.sumCountMean[i + 1] = g.sumCountMean[i] + (ok ? s.count[i] * s.mean[i] : 0);
    g.sumCount[i + 1] = g.sumCount[i] + (ok ? s.count[i] : 0);
    g.sumRange[i + 1] = g.sumRange[i] + (ok ? range : 0);
    g.sumMean[i + 1] = g.sumMean[i] + (ok ? s.mean[i] : 0);
    g.sumMean2[i + 1] = g.sumMean2[i] + (ok ? s.mean[i] * s.mean[i] : 0);
  }
  return g;
}

function usageCurve(
  s: DailySeries | undefined,
  ratedMonthly: number,
): Pick<DeviceTimeline, 'usageDays' | 'usageCum' | 'counterLast' | 'implausibleUsageDays'> {
  if (!s || !s.day.length) {
    return { usageDays: [], usageCum: new Float64Array(0), counterLast: [], implausibleUsageDays: [] };
  }
  const ratedDaily = ratedMonthly / 30.44;
  const cum = new Float64Array(s.day.length);
  let total = 0;
  const implausible: number[] = [];
  let prevLast: number | null = null;
  let prevDay = 0;
  for (let i = 0; i < s.day.length; i++) {
    const last = s.last[i];
    let used = 0;
    if (Number.isFinite(last)) {
      if (prevLast === null) {
        // the first reading only sets the baseline; the day's own rise still counts
        used = Number.isFinite(s.min[i]) ? last - s.min[i] : 0;
      } else {
        // a drop is a counter reset: count from zero (as the KPI ledger does)
        used = last >= prevLast ? last - prevLast : last;
      }
      const days = prevLast === null ? 1 : Math.max(1, (s.day[i] - prevDay) / DAY_MS);
      if (!(used >= 0) || used > MAX_RATED_DAYS_PER_DAY * ratedDaily * days) {
        implausible.push(s.day[i]);
        used = 0;
      }
      prevLast = last;
      prevDay = s.day[i];
    }
    total += used;
    cum[i] = total;
  }
  return { usageDays: s.day, usageCum: cum, counterLast: s.last, implausibleUsageDays: implausible };
}

/** Index one past the last day that ended by t (days [0, i) are known at t). */
export const knownDays = (days: readonly number[], t: number): number => lowerBound(days, t - DAY_MS + 1);

/** Cumulative usage over the complete days that ended by t. */
export function usageAt(tl: DeviceTimeline, t: number): number {
  const i = knownDays(tl.usageDays, t);
  return i > 0 ? tl.usageCum[i - 1] : 0;
}

/** Usage in [from, to), by complete days, as known at `to`. */
export const usageBetween = (tl: DeviceTimeline, from: number, to: number): number =>
  Math.max(0, usageAt(tl, to) - usageAt(tl, from));

/** Days with a usage reading in [from, to), as known at `to`. */
export function usageDaysIn(tl: DeviceTimeline, from: number, to: number): number {
  return knownDays(tl.usageDays, to) - knownDays(tl.usageDays, from);
}

/** The counter's last value on the last complete day before t; null without one. */
export function counterAt(tl: DeviceTimeline, t: number): number | null {
  const i = knownDays(tl.usageDays, t);
  return i > 0 && Number.isFinite(tl.counterLast[i - 1]) ? tl.counterLast[i - 1] : null;
}

/** Aggregates of a gauge over the complete days in [from, to) known at `asOf` (to ≤ asOf). */
export interface WindowStats {
  days: number;
  /** Count-weighted mean of the points. */
  mean: number;
  /** Mean of the daily ranges (max − min). */
  range: number;
  /** Standard deviation of the daily means. */
  sdOfDays: number;
}

export function windowStats(g: GaugeTimeline, from: number, to: number): WindowStats | null {
  const a = lowerBound(g.series.day, from);
  const b = knownDays(g.series.day, to);
  if (b <= a) return null;
  const count = g.sumCount[b] - g.sumCount[a];
  if (!(count > 0)) return null;
  const days = b - a;
  const meanOfDays = (g.sumMean[b] - g.sumMean[a]) / days;
  const variance = (g.sumMean2[b] - g.sumMean2[a]) / days - meanOfDays * meanOfDays;
  return {
    days,
    mean: (g.sumCountMean[b] - g.sumCountMean[a]) / count,
    range: (g.sumRange[b] - g.sumRange[a]) / days,
    sdOfDays: Math.sqrt(Math.max(0, variance)),
  };
}

/** Least-squares slope of daily means per day over the complete days in [from, to); NaN under 3 days. */
export function windowSlope(g: GaugeTimeline, from: number, to: number): number {
  const a = lowerBound(g.series.day, from);
  const b = knownDays(g.series.day, to);
  let n = 0;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  for (let i = a; i < b; i++) {
    const y = g.series.mean[i];
    if (!Number.isFinite(y)) continue;
    const x = (g.series.day[i] - from) / DAY_MS;
    n++;
    sx += x;
    sy += y;
    sxx += x * x;
    sxy += x * y;
  }
  const den = n * sxx - sx * sx;
  return n >= 3 && den > 0 ? (n * sxy - sx * sy) / den : NaN;
}
