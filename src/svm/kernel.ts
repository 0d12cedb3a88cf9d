/**
 * Kernel functions of the support vector machines, evaluated over flat row-major `Float64Array`s.
 * Free of the estimator API: the solver (smo.ts) and the estimators both use it.
 *
 * - linear:  K(x, z) = x·z
 * - poly:    K(x, z) = (gamma·x·z + coef0)^degree
 * - rbf:     K(x, z) = exp(−gamma·‖x − z‖²), with ‖x − z‖² = ‖x‖² + ‖z‖² − 2·x·z from precomputed
 *            squared norms (as libsvm's dense kernel does)
 * - sigmoid: K(x, z) = tanh(gamma·x·z + coef0)
 * - precomputed: the rows are rows of a Gram matrix; K(i, j) is column j of row i.
 */

export type KernelName = 'linear' | 'poly' | 'rbf' | 'sigmoid' | 'precomputed';

/** A kernel with its numeric parameters resolved (gamma is a number here). */
export interface KernelSpec {
  kernel: KernelName;
  gamma: number;
  degree: number;
  coef0: number;
}

/** The dot product of row `a` of A (at offset ao) and row `b` of B (at offset bo), both of length d. */
export function rowDot(A: Float64Array, ao: number, B: Float64Array, bo: number, d: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let k = 0;
  const d4 = d - (d % 4);
  for (; k < d4; k += 4) {
    s0 += A[ao + k] * B[bo + k];
    s1 += A[ao + k + 1] * B[bo + k + 1];
    s2 += A[ao + k + 2] * B[bo + k + 2];
    s3 += A[ao + k + 3] * B[bo + k + 3];
  }
  for (; k < d; k++) s0 += A[ao + k] * B[bo + k];
  return s0 + s1 + (s2 + s3);
}

/** Squared norms of the n rows of a flat n × d matrix. */
export function rowSquaredNorms(X: Float64Array, n: number, d: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = rowDot(X, i * d, X, i * d, d);
  return out;
}

/** Integer power by repeated squaring (libsvm's powi), exact for the small degrees used here. */
export function powi(base: number, times: number): number {
  let tmp = base;
  let ret = 1;
  for (let t = times; t > 0; t = Math.floor(t / 2)) {
    if (t % 2 === 1) ret *= tmp;
    tmp *= tmp;
  }
  return ret;
}

/** The kernel value from a dot product (and, for rbf, the two squared norms). */
export function kernelFromDot(spec: KernelSpec, dot: number, sqA: number, sqB: number): number {
  switch (spec.kernel) {
    case 'linear':
    case 'precomputed':
      return dot;
    case 'rbf':
      return Math.exp(-spec.gamma * (sqA + sqB - 2 * dot));
    case 'poly':
      return powi(spec.gamma * dot + spec.coef0, spec.degree);
    case 'sigmoid':
      return Math.tanh(spec.gamma * dot + spec.coef0);
  }
}

/**
 * The kernel block between rows of A (nA × d) and rows of B (nB × d): out[i·nB + j] = K(aᵢ, bⱼ).
 * For 'precomputed', A holds Gram rows and `bIndex[j]` picks the column of B's j-th row (B is unused).
 * Evaluated in tiles of B rows so that each tile stays in cache while A's rows stream past it.
 */
export function kernelBlock(
  spec: KernelSpec,
  A: Float64Array,
  nA: number,
  B: Float64Array,
  nB: number,
  d: number,
  sqA: Float64Array | undefined,
  sqB: Float64Array | undefined,
  out: Float64Array,
  bIndex?: Int32Array,
): void {
  if (spec.kernel === 'precomputed') {
    const idx = bIndex as Int32Array;
    for (let i = 0; i < nA; i++) for (let j = 0; j < nB; j++) out[i * nB + j] = A[i * d + idx[j]];
    return;
  }
  const tile = 64;
  for (let j0 = 0; j0 < nB; j0 += tile) {
    const j1 = Math.min(nB, j0 + tile);
    for (let i = 0; i < nA; i++) {
      const ao = i * d;
      const sa = sqA ? sqA[i] : 0;
      const oo = i * nB;
      for (let j = j0; j < j1; j++) {
        const dot = rowDot(A, ao, B, j * d, d);
        out[oo + j] = kernelFromDot(spec, dot, sa, sqB ? sqB[j] : 0);
      }
    }
  }
}
