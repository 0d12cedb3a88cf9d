import { ValidationError } from '../core/errors';
import { num } from '../core/params';
import { registerEstimator } from '../core/serialization';
import type { StateSchema } from '../core/stateSchema';
import { ovoState } from './_stateRules';
import { BaseOvoClassifier, type OvoClassifierOptions } from './_BaseSVC';
import { OVO_DEFAULTS, OVO_SCHEMA } from './SVC';
import { solveNuSVC, type PairSolver, type SolverSettings } from './train';
import type { Label, MatrixLike } from '../core/types';
import type { FitOptions } from '../core/fitControl';

/** Options of {@link NuSVC}. */
export interface NuSVCOptions extends OvoClassifierOptions {
  /** An upper bound on the fraction of margin errors and a lower bound on the fraction of support vectors, in (0, 1]. @defaultValue 0.5 */
  nu: number;
}

/**
 * Nu-support vector classification (scikit-learn's `NuSVC`, libsvm's ν-SVC): like {@link SVC}, with
 * `nu` in place of C. One-vs-one for more than two classes; `probability` as in SVC.
 *
 * Fitted attributes: as {@link SVC}.
 * @example
 * ```ts
 * import { NuSVC } from 'typelearn';
 * const X = [[0, 0], [1, 1], [1, 0], [0, 1], [3, 3], [4, 4], [3, 4], [4, 3]];
 * const y = [0, 0, 0, 0, 1, 1, 1, 1];
 * const clf = new NuSVC({ nu: 0.5 }).fit(X, y);
 * console.log(clf.predict([[0.5, 0.5], [3.5, 3.5]])); // [ 0, 1 ]
 * ```
 */
export class NuSVC<L extends Label = Label> extends BaseOvoClassifier<NuSVCOptions, L> { // eslint-disable-line @typescript-eslint/no-unsafe-declaration-merging -- the interface NuSVC below only types fit and predict
  static override readonly className = 'NuSVC';
  static override readonly defaults: NuSVCOptions = { nu: 0.5, ...OVO_DEFAULTS };
  static override readonly paramSchema = { nu: num({ min: 0, max: 1, minInclusive: false }), ...OVO_SCHEMA };
  static override readonly stateSchema: StateSchema = ovoState;

  protected bounds(cw: Float64Array, sw: Float64Array, yi: Int32Array): Float64Array {
    return Float64Array.from(sw, (w, i) => cw[yi[i]] * w);
  }

  protected pairSolver(settings: SolverSettings): PairSolver {
    const nu = this.params.nu;
    return (rows, y, bound) => solveNuSVC(rows, y, bound, nu, settings);
  }

  /** libsvm's feasibility test: for every pair of classes, ν·(n₁ + n₂)/2 ≤ min(n₁, n₂) (weighted counts). */
  protected override checkProblem(yi: Int32Array, K: number, bound: Float64Array): void {
    const count = new Float64Array(K);
    for (let i = 0; i < yi.length; i++) count[yi[i]] += bound[i];
    const nu = this.params.nu;
    for (let i = 0; i < K; i++) {
      for (let j = i + 1; j < K; j++) {
        if ((nu * (count[i] + count[j])) / 2 > Math.min(count[i], count[j])) {
          throw new ValidationError({
            code: 'invalid_option',
            estimator: this.className,
            param: 'nu',
            expected: `a value at most ${(2 * Math.min(count[i], count[j])) / (count[i] + count[j])} for these classes (nu·(n₁ + n₂)/2 ≤ min(n₁, n₂))`,
            received: String(nu),
            message: `The 'nu' option of ${this.className} is infeasible: nu = ${nu} is larger than ${(2 * Math.min(count[i], count[j])) / (count[i] + count[j])}, what the sizes of the classes at positions ${i} and ${j} allow. Lower nu.`,
          });
        }
      }
    }
  }
}

/**
 * `fit` and `predict` of NuSVC, typed with its labels: `fit` returns the same object typed with
 * the labels of y. The implementation is inherited; this declaration only narrows the types.
 */
export interface NuSVC<L extends Label = Label> {
  /** Learns from X and the labels y; returns this classifier, typed with the labels of y (`classes_` is `T[]`). */
  fit<T extends Label>(X: MatrixLike, y: ArrayLike<T>, sampleWeightOrOptions?: ArrayLike<number> | FitOptions): NuSVC<T>;
  /** One label per row of X, from `classes_`. */
  predict(X: MatrixLike): L[];
}

registerEstimator(NuSVC);
