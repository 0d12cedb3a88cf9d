/**
 * A sparse matrix in compressed sparse row form, scipy's `csr_matrix`: row i's nonzeros are
 * `data[indptr[i] .. indptr[i + 1])`, in the columns `indices[...]` of the same range. One-hot
 * encoded data is the case it is for: `OneHotEncoder#transformSparse` makes one with one entry per
 * feature and row instead of one per output column, and `SGDRegressor` / `SGDClassifier` learn
 * from it in O(nonzeros) per sample.
 */
import type { AbstractMatrix } from 'ml-matrix';
import { ValidationError, describeValue } from '../errors';
import { isMatrix } from '../validation';
import { RowMajorMatrix, flatOf } from './RowMajorMatrix';

const NAME = 'CsrMatrix';

/**
 * A sparse matrix in compressed sparse row form (scipy's `csr_matrix`): row i's nonzeros are
 * `data[indptr[i] .. indptr[i + 1])`, in the columns `indices[...]` of the same range. What
 * `OneHotEncoder#transformSparse` returns and `SGDClassifier` / `SGDRegressor` learn from.
 * @example
 * ```ts
 * import { CsrMatrix } from 'typelearn';
 *
 * const X = CsrMatrix.fromDense([[0, 2, 0], [1, 0, 3]]);
 * console.log(X.nnz, X.data, X.indices, X.indptr); // 3 Float64Array(3) [ 2, 1, 3 ] Int32Array(3) [ 1, 0, 2 ] Int32Array(3) [ 0, 1, 3 ]
 * console.log(X.toDense().to2DArray()); // [ [ 0, 2, 0 ], [ 1, 0, 3 ] ]
 * ```
 */
export class CsrMatrix {
  /** The nonzero values, row after row. */
  readonly data: Float64Array;
  /** The column of each value (within a row in any order, each column at most once). */
  readonly indices: Int32Array;
  /** Row i's values are at [indptr[i], indptr[i + 1]); `rows + 1` entries, from 0 to the number of values. */
  readonly indptr: Int32Array;
  /** The number of rows. */
  readonly rows: number;
  /** The number of columns. */
  readonly columns: number;

  /**
   * Wraps the three arrays (no copy; do not change them afterwards). Checks the structure: the
   * lengths, `indptr` non-decreasing from 0, every column index in [0, columns) and none twice in
   * a row; a `ValidationError` says what is wrong.
   */
  constructor(arrays: { data: Float64Array; indices: Int32Array; indptr: Int32Array }, shape: [rows: number, columns: number]) {
    const [rows, columns] = shape;
    const fail = (param: string, expected: string, received: string): never => {
      throw new ValidationError({ code: 'invalid_input', estimator: NAME, param, expected, received });
    };
    const { data, indices, indptr } = arrays;
    if (!(data instanceof Float64Array)) fail('data', 'a Float64Array', describeValue(data));
    if (!(indices instanceof Int32Array)) fail('indices', 'an Int32Array', describeValue(indices));
    if (!(indptr instanceof Int32Array)) fail('indptr', 'an Int32Array', describeValue(indptr));
    if (!(Number.isInteger(rows) && rows >= 0 && Number.isInteger(columns) && columns >= 0)) fail('shape', '[rows, columns], integers >= 0', describeValue(shape));
    if (indptr.length !== rows + 1) fail('indptr', `rows + 1 (${rows + 1}) entries`, `${indptr.length}`);
    const nnz = indptr[rows];
    if (indptr[0] !== 0 || data.length !== nnz || indices.length !== nnz) fail('indptr', `to start at 0 and end at the number of values (data: ${data.length}, indices: ${indices.length})`, `${indptr[0]} … ${nnz}`);
    const lastSeen = new Int32Array(columns).fill(-1);
    for (let i = 0; i < rows; i++) {
      const a = indptr[i];
      const b = indptr[i + 1];
      if (b < a) fail('indptr', 'non-decreasing entries', `${a} then ${b} at row ${i}`);
      for (let k = a; k < b; k++) {
        const j = indices[k];
        if (!(j >= 0 && j < columns)) fail('indices', `column indices in [0, ${columns})`, `${j} in row ${i}`);
        if (lastSeen[j] === i) fail('indices', 'each column at most once per row', `column ${j} twice in row ${i}`);
        lastSeen[j] = i;
      }
    }
    this.data = data;
    this.indices = indices;
    this.indptr = indptr;
    this.rows = rows;
    this.columns = columns;
  }

