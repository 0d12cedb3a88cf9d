import { ValidationError, describeValue } from '../core/errors';
import type { BaseEstimator } from '../core/base';
import type { Label } from '../core/types';
import type { Scorer } from '../metrics/scorer';
import type { Indexable } from './_indexing';
import type { ErrorScore } from './_fitAndScore';
import type { CvInput } from './checkCv';
import { checkCvOptions, runCrossValidate, type CrossValidateResult } from './crossValidate';
import type { FitControl } from '../core/fitControl';

/** Options of {@link crossValScore}; `onProgress` hears of every fold's fit (unit `'fit'`), `signal` stops between them. */
export interface CrossValScoreOptions extends FitControl {
  /** A number of folds (stratified for classifiers), a splitter, or `{ train, test }` splits. @defaultValue 5 */
  cv?: CvInput;
  /** A scorer name or function; null uses the estimator's `score`. @defaultValue null */
  scoring?: string | Scorer | null;
  /** The score of a fold whose fit fails, or `'raise'`. @defaultValue NaN */
  errorScore?: ErrorScore;
}

const KNOWN = new Set(['cv', 'scoring', 'errorScore', 'onProgress', 'signal']);

/**
 * The test score of each cross-validation fold, as scikit-learn's `cross_val_score`: a clone of the
 * estimator is fitted per fold. With an integer `cv`, classifiers get stratified folds.
 *
 * Options: `cv` (default 5), `scoring` (default null: the estimator's `score`), `errorScore`
 * (default NaN).
 * @example
 * ```ts
 * import { crossValScore, LinearRegression } from 'typelearn';
 * const X = [[0], [1], [2], [3], [4], [5]];
 * const scores = crossValScore(new LinearRegression(), X, [0, 2, 4, 6, 8, 10], { cv: 3, scoring: 'r2' });
 * console.log(scores.map((s) => +s.toFixed(6))); // [ 1, 1, 1 ]
 * ```
 */
export function crossValScore(estimator: BaseEstimator, X: Indexable, y?: ArrayLike<Label> | ArrayLike<number> | null, options?: CrossValScoreOptions): number[] {
  const o = checkCvOptions('crossValScore', options, KNOWN) as CrossValScoreOptions;
  if (o.scoring !== undefined && o.scoring !== null && typeof o.scoring !== 'string' && typeof o.scoring !== 'function') {
    throw new ValidationError({
      code: 'invalid_option',
      estimator: 'crossValScore',
      param: 'scoring',
      expected: 'null, a scorer name or a scorer function (use crossValidate for several metrics)',
      received: describeValue(o.scoring),
    });
  }
  return (runCrossValidate('crossValScore', estimator, X, y, { cv: o.cv, scoring: o.scoring, errorScore: o.errorScore, onProgress: o.onProgress, signal: o.signal }) as CrossValidateResult).testScore;
}
