import { BaseDiscreteNB, discreteDefaults, discreteParamSchema, discreteStateSchema, linearJll, type DiscreteNBOptions, type DiscreteNBState } from './_BaseDiscreteNB';
import type { RowMajor } from '../core/data/index';
import { registerEstimator } from '../core/serialization';
import type { StateSchema } from '../core/stateSchema';
import type { Label, MatrixLike } from '../core/types';

/** Options of {@link MultinomialNB}. */
export type MultinomialNBOptions = DiscreteNBOptions;

/**
 * Multinomial naive Bayes, for counts (word counts, pixel intensities, event tallies): the
 * probability of feature j in class c is (count + alpha) / (total + alpha · nFeatures).
 * `partialFit` adds each batch's counts, so after any split into batches the model equals one `fit`
 * on all rows (to rounding).
 *
 * Fitted attributes: `classes_`, `classCount_`, `featureCount_`, `featureLogProb_` (one row per
 * class), `classLogPrior_`, `nFeaturesIn_`.
 * @example
 * ```ts
 * import { MultinomialNB } from 'typelearn';
 * const X = [[2, 1, 0], [3, 0, 1], [0, 2, 3], [1, 0, 4]];
 * const y = ['spam', 'spam', 'ham', 'ham'];
 * const nb = new MultinomialNB().fit(X, y);
 * console.log(nb.predict([[4, 1, 0], [0, 1, 5]])); // [ 'spam', 'ham' ]
 * console.log(nb.classCount_); // [ 2, 2 ]
 * ```
 */
export class MultinomialNB<L extends Label = Label> extends BaseDiscreteNB<MultinomialNBOptions, DiscreteNBState, L> { // eslint-disable-line @typescript-eslint/no-unsafe-declaration-merging -- the interface MultinomialNB below only types fit and predict
  static override readonly className = 'MultinomialNB';
  /** The fitted state's rules, checked when a saved model is loaded. */
  static override readonly stateSchema: StateSchema = discreteStateSchema;
  static override readonly defaults: MultinomialNBOptions = { ...discreteDefaults };
  static override readonly paramSchema = discreteParamSchema;

  protected finish(base: Omit<DiscreteNBState, 'featureLogProb' | 'classLogPrior'>, alpha: Float64Array, classLogPrior: Float64Array): DiscreteNBState {
    const { featureCount, classes, nFeaturesIn: d } = base;
    const K = classes.length;
    const featureLogProb = new Float64Array(K * d);
    for (let k = 0; k < K; k++) {
      let total = 0;
      for (let j = 0; j < d; j++) total += featureCount[k * d + j] + alpha[j];
      const logTotal = Math.log(total);
      for (let j = 0; j < d; j++) featureLogProb[k * d + j] = Math.log(featureCount[k * d + j] + alpha[j]) - logTotal;
    }
    return { ...base, featureLogProb, classLogPrior };
  }

  protected jointLogLikelihood(s: DiscreteNBState, X: RowMajor): Float64Array {
    return linearJll(X, s.featureLogProb, s.classes.length, s.classLogPrior);
  }
}

/**
 * `fit` and `predict` of MultinomialNB, typed with its labels: `fit` returns the same object typed with
 * the labels of y. The implementation is inherited; this declaration only narrows the types.
 */
export interface MultinomialNB<L extends Label = Label> {
  /** Learns from X and the labels y; returns this classifier, typed with the labels of y (`classes_` is `T[]`). */
  fit<T extends Label>(X: MatrixLike, y: ArrayLike<T>, sampleWeight?: ArrayLike<number>): MultinomialNB<T>;
  /** The first batch, with `classes`: returns this classifier, typed with the labels of `classes` and y. */
  partialFit<T extends Label>(X: MatrixLike, y: ArrayLike<T>, options: { classes: readonly T[]; sampleWeight?: ArrayLike<number> }): MultinomialNB<T>;
  /** A later batch (labels among `classes_`): returns this classifier. */
  partialFit(X: MatrixLike, y: ArrayLike<L>, options?: { classes?: readonly L[]; sampleWeight?: ArrayLike<number> }): this;
  /** One label per row of X, from `classes_`. */
  predict(X: MatrixLike): L[];
}

registerEstimator(MultinomialNB);
