/**
 * Row selection for the inputs model selection handles: `number[][]`, rows of typed arrays, an
 * ml-matrix `Matrix` or `Records`, each returned in the kind it came in; and 1-d targets of any kind.
 */
import { Matrix } from 'ml-matrix';
import { ValidationError, describeValue } from '../core/errors';
import type { MatrixLike, Records } from '../core/types';
import { isArrayLike } from '../core/math/isArrayLike';
import { isRecords } from '../core/tabular';
import { isTypedArray } from '../core/typedArray';
import { isMatrix } from '../core/validation';

/** Anything whose rows model selection can split: a matrix-like or records. */
export type Indexable = MatrixLike | Records;

/**
 * The number of samples (rows) of X; throws naming `fn` and `param` when X is not 2-d data: an
 * array whose rows are all arrays or typed arrays, or all records (plain objects), or a Matrix.
 * Rows are checked here, before any splitter or {@link takeRows} touches them.
 */
export function numSamples(X: unknown, fn: string, param = 'X'): number {
  if (isMatrix(X)) return X.rows;
  if (Array.isArray(X)) {
    const records = isRecords(X);
    for (let i = 0; i < X.length; i++) {
      const row: unknown = X[i];
      if (records ? isRecordRow(row) : isArrayRow(row)) continue;
      throw new ValidationError({
        code: 'invalid_input',
        estimator: fn,
        param,
        expected: records
          ? 'an array of records (every row an object, as the first)'
          : 'a 2-d array whose rows are arrays or typed arrays of numbers',
        received: `row ${i}: ${describeValue(row)}`,
      });
    }
    return X.length;
  }
  throw new ValidationError({
    code: 'invalid_input',
    estimator: fn,
    param,
    expected: 'a 2-d array, rows of typed arrays, an ml-matrix Matrix or an array of records',
    received: describeValue(X),
  });
}

/** The rows of X at `idx`, in X's own kind; rows are copied, so the result never aliases X. */
export function takeRows<T extends Indexable>(X: T, idx: readonly number[]): T;
export function takeRows(X: Indexable, idx: readonly number[]): Indexable {
  if (isMatrix(X)) {
    const out = new Matrix(idx.length, X.columns);
    for (let r = 0; r < idx.length; r++) out.setRow(r, X.getRow(idx[r]));
    return out;
  }
  if (isRecords(X)) return idx.map((i) => ({ ...X[i] }));
  const rows = X as ReadonlyArray<ArrayLike<number | null>>;
  return idx.map((i) => copyRow(rows[i]));
}

function isArrayRow(row: unknown): boolean {
  return Array.isArray(row) || isTypedArray(row);
}

function isRecordRow(row: unknown): boolean {
  return row !== null && typeof row === 'object' && !Array.isArray(row) && !ArrayBuffer.isView(row) && !isMatrix(row);
}

function copyRow(row: ArrayLike<number | null>): ArrayLike<number | null> {
  if (Array.isArray(row) || isTypedArray(row)) return row.slice();
  return Array.from(row);
}

/** Checks that a 1-d array has one entry per sample. */
export function checkLength(y: unknown, n: number, fn: string, param: string): ArrayLike<unknown> {
  if (!isArrayLike(y)) {
    throw new ValidationError({ code: 'invalid_input', estimator: fn, param, expected: 'a 1-d array', received: describeValue(y) });
  }
  if (y.length !== n) {
    throw new ValidationError({
      code: 'invalid_input',
      estimator: fn,
      param,
      expected: `one entry per sample of X (${n})`,
      received: `${y.length} entries`,
    });
  }
  return y;
}
