import {
  chooseComponentThresholds,
  DEFAULT_ALERT_RULE,
  DEFAULT_COSTS,
  thresholdOf,
  type AlertCosts,
  type AlertRule,
  type AlertThreshold,
  type ScoreSeries,
} from './alert-scoring.js';
import { buildTimeline, knownDays, lowerBound, type DeviceTimeline } from './device-timeline.js';
import { componentEvidence, type EvidenceItem } from './evidence.js';
import {
  featureLayout,
  fleetNorms,
  learnFailLevels,
  learnPrecursorCodeModels,
  writeFeatures,
  type FeatureContext,
  type FeatureLayout,
} from './features.js';
import {
  binFeatures,
  GradientBoostedTrees,
  trainGbmBinned,
  type GbmModelJson,
  type GbmOptions,
} from './gradient-boosting.js';
import {
  componentAge,
  fitLifeModels,
  lifeKey,
  lifeRisk,
  recentDailyUsage,
  type LifeModelTable,
  type LifeRisk,
} from './life-models.js';
import {
  DAY_MS,
  dayStart,
  type DeviceHistory,
  type FleetHistory,
  type ModelInfo,
} from './prediction-input.js';
import type { PrecursorCodeModel } from './precursor-model.js';
import { cumulativeHazard, type Weibull } from './weibull.js';

/**
 * The failure-prediction engine: trains life models and per-component condition models
 * (gradient-boosted trees on features, the life model's risk among them) from a fleet's
 * history, and scores device × component: probability of failure within each horizon,
 * remaining life, evidence and the reasons behind a defined answer. Pure: time is
 * passed in; the trained predictor is plain JSON. docs/predictions.md.
 */

export interface PredictorOptions {
  /** Horizons in days. */
  horizons: number[];
  /** Days of data a device needs before its windows are used for training. */
  warmupDays: number;
  /** Most negative windows sampled per component (the rest are weighted back in). */
  maxNegativesPerComponent: number;
  /** Fewest failures of a component in the training data for a condition model. */
  minFailures: number;
  /** The last days before the training cut-off hold out for the alert threshold. */
  holdoutDays: number;
  /** Fewest hold-out failures of a component for a threshold of its own. */
  minThresholdFailures: number;
  costs: AlertCosts;
  /** The alert rule thresholds are chosen under (docs/predictions.md, "Alerts and how they are scored"). */
  alertRule: AlertRule;
  gbm: Partial<GbmOptions>;
  /** Prior Weibull shape when the catalog gives none. */
  priorShape: number;
  seed: number;
}

export const DEFAULT_PREDICTOR_OPTIONS: PredictorOptions = {
  horizons: [7, 14, 30],
  warmupDays: 30,
  maxNegativesPerComponent: 15_000,
  minFailures: 15,
  holdoutDays: 90,
  minThresholdFailures: 40,
  costs: DEFAULT_COSTS,
  alertRule: DEFAULT_ALERT_RULE,
  gbm: {
    // a slower rate with more rounds: PR-AUC 0.467 → 0.490 at 7 days on seed 1 (docs/predictions.md)
    rounds: 600,
    learningRate: 0.05,
    maxLeaves: 31,
    minLeafRows: 50,
    featureSample: 0.7,
    earlyStoppingRounds: 50,
  },
  priorShape: 1.5,
  seed: 1,
};

export interface ComponentModelJson {
  component: string;
  /** Gauges the model reads, in column order. */
  metrics: string[];
  /** Failures in the training data. */
  failures: number;
  /** One model per horizon; null when too few failures to learn from. */
  models: Array<GbmModelJson | null>;
  /** Why there is no condition model. */
  reason?: string;
}

/**
 * Versions of the trained predictor's JSON. v2 adds features (the code ramp, gauge
 * progress and onset) and the learned terminal code rates; a v1 predictor is still read
 * and scored: its trees name the features they read, a subset of v2's, unchanged.
 */
export type PredictorFormat = 'failure-predictor-v1' | 'failure-predictor-v2';

export const PREDICTOR_FORMAT: PredictorFormat = 'failure-predictor-v2';

