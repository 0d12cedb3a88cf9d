/** Small helpers shared by the scalers. */
import { ValidationError, describeValue } from '../core/errors';

/**
 * scikit-learn's `_handle_zeros_in_scale`: a scale below 10·ε (a constant feature) becomes 1, so
 * that the feature is left unscaled instead of blown up. NaN stays NaN. Works in place.
 */
export function handleZerosInScale(scale: Float64Array): Float64Array {
  for (let j = 0; j < scale.length; j++) if (scale[j] < 10 * Number.EPSILON) scale[j] = 1;
  return scale;
}

/** Throws unless `range` is a pair [lo, hi] with 0 ≤ lo ≤ hi ≤ 100 (a percentile range). */
export function checkPercentileRange(range: readonly number[], estimator: string, param = 'quantileRange'): void {
  if (!(range[0] >= 0 && range[0] <= range[1] && range[1] <= 100)) {
    throw new ValidationError({ code: 'invalid_option', estimator, param, expected: 'a pair [low, high] with 0 <= low <= high <= 100', received: `[${range.map((v) => describeValue(v)).join(', ')}]` });
  }
}
