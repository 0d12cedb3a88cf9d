/** Row and column subsets of a dense matrix, in its own layout and storage type (copies). */
import { allocLike, colMajor, rowMajor, type ColMajor, type NumericArray, type RowMajor } from './layout';

/** The rows `index` of X (in that order; repeats allowed), in X's layout. */
export function takeRows<T extends NumericArray>(X: RowMajor<T>, index: ArrayLike<number>): RowMajor<T>;
export function takeRows<T extends NumericArray>(X: ColMajor<T>, index: ArrayLike<number>): ColMajor<T>;
export function takeRows<T extends NumericArray>(X: RowMajor<T> | ColMajor<T>, index: ArrayLike<number>): RowMajor<T> | ColMajor<T> {
  const { data, rows, cols } = X;
  const m = index.length;
  const out = allocLike(data, m * cols);
  if (X.layout === 'col-major') {
    for (let j = 0; j < cols; j++) {
      const src = j * rows;
      const dst = j * m;
      for (let r = 0; r < m; r++) out[dst + r] = data[src + index[r]];
    }
    return colMajor(out, m, cols);
  }
  for (let r = 0; r < m; r++) {
    const src = index[r] * cols;
    const dst = r * cols;
    for (let j = 0; j < cols; j++) out[dst + j] = data[src + j];
  }
  return rowMajor(out, m, cols);
}

/** The columns `index` of X (in that order; repeats allowed), in X's layout. */
export function takeColumns<T extends NumericArray>(X: RowMajor<T>, index: ArrayLike<number>): RowMajor<T>;
export function takeColumns<T extends NumericArray>(X: ColMajor<T>, index: ArrayLike<number>): ColMajor<T>;
export function takeColumns<T extends NumericArray>(X: RowMajor<T> | ColMajor<T>, index: ArrayLike<number>): RowMajor<T> | ColMajor<T> {
  const { data, rows, cols } = X;
  const k = index.length;
  const out = allocLike(data, rows * k);
  if (X.layout === 'col-major') {
    for (let c = 0; c < k; c++) out.set(data.subarray(index[c] * rows, index[c] * rows + rows), c * rows);
    return colMajor(out, rows, k);
  }
  for (let i = 0; i < rows; i++) {
    const src = i * cols;
    const dst = i * k;
    for (let c = 0; c < k; c++) out[dst + c] = data[src + index[c]];
  }
  return rowMajor(out, rows, k);
}

/** Column j of X as a new Float64Array (a copy in either layout). */
export function column(X: RowMajor<NumericArray> | ColMajor<NumericArray>, j: number): Float64Array {
  const { data, rows, cols } = X;
  if (X.layout === 'col-major') return Float64Array.from(data.subarray(j * rows, (j + 1) * rows));
  const out = new Float64Array(rows);
  for (let i = 0; i < rows; i++) out[i] = data[i * cols + j];
  return out;
}
