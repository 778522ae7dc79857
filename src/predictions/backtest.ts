import {
  ALERT_RULES,
  alertMetrics,
  alertOutcome,
  candidateThresholds,
  chooseComponentThresholds,
  DEFAULT_ALERT_RULE,
  pointMetrics,
  windowMetrics,
  type AlertCosts,
  type AlertMetrics,
  type AlertRule,
  type AlertThreshold,
  type FailureTruthFlags,
  type ScoreSeries,
} from './alert-scoring.js';
import { buildTimeline, countIn, lastBefore, type DeviceTimeline } from './device-timeline.js';
import {
  dailyScoreSeries,
  deviceBefore,
  FailurePredictor,
  historyBefore,
  trainWithHoldout,
  DEFAULT_PREDICTOR_OPTIONS,
  type ComponentScorer,
  type PredictorOptions,
  type TrainedPredictor,
} from './failure-predictor.js';
import {
  componentAge,
  fitLifeModels,
  lifeKey,
  lifeRisk,
  recentDailyUsage,
  type LifeModelTable,
} from './life-models.js';
import { DAY_MS, type FleetHistory } from './prediction-input.js';

/**
 * Backtest: train on the history before a cut-off, predict forward day by day, score
 * against what happened, beside four baselines scored by the same alert rules with
 * thresholds chosen the same way (by cost, on the hold-out period before the cut-off).
 * Works on any history in the engine's input form. docs/predictions.md, "Backtest".
 */

export interface BacktestOptions {
  /** Train on data before this; test from it. */
  cutoff: number;
  /** End of the test period (default: the end of the last day with data). */
  end?: number;
  horizons?: number[];
  costs?: AlertCosts;
  predictor?: Partial<PredictorOptions>;
  /**
   * Ground truth for the recall breakdowns only: did this failure have warning signs (its
   * precursor stage began), could one be seen in the data (`observable`), was it a fault
   * that came back after a visit (`returned`)? Keyed by `${deviceId}/${component}`, matched
   * to the data's failures within a minute.
   */
  truth?: ReadonlyMap<string, ReadonlyArray<FailureTruth>>;
  /**
   * A second operating point beside the cost-chosen one: the lowest single threshold whose
   * alerts on the hold-out were at least this precise (default 0.5, the target).
   */
  minPrecision?: number;
}

/** Ground truth of one failure: `warned` always, the finer flags when the source knows them. */
export type FailureTruth = { ts: number; warned: boolean } & Partial<Omit<FailureTruthFlags, 'warned'>>;

export const METHODS = ['model', 'mtbf-rule', 'catalog-life', 'life-model', 'precursor-code-24h'] as const;
export type Method = (typeof METHODS)[number];

export const METHOD_LABELS: Record<Method, string> = {
  model: 'model (condition trees + life model)',
  'mtbf-rule': '(a) last failure + MTBF',
  'catalog-life': "(b) catalog's expected life",
  'life-model': '(c) life model alone',
  'precursor-code-24h': '(d) precursor code in 24 h',
};

/** Figures of one method and horizon under the primary alert rule (`rule`), and under every rule in `byRule`. */
export interface HorizonReport extends AlertMetrics {
  horizonDays: number;
  rule: AlertRule;
  prAuc: number | null;
  brier: number | null;
  /** Scored device-component-days in the test window, and those followed by a failure within the horizon. */
  cases: number;
  positives: number;
  /** Point-based: scored days at or above the threshold followed by a failure within the horizon, and positive days flagged. */
  pointPrecision: number | null;
  pointRecall: number | null;
  /** The alert figures under each rule, thresholds chosen by cost under that rule (the primary rule's repeat the top level). */
  byRule: Record<AlertRule, AlertMetrics>;
  /** The primary rule's figures at the threshold chosen on the hold-out for a minimum precision (null: none reached it). */
  atPrecision: PrecisionPoint;
}

/** An operating point chosen on the hold-out: the lowest threshold whose alerts there were precise enough. */
export interface PrecisionPoint {
  minPrecision: number;
  threshold: number | null;
  holdoutPrecision: number | null;
  /** Figures on the test period at that threshold; null when no threshold reached the precision. */
  metrics: AlertMetrics | null;
}

export interface ComponentReport {
  component: string;
  failures: number;
  warnedFailures: number;
  observableFailures: number;
  alerts: number;
  precision: number | null;
  recall: number | null;
  warnedRecall: number | null;
  observableRecall: number | null;
  prAuc: number | null;
}

