import { registerEstimator } from '../core/serialization';
import { BaseElasticNet, CD_DEFAULTS, CD_SCHEMA, type CoordinateDescentOptions } from './_BaseElasticNet';

/** Options of {@link Lasso}. */
export type LassoOptions = CoordinateDescentOptions;

/**
 * Linear regression with an L1 penalty (the lasso), fitted by coordinate descent: it minimises,
 * exactly as scikit-learn's Lasso does,
 *
 *     (1 / (2n))·‖y − Xw − b‖² + α·‖w‖₁
 *
 * with the intercept b unpenalised (fitted by centring). The penalty sets some coefficients to
 * exactly zero; larger α, fewer features. Sample weights are rescaled to sum to n and weight the
 * squared errors. Only one target (1-d y) is supported; scikit-learn's multi-output targets,
 * sparse input and `precompute` are not. To choose α by cross-validation use {@link LassoCV}.
 *
 * Options: `alpha` (default 1, ≥ 0), `fitIntercept` (default true), `maxIter` (default 1000, ≥ 1),
 * `tol` (default 1e-4, ≥ 0; stop on the duality gap as scikit-learn does), `warmStart` (default
 * false), `positive` (default false), `selection` (default 'cyclic', or 'random'), `randomState`
 * (default null; used by `selection: 'random'`). A fit that reaches `maxIter` keeps its last
 * coefficients and emits a `ConvergenceWarning`.
 *
 * Fitted attributes: `coef_`, `intercept_`, `nIter_`, `dualGap_`, `nFeaturesIn_`.
 * @example
 * ```ts
 * import { Lasso } from 'typelearn';
 * const X = [[0, 0], [1, 1], [2, 2], [3, 1], [4, 3]];
 * const model = new Lasso({ alpha: 0.1 }).fit(X, [0, 1, 2, 3, 4]);
 * console.log(model.coef_.map((c) => +c.toFixed(4)), +model.intercept_.toFixed(4)); // [ 0.95, 0 ] 0.1
 * console.log(model.predict([[5, 3]]).map((v) => +v.toFixed(4))); // [ 4.85 ]
 * ```
 */
export class Lasso extends BaseElasticNet<LassoOptions> {
  static override readonly className: string = 'Lasso';
  static override readonly defaults: LassoOptions = { ...CD_DEFAULTS };
  static override readonly paramSchema = { ...CD_SCHEMA };

  protected l1RatioValue(): number {
    return 1;
  }
}

registerEstimator(Lasso);
