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

function mulberry32(seed: number): () => number {
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
  const { rows: n, features: nf } = data;
  if (featureNames.length !== nf) throw new Error('featureNames must name every feature');
  if (!(o.bins >= 2 && o.bins <= 255)) throw new RangeError('bins must be in [2, 255]');
  const rng = mulberry32(o.seed);
  const w = data.weight ?? new Float64Array(n).fill(1);
  const nb = o.bins + 1;

  // bin edges from a sample of rows, then every row binned, column by column
  const sampleRows = Math.min(n, 50_000);
  const stride = n / Math.max(1, sampleRows);
  const edges: Float64Array[] = [];
  const binned: Uint8Array[] = [];
  for (let f = 0; f < nf; f++) {
    const col = new Float64Array(sampleRows);
    for (let s = 0; s < sampleRows; s++) col[s] = data.x[Math.floor(s * stride) * nf + f];
    const e = binEdges(col, o.bins);
    edges.push(e);
    const b = new Uint8Array(n);
    for (let i = 0; i < n; i++) b[i] = binOf(e, data.x[i * nf + f]);
    binned.push(b);
  }

  // base score: weighted mean (log-odds for binary)
  let sw = 0;
  let swy = 0;
  for (let i = 0; i < n; i++) {
    sw += w[i];
    swy += w[i] * data.y[i];
  }
  const mean = sw > 0 ? swy / sw : 0;
  const baseScore =
    o.objective === 'binary' ? Math.log(Math.max(1e-9, mean) / Math.max(1e-9, 1 - mean)) : mean;

  const raw = new Float64Array(n).fill(baseScore);
  const g = new Float64Array(n);
  const h = new Float64Array(n);
  const order = new Uint32Array(n);
  const trees: GbmTreeJson[] = [];

  const valRaw = validation ? new Float64Array(validation.rows).fill(baseScore) : null;
  const valPred = validation ? new Float64Array(validation.rows) : null;
  let bestLoss = Infinity;
  let bestRound = 0;

  const histSize = nf * nb * 3;
  const buildHist = (start: number, end: number, feats: Int32Array): Float64Array => {
    const hist = new Float64Array(histSize);
    for (const f of feats) {
      const col = binned[f];
      const base = f * nb * 3;
      for (let k = start; k < end; k++) {
        const i = order[k];
        const at = base + col[i] * 3;
        hist[at] += g[i];
        hist[at + 1] += h[i];
        hist[at + 2] += 1;
      }
    }
    return hist;
  };
  const leafScore = (G: number, H: number): number => (G * G) / (H + o.l2);
  const findSplit = (
    hist: Float64Array,
    G: number,
    H: number,
    C: number,
    feats: Int32Array,
  ): Split | null => {
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
    for (const f of feats) {
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

  for (let round = 0; round < o.rounds; round++) {
    // gradients of the loss at the current scores
    for (let i = 0; i < n; i++) {
      if (o.objective === 'binary') {
        const p = sigmoid(raw[i]);
        g[i] = w[i] * (p - data.y[i]);
        h[i] = w[i] * Math.max(p * (1 - p), 1e-12);
      } else {
        g[i] = w[i] * (raw[i] - data.y[i]);
        h[i] = w[i];
      }
    }
    let m = 0;
    for (let i = 0; i < n; i++) if (o.rowSample >= 1 || rng() < o.rowSample) order[m++] = i;
    const featList: number[] = [];
    for (let f = 0; f < nf; f++) if (o.featureSample >= 1 || rng() < o.featureSample) featList.push(f);
    if (!featList.length) featList.push(Math.floor(rng() * nf));
    const feats = Int32Array.from(featList);

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
    const rootHist = buildHist(0, m, feats);
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
    root.split = findSplit(rootHist, G0, H0, m, feats);
    const open: Leaf[] = [root];
    let leaves = 1;
    while (leaves < o.maxLeaves) {
      let bi = -1;
      for (let i = 0; i < open.length; i++) {
        const s = open[i].split;
        if (s && open[i].depth < o.maxDepth && (bi < 0 || s.gain > open[bi].split!.gain)) bi = i;
      }
      if (bi < 0) break;
      const leaf = open[bi];
      const s = leaf.split!;
      // partition the leaf's rows in place: left part first
      const col = binned[s.feature];
      let a = leaf.start;
      let b = leaf.end - 1;
      while (a <= b) {
        const bin = col[order[a]];
        const left = bin === 0 ? s.missingLeft : bin <= s.bin;
        if (left) a++;
        else {
          const t = order[a];
          order[a] = order[b];
          order[b] = t;
          b--;
        }
      }
      const mid = a;
      const lNode = addNode(s.leftG, s.leftH);
      const rNode = addNode(leaf.g - s.leftG, leaf.h - s.leftH);
      tree.feature[leaf.node] = s.feature;
      tree.threshold[leaf.node] = edges[s.feature][s.bin - 1];
      tree.missingLeft[leaf.node] = s.missingLeft ? 1 : 0;
      tree.left[leaf.node] = lNode;
      tree.right[leaf.node] = rNode;
      tree.gain[leaf.node] = s.gain;
      // histogram of the smaller child, the other by subtraction
      const leftSmaller = mid - leaf.start <= leaf.end - mid;
      const small = leftSmaller ? buildHist(leaf.start, mid, feats) : buildHist(mid, leaf.end, feats);
      const big = leaf.hist;
      for (let i = 0; i < histSize; i++) big[i] -= small[i];
      const lHist = leftSmaller ? small : big;
      const rHist = leftSmaller ? big : small;
      const lLeaf: Leaf = {
        node: lNode,
        start: leaf.start,
        end: mid,
        depth: leaf.depth + 1,
        g: s.leftG,
        h: s.leftH,
        hist: lHist,
        split: null,
      };
      const rLeaf: Leaf = {
        node: rNode,
        start: mid,
        end: leaf.end,
        depth: leaf.depth + 1,
        g: leaf.g - s.leftG,
        h: leaf.h - s.leftH,
        hist: rHist,
        split: null,
      };
      lLeaf.split = findSplit(lHist, lLeaf.g, lLeaf.h, mid - leaf.start, feats);
      rLeaf.split = findSplit(rHist, rLeaf.g, rLeaf.h, leaf.end - mid, feats);
      open.splice(bi, 1, lLeaf, rLeaf);
      leaves++;
    }
    trees.push(tree);

    // every training row's score moves by its leaf (sampled or not), walking the binned tree
    const binThreshold = new Int32Array(tree.feature.length);
    tree.feature.forEach((f, i) => {
      if (f >= 0) binThreshold[i] = binOf(edges[f], tree.threshold[i]);
    });
    for (let i = 0; i < n; i++) {
      let node = 0;
      while (tree.feature[node] >= 0) {
        const bin = binned[tree.feature[node]][i];
        const left = bin === 0 ? tree.missingLeft[node] === 1 : bin <= binThreshold[node];
        node = left ? tree.left[node] : tree.right[node];
      }
      raw[i] += tree.value[node];
    }

    if (validation && valRaw && valPred) {
      const single = new GradientBoostedTrees({
        format: 'gbm-v1',
        objective: o.objective,
        featureNames,
        baseScore: 0,
        trees: [tree],
        bestRound: 1,
        validationLoss: null,
      });
      for (let i = 0; i < validation.rows; i++) {
        valRaw[i] += single.rawScore(validation.x, i * nf);
        valPred[i] = o.objective === 'binary' ? sigmoid(valRaw[i]) : valRaw[i];
      }
      const loss = meanLoss(o.objective, validation.y, valPred, validation.weight);
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
    validationLoss: validation ? bestLoss : null,
  });
}
