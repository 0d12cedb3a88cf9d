/**
 * The boosting loop of histogram gradient boosting, free of the estimator API: from binned
 * training data, targets and a loss, it grows `maxIter` iterations of K trees (one per raw output)
 * on the gradients and hessians of the loss at the current raw predictions, each tree's leaves
 * shrunk by the learning rate, and stops early when the score (minus the loss, or a scorer's) has
 * not improved by more than `tol` over the last `nIterNoChange` iterations.
 */
import { TreeGrower } from './grower';
import type { HistLoss } from './losses';
import { TreeCollector, addTreePrediction, type HistTrees } from './predictor';
import type { BinMapping } from './binning';

/** The options of the loop. */
export interface BoostingOptions {
  learningRate: number;
  maxIter: number;
  maxLeafNodes: number | null;
  maxDepth: number | null;
  minSamplesLeaf: number;
  l2Regularization: number;
  monotonicCst: Int8Array;
  earlyStopping: boolean;
  nIterNoChange: number;
  tol: number;
  /** Called after every iteration with its number in this run (from 1); what it throws ends the fit. */
  onIteration?: (iteration: number) => void;
}

/** Raw data a score is computed on: row-major X (n x d), targets and weights. */
export interface ScoreSet {
  X: Float64Array;
  n: number;
  y: Float64Array;
  w: Float64Array | null;
}

/**
 * How iterations are scored for early stopping: by the loss (on the training raw predictions
 * kept by the loop, and on `validation` when given), or by a scorer of raw predictions on the
 * given sets.
 */
export interface EarlyStopping {
  validation: ScoreSet | null;
  /** A scorer of the raw predictions of a set; null scores by minus the loss. */
  scorer: ((raw: Float64Array, set: ScoreSet) => number) | null;
  /** The (sub)set of training rows the scorer sees (the scorer only). */
  smallTrain: ScoreSet | null;
}

/** What the loop learns. */
export interface BoostingResult {
  baseline: Float64Array;
  trees: HistTrees;
  nIter: number;
  trainScore: number[];
  validationScore: number[];
}

/** A warm start: the model of an earlier fit, continued. */
export interface WarmStart {
  baseline: Float64Array;
  trees: HistTrees;
  nIter: number;
  trainScore: number[];
  validationScore: number[];
}

/** Whether the last `nIterNoChange` scores failed to beat the one before them by more than `tol`. */
export function shouldStop(scores: readonly number[], nIterNoChange: number, tol: number): boolean {
  const ref = nIterNoChange + 1;
  if (scores.length < ref) return false;
  const reference = scores[scores.length - ref] + tol;
  for (let k = scores.length - ref + 1; k < scores.length; k++) if (scores[k] > reference) return false;
  return true;
}

/** Raw predictions of a model on row-major X: the baseline plus every tree's value. */
export function rawPredict(trees: HistTrees, baseline: Float64Array, X: Float64Array, n: number, d: number, known: Uint32Array, nTrees = trees.treeStart.length - 1): Float64Array {
  const K = baseline.length;
  const raw = new Float64Array(n * K);
  for (let k = 0; k < K; k++) raw.fill(baseline[k], k * n, (k + 1) * n);
  for (let t = 0; t < nTrees; t++) addTreePrediction(trees, t, X, n, d, known, raw, (t % K) * n);
  return raw;
}

/**
 * Runs the loop. `binned` is the column-major binned training data (n x d), `X` the same rows
 * raw (row-major, for warm starts), `y` the encoded targets (class indices for log loss), `w`
 * the sample weights or null. `known` is the 256-bit set of categories of each feature.
 */
