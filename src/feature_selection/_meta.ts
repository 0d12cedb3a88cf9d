/**
 * What the model-based selectors (RFE, RFECV, SelectFromModel, SequentialFeatureSelector) share:
 * column subsets of the validated X, calling an inner estimator's methods by name, and copying a
 * fitted estimator.
 */
import type { Matrix } from 'ml-matrix';
import { getTags, isEstimator, type BaseEstimator } from '../core/base';
import { ValidationError } from '../core/errors';
import { RESTORE_STATE } from '../core/serialization';
import type { EstimatorTags, Target } from '../core/types';
import { takeColumns as takeColumnsOf, takeRows, toMatrix, type RowMajor } from '../core/data/index';

type AnyMethod = (...args: unknown[]) => unknown;

/** The columns `features` (in that order) of a validated X, as a new Matrix. */
export function takeColumns(X: RowMajor, features: readonly number[]): Matrix {
  return toMatrix(takeColumnsOf(X, features));
}

/** The rows `idx` of a validated X, as a new flat array. */
export function takeDenseRows(X: RowMajor, idx: readonly number[]): RowMajor {
  return takeRows(X, idx);
}

/** The class name of an estimator (for messages). */
export function nameOf(est: unknown): string {
  const C = (est as { constructor?: { className?: unknown } } | null)?.constructor;
  return typeof C?.className === 'string' ? C.className : 'the estimator';
}

/** Fits `est` on X (and y when given). */
export function fitEstimator(est: BaseEstimator, X: Matrix, y: Target | undefined | null): void {
  const fit = (est as unknown as { fit: AnyMethod }).fit;
  if (y === undefined || y === null) fit.call(est, X);
  else fit.call(est, X, y);
}

/**
 * Calls `method` of a fitted inner estimator; a missing method is a ValidationError with code
 * 'unsupported' (so pipelines and the contract suite see it as absent), naming the selector.
 */
export function callInner(selector: string, est: BaseEstimator, method: string, ...args: unknown[]): unknown {
  const m = (est as unknown as Record<string, unknown>)[method];
  if (typeof m !== 'function') {
    throw new ValidationError({ code: 'unsupported', estimator: selector, message: `${selector} has no ${method}: its estimator (${nameOf(est)}) does not implement it.` });
  }
  return (m as AnyMethod).apply(est, args);
}

/** Reads an attribute of a fitted inner estimator, or says that it has none. */
export function readInner(selector: string, est: BaseEstimator, attribute: string): unknown {
  if (!(attribute in est)) {
    throw new ValidationError({ code: 'unsupported', estimator: selector, message: `${selector} has no ${attribute}: its estimator (${nameOf(est)}) does not have it.` });
  }
  return (est as unknown as Record<string, unknown>)[attribute];
}

function copyValue(v: unknown): unknown {
  if (isEstimator(v)) return copyFitted(v);
  if (Array.isArray(v)) return v.map(copyValue);
  if (ArrayBuffer.isView(v)) return (v as unknown as { slice(): unknown }).slice();
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

/** The tags a selector wrapping `est` inherits from it: NaN tolerance, needing y, determinism, binary-only. */
export function innerTags(est: BaseEstimator): Partial<EstimatorTags> {
  const t = getTags(est);
  return { requiresY: t.requiresY, allowNaN: t.allowNaN, nonDeterministic: t.nonDeterministic, binaryOnly: t.binaryOnly };
}
