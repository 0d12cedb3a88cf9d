/**
 * scikit-learn's RandomSplitter (`splitter='random'`, the split of extremely randomized trees), for
 * the CART builder in buildTree.ts: at a node, features are drawn as the best splitter draws them
 * (without replacement, until `maxFeatures` were visited and at least one was not constant), and
 * each drawn feature gets one threshold drawn uniformly between its smallest and largest value in
 * the node (the smallest when the draw lands on the largest); the split of best proxy improvement
 * among them is kept (the first of equal ones).
 *
 * The builder keeps every feature's samples sorted within each node, so the smallest and largest
 * values are the ends of the node's segment, the split position is a binary search, and the side
 * statistics are one scan of the smaller side: no pass over the node per feature beyond that.
 * Free of module state, like the builder.
 */
import type { RandomState } from '../core/random';

const FEATURE_THRESHOLD = 1e-7;
const EPSILON = 2.220446049250313e-16;
const LN2 = Math.LN2;

/** What the random split search reads of the builder's state (the same for every node of a tree). */
export interface RandomSplitContext {
  /** Column-major float32 data, `n` rows. */
  X: Float32Array;
  n: number;
  d: number;
  /** Each feature's order of the `m` samples taking part, node segments kept sorted. */
  order: Int32Array;
  m: number;
  /** The features, permuted in place as they are drawn (shared with the best splitter). */
  features: Int32Array;
  rng: RandomState;
  maxFeatures: number;
  minSamplesLeaf: number;
  minWeightLeaf: number;
  w: Float64Array;
  /** Class codes (classification) with `K` classes, or real targets (`yr`, K = 1). */
  classification: boolean;
  K: number;
  yc: Int32Array;
  yr: Float64Array;
  entropy: boolean;
  friedman: boolean;
  poisson: boolean;
  /** Scratch: weighted class counts of the scanned side, and of the other side. */
  sumSide: Float64Array;
  sumOther: Float64Array;
}

/** The split found: feature, position in the node's sorted segment of that feature, threshold. */
export interface RandomSplit {
  feature: number;
  pos: number;
  threshold: number;
}

/** Gini or entropy of weighted class counts `c` with total weight `w` (as the builder's). */
function impurityOf(entropy: boolean, c: Float64Array, K: number, w: number): number {
  if (entropy) {
    let h = 0;
    for (let k = 0; k < K; k++) {
      if (c[k] > 0) {
        const p = c[k] / w;
        h -= p * (Math.log(p) / LN2);
      }
    }
    return h;
  }
  let sq = 0;
  for (let k = 0; k < K; k++) sq += c[k] * c[k];
  return 1 - sq / (w * w);
}

/**
 * The random split of the node `[start, end)` (weight `wN`, weighted class counts `sumTotal` or
 * target sum `sumY`), or undefined when no drawn feature gives a valid split. The weighted class
 * counts of the left child of the split returned are left in `leftCounts` (classification).
 */
export function randomSplit(c: RandomSplitContext, start: number, end: number, wN: number, sumTotal: Float64Array, sumY: number, leftCounts: Float64Array): RandomSplit | undefined {
  const { X, n, d, order, m, features, rng, w, K, yc, yr, sumSide, sumOther } = c;
  let best: RandomSplit | undefined;
  let bestProxy = -Infinity;
  let visited = 0;
  let nonConstant = 0;
  for (let k = 0; k < d && (visited < c.maxFeatures || nonConstant === 0); k++) {
    const j = k + rng.randint(d - k);
    const f = features[j];
    features[j] = features[k];
    features[k] = f;
    visited++;
    const ord = f * m;
    const col = f * n;
    const lo = X[col + order[ord + start]];
    const hi = X[col + order[ord + end - 1]];
    if (hi <= lo + FEATURE_THRESHOLD) continue;
    nonConstant++;
    let threshold = rng.uniform(lo, hi);
    if (threshold === hi) threshold = lo;
    // The first position whose value exceeds the threshold (the segment is sorted on f).
    let a = start;
    let b = end - 1;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if (X[col + order[ord + mid]] <= threshold) a = mid + 1;
      else b = mid;
    }
    const pos = a;
    if (pos - start < c.minSamplesLeaf || end - pos < c.minSamplesLeaf) continue;
    // Sum over the smaller side; the other side is the node's total minus it.
    const leftSmaller = pos - start <= end - pos;
    const from = leftSmaller ? start : pos;
    const to = leftSmaller ? pos : end;
    let wS = 0;
    let sS = 0;
    if (c.classification) sumSide.fill(0);
    for (let p = ord + from; p < ord + to; p++) {
      const i = order[p];
      const wi = w[i];
      wS += wi;
      if (c.classification) sumSide[yc[i]] += wi;
      else sS += wi * yr[i];
    }
    const wO = wN - wS;
    const wL = leftSmaller ? wS : wO;
    const wR = leftSmaller ? wO : wS;
    if (wL < c.minWeightLeaf || wR < c.minWeightLeaf) continue;
    let proxy: number;
    if (c.classification) {
      for (let q = 0; q < K; q++) sumOther[q] = sumTotal[q] - sumSide[q];
      proxy = -wS * impurityOf(c.entropy, sumSide, K, wS) - wO * impurityOf(c.entropy, sumOther, K, wO);
    } else {
      const sO = sumY - sS;
      const sL = leftSmaller ? sS : sO;
      const sR = leftSmaller ? sO : sS;
      if (c.friedman) {
        const diff = wR * sL - wL * sR;
        proxy = (diff * diff) / (wL * wR);
      } else if (c.poisson) {
        proxy = sL <= EPSILON || sR <= EPSILON ? -Infinity : sL * Math.log(sL / wL) + sR * Math.log(sR / wR);
      } else proxy = (sL * sL) / wL + (sR * sR) / wR;
    }
    if (proxy > bestProxy) {
      bestProxy = proxy;
      best = { feature: f, pos, threshold };
      if (c.classification) leftCounts.set(leftSmaller ? sumSide : sumOther);
    }
  }
  return best;
}
