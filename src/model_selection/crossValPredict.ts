import type { Matrix } from 'ml-matrix';
import { getTags, type BaseEstimator } from '../core/base';
import {
  acceptsSampleWeight,
  hasClasses,
  hasDecisionFunction,
  hasPredictLogProba,
  isPredictor,
  isProbaPredictor,
  requireCapability,
  type DataInput,
} from '../core/capabilities';
import { ValidationError, describeValue } from '../core/errors';
import { matrixFromFlat } from '../core/data/index';
import { takeItems } from '../core/math/takeItems';
import type { Label, Target } from '../core/types';
import { encodeLabels, toLabels, toSampleWeight, uniqueLabels } from '../core/validation';
import { checkLength, numSamples, takeRows, type Indexable } from './_indexing';
import { requireEstimator } from './_fitAndScore';
import { checkCv, type CvInput } from './checkCv';
import type { Split } from './_splitter';
import { checkCvOptions } from './crossValidate';

/** The method whose out-of-fold output {@link crossValPredict} returns (scikit-learn's spelling). */
export type CrossValPredictMethod = 'predict' | 'predict_proba' | 'predict_log_proba' | 'decision_function';

/** Options of {@link crossValPredict}. */
export interface CrossValPredictOptions {
  /**
   * The folds: a number of folds (StratifiedKFold for classifiers with class labels, KFold otherwise,
   * both unshuffled), a splitter, or `{ train, test }` index arrays whose test sets partition the rows.
   * @defaultValue 5
   */
  cv?: CvInput;
  /** Which output to collect. @defaultValue 'predict' */
  method?: CrossValPredictMethod;
  /** Weights of the samples, passed (the train rows' share) to each fold's `fit`; the estimator must take them. */
  sampleWeight?: ArrayLike<number> | null;
}

/** Out-of-fold output: labels or numbers for `predict`, else a block of numbers, one row per sample. */
export type OutOfFold = { kind: 'values'; values: Array<Label | number[]> } | { kind: 'block'; data: Float64Array; cols: number };

const FN = 'crossValPredict';
const KNOWN = new Set(['cv', 'method', 'sampleWeight']);
const METHODS: readonly CrossValPredictMethod[] = ['predict', 'predict_proba', 'predict_log_proba', 'decision_function'];

/** What a missing class's column holds: scikit-learn's `_enforce_prediction_order` fill values. */
function missingFill(method: CrossValPredictMethod): number {
  if (method === 'predict_proba') return 0;
  if (method === 'predict_log_proba') return -Infinity;
  return -Number.MAX_VALUE;
}

/** Calls `method` of a fitted estimator, through the capability guard that has it. */
function callMethod(fn: string, est: BaseEstimator, method: CrossValPredictMethod, X: DataInput): Label[] | number[] | number[][] | Matrix {
  const owner = { estimator: fn, role: 'estimator' };
  if (method === 'predict') return requireCapability(est, isPredictor, 'predict', owner).predict(X);
  if (method === 'predict_proba') return requireCapability(est, isProbaPredictor, 'predictProba', owner).predictProba(X);
  if (method === 'predict_log_proba') return requireCapability(est, hasPredictLogProba, 'predictLogProba', owner).predictLogProba(X);
  return requireCapability(est, hasDecisionFunction, 'decisionFunction', owner).decisionFunction(X);
}

/** Throws unless the test sets of `splits` hold every row of 0..n-1 exactly once. */
function requirePartition(fn: string, splits: readonly Split[], n: number): void {
  const seen = new Uint8Array(n);
  let count = 0;
  for (const s of splits) {
    for (const i of s.test) {
      if (seen[i]) count = -Infinity;
      seen[i] = 1;
      count++;
    }
  }
  if (count !== n) {
    throw new ValidationError({
      code: 'invalid_option',
      estimator: fn,
      param: 'cv',
      expected: 'splits whose test sets hold every sample exactly once (a partition)',
      received: 'splits that leave samples out or test some twice',
      message: `${fn} only works for partitions: the test sets of cv must hold every sample exactly once.`,
    });
  }
}

/**
 * The out-of-fold output of `estimator` on every row of X: for each split, a clone fitted on the
 * train rows gives `method`'s output on the test rows. The work of {@link crossValPredict}, also
 * used by the stacking ensembles with splits they made once. For the probability and decision
 * methods of a classifier, the columns follow the sorted classes of y, and a class absent from a
 * fold's train rows gets scikit-learn's fill (0, -Infinity or the lowest float).
 */
