import { assembleScore, readWeightOptions, regressionInput } from './_regression';
import { average } from '../core/numpySum';

/** Options of {@link explainedVarianceScore}. */
export interface ExplainedVarianceScoreOptions {
  /** Per-sample weights. */
  sampleWeight?: ArrayLike<number>;
  /**
   * When yTrue is constant, return 1 for a perfect prediction and 0 otherwise, instead of NaN or
   * −Infinity.
   * @defaultValue true
   */
  forceFinite?: boolean;
}

/**
 * The explained variance 1 − Var(yTrue − yPred) / Var(yTrue). Unlike R² it ignores a constant bias
 * of the predictions. scikit-learn's `explained_variance_score`.
 * @example
 * ```ts
 * import { explainedVarianceScore } from 'typelearn';
 * console.log(explainedVarianceScore([3, -0.5, 2, 7], [2.5, 0.0, 2, 8])); // 0.9571734475374732
 * ```
 */
export function explainedVarianceScore(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, options: ExplainedVarianceScoreOptions = {}): number {
  const fn = 'explainedVarianceScore';
  const o = readWeightOptions<ExplainedVarianceScoreOptions>(fn, options, { sampleWeight: undefined, forceFinite: true });
  const { yTrue: a, yPred: b, w } = regressionInput(fn, yTrue, yPred, o.sampleWeight);
  const n = a.length;
  const diff = new Float64Array(n);
  for (let i = 0; i < n; i++) diff[i] = a[i] - b[i];
  const diffAvg = average(diff, w);
  const t = new Float64Array(n);
  for (let i = 0; i < n; i++) t[i] = (diff[i] - diffAvg) ** 2;
  const numerator = average(t, w);
  const trueAvg = average(a, w);
  for (let i = 0; i < n; i++) t[i] = (a[i] - trueAvg) ** 2;
  const denominator = average(t, w);
  return assembleScore(numerator, denominator, o.forceFinite !== false);
}
