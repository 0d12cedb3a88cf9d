/**
 * Dense 2-d data in one flat typed array, with its layout in the type. `RowMajor` holds element
 * (i, j) at `data[i * cols + j]`; `ColMajor` at `data[j * rows + i]`. Each carries its layout as a
 * literal-typed field, so a column-major buffer handed to code that reads rows (or the reverse) is
 * a type error, and functions that take either layout can tell them apart at run time. Make them
 * with {@link rowMajor} / {@link colMajor} (no copy) or convert with `toRowMajor` / `toColMajor`.
 *
 * The storage is `Float64Array` by default; `Float32Array` and `Uint8Array` (binned tree data,
 * float32 networks) are allowed so that such data enter without a round trip through float64.
 */

/** The typed arrays a dense matrix may be stored in. */
export type NumericArray = Float64Array | Float32Array | Uint8Array;

/** A dense matrix stored row by row: element (i, j) is `data[i * cols + j]`. */
export interface RowMajor<T extends NumericArray = Float64Array> {
  readonly layout: 'row-major';
  readonly data: T;
  readonly rows: number;
  readonly cols: number;
}

/** A dense matrix stored column by column: element (i, j) is `data[j * rows + i]`. */
export interface ColMajor<T extends NumericArray = Float64Array> {
  readonly layout: 'col-major';
  readonly data: T;
  readonly rows: number;
  readonly cols: number;
}

function checkShape(data: NumericArray, rows: number, cols: number, what: string): void {
  if (!Number.isInteger(rows) || rows < 0 || !Number.isInteger(cols) || cols < 0 || data.length !== rows * cols) {
    throw new RangeError(`${what}: a buffer of ${data.length} values cannot hold ${rows} x ${cols}`);
  }
}

/** Reads `data` as a `rows` x `cols` row-major matrix (no copy: the buffer is shared). */
export function rowMajor<T extends NumericArray = Float64Array>(data: T, rows: number, cols: number): RowMajor<T> {
  checkShape(data, rows, cols, 'rowMajor');
  return { layout: 'row-major', data, rows, cols };
}

/** Reads `data` as a `rows` x `cols` column-major matrix (no copy: the buffer is shared). */
export function colMajor<T extends NumericArray = Float64Array>(data: T, rows: number, cols: number): ColMajor<T> {
  checkShape(data, rows, cols, 'colMajor');
  return { layout: 'col-major', data, rows, cols };
}

/** A new zero-filled array of the same type as `like`. */
export function allocLike<T extends NumericArray>(like: T, length: number): T {
  return new (like.constructor as new (n: number) => T)(length);
}

/** Element (i, j) of X, in either layout (for tests and cold paths; hot loops index `data` directly). */
export function at(X: RowMajor<NumericArray> | ColMajor<NumericArray>, i: number, j: number): number {
  return X.layout === 'row-major' ? X.data[i * X.cols + j] : X.data[j * X.rows + i];
}
