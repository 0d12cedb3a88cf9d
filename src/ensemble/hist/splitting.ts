/**
 * The split finder of histogram gradient boosting: from a node's histograms, the feature and bin
 * (or, for a categorical feature, the set of categories) whose split most reduces the
 * second-order loss approximation, as scikit-learn's `Splitter.find_node_split`.
 *
 * A child's value is −G / (H + λ) clipped to the node's bounds (monotonic constraints); the gain of
 * a split is `loss(node) − loss(left) − loss(right)` with `loss = G · value`. Numeric features are
 * scanned left to right with missing values sent right, and, when the feature had missing values
 * at fit, right to left with missing values sent left; the better of all candidates wins.
 * Categorical features are ordered by G / (H + 10) (categories with support under 10 are left out
 * and always go right) and scanned from both ends up to the middle.
 */
import { BIN_SLOTS } from './histogram';

/** The best split of a node, or `gain: -1` when none satisfies the constraints. */
export interface SplitInfo {
  gain: number;
  feature: number;
  bin: number;
  missingGoToLeft: boolean;
  sumGradientLeft: number;
  sumHessianLeft: number;
  sumGradientRight: number;
  sumHessianRight: number;
  nLeft: number;
  nRight: number;
  valueLeft: number;
  valueRight: number;
  isCategorical: boolean;
  /** For a categorical split: the bins going left, 8 words of 32 bits. */
  leftBins: Uint32Array | null;
}

/** What the split finder needs to know about the features and the constraints. */
export interface SplitterConfig {
  nFeatures: number;
  nBinsNonMissing: Int32Array;
  missingBin: number;
  hasMissing: Uint8Array;
  isCategorical: Uint8Array;
  /** Per feature: 1 increasing, −1 decreasing, 0 free. */
  monotonicCst: Int8Array;
  l2Regularization: number;
  minHessianToSplit: number;
  minSamplesLeaf: number;
  constantHessian: boolean;
}

/** The value of a node from its gradient and hessian sums, clipped to [lower, upper]. */
export function nodeValue(sumGradient: number, sumHessian: number, lower: number, upper: number, l2: number): number {
  let v = -sumGradient / (sumHessian + l2 + 1e-15);
  if (v < lower) v = lower;
  else if (v > upper) v = upper;
  return v;
}

/** An empty split (gain −1). */
export function emptySplit(): SplitInfo {
  return {
    gain: -1,
    feature: 0,
    bin: 0,
    missingGoToLeft: false,
    sumGradientLeft: 0,
    sumHessianLeft: 0,
    sumGradientRight: 0,
    sumHessianRight: 0,
    nLeft: 0,
    nRight: 0,
    valueLeft: 0,
    valueRight: 0,
    isCategorical: false,
    leftBins: null,
  };
}

/** The gain of a split, or −1 when the children's values break the monotonic constraint. */
function splitGain(gl: number, hl: number, gr: number, hr: number, lossNode: number, cst: number, lower: number, upper: number, l2: number): number {
  const vl = nodeValue(gl, hl, lower, upper, l2);
  const vr = nodeValue(gr, hr, lower, upper, l2);
  if ((cst === 1 && vl > vr) || (cst === -1 && vl < vr)) return -1;
  return lossNode - gl * vl - gr * vr;
}

/** Scratch reused by the categorical scan. */
const catBins = new Int32Array(BIN_SLOTS);
const catValues = new Float64Array(BIN_SLOTS);
const catOrder = new Int32Array(BIN_SLOTS);

/**
 * The best split of a node with `n` samples, sums `sumG` / `sumH`, (bounded) value `value` and
 * children bounds `lower` / `upper`, from its histograms `hist`.
 */
