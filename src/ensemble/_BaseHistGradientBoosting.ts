/**
 * What HistGradientBoostingClassifier and HistGradientBoostingRegressor share: the options, input
 * checks (categorical features, monotonic constraints), the validation split for early stopping,
 * binning, the boosting loop, warm starts, the fitted state and its rules on load.
 */
import { ProgressReporter, type FitControl } from '../core/fitControl';
import { BaseEstimator } from '../core/base';
import { ValidationError, describeValue } from '../core/errors';
import { arrayOf, bool, int, nullable, num, oneOf, randomStateSpec, union, type ParamSpec } from '../core/params';
import type { Scorer } from '../metrics/scorer';
import { singleScoringSpec } from '../model_selection/scoring';
import { RandomState } from '../core/random';
import { float64Array, nFeaturesIn, stateRule, typedArray, type StateSchema } from '../core/stateSchema';
import { takeRows, type RowMajor } from '../core/data/index';
import type { Label, MatrixLike } from '../core/types';
import { trainTestSplit } from '../model_selection/trainTestSplit';
import { applyBins, fitBins } from './hist/binning';
import { boost, rawPredict, type EarlyStopping, type ScoreSet } from './hist/boosting';
import type { HistLoss } from './hist/losses';
import { addTreePrediction, type HistTrees } from './hist/predictor';

/** Options both histogram gradient boosting estimators take. */
export interface BaseHistGradientBoostingOptions {
  /** The shrinkage of each tree's leaf values, > 0. @defaultValue 0.1 */
  learningRate: number;
  /** The number of boosting iterations (trees per output), ≥ 1. @defaultValue 100 */
  maxIter: number;
  /** The most leaves a tree may have (≥ 2), or null for no limit. @defaultValue 31 */
  maxLeafNodes: number | null;
  /** The deepest a leaf may be (≥ 1), or null for no limit. @defaultValue null */
  maxDepth: number | null;
  /** The fewest samples a leaf may hold, ≥ 1. @defaultValue 20 */
  minSamplesLeaf: number;
  /** L2 penalty on the leaf values, ≥ 0. @defaultValue 0 */
  l2Regularization: number;
  /** Bins per feature for non-missing values, in [2, 255]; missing values get one more. @defaultValue 255 */
  maxBins: number;
  /**
   * The categorical features: indices, or a boolean mask of length nFeatures; null for none. Their
   * values must be integers in [0, maxBins) (NaN for missing). At predict time a category not seen
   * at fit is treated as a missing value. @defaultValue null
   */
  categoricalFeatures: number[] | boolean[] | null;
  /**
   * Per feature: 1 (prediction increases with it), −1 (decreases) or 0 (free); null for none.
   * Not for categorical features nor multiclass classification. @defaultValue null
   */
  monotonicCst: number[] | null;
  /** Keep the trees of the previous fit and add iterations up to `maxIter`. @defaultValue false */
  warmStart: boolean;
  /** Stop when the score stops improving: true, false, or 'auto' (on above 10 000 samples). @defaultValue 'auto' */
  earlyStopping: 'auto' | boolean;
  /**
   * The early-stopping score: 'loss' (minus the loss), a scorer name ('accuracy', 'r2', …) or
   * function, or null for the estimator's `score`. @defaultValue 'loss'
   */
  scoring: 'loss' | string | Scorer | null;
  /**
   * The share (in (0, 1)) or count (≥ 1) of samples held out to score early stopping; null scores
   * on the training data. @defaultValue 0.1
   */
  validationFraction: number | null;
  /** Stop when the last this many scores do not beat the one before them by more than `tol`. @defaultValue 10 */
  nIterNoChange: number;
  /** The improvement early stopping asks for, ≥ 0. @defaultValue 1e-7 */
  tol: number;
  /** Seed of the validation split and of the binning subsample (above 200 000 rows). @defaultValue null */
  randomState: number | null;
}