export function outOfFold(
  fn: string,
  estimator: BaseEstimator,
  X: Indexable,
  y: ArrayLike<unknown> | undefined,
  splits: readonly Split[],
  method: CrossValPredictMethod,
  sampleWeight?: Float64Array,
): OutOfFold {
  const n = numSamples(X, fn);
  requirePartition(fn, splits, n);
  if (sampleWeight !== undefined && !acceptsSampleWeight(estimator)) {
    throw new ValidationError({ code: 'unsupported', estimator: fn, param: 'sampleWeight', message: `${fn} was given sampleWeight, but ${estimator.className}'s fit does not take sample weights.` });
  }
  let yFit = y;
  let nClasses = 0;
  if (method !== 'predict' && y !== undefined && getTags(estimator).estimatorType === 'classifier') {
    const labels = toLabels(y, { estimator: fn, length: n });
    const classes = uniqueLabels(labels);
    nClasses = classes.length;
    yFit = Array.from(encodeLabels(labels, classes, fn));
  }
  const values = new Array<Label | number[]>(n);
  let block: Float64Array | undefined;
  let cols = -1;
  for (const split of splits) {
    const est = estimator.clone();
    const yTrain = yFit === undefined ? undefined : (takeItems(yFit, split.train) as Target);
    const XTrain = takeRows(X, split.train);
    if (sampleWeight !== undefined && acceptsSampleWeight(est)) est.fit(XTrain, yTrain, takeItems(sampleWeight, split.train));
    else if (yTrain === undefined) requireEstimator(fn, est).fit(XTrain);
    else requireEstimator(fn, est).fit(XTrain, yTrain);
    const out = callMethod(fn, est, method, takeRows(X, split.test));
    if (method === 'predict') {
      const pred = out as Array<Label | number[]>;
      split.test.forEach((row, r) => (values[row] = pred[r]));
      continue;
    }
    const oneD = Array.isArray(out);
    const width = oneD ? 1 : (out as Matrix).columns;
    // Map the fold's columns to the classes of y (a fold may lack some classes).
    let columnOf: number[] | undefined;
    let outCols = width;
    if (nClasses > 0 && hasClasses(est)) {
      const seen = est.classes_ as number[];
      if (seen.length !== nClasses) {
        if (oneD || width !== seen.length) {
          throw new ValidationError({
            code: 'invalid_input',
            estimator: fn,
            param: 'cv',
            message: `${fn}: a training fold of ${estimator.className} holds ${seen.length} of the ${nClasses} classes, so its ${method} cannot be put in the classes' columns. Use a stratified cv with fewer folds.`,
          });
        }
        columnOf = seen;
        outCols = nClasses;
      }
    }
    if (cols < 0) {
      cols = outCols;
      block = new Float64Array(n * cols);
      if (columnOf) block.fill(missingFill(method));
    } else if (cols !== outCols) {
      throw new ValidationError({ code: 'invalid_input', estimator: fn, param: 'estimator', message: `${fn}: the folds of ${estimator.className} gave ${method} outputs of different widths (${cols} and ${outCols}).` });
    }
    const dst = block as Float64Array;
    split.test.forEach((row, r) => {
      if (oneD) {
        dst[row * cols] = (out as number[])[r];
        return;
      }
      const m = out as Matrix;
      if (columnOf) {
        for (let k = 0; k < cols; k++) dst[row * cols + k] = missingFill(method);
        for (let k = 0; k < width; k++) dst[row * cols + columnOf[k]] = m.get(r, k);
      } else for (let k = 0; k < cols; k++) dst[row * cols + k] = m.get(r, k);
    });
  }
  if (method === 'predict') return { kind: 'values', values };
  return { kind: 'block', data: block as Float64Array, cols };
}

/**
 * Cross-validated predictions, as scikit-learn's `cross_val_predict`: each sample's prediction
 * comes from a clone of the estimator fitted on the folds that leave it out (the test sets of `cv`
 * must partition the rows). `method` collects `predict` (labels or numbers), `predict_proba` /
 * `predict_log_proba` (a Matrix, columns following the sorted classes of y) or `decision_function`
 * (a Matrix, or one number per sample for two classes).
 * @example
 * ```ts
 * import { crossValPredict, LinearRegression } from 'typelearn';
 * const X = [[0], [1], [2], [3], [4], [5]];
 * const y = [1, 3, 5, 7, 9, 11];
 * const pred = crossValPredict(new LinearRegression(), X, y, { cv: 3 }) as number[];
 * console.log(pred.map((v) => +v.toFixed(6))); // [ 1, 3, 5, 7, 9, 11 ]
 * ```
 */
export function crossValPredict(estimator: BaseEstimator, X: Indexable, y?: ArrayLike<Label> | ArrayLike<number> | null, options?: CrossValPredictOptions): Label[] | number[] | Matrix {
  const opts = checkCvOptions(FN, options, KNOWN) as CrossValPredictOptions;
  const method = opts.method ?? 'predict';
  if (!METHODS.includes(method)) {
    throw new ValidationError({ code: 'invalid_option', estimator: FN, param: 'method', expected: METHODS.map((m) => `'${m}'`).join(', '), received: describeValue(method) });
  }
  const est = requireEstimator(FN, estimator);
  const n = numSamples(X, FN);
  const yy = y === null || y === undefined ? undefined : checkLength(y, n, FN, 'y');
  const sw = opts.sampleWeight === null || opts.sampleWeight === undefined ? undefined : toSampleWeight(opts.sampleWeight, n, FN);
  const splits = checkCv(opts.cv ?? 5, X, yy, getTags(est).estimatorType === 'classifier', FN);
  const out = outOfFold(FN, est, X, yy, splits, method, sw);
  if (out.kind === 'values') return out.values as Label[] | number[];
  if (out.cols === 1 && method === 'decision_function') return Array.from(out.data);
  return matrixFromFlat(out.data, n, out.cols);
}