export function findNodeSplit(
  cfg: SplitterConfig,
  hist: Float64Array,
  n: number,
  sumG: number,
  sumH: number,
  value: number,
  lower: number,
  upper: number,
): SplitInfo {
  const best = emptySplit();
  const l2 = cfg.l2Regularization;
  const lossNode = value * sumG;
  for (let f = 0; f < cfg.nFeatures; f++) {
    const base = f * BIN_SLOTS * 3;
    const cst = cfg.monotonicCst[f];
    const hasMissing = cfg.hasMissing[f] === 1;
    if (cfg.isCategorical[f] === 1) {
      const r = categoricalSplit(cfg, hist, base, f, n, sumG, sumH, lossNode, cst, lower, upper);
      if (r !== null && r.gain > best.gain) Object.assign(best, r);
      continue;
    }
    // Left to right (missing values, if any, go right), then right to left (they go left).
    const nb = cfg.nBinsNonMissing[f];
    const scan = scanState;
    scan.gain = -1;
    scanBins(cfg, hist, base, nb - 1 + (hasMissing ? 1 : 0), true, n, sumG, sumH, lossNode, cst, lower, upper);
    if (hasMissing) scanBins(cfg, hist, base, nb - 1, false, n, sumG, sumH, lossNode, cst, lower, upper);
    const fGain = scan.gain;
    const fBin = scan.bin;
    const fMissingLeft = scan.missingLeft;
    const fGL = scan.gl;
    const fHL = scan.hl;
    const fNL = scan.nl;
    if (fGain > best.gain) {
      best.gain = fGain;
      best.feature = f;
      best.bin = fBin;
      best.missingGoToLeft = fMissingLeft;
      best.sumGradientLeft = fGL;
      best.sumHessianLeft = fHL;
      best.sumGradientRight = sumG - fGL;
      best.sumHessianRight = sumH - fHL;
      best.nLeft = fNL;
      best.nRight = n - fNL;
      best.isCategorical = false;
      best.leftBins = null;
    }
  }
  if (best.gain > -1) {
    best.valueLeft = nodeValue(best.sumGradientLeft, best.sumHessianLeft, lower, upper, l2);
    best.valueRight = nodeValue(best.sumGradientRight, best.sumHessianRight, lower, upper, l2);
  }
  return best;
}

/** The best split of the numeric feature being scanned (module scratch: no allocation per node). */
const scanState = { gain: -1, bin: 0, missingLeft: false, gl: 0, hl: 0, nl: 0 };

/**
 * Scans the `count` split points of one numeric feature in one direction, updating
 * {@link scanState} when a split beats it. Left to right, bins 0..b go left and missing values
 * right; right to left, bins b+1.. go right and missing values left. The side being accumulated
 * ("near") is checked first, so a split that leaves the far side too small ends the scan.
 */
function scanBins(
  cfg: SplitterConfig,
  hist: Float64Array,
  base: number,
  count: number,
  leftToRight: boolean,
  n: number,
  sumG: number,
  sumH: number,
  lossNode: number,
  cst: number,
  lower: number,
  upper: number,
): void {
  const constH = cfg.constantHessian;
  const msl = cfg.minSamplesLeaf;
  const mh = cfg.minHessianToSplit;
  const l2 = cfg.l2Regularization;
  let gNear = 0;
  let hNear = 0;
  let nNear = 0;
  for (let k = 0; k < count; k++) {
    const bin = leftToRight ? k : count - 1 - k;
    const o = base + (leftToRight ? bin : bin + 1) * 3;
    const c = hist[o + 2];
    nNear += c;
    const nFar = n - nNear;
    hNear += constH ? c : hist[o + 1];
    const hFar = sumH - hNear;
    gNear += hist[o];
    const gFar = sumG - gNear;
    if (nNear < msl) continue;
    if (nFar < msl) break;
    if (hNear < mh) continue;
    if (hFar < mh) break;
    const gl = leftToRight ? gNear : gFar;
    const hl = leftToRight ? hNear : hFar;
    const gain = splitGain(gl, hl, leftToRight ? gFar : gNear, leftToRight ? hFar : hNear, lossNode, cst, lower, upper, l2);
    if (gain > scanState.gain && gain > 0) {
      scanState.gain = gain;
      scanState.bin = bin;
      scanState.missingLeft = !leftToRight;
      scanState.gl = gl;
      scanState.hl = hl;
      scanState.nl = leftToRight ? nNear : nFar;
    }
  }
}