/** The parameter rules of {@link BaseHistGradientBoostingOptions}. */
export const baseHistSchema: Record<keyof BaseHistGradientBoostingOptions, ParamSpec> = {
  learningRate: num({ min: 0, minInclusive: false }),
  maxIter: int({ min: 1 }),
  maxLeafNodes: nullable(int({ min: 2 })),
  maxDepth: nullable(int({ min: 1 })),
  minSamplesLeaf: int({ min: 1 }),
  l2Regularization: num({ min: 0 }),
  maxBins: int({ min: 2, max: 255 }),
  categoricalFeatures: nullable(union(arrayOf(int({ min: 0 })), arrayOf(bool()))),
  monotonicCst: nullable(arrayOf(oneOf(-1, 0, 1))),
  warmStart: bool(),
  earlyStopping: union(oneOf('auto'), bool()),
  scoring: union(oneOf('loss'), singleScoringSpec),
  validationFraction: nullable(union(int({ min: 1 }), num({ min: 0, max: 1, minInclusive: false, maxInclusive: false }))),
  nIterNoChange: int({ min: 1 }),
  tol: num({ min: 0 }),
  randomState: randomStateSpec,
};

/** The defaults of {@link BaseHistGradientBoostingOptions} (scikit-learn's). */
export const baseHistDefaults: BaseHistGradientBoostingOptions = {
  learningRate: 0.1,
  maxIter: 100,
  maxLeafNodes: 31,
  maxDepth: null,
  minSamplesLeaf: 20,
  l2Regularization: 0,
  maxBins: 255,
  categoricalFeatures: null,
  monotonicCst: null,
  warmStart: false,
  earlyStopping: 'auto',
  scoring: 'loss',
  validationFraction: 0.1,
  nIterNoChange: 10,
  tol: 1e-7,
  randomState: null,
};

/** The fitted state of a histogram gradient boosting model. */
export interface HistState {
  nFeaturesIn: number;
  /** The raw prediction before any tree, one per output. */
  baseline: Float64Array;
  trees: HistTrees;
  /** Per feature, the 256-bit set of categories seen at fit (all zero for numeric features). */
  knownCategories: Uint32Array;
  nIter: number;
  trainScore: Float64Array;
  validationScore: Float64Array;
  /** The seed drawn at the first fit (kept by warm starts, as scikit-learn's `_random_seed`). */
  seed: number;
}

/** What is wrong with loaded trees, or undefined when they are sound. */
function treesProblem(t: unknown, d: number, nTrees: number): string | undefined {
  if (t === null || typeof t !== 'object') return 'an object';
  const tr = t as Partial<HistTrees>;
  const ints = [tr.feature, tr.left, tr.right, tr.catIndex];
  if (!(tr.treeStart instanceof Int32Array) || tr.treeStart.length !== nTrees + 1) return `treeStart, an Int32Array of nIter · nTreesPerIteration + 1 (${nTrees + 1}) entries`;
  const c = tr.treeStart[nTrees];
  if (!ints.every((a) => a instanceof Int32Array && a.length === c)) return 'feature, left, right, catIndex: Int32Arrays of one entry per node';
  if (!(tr.threshold instanceof Float64Array && tr.threshold.length === c)) return 'threshold, a Float64Array of one entry per node';
  if (!(tr.value instanceof Float64Array && tr.value.length === c)) return 'value, a Float64Array of one entry per node';
  if (!(tr.missingGoToLeft instanceof Uint8Array && tr.missingGoToLeft.length === c)) return 'missingGoToLeft, a Uint8Array of one entry per node';
  if (!(tr.catBitsets instanceof Uint32Array) || tr.catBitsets.length % 8 !== 0) return 'catBitsets, a Uint32Array of 8 words per categorical split';
  const { treeStart, feature, left, right, catIndex, threshold, value, missingGoToLeft } = tr as HistTrees;
  const nSets = tr.catBitsets.length / 8;
  if (treeStart[0] !== 0) return 'treeStart starting at 0';
  for (let k = 0; k < nTrees; k++) {
    const a = treeStart[k];
    const b = treeStart[k + 1];
    if (!(b > a)) return 'trees of at least one node each';
    for (let node = a; node < b; node++) {
      const local = node - a;
      if (!Number.isFinite(value[node])) return 'finite leaf values';
      if (missingGoToLeft[node] > 1) return 'missingGoToLeft of 0 or 1';
      const f = feature[node];
      if (f === -1) {
        if (left[node] !== -1 || right[node] !== -1) return 'leaves without children';
        continue;
      }
      if (!(f >= 0 && f < d)) return `split features in [0, nFeaturesIn)`;
      if (!(left[node] > local && left[node] < b - a && right[node] > local && right[node] < b - a)) return `children after their parent, inside their tree`;
      if (Number.isNaN(threshold[node])) return 'thresholds that are not NaN';
      if (!(catIndex[node] >= -1 && catIndex[node] < nSets)) return 'catIndex −1 or the index of a category set';
    }
  }
  return undefined;
}

