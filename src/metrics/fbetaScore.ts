import type { Label } from '../core/types';
import { ValidationError } from '../core/errors';
import { computePrf, readPrfOptions, type Average, type PrfOptions } from './_prf';

/** Options of {@link fbetaScore}: those of precision and recall plus the required `beta`. */
export interface FbetaScoreOptions extends PrfOptions {
  /** The weight of recall against precision (greater than 1 favours recall; `Infinity` gives recall). Required. */
  beta: number;
}

/**
 * The F-beta score, the weighted harmonic mean of precision and recall: (1 + β²) · p · r / (β² · p + r). scikit-learn's `fbeta_score`.
 *
 * Options: `labels`, `posLabel` (default 1), `average` (default 'binary'; null gives one score per
 * label), `sampleWeight`, `zeroDivision` (default 'warn': 0 plus an `UndefinedMetricWarning`), `beta`.
 * @example
 * ```ts
 * import { fbetaScore } from 'typelearn';
 * console.log(fbetaScore([0, 1, 1, 0], [1, 1, 0, 0], { beta: 2 })); // 0.5
 * console.log(fbetaScore([0, 1, 1, 1], [1, 1, 1, 0], { beta: 0.5 })); // 0.6666666666666666
 * ```
 */
export function fbetaScore(yTrue: ArrayLike<Label>, yPred: ArrayLike<Label>, options: FbetaScoreOptions & { average: null }): number[];
export function fbetaScore(yTrue: ArrayLike<Label>, yPred: ArrayLike<Label>, options: FbetaScoreOptions & { average?: Average }): number;
export function fbetaScore(yTrue: ArrayLike<Label>, yPred: ArrayLike<Label>, options: FbetaScoreOptions): number | number[];
export function fbetaScore(yTrue: ArrayLike<Label>, yPred: ArrayLike<Label>, options: FbetaScoreOptions): number | number[] {
  const o = readPrfOptions('fbetaScore', options, 'binary', true);
  if (options === undefined || options === null || (options as { beta?: unknown }).beta === undefined) {
    throw new ValidationError({ code: 'invalid_option', estimator: 'fbetaScore', param: 'beta', expected: 'a number in [0, Infinity]', received: 'undefined' });
  }
  return computePrf('fbetaScore', yTrue, yPred, o, ['f-score']).fScore;
}
