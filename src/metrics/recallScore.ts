import type { Label } from '../core/types';
import { computePrf, readPrfOptions, type Average, type PrfOptions } from './_prf';


/**
 * Recall tp / (tp + fn): the ability to find all positive samples. scikit-learn's `recall_score`.
 *
 * Options: `labels`, `posLabel` (default 1), `average` (default 'binary'; null gives one score per
 * label), `sampleWeight`, `zeroDivision` (default 'warn': 0 plus an `UndefinedMetricWarning`).
 * @example
 * ```ts
 * import { recallScore } from 'typelearn';
 * console.log(recallScore([0, 1, 1, 0], [1, 1, 0, 0])); // 0.5
 * console.log(recallScore(['a', 'b', 'c', 'a'], ['a', 'c', 'c', 'b'], { average: 'macro' })); // 0.5
 * ```
 */
export function recallScore(yTrue: ArrayLike<Label>, yPred: ArrayLike<Label>, options: PrfOptions & { average: null }): number[];
export function recallScore(yTrue: ArrayLike<Label>, yPred: ArrayLike<Label>, options?: PrfOptions & { average?: Average }): number;
export function recallScore(yTrue: ArrayLike<Label>, yPred: ArrayLike<Label>, options?: PrfOptions): number | number[];
export function recallScore(yTrue: ArrayLike<Label>, yPred: ArrayLike<Label>, options: PrfOptions = {}): number | number[] {
  const o = readPrfOptions('recallScore', options, 'binary', false);
  return computePrf('recallScore', yTrue, yPred, o, ['recall']).recall;
}
