/**
 * typelearn's output matrix: an ml-matrix matrix over one flat row-major `Float64Array`.
 *
 * Why not a plain ml-matrix `Matrix`: it keeps one `Float64Array` per row, and its public
 * constructor copies every row into a fresh array; at 1M rows that costs about as much as a
 * scaler's whole transform (measured in docs/api-contract.md). So this class owns its storage, one
 * flat buffer (`flat`, element (i, j) at `flat[i * columns + j]`), and implements every method
 * ml-matrix's `Matrix` adds to `AbstractMatrix` (`get`, `set`, `addRow`, `removeRow`, `addColumn`,
 * `removeColumn`) on it, so its type is ml-matrix's `Matrix` type with nothing missing. It never
 * touches ml-matrix's private storage: everything inherited goes through `get`/`set`.
 *
 * - `Matrix.isMatrix(m)` holds (ml-matrix's own check), and so does `m instanceof Matrix`: the
 *   class's prototype is chained to `Matrix.prototype` (its own methods shadow Matrix's), while
 *   construction runs `AbstractMatrix`'s constructor only, so no per-row arrays are ever made.
 * - Its constructor takes the same forms as `Matrix`'s (`(rows, columns)`, a 2-d array, another
 *   matrix), so ml-matrix code that builds a result with `new this.constructor(rows, columns)` or
 *   `new this(rows, columns)` works on it.
 * - Its own fields are exactly `rows`, `columns` and `flat`, so `structuredClone` and `postMessage`
 *   carry the numbers: the clone is `{ rows, columns, flat }`, and `RowMajorMatrix.fromFlat(c.flat,
 *   c.rows, c.columns)` makes a matrix of it again without copying.
 */
import { AbstractMatrix, Matrix } from 'ml-matrix';

type Row = ArrayLike<number> | AbstractMatrix;

function valuesOf(v: Row): ArrayLike<number> {
  return Matrix.isMatrix(v) ? v.to1DArray() : v;
}

/**
 * The matrix every `transform` returns: an ml-matrix `Matrix` in every way a user can see
 * (`instanceof Matrix`, `get`, `to2DArray`, `mmul`, …) over one flat row-major `Float64Array`,
 * its public field `flat`. `RowMajorMatrix.fromFlat(flat, rows, columns)` wraps a buffer without
 * copying (e.g. one received from a worker, where a clone of the matrix is `{ flat, rows, columns }`).
 * @example
 * ```ts
 * import { Matrix } from 'ml-matrix';
 * import { RowMajorMatrix } from 'typelearn';
 *
 * const m = RowMajorMatrix.fromFlat(new Float64Array([1, 2, 3, 4, 5, 6]), 2, 3);
 * console.log(m instanceof Matrix, m.get(1, 0), m.to2DArray()); // true 4 [ [ 1, 2, 3 ], [ 4, 5, 6 ] ]
 * console.log(m.transpose().mmul(m).get(0, 0)); // 17
 * ```
 */
export class RowMajorMatrix extends AbstractMatrix {
  declare rows: number;
  declare columns: number;
  /** The numbers, row after row: element (i, j) is `flat[i * columns + j]`. */
  declare readonly flat: Float64Array;

  /** A zero-filled `rows` x `columns` matrix. */
  constructor(rows: number, columns: number);
  /** A copy of a 2-d array (rows of numbers) or of another matrix. */
  constructor(data: ArrayLike<ArrayLike<number>> | AbstractMatrix);
  constructor(a: number | ArrayLike<ArrayLike<number>> | AbstractMatrix, b?: number) {
    super();
    let rows: number;
    let columns: number;
    let flat: Float64Array;
    if (typeof a === 'number') {
      if (!Number.isInteger(a) || a < 0) throw new TypeError('nRows must be a positive integer');
      if (!Number.isInteger(b) || (b as number) < 0) throw new TypeError('nColumns must be a positive integer');
      rows = a;
      columns = b as number;
      flat = new Float64Array(rows * columns);
    } else if (Matrix.isMatrix(a)) {
      rows = a.rows;
      columns = a.columns;
      flat = new Float64Array(rows * columns);
      for (let i = 0; i < rows; i++) for (let j = 0; j < columns; j++) flat[i * columns + j] = a.get(i, j);
    } else {
      rows = a.length;
      columns = rows > 0 ? a[0].length : 0;
      flat = new Float64Array(rows * columns);
      for (let i = 0; i < rows; i++) {
        const r = a[i];
        if (r.length !== columns) throw new RangeError('Inconsistent array dimensions');
        for (let j = 0; j < columns; j++) {
          const v = r[j];
          if (typeof v !== 'number') throw new TypeError('Input data contains non-numeric values');
          flat[i * columns + j] = v;
        }
      }
    }
    // `flat` first: its own keys read flat, rows, columns (what a structured clone shows).
    this.flat = flat;
    this.rows = rows;
    this.columns = columns;
  }

