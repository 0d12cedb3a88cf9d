import type { Label } from '../core/types';
import { computePrf, readPrfOptions, type Average, type PrfOptions } from './_prf';


/**
 * The F1 score, the harmonic mean of precision and recall: 2 · p · r / (p + r). scikit-learn's `f1_score`.
 *
 * Options: `labels`, `posLabel` (default 1), `average` (default 'binary'; null gives one score per
 * label), `sampleWeight`, `zeroDivision` (default 'warn': 0 plus an `UndefinedMetricWarning`).
 * @example
 * ```ts
 * import { f1Score } from 'typelearn';
 * console.log(f1Score([0, 1, 1, 0], [1, 1, 0, 0])); // 0.5
 * console.log(f1Score(['a', 'b', 'c', 'a'], ['a', 'c', 'c', 'b'], { average: 'micro' })); // 0.5
 * ```
 */
export function f1Score(yTrue: ArrayLike<Label>, yPred: ArrayLike<Label>, options: PrfOptions & { average: null }): number[];
export function f1Score(yTrue: ArrayLike<Label>, yPred: ArrayLike<Label>, options?: PrfOptions & { average?: Average }): number;
export function f1Score(yTrue: ArrayLike<Label>, yPred: ArrayLike<Label>, options?: PrfOptions): number | number[];
export function f1Score(yTrue: ArrayLike<Label>, yPred: ArrayLike<Label>, options: PrfOptions = {}): number | number[] {
  const o = readPrfOptions('f1Score', options, 'binary', false);
  return computePrf('f1Score', yTrue, yPred, o, ['f-score']).fScore;
}