const nTreesOf = (state: Readonly<Record<string, unknown>>): number => {
  const b = state.baseline;
  const it = state.nIter;
  return b instanceof Float64Array && typeof it === 'number' ? it * b.length : NaN;
};

/** The state rules shared by both estimators (the classifier adds `classes` first). */
export function histStateSchema(nOutputs: (state: Readonly<Record<string, unknown>>) => number): StateSchema {
  return {
    nFeaturesIn: nFeaturesIn(),
    baseline: float64Array({ length: (c) => nOutputs(c.state) }),
    knownCategories: typedArray('Uint32Array', { length: (c) => 8 * (c.state.nFeaturesIn as number) }),
    nIter: int({ min: 0 }),
    trees: stateRule('the trees (flat node arrays in pre-order, as fit makes them)', (v, ctx) => treesProblem(v, ctx.state.nFeaturesIn as number, nTreesOf(ctx.state)) === undefined),
    trainScore: float64Array({ anyLength: true, allowInfinity: true }),
    validationScore: float64Array({ anyLength: true, allowInfinity: true }),
    seed: int({ min: 0, max: 4294967295 }),
  };
}

/**
 * The sample weights, multiplied by a power of two (exactly) when their largest is beyond 2^±30,
 * so that gradients and hessians (float32, weighted) can neither overflow nor underflow. Weights
 * summing to zero are refused.
 */
function boundedWeights(w: Float64Array, estimator: string): Float64Array {
  let max = 0;
  for (let i = 0; i < w.length; i++) if (w[i] > max) max = w[i];
  if (!(max > 0)) throw new ValidationError({ code: 'invalid_input', estimator, param: 'sampleWeight', expected: 'at least one positive weight', received: 'all zeros' });
  const e = Math.floor(Math.log2(max));
  if (e <= 30 && e >= -30) return w;
  const scale = 2 ** -Math.trunc(e / 2) * 2 ** -(e - Math.trunc(e / 2));
  return Float64Array.from(w, (v) => v * scale);
}

/** The training data of one fit, once split for early stopping. */
interface FitRequest {
  X: RowMajor;
  /** Encoded targets: class indices for classifiers. */
  y: Float64Array;
  w: Float64Array | null;
  loss: HistLoss;
  /** Class indices to stratify the validation split by (classifiers), else null. */
  stratify: Label[] | null;
  /** A scorer of raw predictions on a set, when `scoring` is not 'loss'. */
  scorer: ((raw: Float64Array, set: ScoreSet) => number) | null;
  /** Whether the fitted model can be continued by a warm start (same features and outputs). */
  compatible: (s: HistState) => boolean;
  /** Progress (unit `'iteration'`) and cancellation. */
  control?: FitControl;
}

export abstract class BaseHistGradientBoosting<P extends BaseHistGradientBoostingOptions, S extends HistState> extends BaseEstimator<P, S> {
  /** The categorical mask of the options against d features (validated). */
  protected categoricalMask(d: number): Uint8Array {
    const name = this.className;
    const cf = this.params.categoricalFeatures;
    const mask = new Uint8Array(d);
    if (cf === null || cf.length === 0) return mask;
    if (typeof cf[0] === 'boolean') {
      if (cf.length !== d) {
        throw new ValidationError({ code: 'invalid_option', estimator: name, param: 'categoricalFeatures', expected: `a boolean mask of length nFeatures (${d})`, received: `length ${cf.length}` });
      }
      cf.forEach((v, j) => (mask[j] = v ? 1 : 0));
      return mask;
    }
    for (const j of cf as number[]) {
      if (typeof j !== 'number' || j >= d) {
        throw new ValidationError({ code: 'invalid_option', estimator: name, param: 'categoricalFeatures', expected: `feature indices in [0, ${d - 1}]`, received: describeValue(j) });
      }
      mask[j] = 1;
    }
    return mask;
  }

