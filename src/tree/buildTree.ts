/**
 * The CART builder behind DecisionTreeClassifier and DecisionTreeRegressor, free of the estimator
 * API so that it can be tested, benchmarked and run in a worker on its own. It holds no module
 * state: everything lives in the arguments and in the arrays it allocates.
 *
 * Data are column-major (`X[f * n + i]`) float32, as scikit-learn's trees store X (so thresholds,
 * halfway between two float32 values, come out the same), and rows are rounded to float32 when
 * they are sent down the tree. Each feature's sample order is sorted once at the start;
 * every node owns the same segment `[start, end)` of all the feature orders, and a split partitions
 * each order stably, so every node sees its samples sorted on every feature without sorting again.
 * The split search follows scikit-learn's BestSplitter: features drawn without replacement from the
 * seeded generator until `maxFeatures` were visited (and at least one was not constant), candidate
 * thresholds only between values more than 1e-7 apart, at their midpoint, the best proxy
 * improvement kept (the first of equal ones), nodes grown depth first and numbered in pre-order.
 */
import { colMajor, type ColMajor, type RowMajor } from '../core/data/index';
import type { RandomState } from '../core/random';
import { randomSplit, type RandomSplitContext } from './randomSplit';

/** The split criteria: 'gini', 'entropy', 'log_loss' for classification, the others for regression. */
export type TreeCriterion = 'gini' | 'entropy' | 'log_loss' | 'squared_error' | 'friedman_mse' | 'poisson';

export interface BuildTreeOptions {
  criterion: TreeCriterion;
  /** The deepest a leaf may be (Infinity for no limit). */
  maxDepth: number;
  /** The fewest samples a node needs to be split (already resolved to a count ≥ 2). */
  minSamplesSplit: number;
  /** The fewest samples in each child (already resolved to a count ≥ 1). */
  minSamplesLeaf: number;
  /** The smallest total sample weight of each child. */
  minWeightLeaf: number;
  /** A split must decrease the weighted impurity by at least this much. */
  minImpurityDecrease: number;
  /** How many features to draw at each node (1 ≤ maxFeatures ≤ nFeatures). */
  maxFeatures: number;
  /** The generator that draws the features (scikit-learn permutes them at every node). */
  rng: RandomState;
  /**
   * 'best' (the default): the best threshold of each drawn feature; 'random': one threshold drawn
   * uniformly between the feature's extremes in the node (scikit-learn's RandomSplitter, randomSplit.ts).
   */
  splitter?: 'best' | 'random';
  /**
   * Each feature's order of all `n` rows, sorted by value (`d × n`, feature after feature), to skip
   * the builder's own sort: forests sort once and hand it to every tree. Read only.
   */
  presorted?: Int32Array;
}

/** A fitted tree as flat arrays, node 0 the root, in scikit-learn's `tree_` layout. */
export interface TreeArrays {
  nodeCount: number;
  /** Left child of each node, -1 for a leaf. */
  childrenLeft: Int32Array;
  /** Right child of each node, -1 for a leaf. */
  childrenRight: Int32Array;
  /** The feature each node splits on, -2 for a leaf. */
  feature: Int32Array;
  /** Samples with `x[feature] <= threshold` go left; -2 for a leaf. */
  threshold: Float64Array;
  impurity: Float64Array;
  nNodeSamples: Int32Array;
  weightedNNodeSamples: Float64Array;
  /**
   * `nValues` numbers per node: the weighted class counts (classification) or the weighted mean
   * of the target (regression, `nValues` 1).
   */
  value: Float64Array;
  nValues: number;
  /** The depth of the deepest leaf. */
  maxDepth: number;
}

/** The target: class codes 0..nClasses-1, or real values. */
export type TreeTarget = { kind: 'classification'; y: Int32Array; nClasses: number } | { kind: 'regression'; y: Float64Array };

const FEATURE_THRESHOLD = 1e-7;
const EPSILON = 2.220446049250313e-16;
const LN2 = Math.LN2;