/** A trained predictor: everything scoring needs, as plain JSON. */
export interface TrainedPredictor {
  format: PredictorFormat;
  /** Data before this time was used (the training cut-off). */
  trainedAsOf: number;
  /** Earliest data seen. */
  dataFrom: number | null;
  devices: number;
  horizons: number[];
  options: Omit<PredictorOptions, 'gbm'> & { gbm: Partial<GbmOptions> };
  life: LifeModelTable;
  norms: FeatureContext['norms'];
  failLevels: FeatureContext['failLevels'];
  /** Per component, its precursor codes as a generative model (v2). */
  precursorCodes?: Record<string, PrecursorCodeModel>;
  modelIndex: Record<string, number>;
  components: Record<string, ComponentModelJson>;
  /** Alert thresholds per horizon (one per component where the hold-out had enough failures), chosen by cost on the hold-out period. */
  thresholds: AlertThreshold[];
  /** How the thresholds were chosen. */
  thresholdBasis: 'holdout' | 'bayes';
  training: { windows: number; positives: number[]; seconds?: number };
}

export type ComponentStatus =
  /** Scored from its own data. */
  | 'ok'
  /** Failed and not yet repaired: no forecast until it is back in service. */
  | 'failed'
  /** Nothing known of the device yet: risk from the life model alone. */
  | 'no-history';

export interface HorizonRisk {
  horizonDays: number;
  probability: number;
  /** At or above the alert threshold. */
  alert: boolean;
}

export interface ComponentPrediction {
  component: string;
  status: ComponentStatus;
  /** What produced the probabilities. */
  basis: 'condition-and-life' | 'life';
  risk: HorizonRisk[];
  /** Median remaining life, in days and in the model's usage unit. */
  remainingLife: { days: number; usage: number; unit: 'pages' | 'hours' };
  /** Life-model probabilities alone, per horizon (for comparison and charts). */
  lifeRisk: number[];
  evidence: string[];
  /** Why the answer is what it is: gaps, unknown age, no condition model. */
  reasons: string[];
}

export interface DevicePrediction {
  deviceId: string;
  modelId: string;
  at: number;
  components: ComponentPrediction[];
  reasons: string[];
}

/** Keeps data known before `asOf`: complete days that ended by it, events before it. */
export function historyBefore(history: FleetHistory, asOf: number): FleetHistory {
  return {
    models: history.models,
    devices: history.devices.map((d) => deviceBefore(d, asOf)),
  };
}

export function deviceBefore(d: DeviceHistory, asOf: number): DeviceHistory {
  const metrics: DeviceHistory['metrics'] = {};
  for (const [name, s] of Object.entries(d.metrics)) {
    let n = 0;
    while (n < s.day.length && s.day[n] + DAY_MS <= asOf) n++;
    metrics[name] = {
      day: s.day.slice(0, n),
      mean: s.mean.slice(0, n),
      min: s.min.slice(0, n),
      max: s.max.slice(0, n),
      count: s.count.slice(0, n),
      last: s.last.slice(0, n),
    };
  }
  return { ...d, metrics, events: d.events.filter((e) => e.ts < asOf) };
}

/** Deterministic uniform in [0, 1) from three integers (which windows are sampled). */
function hash01(a: number, b: number, c: number, seed: number): number {
  let h =
    Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^
    Math.imul(b + 0x632be5ab, 0xc2b2ae35) ^
    Math.imul(c + seed, 0x27d4eb2f);
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  h = Math.imul(h ^ (h >>> 12), 0x297a2d39);
  return ((h ^ (h >>> 15)) >>> 0) / 4294967296;
}

/** Is the component down (failed, not yet dealt with) at t? */
function isDown(tl: DeviceTimeline, component: string, t: number): boolean {
  const c = tl.components.get(component);
  if (!c) return false;
  for (let i = c.failures.length - 1; i >= 0; i--) {
    const f = c.failures[i];
    if (f.ts >= t) continue;
    return f.resolvedTs > t;
  }
  return false;
}

interface Window {
  tl: number;
  t: number;
  /** Per horizon: 1 fails within it, 0 not, NaN not yet known at the cut-off. */
  labels: number[];
  weight: number;
}

