/**
 * Weibull life distributions fitted with right-censoring, and what a planner asks of
 * them: the chance a part that has survived to age `a` fails within `Δ`, and its median
 * remaining life. Pure maths; ages are in any one unit (pages, run hours, days).
 * Definitions and the prior: docs/predictions.md, "Life model".
 */

export interface Weibull {
  /** k: below 1 infant mortality, 1 random failures, above 1 wear-out. */
  shape: number;
  /** λ: the characteristic life, the age by which 63.2 % have failed. */
  scale: number;
}

/** One life: its age at failure, or at the end of observation (still running, replaced early). */
export interface LifeObservation {
  age: number;
  failed: boolean;
}

/**
 * Log-normal prior on shape and scale. The catalog's expected life is the prior scale;
 * `scaleSd` and `shapeSd` are standard deviations of the natural logs.
 */
export interface WeibullPrior extends Weibull {
  shapeSd: number;
  scaleSd: number;
}

export type WeibullMethod =
  /** Maximum likelihood: at least two failures and no prior given. */
  | 'mle'
  /** Posterior mode with the prior: the likelihood dominates as failures grow. */
  | 'map'
  /** Fewer than two failures and no prior: exponential life at its 95 % lower bound. */
  | 'lower-bound';

export interface WeibullFit extends Weibull {
  method: WeibullMethod;
  failures: number;
  censored: number;
  /**
   * Standard errors of ln(shape) and ln(scale) from the observed information (posterior
   * curvature for a MAP fit); null for a lower-bound answer.
   */
  se: { logShape: number; logScale: number } | null;
}

/** Default prior around a catalog's expected life: worth about two failures. */
export function catalogPrior(expectedLife: number, shape = 1.5): WeibullPrior {
  // ln-scale sd 0.35: Fisher information of ln λ is k²·r, so 1/0.35² ≈ 8 is r ≈ 2 failures at k = 2
  return { shape, scale: expectedLife, shapeSd: 0.5, scaleSd: 0.35 };
}

export function weibullSurvival(age: number, w: Weibull): number {
  return age <= 0 ? 1 : Math.exp(-Math.pow(age / w.scale, w.shape));
}

/** Cumulative hazard (age/λ)^k. */
export function cumulativeHazard(age: number, w: Weibull): number {
  return age <= 0 ? 0 : Math.pow(age / w.scale, w.shape);
}

/** P(failure before age + Δ | survived to age). */
export function conditionalFailureProbability(w: Weibull, age: number, delta: number): number {
  if (!(delta > 0)) return 0;
  const a = Math.max(0, age);
  // 1 − e^(−(H(a+Δ) − H(a))), written with expm1 to keep small risks exact
  return -Math.expm1(-(cumulativeHazard(a + delta, w) - cumulativeHazard(a, w)));
}

/** Median remaining life of a part that survived to `age`: S(age + m) = S(age) / 2. */
export function medianResidualLife(w: Weibull, age: number): number {
  const a = Math.max(0, age);
  return w.scale * Math.pow(cumulativeHazard(a, w) + Math.LN2, 1 / w.shape) - a;
}

/** Median life (from new). */
export function weibullMedian(w: Weibull): number {
  return w.scale * Math.pow(Math.LN2, 1 / w.shape);
}

/**
 * P(failure within Δ) of a part whose age is unknown but at most `maxAge`: its age
 * weighted by survival (the equilibrium age of a renewal process, truncated), which is
 * what a long-running part with no replacement on record looks like.
 */
export function unknownAgeFailureProbability(w: Weibull, maxAge: number, delta: number): number {
  if (!(delta > 0)) return 0;
  if (!(maxAge > 0)) return conditionalFailureProbability(w, 0, delta);
  const n = 16;
  let atRisk = 0;
  let failing = 0;
  // midpoint rule over [0, maxAge]: ∫(S(a) − S(a+Δ)) da ÷ ∫S(a) da
  for (let i = 0; i < n; i++) {
    const a = ((i + 0.5) / n) * maxAge;
    const s = weibullSurvival(a, w);
    atRisk += s;
    failing += s - weibullSurvival(a + delta, w);
  }
  return atRisk > 0 ? Math.min(1, Math.max(0, failing / atRisk)) : 1;
}

const CHI2_95_2DF = 5.991464547107979;
const MIN_SHAPE = 0.05;
const MAX_SHAPE = 50;

/**
 * Fits a Weibull to lives, right-censored ones included. With a prior, the posterior
 * mode (MAP); without, maximum likelihood when there are two failures or more, else the
 * exponential 95 % lower bound of the life (total exposure ÷ χ²₀.₉₅(2r+2)/2).
 */
export function fitWeibull(observations: readonly LifeObservation[], prior?: WeibullPrior): WeibullFit {
  const obs = observations.filter((o) => Number.isFinite(o.age) && o.age > 0);
  const failures = obs.reduce((n, o) => n + (o.failed ? 1 : 0), 0);
  const censored = obs.length - failures;
  if (prior) return { ...fitMap(obs, prior), method: 'map', failures, censored };
  if (failures >= 2) return { ...fitMle(obs), method: 'mle', failures, censored };
  const exposure = obs.reduce((s, o) => s + o.age, 0);
  // χ²₀.₉₅ with 2 (no failure) or 4 (one failure) degrees of freedom
  const chi2 = failures === 0 ? CHI2_95_2DF : 9.487729036781154;
  const scale = exposure > 0 ? (2 * exposure) / chi2 : 1;
  return { shape: 1, scale, method: 'lower-bound', failures, censored, se: null };
}

/** Sums over the lives in units of `unit` for ln k = u, ln λ = v: log-likelihood and derivatives. */
interface Sums {
  ll: number;
  du: number;
  dv: number;
  duu: number;
  duv: number;
  dvv: number;
}

