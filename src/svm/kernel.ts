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

/**
 * The dot product of row `a` of A (at offset ao) and row `b` of B (at offset bo), both of length d,
 * summed in order as libsvm's dense dot product is (so that kernel values round alike).
 */
export function rowDot(A: Float64Array, ao: number, B: Float64Array, bo: number, d: number): number {
  let s = 0;
  for (let k = 0; k < d; k++) s += A[ao + k] * B[bo + k];
  return s;
}

/**
 * out[t] = x · row(rows[t]) of B for t in [start, end), x being d values of A at offset ao, and
 * rows[t] a row index of B. Four rows at a time, each summed
 * in order: four independent sums hide the latency of the additions without changing their order.
 */
export function dotsAgainstRows(
  A: Float64Array,
  ao: number,
  B: Float64Array,
  d: number,
  rows: Int32Array,
  start: number,
  end: number,
  out: Float64Array,
): void {
  let t = start;
  for (; t + 3 < end; t += 4) {
    const b0 = rows[t] * d;
    const b1 = rows[t + 1] * d;
    const b2 = rows[t + 2] * d;
    const b3 = rows[t + 3] * d;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let k = 0; k < d; k++) {
      const x = A[ao + k];
      s0 += x * B[b0 + k];
      s1 += x * B[b1 + k];
      s2 += x * B[b2 + k];
      s3 += x * B[b3 + k];
    }
    out[t] = s0;
    out[t + 1] = s1;
    out[t + 2] = s2;
    out[t + 3] = s3;
  }
  for (; t < end; t++) out[t] = rowDot(A, ao, B, rows[t] * d, d);
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
  // Tiles of B rows stay in cache while A's rows stream past them.
  const tile = 64;
  const dots = new Float64Array(Math.min(tile, nB));
  const identity = Int32Array.from({ length: Math.min(tile, nB) }, (_, k) => k);
  for (let j0 = 0; j0 < nB; j0 += tile) {
    const j1 = Math.min(nB, j0 + tile);
    const Bt = B.subarray(j0 * d, j1 * d);
    for (let i = 0; i < nA; i++) {
      dotsAgainstRows(A, i * d, Bt, d, identity, 0, j1 - j0, dots);
      const sa = sqA ? sqA[i] : 0;
      const oo = i * nB + j0;
      for (let j = j0; j < j1; j++) out[oo + j - j0] = kernelFromDot(spec, dots[j - j0], sa, sqB ? sqB[j] : 0);
    }
  }
}
