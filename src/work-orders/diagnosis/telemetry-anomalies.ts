import type { Symptom } from './symptoms.js';

const DAY = 86_400_000;

/** A gauge's daily mean: `day` is the start of the UTC day. */
export interface DailyMean {
  day: number;
  value: number;
}

export interface AnomalyOptions {
  /** Days the baseline spans, before the recent days. */
  baselineDays: number;
  /** The latest days, compared with the baseline. */
  recentDays: number;
  /** Robust z-score (median and MAD of the baseline's daily means) from which a shift is a symptom. */
  minZ: number;
  /** Floor of the spread as a share of the baseline, so a very steady gauge does not flag noise. */
  minRelativeSpread: number;
  /** A shift of at least this share of the baseline is "strong". */
  strongRelativeShift: number;
}

export const DEFAULT_ANOMALY_OPTIONS: AnomalyOptions = {
  baselineDays: 28,
  recentDays: 3,
  minZ: 3,
  minRelativeSpread: 0.01,
  strongRelativeShift: 0.5,
};

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * Gauges whose last days moved away from their own baseline: the mean of the
 * `recentDays` before `now` against the median of the `baselineDays` before those,
 * in robust standard deviations. Pure; needs a week of baseline, else says nothing.
 */
export function detectAnomalies(
  series: Readonly<Record<string, readonly DailyMean[]>>,
  now: number,
  o: AnomalyOptions = DEFAULT_ANOMALY_OPTIONS,
): Array<Extract<Symptom, { kind: 'anomaly' }>> {
  const recentFrom = now - o.recentDays * DAY;
  const baselineFrom = recentFrom - o.baselineDays * DAY;
  const found: Array<Extract<Symptom, { kind: 'anomaly' }>> = [];
  for (const [metric, days] of Object.entries(series)) {
    const base = days.filter((d) => d.day >= baselineFrom && d.day < recentFrom).map((d) => d.value);
    const recent = days.filter((d) => d.day >= recentFrom && d.day < now).map((d) => d.value);
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
