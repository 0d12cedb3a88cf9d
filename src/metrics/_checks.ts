/** Shared argument checks of the metric functions. */
import { ValidationError, describeValue } from '../core/errors';
import type { Label } from '../core/types';
import { toLabels, toTarget } from '../core/validation';

/** Validates a pair of numeric arrays of equal, non-zero length. */
export function checkRegressionTargets(fn: string, yTrue: unknown, yPred: unknown): [Float64Array, Float64Array] {
  const a = toTarget(yTrue, { estimator: fn, name: 'yTrue' });
  const b = toTarget(yPred, { estimator: fn, name: 'yPred', length: a.length });
  return [a, b];
}

/** Validates a pair of label arrays of equal, non-zero length. */
export function checkClassificationTargets(fn: string, yTrue: unknown, yPred: unknown): [Label[], Label[]] {
  const a = toLabels(yTrue, { estimator: fn, name: 'yTrue' });
  const b = toLabels(yPred, { estimator: fn, name: 'yPred', length: a.length });
  return [a, b];
}

/** Validates optional sample weights for `n` samples; undefined means all ones. */
export function checkWeights(fn: string, w: ArrayLike<number> | undefined, n: number): Float64Array | undefined {
  if (w === undefined || w === null) return undefined;
  const out = toTarget(w, { estimator: fn, name: 'sampleWeight', length: n });
  for (let i = 0; i < n; i++) {
    if (out[i] < 0) {
      throw new ValidationError({ code: 'invalid_input', estimator: fn, param: 'sampleWeight', expected: 'non-negative weights', received: `${describeValue(out[i])} at index ${i}` });
    }
  }
  return out;
}
