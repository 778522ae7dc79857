import type { Observation } from './diagnosis-knowledge.js';
import { anomalyFeatures, type Symptom } from './symptoms.js';

const DAY = 86_400_000;

/** A gauge's daily mean: `day` is the start of the UTC day. */
export interface DailyMean {
  day: number;
  value: number;
}

export interface AnomalyOptions {
  /** The baseline: the first days of the series (it starts after the device's last part replacement). */
  baselineDays: number;
  /** The latest days before `now`, compared with the baseline. */
  recentDays: number;
  /** Robust z-score (median and MAD of the baseline's daily means) from which a shift is a symptom. */
  minZ: number;
  /** Floor of the spread as a share of the baseline, so a very steady gauge does not flag noise. */
  minRelativeSpread: number;
  /** A shift of at least this share of the baseline is "strong". */
  strongRelativeShift: number;
}

export const DEFAULT_ANOMALY_OPTIONS: AnomalyOptions = {
  baselineDays: 14,
  recentDays: 3,
  minZ: 3,
  minRelativeSpread: 0.01,
  strongRelativeShift: 0.5,
};

/** How far back a caller reads daily means for detectAnomalies (and no further than the last replacement). */
export const ANOMALY_LOOKBACK_DAYS = 180;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * Gauges whose last days moved away from where they started: the mean of the
 * `recentDays` before `now` against the median of the first `baselineDays` of the
 * series, in robust standard deviations. Worn parts drift slowly, over weeks or
 * months, so the baseline is the start of the part's service (the caller's series
 * begins after the last replacement, at most ANOMALY_LOOKBACK_DAYS back), not a
 * rolling window that would drift along. Pure; needs a week of baseline that ends
 * before the recent days, else says nothing about that gauge.
 */
export function detectAnomalies(
  series: Readonly<Record<string, readonly DailyMean[]>>,
  now: number,
  o: AnomalyOptions = DEFAULT_ANOMALY_OPTIONS,
): Array<Extract<Symptom, { kind: 'anomaly' }>> {
  const recentFrom = now - o.recentDays * DAY;
  const found: Array<Extract<Symptom, { kind: 'anomaly' }>> = [];
  for (const [metric, all] of Object.entries(series)) {
    const days = all.filter((d) => d.day < now && Number.isFinite(d.value));
    if (!days.length) continue;
    const start = Math.min(...days.map((d) => d.day));
    const baselineTo = Math.min(start + o.baselineDays * DAY, recentFrom);
    const base = days.filter((d) => d.day < baselineTo).map((d) => d.value);
    const recent = days.filter((d) => d.day >= recentFrom).map((d) => d.value);
    if (base.length < 7 || !recent.length) continue;
    const m = median(base);
    const mad = 1.4826 * median(base.map((v) => Math.abs(v - m)));
    const spread = Math.max(mad, o.minRelativeSpread * Math.abs(m), 1e-9);
    const shift = recent.reduce((s, v) => s + v, 0) / recent.length - m;
    const z = shift / spread;
    if (Math.abs(z) < o.minZ) continue;
    found.push({
      kind: 'anomaly',
      metric,
      direction: z > 0 ? 'high' : 'low',
      strong: Math.abs(shift) >= o.strongRelativeShift * Math.max(Math.abs(m), 1e-9),
      z: Math.round(z * 10) / 10,
      shift: Math.round(shift * 1000) / 1000,
    });
  }
  return found.sort((a, b) => a.metric.localeCompare(b.metric));
}

/**
 * Gauge drifts around a device's replacement visits, as learning observations: the
 * drifts seen just before each visit (against the start of the previous part's
 * service) and those still there a follow-up period after it (against the new part's
 * start). A drift the replacement ended shows before and not after. Pure.
 */
export function anomalyObservations(
  deviceId: string,
  replacementTimes: readonly number[],
  series: Readonly<Record<string, readonly DailyMean[]>>,
  afterMs: number,
  until: number,
  o: AnomalyOptions = DEFAULT_ANOMALY_OPTIONS,
): Observation[] {
  const times = [...new Set(replacementTimes)].sort((a, b) => a - b);
  const out: Observation[] = [];
  const slice = (from: number, to: number): Record<string, DailyMean[]> => {
    const r: Record<string, DailyMean[]> = {};
    for (const [m, days] of Object.entries(series)) r[m] = days.filter((d) => d.day >= from && d.day < to);
    return r;
  };
  times.forEach((t, i) => {
    const since = Math.max(i > 0 ? times[i - 1] : -Infinity, t - ANOMALY_LOOKBACK_DAYS * DAY);
    for (const a of detectAnomalies(slice(since, t), t, o))
      for (const feature of anomalyFeatures(a)) out.push({ deviceId, ts: t - 1, feature });
    const afterAt = t + afterMs;
    if (afterAt > until) return;
    for (const a of detectAnomalies(slice(t, afterAt), afterAt, o))
      for (const feature of anomalyFeatures(a)) out.push({ deviceId, ts: afterAt - 1, feature });
  });
  return out;
}
