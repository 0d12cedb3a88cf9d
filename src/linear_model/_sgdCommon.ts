/**
 * What SGDClassifier and SGDRegressor share: the options they both have, their rules, the checks
 * that involve several options, the early-stopping split and the solver settings made from the
 * options.
 */
import { ValidationError } from '../core/errors';
import { overflowError } from '../core/overflow';
import { bool, int, nullable, num, oneOf, union, type ParamSpec, randomStateSpec } from '../core/params';
import type { RandomState } from '../core/random';
import type { Label } from '../core/types';
import { ShuffleSplit } from '../model_selection/ShuffleSplit';
import { StratifiedShuffleSplit } from '../model_selection/StratifiedShuffleSplit';
import type { SGDLearningRate, SGDPenalty, SGDSettings } from './sgd';
import type { SGDLoss } from './sgdLosses';
import { CsrMatrix, checkCsr } from '../core/data/CsrMatrix';
import type { RowMajor } from '../core/data/index';

/** scikit-learn's damping of the intercept's updates on sparse X (`SPARSE_INTERCEPT_DECAY`). */
export const SPARSE_INTERCEPT_DECAY = 0.01;

/** X as the SGD solver takes it: dense row-major or sparse. */
export type SGDInput = RowMajor | CsrMatrix;

/** The number of features of dense or sparse X. */
export function nCols(X: SGDInput): number {
  return X instanceof CsrMatrix ? X.columns : X.cols;
}

/**
 * The checked X of an SGD estimator's public entry: a CsrMatrix checked as sparse, anything else by
 * the estimator's dense check.
 */
export function checkSGDX(X: unknown, estimator: string, nFeatures: number | undefined, dense: () => RowMajor): SGDInput {
  return CsrMatrix.isCsrMatrix(X) ? checkCsr(X, { estimator, nFeatures }) : dense();
}

/** coef · row i of X + intercept. */
function rowScore(X: SGDInput, i: number, coef: Float64Array, intercept: number): number {
  let s = intercept;
  if (X instanceof CsrMatrix) {
    for (let k = X.indptr[i]; k < X.indptr[i + 1]; k++) s += coef[X.indices[k]] * X.data[k];
    return s;
  }
  const d = X.cols;
  const off = i * d;
  for (let j = 0; j < d; j++) s += coef[j] * X.data[off + j];
  return s;
}

/** The options both SGD estimators have. */
export interface SGDCommonOptions {
  /** The penalty: 'l2', 'l1', 'elasticnet' or null for none. @defaultValue 'l2' */
  penalty: SGDPenalty;
  /** Regularisation strength (≥ 0); also sets the 'optimal' learning rate. @defaultValue 1e-4 */
  alpha: number;
  /** The L1 share of the elastic-net penalty, in [0, 1] (only for 'elasticnet'). @defaultValue 0.15 */
  l1Ratio: number;
  /** Fit an intercept (not penalised). @defaultValue true */
  fitIntercept: boolean;
  /** The maximum number of passes over the data (epochs) in `fit`; `partialFit` does one. @defaultValue 1000 */
  maxIter: number;
  /**
   * Stop when the epoch's training loss (or, with earlyStopping, the validation score) has not
   * improved by `tol` for `nIterNoChange` epochs in a row; null never stops early. @defaultValue 1e-3
   */
  tol: number | null;
  /** Shuffle the samples before each epoch. @defaultValue true */
  shuffle: boolean;
  /** The margin of 'huber' and of the epsilon-insensitive losses. @defaultValue 0.1 */
  epsilon: number;
  /** Seed of the shuffling and of the early-stopping split; null for a fresh seed. @defaultValue null */
  randomState: number | null;
  /** The learning-rate schedule: 'constant', 'optimal', 'invscaling' or 'adaptive'. */
  learningRate: SGDLearningRate;
  /** The initial learning rate of 'constant', 'invscaling' and 'adaptive' (must then be > 0). */
  eta0: number;
  /** The exponent of 'invscaling'. */
  powerT: number;
  /** Hold out `validationFraction` of the data and stop on its score instead of the training loss. @defaultValue false */
  earlyStopping: boolean;
  /** The held-out share for early stopping, in (0, 1). @defaultValue 0.1 */
  validationFraction: number;
  /** Epochs without improvement before stopping (or, for 'adaptive', before dividing η by 5). @defaultValue 5 */
  nIterNoChange: number;
  /** `fit` starts from the previous fit's coefficients instead of zeros. @defaultValue false */
  warmStart: boolean;
  /**
   * Averaged SGD: `true` averages the iterates from the first step, an integer n from step n on;
   * `coef_` is then the average. `false` (or 0) for none. @defaultValue false
   */
  average: boolean | number;
}

