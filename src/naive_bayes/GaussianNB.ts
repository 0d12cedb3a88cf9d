import { BaseNB, type NBState } from './_BaseNB';
import type { RowMajor } from '../core/data/index';
import { ValidationError } from '../core/errors';
import { toRows } from '../core/math/toRows';
import { allFinite, overflowError } from '../core/overflow';
import { arrayOf, nullable, num } from '../core/params';
import { registerEstimator } from '../core/serialization';
import { float64Array, labels, refine, nFeaturesIn, numberValue, type StateContext, type StateSchema } from '../core/stateSchema';
import type { Label, MatrixLike } from '../core/types';
import { encodeLabels } from '../core/validation';
import { gaussianUpdate } from './gaussianUpdate';

/** Options of {@link GaussianNB}. */
export interface GaussianNBOptions {
  /** Prior probabilities of the classes (one per class, summing to 1); null learns them from the class frequencies. @defaultValue null */
  priors: number[] | null;
  /** Share of the largest feature variance added to every variance, for numerical stability. @defaultValue 1e-9 */
  varSmoothing: number;
}

interface GaussianNBState extends NBState {
  /** Per class and feature mean, flat nClasses × nFeaturesIn. */
  theta: Float64Array;
  /** Per class and feature variance (epsilon included), flat nClasses × nFeaturesIn. */
  var: Float64Array;
  classCount: Float64Array;
  classPrior: Float64Array;
  epsilon: number;
}

const perClassFeature = (c: StateContext): number => (c.state.classes as unknown[]).length * (c.state.nFeaturesIn as number);

/**
 * Gaussian naive Bayes: each feature is normal within each class, with a per-class mean and
 * variance. `partialFit` updates the means and variances batch by batch (Chan, Golub and LeVeque's
 * update), as scikit-learn's `partial_fit` does, so data that does not fit in memory can be learnt
 * in one pass. As in scikit-learn, `epsilon_` (`varSmoothing` times the largest feature variance)
 * is recomputed from each batch, so after several batches the variances differ from one `fit`
 * on all rows by O(`varSmoothing` · variance); means and class counts agree to rounding.
 *
 * Fitted attributes: `classes_`, `theta_`, `var_` (one row per class), `classPrior_`,
 * `classCount_`, `epsilon_`, `nFeaturesIn_`.
 * @example
 * ```ts
 * import { GaussianNB } from 'typelearn';
 * const X = [[-1, -1], [-2, -1], [-3, -2], [1, 1], [2, 1], [3, 2]];
 * const y = [1, 1, 1, 2, 2, 2];
 * const nb = new GaussianNB().fit(X, y);
 * console.log(nb.predict([[-0.8, -1]])); // [ 1 ]
 * console.log(nb.theta_); // [ [ -2, -1.3333333333333333 ], [ 2, 1.3333333333333333 ] ]
 * const online = new GaussianNB().partialFit(X.slice(0, 4), y.slice(0, 4), { classes: [1, 2] }).partialFit(X.slice(4), y.slice(4));
 * console.log(online.predict([[-0.8, -1]])); // [ 1 ]
 * ```
 */
export class GaussianNB<L extends Label = Label> extends BaseNB<GaussianNBOptions, GaussianNBState, L> { // eslint-disable-line @typescript-eslint/no-unsafe-declaration-merging -- the interface GaussianNB below only types fit and predict
  static override readonly className = 'GaussianNB';
  /** The fitted state's rules, checked when a saved model is loaded. */
  static override readonly stateSchema: StateSchema = {
    nFeaturesIn: nFeaturesIn(),
    classes: labels(),
    theta: float64Array({ length: perClassFeature }),
    var: refine(float64Array({ min: 0, length: perClassFeature }), 'positive', (v: Float64Array) => v.every((x) => x > 0)),
    classCount: float64Array({ min: 0, length: 'nClasses' }),
    classPrior: float64Array({ min: 0, length: 'nClasses' }),
    epsilon: numberValue({ min: 0 }),
  };
  static override readonly defaults: GaussianNBOptions = { priors: null, varSmoothing: 1e-9 };
  static override readonly paramSchema = { priors: nullable(arrayOf(num({ min: 0 }))), varSmoothing: num({ min: 0 }) };

  protected checkFitX(X: MatrixLike, reset: boolean): RowMajor {
    return this.checkX(X, { reset, copy: false });
  }

