/**
 * Alerts from daily risk scores, and how they are scored against what happened. The same
 * code scores the model and every baseline. Definitions: docs/predictions.md, "Alerts
 * and how they are scored".
 */

import { DAY_MS } from './prediction-input.js';

/** The daily scores of one device × component and what happened to it. */
export interface ScoreSeries {
  deviceId: string;
  component: string;
  /** Scoring times, ascending. */
  ts: number[];
  /** One array per horizon, parallel to `ts`. */
  scores: Float64Array[];
  /** Failure times, ascending, with what ground truth (when known) says of them, for the breakdown. */
  failures: Array<{ ts: number } & Partial<FailureTruthFlags>>;
  /** Times the part was replaced or failed: an alert re-arms after them. */
  resets: number[];
}

/**
 * What ground truth says of a failure, for the recall breakdowns only: `warned`, its
 * precursor stage had begun; `observable`, a warning sign could be seen in the data
 * before it (the rule is the data source's: docs/predictions.md); `returned`, a fault that
 * came back after a visit that did not fix it.
 */
export interface FailureTruthFlags {
  warned: boolean;
  observable: boolean;
  returned: boolean;
}

/**
 * How alerts are raised from daily scores (docs/predictions.md, "Alerts and how they are
 * scored"). Both raise an alert when the score reaches the threshold while armed, and
 * re-arm when it falls back below it or the part is replaced or fails.
 * - `renewed` (the primary rule): an alert claims a failure within its horizon; when the
 *   horizon has passed and the score is still at or above the threshold, a new alert is
 *   raised (the claim is renewed).
 * - `crossing` (the first engine's rule): no renewal; a score that stays high raises one
 *   alert however long it stays there.
 */
export type AlertRule = 'renewed' | 'crossing';

export const ALERT_RULES: readonly AlertRule[] = ['renewed', 'crossing'];

export const DEFAULT_ALERT_RULE: AlertRule = 'renewed';

export interface AlertCosts {
  /** A visit the alert sends (true or false). */
  visit: number;
  /** A failure nobody saw coming. */
  missedFailure: number;
}

export const DEFAULT_COSTS: AlertCosts = { visit: 1, missedFailure: 10 };

export interface AlertOutcome {
  alerts: number;
  trueAlerts: number;
  falseAlerts: number;
  failures: number;
  caught: number;
  /** Failures with warning signs (ground truth), and how many were caught. */
  warnedFailures: number;
  warnedCaught: number;
  silentFailures: number;
  silentCaught: number;
  /** Failures with an observable warning sign, without one (returns aside), returns (ground truth). */
  observableFailures: number;
  observableCaught: number;
  unobservableFailures: number;
  unobservableCaught: number;
  returnedFailures: number;
  returnedCaught: number;
  /** Hours from the first alert that caught each failure to the failure. */
  leadHours: number[];
  /** Hours from each true alert to the failure it announced (the first engine's lead time). */
  alertLeadHours: number[];
  /** Devices with scores in the window, and the months over which alerts were judged. */
  devices: number;
  months: number;
}

export interface AlertMetrics {
  /** The threshold, or the fallback of per-component thresholds. */
  threshold: number;
  componentThresholds: Record<string, number> | null;
  alerts: number;
  trueAlerts: number;
  falseAlerts: number;
  failures: number;
  caught: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
  warnedRecall: number | null;
  silentRecall: number | null;
  warnedFailures: number;
  silentFailures: number;
  /** Recall on failures with an observable warning sign, on those without (returns aside), on returns. */
  observableRecall: number | null;
  unobservableRecall: number | null;
  returnedRecall: number | null;
  observableFailures: number;
  unobservableFailures: number;
  returnedFailures: number;
  /** Hours from the first alert that caught a failure to the failure: median and 10th percentile over caught failures. */
  leadHoursMedian: number | null;
  leadHoursP10: number | null;
  /** The median over true alerts instead (several alerts may announce one failure). */
  alertLeadHoursMedian: number | null;
  falseAlertsPer100DeviceMonths: number | null;
  cost: number;
}

/** One threshold for every component, or one per component with a fallback. */
export type AlertThreshold = number | { fallback: number; byComponent: Readonly<Record<string, number>> };

