import { BaseDiscreteNB, discreteDefaults, discreteParamSchema, discreteStateSchema, linearJll, type DiscreteNBOptions, type DiscreteNBState } from './_BaseDiscreteNB';
import type { RowMajor } from '../core/data/index';
import { nullable, num } from '../core/params';
import { registerEstimator } from '../core/serialization';
import type { StateSchema } from '../core/stateSchema';
import type { Label, MatrixLike } from '../core/types';

/** Options of {@link BernoulliNB}. */
export interface BernoulliNBOptions extends DiscreteNBOptions {
  /** Threshold above which a value counts as 1 (below or at it, 0); null when X is already binary. @defaultValue 0 */
  binarize: number | null;
}

/**
 * Bernoulli naive Bayes, for binary features (word present or not): unlike MultinomialNB, the
 * absence of a feature counts against a class too. X is binarized with `binarize` at fit and
 * predict time. Supports `partialFit`.
 *
 * Fitted attributes: `classes_`, `classCount_`, `featureCount_`, `featureLogProb_` (one row per
 * class), `classLogPrior_`, `nFeaturesIn_`.
 * @example
 * ```ts
 * import { BernoulliNB } from 'typelearn';
 * const nb = new BernoulliNB().fit([[1, 0, 1], [1, 1, 0], [0, 0, 1], [0, 1, 1]], ['a', 'a', 'b', 'b']);
 * console.log(nb.predict([[1, 1, 0]])); // [ 'a' ]
 * ```
 */
export class BernoulliNB<L extends Label = Label> extends BaseDiscreteNB<BernoulliNBOptions, DiscreteNBState, L> { // eslint-disable-line @typescript-eslint/no-unsafe-declaration-merging -- the interface BernoulliNB below only types fit and predict
  static override readonly className = 'BernoulliNB';
  /** The fitted state's rules, checked when a saved model is loaded. */
  static override readonly stateSchema: StateSchema = discreteStateSchema;
  static override readonly defaults: BernoulliNBOptions = { ...discreteDefaults, binarize: 0 };
  static override readonly paramSchema = { ...discreteParamSchema, binarize: nullable(num()) };

  private binarized(X: MatrixLike, reset: boolean): RowMajor {
    const t = this.params.binarize;
    const Xd = this.checkX(X, { reset, copy: t !== null });
    if (t !== null) for (let i = 0; i < Xd.data.length; i++) Xd.data[i] = Xd.data[i] > t ? 1 : 0;
    return Xd;
  }

  protected override checkFitX(X: MatrixLike, reset: boolean): RowMajor {
    return this.binarized(X, reset);
  }

  protected override checkPredictX(X: MatrixLike): RowMajor {
    return this.binarized(X, false);
  }

  protected finish(base: Omit<DiscreteNBState, 'featureLogProb' | 'classLogPrior'>, alpha: Float64Array, classLogPrior: Float64Array): DiscreteNBState {
    const { featureCount, classCount, classes, nFeaturesIn: d } = base;
    const K = classes.length;
    const featureLogProb = new Float64Array(K * d);
    for (let k = 0; k < K; k++) {
      for (let j = 0; j < d; j++) featureLogProb[k * d + j] = Math.log(featureCount[k * d + j] + alpha[j]) - Math.log(classCount[k] + 2 * alpha[j]);
    }
    return { ...base, featureLogProb, classLogPrior };
  }

  protected jointLogLikelihood(s: DiscreteNBState, X: RowMajor): Float64Array {
    const K = s.classes.length;
    const d = s.nFeaturesIn;
    const W = new Float64Array(K * d);
    const bias = new Float64Array(K);
    for (let k = 0; k < K; k++) {
      let negSum = 0;
      for (let j = 0; j < d; j++) {
        const lp = s.featureLogProb[k * d + j];
        const neg = Math.log(1 - Math.exp(lp));
        W[k * d + j] = lp - neg;
        negSum += neg;
      }
      bias[k] = s.classLogPrior[k] + negSum;
    }
    return linearJll(X, W, K, bias);
  }
}

/**
 * `fit` and `predict` of BernoulliNB, typed with its labels: `fit` returns the same object typed with
 * the labels of y. The implementation is inherited; this declaration only narrows the types.
 */
export interface BernoulliNB<L extends Label = Label> {
  /** Learns from X and the labels y; returns this classifier, typed with the labels of y (`classes_` is `T[]`). */
  fit<T extends Label>(X: MatrixLike, y: ArrayLike<T>, sampleWeight?: ArrayLike<number>): BernoulliNB<T>;
  /** The first batch, with `classes`: returns this classifier, typed with the labels of `classes` and y. */
  partialFit<T extends Label>(X: MatrixLike, y: ArrayLike<T>, options: { classes: readonly T[]; sampleWeight?: ArrayLike<number> }): BernoulliNB<T>;
  /** A later batch (labels among `classes_`): returns this classifier. */
  partialFit(X: MatrixLike, y: ArrayLike<L>, options?: { classes?: readonly L[]; sampleWeight?: ArrayLike<number> }): this;
  /** One label per row of X, from `classes_`. */
  predict(X: MatrixLike): L[];
}

registerEstimator(BernoulliNB);
