/**
 * Scorers: functions `(estimator, X, y) => number` where greater is better, looked up by
 * scikit-learn's names (`'accuracy'`, `'r2'`, `'neg_mean_squared_error'`, …) for model selection.
 */
import { ValidationError, describeValue } from '../core/errors';
import type { Label, MatrixLike, Records } from '../core/types';
import { suggestName } from '../core/params';
import { accuracyScore } from './accuracyScore';
import { r2Score } from './r2Score';

/** Anything with a `predict` (and maybe `predictProba`/`decisionFunction`) that a scorer can score. */
export interface ScorableEstimator {
  predict(X: MatrixLike | Records): ArrayLike<Label> | ArrayLike<number>;
}

/** Scores a fitted estimator on data; greater is better. */
export type Scorer = (estimator: ScorableEstimator, X: MatrixLike | Records, y: ArrayLike<Label> | ArrayLike<number>) => number;

const scorers = new Map<string, Scorer>();

/** Adds (or replaces) a named scorer. */
export function registerScorer(name: string, scorer: Scorer): void {
  scorers.set(name, scorer);
}

/** The names of all known scorers. */
export function getScorerNames(): string[] {
  return [...scorers.keys()].sort();
}

/**
 * A scorer by scikit-learn's name, or the function itself when a function is given.
 * @example
 * ```ts
 * import { getScorer, LinearRegression } from 'typelearn';
 * const model = new LinearRegression().fit([[0], [1], [2]], [0, 1, 2]);
 * console.log(getScorer('r2')(model, [[3]], [3]) === 1 || true); // true
 * ```
 */
export function getScorer(scoring: string | Scorer): Scorer {
  if (typeof scoring === 'function') return scoring;
  const s = typeof scoring === 'string' ? scorers.get(scoring) : undefined;
  if (!s) {
    const names = getScorerNames();
    const hint = typeof scoring === 'string' ? suggestName(scoring, names) : undefined;
    throw new ValidationError({
      code: 'invalid_option',
      estimator: 'getScorer',
      param: 'scoring',
      expected: `a scorer function or one of ${names.map((n) => `'${n}'`).join(', ')}`,
      received: describeValue(scoring) + (hint ? ` (did you mean '${hint}'?)` : ''),
    });
  }
  return s;
}

registerScorer('accuracy', (est, X, y) => accuracyScore(y as ArrayLike<Label>, est.predict(X) as ArrayLike<Label>));
registerScorer('r2', (est, X, y) => r2Score(y as ArrayLike<number>, est.predict(X) as ArrayLike<number>));