export interface MethodReport {
  method: Method;
  label: string;
  horizons: HorizonReport[];
  /** First-horizon figures per component, at the same threshold. */
  byComponent: ComponentReport[];
}

export interface BacktestReport {
  cutoff: number;
  end: number;
  horizons: number[];
  costs: AlertCosts;
  /** The primary alert rule. */
  alertRule: AlertRule;
  devices: number;
  /** Failures in the test window (data), and how many ground truth says had warning signs, observable ones, returns. */
  testFailures: number;
  testFailuresWarned: number | null;
  testFailuresObservable: number | null;
  testFailuresReturned: number | null;
  trainSeconds: number;
  scoreSeconds: number;
  methods: MethodReport[];
  /** The trained predictor's summary: thresholds, failures per component, reasons for life-only components. */
  predictor: {
    thresholds: AlertThreshold[];
    thresholdBasis: TrainedPredictor['thresholdBasis'];
    components: Array<{ component: string; failures: number; conditionModel: boolean; reason?: string }>;
    trainingWindows: number;
  };
}

/** Ends of the last day of data in a history. */
function lastDataEnd(history: FleetHistory): number {
  let end = -Infinity;
  for (const d of history.devices) {
    for (const s of Object.values(d.metrics))
      if (s.day.length) end = Math.max(end, s.day[s.day.length - 1] + DAY_MS);
    if (d.events.length) end = Math.max(end, d.events[d.events.length - 1].ts + 1);
  }
  return end;
}

/** Pool-adjacent-violators: a monotone map from score to observed frequency (for Brier of rules). */
export function isotonicCalibration(
  scores: readonly number[],
  labels: readonly number[],
): (s: number) => number {
  const idx = Array.from(scores.keys()).sort((a, b) => scores[a] - scores[b]);
  const blocks: Array<{ hi: number; sum: number; n: number }> = [];
  for (const i of idx) {
    blocks.push({ hi: scores[i], sum: labels[i], n: 1 });
    while (blocks.length > 1) {
      const b = blocks[blocks.length - 1];
      const a = blocks[blocks.length - 2];
      if (a.sum / a.n <= b.sum / b.n) break;
      blocks.splice(blocks.length - 2, 2, { hi: b.hi, sum: a.sum + b.sum, n: a.n + b.n });
    }
  }
  if (!blocks.length) return () => 0;
  const his = blocks.map((b) => b.hi);
  const values = blocks.map((b) => b.sum / b.n);
  return (s: number) => {
    let lo = 0;
    let hi = his.length - 1;
    if (!(s <= his[hi])) return values[hi];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (his[mid] < s) lo = mid + 1;
      else hi = mid;
    }
    return values[lo];
  };
}

/** Training-time state of a baseline: fitted on history before `asOf`. */
type BaselineFactory = (train: readonly DeviceTimeline[], asOf: number) => ComponentScorer;

/**
 * (a) Odoo's rule: next failure = last failure + MTBF, MTBF of the device × component from
 * its own failures ((last failure − start of its record) ÷ failures), else the fleet's MTBF
 * of the model × component (in-service days ÷ failures). Score: days the predicted date
 * lies inside the horizon (≥ 0: due within it or overdue).
 */
function mtbfRule(horizons: readonly number[]): BaselineFactory {
  return (train, asOf) => {
    const exposure = new Map<string, { days: number; failures: number }>();
    for (const tl of train) {
      if (tl.firstDataTs === null) continue;
      const days = Math.max(0, asOf - tl.firstDataTs) / DAY_MS;
      for (const [name, c] of tl.components) {
        const key = lifeKey(tl.modelId, name);
        const e = exposure.get(key) ?? { days: 0, failures: 0 };
        e.days += days;
        e.failures += countIn(c.failureTs, -Infinity, asOf);
        exposure.set(key, e);
      }
    }
    return (tl, component, t) => {
      const c = tl.components.get(component);
      if (!c || tl.firstDataTs === null) return null;
      const start = tl.installDate !== null ? Math.min(tl.installDate, tl.firstDataTs) : tl.firstDataTs;
      const n = countIn(c.failureTs, -Infinity, t);
      let next: number;
      if (n > 0) {
        const last = lastBefore(c.failureTs, t)!;
        next = last + (last - start) / n;
      } else {
        const e = exposure.get(lifeKey(tl.modelId, component));
        const mtbfDays = e && e.failures > 0 ? e.days / e.failures : Infinity;
        next = start + mtbfDays * DAY_MS;
      }
      return horizons.map((h) => (t + h * DAY_MS - next) / DAY_MS);
    };
  };
}

