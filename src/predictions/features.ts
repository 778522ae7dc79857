import {
  countIn,
  knownDays,
  lastBefore,
  lowerBound,
  usageBetween,
  usageDaysIn,
  windowSlope,
  windowStats,
  type DeviceTimeline,
  type GaugeTimeline,
} from './device-timeline.js';
import { componentAge, lifeKey, lifeRisk, recentDailyUsage, type LifeModelTable } from './life-models.js';
import { DAY_MS, dayStart } from './prediction-input.js';
import { weibullMedian } from './weibull.js';

/**
 * The condition model's features of one component of one device at time t. Every value
 * reads only what was known before t; what cannot be computed (no data in a window, an
 * unknown age) is NaN, which the trees route as missing. docs/predictions.md, "Features".
 */

export interface GaugeNorm {
  mean: number;
  range: number;
  /** 1.4826 × median absolute deviation of daily means: a standard deviation robust to worn parts. */
  sd: number;
}

/** What features need beyond the device: learned from the training history. */
export interface FeatureContext {
  /** Horizons in days, for the life model's probabilities. */
  horizons: readonly number[];
  life: LifeModelTable;
  /** Per `modelId/metric`: the fleet's median daily mean and daily range, and the robust spread of daily means. */
  norms: Record<string, GaugeNorm>;
  /** Equipment models by a stable number (a categorical feature for the trees). */
  modelIndex: Record<string, number>;
  /**
   * Per component and gauge, the level the gauge had reached just before the component's
   * failures, in fleet standard deviations from the norm, when it moves clearly; learned.
   */
  failLevels: Record<string, Record<string, number>>;
}

export const BASE_FEATURES = [
  'model',
  'data.daysSinceData',
  'data.coverage7',
  'age.originKnown',
  'age.lifeFraction',
  'age.upperFraction',
  'age.days',
  'age.medianFraction',
  'usage.load7',
  'usage.load30',
  'device.ageDays',
  'codes.own24h',
  'codes.own48h',
  'codes.own7d',
  'codes.own30d',
  'codes.ownSinceOrigin',
  'codes.perKUsage7d',
  'codes.perKUsage30d',
  'codes.usageSinceFirst',
  'codes.perKUsageSinceFirst',
  'codes.kUsageSinceLast',
  'codes.kUsagePerCodeLast3',
  'codes.ownRateRatio',
  'codes.daysSinceOwn',
  'codes.other7d',
  'fail.sinceOrigin',
  'fail.daysSinceLast',
  'fail.count365',
  'fail.otherComponents90d',
  'service.daysSincePm',
  'service.daysSinceVisit',
  'life.residualFraction',
] as const;

export const GAUGE_FEATURES = [
  'level3',
  'delta3',
  'delta7',
  'z3',
  'slope7',
  'slope30',
  'rangeRatio3',
  'rangeLevel3',
  'toFail',
] as const;

/** Column layout of a condition model: base features, life probabilities, then gauges. */
export interface FeatureLayout {
  names: string[];
  metrics: string[];
  horizons: number[];
}

export function featureLayout(metrics: readonly string[], horizons: readonly number[]): FeatureLayout {
  const names: string[] = [...BASE_FEATURES, ...horizons.map((h) => `life.p${h}d`)];
  for (const m of metrics) for (const f of GAUGE_FEATURES) names.push(`${m}:${f}`);
  return { names, metrics: [...metrics], horizons: [...horizons] };
}

const daysSince = (ts: number | null, t: number): number => (ts === null ? NaN : (t - ts) / DAY_MS);

/** The most recent day that ended by t with any data (gauge or usage); null when none. */
function lastDataDay(tl: DeviceTimeline, t: number): number | null {
  let last: number | null = null;
  const consider = (days: readonly number[]): void => {
    const i = knownDays(days, t);
    if (i > 0 && (last === null || days[i - 1] > last)) last = days[i - 1];
  };
  for (const g of tl.gauges) consider(g.series.day);
  consider(tl.usageDays);
  return last;
}