export const thresholdOf = (t: AlertThreshold, component: string): number =>
  typeof t === 'number' ? t : (t.byComponent[component] ?? t.fallback);

/**
 * Times at which alerts are raised: the score reaches the threshold while armed, or, with
 * `renewAfterMs` (the horizon, rule `renewed`), that long after the last alert while it is
 * still at or above it.
 */
export function alertTimes(
  ts: readonly number[],
  score: ArrayLike<number>,
  resets: readonly number[],
  threshold: number,
  renewAfterMs = Infinity,
): number[] {
  const out: number[] = [];
  let armed = true;
  let last = -Infinity;
  let r = 0;
  for (let i = 0; i < ts.length; i++) {
    // a replacement or failure since the previous score re-arms
    while (r < resets.length && resets[r] < ts[i]) {
      if (i > 0 && resets[r] >= ts[i - 1]) armed = true;
      r++;
    }
    if (score[i] >= threshold) {
      if (armed || ts[i] - last >= renewAfterMs) {
        out.push(ts[i]);
        last = ts[i];
      }
      armed = false;
    } else {
      armed = true;
    }
  }
  return out;
}

/** First index with a[i] > x (a sorted). */
function upperBound(a: readonly number[], x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Event-level outcome of alerts at `threshold` for horizon index `h` (horizon `days`),
 * judged in [from, to): alerts raised in [from, to − horizon] (their horizon is fully
 * seen), failures in [from + horizon, to) (their whole look-back lies in the window).
 */
export function alertOutcome(
  series: readonly ScoreSeries[],
  h: number,
  horizonDays: number,
  threshold: AlertThreshold,
  from: number,
  to: number,
  rule: AlertRule = DEFAULT_ALERT_RULE,
): AlertOutcome {
  const horizon = horizonDays * DAY_MS;
  const o: AlertOutcome = {
    alerts: 0,
    trueAlerts: 0,
    falseAlerts: 0,
    failures: 0,
    caught: 0,
    warnedFailures: 0,
    warnedCaught: 0,
    silentFailures: 0,
    silentCaught: 0,
    observableFailures: 0,
    observableCaught: 0,
    unobservableFailures: 0,
    unobservableCaught: 0,
    returnedFailures: 0,
    returnedCaught: 0,
    leadHours: [],
    alertLeadHours: [],
    devices: 0,
    months: Math.max(0, to - horizon - from) / (30.44 * DAY_MS),
  };
  const devices = new Set<string>();
  const renewAfter = rule === 'renewed' ? horizon : Infinity;
  for (const s of series) {
    if (s.ts.length && s.ts[s.ts.length - 1] >= from && s.ts[0] < to) devices.add(s.deviceId);
    const alerts = alertTimes(
      s.ts,
      s.scores[h],
      s.resets,
      thresholdOf(threshold, s.component),
      renewAfter,
    ).filter((a) => a >= from && a < to);
    const failureTs = s.failures.map((f) => f.ts);
    for (const a of alerts) {
      if (a > to - horizon) continue;
      o.alerts++;
      const next = upperBound(failureTs, a);
      if (next < failureTs.length && failureTs[next] <= a + horizon) {
        o.trueAlerts++;
        o.alertLeadHours.push((failureTs[next] - a) / 3_600_000);
      } else o.falseAlerts++;
    }
    for (const f of s.failures) {
      if (f.ts < from + horizon || f.ts >= to) continue;
      const first = alerts.find((a) => a >= f.ts - horizon && a < f.ts);
      const caught = first !== undefined;
      o.failures++;
      if (caught) {
        o.caught++;
        o.leadHours.push((f.ts - first) / 3_600_000);
      }
      const hit = caught ? 1 : 0;
      if (f.warned === true) {
        o.warnedFailures++;
        o.warnedCaught += hit;
      } else if (f.warned === false) {
        o.silentFailures++;
        o.silentCaught += hit;
      }
      if (f.returned === true) {
        o.returnedFailures++;
        o.returnedCaught += hit;
      } else if (f.observable === true) {
        o.observableFailures++;
        o.observableCaught += hit;
      } else if (f.observable === false) {
        o.unobservableFailures++;
        o.unobservableCaught += hit;
      }
    }
  }
  o.devices = devices.size;
  return o;
}

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);

