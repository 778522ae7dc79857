import { Random } from '../../device-simulator/random.js';
import {
  catalogPrior,
  conditionalFailureProbability,
  fitWeibull,
  medianResidualLife,
  unknownAgeFailureProbability,
  weibullMedian,
  type LifeObservation,
} from './weibull.js';

/** n lives drawn from Weibull(shape, scale), censored at a uniform time in [0, censorMax) when given. */
function sample(
  n: number,
  shape: number,
  scale: number,
  seed: number,
  censorMax?: number,
): LifeObservation[] {
  const rng = new Random(seed);
  return Array.from({ length: n }, () => {
    const life = rng.weibull(shape, scale);
    const end = censorMax === undefined ? Infinity : rng.uniform(0, censorMax);
    return life <= end ? { age: life, failed: true } : { age: end, failed: false };
  });
}

describe('fitWeibull', () => {
  it.each([
    { n: 200, shape: 2.5, scale: 1000, censorMax: undefined, censoring: 'none' },
    { n: 2000, shape: 2.5, scale: 1000, censorMax: undefined, censoring: 'none' },
    { n: 2000, shape: 1, scale: 50, censorMax: 100, censoring: 'uniform below 100' },
    { n: 800, shape: 3.5, scale: 300_000, censorMax: 400_000, censoring: 'uniform below 400000' },
    { n: 300, shape: 0.8, scale: 10, censorMax: 20, censoring: 'uniform below 20' },
  ])(
    'recovers shape $shape and scale $scale from $n lives (censoring: $censoring) within 4 standard errors',
    ({ n, shape, scale, censorMax }) => {
      const lives = sample(n, shape, scale, n + shape, censorMax);
      const fit = fitWeibull(lives);

      expect(fit.method).toBe('mle');
      expect(fit.failures + fit.censored).toBe(n);
      expect(fit.se).not.toBeNull();
      expect(Math.abs(Math.log(fit.shape / shape))).toBeLessThan(4 * fit.se!.logShape);
      expect(Math.abs(Math.log(fit.scale / scale))).toBeLessThan(4 * fit.se!.logScale);
    },
  );

  it('reports standard errors that shrink as 1/√n, as the textbook formula says when nothing is censored', () => {
    // uncensored: sd(ln k̂) ≈ 0.78/√n, sd(ln λ̂) ≈ 1.053/(k√n)
    for (const n of [100, 1000]) {
      const fit = fitWeibull(sample(n, 2, 100, 7));
      expect(fit.se!.logShape / (0.78 / Math.sqrt(n))).toBeGreaterThan(0.8);
      expect(fit.se!.logShape / (0.78 / Math.sqrt(n))).toBeLessThan(1.25);
      expect(fit.se!.logScale / (1.053 / (fit.shape * Math.sqrt(n)))).toBeGreaterThan(0.8);
      expect(fit.se!.logScale / (1.053 / (fit.shape * Math.sqrt(n)))).toBeLessThan(1.25);
    }
  });

  it('lets the data outweigh the prior when failures are many', () => {
    const lives = sample(2000, 2.5, 1000, 3, 1500);
    const mle = fitWeibull(lives);
    const map = fitWeibull(lives, catalogPrior(600));

    expect(map.method).toBe('map');
    expect(Math.abs(Math.log(map.scale / mle.scale))).toBeLessThan(mle.se!.logScale);
    expect(Math.abs(Math.log(map.shape / mle.shape))).toBeLessThan(mle.se!.logShape);
  });

  it('stays at the prior when there is no data', () => {
    const fit = fitWeibull([], catalogPrior(5000, 2));

    expect(fit.shape).toBeCloseTo(2, 6);
    expect(fit.scale).toBeCloseTo(5000, 3);
    expect(fit.failures).toBe(0);
  });

  it('gives a finite answer above the prior when every life is censored', () => {
    const lives = Array.from({ length: 50 }, (_, i) => ({ age: 4000 + i * 20, failed: false }));
    const fit = fitWeibull(lives, catalogPrior(5000));

    expect(Number.isFinite(fit.shape) && Number.isFinite(fit.scale)).toBe(true);
    // 50 survivors near the prior's scale say the life is longer than the catalog thinks
    expect(fit.scale).toBeGreaterThan(5000);
    expect(fit.censored).toBe(50);
  });

  it('pulls the scale toward a single early failure, but not all the way', () => {
    const fit = fitWeibull([{ age: 1000, failed: true }], catalogPrior(5000));

    expect(fit.scale).toBeLessThan(5000);
    expect(fit.scale).toBeGreaterThan(1000);
    expect(fit.failures).toBe(1);
  });

  it.each([
    { name: 'no failure', lives: [{ age: 30, failed: false }], chi2: 5.991464547107979 },
    {
      name: 'one failure',
      lives: [
        { age: 30, failed: true },
        { age: 70, failed: false },
      ],
      chi2: 9.487729036781154,
    },
  ])('without a prior answers the exponential 95 % lower bound with $name', ({ lives, chi2 }) => {
    const fit = fitWeibull(lives);
    const exposure = lives.reduce((s, l) => s + l.age, 0);

    expect(fit.method).toBe('lower-bound');
    expect(fit.shape).toBe(1);
    expect(fit.scale).toBeCloseTo((2 * exposure) / chi2, 9);
    expect(fit.se).toBeNull();
  });

  it('ignores lives of zero, negative or non-finite length', () => {
    const fit = fitWeibull([
      { age: 0, failed: true },
      { age: -5, failed: true },
      { age: NaN, failed: false },
      { age: 100, failed: true },
      { age: 200, failed: true },
    ]);

    expect(fit.failures).toBe(2);
    expect(Number.isFinite(fit.shape)).toBe(true);
  });
});

