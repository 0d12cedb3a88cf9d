import { fSurvival } from '../core/special';
import { registerFunction } from '../core/serialization';
import type { MatrixLike, Target } from '../core/types';
import type { RowMajor } from '../core/data/index';
import { registerKernel, scoreInput, toResult, type DenseScores, type ScoreResult } from './_univariate';
import { checkRegressionScoreOptions, rRegressionDense, type RegressionScoreOptions } from './rRegression';

/** The univariate regression F-test of every column of X against y, on flat data. */
export function fRegressionDense(X: RowMajor, y: Target, options: RegressionScoreOptions = {}, estimator = 'fRegression'): DenseScores {
  checkRegressionScoreOptions(options, estimator);
  const center = options.center ?? true;
  const forceFinite = options.forceFinite ?? true;
  const r = rRegressionDense(X, y, { center, forceFinite }, estimator);
  const dof = X.rows - (center ? 2 : 1);
  const d = r.length;
  const scores = new Float64Array(d);
  const pvalues = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    const r2 = r[j] * r[j];
    let f = (r2 / (1 - r2)) * dof;
    // scipy's f.sf: 1 below the support, NaN for NaN.
    let p = Number.isNaN(f) ? NaN : f < 0 ? 1 : fSurvival(f, 1, dof);
    if (forceFinite) {
      if (f === Infinity) f = Number.MAX_VALUE;
      else if (Number.isNaN(f)) {
        f = 0;
        p = 1;
      }
    }
    scores[j] = f;
    pvalues[j] = p;
  }
  return { scores, pvalues };
}

/**
 * The F-statistic of a one-feature linear regression of y on each feature, and its p-value: a fast
 * test of each feature's linear effect, ranking features by |r| (see {@link rRegression}).
 *
 * Returns `{ scores, pvalues }`, one entry per feature. With `forceFinite` (the default), a
 * constant feature gets F = 0 and p = 1, a perfectly correlated one F = Number.MAX_VALUE and p = 0.
 * @example
 * ```ts
 * import { fRegression } from 'typelearn';
 * const { scores, pvalues } = fRegression([[1, 1], [2, 0], [3, 1], [4, 0]], [1.1, 2.0, 2.9, 4.2]);
 * console.log(scores[0] > 100, pvalues![1] > 0.5); // true true
 * ```
 */
export function fRegression(X: MatrixLike, y: Target, options: RegressionScoreOptions = {}): ScoreResult {
  return toResult(fRegressionDense(scoreInput(X, 'fRegression'), y, options));
}

registerKernel(fRegression, (X, y) => fRegressionDense(X, y));
registerFunction('fRegression', fRegression);
