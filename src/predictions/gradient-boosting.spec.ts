import { Random } from '../../device-simulator/random.js';
import { GradientBoostedTrees, meanLoss, trainGbm, type GbmData } from './gradient-boosting.js';

/** Rows from a generator of [features, target]. */
function dataset(n: number, seed: number, row: (rng: Random) => [number[], number]): GbmData {
  const rng = new Random(seed);
  const first = row(rng);
  const nf = first[0].length;
  const x = new Float64Array(n * nf);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const [f, t] = i === 0 ? first : row(rng);
    x.set(f, i * nf);
    y[i] = t;
  }
  return { rows: n, features: nf, x, y };
}

const predictAll = (m: GradientBoostedTrees, d: GbmData): Float64Array =>
  Float64Array.from({ length: d.rows }, (_, i) => m.predict(d.x, i * d.features));

/** Area under the ROC curve by ranking (ties ignored: scores are continuous here). */
function auc(y: ArrayLike<number>, p: ArrayLike<number>): number {
  const idx = Array.from({ length: y.length }, (_, i) => i).sort((a, b) => p[a] - p[b]);
  let rankSum = 0;
  let pos = 0;
  idx.forEach((i, r) => {
    if (y[i] === 1) {
      rankSum += r + 1;
      pos++;
    }
  });
  const neg = y.length - pos;
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

// two informative features that only matter together, and two of noise
const xor = (rng: Random): [number[], number] => {
  const a = rng.uniform(-1, 1);
  const b = rng.uniform(-1, 1);
  const p = a * b > 0 ? 0.9 : 0.1;
  return [[a, b, rng.normal(), rng.normal()], rng.chance(p) ? 1 : 0];
};

describe(trainGbm.name, () => {
  it('learns an interaction no single feature shows, for binary targets', () => {
    const train = dataset(4000, 1, xor);
    const test = dataset(2000, 2, xor);
    const model = trainGbm(train, ['a', 'b', 'noise1', 'noise2'], { rounds: 100 });

    // Bayes-optimal AUC for this target is 0.9
    expect(auc(test.y, predictAll(model, test))).toBeGreaterThan(0.85);
    const top = model
      .importance()
      .slice(0, 2)
      .map((i) => i.feature);
    expect(top.sort()).toEqual(['a', 'b']);
  });

  it('fits a smooth function with squared error', () => {
    const f = (rng: Random): [number[], number] => {
      const x = rng.uniform(0, 6);
      return [[x], Math.sin(x) + rng.normal(0, 0.1)];
    };
    const model = trainGbm(dataset(3000, 3, f), ['x'], {
      objective: 'regression',
      rounds: 300,
      learningRate: 0.1,
    });
    const test = dataset(1000, 4, f);
    const rmse = Math.sqrt(meanLoss('regression', test.y, predictAll(model, test)));

    // the noise alone is 0.1
    expect(rmse).toBeLessThan(0.15);
  });

  it('routes missing values the way that fits the data', () => {
    // missing means positive; present values carry no signal
    const f = (rng: Random): [number[], number] => {
      const missing = rng.chance(0.3);
      return [[missing ? NaN : rng.uniform(0, 1)], missing ? 1 : 0];
    };
    const model = trainGbm(dataset(2000, 5, f), ['x'], { rounds: 50 });

    expect(model.predict([NaN])).toBeGreaterThan(0.9);
    expect(model.predict([0.5])).toBeLessThan(0.1);
  });

  it('stays calibrated under weights: weighted mean score equals the weighted share of positives', () => {
    const base = dataset(2000, 6, xor);
    // negatives kept at one in three and weighted 3, as training windows are
    const w = Float64Array.from(base.y, (y) => (y === 0 ? 3 : 1));
    const model = trainGbm({ ...base, weight: w }, ['a', 'b', 'c', 'd'], { rounds: 60 });
    const p = predictAll(model, base);
    const weightedMean = (v: ArrayLike<number>): number => {
      let s = 0;
      let t = 0;
      for (let i = 0; i < base.rows; i++) {
        s += w[i] * v[i];
        t += w[i];
      }
      return s / t;
    };

    expect(weightedMean(p)).toBeCloseTo(weightedMean(base.y), 2);
    // in the (+,+) quadrant P(y=1) = 0.9; with negatives weighted 3 the odds are 0.9 / 0.3: p = 0.75
    expect(model.predict([0.5, 0.5, 0, 0])).toBeGreaterThan(0.6);
    expect(model.predict([0.5, 0.5, 0, 0])).toBeLessThan(0.85);
  });

  it('stops early when the validation loss stops improving', () => {
    const noise = (rng: Random): [number[], number] => [
      [rng.normal(), rng.normal()],
      rng.chance(0.3) ? 1 : 0,
    ];
    const model = trainGbm(
      dataset(1000, 7, noise),
      ['a', 'b'],
      { rounds: 300, earlyStoppingRounds: 10 },
      dataset(500, 8, noise),
    );

    expect(model.json.bestRound).toBeLessThan(60);
    expect(model.json.trees).toHaveLength(model.json.bestRound);
    expect(model.json.validationLoss).not.toBeNull();
  });

  it('survives a round trip through JSON with identical predictions', () => {
    const train = dataset(1000, 9, xor);
    const model = trainGbm(train, ['a', 'b', 'c', 'd'], { rounds: 20 });
    const copy = GradientBoostedTrees.fromJSON(
      JSON.parse(JSON.stringify(model)) as GradientBoostedTrees['json'],
    );

    for (let i = 0; i < 50; i++) expect(copy.predict(train.x, i * 4)).toBe(model.predict(train.x, i * 4));
  });

  it('explains each score by contributions that add up to it', () => {
    const train = dataset(1000, 10, xor);
    const model = trainGbm(train, ['a', 'b', 'c', 'd'], { rounds: 20 });
    const row = [0.8, 0.7, 0, 0];
    const { bias, byFeature } = model.contributions(row);

    expect(bias + byFeature.reduce((s, c) => s + c, 0)).toBeCloseTo(model.rawScore(row), 10);
  });

  it('refuses feature names that do not match the columns', () => {
    expect(() => trainGbm(dataset(10, 1, xor), ['a'])).toThrow(/featureNames/);
  });
});