/** Sorts `idx[lo..hi)` by `x[base + idx[k]]` (quicksort, median of three, insertion sort below 16). */
function argsortSegment(idx: Int32Array, x: Float32Array, base: number, lo: number, hi: number): void {
  while (hi - lo > 16) {
    const mid = (lo + hi) >>> 1;
    const a = x[base + idx[lo]];
    const b = x[base + idx[mid]];
    const c = x[base + idx[hi - 1]];
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = lo;
    let j = hi - 1;
    while (i <= j) {
      while (x[base + idx[i]] < pivot) i++;
      while (x[base + idx[j]] > pivot) j--;
      if (i <= j) {
        const t = idx[i];
        idx[i] = idx[j];
        idx[j] = t;
        i++;
        j--;
      }
    }
    // Recurse into the smaller side, loop on the larger one.
    if (j - lo < hi - i) {
      argsortSegment(idx, x, base, lo, j + 1);
      lo = i;
    } else {
      argsortSegment(idx, x, base, i, hi);
      hi = j + 1;
    }
  }
  for (let k = lo + 1; k < hi; k++) {
    const t = idx[k];
    const v = x[base + t];
    let m = k - 1;
    while (m >= lo && x[base + idx[m]] > v) {
      idx[m + 1] = idx[m];
      m--;
    }
    idx[m + 1] = t;
  }
}

/** Growable node storage. */
class NodeStore {
  count = 0;
  left: Int32Array;
  right: Int32Array;
  feature: Int32Array;
  threshold: Float64Array;
  impurity: Float64Array;
  nSamples: Int32Array;
  wSamples: Float64Array;
  value: Float64Array;
  constructor(
    capacity: number,
    readonly nValues: number,
  ) {
    this.left = new Int32Array(capacity);
    this.right = new Int32Array(capacity);
    this.feature = new Int32Array(capacity);
    this.threshold = new Float64Array(capacity);
    this.impurity = new Float64Array(capacity);
    this.nSamples = new Int32Array(capacity);
    this.wSamples = new Float64Array(capacity);
    this.value = new Float64Array(capacity * nValues);
  }

  add(impurity: number, nSamples: number, wSamples: number): number {
    if (this.count === this.left.length) this.grow();
    const id = this.count++;
    this.left[id] = -1;
    this.right[id] = -1;
    this.feature[id] = -2;
    this.threshold[id] = -2;
    this.impurity[id] = impurity;
    this.nSamples[id] = nSamples;
    this.wSamples[id] = wSamples;
    return id;
  }

  private grow(): void {
    const cap = this.left.length * 2;
    const g32 = (a: Int32Array): Int32Array => {
      const b = new Int32Array(cap);
      b.set(a);
      return b;
    };
    const g64 = (a: Float64Array, k = 1): Float64Array => {
      const b = new Float64Array(cap * k);
      b.set(a);
      return b;
    };
    this.left = g32(this.left);
    this.right = g32(this.right);
    this.feature = g32(this.feature);
    this.threshold = g64(this.threshold);
    this.impurity = g64(this.impurity);
    this.nSamples = g32(this.nSamples);
    this.wSamples = g64(this.wSamples);
    this.value = g64(this.value, this.nValues);
  }

  finish(maxDepth: number): TreeArrays {
    const c = this.count;
    return {
      nodeCount: c,
      childrenLeft: this.left.slice(0, c),
      childrenRight: this.right.slice(0, c),
      feature: this.feature.slice(0, c),
      threshold: this.threshold.slice(0, c),
      impurity: this.impurity.slice(0, c),
      nNodeSamples: this.nSamples.slice(0, c),
      weightedNNodeSamples: this.wSamples.slice(0, c),
      value: this.value.slice(0, c * this.nValues),
      nValues: this.nValues,
      maxDepth,
    };
  }
}

/** Impurity of weighted class counts `c[off..off+K)` with total weight `w`. */
function classImpurity(entropy: boolean, c: Float64Array, off: number, K: number, w: number): number {
  if (entropy) {
    let h = 0;
    for (let k = 0; k < K; k++) {
      const ck = c[off + k];
      if (ck > 0) {
        const p = ck / w;
        h -= p * (Math.log(p) / LN2);
      }
    }
    return h;
  }
  let sq = 0;
  for (let k = 0; k < K; k++) sq += c[off + k] * c[off + k];
  return 1 - sq / (w * w);
}

/**
 * The half Poisson deviance of the samples `order[lo..hi)` (sum of targets `ySum`, weight `wSum`),
 * per unit weight: Σ w·y·log(y / mean) / Σ w; infinite for a zero mean.
 */
function poissonLoss(order: Int32Array, lo: number, hi: number, y: Float64Array, w: Float64Array, ySum: number, wSum: number): number {
  if (ySum <= EPSILON) return Infinity;
  const mean = ySum / wSum;
  let loss = 0;
  for (let p = lo; p < hi; p++) {
    const i = order[p];
    const yi = y[i];
    if (yi > 0) loss += w[i] * yi * Math.log(yi / mean);
  }
  return loss / wSum;
}