/** The smallest support (sum of hessians, scaled to counts) a category needs to be ordered. */
const MIN_CAT_SUPPORT = 10;

/** The best split of a categorical feature, or null. */
function categoricalSplit(
  cfg: SplitterConfig,
  hist: Float64Array,
  base: number,
  f: number,
  n: number,
  sumG: number,
  sumH: number,
  lossNode: number,
  cst: number,
  lower: number,
  upper: number,
): SplitInfo | null {
  const constH = cfg.constantHessian;
  const support = n / sumH;
  let used = 0;
  const consider = (b: number): void => {
    const o = base + b * 3;
    const h = constH ? hist[o + 2] : hist[o + 1];
    if (h * support >= MIN_CAT_SUPPORT) {
      catBins[used] = b;
      catValues[used] = hist[o] / (h + MIN_CAT_SUPPORT);
      used++;
    }
  };
  const nb = cfg.nBinsNonMissing[f];
  for (let b = 0; b < nb; b++) consider(b);
  if (cfg.hasMissing[f] === 1) consider(cfg.missingBin);
  if (used <= 1) return null;
  for (let i = 0; i < used; i++) catOrder[i] = i;
  const order = Array.from(catOrder.subarray(0, used)).sort((a, b) => catValues[a] - catValues[b] || a - b);
  const msl = cfg.minSamplesLeaf;
  const mh = cfg.minHessianToSplit;
  const l2 = cfg.l2Regularization;
  let bestGain = -1;
  let bestThresh = 0;
  let bestDir = 0;
  let bestGL = 0;
  let bestHL = 0;
  let bestNL = 0;
  for (const dir of [1, -1]) {
    const middle = dir === 1 ? (used + 1) >> 1 : ((used + 1) >> 1) - 1;
    let gl = 0;
    let hl = 0;
    let nl = 0;
    for (let i = 0; i < middle; i++) {
      const s = dir === 1 ? i : used - 1 - i;
      const o = base + catBins[order[s]] * 3;
      const c = hist[o + 2];
      nl += c;
      const nr = n - nl;
      hl += constH ? c : hist[o + 1];
      const hr = sumH - hl;
      gl += hist[o];
      const gr = sumG - gl;
      if (nl < msl || hl < mh) continue;
      if (nr < msl || hr < mh) break;
      const gain = splitGain(gl, hl, gr, hr, lossNode, cst, lower, upper, l2);
      if (gain > bestGain && gain > 0) {
        bestGain = gain;
        bestThresh = s;
        bestDir = dir;
        bestGL = gl;
        bestHL = hl;
        bestNL = nl;
      }
    }
  }
  if (bestGain <= -1) return null;
  const leftBins = new Uint32Array(8);
  const from = bestDir === 1 ? 0 : bestThresh;
  const to = bestDir === 1 ? bestThresh : used - 1;
  for (let s = from; s <= to; s++) {
    const b = catBins[order[s]];
    leftBins[b >>> 5] |= 1 << (b & 31);
  }
  const mb = cfg.missingBin;
  return {
    gain: bestGain,
    feature: f,
    bin: 0,
    missingGoToLeft: cfg.hasMissing[f] === 1 && (leftBins[mb >>> 5] & (1 << (mb & 31))) !== 0,
    sumGradientLeft: bestGL,
    sumHessianLeft: bestHL,
    sumGradientRight: sumG - bestGL,
    sumHessianRight: sumH - bestHL,
    nLeft: bestNL,
    nRight: n - bestNL,
    valueLeft: 0,
    valueRight: 0,
    isCategorical: true,
    leftBins,
  };
}
