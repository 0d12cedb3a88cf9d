/**
 * The CART builder behind DecisionTreeClassifier and DecisionTreeRegressor, free of the estimator
 * API so that it can be tested, benchmarked and run in a worker on its own. It holds no module
 * state: everything lives in the arguments and in the arrays it allocates.
 *
 * Data are column-major (`X[f * n + i]`) float32, as scikit-learn's trees store X (so thresholds,
 * halfway between two float32 values, come out the same), and rows are rounded to float32 when
 * they are sent down the tree. Each feature's sample order is sorted once at the start, missing
 * values (NaN) after all others; every node owns the same segment `[start, end)` of all the
 * feature orders, and a split partitions each order stably, so every node sees its samples sorted
 * on every feature (its missing ones last) without sorting again.
 * The split search follows scikit-learn's BestSplitter: features drawn without replacement from the
 * seeded generator until `maxFeatures` were visited (and at least one was not constant), candidate
 * thresholds only between values more than 1e-7 apart, at their midpoint, the best proxy
 * improvement kept (the first of equal ones). Missing values are handled as scikit-learn 1.3 does:
 * a feature with missing values in the node is scanned twice, its missing samples sent right then
 * left, and the split "non-missing left, missing right" is tried last; the side the missing samples
 * took is recorded per node (for a node whose feature had none, the child with more samples).
 * Nodes are grown depth first and numbered in pre-order, or best first (the split of largest
 * impurity improvement next) when `maxLeafNodes` is set, as scikit-learn's BestFirstTreeBuilder.
 * Several outputs (a 2-d target) share the splits: impurities are averaged over the outputs.
 */
import { colMajor, type ColMajor, type RowMajor } from '../core/data/index';
import type { RandomState } from '../core/random';
import { randomSplit, type RandomSplitContext } from './randomSplit';

/** The split criteria: 'gini', 'entropy', 'log_loss' for classification, the others for regression. */
export type TreeCriterion = 'gini' | 'entropy' | 'log_loss' | 'squared_error' | 'friedman_mse' | 'poisson' | 'absolute_error';

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
   * Grow best first (largest impurity improvement next) to at most this many leaves, as
   * scikit-learn's BestFirstTreeBuilder; undefined or Infinity grows depth first. @defaultValue undefined
   */
  maxLeafNodes?: number;
  /**
   * 'best' (the default): the best threshold of each drawn feature; 'random': one threshold drawn
   * uniformly between the feature's extremes in the node (scikit-learn's RandomSplitter,
   * randomSplit.ts), for one output, no missing values and a criterion other than 'absolute_error'.
   */
  splitter?: 'best' | 'random';
  /**
   * Each feature's order of all `n` rows, sorted by value (`d × n`, feature after feature), for
   * data without missing values, to skip the builder's own sort: forests sort once and hand it to
   * every tree. Read only.
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
  /** Samples with `x[feature] <= threshold` go left; -2 for a leaf (Infinity: only the missing go right). */
  threshold: Float64Array;
  /** 1 where a missing value (NaN) goes to the left child, 0 where it goes right (0 for leaves). */
  missingGoToLeft: Uint8Array;
  impurity: Float64Array;
  nNodeSamples: Int32Array;
  weightedNNodeSamples: Float64Array;
  /**
   * `nValues` numbers per node: per output, the weighted class counts (classification, `nClasses`
   * per output, the largest class count of the outputs) or the weighted mean (the median for
   * 'absolute_error') of the target (regression, one per output).
   */
  value: Float64Array;
  nValues: number;
  /** The depth of the deepest leaf. */
  maxDepth: number;
}

/**
 * The target: class codes 0..nClasses-1, or real values. With `nOutputs` > 1 (default 1), `y` holds
 * `nOutputs` values per sample, row by row, and `nClasses` is the largest class count of the outputs.
 */
export type TreeTarget =
  | { kind: 'classification'; y: Int32Array; nClasses: number; nOutputs?: number }
  | { kind: 'regression'; y: Float64Array; nOutputs?: number };

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
  missLeft: Uint8Array;
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
    this.missLeft = new Uint8Array(capacity);
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
    this.missLeft[id] = 0;
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
    const ml = new Uint8Array(cap);
    ml.set(this.missLeft);
    this.missLeft = ml;
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
      missingGoToLeft: this.missLeft.slice(0, c),
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

/** The class impurity averaged over `nOut` outputs of `K` counts each. */
function classImpurityOut(entropy: boolean, c: Float64Array, K: number, nOut: number, w: number): number {
  if (nOut === 1) return classImpurity(entropy, c, 0, K, w);
  let s = 0;
  for (let k = 0; k < nOut; k++) s += classImpurity(entropy, c, k * K, K, w);
  return s / nOut;
}

/**
 * The half Poisson deviance of the samples `order[lo..hi)` (target sums `ySum` per output, weight
 * `wSum`), per unit weight and output: Σ w·y·log(y / mean) / (Σ w · nOut); infinite for a zero mean.
 */
