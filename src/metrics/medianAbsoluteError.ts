import { medianSorted } from '../core/math/medianSorted';
import { readOptions } from '../core/readOptions';
import { regressionInput } from './_regression';

/**
 * The median of the absolute errors, robust to outliers. scikit-learn's `median_absolute_error`.
 * @example
 * ```ts
 * import { medianAbsoluteError } from 'typelearn';
 * console.log(medianAbsoluteError([3, -0.5, 2, 7], [2.5, 0.0, 2, 8])); // 0.5
 * ```
 */
export function medianAbsoluteError(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, options: Record<string, never> = {}): number {
  const fn = 'medianAbsoluteError';
  readOptions(fn, options, {}, {});
  const { yTrue: a, yPred: b } = regressionInput(fn, yTrue, yPred, undefined);
  const e = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) e[i] = Math.abs(b[i] - a[i]);
  return medianSorted(e.sort());
}
