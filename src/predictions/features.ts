import {
  countIn,
  knownDays,
  lastBefore,
  lowerBound,
  usageAt,
  usageBetween,
  usageDaysIn,
  windowSlope,
  windowStats,
  type DeviceTimeline,
  type GaugeTimeline,
} from './device-timeline.js';
import { componentAge, lifeKey, lifeRisk, recentDailyUsage, type LifeModelTable } from './life-models.js';
import { precursorFailureProbability, type PrecursorCodeModel } from './precursor-model.js';
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
  /** Per component, its precursor codes as a generative model (learned; absent before format v2). */
  precursorCodes?: Record<string, PrecursorCodeModel>;
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
  // since format v2: the code ramp (rampFit) and codes of the device's other components
  'codes.rampRate',
  'codes.rampProgress',
  'codes.rampDaysLeft',
  'codes.rampDays',
  'codes.otherOwn7d',
  'service.dutyMonthsSincePm',
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
  // since format v2: how far to the learned failure level, and when it will be reached
  'progress',
  'toFail14',
  'toFailOnset',
] as const;

/** Column layout of a condition model: base features, life probabilities, then gauges. */
export interface FeatureLayout {
  names: string[];
  metrics: string[];
  horizons: number[];
}

export function featureLayout(metrics: readonly string[], horizons: readonly number[]): FeatureLayout {
  const names: string[] = [
    ...BASE_FEATURES,
    ...horizons.map((h) => `life.p${h}d`),
    // since format v2: the precursor-code model's posterior (precursor-model.ts)
    ...horizons.map((h) => `codes.postP${h}d`),
  ];
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
  // the code ramp: the rate the codes have reached, against the rate failures came at
  const ramp = codeRamp(tl, minor, originTs, t);
  const precursor = ctx.precursorCodes?.[component];
  const terminal = precursor?.terminalRate;
  const perDay = daily !== null && daily > 0 ? daily : NaN;
  v[i++] = ramp ? 1000 * ramp.rate : 0;
  v[i++] = ramp ? (terminal ? ramp.rate / terminal : NaN) : 0;
  v[i++] = ramp && terminal ? Math.max(-30, Math.min(365, rampUsageLeft(ramp, terminal) / perDay)) : NaN;
  v[i++] = ramp ? Math.min(365, ramp.span / perDay) : NaN;
  let otherOwn = 0;
  for (const [name, other] of tl.components) {
    if (name !== component) otherOwn += countIn(other.minorTs, t - 7 * DAY_MS, t);
  }
  v[i++] = otherOwn;
  // preventive maintenance comes by usage as well as by time: usage since the last, in rated months
  const lastPm = lastBefore(tl.pmTs, t);
  v[i++] = lastPm === null ? NaN : usageBetween(tl, lastPm, t) / tl.model.ratedMonthlyDuty;
  for (let h = 0; h < layout.horizons.length; h++) v[i++] = risk ? risk.probability[h] : NaN;
  // the precursor-code model's chance of a failure, for parts whose age is known
  if (precursor && life && age.originKnown && Number.isFinite(perDay)) {
    const from = lowerBound(minor, Math.max(originTs, t - 3650 * DAY_MS));
    const end = lowerBound(minor, t);
    const base = usageAt(tl, originTs);
    const codeAges: number[] = [];
    for (let k = Math.max(from, end - POSTERIOR_CODES); k < end; k++) {
      codeAges.push(Math.min(age.usage, Math.max(0, usagePosition(tl, minor[k], t) - base)));
    }
    const p = precursorFailureProbability(
      life.usage,
      precursor,
      age.usage,
      codeAges,
      layout.horizons.map((h) => h * perDay),
    );
    for (let h = 0; h < layout.horizons.length; h++) v[i++] = p[h];
  } else {
    for (let h = 0; h < layout.horizons.length; h++) v[i++] = NaN;
  }

  for (const metric of layout.metrics) {
    const g = tl.gauges.find((x) => x.metric === metric);
    const norm = ctx.norms[`${tl.modelId}/${metric}`];
    i = writeGauge(tl, g, norm, ctx.failLevels[component]?.[metric], originTs, perDay, t, v, i);
  }
}