describe('conditionalFailureProbability', () => {
  it.each([
    // exponential life forgets its age
    { shape: 1, scale: 10, age: 0, delta: 5, want: 1 - Math.exp(-0.5) },
    { shape: 1, scale: 10, age: 100, delta: 5, want: 1 - Math.exp(-0.5) },
    // wear-out: H(2) − H(1) = 4 − 1
    { shape: 2, scale: 1, age: 1, delta: 1, want: 1 - Math.exp(-3) },
    { shape: 2, scale: 1, age: 0, delta: 1, want: 1 - Math.exp(-1) },
    { shape: 3, scale: 2, age: 1, delta: 0, want: 0 },
    { shape: 3, scale: 2, age: -4, delta: 2, want: 1 - Math.exp(-1) },
  ])(
    'shape $shape scale $scale: P(fail within $delta | age $age) = $want',
    ({ shape, scale, age, delta, want }) => {
      expect(conditionalFailureProbability({ shape, scale }, age, delta)).toBeCloseTo(want, 12);
    },
  );

  it('keeps tiny risks exact instead of rounding them to zero', () => {
    const p = conditionalFailureProbability({ shape: 1, scale: 1e12 }, 0, 1);
    expect(p).toBeCloseTo(1e-12, 20);
    expect(p).toBeGreaterThan(0);
  });
});

describe('medianResidualLife', () => {
  it.each([
    { shape: 1, scale: 10, age: 0, want: 10 * Math.LN2 },
    { shape: 1, scale: 10, age: 37, want: 10 * Math.LN2 },
    { shape: 2, scale: 1, age: 0, want: Math.sqrt(Math.LN2) },
    { shape: 2, scale: 1, age: 1, want: Math.sqrt(1 + Math.LN2) - 1 },
  ])('shape $shape scale $scale at age $age is $want', ({ shape, scale, age, want }) => {
    expect(medianResidualLife({ shape, scale }, age)).toBeCloseTo(want, 12);
  });

  it('from new equals the median life', () => {
    const w = { shape: 2.5, scale: 1000 };
    expect(medianResidualLife(w, 0)).toBeCloseTo(weibullMedian(w), 9);
  });
});

describe('unknownAgeFailureProbability', () => {
  it('is the memoryless answer for an exponential life', () => {
    const p = unknownAgeFailureProbability({ shape: 1, scale: 10 }, 50, 5);
    expect(p).toBeCloseTo(1 - Math.exp(-0.5), 9);
  });

  it('lies between the new part and the oldest possible part for a wear-out life', () => {
    const w = { shape: 3, scale: 100 };
    const p = unknownAgeFailureProbability(w, 80, 10);

    expect(p).toBeGreaterThan(conditionalFailureProbability(w, 0, 10));
    expect(p).toBeLessThan(conditionalFailureProbability(w, 80, 10));
  });

  it('falls back to a new part when the age bound is zero', () => {
    const w = { shape: 3, scale: 100 };
    expect(unknownAgeFailureProbability(w, 0, 10)).toBe(conditionalFailureProbability(w, 0, 10));
  });
});
