import { cumulativeHazard, type Weibull } from './weibull.js';

/**
 * A component's precursor codes as a generative model, and the chance of a failure it
 * gives. Over the last share f of a part's life (f uniform in `leadShare`, drawn per part),
 * its own minor codes arrive as a Poisson process whose rate rises linearly with use from 0
 * to `terminalRate` at the failure; a share `share` of lives show it, the others fail with
 * no code. With the life model's Weibull as the prior on the life ℓ, the posterior chance
 * of a failure within Δ of usage, given the part's age a and the ages x₁ < … < xₙ at which
 * it raised its codes, is a sum over (ℓ, f):
 *
 *   P(ℓ ≤ a + Δ | ℓ > a, codes) ∝ Σ prior(ℓ | ℓ > a) · [ (1 − share)·[n = 0]
 *       + share · mean_f Π r(xᵢ − u₀)/(ℓ − u₀) · exp(−r (a − u₀)₊² / (2(ℓ − u₀))) ]
 *
 * with u₀ = ℓ(1 − f) the onset (every code after it; codes too old to belong to any ramp
 * that ends after the age, before a·(1 − max f), are left out). Learned from the fleet's failures
 * (`learnPrecursorCodeModels` in features.ts); a feature of the condition model, which
 * weighs it against the rest. docs/predictions.md, "Features".
 */
export interface PrecursorCodeModel {
  /** Codes per usage unit at the failure (the end of the ramp). */
  terminalRate: number;
  /** The share of the life the ramp spans: uniform between these. */
  leadShare: [number, number];
  /** Share of lives that raised codes before failing. */
  share: number;
  /** Failures it was learned from. */
  failures: number;
}

/** Cells of the life grid (equal prior mass) and of the lead share. */
const LIFE_CELLS = 96;
const SHARE_CELLS = 8;

/**
 * Posterior probabilities of a failure within each of `deltas` (usage), for a part of age
 * `age` (usage since it was fitted) that raised codes at `codeAges` (ascending, ≤ age,
 * observed since it was fitted). Never NaN: without a usable life model, zeros.
 */
export function precursorFailureProbability(
  life: Weibull,
  m: PrecursorCodeModel,
  age: number,
  codeAges: readonly number[],
  deltas: readonly number[],
): number[] {
  const zero = deltas.map(() => 0);
  if (!(life.scale > 0 && life.shape > 0 && age >= 0 && m.terminalRate > 0)) return zero;
  const [lo, hi] = m.leadShare;
  // a ramp that ends after the age began after age·(1 − hi): older codes are not part of it
  const codes = codeAges.filter((x) => x > age * (1 - hi));
  const n = codes.length;
  const k = life.shape;
  const lam = life.scale;
  const ha = cumulativeHazard(age, life);
  // conditional quantile g ∈ [0, 1) of the life beyond the age: ℓ(g) = λ (H(a) − ln(1 − g))^(1/k)
  const lifeAt = (g: number): number => lam * Math.pow(ha - Math.log1p(-g), 1 / k);
  const quantileOf = (l: number): number => (l <= age ? 0 : -Math.expm1(-(cumulativeHazard(l, life) - ha)));
  // with codes, the onset precedes the first: ℓ(1 − hi) < x₁
  const gMax = n > 0 ? quantileOf(codes[0] / (1 - hi)) : 1;
  if (!(gMax > 0)) return zero;
  const targets = deltas.map((d) => quantileOf(age + Math.max(0, d)));
  const logs = new Float64Array(LIFE_CELLS);
  let best = -Infinity;
  for (let j = 0; j < LIFE_CELLS; j++) {
    const ell = lifeAt(((j + 0.5) / LIFE_CELLS) * gMax);
    let sum = 0;
    let maxLog = -Infinity;
    const cell = new Float64Array(SHARE_CELLS);
    for (let s = 0; s < SHARE_CELLS; s++) {
      const f = lo + ((s + 0.5) / SHARE_CELLS) * (hi - lo);
      const u0 = ell * (1 - f);
      const span = ell - u0;
      if (n > 0 && codes[0] <= u0) {
        cell[s] = -Infinity;
        continue;
      }
      const run = Math.max(0, age - u0);
      let ll = (-m.terminalRate * run * run) / (2 * span);
      for (let i = 0; i < n; i++) ll += Math.log((m.terminalRate * (codes[i] - u0)) / span);
      cell[s] = ll;
      if (ll > maxLog) maxLog = ll;
    }
    if (maxLog > -Infinity) {
      for (let s = 0; s < SHARE_CELLS; s++) sum += Math.exp(cell[s] - maxLog);
      sum /= SHARE_CELLS;
    }
    // the silent branch is exp(0): bring both to one scale before adding
    const shown = maxLog > -Infinity ? Math.log(m.share * sum) + maxLog : -Infinity;
    const silent = n === 0 ? Math.log(Math.max(1e-12, 1 - m.share)) : -Infinity;
    const top = Math.max(shown, silent);
    logs[j] = top === -Infinity ? -Infinity : top + Math.log(Math.exp(shown - top) + Math.exp(silent - top));
    if (logs[j] > best) best = logs[j];
  }
  if (best === -Infinity) return zero;
  let total = 0;
  const below = deltas.map(() => 0);
  for (let j = 0; j < LIFE_CELLS; j++) {
    const w = Math.exp(logs[j] - best);
    total += w;
    // the share of the cell's prior mass that fails within each Δ
    const g0 = (j / LIFE_CELLS) * gMax;
    const g1 = ((j + 1) / LIFE_CELLS) * gMax;
    targets.forEach((g, h) => (below[h] += w * Math.min(1, Math.max(0, (g - g0) / (g1 - g0)))));
  }
  return below.map((b) => Math.min(1, Math.max(0, b / total)));
}
