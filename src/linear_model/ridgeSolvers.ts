/**
 * The ridge solvers behind Ridge, RidgeCV and RidgeClassifier, free of the estimator API. Each
 * solves min ‖Y − XW‖² + αₖ‖wₖ‖² for every target k, on X and Y already centred and weighted
 * (`_preprocess.ts`), and returns the coefficients as a flat t × d array (row k = target k), as
 * scikit-learn's `_solve_cholesky`, `_solve_cholesky_kernel`, `_solve_svd` and `_solve_lsqr` do.
 */
import { SingularValueDecomposition } from 'ml-matrix';
import { gram } from '../core/linalg';
import { gemm } from '../core/kernels/gemm';
import { gemvT } from '../core/kernels/gemvT';
import { powerOfTwoScale } from '../core/math/powerOfTwoScale';
import { matrixFromFlat, type RowMajor } from '../core/data/index';
import { interceptsOf, preprocessData } from './_preprocess';
import { lsqr } from './lsqr';

/** Xᵀ Y (d × t, flat) for X n × d and Y n × t (the {@link gemvT} kernel for one target, else {@link gemm} with Xᵀ as a stride). */
export function transposeTimesMany(X: RowMajor, Y: Float64Array, t: number): Float64Array {
  const { data, rows, cols: d } = X;
  if (t === 1) return gemvT(data, rows, d, Y, new Float64Array(d));
  return gemm(data, Y, new Float64Array(d * t), d, t, rows, true, false);
}

/**
 * The Cholesky factor L (lower, flat m × m) of the symmetric matrix A + shift·I, or null when it is
 * not numerically positive definite (a pivot ≤ 0).
 */
export function cholesky(A: Float64Array, m: number, shift = 0): Float64Array | null {
  const L = new Float64Array(m * m);
  for (let j = 0; j < m; j++) {
    let s = A[j * m + j] + shift;
    for (let k = 0; k < j; k++) s -= L[j * m + k] * L[j * m + k];
    if (!(s > 0)) return null;
    const ljj = Math.sqrt(s);
    L[j * m + j] = ljj;
    for (let i = j + 1; i < m; i++) {
      let v = A[i * m + j];
      for (let k = 0; k < j; k++) v -= L[i * m + k] * L[j * m + k];
      L[i * m + j] = v / ljj;
    }
  }
  return L;
}

/** Solves L Lᵀ x = b in place (b has stride `stride`, starting at `offset`). */
export function choleskySolve(L: Float64Array, m: number, b: Float64Array, offset = 0, stride = 1): void {
  for (let i = 0; i < m; i++) {
    let v = b[offset + i * stride];
    for (let k = 0; k < i; k++) v -= L[i * m + k] * b[offset + k * stride];
    b[offset + i * stride] = v / L[i * m + i];
  }
  for (let i = m - 1; i >= 0; i--) {
    let v = b[offset + i * stride];
    for (let k = i + 1; k < m; k++) v -= L[k * m + i] * b[offset + k * stride];
    b[offset + i * stride] = v / L[i * m + i];
  }
}

/** Groups target indices by equal alpha, so each distinct alpha is factorised once. */
function byAlpha(alpha: Float64Array): Map<number, number[]> {
  const groups = new Map<number, number[]>();
  alpha.forEach((a, k) => {
    const g = groups.get(a);
    if (g) g.push(k);
    else groups.set(a, [k]);
  });
  return groups;
}

/**
 * Cholesky on the normal equations (XᵀX + αI) w = XᵀY, or, when X has more columns than rows, on
 * the kernel (XXᵀ + αI) c = Y with W = Xᵀ c (scikit-learn's choice). Returns null when a matrix is
 * not positive definite (α = 0 on rank-deficient X): the caller falls back to {@link ridgeSvd}.
 */
export function ridgeCholesky(X: RowMajor, Y: Float64Array, t: number, alpha: Float64Array): Float64Array | null {
  const { rows: n, cols: d } = X;
  const coef = new Float64Array(t * d);
  if (d > n) {
    const K = kernelGram(X);
    const dual = new Float64Array(n * t);
    for (const [a, targets] of byAlpha(alpha)) {
      const L = cholesky(K, n, a);
      if (!L) return null;
      for (const k of targets) {
        for (let i = 0; i < n; i++) dual[i * t + k] = Y[i * t + k];
        choleskySolve(L, n, dual, k, t);
      }
    }
    const W = transposeTimesMany(X, dual, t);
    for (let j = 0; j < d; j++) for (let k = 0; k < t; k++) coef[k * d + j] = W[j * t + k];
    return coef;
  }
  const G = gram(X);
  const XtY = transposeTimesMany(X, Y, t);
  for (const [a, targets] of byAlpha(alpha)) {
    const L = cholesky(G, d, a);
    if (!L) return null;
    for (const k of targets) {
      const b = new Float64Array(d);
      for (let j = 0; j < d; j++) b[j] = XtY[j * t + k];
      choleskySolve(L, d, b);
      coef.set(b, k * d);
    }
  }
  return coef;
}

/** XXᵀ (n × n, flat) for X n × d (the {@link gemm} kernel). */
export function kernelGram(X: RowMajor): Float64Array {
  const { data, rows: n, cols: d } = X;
  return gemm(data, data, new Float64Array(n * n), n, n, d, false, true);
}