function poissonLoss(order: Int32Array, lo: number, hi: number, y: Float64Array, w: Float64Array, ySum: Float64Array, wSum: number, nOut: number): number {
  let loss = 0;
  for (let k = 0; k < nOut; k++) {
    if (ySum[k] <= EPSILON) return Infinity;
    const mean = ySum[k] / wSum;
    for (let p = lo; p < hi; p++) {
      const i = order[p];
      const yi = y[i * nOut + k];
      if (yi > 0) loss += w[i] * yi * Math.log(yi / mean);
    }
  }
  return loss / (wSum * nOut);
}

/**
 * scikit-learn's weighted median of `ys[0..len)` (weights `ws`): the value at which the cumulative
 * weight, in ascending order, first reaches half the total, or the mean of it and the next value
 * when it reaches exactly half. `idx` is scratch of at least `len` entries. Returns the median and
 * writes Σ w·|y − median| to `out[0]`.
 */
function weightedMedian(ys: Float64Array, ws: Float64Array, len: number, idx: Int32Array, out: Float64Array): number {
  let total = 0;
  for (let j = 0; j < len; j++) {
    idx[j] = j;
    total += ws[j];
  }
  const sub = idx.subarray(0, len);
  sub.sort((a, b) => ys[a] - ys[b]);
  const half = total / 2;
  let cum = 0;
  let median = 0;
  for (let j = 0; j < len; j++) {
    cum += ws[sub[j]];
    if (cum >= half) {
      median = cum === half && j + 1 < len ? (ys[sub[j + 1]] + ys[sub[j]]) / 2 : ys[sub[j]];
      break;
    }
  }
  let dev = 0;
  for (let j = 0; j < len; j++) dev += Math.abs(ys[j] - median) * ws[j];
  out[0] = dev;
  return median;
}

/** Adds (w, w·y) at rank `r` of the Fenwick trees `tw`, `ty` of `U` ranks stored from `off`. */
function fenAdd(tw: Float64Array, ty: Float64Array, off: number, U: number, r: number, w: number, wy: number): void {
  for (let i = r + 1; i <= U; i += i & -i) {
    tw[off + i] += w;
    ty[off + i] += wy;
  }
}

/** The sum of ranks 0..r of the Fenwick tree `a` minus (when `b` is given) that of `b`. */
function fenPrefix(a: Float64Array, b: Float64Array | null, off: number, r: number): number {
  let s = 0;
  for (let i = r + 1; i > 0; i -= i & -i) s += b === null ? a[off + i] : a[off + i] - b[off + i];
  return s;
}

/**
 * The first rank whose cumulative weight in `a` (minus `b`) reaches `target` (`strict`), or exceeds
 * it (not `strict`). `top` is the largest power of two ≤ U.
 */
function fenSearch(a: Float64Array, b: Float64Array | null, off: number, U: number, top: number, target: number, strict: boolean): number {
  let pos = 0;
  let rem = target;
  for (let step = top; step > 0; step >>= 1) {
    const nx = pos + step;
    if (nx > U) continue;
    const v = b === null ? a[off + nx] : a[off + nx] - b[off + nx];
    if (strict ? v < rem : v <= rem) {
      pos = nx;
      rem -= v;
    }
  }
  return pos;
}

/**
 * Σ w·|y − median| of one side of a split held in Fenwick trees (the left side: `aw`/`ay` alone;
 * the right side: the node's trees minus the left ones), with total weight `W` and Σ w·y `WY`.
 */
function fenDeviation(aw: Float64Array, ay: Float64Array, bw: Float64Array | null, by: Float64Array | null, off: number, U: number, top: number, uv: Float64Array, uOff: number, W: number, WY: number): number {
  const half = W / 2;
  const r = fenSearch(aw, bw, off, U, top, half, true);
  const cw = fenPrefix(aw, bw, off, r);
  const cy = fenPrefix(ay, by, off, r);
  let med = uv[uOff + r];
  if (cw === half) {
    const r2 = fenSearch(aw, bw, off, U, top, half, false);
    if (r2 < U) med = (uv[uOff + r2] + uv[uOff + r]) / 2;
  }
  return med * cw - cy + (WY - cy) - med * (W - cw);
}

/** A node waiting in the best-first frontier: its split, found when the node was made. */
interface FrontierRecord {
  id: number;
  start: number;
  end: number;
  pos: number;
  depth: number;
  isLeaf: boolean;
  impurityLeft: number;
  impurityRight: number;
  improvement: number;
}

/** Pushes onto a max-heap by improvement (as C++'s std::push_heap, so ties order as scikit-learn's). */
function heapPush(heap: FrontierRecord[], rec: FrontierRecord): void {
  let hole = heap.length;
  heap.push(rec);
  while (hole > 0) {
    const parent = (hole - 1) >> 1;
    if (!(heap[parent].improvement < rec.improvement)) break;
    heap[hole] = heap[parent];
    hole = parent;
  }
  heap[hole] = rec;
}

/** Pops the largest improvement (as C++'s std::pop_heap: the hole sinks to a leaf, then the last record rises). */
function heapPop(heap: FrontierRecord[]): FrontierRecord {
  const top = heap[0];
  const last = heap.pop() as FrontierRecord;
  const len = heap.length;
  if (len === 0) return top;
  let hole = 0;
  let child = 0;
  while (child < (len - 1) >> 1) {
    child = 2 * (child + 1);
    if (heap[child].improvement < heap[child - 1].improvement) child--;
    heap[hole] = heap[child];
    hole = child;
  }
  if ((len & 1) === 0 && child === (len - 2) >> 1) {
    child = 2 * (child + 1);
    heap[hole] = heap[child - 1];
    hole = child - 1;
  }
  while (hole > 0) {
    const parent = (hole - 1) >> 1;
    if (!(heap[parent].improvement < last.improvement)) break;
    heap[hole] = heap[parent];
    hole = parent;
  }
  heap[hole] = last;
  return top;
}

