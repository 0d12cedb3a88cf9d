import { ValidationError, describeValue } from '../core/errors';
import { checkSquaresFinite } from '../core/overflow';
import { bool, checkParam } from '../core/params';
import { registerFunction } from '../core/serialization';
import type { MatrixLike, Target } from '../core/types';
import { toTarget } from '../core/validation';
import { type RowMajor } from '../core/data/index';
import { registerKernel, scoreInput, type DenseScores, type ScoreResult } from './_univariate';

/** Options of {@link rRegression} and {@link fRegression}. */
export interface RegressionScoreOptions {
  /** Center X and y (a model with an intercept). @defaultValue true */
  center?: boolean;
  /** Replace non-finite results (constant feature or target; perfect correlation for F) by finite ones, as scikit-learn. @defaultValue true */
  forceFinite?: boolean;
}

const OPTION_DEFAULTS = { center: true, forceFinite: true };
const OPTION_SCHEMA = { center: bool(), forceFinite: bool() };

/** Validates the options of rRegression / fRegression: known names, boolean values. */
export function checkRegressionScoreOptions(options: unknown, estimator: string): RegressionScoreOptions {
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new ValidationError({ code: 'invalid_option', estimator, param: 'options', expected: 'an options object', received: describeValue(options) });
  }
  for (const [k, v] of Object.entries(options)) if (v !== undefined) checkParam(estimator, k, v, OPTION_DEFAULTS, OPTION_SCHEMA);
  return options as RegressionScoreOptions;
}

/** Pearson's r of every column of X with y, on flat data (scikit-learn's moments formula). */
export function rRegressionDense(X: RowMajor, y: Target, options: RegressionScoreOptions = {}, estimator = 'rRegression'): Float64Array {
  checkRegressionScoreOptions(options, estimator);
  checkSquaresFinite(estimator, X, options.center ?? true);
  const center = options.center ?? true;
  const forceFinite = options.forceFinite ?? true;
  const { data, rows: n, cols: d } = X;
  const yv = toTarget(y, { estimator, length: n });
  let ymean = 0;
  if (center) {
    for (let i = 0; i < n; i++) ymean += yv[i];
    ymean /= n;
  }
  let ynorm = 0;
  const sum = new Float64Array(d);
  const sq = new Float64Array(d);
  const dot = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    const yc = yv[i] - ymean;
    ynorm += yc * yc;
    const off = i * d;
    for (let j = 0; j < d; j++) {
      const v = data[off + j];
      sum[j] += v;
      sq[j] += v * v;
      dot[j] += yc * v;
    }
  }
  ynorm = Math.sqrt(ynorm);
  const r = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    const mean = sum[j] / n;
    const norm = center ? Math.sqrt(sq[j] - n * mean * mean) : Math.sqrt(sq[j]);
    let v = dot[j] / norm / ynorm;
    if (forceFinite && Number.isNaN(v)) v = 0;
    r[j] = v;
  }
  return r;
}

/**
 * Pearson's correlation r of each feature with a numeric target, in [-1, 1]. With `forceFinite`
 * (the default) an undefined r (NaN, e.g. a constant target) becomes 0, as in scikit-learn.
 *
 * Returns `{ scores }` (r for each feature; no p-values, as scikit-learn's returns an array).
 * As a selector's score function it ranks by signed r; use {@link fRegression} to rank by
 * strength regardless of sign.
 * @example
 * ```ts
 * import { rRegression } from 'typelearn';
 * const { scores } = rRegression([[1, 3], [2, 2], [3, 1]], [1, 2, 3]);
 * console.log(scores.map((r) => +r.toFixed(12))); // [ 1, -1 ]
 * ```
 */
export function rRegression(X: MatrixLike, y: Target, options: RegressionScoreOptions = {}): ScoreResult {
  return { scores: Array.from(rRegressionDense(scoreInput(X, 'rRegression'), y, options)) };
}

registerKernel(rRegression, (X, y): DenseScores => ({ scores: rRegressionDense(X, y) }));
registerFunction('rRegression', rRegression);
