/** Shared argument checks of the metric functions. */
import { ValidationError, describeValue } from '../core/errors';
import type { Label, MatrixLike } from '../core/types';
import { isMatrix, toDense, toLabels, toTarget } from '../core/validation';
import { type RowMajor } from '../core/data/index';

/** Validates a pair of numeric arrays of equal, non-zero length. */
export function checkRegressionTargets(fn: string, yTrue: unknown, yPred: unknown): [Float64Array, Float64Array] {
  const a = toTarget(yTrue, { estimator: fn, name: 'yTrue' });
  const b = toTarget(yPred, { estimator: fn, name: 'yPred' });
  checkSameLength(fn, 'yPred', b.length, a.length);
  return [a, b];
}

/** Throws when an array's length differs from the number of samples in yTrue. */
export function checkSameLength(fn: string, param: string, got: number, n: number): void {
  if (got !== n) {
    throw new ValidationError({
      code: 'invalid_input',
      estimator: fn,
      param,
      expected: `the same number of samples as yTrue (${n})`,
      received: `${got}`,
    });
  }
}

/** The type of a label array ('number', 'string' or 'boolean'); arrays are non-empty and uniform. */
function labelKind(y: readonly Label[]): string {
  return typeof y[0];
}

/**
 * Validates class labels: a non-empty 1-d array of numbers, strings or booleans, all of one type; numeric
 * labels must be integers, as scikit-learn refuses continuous targets in classification metrics.
 */
export function checkLabelArray(fn: string, y: unknown, name: string): Label[] {
  const out = toLabels(y, { estimator: fn, name });
  if (typeof out[0] === 'number') {
    for (let i = 0; i < out.length; i++) {
      if (!Number.isInteger(out[i])) {
        throw new ValidationError({
          code: 'invalid_input',
          estimator: fn,
          param: name,
          expected: 'class labels (integers, strings or booleans); classification metrics cannot handle continuous targets',
          received: `${out[i]} at index ${i}`,
        });
      }
    }
  }
  return out;
}

/** Throws unless two label arrays hold labels of the same type. */
export function checkSameKind(fn: string, param: string, ref: readonly Label[], other: readonly Label[]): void {
  if (other.length > 0 && labelKind(ref) !== labelKind(other)) {
    throw new ValidationError({
      code: 'invalid_input',
      estimator: fn,
      param,
      expected: `labels of the same type as yTrue (${labelKind(ref)})`,
      received: `${labelKind(other)} labels`,
    });
  }
}

/** Validates a pair of label arrays of equal, non-zero length and of one label type. */
export function checkClassificationTargets(fn: string, yTrue: unknown, yPred: unknown): [Label[], Label[]] {
  const a = checkLabelArray(fn, yTrue, 'yTrue');
  const b = checkLabelArray(fn, yPred, 'yPred');
  checkSameLength(fn, 'yPred', b.length, a.length);
  checkSameKind(fn, 'yPred', a, b);
  return [a, b];
}

/** Validates a `labels` option: a non-empty array of labels of the same type as `ref`. */
export function checkLabelsOption(fn: string, labels: unknown, ref: readonly Label[]): Label[] {
  const out = toLabels(labels, { estimator: fn, name: 'labels' });
  checkSameKind(fn, 'labels', ref, out);
  return out;
}

/**
 * Maps a positive label given as a number onto boolean labels the way Python compares them
 * (`1 == True`), so the default `posLabel: 1` works with boolean targets as in scikit-learn.
 */
export function normalizePosLabel(posLabel: Label, ref: readonly Label[]): Label {
  if (typeof ref[0] === 'boolean' && typeof posLabel === 'number' && (posLabel === 0 || posLabel === 1)) {
    return posLabel === 1;
  }
  return posLabel;
}

/** Validates optional sample weights for `n` samples; undefined means all ones. */
export function checkWeights(fn: string, w: ArrayLike<number> | undefined | null, n: number): Float64Array | undefined {
  if (w === undefined || w === null) return undefined;
  const out = toTarget(w, { estimator: fn, name: 'sampleWeight' });
  checkSameLength(fn, 'sampleWeight', out.length, n);
  for (let i = 0; i < n; i++) {
    if (out[i] < 0) {
      throw new ValidationError({ code: 'invalid_input', estimator: fn, param: 'sampleWeight', expected: 'non-negative weights', received: `${describeValue(out[i])} at index ${i}` });
    }
  }
  // All-zero weights leave nothing to measure (a weighted mean of nothing is NaN): refused by every metric.
  checkPositiveSum(fn, out);
  return out;
}

/** Throws unless the weights have a positive sum (needed wherever they divide). */
export function checkPositiveSum(fn: string, w: Float64Array | undefined): void {
  if (!w) return;
  let s = 0;
  for (let i = 0; i < w.length; i++) s += w[i];
  if (!(s > 0)) {
    throw new ValidationError({ code: 'invalid_input', estimator: fn, param: 'sampleWeight', expected: 'weights with a positive sum', received: 'weights summing to 0' });
  }
}

/** True when a value looks 2-d (a Matrix or an array whose first item is an array). */
export function is2d(value: unknown): boolean {
  if (isMatrix(value)) return true;
  if (!Array.isArray(value) || value.length === 0) return false;
  const first: unknown = value[0];
  return Array.isArray(first) || ArrayBuffer.isView(first);
}

/** Validates a 2-d score or probability matrix with `n` rows. */
export function checkScoreMatrix(fn: string, scores: MatrixLike | unknown, name: string, n: number): RowMajor {
  const d = toDense(scores, { estimator: fn, name });
  checkSameLength(fn, name, d.rows, n);
  return d;
}

/** Validates a 1-d array of finite scores with `n` entries. */
export function checkScores(fn: string, scores: unknown, name: string, n: number): Float64Array {
  const s = toTarget(scores, { estimator: fn, name });
  checkSameLength(fn, name, s.length, n);
  return s;
}

/** Throws unless every value lies in [0, 1]. */
export function checkProbabilities(fn: string, name: string, p: Float64Array): void {
  for (let i = 0; i < p.length; i++) {
    if (!(p[i] >= 0 && p[i] <= 1)) {
      throw new ValidationError({ code: 'invalid_input', estimator: fn, param: name, expected: 'probabilities in [0, 1]', received: `${p[i]}` });
    }
  }
}
