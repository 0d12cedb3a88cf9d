import type { Matrix } from 'ml-matrix';
import { BaseClassifier } from '../core/base';
import type { RowMajor } from '../core/data/index';
import { matrixFromFlat } from '../core/data/index';
import { logSumExpRows } from '../core/kernels/logSumExpRows';
import { partialFitClasses } from '../core/partialFitClasses';
import type { IncrementalEstimator, Label, MatrixLike } from '../core/types';
import { requireTwoClasses, toLabels, toSampleWeight, uniqueLabels } from '../core/validation';

/** What every naive Bayes state holds: the feature count and the sorted classes. */
export interface NBState {
  nFeaturesIn: number;
  classes: Label[];
}

/**
 * Base of the naive Bayes classifiers: each subclass gives the joint log-likelihood
 * log P(c) + log P(x | c) of every sample and class, and the predictions follow from it as in
 * scikit-learn's `_BaseNB` (the arg max, and probabilities normalised by log-sum-exp).
 */
export abstract class BaseNB<P extends object, S extends NBState, L extends Label = Label> extends BaseClassifier<P, S, L[], L> implements IncrementalEstimator {
  static override readonly className: string = 'BaseNB';

  /** X checked for fit and partialFit (refusing negative counts, binarizing, …). */
  protected abstract checkFitX(X: MatrixLike, reset: boolean): RowMajor;
  /** The state after learning from one batch (`prev` undefined: from scratch); never changes `prev`. */
  protected abstract update(prev: S | undefined, X: RowMajor, y: Label[], classes: Label[], w: Float64Array | undefined): S;

  /** Learns from all of X, replacing anything learnt before. */
  fit<T extends Label>(X: MatrixLike, y: ArrayLike<T>, sampleWeight?: ArrayLike<number>): BaseNB<P, S, T>;
  fit(X: MatrixLike, y: ArrayLike<Label>, sampleWeight?: ArrayLike<number>): this {
    const Xd = this.checkFitX(X, true);
    const labels = toLabels(y, { estimator: this.className, length: Xd.rows });
    const classes = uniqueLabels(labels);
    requireTwoClasses(classes, this.className);
    const w = sampleWeight === undefined ? undefined : toSampleWeight(sampleWeight, Xd.rows, this.className);
    this.state = this.update(undefined, Xd, labels, classes, w);
    return this;
  }

  /**
   * Learns from one more batch. The first call needs `classes` (every label that will ever
   * appear); later batches may hold any subset of them. A failed call changes nothing.
   */
  partialFit<T extends Label>(X: MatrixLike, y: ArrayLike<T>, options: { classes: readonly T[]; sampleWeight?: ArrayLike<number> }): BaseNB<P, S, T>;
  partialFit(X: MatrixLike, y: ArrayLike<L>, options?: { classes?: readonly L[]; sampleWeight?: ArrayLike<number> }): this;
  partialFit(X: MatrixLike, y: ArrayLike<Label>, options: { classes?: readonly Label[]; sampleWeight?: ArrayLike<number> } = {}): this {
    const prev = this.state;
    const classes = partialFitClasses(this.className, prev?.classes, options.classes);
    requireTwoClasses(classes, this.className);
    const Xd = this.checkFitX(X, prev === undefined);
    const labels = toLabels(y, { estimator: this.className, length: Xd.rows });
    const w = options.sampleWeight === undefined ? undefined : toSampleWeight(options.sampleWeight, Xd.rows, this.className);
    this.state = this.update(prev, Xd, labels, classes, w);
    return this;
  }

  /** Row-major `rows × nClasses` joint log-likelihoods of the checked X. */
  protected abstract jointLogLikelihood(s: S, X: RowMajor): Float64Array;

  /** X validated for prediction (subclasses may transform it, as BernoulliNB binarizes). */
  protected checkPredictX(X: MatrixLike): RowMajor {
    return this.checkX(X, { copy: false });
  }

  private jll(X: MatrixLike, what: string): { s: S; z: Float64Array; rows: number } {
    const s = this.fitted(what);
    const Xd = this.checkPredictX(X);
    return { s, z: this.jointLogLikelihood(s, Xd), rows: Xd.rows };
  }

  /** The unnormalised log posterior log P(c) + log P(x | c), one column per class of `classes_`. */
  predictJointLogLikelihood(X: MatrixLike): Matrix {
    const { s, z, rows } = this.jll(X, 'predictJointLogLikelihood');
    return matrixFromFlat(z, rows, s.classes.length);
  }

  /** The class of highest posterior probability for each sample (the first on ties). */
  predict(X: MatrixLike): L[];
  predict(X: MatrixLike): Label[] {
    const { s, z, rows } = this.jll(X, 'predict');
    const K = s.classes.length;
    const out = new Array<Label>(rows);
    for (let i = 0; i < rows; i++) {
      let best = 0;
      for (let k = 1; k < K; k++) if (z[i * K + k] > z[i * K + best]) best = k;
      out[i] = s.classes[best];
    }
    return out;
  }

  /** Log of the posterior probabilities, computed in log space; columns follow `classes_`. */
  predictLogProba(X: MatrixLike): Matrix {
    const { s, z, rows } = this.jll(X, 'predictLogProba');
    return matrixFromFlat(normaliseLog(z, rows, s.classes.length), rows, s.classes.length);
  }

  /** Posterior probabilities (the exponential of `predictLogProba`); columns follow `classes_`. */
  predictProba(X: MatrixLike): Matrix {
    const { s, z, rows } = this.jll(X, 'predictProba');
    const out = normaliseLog(z, rows, s.classes.length);
    for (let i = 0; i < out.length; i++) out[i] = Math.exp(out[i]);
    return matrixFromFlat(out, rows, s.classes.length);
  }
}

/** z − logsumexp(z) row by row, in place. */
function normaliseLog(z: Float64Array, rows: number, K: number): Float64Array {
  const lse = logSumExpRows(z, rows, K, new Float64Array(rows));
  for (let i = 0; i < rows; i++) for (let k = 0; k < K; k++) z[i * K + k] -= lse[i];
  return z;
}
