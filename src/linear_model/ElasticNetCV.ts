import { arrayOf, num, union, type ParamSpec } from '../core/params';
import { registerEstimator } from '../core/serialization';
import { CV_DEFAULTS, CV_SCHEMA, LinearModelCV, type LinearModelCVOptions } from './_LinearModelCV';

/** Options of {@link ElasticNetCV}. */
export interface ElasticNetCVOptions extends LinearModelCVOptions {
  /**
   * The l1Ratio, in [0, 1], or a list of them to choose from by cross-validation (values near 1,
   * the lasso, are the usual candidates, e.g. [0.1, 0.5, 0.7, 0.9, 0.95, 0.99, 1]). 0 needs explicit
   * `alphas`. @defaultValue 0.5
   */
  l1Ratio: number | number[];
}

const ratio = num({ min: 0, max: 1 });
const ratios: ParamSpec = { description: 'a non-empty array of numbers in [0, 1]', check: (v) => arrayOf(ratio).check(v) && (v as unknown[]).length > 0 };

/**
 * The elastic net with α and l1Ratio chosen by cross-validation, as scikit-learn's ElasticNetCV:
 * for each l1Ratio and each fold it fits the regularisation path (alphaMax down to eps·alphaMax,
 * `nAlphas` values in log scale, warm-started; alphaMax depends on l1Ratio), scores each (l1Ratio,
 * α) by the test fold's mean squared error, picks the pair with the lowest mean over the folds
 * (the first l1Ratio wins ties), and refits an {@link ElasticNet} on all the data with it. On a
 * fold with more samples than features the path runs on the Gram matrix XᵀX, as scikit-learn's
 * `precompute: 'auto'` does. Only
 * one target (1-d y) is supported.
 *
 * Options: `l1Ratio` (default 0.5; a number or a list), `eps` (default 1e-3), `nAlphas` (default
 * 100), `alphas` (default null: the automatic grid), `cv` (default 5: unshuffled KFold; or a
 * splitter, or { train, test } index arrays), `fitIntercept` (default true), `maxIter` (default
 * 1000), `tol` (default 1e-4), `positive` (default false), `selection` (default 'cyclic'),
 * `randomState` (default null).
 *
 * Fitted attributes: `alpha_`, `l1Ratio_`, `alphas_`, `msePath_`, `coef_`, `intercept_`, `nIter_`,
 * `dualGap_`, `nFeaturesIn_`. Shapes follow scikit-learn: with one l1Ratio, `alphas_` is a list
 * and `msePath_` is alphas × folds; with several, `alphas_` has one list per l1Ratio (a single
 * list when `alphas` was given) and `msePath_` is l1Ratios × alphas × folds.
 * @example
 * ```ts
 * import { ElasticNetCV } from 'typelearn';
 * const X = Array.from({ length: 20 }, (_, i) => [i, (i * 7) % 5, (i * 3) % 4]);
 * const y = X.map(([a, , c], i) => 2 * a - 3 * c + ((i * 5) % 3) * 0.1);
 * const model = new ElasticNetCV({ l1Ratio: [0.2, 0.7, 1], cv: 4 }).fit(X, y);
 * console.log(model.l1Ratio_, +model.alpha_.toFixed(6)); // 1 0.065785
 * console.log(model.coef_.map((c) => +c.toFixed(3))); // [ 1.999, 0, -2.943 ]
 * ```
 */
export class ElasticNetCV extends LinearModelCV<ElasticNetCVOptions> {
  static override readonly className: string = 'ElasticNetCV';
  static override readonly defaults: ElasticNetCVOptions = { ...CV_DEFAULTS, l1Ratio: 0.5 };
  static override readonly paramSchema = { ...CV_SCHEMA, l1Ratio: union(ratio, ratios) };

  protected l1Ratios(): number[] {
    const r = this.params.l1Ratio;
    return typeof r === 'number' ? [r] : r.slice();
  }

  /** The l1Ratio chosen by cross-validation. */
  get l1Ratio_(): number {
    return this.fitted('l1Ratio_').l1Ratio;
  }

  /** The alphas tried, largest first: one list, or one per l1Ratio (see the class's note on shapes). */
  get alphas_(): number[] | number[][] {
    const s = this.fitted('alphas_');
    return s.alphas.length === 1 || s.explicitAlphas ? s.alphas[0].slice() : s.alphas.map((a) => a.slice());
  }

  /** Mean squared test error: alphas × folds for one l1Ratio, l1Ratios × alphas × folds for several. */
  get msePath_(): number[][] | number[][][] {
    const m = this.fitted('msePath_').msePath;
    return m.length === 1 ? m[0].map((row) => row.slice()) : m.map((grid) => grid.map((row) => row.slice()));
  }
}

registerEstimator(ElasticNetCV);
