import { BaseDiscreteNB, discreteDefaults, discreteParamSchema, discreteStateSchema, linearJll, type DiscreteNBOptions, type DiscreteNBState } from './_BaseDiscreteNB';
import type { RowMajor } from '../core/data/index';
import { bool } from '../core/params';
import { registerEstimator } from '../core/serialization';
import type { StateSchema } from '../core/stateSchema';
import type { Label, MatrixLike } from '../core/types';

/** Options of {@link ComplementNB}. */
export interface ComplementNBOptions extends DiscreteNBOptions {
  /** Normalise each class's weights (a second normalisation of Rennie et al.). @defaultValue false */
  norm: boolean;
}

/**
 * Complement naive Bayes (Rennie et al., 2003): each class is scored by the counts of all *other*
 * classes, which suits imbalanced text data better than MultinomialNB. As in scikit-learn, the
 * class prior is not used in prediction (with two classes or more). Supports `partialFit`.
 *
 * Fitted attributes: `classes_`, `classCount_`, `featureCount_`, `featureAll_`,
 * `featureLogProb_`, `classLogPrior_`, `nFeaturesIn_`.
 * @example
 * ```ts
 * import { ComplementNB } from 'typelearn';
 * const nb = new ComplementNB().fit([[3, 0, 1], [2, 1, 0], [0, 3, 2], [1, 2, 3]], [0, 0, 1, 1]);
 * console.log(nb.predict([[4, 0, 0], [0, 1, 4]])); // [ 0, 1 ]
 * ```
 */
export class ComplementNB<L extends Label = Label> extends BaseDiscreteNB<ComplementNBOptions, DiscreteNBState, L> { // eslint-disable-line @typescript-eslint/no-unsafe-declaration-merging -- the interface ComplementNB below only types fit and predict
  static override readonly className = 'ComplementNB';
  /** The fitted state's rules, checked when a saved model is loaded. */
  static override readonly stateSchema: StateSchema = discreteStateSchema;
  static override readonly defaults: ComplementNBOptions = { ...discreteDefaults, norm: false };
  static override readonly paramSchema = { ...discreteParamSchema, norm: bool() };

  protected finish(base: Omit<DiscreteNBState, 'featureLogProb' | 'classLogPrior'>, alpha: Float64Array, classLogPrior: Float64Array): DiscreteNBState {
    const { featureCount, classes, nFeaturesIn: d } = base;
    const K = classes.length;
    const featureLogProb = new Float64Array(K * d);
    for (let k = 0; k < K; k++) {
      const o = k * d;
      // The complement counts (scikit-learn's feature_all_ + alpha − feature_count_), summed over
      // the other classes: the same in exact arithmetic, without cancellation when one class
      // holds nearly all of a feature's count.
      for (let c = 0; c < K; c++) if (c !== k) for (let j = 0; j < d; j++) featureLogProb[o + j] += featureCount[c * d + j];
      let total = 0;
      for (let j = 0; j < d; j++) total += featureLogProb[o + j] += alpha[j];
      let logged = 0;
      for (let j = 0; j < d; j++) logged += featureLogProb[o + j] = Math.log(featureLogProb[o + j] / total);
      for (let j = 0; j < d; j++) featureLogProb[o + j] = this.params.norm ? featureLogProb[o + j] / logged : -featureLogProb[o + j];
    }
    return { ...base, featureLogProb, classLogPrior };
  }

  protected jointLogLikelihood(s: DiscreteNBState, X: RowMajor): Float64Array {
    return linearJll(X, s.featureLogProb, s.classes.length, undefined);
  }

  /** Per-feature counts summed over the classes. */
  get featureAll_(): number[] {
    const s = this.fitted('featureAll_');
    return Array.from(columnSums(s.featureCount, s.classes.length, s.nFeaturesIn));
  }
}

function columnSums(v: Float64Array, rows: number, cols: number): Float64Array {
  const out = new Float64Array(cols);
  for (let k = 0; k < rows; k++) for (let j = 0; j < cols; j++) out[j] += v[k * cols + j];
  return out;
}

/**
 * `fit` and `predict` of ComplementNB, typed with its labels: `fit` returns the same object typed with
 * the labels of y. The implementation is inherited; this declaration only narrows the types.
 */
export interface ComplementNB<L extends Label = Label> {
  /** Learns from X and the labels y; returns this classifier, typed with the labels of y (`classes_` is `T[]`). */
  fit<T extends Label>(X: MatrixLike, y: ArrayLike<T>, sampleWeight?: ArrayLike<number>): ComplementNB<T>;
  /** The first batch, with `classes`: returns this classifier, typed with the labels of `classes` and y. */
  partialFit<T extends Label>(X: MatrixLike, y: ArrayLike<T>, options: { classes: readonly T[]; sampleWeight?: ArrayLike<number> }): ComplementNB<T>;
  /** A later batch (labels among `classes_`): returns this classifier. */
  partialFit(X: MatrixLike, y: ArrayLike<L>, options?: { classes?: readonly L[]; sampleWeight?: ArrayLike<number> }): this;
  /** One label per row of X, from `classes_`. */
  predict(X: MatrixLike): L[];
}

registerEstimator(ComplementNB);