/** Training windows of one component: every failure window, a sample of the others. */
function sampleWindows(
  timelines: readonly DeviceTimeline[],
  component: string,
  asOf: number,
  o: PredictorOptions,
  componentIndex: number,
): { windows: Window[]; failures: number } {
  const minH = Math.min(...o.horizons);
  const candidates: Window[] = [];
  let negatives = 0;
  let longOnly = 0;
  let failures = 0;
  timelines.forEach((tl, ti) => {
    const c = tl.components.get(component);
    if (!c || tl.firstDataTs === null) return;
    failures += c.failures.filter((f) => f.ts < asOf).length;
    const start = dayStart(tl.firstDataTs) + (o.warmupDays + 1) * DAY_MS;
    for (let t = start; t + minH * DAY_MS <= asOf; t += DAY_MS) {
      if (isDown(tl, component, t)) continue;
      const labels = o.horizons.map((h) => {
        if (t + h * DAY_MS > asOf) return NaN;
        return c.failureTs.some((f) => f > t && f <= t + h * DAY_MS) ? 1 : 0;
      });
      // stratum: 2 positive for the shortest horizon, 1 only for longer ones, 0 negative
      const stratum = labels[0] === 1 ? 2 : labels.some((y) => y === 1) ? 1 : 0;
      if (stratum === 0) negatives++;
      if (stratum === 1) longOnly++;
      candidates.push({ tl: ti, t, labels, weight: stratum });
    }
  });
  // every shortest-horizon positive; the others sampled and weighted back (Horvitz–Thompson)
  const rate = [
    Math.min(1, o.maxNegativesPerComponent / Math.max(1, negatives)),
    Math.min(1, o.maxNegativesPerComponent / 2 / Math.max(1, longOnly)),
    1,
  ];
  const windows = candidates.filter((w) => {
    const r = rate[w.weight];
    if (r < 1 && hash01(w.tl, componentIndex, w.t / DAY_MS, o.seed) >= r) return false;
    w.weight = 1 / r;
    return true;
  });
  return { windows, failures };
}

function contextAt(
  timelines: readonly DeviceTimeline[],
  models: readonly ModelInfo[],
  asOf: number,
  o: PredictorOptions,
): FeatureContext {
  const modelIndex: Record<string, number> = {};
  [...models]
    .sort((a, b) => a.modelId.localeCompare(b.modelId))
    .forEach((m, i) => (modelIndex[m.modelId] = i));
  const norms = fleetNorms(timelines, asOf);
  return {
    horizons: o.horizons,
    life: fitLifeModels(timelines, models, asOf, o.priorShape),
    norms,
    modelIndex,
    failLevels: learnFailLevels(timelines, norms, asOf),
    precursorCodes: learnPrecursorCodeModels(timelines, asOf),
  };
}

/** Gauge metrics reported by the devices whose model has the component. */
function metricsFor(timelines: readonly DeviceTimeline[], component: string): string[] {
  const set = new Set<string>();
  for (const tl of timelines) if (tl.components.has(component)) for (const g of tl.gauges) set.add(g.metric);
  return [...set].sort();
}

function featureMatrix(
  windows: readonly Window[],
  timelines: readonly DeviceTimeline[],
  component: string,
  ctx: FeatureContext,
  layout: FeatureLayout,
): Float64Array {
  const nf = layout.names.length;
  const x = new Float64Array(windows.length * nf);
  windows.forEach((w, i) => writeFeatures(timelines[w.tl], component, w.t, ctx, layout, x, i * nf));
  return x;
}

/** Rows with a known label for horizon h that pass `keep`. */
function rowsFor(windows: readonly Window[], h: number, keep: (w: Window) => boolean): Uint32Array {
  const idx: number[] = [];
  windows.forEach((w, i) => {
    if (!Number.isNaN(w.labels[h]) && keep(w)) idx.push(i);
  });
  return Uint32Array.from(idx);
}

interface ComponentFit {
  json: ComponentModelJson;
  rounds: number[];
}

