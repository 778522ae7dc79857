/**
 * Gradient-boosted decision trees, histogram-based and grown leaf-wise (the LightGBM
 * recipe), small enough to read: binary log-loss or squared error, sample weights,
 * missing values (NaN) routed by a learned direction, row and feature sampling, early
 * stopping, per-feature contributions (Saabas) for evidence, and a plain JSON model.
 * Pure: the random stream is seeded from the options.
 */

export type GbmObjective = 'binary' | 'regression';

export interface GbmOptions {
  objective: GbmObjective;
  /** Boosting rounds (trees), at most. */
  rounds: number;
  learningRate: number;
  /** Leaves per tree; trees grow best-first until this many or no split gains. */
  maxLeaves: number;
  maxDepth: number;
  /** Fewest training rows in a leaf. */
  minLeafRows: number;
  /** Smallest sum of hessians (weights, for squared error) in a leaf. */
  minLeafHessian: number;
  /** L2 penalty on leaf values. */
  l2: number;
  /** Share of rows each tree sees. */
  rowSample: number;
  /** Share of features each tree may split on. */
  featureSample: number;
  /** Histogram bins per feature (at most 255; one more holds missing values). */
  bins: number;
  seed: number;
  /** Stop when the validation loss has not improved for this many rounds. */
  earlyStoppingRounds: number;
}

export const DEFAULT_GBM_OPTIONS: GbmOptions = {
  objective: 'binary',
  rounds: 200,
  learningRate: 0.05,
  maxLeaves: 15,
  maxDepth: 6,
  minLeafRows: 20,
  minLeafHessian: 1e-3,
  l2: 1,
  rowSample: 0.8,
  featureSample: 0.8,
  bins: 63,
  seed: 1,
  earlyStoppingRounds: 30,
};

/** Rows × features, row-major; NaN is a missing value. */
export interface GbmData {
  rows: number;
  features: number;
  x: Float64Array;
  y: Float64Array;
  /** Defaults to 1 for every row. */
  weight?: Float64Array;
}

/** One tree as parallel arrays; node 0 is the root, a leaf has feature −1. */
export interface GbmTreeJson {
  feature: number[];
  /** Rows with value ≤ threshold go left. */
  threshold: number[];
  /** 1 when missing values go left. */
  missingLeft: number[];
  left: number[];
  right: number[];
  /** Raw score of the node: the leaf's output, or what the subtree would give as a leaf. */
  value: number[];
  /** Loss reduction of the split (0 at leaves). */
  gain: number[];
}

export interface GbmModelJson {
  format: 'gbm-v1';
  objective: GbmObjective;
  featureNames: string[];
  baseScore: number;
  trees: GbmTreeJson[];
  /** Rounds kept, and the validation loss that chose them (null without a validation set). */
  bestRound: number;
  validationLoss: number | null;
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** A trained model: predicts from raw feature rows. */
export class GradientBoostedTrees {
  constructor(readonly json: GbmModelJson) {}

  static fromJSON(json: GbmModelJson): GradientBoostedTrees {
    if (json.format !== 'gbm-v1') throw new Error(`unknown model format ${String(json.format)}`);
    return new GradientBoostedTrees(json);
  }

  toJSON(): GbmModelJson {
    return this.json;
  }

  get featureNames(): string[] {
    return this.json.featureNames;
  }

  /** Raw score (log-odds for binary) of one row; `offset` is where the row starts in `x`. */
  rawScore(x: ArrayLike<number>, offset = 0): number {
    let sum = this.json.baseScore;
    for (const t of this.json.trees) {
      let n = 0;
      while (t.feature[n] >= 0) {
        const v = x[offset + t.feature[n]];
        const goLeft = v !== v ? t.missingLeft[n] === 1 : v <= t.threshold[n];
        n = goLeft ? t.left[n] : t.right[n];
      }
      sum += t.value[n];
    }
    return sum;
  }

  /** Probability for binary, value for regression. */
  predict(x: ArrayLike<number>, offset = 0): number {
    const raw = this.rawScore(x, offset);
    return this.json.objective === 'binary' ? sigmoid(raw) : raw;
  }

