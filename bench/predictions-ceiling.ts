import { MODEL_BY_ID, type ComponentSpec } from '../device-simulator/catalog.js';
import {
  alertMetrics,
  alertOutcome,
  DEFAULT_ALERT_RULE,
  windowMetrics,
  type AlertRule,
  type ScoreSeries,
} from '../src/predictions/alert-scoring.js';
import { buildTimeline, type DeviceTimeline } from '../src/predictions/device-timeline.js';
import { dailyScoreSeries } from '../src/predictions/failure-predictor.js';
import { DAY_MS, type DailySeries, type DeviceHistory } from '../src/predictions/prediction-input.js';
import type { PartTruth, SimulatedHistory } from './prediction-data.js';

/**
 * A ceiling on what any predictor could score on the simulator, to tell a target out of
 * reach from a model that falls short (docs/predictions.md, "What no predictor can reach").
 *
 * For components whose only warning is their own codes (pickup roller, transfer roller,
 * drum: four failures in five), the score is the exact Bayes posterior of a failure within
 * the horizon under the simulator's own generative model: the catalog's life Weibull with
 * the device's true scale (overuse and misuse included), the part's true wear when it was
 * fitted (hidden from the platform for parts older than the data), the catalog's precursor
 * model (share of lives, lead share range, code rate ramp) and every precursor code raised,
 * the usage the device will actually run over the horizon, and when preventive maintenance
 * will replace the part. That is more than any predictor reading the platform's data can
 * know, so no such predictor ranks these components' risk better, and it is calibrated by
 * construction. A fault left unfixed by a misdiagnosed visit returns after an exponential
 * usage (mean 2 % of the scale): its chance is exact too. Every other component (gauge
 * precursors, electronics, HVAC) is scored by clairvoyance: 1 on the days when it will
 * fail within the horizon, else 0, so its failures are all caught with no false alert.
 * The alert rules then score these series like any method's; the sweep over the code-only
 * threshold gives the best F1 and the precision at a given recall that the data allow.
 */

export interface CeilingPoint {
  /** The threshold on the code-only components' posterior. */
  threshold: number;
  alerts: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
  observableRecall: number | null;
}

export interface CeilingReport {
  horizonDays: number;
  rule: AlertRule;
  codeOnlyComponents: string[];
  /** Test failures of the code-only components, and of all. */
  codeOnlyFailures: number;
  failures: number;
  /** PR-AUC over scored days of the code-only posterior. */
  codeOnlyPrAuc: number | null;
  /** Code-only components alone: the best F1, and the most precise point with observable recall ≥ `recallTarget`. */
  codeOnlyBest: CeilingPoint | null;
  codeOnlyAtRecall: CeilingPoint | null;
  /** Every component (posterior on code-only ones, clairvoyance elsewhere). */
  best: CeilingPoint | null;
  atRecall: CeilingPoint | null;
  recallTarget: number;
  sweep: CeilingPoint[];
  seconds: number;
}

const THRESHOLDS = [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8, 0.9];

/** Life cells (equal prior mass beyond the age) and lead-share cells of the posterior. */
const LIFE_CELLS = 160;
const SHARE_CELLS = 10;

/** Components whose catalog precursor is a code and no gauge. */
function codeOnly(spec: ComponentSpec): boolean {
  return spec.precursor?.faultCode !== undefined && spec.precursor.gauge === undefined;
}

/** The counter's value at a time, interpolated within its day from the daily last values. */
function counterAtTime(s: DailySeries, x: number): number {
  const day = Math.floor(x / DAY_MS) * DAY_MS;
  let lo = 0;
  let hi = s.day.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (s.day[mid] < day) lo = mid + 1;
    else hi = mid;
  }
  if (lo >= s.day.length) return s.last[s.day.length - 1];
  const before = lo > 0 ? s.last[lo - 1] : s.min[0];
  const after = s.day[lo] === day ? s.last[lo] : before;
  return before + ((x - day) / DAY_MS) * (after - before);
}

const cumulativeHazard = (x: number, k: number, lam: number): number => Math.pow(Math.max(0, x) / lam, k);