export function boost(
  binned: Uint8Array,
  X: Float64Array,
  n: number,
  d: number,
  y: Float64Array,
  w: Float64Array | null,
  mapping: BinMapping,
  known: Uint32Array,
  loss: HistLoss,
  o: BoostingOptions,
  stopping: EarlyStopping,
  warm: WarmStart | null,
): BoostingResult {
  const K = loss.K;
  const hasMissing = new Uint8Array(d);
  for (let f = 0; f < d; f++) {
    const col = f * n;
    for (let i = 0; i < n; i++) {
      if (binned[col + i] === mapping.maxBins) {
        hasMissing[f] = 1;
        break;
      }
    }
  }
  const grower = new TreeGrower(binned, n, d, {
    nFeatures: d,
    nBinsNonMissing: mapping.nBinsNonMissing,
    missingBin: mapping.maxBins,
    hasMissing,
    isCategorical: mapping.isCategorical,
    monotonicCst: o.monotonicCst,
    l2Regularization: o.l2Regularization,
    minHessianToSplit: 1e-3,
    minSamplesLeaf: o.minSamplesLeaf,
    constantHessian: loss.constantHessian && w === null,
    maxLeafNodes: o.maxLeafNodes,
    maxDepth: o.maxDepth,
    shrinkage: o.learningRate,
  });
  grower.thresholds = mapping.thresholds;
  const collector = new TreeCollector(warm?.trees);
  const baseline = warm ? warm.baseline : loss.baseline(y, w);
  const trainScore = warm ? warm.trainScore.slice() : [];
  const validationScore = warm ? warm.validationScore.slice() : [];
  let nIter = warm ? warm.nIter : 0;
  const raw = warm ? rawPredict(warm.trees, baseline, X, n, d, known) : new Float64Array(n * K);
  if (!warm) for (let k = 0; k < K; k++) raw.fill(baseline[k], k * n, (k + 1) * n);
  const val = stopping.validation;
  const small = stopping.smallTrain;
  let rawVal: Float64Array | null = null;
  let rawSmall: Float64Array | null = null;
  if (o.earlyStopping) {
    const current = warm ? warm.trees : collector.finish();
    if (val) rawVal = rawPredict(current, baseline, val.X, val.n, d, known);
    if (stopping.scorer && small) rawSmall = rawPredict(current, baseline, small.X, small.n, d, known);
  }
  const record = (): boolean => {
    if (stopping.scorer) {
      trainScore.push(stopping.scorer(rawSmall!, small!));
      if (val) validationScore.push(stopping.scorer(rawVal!, val));
    } else {
      trainScore.push(-loss.loss(y, raw, w));
      if (val) validationScore.push(-loss.loss(val.y, rawVal!, val.w));
    }
    return shouldStop(val ? validationScore : trainScore, o.nIterNoChange, o.tol);
  };
  if (o.earlyStopping && !warm) record();
  const g = new Float32Array(n * K);
  const h = new Float32Array(n * K);
  const categories = mapping.thresholds;
  const residuals = loss.updatesLeaves ? new Float64Array(n) : null;
  const leafW = loss.updatesLeaves && w !== null ? new Float64Array(n) : null;
  const partition = grower.partition;
  for (let it = nIter; it < o.maxIter; it++) {
    loss.gradients(y, raw, w, g, h);
    for (let k = 0; k < K; k++) {
      const gk = g.subarray(k * n, (k + 1) * n);
      const hk = h.subarray(k * n, (k + 1) * n);
      grower.grow(gk, hk, collector, categories);
      if (residuals !== null) {
        // Absolute error and quantile: each leaf takes the quantile of its residuals y − raw.
        for (const leaf of grower.leaves) {
          const m = leaf.stop - leaf.start;
          for (let i = 0; i < m; i++) {
            const s = partition[leaf.start + i];
            residuals[i] = y[s] - raw[k * n + s];
            if (leafW !== null) leafW[i] = w![s];
          }
          leaf.value = o.learningRate * loss.leafValue!(residuals.subarray(0, m), leafW === null ? null : leafW.subarray(0, m));
        }
      }
      grower.commit();
      const off = k * n;
      for (const leaf of grower.leaves) {
        const v = leaf.value;
        for (let i = leaf.start; i < leaf.stop; i++) raw[off + partition[i]] += v;
      }
    }
    nIter = it + 1;
    o.onIteration?.(nIter - (warm ? warm.nIter : 0));
    if (o.earlyStopping) {
      const trees = collector.finish();
      const nTrees = trees.treeStart.length - 1;
      for (let k = 0; k < K; k++) {
        const t = nTrees - K + k;
        if (rawVal !== null && val !== null) addTreePrediction(trees, t, val.X, val.n, d, known, rawVal, k * val.n);
        if (rawSmall !== null && small !== null) addTreePrediction(trees, t, small.X, small.n, d, known, rawSmall, k * small.n);
      }
      if (record()) break;
    }
  }
  return { baseline, trees: collector.finish(), nIter, trainScore, validationScore };
}