/** Quantile q in [0, 1] of values (linear interpolation); null when empty. */
export function quantile(values: readonly number[], q: number): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}

export function alertMetrics(o: AlertOutcome, threshold: AlertThreshold, costs: AlertCosts): AlertMetrics {
  const precision = ratio(o.trueAlerts, o.alerts);
  const recall = ratio(o.caught, o.failures);
  const f1 =
    precision === null || recall === null
      ? null
      : precision + recall > 0
        ? (2 * precision * recall) / (precision + recall)
        : 0;
  const deviceMonths = o.devices * o.months;
  return {
    threshold: typeof threshold === 'number' ? threshold : threshold.fallback,
    componentThresholds: typeof threshold === 'number' ? null : { ...threshold.byComponent },
    alerts: o.alerts,
    trueAlerts: o.trueAlerts,
    falseAlerts: o.falseAlerts,
    failures: o.failures,
    caught: o.caught,
    precision,
    recall,
    f1,
    warnedRecall: ratio(o.warnedCaught, o.warnedFailures),
    silentRecall: ratio(o.silentCaught, o.silentFailures),
    warnedFailures: o.warnedFailures,
    silentFailures: o.silentFailures,
    observableRecall: ratio(o.observableCaught, o.observableFailures),
    unobservableRecall: ratio(o.unobservableCaught, o.unobservableFailures),
    returnedRecall: ratio(o.returnedCaught, o.returnedFailures),
    observableFailures: o.observableFailures,
    unobservableFailures: o.unobservableFailures,
    returnedFailures: o.returnedFailures,
    leadHoursMedian: quantile(o.leadHours, 0.5),
    leadHoursP10: quantile(o.leadHours, 0.1),
    alertLeadHoursMedian: quantile(o.alertLeadHours, 0.5),
    falseAlertsPer100DeviceMonths: deviceMonths > 0 ? (o.falseAlerts / deviceMonths) * 100 : null,
    cost: alertCost(o, costs),
  };
}

/** Visits for every alert plus the cost of every failure not caught. */
export const alertCost = (o: AlertOutcome, costs: AlertCosts): number =>
  o.alerts * costs.visit + (o.failures - o.caught) * costs.missedFailure;

/**
 * The threshold with the least cost over the window, among `candidates` (defaults to
 * quantiles of the scores seen). Ties go to the higher threshold (fewer visits).
 */
export function chooseThreshold(
  series: readonly ScoreSeries[],
  h: number,
  horizonDays: number,
  from: number,
  to: number,
  costs: AlertCosts,
  candidates?: readonly number[],
  rule: AlertRule = DEFAULT_ALERT_RULE,
): { threshold: number; cost: number } {
  const list = candidates ?? candidateThresholds(series, h);
  let best = { threshold: Infinity, cost: Infinity };
  for (const th of list) {
    const cost = alertCost(alertOutcome(series, h, horizonDays, th, from, to, rule), costs);
    if (cost < best.cost || (cost === best.cost && th > best.threshold)) best = { threshold: th, cost };
  }
  return best;
}

/**
 * Thresholds by cost: one for all components, and one of its own for each component
 * with at least `minFailures` failures judged in the window (fewer would overfit).
 */
export function chooseComponentThresholds(
  series: readonly ScoreSeries[],
  h: number,
  horizonDays: number,
  from: number,
  to: number,
  costs: AlertCosts,
  minFailures: number,
  fallback: number,
  rule: AlertRule = DEFAULT_ALERT_RULE,
): AlertThreshold {
  const global = chooseThreshold(series, h, horizonDays, from, to, costs, undefined, rule).threshold;
  const byComponent: Record<string, number> = {};
  const overall = Number.isFinite(global) ? global : fallback;
  for (const component of new Set(series.map((s) => s.component))) {
    const sub = series.filter((s) => s.component === component);
    const judged = alertOutcome(sub, h, horizonDays, Infinity, from, to).failures;
    if (judged < minFailures) continue;
    const own = chooseThreshold(sub, h, horizonDays, from, to, costs, undefined, rule).threshold;
    if (Number.isFinite(own)) byComponent[component] = own;
  }
  return { fallback: overall, byComponent };
}

