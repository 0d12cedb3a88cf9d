import { num } from '../core/params';
import { registerEstimator } from '../core/serialization';
import { BaseElasticNet, CD_DEFAULTS, CD_SCHEMA, type CoordinateDescentOptions } from './_BaseElasticNet';

/** Options of {@link ElasticNet}. */
export interface ElasticNetOptions extends CoordinateDescentOptions {
  /**
   * The share of the L1 penalty, in [0, 1]: 1 is the lasso, 0 a pure L2 (ridge) penalty (for which
   * Ridge is the better tool). @defaultValue 0.5
   */
  l1Ratio: number;
}

/**
 * Linear regression with combined L1 and L2 penalties, fitted by coordinate descent. It minimises,
 * exactly as scikit-learn's ElasticNet does,
 *
 *     (1 / (2n))·‖y − Xw − b‖² + α·l1Ratio·‖w‖₁ + ½·α·(1 − l1Ratio)·‖w‖²
 *
 * with the intercept b unpenalised (fitted by centring). Sample weights are rescaled to sum to n
 * and weight the squared errors. Only one target (1-d y) is supported; scikit-learn's
 * multi-output targets, sparse input and `precompute` are not.
 *
 * Options: `alpha` (default 1, ≥ 0), `l1Ratio` (default 0.5, in [0, 1]), `fitIntercept` (default
 * true), `maxIter` (default 1000, ≥ 1), `tol` (default 1e-4, ≥ 0; stop on the duality gap as
 * scikit-learn does), `warmStart` (default false), `positive` (default false), `selection`
 * (default 'cyclic', or 'random'), `randomState` (default null; used by `selection: 'random'`).
 * A fit that reaches `maxIter` keeps its last coefficients and emits a `ConvergenceWarning`.
 *
 * Fitted attributes: `coef_`, `intercept_`, `nIter_`, `dualGap_`, `nFeaturesIn_`.
 * @example
 * ```ts
 * import { ElasticNet } from 'typelearn';
 * const X = [[0, 0], [1, 1], [2, 2], [3, 1], [4, 3]];
 * const model = new ElasticNet({ alpha: 0.1, l1Ratio: 0.5 }).fit(X, [0, 1, 2, 3, 4]);
 * console.log(model.coef_.map((c) => +c.toFixed(4))); // [ 0.9384, 0.0219 ]
 * console.log(model.predict([[5, 3]]).map((v) => +v.toFixed(4))); // [ 4.8503 ]
 * ```
 */
export class ElasticNet extends BaseElasticNet<ElasticNetOptions> {
  static override readonly className: string = 'ElasticNet';
  static override readonly defaults: ElasticNetOptions = { ...CD_DEFAULTS, l1Ratio: 0.5 };
  static override readonly paramSchema = { ...CD_SCHEMA, l1Ratio: num({ min: 0, max: 1 }) };

  protected l1RatioValue(): number {
    return this.params.l1Ratio;
  }
}

registerEstimator(ElasticNet);
