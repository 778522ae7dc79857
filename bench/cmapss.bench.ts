import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GradientBoostedTrees, trainGbm, type GbmData } from '../src/predictions/gradient-boosting.js';

/**
 * `npm run bench -- --case cmapss`: remaining useful life on NASA C-MAPSS FD001 (one
 * operating condition, one fault mode), with the engine's gradient-boosted trees on
 * rolling features of the 14 informative sensors. Trained on the 100 training engines
 * (target RUL capped at 125 cycles), scored at the last cycle of each of the 100 test
 * engines against RUL_FD001.txt. The data set is not shipped: the bench skips without it.
 */

/** Sensors that change over an engine's life in FD001 (the others are constant). */
const SENSORS = [2, 3, 4, 7, 8, 9, 11, 12, 13, 14, 15, 17, 20, 21];
const WINDOWS = [5, 10, 20, 30];
export const RUL_CAP = 125;

interface Engine {
  unit: number;
  /** Sensor readings per cycle, in SENSORS order. */
  readings: number[][];
}

function readEngines(file: string): Engine[] {
  const byUnit = new Map<number, number[][]>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const cols = line.trim().split(/\s+/).map(Number);
    if (cols.length < 26) continue;
    const unit = cols[0];
    // columns: unit, cycle, 3 settings, sensors 1..21 from column 5
    const row = SENSORS.map((s) => cols[4 + s]);
    if (!byUnit.has(unit)) byUnit.set(unit, []);
    byUnit.get(unit)!.push(row);
  }
  return [...byUnit].map(([unit, readings]) => ({ unit, readings }));
}

const featureNames = (): string[] => [
  'cycle',
  ...SENSORS.flatMap((s) => [
    ...WINDOWS.map((w) => `s${s}:mean${w}`),
    ...[10, 20, 30].map((w) => `s${s}:slope${w}`),
    `s${s}:ewma`,
    `s${s}:fromStart`,
  ]),
];

/** Features at cycle index i (0-based) of an engine, reading cycles ≤ i only. */
function featuresAt(e: Engine, i: number, out: Float64Array, at: number): void {
  let k = at;
  out[k++] = i + 1;
  for (let s = 0; s < SENSORS.length; s++) {
    const value = (j: number): number => e.readings[j][s];
    for (const w of WINDOWS) {
      const from = Math.max(0, i - w + 1);
      let sum = 0;
      for (let j = from; j <= i; j++) sum += value(j);
      out[k++] = sum / (i - from + 1);
    }
    for (const w of [10, 20, 30]) {
      const from = Math.max(0, i - w + 1);
      const n = i - from + 1;
      if (n < 3) {
        out[k++] = NaN;
        continue;
      }
      let sx = 0;
      let sy = 0;
      let sxx = 0;
      let sxy = 0;
      for (let j = from; j <= i; j++) {
        const x = j - from;
        sx += x;
        sy += value(j);
        sxx += x * x;
        sxy += x * value(j);
      }
      out[k++] = (n * sxy - sx * sy) / (n * sxx - sx * sx);
    }
    // exponentially weighted mean (α = 0.1), then drift from the engine's first 10 cycles
    let ewma = value(0);
    for (let j = 1; j <= i; j++) ewma += 0.1 * (value(j) - ewma);
    out[k++] = ewma;
    let base = 0;
    const first = Math.min(10, i + 1);
    for (let j = 0; j < first; j++) base += value(j);
    out[k++] = ewma - base / first;
  }
}

function trainingData(engines: readonly Engine[]): GbmData {
  const nf = featureNames().length;
  const rows = engines.reduce((n, e) => n + e.readings.length, 0);
  const x = new Float64Array(rows * nf);
  const y = new Float64Array(rows);
  let r = 0;
  for (const e of engines) {
    const life = e.readings.length;
    for (let i = 0; i < life; i++) {
      featuresAt(e, i, x, r * nf);
      y[r++] = Math.min(RUL_CAP, life - 1 - i);
    }
  }
  return { rows, features: nf, x, y };
}

/** The NASA asymmetric score: late predictions cost more than early ones. */
export function nasaScore(predicted: readonly number[], actual: readonly number[]): number {
  return predicted.reduce((s, p, i) => {
    const d = p - actual[i];
    return s + (d < 0 ? Math.exp(-d / 13) - 1 : Math.exp(d / 10) - 1);
  }, 0);
}

export const rmse = (predicted: readonly number[], actual: readonly number[]): number =>
  Math.sqrt(predicted.reduce((s, p, i) => s + (p - actual[i]) ** 2, 0) / predicted.length);

export interface CmapssFigures {
  trainEngines: number;
  testEngines: number;
  rounds: number;
  trainSeconds: number;
  /** Against the true RUL capped at 125 (the usual piecewise-linear target), and uncapped. */
  rmse: number;
  score: number;
  rmseUncapped: number;
  scoreUncapped: number;
}

export function cmapssBench(dir: string, log: (line: string) => void): CmapssFigures | null {
  const train = join(dir, 'train_FD001.txt');
  if (!existsSync(train)) {
    log(`  C-MAPSS FD001 not found in ${dir}: skipped`);
    return null;
  }
  const engines = readEngines(train);
  const test = readEngines(join(dir, 'test_FD001.txt'));
  const truth = readFileSync(join(dir, 'RUL_FD001.txt'), 'utf8').trim().split(/\s+/).map(Number);
  const names = featureNames();
  const options = {
    objective: 'regression' as const,
    rounds: 2000,
    learningRate: 0.02,
    maxLeaves: 15,
    maxDepth: 6,
    minLeafRows: 40,
    rowSample: 0.7,
    featureSample: 0.5,
    l2: 5,
    earlyStoppingRounds: 100,
  };
  const t0 = performance.now();
  // rounds chosen on 20 held-out training engines, then every training engine, three seeds
  const valid = engines.filter((e) => e.unit % 5 === 0);
  const fit = engines.filter((e) => e.unit % 5 !== 0);
  const probe = trainGbm(trainingData(fit), names, options, trainingData(valid));
  const rounds = probe.json.bestRound;
  const all = trainingData(engines);
  const models: GradientBoostedTrees[] = [1, 2, 3].map((seed) =>
    trainGbm(all, names, { ...options, rounds, seed }),
  );
  const trainSeconds = (performance.now() - t0) / 1000;

  const row = new Float64Array(names.length);
  const predicted = test.map((e) => {
    featuresAt(e, e.readings.length - 1, row, 0);
    const p = models.reduce((s, m) => s + m.predict(row), 0) / models.length;
    return Math.max(0, Math.min(RUL_CAP, p));
  });
  const capped = truth.map((t) => Math.min(RUL_CAP, t));
  log(
    `  validation RMSE (20 training engines, every cycle): ${Math.sqrt(probe.json.validationLoss ?? NaN).toFixed(2)} at ${rounds} rounds`,
  );
  return {
    trainEngines: engines.length,
    testEngines: test.length,
    rounds,
    trainSeconds,
    rmse: rmse(predicted, capped),
    score: nasaScore(predicted, capped),
    rmseUncapped: rmse(predicted, truth),
    scoreUncapped: nasaScore(predicted, truth),
  };
}