function fitComponent(
  timelines: readonly DeviceTimeline[],
  component: string,
  componentIndex: number,
  asOf: number,
  ctx: FeatureContext,
  o: PredictorOptions,
  fixedRounds: number[] | null,
): ComponentFit & { windows: number; positives: number[] } {
  const metrics = metricsFor(timelines, component);
  const layout = featureLayout(metrics, o.horizons);
  const { windows, failures } = sampleWindows(timelines, component, asOf, o, componentIndex);
  const positives = o.horizons.map((_, h) => windows.filter((w) => w.labels[h] === 1).length);
  const none = (reason: string): ComponentFit & { windows: number; positives: number[] } => ({
    json: { component, metrics, failures, models: o.horizons.map(() => null), reason },
    rounds: o.horizons.map(() => 0),
    windows: windows.length,
    positives,
  });
  if (failures < o.minFailures) {
    return none(
      failures === 0
        ? `no ${component} failure on record anywhere in the fleet`
        : `only ${failures} ${component} failure${failures > 1 ? 's' : ''} on record (a condition model needs ${o.minFailures})`,
    );
  }
  const x = featureMatrix(windows, timelines, component, ctx, layout);
  const nf = layout.names.length;
  const binned = binFeatures(x, windows.length, nf, o.gbm.bins);
  const weight = Float64Array.from(windows, (w) => w.weight);
  const models: Array<GbmModelJson | null> = [];
  const rounds: number[] = [];
  o.horizons.forEach((horizon, h) => {
    const gbm = { ...o.gbm, seed: o.seed + h, objective: 'binary' as const };
    const y = Float64Array.from(windows, (w) => (w.labels[h] === 1 ? 1 : 0));
    const positive = (rows: Uint32Array): boolean => rows.some((r) => y[r] === 1);
    const all = (rounds: number) =>
      trainGbmBinned(
        binned,
        y,
        weight,
        rowsFor(windows, h, () => true),
        null,
        layout.names,
        { ...gbm, rounds },
      );
    let m;
    if (fixedRounds) {
      m = all(Math.max(20, fixedRounds[h]));
    } else {
      // early stopping on the latest windows: a time split inside the training data
      const split = asOf - (horizon + 45) * DAY_MS;
      const train = rowsFor(windows, h, (w) => w.t + horizon * DAY_MS <= split);
      const valid = rowsFor(windows, h, (w) => w.t + horizon * DAY_MS > split);
      m =
        positive(train) && positive(valid) && valid.length >= 50
          ? trainGbmBinned(binned, y, weight, train, valid, layout.names, gbm)
          : all(100);
    }
    models.push(m.toJSON());
    rounds.push(m.json.bestRound);
  });
  return { json: { component, metrics, failures, models }, rounds, windows: windows.length, positives };
}

/**
 * Trains on the history known before `asOf`: life models and fleet norms, then per
 * component one tree model per horizon. The alert threshold per horizon is chosen by
 * cost on the last `holdoutDays` (models trained before them, scored day by day over
 * them); the final models are then trained on everything before `asOf`.
 */
export function trainPredictor(
  fleet: FleetHistory,
  asOf: number,
  options: Partial<PredictorOptions> = {},
): TrainedPredictor {
  return trainWithHoldout(fleet, asOf, options).trained;
}

/** The hold-out phase's daily scores, kept for backtests (thresholds under other alert rules). */
export interface HoldoutScores {
  from: number;
  to: number;
  series: ScoreSeries[];
}

