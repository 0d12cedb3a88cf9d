/**
 * typelearn's data module: dense matrices with their layout in the type (`RowMajor`, `ColMajor`),
 * their subsets and layout changes, the output matrix class, and the one rule for numeric cells.
 */
import type { AbstractMatrix, Matrix } from 'ml-matrix';
import { rowMajor, type RowMajor } from './layout';
import { RowMajorMatrix, flatOf } from './RowMajorMatrix';

export { rowMajor, colMajor, allocLike, at } from './layout';
export type { RowMajor, ColMajor, NumericArray } from './layout';
export { takeRows, takeColumns, column } from './take';
export { transpose, transposeView, toColMajor, toRowMajor } from './transpose';
export { RowMajorMatrix, flatOf } from './RowMajorMatrix';
export { cellKind, cellNumber, cellError } from './cell';
export type { CellKind, CellContext } from './cell';

/** Hands a row-major matrix to ml-matrix's API without copying: the Matrix takes the buffer. */
export function toMatrix(X: RowMajor): Matrix {
  return RowMajorMatrix.fromFlat(X.data, X.rows, X.cols);
}

/** Wraps a flat row-major buffer as a Matrix without copying (the Matrix takes the buffer). */
export function matrixFromFlat(data: Float64Array, rows: number, cols: number): Matrix {
  return RowMajorMatrix.fromFlat(data, rows, cols);
}

/**
 * The row-major buffer behind one of typelearn's output matrices, shared (read-only use), or
 * undefined for any other matrix (read those through `get`).
 */
export function matrixRowMajor(m: AbstractMatrix): RowMajor | undefined {
  const flat = flatOf(m);
  return flat ? rowMajor(flat, m.rows, m.columns) : undefined;
}