  /** scikit-learn's `GaussianNB._partial_fit`, into fresh arrays (the previous state is only read). */
  protected update(prev: GaussianNBState | undefined, X: RowMajor, y: Label[], classes: Label[], w: Float64Array | undefined): GaussianNBState {
    const name = this.className;
    const { data, rows, cols: d } = X;
    const K = classes.length;
    const codes = encodeLabels(y, classes, name);
    const epsilon = this.params.varSmoothing * maxColumnVariance(data, rows, d);
    let classPrior: Float64Array;
    let theta: Float64Array;
    let variance: Float64Array;
    let classCount: Float64Array;
    if (prev === undefined) {
      theta = new Float64Array(K * d);
      variance = new Float64Array(K * d);
      classCount = new Float64Array(K);
      classPrior = this.checkedPriors(K) ?? new Float64Array(K);
    } else {
      theta = prev.theta.slice();
      classCount = prev.classCount.slice();
      classPrior = prev.classPrior.slice();
      // As scikit-learn: the new batch's epsilon is taken off before the update and put back after.
      variance = prev.var.slice();
      for (let i = 0; i < variance.length; i++) variance[i] -= epsilon;
    }
    gaussianUpdate(data, rows, d, codes, K, w, theta, variance, classCount);
    for (let i = 0; i < variance.length; i++) variance[i] += epsilon;
    if (this.params.priors === null) {
      let total = 0;
      for (let k = 0; k < K; k++) total += classCount[k];
      for (let k = 0; k < K; k++) classPrior[k] = classCount[k] / total;
    }
    if (!allFinite(theta) || !allFinite(variance) || !Number.isFinite(epsilon)) {
      throw overflowError(name, 'a class mean or variance overflowed.');
    }
    const zero = variance.findIndex((v) => !(v > 0));
    if (zero >= 0) {
      throw new ValidationError({
        code: 'invalid_input',
        estimator: name,
        param: 'X',
        expected: 'features whose variance within each class, plus varSmoothing times the largest variance, is positive',
        received: `a variance of 0 for feature ${zero % d} in class ${String(classes[Math.floor(zero / d)])} (constant data, or values too small to square in double precision)`,
      });
    }
    return { nFeaturesIn: d, classes, theta, var: variance, classCount, classPrior, epsilon };
  }

  private checkedPriors(K: number): Float64Array | undefined {
    const priors = this.params.priors;
    if (priors === null) return undefined;
    const fail = (expected: string, received: string): never => {
      throw new ValidationError({ code: 'invalid_option', estimator: this.className, param: 'priors', expected, received });
    };
    if (priors.length !== K) fail(`one prior per class (${K})`, `${priors.length} priors`);
    const sum = priors.reduce((a, b) => a + b, 0);
    // np.isclose(sum, 1) with its default tolerances.
    if (!(Math.abs(sum - 1) <= 1e-8 + 1e-5)) fail('priors summing to 1', `a sum of ${sum}`);
    return Float64Array.from(priors);
  }

  protected jointLogLikelihood(s: GaussianNBState, X: RowMajor): Float64Array {
    const { data, rows, cols: d } = X;
    const K = s.classes.length;
    const out = new Float64Array(rows * K);
    for (let k = 0; k < K; k++) {
      let logNorm = 0;
      for (let j = 0; j < d; j++) logNorm += Math.log(2 * Math.PI * s.var[k * d + j]);
      const base = Math.log(s.classPrior[k]) - 0.5 * logNorm;
      for (let i = 0; i < rows; i++) {
        let q = 0;
        for (let j = 0; j < d; j++) {
          const r = data[i * d + j] - s.theta[k * d + j];
          q += (r * r) / s.var[k * d + j];
        }
        out[i * K + k] = base - 0.5 * q;
      }
    }
    return out;
  }

  /** Per-class feature means, one row per class. */
  get theta_(): number[][] {
    const s = this.fitted('theta_');
    return toRows(s.theta, s.classes.length, s.nFeaturesIn);
  }

  /** Per-class feature variances (with `epsilon_` added), one row per class. */
  get var_(): number[][] {
    const s = this.fitted('var_');
    return toRows(s.var, s.classes.length, s.nFeaturesIn);
  }

  /** Class prior probabilities (the given `priors`, or the class frequencies). */
  get classPrior_(): number[] {
    return Array.from(this.fitted('classPrior_').classPrior);
  }

  /** (Weighted) number of training samples seen per class. */
  get classCount_(): number[] {
    return Array.from(this.fitted('classCount_').classCount);
  }

  /** The absolute amount added to the variances: `varSmoothing` times the largest feature variance of the last batch. */
  get epsilon_(): number {
    return this.fitted('epsilon_').epsilon;
  }
}

/** The largest population variance over the columns (numpy's `np.var(X, axis=0).max()`). */
function maxColumnVariance(data: Float64Array, rows: number, d: number): number {
  const mean = new Float64Array(d);
  for (let i = 0; i < rows; i++) for (let j = 0; j < d; j++) mean[j] += data[i * d + j];
  for (let j = 0; j < d; j++) mean[j] /= rows;
  const ss = new Float64Array(d);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < d; j++) {
      const r = data[i * d + j] - mean[j];
      ss[j] += r * r;
    }
  }
  let max = -Infinity;
  for (let j = 0; j < d; j++) max = Math.max(max, ss[j] / rows);
  return max;
}

/**
 * `fit` and `predict` of GaussianNB, typed with its labels: `fit` returns the same object typed with
 * the labels of y. The implementation is inherited; this declaration only narrows the types.
 */
export interface GaussianNB<L extends Label = Label> {
  /** Learns from X and the labels y; returns this classifier, typed with the labels of y (`classes_` is `T[]`). */
  fit<T extends Label>(X: MatrixLike, y: ArrayLike<T>, sampleWeight?: ArrayLike<number>): GaussianNB<T>;
  /** The first batch, with `classes`: returns this classifier, typed with the labels of `classes` and y. */
  partialFit<T extends Label>(X: MatrixLike, y: ArrayLike<T>, options: { classes: readonly T[]; sampleWeight?: ArrayLike<number> }): GaussianNB<T>;
  /** A later batch (labels among `classes_`): returns this classifier. */
  partialFit(X: MatrixLike, y: ArrayLike<L>, options?: { classes?: readonly L[]; sampleWeight?: ArrayLike<number> }): this;
  /** One label per row of X, from `classes_`. */
  predict(X: MatrixLike): L[];
}

registerEstimator(GaussianNB);