  /** Wraps a flat row-major buffer without copying: the matrix takes the buffer (and writes to it on `set`). */
  static fromFlat(flat: Float64Array, rows: number, columns: number): RowMajorMatrix {
    if (!Number.isInteger(rows) || rows < 0 || !Number.isInteger(columns) || columns < 0 || flat.length !== rows * columns) {
      throw new RangeError(`fromFlat: a buffer of ${flat.length} values cannot hold ${rows} x ${columns}`);
    }
    const m = new RowMajorMatrix(0, 0);
    m.rows = rows;
    m.columns = columns;
    (m as { flat: Float64Array }).flat = flat;
    return m;
  }

  get(rowIndex: number, columnIndex: number): number {
    return this.flat[rowIndex * this.columns + columnIndex];
  }

  set(rowIndex: number, columnIndex: number, value: number): this {
    this.flat[rowIndex * this.columns + columnIndex] = value;
    return this;
  }

  override clone(): this {
    const m = RowMajorMatrix.fromFlat(this.flat.slice(), this.rows, this.columns);
    return m as this;
  }

  private replace(flat: Float64Array, rows: number, columns: number): this {
    this.rows = rows;
    this.columns = columns;
    (this as { flat: Float64Array }).flat = flat;
    return this;
  }

  /**
   * Replaces the contents (in place) with a `rows` x `columns` matrix whose cell (i, j) is `cell(i, j)`;
   * `cell` may read the current contents, which stay in place until it has run for every cell.
   */
  private rebuild(rows: number, columns: number, cell: (i: number, j: number) => number): this {
    const out = new Float64Array(rows * columns);
    for (let i = 0, k = 0; i < rows; i++) for (let j = 0; j < columns; j++, k++) out[k] = cell(i, j);
    return this.replace(out, rows, columns);
  }

  /** Removes row `index` (in place, as `Matrix#removeRow`). */
  removeRow(index: number): this {
    checkIndex(index, this.rows - 1, 'Row');
    return this.rebuild(this.rows - 1, this.columns, (i, j) => this.get(i < index ? i : i + 1, j));
  }

  /** Inserts a row at `index` (default: at the end), in place, as `Matrix#addRow`. */
  addRow(index: number, array: Row): this;
  addRow(array: Row): this;
  addRow(a: number | Row, b?: Row): this {
    const index = typeof a === 'number' ? a : this.rows;
    const values = valuesOf(typeof a === 'number' ? (b as Row) : a);
    checkIndex(index, this.rows, 'Row');
    checkLength(values, this.columns, 'columns');
    return this.rebuild(this.rows + 1, this.columns, (i, j) => (i === index ? values[j] : this.get(i < index ? i : i - 1, j)));
  }

  /** Removes column `index` (in place, as `Matrix#removeColumn`). */
  removeColumn(index: number): this {
    checkIndex(index, this.columns - 1, 'Column');
    return this.rebuild(this.rows, this.columns - 1, (i, j) => this.get(i, j < index ? j : j + 1));
  }

  /** Inserts a column at `index` (default: at the end), in place, as `Matrix#addColumn`. */
  addColumn(index: number, array: Row): this;
  addColumn(array: Row): this;
  addColumn(a: number | Row, b?: Row): this {
    const index = typeof a === 'number' ? a : this.columns;
    const values = valuesOf(typeof a === 'number' ? (b as Row) : a);
    checkIndex(index, this.columns, 'Column');
    checkLength(values, this.rows, 'rows');
    return this.rebuild(this.rows, this.columns + 1, (i, j) => (j === index ? values[i] : this.get(i, j < index ? j : j - 1)));
  }
}

/** Throws ml-matrix's RangeError unless `index` is an integer in [0, max]. */
function checkIndex(index: number, max: number, what: 'Row' | 'Column'): void {
  if (!Number.isInteger(index) || index < 0 || index > max) throw new RangeError(`${what} index out of range`);
}

/** Throws ml-matrix's RangeError unless a new row or column holds `n` values. */
function checkLength(values: ArrayLike<number>, n: number, of: 'rows' | 'columns'): void {
  if (values.length !== n) throw new RangeError(`vector size must be the same as the number of ${of}`);
}

// `instanceof Matrix` holds for typelearn's outputs, as it did when they were plain Matrix objects:
// the prototype chain runs RowMajorMatrix → Matrix → AbstractMatrix. Every method Matrix.prototype
// defines is shadowed above, so none of them reaches for Matrix's per-row storage.
Object.setPrototypeOf(RowMajorMatrix.prototype, Matrix.prototype);
// Printed (by Node's inspect, through ml-matrix) as what it is to users: a Matrix.
Object.defineProperty(RowMajorMatrix, 'name', { value: 'Matrix' });

/**
 * The flat row-major buffer behind one of typelearn's output matrices (read in place, not copied),
 * or undefined for any other matrix.
 */
export function flatOf(m: unknown): Float64Array | undefined {
  return m instanceof RowMajorMatrix ? m.flat : undefined;
}