/** Up to 120 distinct score values, denser in the upper tail where alert thresholds live. */
export function candidateThresholds(series: readonly ScoreSeries[], h: number): number[] {
  const values: number[] = [];
  for (const s of series) for (const v of s.scores[h]) if (Number.isFinite(v)) values.push(v);
  if (!values.length) return [Infinity];
  values.sort((a, b) => a - b);
  const out = new Set<number>();
  for (let i = 0; i < 120; i++) {
    // 1 − 0.9^k spacing: most candidates in the top percent of scores
    const q = 1 - Math.pow(0.93, i);
    out.add(values[Math.min(values.length - 1, Math.floor(q * values.length))]);
  }
  out.add(values[values.length - 1] + 1e-9);
  return [...out].sort((a, b) => a - b);
}

/** Window-level figures: each scored day is a case, labelled by a failure within the horizon. */
export interface WindowMetrics {
  cases: number;
  positives: number;
  /** Average precision (area under the precision–recall curve, ties as one step). */
  prAuc: number | null;
  brier: number | null;
}

export function windowMetrics(
  series: readonly ScoreSeries[],
  h: number,
  horizonDays: number,
  from: number,
  to: number,
  probability: (score: number) => number = (s) => s,
): WindowMetrics {
  const horizon = horizonDays * DAY_MS;
  const scores: number[] = [];
  const labels: number[] = [];
  let brier = 0;
  for (const s of series) {
    const failureTs = s.failures.map((f) => f.ts);
    for (let i = 0; i < s.ts.length; i++) {
      const t = s.ts[i];
      if (t < from || t > to - horizon) continue;
      const next = upperBound(failureTs, t);
      const y = next < failureTs.length && failureTs[next] <= t + horizon ? 1 : 0;
      const score = s.scores[h][i];
      const p = Math.min(1, Math.max(0, probability(score)));
      scores.push(score);
      labels.push(y);
      brier += (p - y) ** 2;
    }
  }
  const positives = labels.reduce((a, b) => a + b, 0);
  return {
    cases: scores.length,
    positives,
    prAuc: averagePrecision(scores, labels),
    brier: scores.length ? brier / scores.length : null,
  };
}

/** Average precision; equal scores form one step. Null without positives. */
export function averagePrecision(scores: readonly number[], labels: readonly number[]): number | null {
  const total = labels.reduce((a, b) => a + b, 0);
  if (!total) return null;
  const idx = Array.from(scores.keys()).sort((a, b) => scores[b] - scores[a]);
  let tp = 0;
  let ap = 0;
  let prevRecall = 0;
  for (let k = 0; k < idx.length;) {
    let j = k;
    while (j < idx.length && scores[idx[j]] === scores[idx[k]]) {
      tp += labels[idx[j]];
      j++;
    }
    const recall = tp / total;
    ap += (recall - prevRecall) * (tp / j);
    prevRecall = recall;
    k = j;
  }
  return ap;
}

/** Point-based figures at a threshold: each scored day a claim "fails within the horizon". */
export interface PointMetrics {
  /** Scored days at or above the threshold, and those followed by a failure within the horizon. */
  flagged: number;
  flaggedPositives: number;
  positives: number;
  precision: number | null;
  recall: number | null;
}

/** Days scored in [from, to − horizon], as `windowMetrics`, judged at `threshold`. */
export function pointMetrics(
  series: readonly ScoreSeries[],
  h: number,
  horizonDays: number,
  threshold: AlertThreshold,
  from: number,
  to: number,
): PointMetrics {
  const horizon = horizonDays * DAY_MS;
  let flagged = 0;
  let flaggedPositives = 0;
  let positives = 0;
  for (const s of series) {
    const th = thresholdOf(threshold, s.component);
    const failureTs = s.failures.map((f) => f.ts);
    for (let i = 0; i < s.ts.length; i++) {
      const t = s.ts[i];
      if (t < from || t > to - horizon) continue;
      const next = upperBound(failureTs, t);
      const y = next < failureTs.length && failureTs[next] <= t + horizon;
      const flag = s.scores[h][i] >= th;
      if (y) positives++;
      if (flag) flagged++;
      if (flag && y) flaggedPositives++;
    }
  }
  return {
    flagged,
    flaggedPositives,
    positives,
    precision: ratio(flaggedPositives, flagged),
    recall: ratio(flaggedPositives, positives),
  };
}
