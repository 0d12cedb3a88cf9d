import { warn } from '../core/errors';
import { assembleScore, readWeightOptions, regressionInput } from './_regression';
import { average, sum } from '../core/numpySum';
import { UndefinedMetricWarning } from './UndefinedMetricWarning';

/** Options of {@link r2Score}. */
export interface R2ScoreOptions {
  /** Per-sample weights. */
  sampleWeight?: ArrayLike<number>;
  /**
   * When y is constant, return 1 for a perfect prediction and 0 otherwise (true, the default), instead
   * of NaN or -Infinity.
   * @defaultValue true
   */
  forceFinite?: boolean;
}

/**
 * The coefficient of determination R² = 1 − SS_res / SS_tot. scikit-learn's `r2_score`. With fewer
 * than two samples it is undefined: NaN, with an `UndefinedMetricWarning`.
 * @example
 * ```ts
 * import { r2Score } from 'typelearn';
 * console.log(r2Score([3, -0.5, 2, 7], [2.5, 0.0, 2, 8])); // 0.9486081370449679
 * ```
 */
export function r2Score(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, options: R2ScoreOptions = {}): number {
  const fn = 'r2Score';
  const o = readWeightOptions<R2ScoreOptions>(fn, options, { sampleWeight: undefined, forceFinite: true });
  const { yTrue: a, yPred: b, w } = regressionInput(fn, yTrue, yPred, o.sampleWeight);
  const n = a.length;
  if (n < 2) {
    warn(new UndefinedMetricWarning('R^2 score is not well-defined with less than two samples.', fn));
    return NaN;
  }
  const mean = average(a, w);
  const t = new Float64Array(n);
  for (let i = 0; i < n; i++) t[i] = (w ? w[i] : 1) * (a[i] - b[i]) ** 2;
  const numerator = sum(t);
  for (let i = 0; i < n; i++) t[i] = (w ? w[i] : 1) * (a[i] - mean) ** 2;
  const denominator = sum(t);
  return assembleScore(numerator, denominator, o.forceFinite !== false);
}