/**
 * Grows a tree on column-major data. `sampleWeight` already includes any class
 * weights; samples of weight 0 take no part, as in scikit-learn. NaN in X marks a missing value.
 */
export function buildTree(Xc: ColMajor<Float32Array>, target: TreeTarget, sampleWeight: Float64Array, o: BuildTreeOptions): TreeArrays {
  const X = Xc.data;
  const n = Xc.rows;
  const d = Xc.cols;
  const classification = target.kind === 'classification';
  const nOut = Math.max(1, target.nOutputs ?? 1);
  const single = nOut === 1;
  const K = classification ? target.nClasses : 1;
  const V = classification ? nOut * K : nOut;
  const yc = classification ? target.y : new Int32Array(0);
  const yr = classification ? new Float64Array(0) : target.y;
  const entropy = o.criterion === 'entropy' || o.criterion === 'log_loss';
  const friedman = o.criterion === 'friedman_mse';
  const poisson = o.criterion === 'poisson';
  const mae = o.criterion === 'absolute_error';
  const w = sampleWeight;
  const minLeaf = o.minSamplesLeaf;
  const minWeightLeaf = o.minWeightLeaf;

  // Class codes offset by output (`k·K + class`), so one array of counts holds every output.
  let yOff = yc;
  if (classification && !single) {
    yOff = new Int32Array(n * nOut);
    for (let i = 0; i < n; i++) for (let k = 0; k < nOut; k++) yOff[i * nOut + k] = k * K + yc[i * nOut + k];
  }

  // The samples that take part, and each feature's order of them (missing values last).
  let m = 0;
  for (let i = 0; i < n; i++) if (w[i] !== 0) m++;
  const base = new Int32Array(m);
  for (let i = 0, j = 0; i < n; i++) if (w[i] !== 0) base[j++] = i;
  // The random splitter needs no sorted orders: one segment of the samples, partitioned per split.
  const nOrders = o.splitter === 'random' ? 1 : d;
  const order = new Int32Array(nOrders * m);
  if (nOrders === 1) order.set(base);
  const hasMissing = new Uint8Array(d);
  const pre = o.presorted;
  for (let f = 0; nOrders === d && f < d; f++) {
    if (pre !== undefined) {
      for (let p = f * n, j = f * m, stop = (f + 1) * n; p < stop; p++) if (w[pre[p]] !== 0) order[j++] = pre[p];
      continue;
    }
    const seg = order.subarray(f * m, (f + 1) * m);
    const col = f * n;
    let lo = 0;
    let hi = m;
    for (let p = 0; p < m; p++) {
      const i = base[p];
      const x = X[col + i];
      if (x === x) seg[lo++] = i;
      else seg[--hi] = i;
    }
    if (hi < m) {
      hasMissing[f] = 1;
      seg.subarray(hi, m).reverse(); // keep the missing ones in sample order
    }
    argsortSegment(seg, X, col, 0, lo);
  }

  let wTotal = 0;
  for (let p = 0; p < m; p++) wTotal += w[base[p]];

  const store = new NodeStore(Math.max(16, Math.min(2 * m, 1 << 12)), V);
  const features = new Int32Array(d);
  for (let f = 0; f < d; f++) features[f] = f;
  const isLeft = new Uint8Array(n);
  const tmp = new Int32Array(m);
  const sumTotal = new Float64Array(V);
  const sumLeft = new Float64Array(V);
  const sumRight = new Float64Array(V);
  const sumMiss = new Float64Array(V);
  const bestLeftSums = new Float64Array(V);
  const random: RandomSplitContext | undefined =
    o.splitter === 'random'
      ? { X, n, d, order, features, rng: o.rng, maxFeatures: o.maxFeatures, minSamplesLeaf: minLeaf, minWeightLeaf, w, classification, K, yc, yr, entropy, friedman, poisson, sumSide: new Float64Array(K), sumOther: new Float64Array(K) }
      : undefined;

  // Absolute error: each output's target ranks and Fenwick trees (node, left side) over them.
  let rank = new Int32Array(0);
  let uv = new Float64Array(0);
  const uOff = new Int32Array(nOut + 1);
  const fOff = new Int32Array(nOut + 1);
  const uTop = new Int32Array(nOut);
  let ftw = new Float64Array(0);
  let fty = new Float64Array(0);
  let flw = new Float64Array(0);
  let fly = new Float64Array(0);
  let medY = new Float64Array(0);
  let medW = new Float64Array(0);
  let medIdx = new Int32Array(0);
  const medOut = new Float64Array(1);
  if (mae) {
    rank = new Int32Array(n * nOut);
    const parts: Float64Array[] = [];
    for (let k = 0; k < nOut; k++) {
      const vals = new Float64Array(m);
      for (let p = 0; p < m; p++) vals[p] = yr[base[p] * nOut + k];
      vals.sort();
      let u = 0;
      for (let p = 0; p < m; p++) if (p === 0 || vals[p] !== vals[u - 1]) vals[u++] = vals[p];
      const uniq = vals.slice(0, u);
      parts.push(uniq);
      uOff[k + 1] = uOff[k] + u;
      fOff[k + 1] = fOff[k] + u + 1;
      let top = 1;
      while (top * 2 <= u) top *= 2;
      uTop[k] = top;
      for (let p = 0; p < m; p++) {
        const i = base[p];
        const v = yr[i * nOut + k];
        let lo = 0;
        let hi = u - 1;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (uniq[mid] < v) lo = mid + 1;
          else hi = mid;
        }
        rank[i * nOut + k] = lo;
      }
    }
    uv = new Float64Array(uOff[nOut]);
    for (let k = 0; k < nOut; k++) uv.set(parts[k], uOff[k]);
    ftw = new Float64Array(fOff[nOut]);
    fty = new Float64Array(fOff[nOut]);
    flw = new Float64Array(fOff[nOut]);
    fly = new Float64Array(fOff[nOut]);
    medY = new Float64Array(m);
    medW = new Float64Array(m);
    medIdx = new Int32Array(m);
  }

  /** Σ w·|y − median| over outputs of the samples `order[lo..hi)` (`idx` at `at`); medians to `into` when given. */
  const maeOf = (lo: number, hi: number, into: Float64Array | null, at: number): number => {
    let dev = 0;
    for (let k = 0; k < nOut; k++) {
      let len = 0;
      for (let p = lo; p < hi; p++) {
        const i = order[p];
        medY[len] = yr[i * nOut + k];
        medW[len++] = w[i];
      }
      const med = weightedMedian(medY, medW, len, medIdx, medOut);
      if (into !== null) into[at + k] = med;
      dev += medOut[0];
    }
    return dev;
  };

  // Everything the split search reads, handed to it as one object that it unpacks into locals once
  // per node: its hot loops then run on locals rather than on the enclosing function's variables.
  const shared = { X, n, d, m, o, w, classification, single, nOut, K, V, yc, yr, yOff, entropy, friedman, poisson, mae, minLeaf, minWeightLeaf, order, hasMissing, wTotal, store, features, isLeft, tmp, sumTotal, sumLeft, sumRight, sumMiss, bestLeftSums, rank, uv, uOff, fOff, uTop, ftw, fty, flw, fly };

  // What splitNode reports about the node it made.
  let resPos = 0;
  let resLeaf = true;
  let resImpL = 0;
  let resImpR = 0;
  let resImprovement = 0;

  /**
   * Makes the node of the samples `[start, end)` (every feature order holds them), searches its
   * best split and, when it splits, partitions every feature order. Returns the node's id; the
   * split is in resPos (left samples `[start, resPos)`), resImpL, resImpR, resImprovement, resLeaf.
   */
  const splitNode = (start: number, end: number, depth: number, parent: number, asLeft: boolean, impurityIn: number): number => {
    const { X, n, d, m, o, w, classification, single, nOut, K, V, yc, yr, yOff, entropy, friedman, poisson, mae, minLeaf, minWeightLeaf, order, hasMissing, wTotal, store, features, isLeft, tmp, sumTotal, sumLeft, sumRight, sumMiss, bestLeftSums, rank, uv, uOff, fOff, uTop, ftw, fty, flw, fly } = shared;
    const nNode = end - start;

    // The node's statistics, from any feature's segment (all hold the same samples).
    let wN = 0;
    let sumY = 0;
    let sqY = 0;
    sumTotal.fill(0);
    if (classification) {
      for (let p = start; p < end; p++) {
        const i = order[p];
        const wi = w[i];
        wN += wi;
        if (single) sumTotal[yc[i]] += wi;
        else for (let k = 0; k < nOut; k++) sumTotal[yOff[i * nOut + k]] += wi;
      }
    } else if (single) {
      for (let p = start; p < end; p++) {
        const i = order[p];
        const wi = w[i];
        const yi = yr[i];
        wN += wi;
        sumY += wi * yi;
        sqY += wi * yi * yi;
      }
      sumTotal[0] = sumY;
    } else {
      for (let p = start; p < end; p++) {
        const i = order[p];
        const wi = w[i];
        wN += wi;
        for (let k = 0; k < nOut; k++) {
          const yi = yr[i * nOut + k];
          sumTotal[k] += wi * yi;
          sqY += wi * yi * yi;
        }
      }
    }
    let impurity = impurityIn;
    const id = store.add(0, nNode, wN);
    if (mae) {
      const dev = maeOf(start, end, store.value, id * V);
      if (Number.isNaN(impurity)) impurity = dev / (wN * nOut);
    } else if (classification) {
      store.value.set(sumTotal, id * V);
      if (Number.isNaN(impurity)) impurity = classImpurityOut(entropy, sumTotal, K, nOut, wN);
    } else {
      for (let k = 0; k < nOut; k++) store.value[id * V + k] = sumTotal[k] / wN;
      if (Number.isNaN(impurity)) {
        if (poisson) impurity = poissonLoss(order, start, end, yr, w, sumTotal, wN, nOut);
        else {
          impurity = sqY / wN;
          for (let k = 0; k < nOut; k++) impurity -= (sumTotal[k] / wN) * (sumTotal[k] / wN);
          impurity /= nOut;
        }
      }
    }
    store.impurity[id] = impurity;
    if (parent >= 0) {
      if (asLeft) store.left[parent] = id;
      else store.right[parent] = id;
    }
    resLeaf = true;
    resPos = end;
    resImpL = impurity;
    resImpR = impurity;
    resImprovement = 0;

    if (depth >= o.maxDepth || nNode < o.minSamplesSplit || nNode < 2 * minLeaf || wN < 2 * minWeightLeaf || impurity <= EPSILON) return id;

    if (mae) {
      for (let p = start; p < end; p++) {
        const i = order[p];
        for (let k = 0; k < nOut; k++) fenAdd(ftw, fty, fOff[k], uOff[k + 1] - uOff[k], rank[i * nOut + k], w[i], w[i] * yr[i * nOut + k]);
      }
    }

    // Best split search.
    let bestProxy = -Infinity;
    let bestFeature = -1;
    let bestPos = end;
    let bestThreshold = 0;
    let bestMissLeft = false;
    let bestNMiss = 0;
    let visited = 0;
    let nonConstant = 0;
    if (random !== undefined) {
      const split = randomSplit(random, start, end, wN, sumTotal, sumY, bestLeftSums);
      if (split !== undefined) {
        ({ feature: bestFeature, pos: bestPos, threshold: bestThreshold } = split);
        bestMissLeft = bestPos - start > end - bestPos;
      }
    }
    for (let k = 0; random === undefined && k < d && (visited < o.maxFeatures || nonConstant === 0); k++) {
      const j = k + o.rng.randint(d - k);
      const f = features[j];
      features[j] = features[k];
      features[k] = f;
      visited++;
      const ord = f * m;
      const col = f * n;
      let nMiss = 0;
      if (hasMissing[f] === 1) while (nMiss < nNode && X[col + order[ord + end - 1 - nMiss]] !== X[col + order[ord + end - 1 - nMiss]]) nMiss++;
      const endNM = end - nMiss;
      if (endNM === start || X[col + order[ord + endNM - 1]] <= X[col + order[ord + start]] + FEATURE_THRESHOLD) continue;
      nonConstant++;

      if (mae) {
        // Absolute error (no missing values): both sides' deviations from Fenwick trees over the target ranks.
        let wL = 0;
        sumLeft.fill(0);
        let xCur = X[col + order[ord + start]];
        let added = start;
        for (let p = start; p < end - 1; p++) {
          const i = order[ord + p];
          const wi = w[i];
          wL += wi;
          for (let k = 0; k < nOut; k++) {
            const yi = yr[i * nOut + k];
            sumLeft[k] += wi * yi;
            fenAdd(flw, fly, fOff[k], uOff[k + 1] - uOff[k], rank[i * nOut + k], wi, wi * yi);
          }
          added = p + 1;
          const xNext = X[col + order[ord + p + 1]];
          if (xNext <= xCur + FEATURE_THRESHOLD) {
            xCur = xNext;
            continue;
          }
          const pos = p + 1;
          const wR = wN - wL;
          if (pos - start < minLeaf || end - pos < minLeaf || wL < minWeightLeaf || wR < minWeightLeaf) {
            xCur = xNext;
            continue;
          }
          let devL = 0;
          let devR = 0;
          for (let k = 0; k < nOut; k++) {
            const U = uOff[k + 1] - uOff[k];
            devL += fenDeviation(flw, fly, null, null, fOff[k], U, uTop[k], uv, uOff[k], wL, sumLeft[k]);
            devR += fenDeviation(ftw, fty, flw, fly, fOff[k], U, uTop[k], uv, uOff[k], wR, sumTotal[k] - sumLeft[k]);
          }
          const proxy = -wR * (devR / (wR * nOut)) - wL * (devL / (wL * nOut));
          if (proxy > bestProxy) {
            bestProxy = proxy;
            bestFeature = f;
            bestPos = pos;
            let t = xCur / 2 + xNext / 2;
            if (t === xNext || t === Infinity || t === -Infinity) t = xCur;
            bestThreshold = t;
            bestMissLeft = pos - start > end - pos;
            bestNMiss = 0;
          }
          xCur = xNext;
        }
        for (let p = start; p < added; p++) {
          const i = order[ord + p];
          for (let k = 0; k < nOut; k++) fenAdd(flw, fly, fOff[k], uOff[k + 1] - uOff[k], rank[i * nOut + k], -w[i], -w[i] * yr[i * nOut + k]);
        }
        continue;
      }

      // The missing samples' statistics.
      let wMiss = 0;
      let sMiss = 0;
      if (nMiss > 0) {
        sumMiss.fill(0);
        for (let p = endNM; p < end; p++) {
          const i = order[ord + p];
          const wi = w[i];
          wMiss += wi;
          if (classification) {
            if (single) sumMiss[yc[i]] += wi;
            else for (let k = 0; k < nOut; k++) sumMiss[yOff[i * nOut + k]] += wi;
          } else if (single) sMiss += wi * yr[i];
          else for (let k = 0; k < nOut; k++) sumMiss[k] += wi * yr[i * nOut + k];
        }
        if (!classification && single) sumMiss[0] = sMiss;
      }

      // One scan with the missing samples on the right, a second (only if any) with them on the left.
      for (let pass = 0; pass < (nMiss > 0 ? 2 : 1); pass++) {
        const missLeft = pass === 1;
        const nMissL = missLeft ? nMiss : 0;
        const nMissR = nMiss - nMissL;
        let wL = missLeft ? wMiss : 0;
        let sL = missLeft ? sMiss : 0;
        if (classification || !single) {
          if (missLeft) sumLeft.set(sumMiss);
          else sumLeft.fill(0);
        }
        let xCur = X[col + order[ord + start]];
        for (let p = start; p < endNM - 1; p++) {
          const i = order[ord + p];
          const wi = w[i];
          wL += wi;
          if (classification) {
            if (single) sumLeft[yc[i]] += wi;
            else for (let k = 0; k < nOut; k++) sumLeft[yOff[i * nOut + k]] += wi;
          } else if (single) sL += wi * yr[i];
          else for (let k = 0; k < nOut; k++) sumLeft[k] += wi * yr[i * nOut + k];
          const xNext = X[col + order[ord + p + 1]];
          if (xNext <= xCur + FEATURE_THRESHOLD) {
            xCur = xNext;
            continue;
          }
          const pos = p + 1;
          const nL = pos - start + nMissL;
          const nR = endNM - pos + nMissR;
          if (nL < minLeaf || nR < minLeaf) {
            xCur = xNext;
            continue;
          }
          const wR = wN - wL;
          if (wL < minWeightLeaf || wR < minWeightLeaf) {
            xCur = xNext;
            continue;
          }
          let proxy: number;
          if (classification) {
            for (let c = 0; c < V; c++) sumRight[c] = sumTotal[c] - sumLeft[c];
            proxy = -wR * classImpurityOut(entropy, sumRight, K, nOut, wR) - wL * classImpurityOut(entropy, sumLeft, K, nOut, wL);
          } else if (single) {
            const sR = sumY - sL;
            if (friedman) {
              const diff = wR * sL - wL * sR;
              proxy = (diff * diff) / (wL * wR);
            } else if (poisson) {
              // A child with a zero mean has an infinite Poisson deviance: never split so.
              proxy = sL <= EPSILON || sR <= EPSILON ? -Infinity : sL * Math.log(sL / wL) + sR * Math.log(sR / wR);
            } else proxy = (sL * sL) / wL + (sR * sR) / wR;
          } else proxy = multiRegressionProxy(sumTotal, sumLeft, nOut, wL, wR, friedman, poisson);
          if (proxy > bestProxy) {
            bestProxy = proxy;
            bestFeature = f;
            bestPos = pos;
            let t = xCur / 2 + xNext / 2;
            if (t === xNext || t === Infinity || t === -Infinity) t = xCur;
            bestThreshold = t;
            bestMissLeft = nMiss === 0 ? nL > nR : missLeft;
            bestNMiss = nMiss;
            if (classification || !single) bestLeftSums.set(sumLeft);
          }
          xCur = xNext;
        }
      }

      // Every non-missing sample left, the missing ones right (threshold +Infinity).
      if (nMiss > 0 && endNM - start >= minLeaf && nMiss >= minLeaf) {
        const wR = wMiss;
        const wL = wN - wR;
        if (wL >= minWeightLeaf && wR >= minWeightLeaf) {
          for (let c = 0; c < V; c++) {
            sumRight[c] = sumMiss[c];
            sumLeft[c] = sumTotal[c] - sumMiss[c];
          }
          let proxy: number;
          if (classification) proxy = -wR * classImpurityOut(entropy, sumRight, K, nOut, wR) - wL * classImpurityOut(entropy, sumLeft, K, nOut, wL);
          else proxy = multiRegressionProxy(sumTotal, sumLeft, nOut, wL, wR, friedman, poisson);
          if (proxy > bestProxy) {
            bestProxy = proxy;
            bestFeature = f;
            bestPos = endNM;
            bestThreshold = Infinity;
            bestMissLeft = false;
            bestNMiss = nMiss;
            if (classification || !single) bestLeftSums.set(sumLeft);
          }
        }
      }
    }

    if (mae) {
      for (let p = start; p < end; p++) {
        const i = order[p];
        for (let k = 0; k < nOut; k++) fenAdd(ftw, fty, fOff[k], uOff[k + 1] - uOff[k], rank[i * nOut + k], -w[i], -w[i] * yr[i * nOut + k]);
      }
    }
    if (bestFeature < 0 || bestPos >= end) return id;

    // Which samples go left: the best feature's first `bestPos - start` non-missing ones, and its
    // missing ones when they go left.
    const ordB = random === undefined ? bestFeature * m : 0;
    const endNMB = end - bestNMiss;
    for (let p = start; p < bestPos; p++) isLeft[order[ordB + p]] = 1;
    for (let p = bestPos; p < endNMB; p++) isLeft[order[ordB + p]] = 0;
    const missFlag = bestMissLeft ? 1 : 0;
    for (let p = endNMB; p < end; p++) isLeft[order[ordB + p]] = missFlag;
    const nLeft = bestPos - start + (bestMissLeft ? bestNMiss : 0);

    // Children impurities and the weighted impurity decrease.
    let wL = 0;
    let sL = 0;
    let qL = 0;
    // The left samples are the best feature's [start, bestPos), and its missing ones when they go left.
    const leftEnd = bestMissLeft && bestNMiss > 0 ? end : bestPos;
    for (let p = start; p < leftEnd; p++) {
      const i = order[ordB + p];
      if (isLeft[i] === 0) continue;
      const wi = w[i];
      wL += wi;
      if (!classification) {
        if (single) {
          sL += wi * yr[i];
          qL += wi * yr[i] * yr[i];
        } else for (let k = 0; k < nOut; k++) qL += wi * yr[i * nOut + k] * yr[i * nOut + k];
      }
    }
    const wR = wN - wL;

    // Partition every feature's order stably: left samples first, in their sorted order (the best
    // feature's own order is already so unless its missing samples go left).
    for (let f = 0; random === undefined && f < d; f++) {
      if (f === bestFeature && !(bestMissLeft && bestNMiss > 0)) continue;
      const ord = f * m;
      // A feature without missing values that is constant in the node is constant in every node
      // below it, where no split reads its order beyond that test (which its unpartitioned segment
      // still passes): skip it. Feature 0's order is always kept: node statistics are read from it.
      if (f !== 0 && hasMissing[f] === 0 && X[f * n + order[ord + end - 1]] <= X[f * n + order[ord + start]] + FEATURE_THRESHOLD) continue;
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
    const pos = start + nLeft;

    let impL: number;
    let impR: number;
    if (mae) {
      impL = maeOf(ordB + start, ordB + pos, null, 0) / (wL * nOut);
      impR = maeOf(ordB + pos, ordB + end, null, 0) / (wR * nOut);
    } else if (classification) {
      for (let c = 0; c < V; c++) sumRight[c] = sumTotal[c] - bestLeftSums[c];
      impL = classImpurityOut(entropy, bestLeftSums, K, nOut, wL);
      impR = classImpurityOut(entropy, sumRight, K, nOut, wR);
    } else if (single && !poisson) {
      const mL = sL / wL;
      const mR = (sumY - sL) / wR;
      impL = qL / wL - mL * mL;
      impR = (sqY - qL) / wR - mR * mR;
    } else {
      if (single) bestLeftSums[0] = sL;
      for (let k = 0; k < nOut; k++) sumRight[k] = sumTotal[k] - bestLeftSums[k];
      if (poisson) {
        impL = poissonLoss(order, ordB + start, ordB + pos, yr, w, bestLeftSums, wL, nOut);
        impR = poissonLoss(order, ordB + pos, ordB + end, yr, w, sumRight, wR, nOut);
      } else {
        impL = qL / wL;
        impR = (sqY - qL) / wR;
        for (let k = 0; k < nOut; k++) {
          impL -= (bestLeftSums[k] / wL) * (bestLeftSums[k] / wL);
          impR -= (sumRight[k] / wR) * (sumRight[k] / wR);
        }
        impL /= nOut;
        impR /= nOut;
      }
    }
    let improvement: number;
    if (friedman) {
      // scikit-learn's FriedmanMSE decrease, the one minImpurityDecrease is compared with.
      let tL = 0;
      let tR = 0;
      if (single) {
        tL = sL;
        tR = sumY - sL;
      } else {
        for (let k = 0; k < nOut; k++) {
          tL += bestLeftSums[k];
          tR += sumTotal[k] - bestLeftSums[k];
        }
      }
      const diff = (wR * tL - wL * tR) / nOut;
      improvement = (diff * diff) / (wL * wR * wN);
    } else improvement = (wN / wTotal) * (impurity - (wR / wN) * impR - (wL / wN) * impL);
    if (improvement + EPSILON < o.minImpurityDecrease) {
      // Not split after all: the orders keep the partition, which no other node reads.
      return id;
    }

    store.feature[id] = bestFeature;
    store.threshold[id] = bestThreshold;
    store.missLeft[id] = missFlag;
    resLeaf = false;
    resPos = pos;
    resImpL = impL;
    resImpR = impR;
    resImprovement = improvement;
    return id;
  };

  let deepest = 0;
  const maxLeafNodes = o.maxLeafNodes ?? Infinity;
  if (maxLeafNodes === Infinity) {
    // Depth first: a stack of nodes to make (start, end, depth, parent, isLeft, impurity; NaN for the root).
    const stack: number[] = [0, m, 0, -1, 0, NaN];
    while (stack.length > 0) {
      const impurityIn = stack.pop() as number;
      const asLeft = stack.pop() as number;
      const parent = stack.pop() as number;
      const depth = stack.pop() as number;
      const end = stack.pop() as number;
      const start = stack.pop() as number;
      const id = splitNode(start, end, depth, parent, asLeft === 1, impurityIn);
      if (depth > deepest) deepest = depth;
      if (resLeaf) continue;
      // Right pushed first so that the left child is grown (and numbered) next.
      stack.push(resPos, end, depth + 1, id, 0, resImpR);
      stack.push(start, resPos, depth + 1, id, 1, resImpL);
    }
    return store.finish(deepest);
  }

  // Best first: every node is made (and its split searched) when its parent is expanded; the
  // frontier expands the node of largest improvement while the leaf budget lasts.
  const record = (id: number, start: number, end: number, depth: number): FrontierRecord => ({
    id,
    start,
    end,
    pos: resPos,
    depth,
    isLeaf: resLeaf,
    impurityLeft: resImpL,
    impurityRight: resImpR,
    improvement: resImprovement,
  });
  let maxSplitNodes = maxLeafNodes - 1;
  const heap: FrontierRecord[] = [];
  heapPush(heap, record(splitNode(0, m, 0, -1, true, NaN), 0, m, 0));
  while (heap.length > 0) {
    const rec = heapPop(heap);
    if (rec.isLeaf || maxSplitNodes <= 0) {
      const id = rec.id;
      store.left[id] = -1;
      store.right[id] = -1;
      store.feature[id] = -2;
      store.threshold[id] = -2;
      store.missLeft[id] = 0;
    } else {
      maxSplitNodes--;
      const left = record(splitNode(rec.start, rec.pos, rec.depth + 1, rec.id, true, rec.impurityLeft), rec.start, rec.pos, rec.depth + 1);
      const right = record(splitNode(rec.pos, rec.end, rec.depth + 1, rec.id, false, rec.impurityRight), rec.pos, rec.end, rec.depth + 1);
      heapPush(heap, left);
      heapPush(heap, right);
    }
    if (rec.depth > deepest) deepest = rec.depth;
  }
  return store.finish(deepest);
}