  /** True for a CsrMatrix (also one made by another copy of typelearn). */
  static isCsrMatrix(X: unknown): X is CsrMatrix {
    if (X instanceof CsrMatrix) return true;
    const o = X as Partial<CsrMatrix> | null;
    return o !== null && typeof o === 'object' && o.data instanceof Float64Array && o.indices instanceof Int32Array && o.indptr instanceof Int32Array && typeof o.rows === 'number' && typeof o.columns === 'number';
  }

  /** The nonzero entries of rows of numbers or a matrix (zeros dropped). */
  static fromDense(X: ArrayLike<ArrayLike<number>> | AbstractMatrix): CsrMatrix {
    const matrix = isMatrix(X);
    const rows = matrix ? X.rows : (X as ArrayLike<ArrayLike<number>>).length;
    const columns = matrix ? X.columns : rows > 0 ? (X as ArrayLike<ArrayLike<number>>)[0].length : 0;
    const flat = matrix ? flatOf(X) : undefined;
    const at = (i: number, j: number): number => (flat ? flat[i * columns + j] : matrix ? X.get(i, j) : (X as ArrayLike<ArrayLike<number>>)[i][j]);
    const indptr = new Int32Array(rows + 1);
    const data: number[] = [];
    const indices: number[] = [];
    for (let i = 0; i < rows; i++) {
      if (!matrix && (X as ArrayLike<ArrayLike<number>>)[i].length !== columns) {
        throw new ValidationError({ code: 'invalid_input', estimator: NAME, param: 'X', expected: `rows of ${columns} numbers`, received: `a row of ${(X as ArrayLike<ArrayLike<number>>)[i].length} at row ${i}` });
      }
      for (let j = 0; j < columns; j++) {
        const v = at(i, j);
        if (v !== 0) {
          data.push(v);
          indices.push(j);
        }
      }
      indptr[i + 1] = data.length;
    }
    return new CsrMatrix({ data: Float64Array.from(data), indices: Int32Array.from(indices), indptr }, [rows, columns]);
  }

  /** The number of stored values. */
  get nnz(): number {
    return this.indptr[this.rows];
  }

  /** The dense equivalent, as a Matrix (one flat row-major buffer). */
  toDense(): RowMajorMatrix {
    const out = new Float64Array(this.rows * this.columns);
    for (let i = 0; i < this.rows; i++) {
      for (let k = this.indptr[i]; k < this.indptr[i + 1]; k++) out[i * this.columns + this.indices[k]] = this.data[k];
    }
    return RowMajorMatrix.fromFlat(out, this.rows, this.columns);
  }
}

/**
 * Puts matrices side by side (scipy's `hstack(..., format='csr')`): dense blocks (an ml-matrix
 * Matrix, e.g. a scaler's output) contribute every entry but their zeros, sparse blocks their
 * values. Every block must have the same number of rows.
 * @example
 * ```ts
 * import { CsrMatrix, hstackCsr } from 'typelearn';
 * import { Matrix } from 'ml-matrix';
 *
 * const both = hstackCsr([CsrMatrix.fromDense([[0, 1], [2, 0]]), new Matrix([[5], [0]])]);
 * console.log(both.columns, both.nnz, both.toDense().to2DArray()); // 3 3 [ [ 0, 1, 5 ], [ 2, 0, 0 ] ]
 * ```
 */
