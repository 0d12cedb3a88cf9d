import type { MatrixLike } from '../core/types';
import { ValidationError } from '../core/errors';
import { computePath, type EnetPathOptions, type EnetPathResult } from './enetPath';

/** Options of {@link lassoPath}: those of {@link enetPath} without `l1Ratio`. */
export type LassoPathOptions = Omit<EnetPathOptions, 'l1Ratio'>;

/**
 * The lasso regularisation path by coordinate descent, as scikit-learn's `lasso_path`: the
 * `enetPath` with l1Ratio = 1, fitting (1 / (2n))·‖y − Xw‖² + α·‖w‖₁ for each α, largest
 * first, warm-started. No intercept: centre X and y first. Options and result as enetPath's.
 * @example
 * ```ts
 * import { lassoPath } from 'typelearn';
 * const X = [[1, -1], [-1, 1], [2, 0], [-2, 0]];
 * const { alphas, coefs } = lassoPath(X, [1, -1, 3, -3], { nAlphas: 3 });
 * console.log(alphas.map((a) => +a.toFixed(4))); // [ 3.5, 0.1107, 0.0035 ]
 * console.log(coefs.map((row) => +row[2].toFixed(4))); // [ 1.4965, 0.4895 ]
 * ```
 */
export function lassoPath(X: MatrixLike, y: ArrayLike<number>, options?: Partial<LassoPathOptions>): EnetPathResult {
  if (options !== null && typeof options === 'object' && 'l1Ratio' in options) {
    throw new ValidationError({ code: 'unknown_option', estimator: 'lassoPath', param: 'l1Ratio', message: "lassoPath has no option 'l1Ratio' (it is 1); use enetPath for other values." });
  }
  const merged = options === undefined ? { l1Ratio: 1 } : options !== null && typeof options === 'object' && !Array.isArray(options) ? { ...options, l1Ratio: 1 } : options;
  return computePath('lassoPath', X, y, merged);
}