/** `trainPredictor`, also answering the hold-out's daily scores (null when there was no hold-out phase). */
export function trainWithHoldout(
  fleet: FleetHistory,
  asOf: number,
  options: Partial<PredictorOptions> = {},
): { trained: TrainedPredictor; holdout: HoldoutScores | null } {
  const o: PredictorOptions = { ...DEFAULT_PREDICTOR_OPTIONS, ...options };
  const history = historyBefore(fleet, asOf);
  const modelById = new Map(history.models.map((m) => [m.modelId, m]));
  const timelines = history.devices.flatMap((d) => {
    const model = modelById.get(d.modelId);
    return model ? [buildTimeline(d, model)] : [];
  });
  const components = [...new Set(history.models.flatMap((m) => m.components.map((c) => c.name)))].sort();
  const firsts = timelines.map((tl) => tl.firstDataTs).filter((x): x is number => x !== null);
  const dataFrom = firsts.length ? Math.min(...firsts) : null;

  // hold-out phase: models as of the hold-out start, scored over the hold-out
  const split = asOf - o.holdoutDays * DAY_MS;
  const bayes = o.costs.visit / o.costs.missedFailure;
  let thresholds: AlertThreshold[] = o.horizons.map(() => bayes);
  let thresholdBasis: TrainedPredictor['thresholdBasis'] = 'bayes';
  let rounds: Record<string, number[]> | null = null;
  let holdout: HoldoutScores | null = null;
  if (dataFrom !== null && split - dataFrom > (o.warmupDays + 60) * DAY_MS) {
    const byId = new Map(history.devices.map((d) => [d.deviceId, d]));
    const early = timelines.map((tl) => buildTimeline(deviceBefore(byId.get(tl.deviceId)!, split), tl.model));
    const ctxA = contextAt(early, history.models, split, o);
    const fitsA: Record<string, ComponentModelJson> = {};
    rounds = {};
    components.forEach((c, ci) => {
      const fit = fitComponent(early, c, ci, split, ctxA, o, null);
      fitsA[c] = fit.json;
      rounds![c] = fit.rounds;
    });
    const provisional = assemble(o, split, dataFrom, early.length, ctxA, fitsA, thresholds, 'bayes', {
      windows: 0,
      positives: [],
    });
    const series = scoreSeries(provisional, timelines, split, asOf);
    holdout = { from: split, to: asOf, series };
    const failuresInHoldout = series.reduce((n, s) => n + s.failures.length, 0);
    if (failuresInHoldout > 0) {
      thresholds = o.horizons.map((horizon, h) =>
        chooseComponentThresholds(
          series,
          h,
          horizon,
          split,
          asOf,
          o.costs,
          o.minThresholdFailures,
          bayes,
          o.alertRule,
        ),
      );
      thresholdBasis = 'holdout';
    }
  }

  const ctx = contextAt(timelines, history.models, asOf, o);
  const fits: Record<string, ComponentModelJson> = {};
  let windows = 0;
  const positives = o.horizons.map(() => 0);
  components.forEach((c, ci) => {
    const fit = fitComponent(timelines, c, ci, asOf, ctx, o, rounds?.[c] ?? null);
    fits[c] = fit.json;
    windows += fit.windows;
    fit.positives.forEach((p, h) => (positives[h] += p));
  });
  const trained = assemble(o, asOf, dataFrom, timelines.length, ctx, fits, thresholds, thresholdBasis, {
    windows,
    positives,
  });
  return { trained, holdout };
}

function assemble(
  o: PredictorOptions,
  asOf: number,
  dataFrom: number | null,
  devices: number,
  ctx: FeatureContext,
  components: Record<string, ComponentModelJson>,
  thresholds: AlertThreshold[],
  thresholdBasis: TrainedPredictor['thresholdBasis'],
  training: TrainedPredictor['training'],
): TrainedPredictor {
  return {
    format: PREDICTOR_FORMAT,
    trainedAsOf: asOf,
    dataFrom,
    devices,
    horizons: [...o.horizons],
    options: o,
    life: ctx.life,
    norms: ctx.norms,
    failLevels: ctx.failLevels,
    precursorCodes: ctx.precursorCodes ?? {},
    modelIndex: ctx.modelIndex,
    components,
    thresholds,
    thresholdBasis,
    training,
  };
}

/** A predictor ready to score: its JSON with the tree models instantiated. */
export class FailurePredictor {
  private readonly trees = new Map<string, Array<GradientBoostedTrees | null>>();
  private readonly layouts = new Map<string, FeatureLayout>();
  /**
   * Per component whose trees read other columns than the current layout (a v1 model):
   * for each of the trees' features, its column in the layout; and a row to gather into.
   */
  private readonly columns = new Map<string, { index: Int32Array; row: Float64Array }>();
  private readonly ctx: FeatureContext;

