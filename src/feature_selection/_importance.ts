/**
 * Feature importances read from a fitted estimator, shared by RFE, RFECV and SelectFromModel, as
 * scikit-learn's `_get_feature_importances`: the getter ('auto', a dotted attribute path, or a
 * function) gives a 1-d (one value per feature) or 2-d (rows × features) array, then a transform
 * makes it one score per feature.
 */
import { isEstimator } from '../core/base';
import { isTypedArray } from '../core/typedArray';
import { isMatrix } from '../core/validation';
import { ValidationError, describeValue } from '../core/errors';
import type { ParamSpec } from '../core/params';

/** A function that reads importances from a fitted estimator. */
export type ImportanceFunction = (estimator: unknown) => unknown;

/**
 * How importances are read: `'auto'` (`coef_`, else `featureImportances_`), a dotted attribute path
 * such as `'coef_'` or `'namedSteps.clf.coef_'`, or a function of the fitted estimator.
 */
export type ImportanceGetter = 'auto' | string | ImportanceFunction;

/** The option rule of `importanceGetter`. */
export const importanceGetterSpec: ParamSpec = {
  description: "'auto', a non-empty dotted attribute path (e.g. 'coef_' or 'namedSteps.clf.coef_') or a function",
  check: (v) => typeof v === 'function' || (typeof v === 'string' && v.length > 0 && v.split('.').every((p) => p.length > 0)),
};

/** How a 2-d importance array becomes one score per feature. */
export type ImportanceTransform = { kind: 'norm'; order: number } | { kind: 'square' };

function className(est: unknown): string {
  return isEstimator(est) ? est.className : 'the estimator';
}

/** Whether `name` can be read on `obj` (an own or prototype property, getters included). */
function has(obj: unknown, name: string): boolean {
  return obj !== null && (typeof obj === 'object' || typeof obj === 'function') && name in (obj as object);
}

function readPath(est: unknown, path: string, fn: string): unknown {
  let v: unknown = est;
  for (const part of path.split('.')) {
    if (!has(v, part)) {
      throw new ValidationError({
        code: 'invalid_option',
        estimator: fn,
        param: 'importanceGetter',
        message: `${fn} cannot read importanceGetter '${path}': ${className(est)} has no '${part}' on that path.`,
      });
    }
    v = (v as Record<string, unknown>)[part];
  }
  return v;
}

/** Rows of numbers from a 1-d array, a 2-d array or an ml-matrix Matrix; undefined otherwise. */
function asRows(v: unknown): { rows: ArrayLike<number>[]; oneD: boolean } | undefined {
  if (isMatrix(v)) return { rows: v.to2DArray(), oneD: false };
  if (isTypedArray(v)) return { rows: [v], oneD: true };
  if (!Array.isArray(v) || v.length === 0) return undefined;
  if (v.every((x) => typeof x === 'number')) return { rows: [v as number[]], oneD: true };
  if (v.every((r) => Array.isArray(r) || (ArrayBuffer.isView(r) && !(r instanceof DataView)))) {
    const rows = v as ArrayLike<number>[];
    const d = rows[0].length;
    if (rows.every((r) => r.length === d && Array.prototype.every.call(r, (x: unknown) => typeof x === 'number'))) return { rows, oneD: false };
  }
  return undefined;
}

/**
 * One importance score per feature of a fitted estimator. With `kind: 'norm'` a 1-d array gives
 * |w| and a 2-d array the `order`-norm of each column (scikit-learn's `norm_order`: 1 sums |w|
 * over rows, ±Infinity takes the max/min |w|); with `kind: 'square'` (RFE) w² and the sum of w²
 * over rows.
 * @param fn - the selector's name, for errors.
 */
export function featureImportances(estimator: unknown, getter: ImportanceGetter, transform: ImportanceTransform, nFeatures: number, fn: string): Float64Array {
  let raw: unknown;
  if (typeof getter === 'function') raw = getter(estimator);
  else if (getter === 'auto') {
    if (has(estimator, 'coef_')) raw = (estimator as { coef_: unknown }).coef_;
    else if (has(estimator, 'featureImportances_')) raw = (estimator as { featureImportances_: unknown }).featureImportances_;
    else {
      throw new ValidationError({
        code: 'invalid_option',
        estimator: fn,
        param: 'importanceGetter',
        message: `With importanceGetter 'auto', ${fn} needs an estimator with a coef_ or featureImportances_ attribute; ${className(estimator)} has neither. Pass importanceGetter as an attribute path or a function.`,
      });
    }
  } else raw = readPath(estimator, getter, fn);
  const arr = asRows(raw);
  if (!arr || arr.rows[0].length !== nFeatures) {
    throw new ValidationError({
      code: 'invalid_option',
      estimator: fn,
      param: 'importanceGetter',
      expected: `importances as an array of ${nFeatures} numbers or rows of ${nFeatures} numbers (one per feature)`,
      received: describeValue(raw),
    });
  }
  const out = new Float64Array(nFeatures);
  const { rows, oneD } = arr;
  if (transform.kind === 'square') {
    for (const r of rows) for (let j = 0; j < nFeatures; j++) out[j] += r[j] * r[j];
  } else if (oneD) {
    for (let j = 0; j < nFeatures; j++) out[j] = Math.abs(rows[0][j]);
  } else {
    const p = transform.order;
    for (let j = 0; j < nFeatures; j++) {
      if (p === Infinity || p === -Infinity) {
        let m = p === Infinity ? -Infinity : Infinity;
        for (const r of rows) m = p === Infinity ? Math.max(m, Math.abs(r[j])) : Math.min(m, Math.abs(r[j]));
        out[j] = m;
      } else if (p === 1) {
        let s = 0;
        for (const r of rows) s += Math.abs(r[j]);
        out[j] = s;
      } else if (p === 2) {
        let s = 0;
        for (const r of rows) s += r[j] * r[j];
        out[j] = Math.sqrt(s);
      } else {
        let s = 0;
        for (const r of rows) s += Math.abs(r[j]) ** p;
        out[j] = s ** (1 / p);
      }
    }
  }
  for (let j = 0; j < nFeatures; j++) {
    if (Number.isNaN(out[j])) {
      throw new ValidationError({ code: 'invalid_input', estimator: fn, param: 'importanceGetter', expected: 'importances free of NaN', received: `NaN for feature ${j}` });
    }
  }
  return out;
}