/**
 * (b) Replace at the catalog's expected life: score = (age + usage over the horizon) ÷
 * expected life, the age in usage since the last replacement on record, else the usage
 * counter (a part as old as the machine).
 */
function catalogLife(horizons: readonly number[]): BaselineFactory {
  return () => (tl, component, t) => {
    const c = tl.components.get(component);
    if (!c) return null;
    const age = componentAge(tl, component, t);
    const used = age.originKnown ? age.usage : age.upperUsage;
    const rate = recentDailyUsage(tl, t) ?? tl.model.ratedMonthlyDuty / 30.44;
    return horizons.map((h) => (used + rate * h) / c.expectedLife);
  };
}

/** (c) The life model alone: P(failure within the horizon | age), fitted before the cut-off. */
function lifeModelAlone(horizons: readonly number[], priorShape: number): BaselineFactory {
  return (train, asOf) => {
    const table: LifeModelTable = fitLifeModels(train, uniqueModels(train), asOf, priorShape);
    return (tl, component, t) => {
      const life = table[lifeKey(tl.modelId, component)];
      if (!life) return null;
      return lifeRisk(life, componentAge(tl, component, t), recentDailyUsage(tl, t), horizons).probability;
    };
  };
}

/** (d) Alert on the component's own minor (precursor) codes in the last 24 h: score = their count. */
function precursorCode(horizons: readonly number[]): BaselineFactory {
  return () => (tl, component, t) => {
    const c = tl.components.get(component);
    if (!c) return null;
    const n = countIn(c.minorTs, t - DAY_MS, t);
    return horizons.map(() => n);
  };
}

function uniqueModels(timelines: readonly DeviceTimeline[]) {
  return [...new Map(timelines.map((tl) => [tl.modelId, tl.model])).values()];
}

function attachTruth(series: ScoreSeries[], truth: BacktestOptions['truth']): void {
  if (!truth) return;
  for (const s of series) {
    const known = truth.get(`${s.deviceId}/${s.component}`) ?? [];
    s.failures = s.failures.map((f) => {
      const match = known.find((k) => Math.abs(k.ts - f.ts) <= 60_000);
      return match ? { ...match, ts: f.ts } : { ts: f.ts };
    });
  }
}

/** Thresholds per horizon chosen by cost on hold-out scores under one alert rule. */
function holdoutThresholds(
  holdout: readonly ScoreSeries[],
  horizons: readonly number[],
  from: number,
  to: number,
  costs: AlertCosts,
  minFailures: number,
  fallback: number,
  rule: AlertRule,
): AlertThreshold[] {
  return horizons.map((hd, h) =>
    chooseComponentThresholds(holdout, h, hd, from, to, costs, minFailures, fallback, rule),
  );
}