/**
 * Grows a tree on column-major data. `sampleWeight` already includes any class
 * weights; samples of weight 0 take no part, as in scikit-learn.
 */
export function buildTree(Xc: ColMajor<Float32Array>, target: TreeTarget, sampleWeight: Float64Array, o: BuildTreeOptions): TreeArrays {
  const X = Xc.data;
  const n = Xc.rows;
  const d = Xc.cols;
  const classification = target.kind === 'classification';
  const K = classification ? target.nClasses : 1;
  const yc = classification ? target.y : new Int32Array(0);
  const yr = classification ? new Float64Array(0) : target.y;
  const entropy = o.criterion === 'entropy' || o.criterion === 'log_loss';
  const friedman = o.criterion === 'friedman_mse';
  const poisson = o.criterion === 'poisson';
  const w = sampleWeight;

  // The samples that take part, and each feature's order of them.
  let m = 0;
  for (let i = 0; i < n; i++) if (w[i] !== 0) m++;
  const base = new Int32Array(m);
  for (let i = 0, j = 0; i < n; i++) if (w[i] !== 0) base[j++] = i;
  // The random splitter needs no sorted orders: one segment of the samples, partitioned per split.
  const nOrders = o.splitter === 'random' ? 1 : d;
  const order = new Int32Array(nOrders * m);
  if (nOrders === 1) order.set(base);
  const pre = o.presorted;
  for (let f = 0; nOrders === d && f < d; f++) {
    if (pre !== undefined) {
      for (let p = f * n, j = f * m, stop = (f + 1) * n; p < stop; p++) if (w[pre[p]] !== 0) order[j++] = pre[p];
      continue;
    }
    const seg = order.subarray(f * m, (f + 1) * m);
    seg.set(base);
    argsortSegment(seg, X, f * n, 0, m);
  }

  let wTotal = 0;
  for (let p = 0; p < m; p++) wTotal += w[base[p]];

  const store = new NodeStore(Math.max(16, Math.min(2 * m, 1 << 12)), K);
  const features = new Int32Array(d);
  for (let f = 0; f < d; f++) features[f] = f;
  const isLeft = new Uint8Array(n);
  const tmp = new Int32Array(m);
  const sumTotal = new Float64Array(K);
  const sumLeft = new Float64Array(K);
  const sumRight = new Float64Array(K);
  const bestLeftCounts = new Float64Array(K);
  const random: RandomSplitContext | undefined =
    o.splitter === 'random'
      ? { X, n, d, order, features, rng: o.rng, maxFeatures: o.maxFeatures, minSamplesLeaf: o.minSamplesLeaf, minWeightLeaf: o.minWeightLeaf, w, classification, K, yc, yr, entropy, friedman, poisson, sumSide: new Float64Array(K), sumOther: new Float64Array(K) }
      : undefined;

  // Stack of pending nodes: start, end, depth, parent, isLeft, impurity (NaN for the root).
  const stack: number[] = [0, m, 0, -1, 0, NaN];
  let deepest = 0;

  while (stack.length > 0) {
    const impurityIn = stack.pop() as number;
    const asLeft = stack.pop() as number;
    const parent = stack.pop() as number;
    const depth = stack.pop() as number;
    const end = stack.pop() as number;
    const start = stack.pop() as number;
    const nNode = end - start;

    // The node's statistics, from any feature's segment (all hold the same samples).
    let wN = 0;
    let sumY = 0;
    let sqY = 0;
    sumTotal.fill(0);
    for (let p = start; p < end; p++) {
      const i = order[p];
      const wi = w[i];
      wN += wi;
      if (classification) sumTotal[yc[i]] += wi;
      else {
        const yi = yr[i];
        sumY += wi * yi;
        sqY += wi * yi * yi;
      }
    }
    let impurity = impurityIn;
    if (Number.isNaN(impurity)) {
      if (classification) impurity = classImpurity(entropy, sumTotal, 0, K, wN);
      else if (poisson) impurity = poissonLoss(order, start, end, yr, w, sumY, wN);
      else {
        const mean = sumY / wN;
        impurity = sqY / wN - mean * mean;
      }
    }
    const id = store.add(impurity, nNode, wN);
    if (classification) store.value.set(sumTotal, id * K);
    else store.value[id] = sumY / wN;
    if (parent >= 0) {
      if (asLeft) store.left[parent] = id;
      else store.right[parent] = id;
    }
    if (depth > deepest) deepest = depth;

    let isLeaf =
      depth >= o.maxDepth || nNode < o.minSamplesSplit || nNode < 2 * o.minSamplesLeaf || wN < 2 * o.minWeightLeaf || impurity <= EPSILON;
    if (isLeaf) continue;

    // Best split search.
    let bestProxy = -Infinity;
    let bestFeature = -1;
    let bestPos = end;
    let bestThreshold = 0;
    let visited = 0;
    let nonConstant = 0;
    if (random !== undefined) {
      const split = randomSplit(random, start, end, wN, sumTotal, sumY, bestLeftCounts);
      if (split !== undefined) ({ feature: bestFeature, pos: bestPos, threshold: bestThreshold } = split);
    }
    for (let k = 0; random === undefined && k < d && (visited < o.maxFeatures || nonConstant === 0); k++) {
      const j = k + o.rng.randint(d - k);
      const f = features[j];
      features[j] = features[k];
      features[k] = f;
      visited++;
      const ord = f * m;
      const col = f * n;
      if (X[col + order[ord + end - 1]] <= X[col + order[ord + start]] + FEATURE_THRESHOLD) continue;
      nonConstant++;
      let wL = 0;
      let sL = 0;
      if (classification) sumLeft.fill(0);
      let xCur = X[col + order[ord + start]];
      for (let p = start; p < end - 1; p++) {
        const i = order[ord + p];
        const wi = w[i];
        wL += wi;
        if (classification) sumLeft[yc[i]] += wi;
        else sL += wi * yr[i];
        const xNext = X[col + order[ord + p + 1]];
        if (xNext <= xCur + FEATURE_THRESHOLD) {
          xCur = xNext;
          continue;
        }
        const pos = p + 1;
        if (pos - start < o.minSamplesLeaf || end - pos < o.minSamplesLeaf) {
          xCur = xNext;
          continue;
        }
        const wR = wN - wL;
        if (wL < o.minWeightLeaf || wR < o.minWeightLeaf) {
          xCur = xNext;
          continue;
        }
        let proxy: number;
        if (classification) {
          for (let c = 0; c < K; c++) sumRight[c] = sumTotal[c] - sumLeft[c];
          proxy = -wR * classImpurity(entropy, sumRight, 0, K, wR) - wL * classImpurity(entropy, sumLeft, 0, K, wL);
        } else {
          const sR = sumY - sL;
          if (friedman) {
            const diff = wR * sL - wL * sR;
            proxy = (diff * diff) / (wL * wR);
          } else if (poisson) {
            // A child with a zero mean has an infinite Poisson deviance: never split so.
            proxy = sL <= EPSILON || sR <= EPSILON ? -Infinity : sL * Math.log(sL / wL) + sR * Math.log(sR / wR);
          } else proxy = (sL * sL) / wL + (sR * sR) / wR;
        }
        if (proxy > bestProxy) {
          bestProxy = proxy;
          bestFeature = f;
          bestPos = pos;
          let t = xCur / 2 + xNext / 2;
          if (t === xNext || t === Infinity || t === -Infinity) t = xCur;
          bestThreshold = t;
          if (classification) bestLeftCounts.set(sumLeft);
        }
        xCur = xNext;
      }
    }
    if (bestFeature < 0 || bestPos >= end) continue;

    // Children impurities and the weighted impurity decrease.
    const ordB = random === undefined ? bestFeature * m : 0;
    let wL = 0;
    let sL = 0;
    let qL = 0;
    for (let p = start; p < bestPos; p++) {
      const i = order[ordB + p];
      const wi = w[i];
      wL += wi;
      if (!classification) {
        sL += wi * yr[i];
        qL += wi * yr[i] * yr[i];
      }
    }
    const wR = wN - wL;
    let impL: number;
    let impR: number;
    if (classification) {
      for (let c = 0; c < K; c++) sumRight[c] = sumTotal[c] - bestLeftCounts[c];
      impL = classImpurity(entropy, bestLeftCounts, 0, K, wL);
      impR = classImpurity(entropy, sumRight, 0, K, wR);
    } else if (poisson) {
      impL = poissonLoss(order, ordB + start, ordB + bestPos, yr, w, sL, wL);
      impR = poissonLoss(order, ordB + bestPos, ordB + end, yr, w, sumY - sL, wR);
    } else {
      const mL = sL / wL;
      const mR = (sumY - sL) / wR;
      impL = qL / wL - mL * mL;
      impR = (sqY - qL) / wR - mR * mR;
    }
    let improvement: number;
    if (friedman) {
      // scikit-learn's FriedmanMSE decrease, the one minImpurityDecrease is compared with.
      const diff = wR * sL - wL * (sumY - sL);
      improvement = (diff * diff) / (wL * wR * wN);
    } else improvement = (wN / wTotal) * (impurity - (wR / wN) * impR - (wL / wN) * impL);
    isLeaf = improvement + EPSILON < o.minImpurityDecrease;
    if (isLeaf) continue;

    store.feature[id] = bestFeature;
    store.threshold[id] = bestThreshold;

    // Partition every other feature's order stably: left samples first, in their sorted order.
    for (let p = start; p < bestPos; p++) isLeft[order[ordB + p]] = 1;
    for (let p = bestPos; p < end; p++) isLeft[order[ordB + p]] = 0;
    for (let f = 0; random === undefined && f < d; f++) {
      if (f === bestFeature) continue;
      const ord = f * m;
      // A feature constant in the node is constant in every node below it, where no split reads
      // its order beyond that test (which its unpartitioned segment still passes): skip it.
      // Feature 0's order is always kept, as the nodes' statistics are read from it.
      if (f !== 0 && X[f * n + order[ord + end - 1]] <= X[f * n + order[ord + start]] + FEATURE_THRESHOLD) continue;
      let l = ord + start;
      let r = 0;
      // Branch-free: each sample is written to both places and one cursor moves (the side is as
      // good as random, so a branch would be mispredicted half the time).
      for (let p = ord + start; p < ord + end; p++) {
        const i = order[p];
        const b = isLeft[i];
        order[l] = i;
        tmp[r] = i;
        l += b;
        r += 1 - b;
      }
      order.set(tmp.subarray(0, r), l);
    }

    // Right pushed first so that the left child is grown (and numbered) next.
    stack.push(bestPos, end, depth + 1, id, 0, impR);
    stack.push(start, bestPos, depth + 1, id, 1, impL);
  }
  return store.finish(deepest);
}