/** The posterior chance of failing within each usage Δ (see the file's comment), from the true part. */
function posterior(
  spec: ComponentSpec,
  install: PartTruth['installs'][number],
  observedFromAge: number,
  usageOnClock: number,
  age: number,
  codes: readonly number[],
  deltas: readonly number[],
): number[] {
  const p = spec.precursor!;
  const r = p.faultRate!;
  const [f1, f2] = p.leadFraction;
  const k = install.shape;
  const lam = install.lifeScale;
  const ha = cumulativeHazard(age, k, lam);
  const n = codes.length;
  const num = deltas.map(() => 0);
  let den = 0;
  for (let j = 0; j < LIFE_CELLS; j++) {
    const q = (j + 0.5) / LIFE_CELLS;
    const ell = lam * Math.pow(ha - Math.log(1 - q), 1 / k);
    // a part in service at the start had wear min(U, ℓ)·V on it, V uniform in [0, 0.85)
    let w = 1;
    if (install.age > 0) {
      if (install.age > 0.85 * Math.min(usageOnClock, ell)) continue;
      w = ell < usageOnClock ? 1 / ell : 1 / usageOnClock;
    }
    let shown = 0;
    for (let m = 0; m < SHARE_CELLS; m++) {
      const f = f1 + ((m + 0.5) / SHARE_CELLS) * (f2 - f1);
      const u0 = ell * (1 - f);
      const span = ell - u0;
      if (n > 0 && codes[0] <= u0) continue;
      const run = Math.max(0, age - u0);
      const before = Math.max(0, observedFromAge - u0);
      let ll = (-r * (run * run - before * before)) / (2 * span);
      for (const x of codes) ll += Math.log((r * (x - u0)) / span);
      shown += Math.exp(ll);
    }
    const like = (n === 0 ? 1 - p.probability : 0) + (p.probability * shown) / SHARE_CELLS;
    den += w * like;
    deltas.forEach((d, h) => {
      if (ell <= age + d) num[h] += w * like;
    });
  }
  return num.map((x) => (den > 0 ? x / den : 0));
}

interface PartContext {
  spec: ComponentSpec;
  counter: DailySeries;
  codeTs: number[];
  truth: PartTruth;
  usageOnClock: number;
}