export function backtest(history: FleetHistory, options: BacktestOptions): BacktestReport {
  const horizons = options.horizons ?? options.predictor?.horizons ?? DEFAULT_PREDICTOR_OPTIONS.horizons;
  const costs = options.costs ?? options.predictor?.costs ?? DEFAULT_PREDICTOR_OPTIONS.costs;
  const rule = options.predictor?.alertRule ?? DEFAULT_ALERT_RULE;
  const po: Partial<PredictorOptions> = { ...options.predictor, horizons, costs, alertRule: rule };
  const holdoutDays = po.holdoutDays ?? DEFAULT_PREDICTOR_OPTIONS.holdoutDays;
  const priorShape = po.priorShape ?? DEFAULT_PREDICTOR_OPTIONS.priorShape;
  const minFailures = po.minThresholdFailures ?? DEFAULT_PREDICTOR_OPTIONS.minThresholdFailures;
  const cutoff = options.cutoff;
  const end = options.end ?? lastDataEnd(history);
  const modelById = new Map(history.models.map((m) => [m.modelId, m]));
  const devices = history.devices.filter((d) => modelById.has(d.modelId));

  const t0 = performance.now();
  const { trained, holdout } = trainWithHoldout(history, cutoff, po);
  const trainSeconds = (performance.now() - t0) / 1000;

  const t1 = performance.now();
  // full timelines for scoring: every feature reads only what was known at its time
  const timelines = devices.map((d) => buildTimeline(d, modelById.get(d.modelId)!));
  const predictor = new FailurePredictor(trained);
  const rows = new Map<string, Float64Array>();
  const modelSeries = dailyScoreSeries(timelines, cutoff, end, horizons.length, (tl, component, t) => {
    let row = rows.get(component);
    if (!row) rows.set(component, (row = new Float64Array(predictor.featureCount(component))));
    return predictor.probabilities(tl, component, t, row).probability;
  });
  const scoreSeconds = (performance.now() - t1) / 1000;
  attachTruth(modelSeries, options.truth);

  // the model's thresholds under every rule: its own for the primary one, the others chosen
  // the same way on the same hold-out scores
  const bayes = costs.visit / costs.missedFailure;
  const modelThresholds = {} as Record<AlertRule, AlertThreshold[]>;
  for (const r of ALERT_RULES) {
    modelThresholds[r] =
      r === rule || !holdout || trained.thresholdBasis !== 'holdout'
        ? trained.thresholds
        : holdoutThresholds(holdout.series, horizons, holdout.from, holdout.to, costs, minFailures, bayes, r);
  }
  const minPrecision = options.minPrecision ?? 0.5;
  const precisionPoint = (
    holdoutSeries: readonly ScoreSeries[] | null,
    from: number,
    to: number,
  ): ((test: readonly ScoreSeries[], h: number, hd: number) => PrecisionPoint) => {
    return (test, h, hd) => {
      const chosen = holdoutSeries
        ? thresholdForPrecision(holdoutSeries, h, hd, from, to, minPrecision, rule, costs)
        : null;
      return {
        minPrecision,
        threshold: chosen?.threshold ?? null,
        holdoutPrecision: chosen?.precision ?? null,
        metrics: chosen
          ? alertMetrics(
              alertOutcome(test, h, hd, chosen.threshold, cutoff, end, rule),
              chosen.threshold,
              costs,
            )
          : null,
      };
    };
  };
  const modelPoint = precisionPoint(holdout?.series ?? null, holdout?.from ?? 0, holdout?.to ?? 0);
  const methods: MethodReport[] = [];
  methods.push({
    method: 'model',
    label: METHOD_LABELS.model,
    horizons: horizons.map((hd, h) =>
      report(modelSeries, h, hd, modelThresholds, rule, cutoff, end, costs, modelPoint),
    ),
    byComponent: componentReports(modelSeries, horizons[0], trained.thresholds[0], rule, cutoff, end, costs),
  });

  // baselines: fitted on the history before the hold-out, thresholds chosen on it by cost,
  // refitted on everything before the cut-off and scored on the test period
  const split = cutoff - holdoutDays * DAY_MS;
  const before = historyBefore({ models: history.models, devices }, cutoff).devices.map((d) =>
    buildTimeline(d, modelById.get(d.modelId)!),
  );
  const beforeSplit = devices.map((d) => buildTimeline(deviceBefore(d, split), modelById.get(d.modelId)!));
  const baselines: Array<[Method, BaselineFactory]> = [
    ['mtbf-rule', mtbfRule(horizons)],
    ['catalog-life', catalogLife(horizons)],
    ['life-model', lifeModelAlone(horizons, priorShape)],
    ['precursor-code-24h', precursorCode(horizons)],
  ];
  for (const [method, factory] of baselines) {
    const holdoutSeries = dailyScoreSeries(
      before,
      split,
      cutoff,
      horizons.length,
      factory(beforeSplit, split),
    );
    const test = dailyScoreSeries(timelines, cutoff, end, horizons.length, factory(before, cutoff));
    attachTruth(test, options.truth);
    const thresholds = {} as Record<AlertRule, AlertThreshold[]>;
    for (const r of ALERT_RULES) {
      thresholds[r] = holdoutThresholds(
        holdoutSeries,
        horizons,
        split,
        cutoff,
        costs,
        minFailures,
        Infinity,
        r,
      );
    }
    const point = precisionPoint(holdoutSeries, split, cutoff);
    methods.push({
      method,
      label: METHOD_LABELS[method],
      horizons: horizons.map((hd, h) => {
        // rules give scores, not probabilities: Brier after a monotone calibration on the hold-out
        const calibrate =
          method === 'life-model' ? undefined : calibrationFrom(holdoutSeries, h, hd, split, cutoff);
        return report(test, h, hd, thresholds, rule, cutoff, end, costs, point, calibrate);
      }),
      byComponent: componentReports(test, horizons[0], thresholds[rule][0], rule, cutoff, end, costs),
    });
  }

  let testFailures = 0;
  let warned = 0;
  let observable = 0;
  let returned = 0;
  for (const s of modelSeries) {
    for (const f of s.failures) {
      if (f.ts < cutoff || f.ts >= end) continue;
      testFailures++;
      if (f.warned) warned++;
      if (f.observable && !f.returned) observable++;
      if (f.returned) returned++;
    }
  }
  const fine = options.truth
    ? [...options.truth.values()].some((l) => l.some((f) => f.observable !== undefined))
    : false;
  return {
    cutoff,
    end,
    horizons,
    costs,
    alertRule: rule,
    devices: devices.length,
    testFailures,
    testFailuresWarned: options.truth ? warned : null,
    testFailuresObservable: fine ? observable : null,
    testFailuresReturned: fine ? returned : null,
    trainSeconds,
    scoreSeconds,
    methods,
    predictor: {
      thresholds: trained.thresholds,
      thresholdBasis: trained.thresholdBasis,
      components: Object.values(trained.components).map((c) => ({
        component: c.component,
        failures: c.failures,
        conditionModel: c.models.some((m) => m !== null),
        ...(c.reason ? { reason: c.reason } : {}),
      })),
      trainingWindows: trained.training.windows,
    },
  };
}