/** Writes the features of `component` at `t` into `out` from `offset`, in `layout` order. */
export function writeFeatures(
  tl: DeviceTimeline,
  component: string,
  t: number,
  ctx: FeatureContext,
  layout: FeatureLayout,
  out: Float64Array,
  offset: number,
): void {
  const c = tl.components.get(component);
  const expectedLife = c?.expectedLife ?? NaN;
  const ratedDaily = tl.model.ratedMonthlyDuty / 30.44;
  const age = componentAge(tl, component, t);
  const life = ctx.life[lifeKey(tl.modelId, component)];
  const daily = recentDailyUsage(tl, t);
  const risk = life ? lifeRisk(life, age, daily, layout.horizons) : null;
  const originTs = age.originTs ?? tl.firstDataTs ?? t;

  const lastDay = lastDataDay(tl, t);
  let covered = 0;
  for (const g of tl.gauges) {
    covered = Math.max(covered, knownDays(g.series.day, t) - knownDays(g.series.day, t - 7 * DAY_MS));
  }
  covered = Math.max(covered, knownDays(tl.usageDays, t) - knownDays(tl.usageDays, t - 7 * DAY_MS));

  const minor = c?.minorTs ?? [];
  const own7 = countIn(minor, t - 7 * DAY_MS, t);
  const ownPrior30 = countIn(minor, t - 37 * DAY_MS, t - 7 * DAY_MS);
  const usage7 = usageBetween(tl, t - 7 * DAY_MS, t);
  const usage30 = usageBetween(tl, t - 30 * DAY_MS, t);
  // the first own code since the part was fitted: how far into its warning period it may be
  const firstCode = minor[lowerBound(minor, originTs)];
  const sinceFirst =
    firstCode !== undefined && firstCode < t ? usageBetween(tl, dayStart(firstCode), t) : NaN;
  const codesSinceFirst = firstCode !== undefined && firstCode < t ? countIn(minor, firstCode, t) : 0;
  const failureTs = c?.failureTs ?? [];
  let otherFailures = 0;
  for (const [name, other] of tl.components) {
    if (name !== component) otherFailures += countIn(other.failureTs, t - 90 * DAY_MS, t);
  }

  const v = out;
  let i = offset;
  v[i++] = ctx.modelIndex[tl.modelId] ?? -1;
  v[i++] = daysSince(lastDay === null ? null : lastDay + DAY_MS, t);
  v[i++] = covered / 7;
  v[i++] = age.originKnown ? 1 : 0;
  v[i++] = age.usage / expectedLife;
  v[i++] = age.upperUsage / expectedLife;
  v[i++] = age.days;
  v[i++] = life ? age.usage / weibullMedian(life.usage) : NaN;
  v[i++] = usageDaysIn(tl, t - 7 * DAY_MS, t) > 0 ? usage7 / 7 / ratedDaily : NaN;
  v[i++] = daily === null ? NaN : daily / ratedDaily;
  v[i++] = daysSince(tl.installDate, t);
  v[i++] = countIn(minor, t - DAY_MS, t);
  v[i++] = countIn(minor, t - 2 * DAY_MS, t);
  v[i++] = own7;
  v[i++] = countIn(minor, t - 30 * DAY_MS, t);
  v[i++] = countIn(minor, originTs, t);
  v[i++] = usage7 > 0 ? (1000 * own7) / usage7 : NaN;
  v[i++] = usage30 > 0 ? (1000 * countIn(minor, t - 30 * DAY_MS, t)) / usage30 : NaN;
  v[i++] = sinceFirst / expectedLife;
  v[i++] = sinceFirst > 0 ? (1000 * codesSinceFirst) / sinceFirst : NaN;
  // the spacing of the latest codes in usage: the current rate, however fast it is
  const known = lowerBound(minor, t);
  const sinceCode = (k: number): number =>
    known - k >= 0 && minor[known - k] >= originTs
      ? usageBetween(tl, dayStart(minor[known - k]), t) / 1000
      : NaN;
  v[i++] = sinceCode(1);
  v[i++] = sinceCode(3) / 3;
  v[i++] = (own7 + 0.5) / 7 / ((ownPrior30 + 0.5) / 30);
  v[i++] = daysSince(lastBefore(minor, t), t);
  v[i++] = countIn(tl.otherMinorTs, t - 7 * DAY_MS, t);
  v[i++] = countIn(failureTs, originTs, t);
  v[i++] = daysSince(lastBefore(failureTs, t), t);
  v[i++] = countIn(failureTs, t - 365 * DAY_MS, t);
  v[i++] = otherFailures;
  v[i++] = daysSince(lastBefore(tl.pmTs, t), t);
  v[i++] = daysSince(lastBefore(tl.visitTs, t), t);
  v[i++] = risk ? risk.residualUsage / expectedLife : NaN;
  for (let h = 0; h < layout.horizons.length; h++) v[i++] = risk ? risk.probability[h] : NaN;

  for (const metric of layout.metrics) {
    const g = tl.gauges.find((x) => x.metric === metric);
    i = writeGauge(g, ctx.norms[`${tl.modelId}/${metric}`], ctx.failLevels[component]?.[metric], t, v, i);
  }
}

/** Days until the gauge reaches `failLevel` at its 30-day slope, in [−30, 365]; NaN without one. */
export function daysToLevel(level: number, slope: number, failLevel: number | undefined): number {
  if (failLevel === undefined || !Number.isFinite(level) || !Number.isFinite(slope)) return NaN;
  const gap = failLevel - level;
  // already there, or drifting the other way or not at all
  if (gap * Math.sign(failLevel) <= 0) return -30 * Math.min(1, Math.abs(gap) / (Math.abs(failLevel) + 1e-9));
  if (slope * gap <= 0) return 365;
  return Math.min(365, gap / slope);
}

