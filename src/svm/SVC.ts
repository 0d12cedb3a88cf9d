import { num } from '../core/params';
import { registerEstimator } from '../core/serialization';
import type { StateSchema } from '../core/stateSchema';
import { ovoState } from './_stateRules';
import { BaseOvoClassifier, type OvoClassifierOptions } from './_BaseSVC';
import { KERNEL_DEFAULTS, KERNEL_SCHEMA } from './_libsvm';
import { solveCSVC, type PairSolver, type SolverSettings } from './train';
import { bool, int, nullable, oneOf, record, union } from '../core/params';
import type { Label, MatrixLike } from '../core/types';
import type { FitOptions } from '../core/fitControl';

/** Options of {@link SVC}. */
export interface SVCOptions extends OvoClassifierOptions {
  /** Regularisation: the upper bound of each dual variable (times its class and sample weight), > 0. @defaultValue 1 */
  C: number;
}

/** The option rules shared by SVC and NuSVC besides C / nu. */
export const OVO_SCHEMA = {
  ...KERNEL_SCHEMA,
  probability: bool(),
  classWeight: nullable(union(oneOf('balanced'), record(num({ min: 0 })))),
  decisionFunctionShape: oneOf('ovr', 'ovo'),
  breakTies: bool(),
  randomState: nullable(int()),
};

export const OVO_DEFAULTS = {
  ...KERNEL_DEFAULTS,
  probability: false,
  classWeight: null,
  decisionFunctionShape: 'ovr' as const,
  breakTies: false,
  randomState: null,
};

/**
 * C-support vector classification (scikit-learn's `SVC`, libsvm's C-SVC), solved by typelearn's own
 * SMO solver (second-order working-set selection, shrinking, an LRU kernel cache of `cacheSize` MB).
 * More than two classes are fitted one-vs-one and predicted by voting.
 *
 * Kernels: 'linear', 'poly' ((gamma·x·z + coef0)^degree), 'rbf' (exp(−gamma·‖x − z‖²)), 'sigmoid'
 * (tanh(gamma·x·z + coef0)) and 'precomputed'. Scale the features first (StandardScaler in a
 * Pipeline): the rbf kernel and the solver's speed both depend on it.
 *
 * Fitted attributes: `classes_`, `supportVectors_`, `support_`, `nSupport_`, `dualCoef_`,
 * `intercept_`, `coef_` (linear kernel only), `probA_` / `probB_` (with `probability`), `classWeight_`, `nIter_`,
 * `nFeaturesIn_`. For two classes the signs follow scikit-learn: a positive decision value means
 * `classes_[1]`.
 * @example
 * ```ts
 * import { SVC } from 'typelearn';
 * const X = [[0, 0], [1, 1], [1, 0], [0, 1], [3, 3], [4, 4], [3, 4], [4, 3]];
 * const y = ['a', 'a', 'a', 'a', 'b', 'b', 'b', 'b'];
 * const clf = new SVC({ kernel: 'rbf', C: 1 }).fit(X, y);
 * console.log(clf.predict([[0.5, 0.5], [3.5, 3.5]])); // [ 'a', 'b' ]
 * console.log(clf.nSupport_.length); // 2
 * ```
 */
export class SVC<L extends Label = Label> extends BaseOvoClassifier<SVCOptions, L> { // eslint-disable-line @typescript-eslint/no-unsafe-declaration-merging -- the interface SVC below only types fit and predict
  static override readonly className = 'SVC';
  static override readonly defaults: SVCOptions = { C: 1, ...OVO_DEFAULTS };
  static override readonly paramSchema = { C: num({ min: 0, minInclusive: false }), ...OVO_SCHEMA };
  static override readonly stateSchema: StateSchema = ovoState;

  protected bounds(cw: Float64Array, sw: Float64Array, yi: Int32Array): Float64Array {
    const C = this.params.C;
    return Float64Array.from(sw, (w, i) => C * cw[yi[i]] * w);
  }

  protected pairSolver(settings: SolverSettings): PairSolver {
    return (rows, y, bound) => solveCSVC(rows, y, bound, settings);
  }
}

/**
 * `fit` and `predict` of SVC, typed with its labels: `fit` returns the same object typed with
 * the labels of y. The implementation is inherited; this declaration only narrows the types.
 */
export interface SVC<L extends Label = Label> {
  /** Learns from X and the labels y; returns this classifier, typed with the labels of y (`classes_` is `T[]`). */
  fit<T extends Label>(X: MatrixLike, y: ArrayLike<T>, sampleWeightOrOptions?: ArrayLike<number> | FitOptions): SVC<T>;
  /** One label per row of X, from `classes_`. */
  predict(X: MatrixLike): L[];
}

registerEstimator(SVC);