export function bayesCeiling(
  sim: SimulatedHistory,
  cutoff: number,
  end: number,
  horizons: readonly number[],
  recallTarget = 0.8,
  rule: AlertRule = DEFAULT_ALERT_RULE,
): CeilingReport[] {
  const t0 = performance.now();
  const modelInfo = new Map(sim.history.models.map((m) => [m.modelId, m]));
  const devices = sim.history.devices.filter((d) => modelInfo.has(d.modelId));
  const timelines: DeviceTimeline[] = devices.map((d) => buildTimeline(d, modelInfo.get(d.modelId)!));
  const contexts = new Map<string, PartContext>();
  const byId = new Map<string, DeviceHistory>(devices.map((d) => [d.deviceId, d]));
  const context = (deviceId: string, component: string): PartContext | null => {
    const key = `${deviceId}/${component}`;
    const known = contexts.get(key);
    if (known) return known;
    const d = byId.get(deviceId)!;
    const model = MODEL_BY_ID.get(d.modelId);
    const spec = model?.components.find((c) => c.name === component);
    const truth = sim.parts.get(key);
    const counter = d.metrics[modelInfo.get(d.modelId)!.usageMetric];
    if (!model || !spec || !truth || !counter?.day.length) return null;
    const code = spec.precursor?.faultCode;
    const ctx: PartContext = {
      spec,
      counter,
      codeTs: d.events
        .filter(
          (e) => e.type === 'fault.raised' && e.code === code && (e.component ?? component) === component,
        )
        .map((e) => e.ts),
      truth,
      usageOnClock: counterAtTime(counter, sim.start),
    };
    contexts.set(key, ctx);
    return ctx;
  };
  const codeOnlyNames = new Set<string>();
  for (const m of MODEL_BY_ID.values())
    for (const c of m.components) if (codeOnly(c)) codeOnlyNames.add(c.name);

  const series = dailyScoreSeries(timelines, cutoff, end, horizons.length, (tl, component, t) => {
    const c = tl.components.get(component)!;
    if (!codeOnlyNames.has(component)) {
      // clairvoyance: the next failure within each horizon
      const next = c.failureTs.find((f) => f > t);
      return horizons.map((h) => (next !== undefined && next <= t + h * DAY_MS ? 1 : 0));
    }
    const ctx = context(tl.deviceId, component);
    if (!ctx) return horizons.map(() => 0);
    const install = ctx.truth.installs.filter((i) => i.ts <= t).at(-1);
    if (!install) return horizons.map(() => 0);
    const atStart = install.ts <= sim.start;
    const fittedUsage = counterAtTime(ctx.counter, atStart ? sim.start : install.ts);
    const observedFromAge = atStart ? install.age : 0;
    const usageNow = counterAtTime(ctx.counter, t);
    const age = observedFromAge + usageNow - fittedUsage;
    const pm = ctx.truth.pmReplacements.find((x) => x > t);
    const deltas = horizons.map((h) => {
      const until = pm !== undefined && pm <= t + h * DAY_MS ? pm : t + h * DAY_MS;
      return Math.max(0, counterAtTime(ctx.counter, until) - usageNow);
    });
    // a visit that left the fault unfixed: it returns after an exponential usage
    const visit = ctx.truth.repairs.filter((r) => r.finishTs >= install.ts && r.finishTs < t).at(-1);
    if (visit?.misdiagnosed) return deltas.map((d) => -Math.expm1(-d / (0.02 * ctx.spec.life.scale)));
    const from = Math.max(install.ts, sim.start);
    const codes = ctx.codeTs
      .filter((x) => x >= from && x < t)
      .map((x) => observedFromAge + counterAtTime(ctx.counter, x) - fittedUsage);
    return posterior(ctx.spec, install, observedFromAge, ctx.usageOnClock, age, codes, deltas);
  });
  // ground truth for the recall on observable failures
  for (const s of series) {
    const known = sim.truth.get(`${s.deviceId}/${s.component}`) ?? [];
    s.failures = s.failures.map((f) => {
      const match = known.find((k) => Math.abs(k.ts - f.ts) <= 60_000);
      return match ? { ...match, ts: f.ts } : { ts: f.ts };
    });
  }
  const seconds = (performance.now() - t0) / 1000;
  const codeSeries = series.filter((s) => codeOnlyNames.has(s.component));
  const costs = { visit: 1, missedFailure: 10 };
  return horizons.map((hd, h) => {
    const point = (set: readonly ScoreSeries[], th: number): CeilingPoint => {
      const threshold = {
        fallback: 0.5,
        byComponent: Object.fromEntries([...codeOnlyNames].map((c) => [c, th])),
      };
      const m = alertMetrics(alertOutcome(set, h, hd, threshold, cutoff, end, rule), threshold, costs);
      return {
        threshold: th,
        alerts: m.alerts,
        precision: m.precision,
        recall: m.recall,
        f1: m.f1,
        observableRecall: m.observableRecall,
      };
    };
    const sweep = THRESHOLDS.map((th) => point(series, th));
    const codeSweep = THRESHOLDS.map((th) => point(codeSeries, th));
    const best = (points: CeilingPoint[]): CeilingPoint | null =>
      points.reduce<CeilingPoint | null>((b, p) => ((p.f1 ?? 0) > (b?.f1 ?? -1) ? p : b), null);
    const atRecall = (points: CeilingPoint[]): CeilingPoint | null =>
      points
        .filter((p) => (p.observableRecall ?? 0) >= recallTarget)
        .reduce<CeilingPoint | null>((b, p) => ((p.precision ?? 0) > (b?.precision ?? -1) ? p : b), null);
    const failures = alertOutcome(series, h, hd, Infinity, cutoff, end, rule).failures;
    const codeOnlyFailures = alertOutcome(codeSeries, h, hd, Infinity, cutoff, end, rule).failures;
    return {
      horizonDays: hd,
      rule,
      codeOnlyComponents: [...codeOnlyNames].sort(),
      codeOnlyFailures,
      failures,
      codeOnlyPrAuc: windowMetrics(codeSeries, h, hd, cutoff, end).prAuc,
      codeOnlyBest: best(codeSweep),
      codeOnlyAtRecall: atRecall(codeSweep),
      best: best(sweep),
      atRecall: atRecall(sweep),
      recallTarget,
      sweep,
      seconds,
    };
  });
}