  constructor(readonly trained: TrainedPredictor) {
    const format: unknown = trained.format;
    if (format !== 'failure-predictor-v1' && format !== 'failure-predictor-v2') {
      throw new Error(
        `unknown predictor format ${String(format)}: this engine reads failure-predictor-v1 and -v2; retrain the predictor`,
      );
    }
    for (const [name, c] of Object.entries(trained.components)) {
      this.trees.set(
        name,
        c.models.map((m) => (m ? GradientBoostedTrees.fromJSON(m) : null)),
      );
      const layout = featureLayout(c.metrics, trained.horizons);
      this.layouts.set(name, layout);
      const read = c.models.find((m) => m !== null)?.featureNames;
      if (read && read.join('\n') !== layout.names.join('\n')) {
        const index = Int32Array.from(read, (f) => {
          const i = layout.names.indexOf(f);
          if (i < 0) {
            throw new Error(
              `the ${name} model of this ${format} predictor reads feature ${f}, which this engine does not compute: retrain the predictor`,
            );
          }
          return i;
        });
        this.columns.set(name, { index, row: new Float64Array(index.length) });
      }
    }
    this.ctx = {
      horizons: trained.horizons,
      life: trained.life,
      norms: trained.norms,
      modelIndex: trained.modelIndex,
      failLevels: trained.failLevels,
      precursorCodes: trained.precursorCodes ?? {},
    };
  }

  static fromJSON(json: TrainedPredictor): FailurePredictor {
    return new FailurePredictor(json);
  }

  toJSON(): TrainedPredictor {
    return this.trained;
  }

  get horizons(): number[] {
    return this.trained.horizons;
  }

  /** Columns of a component's feature rows (0 without a condition model). */
  featureCount(component: string): number {
    return this.layouts.get(component)?.names.length ?? 0;
  }

  /** Scores every component of a device at time t (only data before t is read). */
  scoreDevice(device: DeviceHistory, model: ModelInfo | undefined, t: number): DevicePrediction {
    if (!model) {
      return {
        deviceId: device.deviceId,
        modelId: device.modelId,
        at: t,
        components: [],
        reasons: [`model ${device.modelId} is not in the registry: nothing to predict`],
      };
    }
    return this.scoreTimeline(buildTimeline(device, model), t, { evidence: true });
  }

  /** Scores a prepared timeline; `evidence: false` skips the words (backtests). */
  scoreTimeline(tl: DeviceTimeline, t: number, opts: { evidence: boolean }): DevicePrediction {
    const reasons: string[] = [];
    const hasData = tl.firstDataTs !== null && tl.firstDataTs < t;
    if (!hasData) reasons.push('no telemetry or events before this time: risk from the life model alone');
    const implausible = knownDays(tl.implausibleUsageDays, t);
    if (implausible > 0) {
      reasons.push(
        `${implausible} day(s) of implausible usage-counter readings ignored (clock jump or bad counter)`,
      );
    }
    const unattributed = lowerBound(tl.unattributedFailures, t);
    if (unattributed > 0) {
      reasons.push(`${unattributed} failure(s) name no known component and were not used`);
    }
    const components = tl.model.components.map((c) =>
      this.scoreComponent(tl, c.name, t, hasData, opts.evidence),
    );
    return { deviceId: tl.deviceId, modelId: tl.modelId, at: t, components, reasons };
  }

  /**
   * Probabilities per horizon for one component at t: the condition model where there
   * is one and data to read, else the life model; never NaN, never decreasing with the
   * horizon. `row` (reused in loops) receives the features.
   */
  probabilities(
    tl: DeviceTimeline,
    component: string,
    t: number,
    row?: Float64Array,
  ): {
    probability: number[];
    basis: ComponentPrediction['basis'];
    row: Float64Array | null;
    life: LifeRisk | null;
  } {
    const horizons = this.trained.horizons;
    const life = this.trained.life[lifeKey(tl.modelId, component)];
    const lifeR = life
      ? lifeRisk(life, componentAge(tl, component, t), recentDailyUsage(tl, t), horizons)
      : null;
    const layout = this.layouts.get(component);
    const trees = this.trees.get(component);
    const hasData = tl.firstDataTs !== null && tl.firstDataTs < t;
    let probability: number[];
    let basis: ComponentPrediction['basis'] = 'life';
    let x: Float64Array | null = null;
    if (hasData && layout && trees && trees.some((m) => m !== null)) {
      x = row ?? new Float64Array(layout.names.length);
      writeFeatures(tl, component, t, this.ctx, layout, x, 0);
      const features = this.treeRow(component, x);
      probability = trees.map((m, h) => (m ? m.predict(features) : (lifeR?.probability[h] ?? NaN)));
      basis = 'condition-and-life';
    } else {
      probability = lifeR ? [...lifeR.probability] : horizons.map(() => NaN);
    }
    let running = 0;
    probability = probability.map((p, h) => {
      const v = Number.isFinite(p) ? p : (lifeR?.probability[h] ?? 0);
      running = Math.max(running, Math.min(1, Math.max(0, Number.isFinite(v) ? v : 0)));
      return running;
    });
    return { probability, basis, row: x, life: lifeR };
  }

