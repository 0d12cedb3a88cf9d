/** Validation of regression targets that may have several columns (multi-output ridge, MLPRegressor). */
import { ValidationError, describeValue } from './errors';
import { toDense, toTarget } from './validation';
import { r2Score } from '../metrics/r2Score';

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

/** R² of a prediction; for several targets the mean R² over targets (scikit-learn's uniform average). */
export function regressionScore(
  estimator: string,
  oneD: boolean,
  nTargets: number,
  pred: number[] | number[][],
  y: ArrayLike<number> | ReadonlyArray<ArrayLike<number>>,
  sampleWeight?: ArrayLike<number>,
): number {
  if (oneD) return r2Score(y as ArrayLike<number>, pred as number[], { sampleWeight });
  const { Y, t } = toTargets(y, estimator, pred.length);
  if (t !== nTargets) {
    throw new ValidationError({ code: 'invalid_input', estimator, param: 'y', expected: `${nTargets} targets per sample`, received: `${t}` });
  }
  const P = pred as number[][];
  let total = 0;
  for (let k = 0; k < t; k++) {
    const yk = Array.from({ length: P.length }, (_, i) => Y[i * t + k]);
    total += r2Score(yk, P.map((row) => row[k]), { sampleWeight });
  }
  return total / t;
}