/** A code ramp fitted at usage position `at`: onset `start`, rate now, rate slope per unit. */
export interface CodeRamp {
  /** Usage position where the rate began to rise, and usage since then. */
  start: number;
  span: number;
  /** Codes per usage unit now. */
  rate: number;
  /** Rise of the rate per usage unit. */
  slope: number;
  codes: number;
}

/**
 * Fits a code rate rising linearly with usage from an onset u0 (≥ `origin`): the maximum
 * likelihood of Poisson codes at usage positions `xs` (ascending, ≤ `at`) under the rate
 * s·(u − u0). For a given u0 the best s is 2n ÷ (at − u0)², and the onset solves
 * Σ (at − u0) ÷ (x_i − u0) = 2n, whose left side rises with u0 (one root, by bisection).
 * Null without codes or usage.
 */
export function rampFit(xs: readonly number[], at: number, origin: number): CodeRamp | null {
  const n = xs.length;
  if (!n || !(at > origin)) return null;
  const first = Math.max(origin, xs[0]);
  const excess = (u0: number): number => {
    let sum = 0;
    for (const x of xs) sum += (at - u0) / Math.max(x - u0, 1e-9);
    return sum - 2 * n;
  };
  let u0: number;
  if (first <= origin || excess(origin) >= 0) {
    // the ramp cannot start before the part was fitted
    u0 = origin;
  } else {
    let lo = origin;
    let hi = first;
    for (let k = 0; k < 40; k++) {
      const mid = (lo + hi) / 2;
      if (excess(mid) < 0) lo = mid;
      else hi = mid;
    }
    u0 = lo;
  }
  const span = Math.max(at - u0, 1e-9);
  const slope = (2 * n) / (span * span);
  return { start: u0, span, rate: slope * span, slope, codes: n };
}

/** Usage until a ramp's rate reaches `terminal` (negative when past it). */
export const rampUsageLeft = (r: CodeRamp, terminal: number): number => (terminal - r.rate) / r.slope;

/** Usage position of a time: the counter at the start of its day plus the day's share, as known at t. */
function usagePosition(tl: DeviceTimeline, ts: number, t: number): number {
  const dayEnd = dayStart(ts) + DAY_MS;
  const startUsage = usageAt(tl, dayStart(ts) + 1);
  if (dayEnd > t) return startUsage;
  return startUsage + ((ts - dayStart(ts)) / DAY_MS) * (usageAt(tl, dayEnd) - startUsage);
}

/** At most this many of the latest codes enter a ramp fit, and the precursor model's posterior. */
const RAMP_CODES = 30;
const POSTERIOR_CODES = 40;

/** The ramp of a component's own codes since its origin, as known at t; null without codes. */
export function codeRamp(
  tl: DeviceTimeline,
  minor: readonly number[],
  originTs: number,
  t: number,
): CodeRamp | null {
  const end = lowerBound(minor, t);
  const begin = Math.max(lowerBound(minor, originTs), end - RAMP_CODES);
  if (end <= begin) return null;
  const xs: number[] = [];
  for (let k = begin; k < end; k++) xs.push(usagePosition(tl, minor[k], t));
  return rampFit(xs, usageAt(tl, t), usageAt(tl, originTs));
}

/**
 * Per component, its precursor codes as a generative model (precursor-model.ts), from the
 * failures before `asOf` of parts whose age is known: the share that raised a code in their
 * life; over those with at least 3, the median rate their code ramp had reached (rampFit) and
 * the 10th–90th percentiles of the share of the life it spanned. Components with fewer than
 * 5 such ramps have none.
 */