export function hstackCsr(blocks: ReadonlyArray<CsrMatrix | AbstractMatrix>): CsrMatrix {
  if (blocks.length === 0) throw new ValidationError({ code: 'invalid_input', estimator: 'hstackCsr', param: 'blocks', expected: 'at least one matrix', received: 'none' });
  const rows = blocks[0].rows;
  let columns = 0;
  let cap = 0;
  for (const [b, m] of blocks.entries()) {
    if (!CsrMatrix.isCsrMatrix(m) && !isMatrix(m)) throw new ValidationError({ code: 'invalid_input', estimator: 'hstackCsr', param: `blocks[${b}]`, expected: 'a CsrMatrix or an ml-matrix Matrix', received: describeValue(m) });
    if (m.rows !== rows) throw new ValidationError({ code: 'invalid_input', estimator: 'hstackCsr', param: `blocks[${b}]`, expected: `${rows} rows (as blocks[0])`, received: `${m.rows} rows` });
    columns += m.columns;
    cap += CsrMatrix.isCsrMatrix(m) ? m.nnz : m.rows * m.columns;
  }
  let data = new Float64Array(cap);
  let indices = new Int32Array(cap);
  const indptr = new Int32Array(rows + 1);
  const flats = blocks.map((m) => (CsrMatrix.isCsrMatrix(m) ? undefined : flatOf(m)));
  let k = 0;
  for (let i = 0; i < rows; i++) {
    let offset = 0;
    for (let b = 0; b < blocks.length; b++) {
      const m = blocks[b];
      if (CsrMatrix.isCsrMatrix(m)) {
        for (let s = m.indptr[i]; s < m.indptr[i + 1]; s++) {
          data[k] = m.data[s];
          indices[k++] = m.indices[s] + offset;
        }
      } else {
        const c = m.columns;
        const flat = flats[b];
        for (let j = 0; j < c; j++) {
          const v = flat ? flat[i * c + j] : m.get(i, j);
          if (v !== 0) {
            data[k] = v;
            indices[k++] = j + offset;
          }
        }
      }
      offset += m.columns;
    }
    indptr[i + 1] = k;
  }
  if (k < cap) {
    data = data.slice(0, k);
    indices = indices.slice(0, k);
  }
  return new CsrMatrix({ data, indices, indptr }, [rows, columns]);
}

/**
 * The input check of an estimator that takes sparse X: a CsrMatrix (structure checked when it was
 * made) with at least one row, finite values, and `nFeatures` columns when given.
 */
export function checkCsr(X: CsrMatrix, options: { estimator: string; nFeatures?: number; name?: string }): CsrMatrix {
  const { estimator, nFeatures } = options;
  const param = options.name ?? 'X';
  if (!(X instanceof CsrMatrix)) {
    // One made by another copy of typelearn: rebuilt (and so checked) by this one.
    const o: CsrMatrix = X;
    X = new CsrMatrix({ data: o.data, indices: o.indices, indptr: o.indptr }, [o.rows, o.columns]);
  }
  if (X.rows === 0) throw new ValidationError({ code: 'invalid_input', estimator, param, expected: 'at least 1 sample', received: '0 rows' });
  if (nFeatures !== undefined && X.columns !== nFeatures) {
    throw new ValidationError({ code: 'feature_mismatch', estimator, param, expected: `${nFeatures} features`, received: `${X.columns} features`, message: `X has ${X.columns} features, but ${estimator} is expecting ${nFeatures} features as input.` });
  }
  const { data, indptr } = X;
  for (let k = 0; k < data.length; k++) {
    if (!Number.isFinite(data[k])) {
      let i = 0;
      while (indptr[i + 1] <= k) i++;
      throw new ValidationError({ code: 'invalid_input', estimator, param, expected: 'finite values (no NaN or ±Infinity)', received: `${data[k]} in row ${i}, column ${X.indices[k]}` });
    }
  }
  return X;
}

/** X · coef + intercept for each row of sparse X (coef has X.columns entries). */
export function csrDot(X: CsrMatrix, coef: Float64Array, intercept: number): Float64Array {
  const out = new Float64Array(X.rows);
  const { data, indices, indptr } = X;
  for (let i = 0; i < X.rows; i++) {
    let s = 0;
    for (let k = indptr[i]; k < indptr[i + 1]; k++) s += coef[indices[k]] * data[k];
    out[i] = s + intercept;
  }
  return out;
}