  private scoreComponent(
    tl: DeviceTimeline,
    component: string,
    t: number,
    hasData: boolean,
    withEvidence: boolean,
  ): ComponentPrediction {
    const horizons = this.trained.horizons;
    const life = this.trained.life[lifeKey(tl.modelId, component)];
    const age = componentAge(tl, component, t);
    const daily = recentDailyUsage(tl, t);
    const reasons: string[] = [];
    const unit = tl.model.usageUnit;
    const lifeR = life ? lifeRisk(life, age, daily, horizons) : null;
    if (!life) reasons.push(`no life model for ${tl.modelId} ${component}`);
    else if (life.usage.failures === 0) {
      reasons.push(
        `no ${component} failure on record for ${tl.modelId}: life from the catalog's expected life`,
      );
    }
    if (!age.originKnown)
      reasons.push('no replacement on record since the data began: age bounded by the usage counter');
    if (lifeR?.basis === 'calendar') reasons.push('no recent usage readings: calendar-time life model used');

    const layout = this.layouts.get(component);
    const modelInfo = this.trained.components[component];
    const scored = this.probabilities(tl, component, t);
    const { probability, basis, row } = scored;
    let contributions: Float64Array | null = null;
    if (basis === 'condition-and-life' && row && layout) {
      const first = this.trees.get(component)?.[0];
      if (withEvidence && first) contributions = this.layoutContributions(component, row, first);
      const stale = row[layout.names.indexOf('data.daysSinceData')];
      if (stale >= 3)
        reasons.push(`no data for ${Math.round(stale)} days: risk from what was known before the gap`);
    } else if (modelInfo?.reason) {
      reasons.push(`${modelInfo.reason}: life model alone`);
    }

    const status: ComponentStatus = isDown(tl, component, t) ? 'failed' : hasData ? 'ok' : 'no-history';
    if (status === 'failed')
      reasons.push('failed and awaiting repair: no forecast until it is back in service');
    const remaining = remainingLife(horizons, probability, life?.usage, age, lifeR?.dailyUsage ?? null);
    const evidence =
      withEvidence && life && layout
        ? componentEvidence(
            tl,
            component,
            t,
            layout,
            row ?? this.rowFor(tl, component, t, layout),
            age,
            life,
            contributions,
          )
            .slice(0, 4)
            .map((e: EvidenceItem) => e.text)
        : [];
    return {
      component,
      status,
      basis,
      risk: horizons.map((horizonDays, h) => ({
        horizonDays,
        probability: probability[h],
        alert: status === 'ok' && probability[h] >= thresholdOf(this.trained.thresholds[h], component),
      })),
      remainingLife: { days: remaining.days, usage: remaining.usage, unit },
      lifeRisk: lifeR ? lifeR.probability : horizons.map(() => 0),
      evidence,
      reasons,
    };
  }

  /** The row the component's trees read: the layout's own, or its columns gathered (v1 models). */
  private treeRow(component: string, row: Float64Array): Float64Array {
    const c = this.columns.get(component);
    if (!c) return row;
    for (let i = 0; i < c.index.length; i++) c.row[i] = row[c.index[i]];
    return c.row;
  }

  /** The trees' contributions per layout column. */
  private layoutContributions(
    component: string,
    row: Float64Array,
    trees: GradientBoostedTrees,
  ): Float64Array {
    const byFeature = trees.contributions(this.treeRow(component, row)).byFeature;
    const c = this.columns.get(component);
    if (!c) return byFeature;
    const out = new Float64Array(row.length);
    for (let i = 0; i < c.index.length; i++) out[c.index[i]] = byFeature[i];
    return out;
  }

  private rowFor(tl: DeviceTimeline, component: string, t: number, layout: FeatureLayout): Float64Array {
    const row = new Float64Array(layout.names.length);
    writeFeatures(tl, component, t, this.ctx, layout, row, 0);
    return row;
  }
}