/** The leaf each row of `X` falls into (its values compared as float32, as in scikit-learn). */
export function applyTree(tree: TreeArrays, Xr: RowMajor): Int32Array {
  const { data: X, rows, cols } = Xr;
  const out = new Int32Array(rows);
  const { childrenLeft, childrenRight, feature, threshold } = tree;
  for (let r = 0; r < rows; r++) {
    const off = r * cols;
    let node = 0;
    while (childrenLeft[node] !== -1) {
      node = Math.fround(X[off + feature[node]]) <= threshold[node] ? childrenLeft[node] : childrenRight[node];
    }
    out[r] = node;
  }
  return out;
}

/** Mean decrease in impurity per feature, normalized to sum to 1 (all zeros for a single leaf). */
export function featureImportances(tree: TreeArrays, nFeatures: number): Float64Array {
  const imp = new Float64Array(nFeatures);
  const { childrenLeft: L, childrenRight: R, impurity, weightedNNodeSamples: W } = tree;
  for (let node = 0; node < tree.nodeCount; node++) {
    const l = L[node];
    if (l === -1) continue;
    const r = R[node];
    imp[tree.feature[node]] += W[node] * impurity[node] - W[l] * impurity[l] - W[r] * impurity[r];
  }
  let s = 0;
  for (let f = 0; f < nFeatures; f++) {
    imp[f] /= W[0];
    s += imp[f];
  }
  if (s > 0) for (let f = 0; f < nFeatures; f++) imp[f] /= s;
  return imp;
}

/** A column-major float32 copy of row-major data (the builder's input). */
export function toColMajorFloat32(Xr: RowMajor): ColMajor<Float32Array> {
  const { data, rows, cols } = Xr;
  const out = new Float32Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    const off = i * cols;
    for (let j = 0; j < cols; j++) out[j * rows + i] = data[off + j];
  }
  return colMajor(out, rows, cols);
}

/**
 * Each feature's order of all rows of `Xc`, sorted by value (`d × n`, feature after feature): the
 * `presorted` option, made once and shared by every tree of a forest.
 */
export function presortColumns(Xc: ColMajor<Float32Array>): Int32Array {
  const { data, rows: n, cols: d } = Xc;
  const out = new Int32Array(d * n);
  for (let f = 0; f < d; f++) {
    const seg = out.subarray(f * n, (f + 1) * n);
    for (let i = 0; i < n; i++) seg[i] = i;
    argsortSegment(seg, data, f * n, 0, n);
  }
  return out;
}
