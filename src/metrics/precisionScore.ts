import type { Label } from '../core/types';
import { computePrf, readPrfOptions, type Average, type PrfOptions } from './_prf';


/**
 * Precision tp / (tp + fp): the ability not to label negatives as positive. scikit-learn's `precision_score`.
 *
 * Options: `labels`, `posLabel` (default 1), `average` (default 'binary'; null gives one score per
 * label), `sampleWeight`, `zeroDivision` (default 'warn': 0 plus an `UndefinedMetricWarning`).
 * @example
 * ```ts
 * import { precisionScore } from 'typelearn';
 * console.log(precisionScore([0, 1, 1, 0], [1, 1, 1, 0])); // 0.6666666666666666
 * console.log(precisionScore(['a', 'b', 'c', 'a'], ['a', 'c', 'c', 'b'], { average: null })); // [ 1, 0, 0.5 ]
 * ```
 */
export function precisionScore(yTrue: ArrayLike<Label>, yPred: ArrayLike<Label>, options: PrfOptions & { average: null }): number[];
export function precisionScore(yTrue: ArrayLike<Label>, yPred: ArrayLike<Label>, options?: PrfOptions & { average?: Average }): number;
export function precisionScore(yTrue: ArrayLike<Label>, yPred: ArrayLike<Label>, options?: PrfOptions): number | number[];
export function precisionScore(yTrue: ArrayLike<Label>, yPred: ArrayLike<Label>, options: PrfOptions = {}): number | number[] {
  const o = readPrfOptions('precisionScore', options, 'binary', false);
  return computePrf('precisionScore', yTrue, yPred, o, ['precision']).precision;
}
