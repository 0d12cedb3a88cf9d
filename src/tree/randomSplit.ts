/**
 * scikit-learn's RandomSplitter (`splitter='random'`, the split of extremely randomized trees), for
 * the CART builder in buildTree.ts: at a node, features are drawn as the best splitter draws them
 * (without replacement, until `maxFeatures` were visited and at least one was not constant), and
 * each drawn feature gets one threshold drawn uniformly between its smallest and largest value in
 * the node (the smallest when the draw lands on the largest); the split of best proxy improvement
 * among them is kept (the first of equal ones).
 *
 * Nothing needs sorting: the builder keeps one segment of the node's samples (in no particular
 * order), each drawn feature costs two passes over it (its extremes, then the two sides' sums),
 * and the segment is partitioned once, for the split kept. Free of module state, like the builder.
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
  /** The samples taking part; each node owns a segment, partitioned here for the split kept. */
  order: Int32Array;
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
 * target sum `sumY`), or undefined when no drawn feature gives a valid split. The node's segment of
 * `order` is left partitioned by the split returned (its left samples first), and the weighted class
 * counts of its left side are left in `leftCounts` (classification).
 */
export function randomSplit(c: RandomSplitContext, start: number, end: number, wN: number, sumTotal: Float64Array, sumY: number, leftCounts: Float64Array): RandomSplit | undefined {
  const { X, n, d, order, features, rng, w, K, yc, yr, sumSide, sumOther } = c;
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
    const col = f * n;
    let lo = X[col + order[start]];
    let hi = lo;
    for (let p = start + 1; p < end; p++) {
      const v = X[col + order[p]];
      if (v < lo) lo = v;
      else if (v > hi) hi = v;
    }
    if (hi <= lo + FEATURE_THRESHOLD) continue;
    nonConstant++;
    let threshold = rng.uniform(lo, hi);
    if (threshold === hi) threshold = lo;
    // The left side's size, weight and sums.
    let nL = 0;
    let wL = 0;
    let sL = 0;
    if (c.classification) sumSide.fill(0);
    for (let p = start; p < end; p++) {
      const i = order[p];
      if (X[col + i] > threshold) continue;
      nL++;
      const wi = w[i];
      wL += wi;
      if (c.classification) sumSide[yc[i]] += wi;
      else sL += wi * yr[i];
    }
    if (nL < c.minSamplesLeaf || end - start - nL < c.minSamplesLeaf) continue;
    const wR = wN - wL;
    if (wL < c.minWeightLeaf || wR < c.minWeightLeaf) continue;
    let proxy: number;
    if (c.classification) {
      for (let q = 0; q < K; q++) sumOther[q] = sumTotal[q] - sumSide[q];
      proxy = -wL * impurityOf(c.entropy, sumSide, K, wL) - wR * impurityOf(c.entropy, sumOther, K, wR);
    } else {
      const sR = sumY - sL;
      if (c.friedman) {
        const diff = wR * sL - wL * sR;
        proxy = (diff * diff) / (wL * wR);
      } else if (c.poisson) {
        proxy = sL <= EPSILON || sR <= EPSILON ? -Infinity : sL * Math.log(sL / wL) + sR * Math.log(sR / wR);
      } else proxy = (sL * sL) / wL + (sR * sR) / wR;
    }
    if (proxy > bestProxy) {
      bestProxy = proxy;
      best = { feature: f, pos: start + nL, threshold };
      if (c.classification) leftCounts.set(sumSide);
    }
  }
  if (best !== undefined) {
    // Left samples first (x <= threshold), as scikit-learn partitions them.
    const col = best.feature * n;
    let p = start;
    let q = end;
    while (p < q) {
      if (X[col + order[p]] <= best.threshold) p++;
      else {
        q--;
        const t = order[p];
        order[p] = order[q];
        order[q] = t;
      }
    }
  }
  return best;
}
