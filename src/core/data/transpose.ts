/** Layout changes and transposes of dense matrices. */
import { allocLike, colMajor, rowMajor, type ColMajor, type NumericArray, type RowMajor } from './layout';

/** Tile edge of the blocked copy: a 32 x 32 float64 tile of source and target stays in L1. */
const TILE = 32;

/**
 * Copies an n x d row-major buffer into d x n row-major order (the same numbers read column by
 * column), in tiles so that both sides are walked mostly in cache.
 */
function transposeBuffer<T extends NumericArray>(src: T, n: number, d: number): T {
  const out = allocLike(src, n * d);
  for (let i0 = 0; i0 < n; i0 += TILE) {
    const i1 = Math.min(n, i0 + TILE);
    for (let j0 = 0; j0 < d; j0 += TILE) {
      const j1 = Math.min(d, j0 + TILE);
      for (let i = i0; i < i1; i++) {
        const s = i * d;
        for (let j = j0; j < j1; j++) out[j * n + i] = src[s + j];
      }
    }
  }
  return out;
}

/** The same matrix stored column by column (a copy). */
export function toColMajor<T extends NumericArray>(X: RowMajor<T>): ColMajor<T> {
  return colMajor(transposeBuffer(X.data, X.rows, X.cols), X.rows, X.cols);
}

/** The same matrix stored row by row (a copy). */
export function toRowMajor<T extends NumericArray>(X: ColMajor<T>): RowMajor<T> {
  return rowMajor(transposeBuffer(X.data, X.cols, X.rows), X.rows, X.cols);
}

/** Xᵀ (cols x rows) in the same layout as X (a copy). */
export function transpose<T extends NumericArray>(X: RowMajor<T>): RowMajor<T>;
export function transpose<T extends NumericArray>(X: ColMajor<T>): ColMajor<T>;
export function transpose<T extends NumericArray>(X: RowMajor<T> | ColMajor<T>): RowMajor<T> | ColMajor<T> {
  if (X.layout === 'row-major') return rowMajor(transposeBuffer(X.data, X.rows, X.cols), X.cols, X.rows);
  return colMajor(transposeBuffer(X.data, X.cols, X.rows), X.cols, X.rows);
}

/**
 * Xᵀ without copying: an n x d row-major buffer read as the d x n column-major matrix Xᵀ (and the
 * reverse). The buffer is shared.
 */
export function transposeView<T extends NumericArray>(X: RowMajor<T>): ColMajor<T>;
export function transposeView<T extends NumericArray>(X: ColMajor<T>): RowMajor<T>;
export function transposeView<T extends NumericArray>(X: RowMajor<T> | ColMajor<T>): RowMajor<T> | ColMajor<T> {
  return X.layout === 'row-major' ? colMajor(X.data, X.cols, X.rows) : rowMajor(X.data, X.cols, X.rows);
}