/**
 * Median remaining life from the horizon probabilities (log-survival interpolated
 * between horizons) and, past the last horizon, the life model's conditional survival.
 */
export function remainingLife(
  horizons: readonly number[],
  probability: readonly number[],
  lifeUsage: Weibull | undefined,
  age: { originKnown: boolean; usage: number; upperUsage: number },
  dailyUsage: number | null,
): { days: number; usage: number } {
  const rate = dailyUsage !== null && dailyUsage > 0 ? dailyUsage : null;
  let prevT = 0;
  let prevS = 1;
  for (let h = 0; h < horizons.length; h++) {
    const s = Math.max(1e-12, 1 - probability[h]);
    if (s <= 0.5) {
      const days = prevT + ((horizons[h] - prevT) * Math.log(0.5 / prevS)) / Math.log(s / prevS);
      return { days, usage: rate === null ? NaN : days * rate };
    }
    prevT = horizons[h];
    prevS = s;
  }
  if (!lifeUsage || rate === null) {
    // no usage rate: extend the last horizon's hazard at a constant rate
    const hazard = -Math.log(prevS) / Math.max(prevT, 1);
    const days = hazard > 0 ? prevT + Math.log(prevS / 0.5) / hazard : Infinity;
    return { days: Number.isFinite(days) ? days : 36_500, usage: NaN };
  }
  const a = (age.originKnown ? age.usage : age.upperUsage / 2) + rate * prevT;
  // S(t) = S(T)·S_life(a + r(t − T)) / S_life(a): solve S(t) = 1/2
  const target = cumulativeHazard(a, lifeUsage) + Math.log(prevS / 0.5);
  const ageAtMedian = lifeUsage.scale * Math.pow(target, 1 / lifeUsage.shape);
  const usage = rate * prevT + Math.max(0, ageAtMedian - a);
  return { days: usage / rate, usage };
}

/** Scores of a component at t, one per horizon; null when it is not scored then. */
export type ComponentScorer = (tl: DeviceTimeline, component: string, t: number) => ArrayLike<number> | null;

/**
 * Daily scores of every device × component at each midnight UTC in [from, to), skipping
 * times before a device's first data and while a component is down, with the failures
 * and resets seen in the data: what alerts are raised from and scored against.
 */
export function dailyScoreSeries(
  timelines: readonly DeviceTimeline[],
  from: number,
  to: number,
  horizons: number,
  scorer: ComponentScorer,
): ScoreSeries[] {
  const out: ScoreSeries[] = [];
  const first = dayStart(from) === from ? from : dayStart(from) + DAY_MS;
  for (const tl of timelines) {
    for (const comp of tl.model.components) {
      const ts: number[] = [];
      const scores = Array.from({ length: horizons }, () => [] as number[]);
      for (let t = first; t < to; t += DAY_MS) {
        if (tl.firstDataTs === null || tl.firstDataTs >= t) continue;
        if (isDown(tl, comp.name, t)) continue;
        const risk = scorer(tl, comp.name, t);
        if (!risk) continue;
        ts.push(t);
        for (let h = 0; h < horizons; h++) scores[h].push(risk[h]);
      }
      const c = tl.components.get(comp.name)!;
      out.push({
        deviceId: tl.deviceId,
        component: comp.name,
        ts,
        scores: scores.map((s) => Float64Array.from(s)),
        failures: c.failures.map((f) => ({ ts: f.ts })),
        resets: [...c.replacements, ...c.failureTs].sort((a, b) => a - b),
      });
    }
  }
  return out;
}

/** The predictor's daily probabilities over [from, to). */
export function scoreSeries(
  predictor: TrainedPredictor | FailurePredictor,
  timelines: readonly DeviceTimeline[],
  from: number,
  to: number,
): ScoreSeries[] {
  const p = predictor instanceof FailurePredictor ? predictor : new FailurePredictor(predictor);
  const rows = new Map<string, Float64Array>();
  return dailyScoreSeries(timelines, from, to, p.horizons.length, (tl, component, t) => {
    let row = rows.get(component);
    if (!row) rows.set(component, (row = new Float64Array(p.featureCount(component))));
    return p.probabilities(tl, component, t, row).probability;
  });
}