  /**
   * Per-feature contributions to the raw score (Saabas): along each tree's path, the
   * change of node value at a split is credited to its feature. They add up, with
   * `bias`, to the raw score.
   */
  contributions(x: ArrayLike<number>, offset = 0): { bias: number; byFeature: Float64Array } {
    const byFeature = new Float64Array(this.json.featureNames.length);
    let bias = this.json.baseScore;
    for (const t of this.json.trees) {
      let n = 0;
      bias += t.value[0];
      while (t.feature[n] >= 0) {
        const v = x[offset + t.feature[n]];
        const goLeft = v !== v ? t.missingLeft[n] === 1 : v <= t.threshold[n];
        const next = goLeft ? t.left[n] : t.right[n];
        byFeature[t.feature[n]] += t.value[next] - t.value[n];
        n = next;
      }
    }
    return { bias, byFeature };
  }

  /** Total split gain per feature, largest first. */
  importance(): Array<{ feature: string; gain: number }> {
    const gain = new Float64Array(this.json.featureNames.length);
    for (const t of this.json.trees) t.feature.forEach((f, i) => f >= 0 && (gain[f] += t.gain[i]));
    return this.json.featureNames
      .map((feature, i) => ({ feature, gain: gain[i] }))
      .sort((a, b) => b.gain - a.gain);
  }
}

/** Mean loss of predictions (probabilities or values) against targets. */
export function meanLoss(
  objective: GbmObjective,
  y: ArrayLike<number>,
  p: ArrayLike<number>,
  w?: ArrayLike<number>,
): number {
  let sum = 0;
  let total = 0;
  for (let i = 0; i < y.length; i++) {
    const wi = w ? w[i] : 1;
    if (objective === 'binary') {
      const q = Math.min(1 - 1e-15, Math.max(1e-15, p[i]));
      sum -= wi * (y[i] * Math.log(q) + (1 - y[i]) * Math.log(1 - q));
    } else {
      sum += wi * (p[i] - y[i]) ** 2;
    }
    total += wi;
  }
  return total > 0 ? sum / total : 0;
}

/** A seeded uniform random stream in [0, 1) (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Upper edges of a feature's bins: every distinct value when few, else quantiles. */
function binEdges(values: Float64Array, maxBins: number): Float64Array {
  const finite = values.filter((v) => v === v).sort();
  if (!finite.length) return new Float64Array(0);
  const distinct: number[] = [];
  for (let i = 0; i < finite.length; i++)
    if (i === 0 || finite[i] !== finite[i - 1]) distinct.push(finite[i]);
  if (distinct.length <= maxBins) {
    // midpoints, so values between those seen in training split sensibly
    return Float64Array.from(distinct.slice(0, -1).map((v, i) => (v + distinct[i + 1]) / 2));
  }
  const edges: number[] = [];
  for (let b = 1; b < maxBins; b++) {
    const q = finite[Math.floor((b / maxBins) * finite.length)];
    if (!edges.length || q > edges[edges.length - 1]) edges.push(q);
  }
  // the last edge would put the largest values alone: drop edges at the maximum
  while (edges.length && edges[edges.length - 1] >= distinct[distinct.length - 1]) edges.pop();
  return Float64Array.from(edges);
}

/** Bin of a value: 0 missing, 1 + number of edges below it otherwise. */
function binOf(edges: Float64Array, v: number): number {
  if (v !== v) return 0;
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (v <= edges[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo + 1;
}

interface Split {
  gain: number;
  feature: number;
  /** Rows with bin ≤ this (and > 0) go left. */
  bin: number;
  missingLeft: boolean;
  leftG: number;
  leftH: number;
  leftC: number;
}

interface Leaf {
  node: number;
  start: number;
  end: number;
  depth: number;
  g: number;
  h: number;
  hist: Float64Array;
  split: Split | null;
}

/** Features binned once, column-major (bin 0 = missing), shared by every model trained on the rows. */
export interface BinnedFeatures {
  rows: number;
  features: number;
  /** Bins per feature (the last holds values above every edge), plus one for missing. */
  binCount: number;
  edges: Float64Array[];
  bins: Uint8Array;
}

/** Bins a matrix; edges come from (a sample of) `fromRows`, default every row. */
export function binFeatures(
  x: Float64Array,
  rows: number,
  features: number,
  maxBins = DEFAULT_GBM_OPTIONS.bins,
  fromRows?: ArrayLike<number>,
): BinnedFeatures {
  if (!(maxBins >= 2 && maxBins <= 255)) throw new RangeError('bins must be in [2, 255]');
  const source = fromRows ?? { length: rows };
  const total = source.length;
  const sampleRows = Math.min(total, 20_000);
  const stride = total / Math.max(1, sampleRows);
  const edges: Float64Array[] = [];
  const col = new Float64Array(sampleRows);
  for (let f = 0; f < features; f++) {
    for (let s = 0; s < sampleRows; s++) {
      const k = Math.floor(s * stride);
      const r = fromRows ? fromRows[k] : k;
      col[s] = x[r * features + f];
    }
    edges.push(binEdges(col, maxBins));
  }
  const bins = new Uint8Array(rows * features);
  for (let f = 0; f < features; f++) {
    const e = edges[f];
    for (let i = 0; i < rows; i++) bins[f * rows + i] = binOf(e, x[i * features + f]);
  }
  return { rows, features, binCount: maxBins + 1, edges, bins };
}

/**
 * Trains a model. `validation` (raw rows) enables early stopping on its loss.
 * `featureNames` label the columns in the model and its importance.
 */
export function trainGbm(
  data: GbmData,
  featureNames: string[],
  options: Partial<GbmOptions> = {},
  validation?: GbmData,
): GradientBoostedTrees {
  const o = { ...DEFAULT_GBM_OPTIONS, ...options };
  if (featureNames.length !== data.features) throw new Error('featureNames must name every feature');
  const nf = data.features;
  const n = data.rows + (validation?.rows ?? 0);
  const x = new Float64Array(n * nf);
  x.set(data.x);
  const y = new Float64Array(n);
  y.set(data.y);
  const w = new Float64Array(n).fill(1);
  if (data.weight) w.set(data.weight);
  if (validation) {
    x.set(validation.x, data.rows * nf);
    y.set(validation.y, data.rows);
    if (validation.weight) w.set(validation.weight, data.rows);
  }
  const trainRows = Uint32Array.from({ length: data.rows }, (_, i) => i);
  const validRows = validation
    ? Uint32Array.from({ length: validation.rows }, (_, i) => data.rows + i)
    : null;
  const binned = binFeatures(x, n, nf, o.bins, trainRows);
  return trainGbmBinned(binned, y, w, trainRows, validRows, featureNames, o);
}

/**
 * Trains on rows `trainRows` of binned features with targets `y` and weights `w`;
 * `validRows` (same matrix) enable early stopping.
 */
export function trainGbmBinned(
  data: BinnedFeatures,
  y: ArrayLike<number>,
  w: ArrayLike<number>,
  trainRows: Uint32Array,
  validRows: Uint32Array | null,
  featureNames: string[],
  options: Partial<GbmOptions> = {},
): GradientBoostedTrees {
  const o = { ...DEFAULT_GBM_OPTIONS, ...options };
  const nf = data.features;
  if (featureNames.length !== nf) throw new Error('featureNames must name every feature');
  const nb = data.binCount;
  const bins = data.bins;
  const edges = data.edges;
  const n = trainRows.length;
  const rng = seededRandom(o.seed);

  // base score: weighted mean (log-odds for binary)
  let sw = 0;
  let swy = 0;
  for (let k = 0; k < n; k++) {
    const i = trainRows[k];
    sw += w[i];
    swy += w[i] * y[i];
  }
  const mean = sw > 0 ? swy / sw : 0;
  const baseScore =
    o.objective === 'binary' ? Math.log(Math.max(1e-9, mean) / Math.max(1e-9, 1 - mean)) : mean;

  // scores, gradients and hessians indexed by position in trainRows
  const raw = new Float64Array(n).fill(baseScore);
  const g = new Float64Array(n);
  const h = new Float64Array(n);
  const order = new Uint32Array(n);
  const trees: GbmTreeJson[] = [];
  const nv = validRows?.length ?? 0;
  const valRaw = new Float64Array(nv).fill(baseScore);
  const valPred = new Float64Array(nv);
  const valY = Float64Array.from({ length: nv }, (_, k) => y[validRows![k]]);
  const valW = Float64Array.from({ length: nv }, (_, k) => w[validRows![k]]);
  let bestLoss = Infinity;
  let bestRound = 0;

  const histSize = nf * nb * 3;
  const featMask = new Uint8Array(nf);
  const total = data.rows;
  // the leaf's gradients gathered once, then one sweep per feature column (its histogram stays in cache)
  const gg = new Float64Array(n);
  const hh = new Float64Array(n);
  const rr = new Uint32Array(n);
  const pool: Float64Array[] = [];
  const buildHist = (start: number, end: number): Float64Array => {
    // histograms are recycled between leaves and trees: allocating one per split churns the collector
    const hist = pool.pop() ?? new Float64Array(histSize);
    hist.fill(0);
    const len = end - start;
    for (let k = 0; k < len; k++) {
      const p = order[start + k];
      gg[k] = g[p];
      hh[k] = h[p];
      rr[k] = trainRows[p];
    }
    for (let f = 0; f < nf; f++) {
      if (!featMask[f]) continue;
      const colBase = f * total;
      const base = f * nb * 3;
      for (let k = 0; k < len; k++) {
        const at = base + bins[colBase + rr[k]] * 3;
        hist[at] += gg[k];
        hist[at + 1] += hh[k];
        hist[at + 2] += 1;
      }
    }
    return hist;
  };
  const leafScore = (G: number, H: number): number => (G * G) / (H + o.l2);
  const findSplit = (hist: Float64Array, G: number, H: number, C: number): Split | null => {
    let best: Split | null = null;
    const parent = leafScore(G, H);
    const consider = (
      f: number,
      b: number,
      LG: number,
      LH: number,
      LC: number,
      missingLeft: boolean,
    ): void => {
      const RG = G - LG;
      const RH = H - LH;
      const RC = C - LC;
      if (LC < o.minLeafRows || RC < o.minLeafRows) return;
      if (LH < o.minLeafHessian || RH < o.minLeafHessian) return;
      const gain = leafScore(LG, LH) + leafScore(RG, RH) - parent;
      if (gain > 1e-12 && (!best || gain > best.gain)) {
        best = { gain, feature: f, bin: b, missingLeft, leftG: LG, leftH: LH, leftC: LC };
      }
    };
    for (let f = 0; f < nf; f++) {
      if (!featMask[f]) continue;
      const base = f * nb * 3;
      const mG = hist[base];
      const mH = hist[base + 1];
      const mC = hist[base + 2];
      let lG = 0;
      let lH = 0;
      let lC = 0;
      for (let b = 1; b < nb - 1; b++) {
        const at = base + b * 3;
        lG += hist[at];
        lH += hist[at + 1];
        lC += hist[at + 2];
        if (lC === 0) continue;
        if (C - lC - mC <= 0) break;
        consider(f, b, lG, lH, lC, false);
        if (mC > 0) consider(f, b, lG + mG, lH + mH, lC + mC, true);
      }
    }
    return best;
  };
  const leafOf = (tree: GbmTreeJson, binThreshold: Int32Array, row: number): number => {
    let node = 0;
    while (tree.feature[node] >= 0) {
      const bin = bins[tree.feature[node] * total + row];
      const left = bin === 0 ? tree.missingLeft[node] === 1 : bin <= binThreshold[node];
      node = left ? tree.left[node] : tree.right[node];
    }
    return node;
  };

  for (let round = 0; round < o.rounds; round++) {
    // gradients of the loss at the current scores
    for (let k = 0; k < n; k++) {
      const i = trainRows[k];
      if (o.objective === 'binary') {
        const p = sigmoid(raw[k]);
        g[k] = w[i] * (p - y[i]);
        h[k] = w[i] * Math.max(p * (1 - p), 1e-12);
      } else {
        g[k] = w[i] * (raw[k] - y[i]);
        h[k] = w[i];
      }
    }
    let m = 0;
    for (let k = 0; k < n; k++) if (o.rowSample >= 1 || rng() < o.rowSample) order[m++] = k;
    let chosen = 0;
    for (let f = 0; f < nf; f++) {
      featMask[f] = o.featureSample >= 1 || rng() < o.featureSample ? 1 : 0;
      chosen += featMask[f];
    }
    if (!chosen) featMask[Math.floor(rng() * nf)] = 1;

    const tree: GbmTreeJson = {
      feature: [],
      threshold: [],
      missingLeft: [],
      left: [],
      right: [],
      value: [],
      gain: [],
    };
    const addNode = (G: number, H: number): number => {
      tree.feature.push(-1);
      tree.threshold.push(0);
      tree.missingLeft.push(0);
      tree.left.push(-1);
      tree.right.push(-1);
      tree.value.push(H + o.l2 > 0 ? (-G / (H + o.l2)) * o.learningRate : 0);
      tree.gain.push(0);
      return tree.feature.length - 1;
    };
    let G0 = 0;
    let H0 = 0;
    for (let k = 0; k < m; k++) {
      G0 += g[order[k]];
      H0 += h[order[k]];
    }
    const rootHist = buildHist(0, m);
    const root: Leaf = {
      node: addNode(G0, H0),
      start: 0,
      end: m,
      depth: 0,
      g: G0,
      h: H0,
      hist: rootHist,
      split: null,
    };
    root.split = findSplit(rootHist, G0, H0, m);
    const open: Leaf[] = [root];
    let leaves = 1;
    while (leaves < o.maxLeaves) {
      let bi = -1;
      for (let i = 0; i < open.length; i++) {
        const sp = open[i].split;
        if (sp && open[i].depth < o.maxDepth && (bi < 0 || sp.gain > open[bi].split!.gain)) bi = i;
      }
      if (bi < 0) break;
      const leaf = open[bi];
      const sp = leaf.split!;
      // partition the leaf's rows in place: left part first
      let a = leaf.start;
      let b = leaf.end - 1;
      while (a <= b) {
        const bin = bins[sp.feature * total + trainRows[order[a]]];
        const left = bin === 0 ? sp.missingLeft : bin <= sp.bin;
        if (left) a++;
        else {
          const t = order[a];
          order[a] = order[b];
          order[b] = t;
          b--;
        }
      }
      const mid = a;
      const lNode = addNode(sp.leftG, sp.leftH);
      const rNode = addNode(leaf.g - sp.leftG, leaf.h - sp.leftH);
      tree.feature[leaf.node] = sp.feature;
      tree.threshold[leaf.node] = edges[sp.feature][sp.bin - 1];
      tree.missingLeft[leaf.node] = sp.missingLeft ? 1 : 0;
      tree.left[leaf.node] = lNode;
      tree.right[leaf.node] = rNode;
      tree.gain[leaf.node] = sp.gain;
      // histogram of the smaller child, the other by subtraction
      const leftSmaller = mid - leaf.start <= leaf.end - mid;
      const small = leftSmaller ? buildHist(leaf.start, mid) : buildHist(mid, leaf.end);
      const big = leaf.hist;
      for (let i = 0; i < histSize; i++) big[i] -= small[i];
      const lHist = leftSmaller ? small : big;
      const rHist = leftSmaller ? big : small;
      const lLeaf: Leaf = {
        node: lNode,
        start: leaf.start,
        end: mid,
        depth: leaf.depth + 1,
        g: sp.leftG,
        h: sp.leftH,
        hist: lHist,
        split: null,
      };
      const rLeaf: Leaf = {
        node: rNode,
        start: mid,
        end: leaf.end,
        depth: leaf.depth + 1,
        g: leaf.g - sp.leftG,
        h: leaf.h - sp.leftH,
        hist: rHist,
        split: null,
      };
      lLeaf.split = findSplit(lHist, lLeaf.g, lLeaf.h, mid - leaf.start);
      rLeaf.split = findSplit(rHist, rLeaf.g, rLeaf.h, leaf.end - mid);
      open.splice(bi, 1, lLeaf, rLeaf);
      leaves++;
    }
    trees.push(tree);
    for (const leaf of open) pool.push(leaf.hist);

    // every row's score moves by its leaf (sampled or not), walking the binned tree
    const binThreshold = new Int32Array(tree.feature.length);
    tree.feature.forEach((f, i) => {
      if (f >= 0) binThreshold[i] = binOf(edges[f], tree.threshold[i]);
    });
    for (let k = 0; k < n; k++) raw[k] += tree.value[leafOf(tree, binThreshold, trainRows[k])];

    if (nv > 0) {
      for (let k = 0; k < nv; k++) {
        valRaw[k] += tree.value[leafOf(tree, binThreshold, validRows![k])];
        valPred[k] = o.objective === 'binary' ? sigmoid(valRaw[k]) : valRaw[k];
      }
      const loss = meanLoss(o.objective, valY, valPred, valW);
      if (loss < bestLoss - 1e-12) {
        bestLoss = loss;
        bestRound = round + 1;
      } else if (round + 1 - bestRound >= o.earlyStoppingRounds) {
        break;
      }
    } else {
      bestRound = round + 1;
    }
  }

  return new GradientBoostedTrees({
    format: 'gbm-v1',
    objective: o.objective,
    featureNames,
    baseScore,
    trees: trees.slice(0, bestRound),
    bestRound,
    validationLoss: nv > 0 ? bestLoss : null,
  });
}
