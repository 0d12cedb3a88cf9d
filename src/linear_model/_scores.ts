/**
 * The predict path shared by the linear models: X coefᵀ + intercept through the fused kernel
 * `linearPredict`, which also detects non-finite input, so X is validated without a pass of its
 * own. Check X with {@link PREDICT_CHECK} (read in place, finiteness deferred to the kernel).
 */
import { linearPredict } from '../core/kernels/linearPredict';
import { assertFinite, type CheckArrayOptions } from '../core/validation';
import type { RowMajor } from '../core/data/index';

/** checkX options of a linear predict path: no copy, finiteness checked by {@link linearScores}. */
export const PREDICT_CHECK: CheckArrayOptions = { copy: false, deferFinite: true };

/**
 * X coefᵀ + intercept, n × t flat (t = intercept.length; coef is t × d, flat). Throws the usual
 * ValidationError, naming `estimator`, when X holds NaN or ±Infinity.
 */
export function linearScores(Xd: RowMajor, coef: Float64Array, intercept: Float64Array, estimator: string): Float64Array {
  const out = new Float64Array(Xd.rows * intercept.length);
  const bad = linearPredict(Xd.data, Xd.rows, Xd.cols, coef, intercept, out);
  if (bad >= 0) assertFinite(Xd.data, Xd.cols, { estimator }, bad);
  return out;
}

/** A Float64Array as number[], several times faster than `Array.from` on large arrays in V8. */
export function toNumberArray(z: Float64Array): number[] {
  const out = new Array<number>(z.length);
  for (let i = 0; i < z.length; i++) out[i] = z[i];
  return out;
}
