/** Validation of regression targets that may have several columns (multi-output ridge, MLPRegressor). */
import { ValidationError, describeValue } from './errors';
import { toDense, toTarget } from './validation';

export interface Targets {
  /** n × t, flat row-major. */
  Y: Float64Array;
  /** The number of targets. */
  t: number;
  /** True when y was 1-d (results are then 1-d too, as in scikit-learn). */
  oneD: boolean;
}

/** A 1-d target (`number[]`, typed array) or a 2-d one (n rows of t targets), copied. */
export function toTargets(y: unknown, estimator: string, n: number): Targets {
  const first = Array.isArray(y) && y.length > 0 ? (y[0] as unknown) : undefined;
  if (Array.isArray(first) || ArrayBuffer.isView(first)) {
    if ((y as unknown[]).length !== n) {
      throw new ValidationError({ code: 'invalid_input', estimator, param: 'y', expected: `the same number of samples as X (${n})`, received: `${(y as unknown[]).length}` });
    }
    const d = toDense(y, { estimator, name: 'y' });
    return { Y: d.data, t: d.cols, oneD: false };
  }
  if (first !== undefined && typeof first !== 'number') {
    throw new ValidationError({ code: 'invalid_input', estimator, param: 'y', expected: 'numbers (a 1-d array) or rows of numbers (a 2-d array, one column per target)', received: `${describeValue(first)} at index 0` });
  }
  return { Y: toTarget(y, { estimator, length: n }), t: 1, oneD: true };
}
