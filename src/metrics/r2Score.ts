import { checkRegressionTargets, checkWeights } from './_checks';

export interface R2ScoreOptions {
  /** Per-sample weights. */
  sampleWeight?: ArrayLike<number>;
  /**
   * When y is constant, return 1 for a perfect prediction and 0 otherwise (true, the default), instead
   * of NaN or -Infinity.
   */
  forceFinite?: boolean;
}

/**
 * The coefficient of determination R² = 1 − SS_res / SS_tot. scikit-learn's `r2_score`.
 * @example
 * ```ts
 * import { r2Score } from 'typelearn';
 * console.log(r2Score([3, -0.5, 2, 7], [2.5, 0.0, 2, 8])); // 0.9486081370449679
 * ```
 */
export function r2Score(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, options: R2ScoreOptions = {}): number {
  const [a, b] = checkRegressionTargets('r2Score', yTrue, yPred);
  const w = checkWeights('r2Score', options.sampleWeight, a.length);
  const n = a.length;
  let sw = 0;
  let mean = 0;
  for (let i = 0; i < n; i++) {
    const wi = w ? w[i] : 1;
    sw += wi;
    mean += wi * a[i];
  }
  mean /= sw;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    const wi = w ? w[i] : 1;
    const r = a[i] - b[i];
    const d = a[i] - mean;
    num += wi * r * r;
    den += wi * d * d;
  }
  if (den === 0) {
    if (options.forceFinite === false) return num === 0 ? NaN : -Infinity;
    return num === 0 ? 1 : 0;
  }
  return 1 - num / den;
}