function componentReports(
  series: readonly ScoreSeries[],
  horizonDays: number,
  threshold: AlertThreshold,
  rule: AlertRule,
  from: number,
  to: number,
  costs: AlertCosts,
): ComponentReport[] {
  return [...new Set(series.map((s) => s.component))].sort().map((component) => {
    const sub = series.filter((s) => s.component === component);
    const m = alertMetrics(alertOutcome(sub, 0, horizonDays, threshold, from, to, rule), threshold, costs);
    return {
      component,
      failures: m.failures,
      warnedFailures: m.warnedFailures,
      observableFailures: m.observableFailures,
      alerts: m.alerts,
      precision: m.precision,
      recall: m.recall,
      warnedRecall: m.warnedRecall,
      observableRecall: m.observableRecall,
      prAuc: windowMetrics(sub, 0, horizonDays, from, to).prAuc,
    };
  });
}

function calibrationFrom(
  holdout: readonly ScoreSeries[],
  h: number,
  horizonDays: number,
  from: number,
  to: number,
): (s: number) => number {
  const scores: number[] = [];
  const labels: number[] = [];
  const horizon = horizonDays * DAY_MS;
  for (const s of holdout) {
    const failureTs = s.failures.map((f) => f.ts);
    s.ts.forEach((t, i) => {
      if (t < from || t > to - horizon) return;
      scores.push(s.scores[h][i]);
      labels.push(failureTs.some((f) => f > t && f <= t + horizon) ? 1 : 0);
    });
  }
  return isotonicCalibration(scores, labels);
}

function report(
  series: readonly ScoreSeries[],
  h: number,
  horizonDays: number,
  thresholds: Record<AlertRule, AlertThreshold[]>,
  rule: AlertRule,
  from: number,
  to: number,
  costs: AlertCosts,
  point: (test: readonly ScoreSeries[], h: number, hd: number) => PrecisionPoint,
  probability?: (s: number) => number,
): HorizonReport {
  const byRule = {} as Record<AlertRule, AlertMetrics>;
  for (const r of ALERT_RULES) {
    const th = thresholds[r][h];
    byRule[r] = alertMetrics(alertOutcome(series, h, horizonDays, th, from, to, r), th, costs);
  }
  const w = windowMetrics(series, h, horizonDays, from, to, probability);
  const p = pointMetrics(series, h, horizonDays, thresholds[rule][h], from, to);
  return {
    ...byRule[rule],
    horizonDays,
    rule,
    prAuc: w.prAuc,
    brier: w.brier,
    cases: w.cases,
    positives: w.positives,
    pointPrecision: p.precision,
    pointRecall: p.recall,
    byRule,
    atPrecision: point(series, h, horizonDays),
  };
}

/** Alerts on the hold-out a precision-chosen threshold must have raised, so that its precision means something. */
const MIN_PRECISION_ALERTS = 20;

/** The lowest candidate threshold whose alerts on the hold-out had at least `minPrecision`; null when none did. */
function thresholdForPrecision(
  holdout: readonly ScoreSeries[],
  h: number,
  horizonDays: number,
  from: number,
  to: number,
  minPrecision: number,
  rule: AlertRule,
  costs: AlertCosts,
): { threshold: number; precision: number } | null {
  for (const th of candidateThresholds(holdout, h)) {
    const m = alertMetrics(alertOutcome(holdout, h, horizonDays, th, from, to, rule), th, costs);
    if (m.alerts >= MIN_PRECISION_ALERTS && m.precision !== null && m.precision >= minPrecision)
      return { threshold: th, precision: m.precision };
  }
  return null;
}
