import { readWeightOptions, regressionInput } from './_regression';
import { average } from '../core/numpySum';

/** Options of {@link meanAbsoluteError}. */
export interface MeanAbsoluteErrorOptions {
  /** Per-sample weights. */
  sampleWeight?: ArrayLike<number>;
}

/**
 * The (weighted) mean of the absolute errors. scikit-learn's `mean_absolute_error`.
 * @example
 * ```ts
 * import { meanAbsoluteError } from 'typelearn';
 * console.log(meanAbsoluteError([3, -0.5, 2, 7], [2.5, 0.0, 2, 8])); // 0.5
 * ```
 */
export function meanAbsoluteError(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, options: MeanAbsoluteErrorOptions = {}): number {
  const fn = 'meanAbsoluteError';
  const o = readWeightOptions<MeanAbsoluteErrorOptions>(fn, options, { sampleWeight: undefined });
  const { yTrue: a, yPred: b, w } = regressionInput(fn, yTrue, yPred, o.sampleWeight);
  const e = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) e[i] = Math.abs(b[i] - a[i]);
  return average(e, w);
}
