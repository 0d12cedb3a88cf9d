import { readOptions } from '../core/readOptions';
import { regressionInput } from './_regression';

/**
 * The largest absolute error, the worst case. scikit-learn's `max_error`.
 * @example
 * ```ts
 * import { maxError } from 'typelearn';
 * console.log(maxError([3, 2, 7, 1], [4, 2, 7, 1])); // 1
 * ```
 */
export function maxError(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, options: Record<string, never> = {}): number {
  const fn = 'maxError';
  readOptions(fn, options, {}, {});
  const { yTrue: a, yPred: b } = regressionInput(fn, yTrue, yPred, undefined);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}