/** The regression proxy improvement of a split for several outputs (or from sums arrays). */
function multiRegressionProxy(sumTotal: Float64Array, sumLeft: Float64Array, nOut: number, wL: number, wR: number, friedman: boolean, poisson: boolean): number {
  if (friedman) {
    let tL = 0;
    let tR = 0;
    for (let k = 0; k < nOut; k++) {
      tL += sumLeft[k];
      tR += sumTotal[k] - sumLeft[k];
    }
    const diff = wR * tL - wL * tR;
    return (diff * diff) / (wL * wR);
  }
  if (poisson) {
    let proxy = 0;
    for (let k = 0; k < nOut; k++) {
      const sL = sumLeft[k];
      const sR = sumTotal[k] - sL;
      if (sL <= EPSILON || sR <= EPSILON) return -Infinity;
      proxy += sL * Math.log(sL / wL) + sR * Math.log(sR / wR);
    }
    return proxy;
  }
  let qL = 0;
  let qR = 0;
  for (let k = 0; k < nOut; k++) {
    const sR = sumTotal[k] - sumLeft[k];
    qL += sumLeft[k] * sumLeft[k];
    qR += sR * sR;
  }
  return qL / wL + qR / wR;
}

/**
 * The leaf each row of `X` falls into (its values compared as float32, as in scikit-learn; a
 * missing value follows the side its node learnt).
 */