export const COMMON_DEFAULTS = {
  penalty: 'l2' as SGDPenalty,
  alpha: 1e-4,
  l1Ratio: 0.15,
  fitIntercept: true,
  maxIter: 1000,
  tol: 1e-3 as number | null,
  shuffle: true,
  epsilon: 0.1,
  randomState: null as number | null,
  earlyStopping: false,
  validationFraction: 0.1,
  nIterNoChange: 5,
  warmStart: false,
  average: false as boolean | number,
};

export const COMMON_SCHEMA: Record<string, ParamSpec> = {
  penalty: oneOf('l2', 'l1', 'elasticnet', null),
  alpha: num({ min: 0 }),
  l1Ratio: num({ min: 0, max: 1 }),
  fitIntercept: bool(),
  maxIter: int({ min: 1 }),
  tol: nullable(num({ min: 0 })),
  shuffle: bool(),
  epsilon: num({ min: 0 }),
  randomState: randomStateSpec,
  learningRate: oneOf('constant', 'optimal', 'invscaling', 'adaptive'),
  eta0: num({ min: 0 }),
  powerT: num(),
  earlyStopping: bool(),
  validationFraction: num({ min: 0, max: 1, minInclusive: false, maxInclusive: false }),
  nIterNoChange: int({ min: 1 }),
  warmStart: bool(),
  average: union(bool(), int({ min: 0 })),
};

/** The checks scikit-learn makes at fit time on combinations of options. */
export function checkSGDOptions(estimator: string, p: SGDCommonOptions, forPartialFit: boolean): void {
  if (forPartialFit && p.earlyStopping) {
    throw new ValidationError({ code: 'invalid_option', estimator, param: 'earlyStopping', expected: 'false with partialFit', received: 'true' });
  }
  if (p.learningRate !== 'optimal' && !(p.eta0 > 0)) {
    throw new ValidationError({
      code: 'invalid_option',
      estimator,
      param: 'eta0',
      expected: `a number > 0 with learningRate '${p.learningRate}'`,
      received: String(p.eta0),
    });
  }
  if (p.learningRate === 'optimal' && p.alpha === 0) {
    throw new ValidationError({
      code: 'invalid_option',
      estimator,
      param: 'alpha',
      expected: "a number > 0 with learningRate 'optimal' (alpha sets the optimal learning rate)",
      received: '0',
    });
  }
}

/** The averaging start as a step number: 0 for none, 1 for `true`. */
export function averageStart(average: boolean | number): number {
  return average === true ? 1 : average === false ? 0 : average;
}

/**
 * The early-stopping validation set: a stratified split on the labels (classifier) or a plain
 * shuffled split (regressor), of `validationFraction` of the samples. Returns 1 for held-out samples.
 */