  /** The monotonic constraints against d features (validated). */
  protected monotonicConstraints(d: number, mask: Uint8Array, K: number): Int8Array {
    const name = this.className;
    const m = this.params.monotonicCst;
    const out = new Int8Array(d);
    if (m === null) return out;
    if (m.length !== d) {
      throw new ValidationError({ code: 'invalid_option', estimator: name, param: 'monotonicCst', expected: `an array of length nFeatures (${d})`, received: `length ${m.length}` });
    }
    for (let j = 0; j < d; j++) {
      out[j] = m[j];
      if (m[j] !== 0 && mask[j] === 1) {
        throw new ValidationError({ code: 'invalid_option', estimator: name, param: 'monotonicCst', expected: 'no constraint (0) on categorical features', received: `${m[j]} on feature ${j}` });
      }
    }
    if (K > 1 && out.some((v) => v !== 0)) {
      throw new ValidationError({ code: 'invalid_option', estimator: name, param: 'monotonicCst', expected: 'null for multiclass classification (not supported, as in scikit-learn)', received: describeValue(m) });
    }
    return out;
  }

  /** Runs one fit from validated data, and installs the state. */
  protected fitHist(req: FitRequest, extra: (s: HistState) => S): this {
    const name = this.className;
    const p = this.params;
    const { X, y, loss } = req;
    const n = X.rows;
    const w = req.w === null ? null : boundedWeights(req.w, name);
    const d = X.cols;
    const mask = this.categoricalMask(d);
    const cst = this.monotonicConstraints(d, mask, loss.K);
    // The categories of each categorical feature: integers in [0, maxBins).
    const categories: Array<Float64Array | undefined> = [];
    const known = new Uint32Array(8 * d);
    for (let j = 0; j < d; j++) {
      if (mask[j] === 0) {
        categories.push(undefined);
        continue;
      }
      const seen = new Set<number>();
      for (let i = 0; i < n; i++) {
        const v = X.data[i * d + j];
        if (v !== v) continue;
        if (!(Number.isInteger(v) && v >= 0 && v < p.maxBins)) {
          throw new ValidationError({ code: 'invalid_input', estimator: name, param: 'X', expected: `categories of feature ${j} encoded as integers in [0, ${p.maxBins - 1}] (maxBins - 1)`, received: `${v} at row ${i}` });
        }
        seen.add(v);
      }
      const cats = Float64Array.from(seen).sort();
      for (const c of cats) known[j * 8 + (c >>> 5)] |= 1 << (c & 31);
      categories.push(cats);
    }
    const prev = this.state;
    const warm = p.warmStart && prev !== undefined && prev.nFeaturesIn === d && req.compatible(prev) ? prev : null;
    if (warm && p.maxIter < warm.nIter) {
      throw new ValidationError({ code: 'invalid_option', estimator: name, param: 'maxIter', expected: `at least nIter_ (${warm.nIter}) with warmStart`, received: String(p.maxIter) });
    }
    const seed = warm ? warm.seed : new RandomState(p.randomState ?? undefined).nextUint32();
    const doEarlyStopping = p.earlyStopping === 'auto' ? n > 10000 : p.earlyStopping === true;
    let train = X;
    let yTrain = y;
    let wTrain = w;
    let validation: ScoreSet | null = null;
    if (doEarlyStopping && p.validationFraction !== null) {
      const index = Array.from({ length: n }, (_, i) => [i]);
      const testSize = p.validationFraction;
      const split = trainTestSplit(index, { testSize, randomState: seed % 2147483647, stratify: req.stratify });
      const trainRows = (split.XTrain as number[][]).map((r) => r[0]);
      const valRows = (split.XTest as number[][]).map((r) => r[0]);
      train = takeRows(X, trainRows);
      yTrain = Float64Array.from(trainRows, (i) => y[i]);
      wTrain = w === null ? null : Float64Array.from(trainRows, (i) => w[i]);
      validation = { X: takeRows(X, valRows).data, n: valRows.length, y: Float64Array.from(valRows, (i) => y[i]), w: w === null ? null : Float64Array.from(valRows, (i) => w[i]) };
    }
    const nt = train.rows;
    const mapping = fitBins(train.data, nt, d, p.maxBins, categories, new RandomState(seed));
    const binned = applyBins(train.data, nt, d, mapping);
    let smallTrain: ScoreSet | null = null;
    if (doEarlyStopping && req.scorer !== null) {
      if (nt > 10000) {
        const index = Array.from({ length: nt }, (_, i) => [i]);
        const strat = req.stratify === null ? null : Array.from(yTrain, (v) => v as Label);
        const rows = (trainTestSplit(index, { trainSize: 10000, randomState: seed % 2147483647, stratify: strat }).XTrain as number[][]).map((r) => r[0]);
        smallTrain = { X: takeRows(train, rows).data, n: rows.length, y: Float64Array.from(rows, (i) => yTrain[i]), w: wTrain === null ? null : Float64Array.from(rows, (i) => wTrain[i]) };
      } else smallTrain = { X: train.data, n: nt, y: yTrain, w: wTrain };
    }
    const stopping: EarlyStopping = { validation, scorer: req.scorer, smallTrain };
    const progress = new ProgressReporter(req.control ?? {}, 'iteration', p.maxIter - (warm ? warm.nIter : 0));
    const result = boost(
      binned,
      train.data,
      nt,
      d,
      yTrain,
      wTrain,
      mapping,
      known,
      loss,
      {
        learningRate: p.learningRate,
        maxIter: p.maxIter,
        maxLeafNodes: p.maxLeafNodes,
        maxDepth: p.maxDepth,
        minSamplesLeaf: p.minSamplesLeaf,
        l2Regularization: p.l2Regularization,
        monotonicCst: cst,
        earlyStopping: doEarlyStopping,
        nIterNoChange: p.nIterNoChange,
        tol: p.tol,
        onIteration: progress.silent ? undefined : (it) => progress.step(it),
      },
      stopping,
      warm
        ? { baseline: warm.baseline, trees: warm.trees, nIter: warm.nIter, trainScore: Array.from(warm.trainScore), validationScore: Array.from(warm.validationScore) }
        : null,
    );
    const base: HistState = {
      nFeaturesIn: d,
      baseline: result.baseline,
      trees: result.trees,
      knownCategories: known,
      nIter: result.nIter,
      trainScore: Float64Array.from(result.trainScore),
      validationScore: Float64Array.from(result.validationScore),
      seed,
    };
    this.state = extra(base);
    return this;
  }

