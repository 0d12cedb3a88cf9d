/**
 * O(n) kernels over flat row-major `Float64Array`s (XᵀX, Xᵀv, Xv, column statistics), shared by all
 * families, and the small d × d solves that rest on ml-matrix. ml-matrix stores rows as separate
 * typed arrays behind get/set, which is several times slower for these loops (see STYLE.md).
 */
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import type { RowMajor } from './data/index';
import { gemv } from './kernels/gemv';
import { gemvT } from './kernels/gemvT';
import { syrk } from './kernels/syrk';

/** Weighted column means (plain means without weights): Xᵀw / Σw through the {@link gemvT} kernel. */
export function columnMeans(X: RowMajor, weights?: Float64Array): Float64Array {
  const { data, rows, cols } = X;
  const w = weights ?? new Float64Array(rows).fill(1);
  let total = 0;
  for (let i = 0; i < rows; i++) total += w[i];
  const out = gemvT(data, rows, cols, w, new Float64Array(cols));
  for (let j = 0; j < cols; j++) out[j] /= total;
  return out;
}

/** Subtracts `shift[j]` from every entry of column j, in place. */
export function subtractColumns(X: RowMajor, shift: Float64Array): void {
  const { data, rows, cols } = X;
  for (let i = 0; i < rows; i++) {
    const off = i * cols;
    for (let j = 0; j < cols; j++) data[off + j] -= shift[j];
  }
}

/** Multiplies row i by `factor[i]`, in place. */
export function scaleRows(X: RowMajor, factor: Float64Array): void {
  const { data, rows, cols } = X;
  for (let i = 0; i < rows; i++) {
    const f = factor[i];
    const off = i * cols;
    for (let j = 0; j < cols; j++) data[off + j] *= f;
  }
}

/** XᵀX as a full symmetric d × d flat array (the {@link syrk} kernel). */
export function gram(X: RowMajor): Float64Array {
  return syrk(X.data, X.rows, X.cols);
}

/** Xᵀv (the {@link gemvT} kernel). */
export function transposeTimes(X: RowMajor, v: Float64Array): Float64Array {
  return gemvT(X.data, X.rows, X.cols, v, new Float64Array(X.cols));
}

/** Xw + b, into `out` when given (the {@link gemv} kernel). */
export function timesVector(X: RowMajor, w: Float64Array, b = 0, out?: Float64Array): Float64Array {
  return gemv(X.data, X.rows, X.cols, w, out ?? new Float64Array(X.rows), b);
}

/** The eigen-decomposition of a symmetric d × d flat matrix, for repeated pseudo-inverse solves. */
export interface SymmetricEigen {
  d: number;
  /** Eigenvalues, ascending. */
  values: Float64Array;
  /** Eigenvectors as columns, flat row-major d × d. */
  vectors: Float64Array;
}

export function symmetricEigen(G: Float64Array, d: number): SymmetricEigen {
  const m = new Matrix(d, d);
  for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) m.set(a, b, G[a * d + b]);
  const evd = new EigenvalueDecomposition(m, { assumeSymmetric: true });
  const V = evd.eigenvectorMatrix;
  const values = Float64Array.from(evd.realEigenvalues);
  const vectors = new Float64Array(d * d);
  for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) vectors[a * d + b] = V.get(a, b);
  return { d, values, vectors };
}