export function validationMask(
  estimator: string,
  n: number,
  fraction: number,
  seed: number,
  sampleWeight: Float64Array,
  labels: ArrayLike<Label> | null,
): Uint8Array {
  const rows = Array.from({ length: n }, () => [0]);
  const [split] =
    labels !== null
      ? new StratifiedShuffleSplit({ nSplits: 1, testSize: fraction, randomState: seed }).split(rows, labels)
      : new ShuffleSplit({ nSplits: 1, testSize: fraction, randomState: seed }).split(rows);
  if (split.train.length === 0 || split.test.length === 0) {
    throw new ValidationError({
      code: 'invalid_input',
      estimator,
      param: 'X',
      message:
        `${estimator}: splitting ${n} samples into a train set and a validation set with validationFraction=${fraction} ` +
        `led to an empty set (${split.train.length} and ${split.test.length} samples). Change validationFraction, use more samples, or disable earlyStopping.`,
    });
  }
  const mask = new Uint8Array(n);
  let weighted = false;
  for (const i of split.test) {
    mask[i] = 1;
    if (sampleWeight[i] > 0) weighted = true;
  }
  if (!weighted) {
    throw new ValidationError({
      code: 'invalid_input',
      estimator,
      param: 'sampleWeight',
      message: `${estimator}: the sample weights of the validation set are all zero; use a different randomState.`,
    });
  }
  return mask;
}

/** Solver settings from the options (per-problem parts supplied by the caller). */
export function sgdSettings(
  p: SGDCommonOptions,
  loss: SGDLoss,
  extra: {
    maxIter: number;
    shuffle: RandomState | null;
    weightPos: number;
    weightNeg: number;
    t: number;
    validationMask: Uint8Array | null;
    validationScore: SGDSettings['validationScore'];
    interceptDecay?: number;
    onEpoch?: SGDSettings['onEpoch'];
  },
): SGDSettings {
  return {
    loss,
    penalty: p.penalty,
    alpha: p.alpha,
    l1Ratio: p.l1Ratio,
    learningRate: p.learningRate,
    eta0: p.eta0,
    powerT: p.powerT,
    tol: p.tol,
    nIterNoChange: p.nIterNoChange,
    fitIntercept: p.fitIntercept,
    average: averageStart(p.average),
    ...extra,
  };
}

/** The error scikit-learn raises when the weights or the decision values overflow. */
export function divergedError(estimator: string, epoch: number): ValidationError {
  return overflowError(estimator, `floating-point under-/overflow occurred at epoch #${epoch}.`);
}

/** The weighted accuracy of sign predictions on ±1 targets (the classifier's validation score). */
export function signAccuracy(X: SGDInput, rows: Int32Array, y: Float64Array, w: Float64Array, coef: Float64Array, intercept: number): number {
  let hit = 0;
  let total = 0;
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r];
    const s = rowScore(X, i, coef, intercept);
    const pred = s > 0 ? 1 : -1;
    if (pred === (y[i] > 0 ? 1 : -1)) hit += w[i];
    total += w[i];
  }
  return hit / total;
}

/** The weighted R² of linear predictions (the regressor's validation score). */
export function linearR2(X: SGDInput, rows: Int32Array, y: Float64Array, w: Float64Array, coef: Float64Array, intercept: number): number {
  let wsum = 0;
  let mean = 0;
  for (let r = 0; r < rows.length; r++) {
    wsum += w[rows[r]];
    mean += w[rows[r]] * y[rows[r]];
  }
  mean /= wsum;
  let ssRes = 0;
  let ssTot = 0;
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r];
    const s = rowScore(X, i, coef, intercept);
    ssRes += w[i] * (y[i] - s) * (y[i] - s);
    ssTot += w[i] * (y[i] - mean) * (y[i] - mean);
  }
  if (ssTot === 0) return ssRes === 0 ? 1 : 0;
  return 1 - ssRes / ssTot;
}

/** The indices where the mask is set. */
export function maskRows(mask: Uint8Array): Int32Array {
  let m = 0;
  for (let i = 0; i < mask.length; i++) m += mask[i];
  const out = new Int32Array(m);
  for (let i = 0, k = 0; i < mask.length; i++) if (mask[i]) out[k++] = i;
  return out;
}
