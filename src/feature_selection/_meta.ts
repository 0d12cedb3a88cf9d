/**
 * What the model-based selectors (RFE, RFECV, SelectFromModel, SequentialFeatureSelector) share:
 * column subsets of the validated X, calling an inner estimator's methods by name, and copying a
 * fitted estimator.
 */
import type { Matrix } from 'ml-matrix';
import { getTags, isEstimator, type BaseEstimator } from '../core/base';
import { ValidationError } from '../core/errors';
import { RESTORE_STATE } from '../core/serialization';
import type { EstimatorTags, Label, Target } from '../core/types';
import { matrixFromFlat, toLabels, toTarget, type Dense } from '../core/validation';

type AnyMethod = (...args: unknown[]) => unknown;

/** The columns `features` (in that order) of a validated X, as a new Matrix. */
export function takeColumns(X: Dense, features: readonly number[]): Matrix {
  const k = features.length;
  const cols = Int32Array.from(features);
  const data = X.data;
  const out = new Float64Array(X.rows * k);
  for (let i = 0, src = 0, dst = 0; i < X.rows; i++, src += X.cols, dst += k) {
    for (let c = 0; c < k; c++) out[dst + c] = data[src + cols[c]];
  }
  return matrixFromFlat(out, X.rows, k);
}

/** The rows `idx` of a validated X, as a new flat array. */
export function takeDenseRows(X: Dense, idx: readonly number[]): Dense {
  const out = new Float64Array(idx.length * X.cols);
  for (let r = 0; r < idx.length; r++) out.set(X.data.subarray(idx[r] * X.cols, (idx[r] + 1) * X.cols), r * X.cols);
  return { data: out, rows: idx.length, cols: X.cols };
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

/**
 * Validates the y a selector hands to its inner estimator, as every estimator validates its own:
 * class labels for a classifier, finite numbers otherwise (labels when they are not all numbers),
 * one per sample. Returns a copy; undefined when no y was given.
 */
export function checkInnerTarget(selector: string, est: BaseEstimator, y: Target | undefined | null, n: number): Float64Array | Label[] | undefined {
  if (y === undefined || y === null) {
    if (getTags(est).requiresY) {
      throw new ValidationError({ code: 'invalid_input', estimator: selector, param: 'y', expected: `one target per sample of X (${n}); ${nameOf(est)} needs y`, received: 'undefined' });
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
