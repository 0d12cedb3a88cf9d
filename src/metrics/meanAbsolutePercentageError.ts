import { readWeightOptions, regressionInput } from './_regression';
import { average } from '../core/numpySum';

/** Options of {@link meanAbsolutePercentageError}. */
export interface MeanAbsolutePercentageErrorOptions {
  /** Per-sample weights. */
  sampleWeight?: ArrayLike<number>;
}

/**
 * The (weighted) mean of |yPred − yTrue| / |yTrue|, as a fraction (not a percentage). A zero in yTrue
 * is replaced by the machine epsilon, giving a very large error, as in scikit-learn's
 * `mean_absolute_percentage_error`.
 * @example
 * ```ts
 * import { meanAbsolutePercentageError } from 'typelearn';
 * console.log(meanAbsolutePercentageError([3, -0.5, 2, 7], [2.5, 0.0, 2, 8])); // 0.3273809523809524
 * ```
 */
export function meanAbsolutePercentageError(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  options: MeanAbsolutePercentageErrorOptions = {},
): number {
  const fn = 'meanAbsolutePercentageError';
  const o = readWeightOptions<MeanAbsolutePercentageErrorOptions>(fn, options, { sampleWeight: undefined });
  const { yTrue: a, yPred: b, w } = regressionInput(fn, yTrue, yPred, o.sampleWeight);
  const e = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) e[i] = Math.abs(b[i] - a[i]) / Math.max(Math.abs(a[i]), Number.EPSILON);
  return average(e, w);
}