  /**
   * The raw predictions (n x K, one column of n per output) of X with the first `nIter` iterations.
   * @internal
   */
  protected raw(X: MatrixLike, method: string): { s: S; raw: Float64Array; n: number } {
    const s = this.fitted(method);
    const Xr = this.checkX(X, { copy: false });
    return { s, raw: rawPredict(s.trees, s.baseline, Xr.data, Xr.rows, Xr.cols, s.knownCategories), n: Xr.rows };
  }

  /**
   * The raw predictions after each iteration, in turn.
   * @internal
   */
  protected *stagedRaw(X: MatrixLike, method: string): Generator<{ s: S; raw: Float64Array; n: number }> {
    const s = this.fitted(method);
    const Xr = this.checkX(X, { copy: false });
    const K = s.baseline.length;
    const n = Xr.rows;
    const raw = new Float64Array(n * K);
    for (let k = 0; k < K; k++) raw.fill(s.baseline[k], k * n, (k + 1) * n);
    for (let it = 0; it < s.nIter; it++) {
      for (let k = 0; k < K; k++) addTreePrediction(s.trees, it * K + k, Xr.data, n, Xr.cols, s.knownCategories, raw, k * n);
      yield { s, raw: raw.slice(), n };
    }
  }

  /** The number of boosting iterations run (early stopping may stop before `maxIter`). */
  get nIter_(): number {
    return this.fitted('nIter_').nIter;
  }

  /** Trees grown per iteration: 1, or the number of classes for multiclass classification. */
  get nTreesPerIteration_(): number {
    return this.fitted('nTreesPerIteration_').baseline.length;
  }

  /** The early-stopping scores on the training data (before the first iteration, then after each); empty without early stopping. */
  get trainScore_(): number[] {
    return Array.from(this.fitted('trainScore_').trainScore);
  }

  /** The early-stopping scores on the held-out data; empty without early stopping or validation data. */
  get validationScore_(): number[] {
    return Array.from(this.fitted('validationScore_').validationScore);
  }
}
