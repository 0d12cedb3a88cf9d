import { registerEstimator } from '../core/serialization';
import { CV_DEFAULTS, CV_SCHEMA, LinearModelCV, type LinearModelCVOptions } from './_LinearModelCV';

/** Options of {@link LassoCV}. */
export type LassoCVOptions = LinearModelCVOptions;

/**
 * The lasso with α chosen by cross-validation, as scikit-learn's LassoCV: on each fold it fits the
 * whole regularisation path (from alphaMax, the smallest α that zeroes every coefficient, down to
 * eps·alphaMax, `nAlphas` values evenly spaced in log scale, each fit starting from the previous
 * one), scores every α by the test fold's mean squared error, picks the α with the lowest mean over
 * the folds, and refits a {@link Lasso} on all the data with it. On a fold with more samples than
 * features the path runs on the Gram matrix XᵀX (the same iterates, each step O(d) instead of O(n)),
 * as scikit-learn's `precompute: 'auto'` does. The folds, the grid and the choice
 * are scikit-learn's, so `alpha_` is the same. Only one target (1-d y) is supported.
 *
 * Options: `eps` (default 1e-3), `nAlphas` (default 100), `alphas` (default null: the automatic
 * grid), `cv` (default 5: unshuffled KFold; or a splitter, or { train, test } index arrays),
 * `fitIntercept` (default true), `maxIter` (default 1000), `tol` (default 1e-4), `positive`
 * (default false), `selection` (default 'cyclic'), `randomState` (default null).
 *
 * Fitted attributes: `alpha_`, `alphas_` (the grid, largest first), `msePath_` (the test MSE, one
 * row per alpha, one column per fold), `coef_`, `intercept_`, `nIter_`, `dualGap_`, `nFeaturesIn_`.
 * @example
 * ```ts
 * import { LassoCV } from 'typelearn';
 * const X = Array.from({ length: 20 }, (_, i) => [i, (i * 7) % 5, (i * 3) % 4]);
 * const y = X.map(([a, , c], i) => 2 * a - 3 * c + ((i * 5) % 3) * 0.1);
 * const model = new LassoCV({ cv: 4 }).fit(X, y);
 * console.log(+model.alpha_.toFixed(6), model.msePath_.length); // 0.065785 100
 * console.log(model.coef_.map((c) => +c.toFixed(3))); // [ 1.999, 0, -2.943 ]
 * ```
 */
export class LassoCV extends LinearModelCV<LassoCVOptions> {
  static override readonly className: string = 'LassoCV';
  static override readonly defaults: LassoCVOptions = { ...CV_DEFAULTS };
  static override readonly paramSchema = { ...CV_SCHEMA };

  protected l1Ratios(): number[] {
    return [1];
  }

  /** The alphas tried, largest first. */
  get alphas_(): number[] {
    return this.fitted('alphas_').alphas[0].slice();
  }

  /** Mean squared test error: one row per alpha (in the order of `alphas_`), one column per fold. */
  get msePath_(): number[][] {
    return this.fitted('msePath_').msePath[0].map((row) => row.slice());
  }
}

registerEstimator(LassoCV);