function writeGauge(
  g: GaugeTimeline | undefined,
  norm: GaugeNorm | undefined,
  failLevel: number | undefined,
  t: number,
  v: Float64Array,
  at: number,
): number {
  const n = GAUGE_FEATURES.length;
  if (!g) {
    v.fill(NaN, at, at + n);
    return at + n;
  }
  const recent3 = windowStats(g, t - 3 * DAY_MS, t);
  const recent7 = windowStats(g, t - 7 * DAY_MS, t);
  const base = windowStats(g, t - 37 * DAY_MS, t - 7 * DAY_MS);
  let i = at;
  v[i++] = recent3 && norm ? recent3.mean - norm.mean : NaN;
  v[i++] = recent3 && base ? recent3.mean - base.mean : NaN;
  v[i++] = recent7 && base ? recent7.mean - base.mean : NaN;
  // a floor on the spread keeps a flat baseline from turning noise into huge z-scores
  v[i++] =
    recent3 && base && base.days >= 5
      ? (recent3.mean - base.mean) / Math.max(base.sdOfDays, 1e-3 * Math.abs(base.mean) + 1e-6)
      : NaN;
  v[i++] = windowSlope(g, t - 7 * DAY_MS, t);
  const slope30 = windowSlope(g, t - 30 * DAY_MS, t);
  v[i++] = slope30;
  v[i++] = recent3 && base && base.range > 0 ? recent3.range / base.range : NaN;
  v[i++] = recent3 && norm ? recent3.range - norm.range : NaN;
  // fail levels are in fleet standard deviations of the model's norm
  v[i++] =
    recent3 && norm && norm.sd > 0
      ? daysToLevel((recent3.mean - norm.mean) / norm.sd, slope30 / norm.sd, failLevel)
      : NaN;
  return i;
}

/** The fleet's median daily mean and range per model × metric, from days before `asOf`. */
export function fleetNorms(timelines: readonly DeviceTimeline[], asOf: number): Record<string, GaugeNorm> {
  const samples = new Map<string, { means: number[]; ranges: number[] }>();
  for (const tl of timelines) {
    for (const g of tl.gauges) {
      const key = `${tl.modelId}/${g.metric}`;
      let s = samples.get(key);
      if (!s) samples.set(key, (s = { means: [], ranges: [] }));
      const end = knownDays(g.series.day, asOf);
      // every third day is plenty for a median
      for (let d = 0; d < end; d += 3) {
        const mean = g.series.mean[d];
        const range = g.series.max[d] - g.series.min[d];
        if (Number.isFinite(mean) && Number.isFinite(range)) {
          s.means.push(mean);
          s.ranges.push(range);
        }
      }
    }
  }
  const median = (a: number[]): number => {
    a.sort((x, y) => x - y);
    return a[Math.floor(a.length / 2)];
  };
  const out: Record<string, GaugeNorm> = {};
  for (const [key, s] of samples) {
    if (!s.means.length) continue;
    const mean = median(s.means);
    const sd = 1.4826 * median(s.means.map((m) => Math.abs(m - mean)));
    out[key] = { mean, range: median(s.ranges), sd };
  }
  return out;
}

/** Reads a feature of a row by name (for evidence and tests). */
export function featureValue(
  layout: FeatureLayout,
  row: ArrayLike<number>,
  name: string,
  offset = 0,
): number {
  const i = layout.names.indexOf(name);
  return i < 0 ? NaN : row[offset + i];
}

/**
 * For each component and gauge: the gauge's level against the fleet norm on the last
 * complete days before the component's failures (median), kept when the gauge clearly
 * moves before them (the median level is 3 fleet standard deviations or more from the norm, over at
 * least 5 failures). Learned before `asOf`.
 */
export function learnFailLevels(
  timelines: readonly DeviceTimeline[],
  norms: FeatureContext['norms'],
  asOf: number,
): FeatureContext['failLevels'] {
  const samples = new Map<string, { levels: number[] }>();
  for (const tl of timelines) {
    for (const [name, c] of tl.components) {
      for (const f of c.failureTs) {
        if (f >= asOf) break;
        const t = dayStart(f);
        for (const g of tl.gauges) {
          const norm = norms[`${tl.modelId}/${g.metric}`];
          const recent = windowStats(g, t - 3 * DAY_MS, t);
          if (!norm || !recent || !(norm.sd > 0)) continue;
          const key = `${name}/${g.metric}`;
          let s = samples.get(key);
          if (!s) samples.set(key, (s = { levels: [] }));
          s.levels.push((recent.mean - norm.mean) / norm.sd);
        }
      }
    }
  }
  const median = (a: number[]): number => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
  const out: FeatureContext['failLevels'] = {};
  for (const [key, s] of samples) {
    // levels in fleet standard deviations, so models with different norms pool
    const level = s.levels.length >= 5 ? median(s.levels) : 0;
    if (Math.abs(level) < 3) continue;
    const [component, metric] = [key.slice(0, key.indexOf('/')), key.slice(key.indexOf('/') + 1)];
    (out[component] ??= {})[metric] = level;
  }
  return out;
}