export function applyTree(tree: TreeArrays, Xr: RowMajor): Int32Array {
  const { data: X, rows, cols } = Xr;
  const out = new Int32Array(rows);
  const { childrenLeft, childrenRight, feature, threshold, missingGoToLeft } = tree;
  for (let r = 0; r < rows; r++) {
    const off = r * cols;
    let node = 0;
    while (childrenLeft[node] !== -1) {
      const x = Math.fround(X[off + feature[node]]);
      if (x <= threshold[node]) node = childrenLeft[node];
      else if (x !== x && missingGoToLeft[node] === 1) node = childrenLeft[node];
      else node = childrenRight[node];
    }
    out[r] = node;
  }
  return out;
}

/** The nodes each row of `X` passes through, root to leaf, as a CSR indicator (`indptr`, `indices`). */
export function treeDecisionPath(tree: TreeArrays, Xr: RowMajor): { indptr: Int32Array; indices: Int32Array } {
  const { data: X, rows, cols } = Xr;
  const { childrenLeft, childrenRight, feature, threshold, missingGoToLeft } = tree;
  const indptr = new Int32Array(rows + 1);
  let indices = new Int32Array(Math.max(16, rows * Math.min(tree.maxDepth + 1, 16)));
  let k = 0;
  for (let r = 0; r < rows; r++) {
    const off = r * cols;
    let node = 0;
    for (;;) {
      if (k === indices.length) {
        const grown = new Int32Array(indices.length * 2);
        grown.set(indices);
        indices = grown;
      }
      indices[k++] = node;
      if (childrenLeft[node] === -1) break;
      const x = Math.fround(X[off + feature[node]]);
      if (x <= threshold[node] || (x !== x && missingGoToLeft[node] === 1)) node = childrenLeft[node];
      else node = childrenRight[node];
    }
    indptr[r + 1] = k;
  }
  return { indptr, indices: indices.slice(0, k) };
}

/**
 * Mean decrease in impurity per feature (the decrease divided by the root's weight), normalized to
 * sum to 1 (all zeros for a single leaf) unless `normalize` is false: scikit-learn's
 * `compute_feature_importances(normalize)`; gradient boosting averages the unnormalized ones.
 */
export function featureImportances(tree: TreeArrays, nFeatures: number, normalize = true): Float64Array {
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
  if (normalize && s > 0) for (let f = 0; f < nFeatures; f++) imp[f] /= s;
  return imp;
}

/** A column-major float32 copy of row-major data (the builder's input; NaN stays NaN). */
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
 * `presorted` option (data without missing values), made once and shared by every tree of a forest.
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
