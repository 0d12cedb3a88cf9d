import { readWeightOptions, regressionInput } from './_regression';
import { average } from '../core/numpySum';

/** Options of {@link meanSquaredError}. */
export interface MeanSquaredErrorOptions {
  /** Per-sample weights. */
  sampleWeight?: ArrayLike<number>;
  /**
   * Return the mean squared error (true) or its square root, the RMSE (false).
   * @defaultValue true
   */
  squared?: boolean;
}

/**
 * The (weighted) mean of the squared errors, or with `squared: false` its square root (RMSE).
 * scikit-learn's `mean_squared_error`.
 * @example
 * ```ts
 * import { meanSquaredError } from 'typelearn';
 * console.log(meanSquaredError([3, -0.5, 2, 7], [2.5, 0.0, 2, 8])); // 0.375
 * console.log(meanSquaredError([3, -0.5, 2, 7], [2.5, 0.0, 2, 8], { squared: false })); // 0.6123724356957945
 * ```
 */
export function meanSquaredError(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, options: MeanSquaredErrorOptions = {}): number {
  const fn = 'meanSquaredError';
  const o = readWeightOptions<MeanSquaredErrorOptions>(fn, options, { sampleWeight: undefined, squared: true });
  const { yTrue: a, yPred: b, w } = regressionInput(fn, yTrue, yPred, o.sampleWeight);
  const e = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) e[i] = (a[i] - b[i]) ** 2;
  const mse = average(e, w);
  return o.squared === false ? Math.sqrt(mse) : mse;
}