export function learnPrecursorCodeModels(
  timelines: readonly DeviceTimeline[],
  asOf: number,
): Record<string, PrecursorCodeModel> {
  const acc = new Map<string, { failures: number; shown: number; rates: number[]; shares: number[] }>();
  for (const tl of timelines) {
    for (const [name, c] of tl.components) {
      for (const f of c.failureTs) {
        if (f >= asOf) break;
        const age = componentAge(tl, name, f);
        if (!age.originKnown || age.originTs === null || !(age.usage > 0)) continue;
        let a = acc.get(name);
        if (!a) acc.set(name, (a = { failures: 0, shown: 0, rates: [], shares: [] }));
        a.failures++;
        const ramp = codeRamp(tl, c.minorTs, age.originTs, f);
        if (!ramp) continue;
        a.shown++;
        if (ramp.codes < 3) continue;
        a.rates.push(ramp.rate);
        a.shares.push(Math.min(1, ramp.span / age.usage));
      }
    }
  }
  const at = (sorted: number[], q: number): number =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const out: Record<string, PrecursorCodeModel> = {};
  for (const [name, a] of acc) {
    if (a.rates.length < 5) continue;
    a.rates.sort((x, y) => x - y);
    a.shares.sort((x, y) => x - y);
    out[name] = {
      terminalRate: at(a.rates, 0.5),
      leadShare: [
        Math.max(0.01, at(a.shares, 0.1)),
        Math.min(0.95, Math.max(at(a.shares, 0.9), at(a.shares, 0.1) + 0.02)),
      ],
      share: a.shown / a.failures,
      failures: a.failures,
    };
  }
  return out;
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
  tl: DeviceTimeline,
  g: GaugeTimeline | undefined,
  norm: GaugeNorm | undefined,
  failLevel: number | undefined,
  originTs: number,
  perDay: number,
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
  const scaled = recent3 && norm && norm.sd > 0;
  const level = scaled ? (recent3.mean - norm.mean) / norm.sd : NaN;
  v[i++] = scaled ? daysToLevel(level, slope30 / norm.sd, failLevel) : NaN;
  v[i++] = scaled && failLevel !== undefined ? level / failLevel : NaN;
  v[i++] =
    scaled && failLevel !== undefined
      ? daysToLevel(level, windowSlope(g, t - 14 * DAY_MS, t) / norm.sd, failLevel)
      : NaN;
  v[i++] =
    scaled && failLevel !== undefined
      ? daysFromOnset(tl, g, norm, failLevel, level, originTs, perDay, t)
      : NaN;
  return i;
}

/** Share of the fail level below which a gauge counts as not yet drifting. */
const ONSET_SHARE = 0.2;

/**
 * Days until a gauge reaches its fail level, extrapolated in usage from where its 3-day
 * mean last stood below a fifth of the way there (the drift's onset, since the part was
 * fitted): precursor drifts grow with use, so the usage since the onset and the share of the
 * way covered give the usage left. In [−30, 365]; NaN before a third of the way or with no
 * usage rate; 365 when no onset is found in the last 120 days.
 */
function daysFromOnset(
  tl: DeviceTimeline,
  g: GaugeTimeline,
  norm: GaugeNorm,
  failLevel: number,
  level: number,
  originTs: number,
  perDay: number,
  t: number,
): number {
  const share = level / failLevel;
  if (!(share >= 1.5 * ONSET_SHARE) || !Number.isFinite(perDay)) return NaN;
  if (share >= 1) return -30 * Math.min(1, share - 1);
  const earliest = Math.max(originTs, t - 120 * DAY_MS);
  for (let end = dayStart(t) - DAY_MS; end - 3 * DAY_MS >= earliest; end -= DAY_MS) {
    const w = windowStats(g, end - 3 * DAY_MS, end);
    if (!w) continue;
    if ((w.mean - norm.mean) / norm.sd / failLevel < ONSET_SHARE) {
      const used = usageBetween(tl, end, t);
      const left = (used * (1 - share)) / (share - ONSET_SHARE);
      return Math.min(365, left / perDay);
    }
  }
  return 365;
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
