/**
 * What the model-based selectors (RFE, RFECV, SelectFromModel, SequentialFeatureSelector) share:
 * column subsets of the validated X, fitting the inner estimator, and copying a fitted estimator.
 */
import type { Matrix } from 'ml-matrix';
import { getTags, isEstimator, type BaseEstimator } from '../core/base';
import { fitOn, isFittable, requireCapability } from '../core/capabilities';
import { RESTORE_STATE } from '../core/serialization';
import { ValidationError } from '../core/errors';
import { isTypedArray } from '../core/typedArray';
import type { EstimatorTags, Label, Target } from '../core/types';
import { toLabels, toTarget } from '../core/validation';
import { takeColumns as takeColumnsOf, takeRows, toMatrix, type RowMajor } from '../core/data/index';

/** The columns `features` (in that order) of a validated X, as a new Matrix. */
export function takeColumns(X: RowMajor, features: readonly number[]): Matrix {
  return toMatrix(takeColumnsOf(X, features));
}

/** The rows `idx` of a validated X, as a new flat array. */
export function takeDenseRows(X: RowMajor, idx: readonly number[]): RowMajor {
  return takeRows(X, idx);
}

/** Fits `est` on X (and y when given); an estimator without `fit` is an 'unsupported' error of `selector`. */
export function fitEstimator(selector: string, est: BaseEstimator, X: Matrix, y: Target | undefined | null): void {
  fitOn(requireCapability(est, isFittable, 'fit', { estimator: selector, role: 'estimator' }), X, y);
}

function copyValue(v: unknown): unknown {
  if (isEstimator(v)) return copyFitted(v);
  if (Array.isArray(v)) return v.map(copyValue);
  if (isTypedArray(v)) return v.slice();
  if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = copyValue(x);
    return out;
  }
  return v;
}

/**
 * A deep copy of an estimator with its fitted state (scikit-learn's `deepcopy` of a prefit
 * estimator): a clone with a copy of the state installed, so the copy never shares arrays with the
 * original.
 */
export function copyFitted<E extends BaseEstimator>(est: E): E {
  const copy = est.clone();
  const state = (est as unknown as { state: unknown }).state;
  if (state !== undefined) copy[RESTORE_STATE](copyValue(state));
  return copy;
}

/**
 * Validates the y a selector hands to its inner estimator, as every estimator validates its own:
 * class labels for a classifier, finite numbers otherwise (labels when they are not all numbers),
 * one per sample. Returns a copy; undefined when no y was given.
 */
export function checkInnerTarget(selector: string, est: BaseEstimator, y: Target | undefined | null, n: number): Float64Array | Label[] | undefined {
  if (y === undefined || y === null) {
    if (getTags(est).requiresY) {
      throw new ValidationError({ code: 'invalid_input', estimator: selector, param: 'y', expected: `one target per sample of X (${n}); ${est.className} needs y`, received: 'undefined' });
    }
    return undefined;
  }
  const o = { estimator: selector, length: n };
  if (getTags(est).estimatorType === 'classifier') return toLabels(y, o);
  const values = y as ArrayLike<unknown>;
  let numeric = typeof values.length === 'number';
  for (let i = 0; numeric && i < values.length; i++) numeric = typeof values[i] === 'number' || values[i] === null || values[i] === undefined;
  return numeric ? toTarget(y, o) : toLabels(y, o);
}

/** The tags a selector wrapping `est` inherits from it: NaN tolerance, needing y, determinism, binary-only. */
export function innerTags(est: BaseEstimator): Partial<EstimatorTags> {
  const t = getTags(est);
  return { requiresY: t.requiresY, allowNaN: t.allowNaN, nonDeterministic: t.nonDeterministic, binaryOnly: t.binaryOnly };
}