function likelihood(lnT: Float64Array, failed: Uint8Array, u: number, v: number): Sums {
  const k = Math.exp(u);
  let r = 0;
  let sumDeltaW = 0;
  let sumZ = 0;
  let sumZW = 0;
  let sumZWW = 0;
  let ll = 0;
  for (let i = 0; i < lnT.length; i++) {
    const w = lnT[i] - v;
    const z = Math.exp(k * w);
    sumZ += z;
    sumZW += z * w;
    sumZWW += z * w * w;
    if (failed[i]) {
      r++;
      sumDeltaW += w;
      ll += u + (k - 1) * lnT[i] - k * v;
    }
  }
  ll -= sumZ;
  return {
    ll,
    du: r + k * sumDeltaW - k * sumZW,
    dv: k * (sumZ - r),
    duu: k * sumDeltaW - k * sumZW - k * k * sumZWW,
    duv: k * (sumZ - r) + k * k * sumZW,
    dvv: -k * k * sumZ,
  };
}

function prepared(obs: readonly LifeObservation[], unit: number): { lnT: Float64Array; failed: Uint8Array } {
  const lnT = new Float64Array(obs.length);
  const failed = new Uint8Array(obs.length);
  obs.forEach((o, i) => {
    lnT[i] = Math.log(o.age / unit);
    failed[i] = o.failed ? 1 : 0;
  });
  return { lnT, failed };
}

function standardErrors(s: Sums): { logShape: number; logScale: number } | null {
  // inverse of the observed information −H
  const a = -s.duu;
  const b = -s.duv;
  const d = -s.dvv;
  const det = a * d - b * b;
  if (!(det > 0)) return null;
  return { logShape: Math.sqrt(d / det), logScale: Math.sqrt(a / det) };
}

function fitMle(obs: readonly LifeObservation[]): Weibull & { se: WeibullFit['se'] } {
  const failuresOnly = obs.filter((o) => o.failed);
  const unit = Math.exp(failuresOnly.reduce((s, o) => s + Math.log(o.age), 0) / failuresOnly.length);
  const { lnT, failed } = prepared(obs, unit);
  const r = failuresOnly.length;
  const meanLnFail = lnT.reduce((s, x, i) => s + (failed[i] ? x : 0), 0) / r;
  // profile score in k: increasing, so bisection on ln k always converges
  const score = (k: number): number => {
    let sz = 0;
    let szl = 0;
    for (const x of lnT) {
      const z = Math.exp(k * x);
      sz += z;
      szl += z * x;
    }
    return szl / sz - 1 / k - meanLnFail;
  };
  let lo = Math.log(MIN_SHAPE);
  let hi = Math.log(MAX_SHAPE);
  if (score(Math.exp(hi)) < 0) lo = hi;
  else if (score(Math.exp(lo)) > 0) hi = lo;
  for (let i = 0; i < 100 && hi - lo > 1e-12; i++) {
    const mid = (lo + hi) / 2;
    if (score(Math.exp(mid)) < 0) lo = mid;
    else hi = mid;
  }
  const k = Math.exp((lo + hi) / 2);
  let sz = 0;
  for (const x of lnT) sz += Math.exp(k * x);
  const v = Math.log(sz / r) / k;
  const s = likelihood(lnT, failed, Math.log(k), v);
  return { shape: k, scale: Math.exp(v) * unit, se: standardErrors(s) };
}

function fitMap(obs: readonly LifeObservation[], prior: WeibullPrior): Weibull & { se: WeibullFit['se'] } {
  const unit = prior.scale;
  const { lnT, failed } = prepared(obs, unit);
  const u0 = Math.log(prior.shape);
  const pu = 1 / (prior.shapeSd * prior.shapeSd);
  const pv = 1 / (prior.scaleSd * prior.scaleSd);
  const posterior = (u: number, v: number): Sums => {
    const s = likelihood(lnT, failed, u, v);
    return {
      ll: s.ll - 0.5 * pu * (u - u0) ** 2 - 0.5 * pv * v * v,
      du: s.du - pu * (u - u0),
      dv: s.dv - pv * v,
      duu: s.duu - pu,
      duv: s.duv,
      dvv: s.dvv - pv,
    };
  };
  let u = u0;
  let v = 0;
  let s = posterior(u, v);
  for (let iter = 0; iter < 200; iter++) {
    // Newton step when the Hessian is negative definite, else gradient ascent
    const det = s.duu * s.dvv - s.duv * s.duv;
    let su: number;
    let sv: number;
    if (s.duu < 0 && det > 0) {
      su = -(s.dvv * s.du - s.duv * s.dv) / det;
      sv = -(-s.duv * s.du + s.duu * s.dv) / det;
    } else {
      su = s.du / (Math.abs(s.duu) + pu);
      sv = s.dv / (Math.abs(s.dvv) + pv);
    }
    // no step longer than e (a factor of 2.7 in shape or scale)
    const len = Math.hypot(su, sv);
    if (len > 1) {
      su /= len;
      sv /= len;
    }
    let t = 1;
    let next = posterior(u + su, v + sv);
    while (!(next.ll >= s.ll) && t > 1e-6) {
      t /= 2;
      next = posterior(u + t * su, v + t * sv);
    }
    if (!(next.ll >= s.ll)) break;
    u = Math.min(Math.log(MAX_SHAPE), Math.max(Math.log(MIN_SHAPE), u + t * su));
    v += t * sv;
    s = posterior(u, v);
    if (Math.hypot(t * su, t * sv) < 1e-10) break;
  }
  return { shape: Math.exp(u), scale: Math.exp(v) * unit, se: standardErrors(s) };
}