/**
 * Through the thin SVD X = U S Vᵀ (ml-matrix): wₖ = V diag(s / (s² + αₖ)) Uᵀ yₖ. Exact for any α ≥ 0,
 * including rank-deficient X (the minimum-norm solution when α = 0). Singular values at or below
 * max(1e-15, max(n, d) · ε · s_max) are dropped: scikit-learn's absolute cut-off 1e-15, raised to
 * the relative one LAPACK's own rank decisions use, because a zero singular value comes out of the
 * SVD as rounding noise of order ε · s_max, which may exceed 1e-15 (and then blows up as 1/s).
 */
export function ridgeSvd(X: RowMajor, Y: Float64Array, t: number, alpha: Float64Array): Float64Array {
  const { rows: n, cols: d } = X;
  const svd = new SingularValueDecomposition(matrixFromFlat(Float64Array.from(X.data), n, d), {
    computeLeftSingularVectors: true,
    computeRightSingularVectors: true,
    autoTranspose: true,
  });
  const U = svd.leftSingularVectors;
  const V = svd.rightSingularVectors;
  const s = svd.diagonal;
  const r = s.length;
  const cut = Math.max(1e-15, Math.max(n, d) * Number.EPSILON * Math.max(0, ...s));
  const coef = new Float64Array(t * d);
  const uty = new Float64Array(r);
  for (let k = 0; k < t; k++) {
    uty.fill(0);
    for (let i = 0; i < n; i++) {
      const yik = Y[i * t + k];
      if (yik === 0) continue;
      const Ui = U.getRow(i);
      for (let q = 0; q < r; q++) uty[q] += Ui[q] * yik;
    }
    for (let q = 0; q < r; q++) uty[q] = s[q] > cut ? (uty[q] * s[q]) / (s[q] * s[q] + alpha[k]) : 0;
    for (let j = 0; j < d; j++) {
      const Vj = V.getRow(j);
      let v = 0;
      for (let q = 0; q < r; q++) v += Vj[q] * uty[q];
      coef[k * d + j] = v;
    }
  }
  return coef;
}

/** LSQR per target with damp = √αₖ, atol = btol = tol; returns the coefficients and iterations. */
export function ridgeLsqr(
  X: RowMajor,
  Y: Float64Array,
  t: number,
  alpha: Float64Array,
  tol: number,
  maxIter: number | null,
): { coef: Float64Array; nIter: number[] } {
  const { rows: n, cols: d } = X;
  const coef = new Float64Array(t * d);
  const nIter: number[] = [];
  const y = new Float64Array(n);
  for (let k = 0; k < t; k++) {
    for (let i = 0; i < n; i++) y[i] = Y[i * t + k];
    const res = lsqr(X, y, { damp: Math.sqrt(alpha[k]), atol: tol, btol: tol, iterLim: maxIter ?? undefined });
    coef.set(res.x, k * d);
    nIter.push(res.nIter);
  }
  return { coef, nIter };
}

/** Which solver to use; 'auto' is Cholesky (scikit-learn's choice for dense data). */
export type RidgeSolver = 'auto' | 'cholesky' | 'svd' | 'lsqr';

export interface RidgeProblemOptions {
  /** One penalty per target (length t). */
  alpha: Float64Array;
  fitIntercept: boolean;
  solver: RidgeSolver;
  tol: number;
  maxIter: number | null;
  sampleWeight?: Float64Array;
  /**
   * Centre X in place (default true: X is a copy the caller owns). False reads X only and centres
   * into a new buffer (X may then be the caller's own data, validated without a copy).
   */
  inPlace?: boolean;
}

export interface RidgeFit {
  /** t × d, flat. */
  coef: Float64Array;
  /** One per target. */
  intercept: Float64Array;
  /** LSQR iterations per target, or null for the direct solvers. */
  nIter: number[] | null;
}

/**
 * Fits ridge regression as scikit-learn's `Ridge.fit`: centre and weight (`_preprocess.ts`), solve
 * with the chosen solver (Cholesky falls back to SVD when XᵀX + αI is singular, i.e. α = 0 on
 * rank-deficient X), recover the intercepts. `Y` is consumed, and so is `X` unless `inPlace` is
 * false: pass copies you own.
 */
export function ridgeRegression(X0: RowMajor, Y: Float64Array, t: number, o: RidgeProblemOptions): RidgeFit {
  // Σ wᵢ(yᵢ − xᵢw)² + α‖w‖² has the same minimiser when the weights and α are multiplied by one
  // constant: huge weights (whose weighted sums would overflow) are brought near 1 by a power of
  // two (exact), and α with them.
  let w = o.sampleWeight;
  let alpha = o.alpha;
  const wScale = w ? powerOfTwoScale(w) : 1;
  if (w && wScale < 1) {
    w = w.map((v) => v * wScale);
    alpha = alpha.map((a) => a * wScale);
  }
  const pre = preprocessData(X0, Y, t, o.fitIntercept, w, o.inPlace ?? true);
  const X = pre.X;
  let coef: Float64Array | null = null;
  let nIter: number[] | null = null;
  if (o.solver === 'lsqr') {
    const r = ridgeLsqr(X, Y, t, alpha, o.tol, o.maxIter);
    coef = r.coef;
    nIter = r.nIter;
  } else if (o.solver !== 'svd') {
    coef = ridgeCholesky(X, Y, t, alpha);
  }
  coef ??= ridgeSvd(X, Y, t, alpha);
  return { coef, intercept: interceptsOf(pre, coef, X.cols), nIter };
}
