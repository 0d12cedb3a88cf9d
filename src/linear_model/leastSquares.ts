/**
 * The least-squares solver behind LinearRegression, free of the estimator API: minimises
 * ‖W^½ (y − Xw − b)‖² and returns the minimum-norm solution when X is rank-deficient, as LAPACK's
 * gelsd (which scikit-learn calls) does.
 *
 * Method (see docs/linear-models.md, "How LinearRegression solves"):
 * 1. X and y are scaled by powers of two (exact) when their magnitudes are near the ends of the
 *    double range, so that centring and squaring can neither overflow nor underflow; then centred
 *    (weighted) and their rows scaled by √w (`_preprocess.ts`).
 * 2. With at least as many samples as features, the Gram matrix G = XᵀX is formed over the flat
 *    buffer (the fast path), scaled to unit diagonal (Gs = D G D) and Cholesky-factorised. Its
 *    1-norm condition number is estimated from the factor (Hager's estimator, a few triangular
 *    solves). If the factorisation succeeds and κ₁(Gs) ≤ {@link GRAM_CONDITION_LIMIT}, the normal
 *    equations are solved and refined once with the exact residual Xᵀ(y − Xw).
 * 3. Otherwise (ill-conditioned, rank-deficient, or fewer samples than features) the problem is
 *    solved without squaring it: column-pivoted Householder QR and, when needed, a Jacobi SVD of
 *    the triangular factor (`lstsq.ts`).
 */
import { gram, timesVector, transposeTimes } from '../core/linalg';
import { powerOfTwoScale } from '../core/math/powerOfTwoScale';
import type { RowMajor } from '../core/data/index';
import { lstsq } from './lstsq';
import { interceptsOf, preprocessData } from './_preprocess';

export interface LeastSquaresResult {
  coef: Float64Array;
  intercept: number;
  /** The numerical rank of the (centred) design matrix. */
  rank: number;
  /** Which path solved the problem: the normal equations or the QR/SVD solver. */
  method: 'cholesky' | 'qr';
}

export interface LeastSquaresOptions {
  fitIntercept: boolean;
  sampleWeight?: Float64Array;
  /** Relative singular-value cut-off for the rank; default max(n, d) × machine epsilon (numpy's lstsq). */
  rcond?: number;
  /** Force one path (tests and benchmarks); by default chosen from the condition estimate. */
  method?: 'auto' | 'cholesky' | 'qr';
}

/**
 * The largest estimated κ₁ of the unit-diagonal Gram matrix for which the normal equations are used.
 * At κ(Gs) = 1e8 (κ(X) ≈ 1e4) the normal equations' relative error is about κ(Gs)·ε ≈ 2e-8, and
 * the refinement step brings it to the κ(X)·ε of a QR solve; the estimate can be low by a small
 * factor, which this margin covers.
 */
export const GRAM_CONDITION_LIMIT = 1e8;

/** Solves least squares. `X` is consumed (scaled, centred in place): pass a copy you own. */
export function leastSquares(X: RowMajor, y: Float64Array, options: LeastSquaresOptions): LeastSquaresResult {
  const { rows: n, cols: d } = X;
  const yc = Float64Array.from(y);
  const xScale = powerOfTwoScale(X.data);
  const yScale = powerOfTwoScale(yc);
  if (xScale !== 1) for (let i = 0; i < X.data.length; i++) X.data[i] *= xScale;
  if (yScale !== 1) for (let i = 0; i < n; i++) yc[i] *= yScale;
  // Least squares does not change when every weight is multiplied by one constant: a power of two
  // (exact) keeps huge weights from overflowing the weighted sums.
  let w = options.sampleWeight;
  const wScale = w ? powerOfTwoScale(w) : 1;
  if (w && wScale !== 1) w = w.map((v) => v * wScale);
  const pre = preprocessData(X, yc, 1, options.fitIntercept, w);
  const rcond = options.rcond ?? Math.max(n, d) * Number.EPSILON;
  const method = options.method ?? 'auto';
  let solved: { coef: Float64Array; rank: number; method: 'cholesky' | 'qr' } | undefined;
  if (method !== 'qr' && n >= d) solved = normalEquations(X, yc, method === 'cholesky');
  if (!solved) {
    const { x, rank } = lstsq(X.data, n, d, yc, rcond);
    solved = { coef: x, rank, method: 'qr' };
  }
  const { coef } = solved;
  // Scaled problem: (X·sx) z = y·sy, so w = z·sx/sy and b = b_s/sy.
  const intercept = interceptsOf(pre, coef, d)[0] / yScale;
  if (xScale !== 1 || yScale !== 1) for (let j = 0; j < d; j++) coef[j] = unscale(coef[j], xScale, yScale);
  return { coef, intercept, rank: solved.rank, method: solved.method };
}

/** z · sx / sy without an intermediate overflow (zero stays zero); ±Infinity when the result is beyond the double range. */
function unscale(z: number, sx: number, sy: number): number {
  if (z === 0) return 0;
  const a = z * sx;
  return Number.isFinite(a) && a !== 0 ? a / sy : (z / sy) * sx;
}

/**
 * The fast path: Cholesky on the unit-diagonal Gram matrix and one refinement step. Returns
 * undefined when the problem is too ill-conditioned for it (unless `force`).
 */
function normalEquations(X: RowMajor, y: Float64Array, force: boolean): { coef: Float64Array; rank: number; method: 'cholesky' } | undefined {
  const d = X.cols;
  const G = gram(X);
  // Columns that are exactly zero (constant before centring, or only weight-0 rows) get a zero
  // coefficient, the minimum-norm choice; the rest are solved together.
  const keep: number[] = [];
  for (let j = 0; j < d; j++) {
    const g = G[j * d + j];
    if (g > 0) {
      // A diagonal this small means squares underflowed: leave such data to the QR path.
      if (g < 1e-280 && !force) return undefined;
      keep.push(j);
    }
  }
  const k = keep.length;
  const D = new Float64Array(k);
  for (let a = 0; a < k; a++) D[a] = 1 / Math.sqrt(G[keep[a] * d + keep[a]]);
  const L = new Float64Array(k * k);
  for (let a = 0; a < k; a++) for (let b = 0; b <= a; b++) L[a * k + b] = G[keep[a] * d + keep[b]] * D[a] * D[b];
  const norm1 = symmetricNorm1(L, k);
  if (!cholesky(L, k)) {
    if (!force) return undefined;
    for (let a = 0; a < k; a++) if (!(L[a * k + a] > 0)) L[a * k + a] = Number.MIN_VALUE;
  }
  if (!force && norm1 * inverseNorm1Estimate(L, k) > GRAM_CONDITION_LIMIT) return undefined;
  const solve = (rhs: Float64Array): Float64Array => {
    const v = new Float64Array(k);
    for (let a = 0; a < k; a++) v[a] = rhs[keep[a]] * D[a];
    choleskySolve(L, k, v);
    const out = new Float64Array(d);
    for (let a = 0; a < k; a++) out[keep[a]] = v[a] * D[a];
    return out;
  };
  const coef = solve(transposeTimes(X, y));
  // One step of iterative refinement with the exact residual.
  const r = timesVector(X, coef);
  for (let i = 0; i < r.length; i++) r[i] = y[i] - r[i];
  const delta = solve(transposeTimes(X, r));
  for (let j = 0; j < d; j++) coef[j] += delta[j];
  return { coef, rank: k, method: 'cholesky' };
}

/** ‖A‖₁ of a symmetric matrix of which the lower triangle of `L` holds a copy. */
function symmetricNorm1(L: Float64Array, k: number): number {
  let best = 0;
  for (let b = 0; b < k; b++) {
    let s = 0;
    for (let a = 0; a < k; a++) s += Math.abs(a >= b ? L[a * k + b] : L[b * k + a]);
    if (s > best) best = s;
  }
  return best;
}

/** In-place Cholesky of the lower triangle (A = L Lᵀ). False when a pivot is not positive. */
function cholesky(L: Float64Array, k: number): boolean {
  for (let j = 0; j < k; j++) {
    const oj = j * k;
    let s = L[oj + j];
    for (let p = 0; p < j; p++) s -= L[oj + p] * L[oj + p];
    if (!(s > 0)) return false;
    const ljj = Math.sqrt(s);
    L[oj + j] = ljj;
    for (let i = j + 1; i < k; i++) {
      const oi = i * k;
      let t = L[oi + j];
      for (let p = 0; p < j; p++) t -= L[oi + p] * L[oj + p];
      L[oi + j] = t / ljj;
    }
  }
  return true;
}

/** Solves L Lᵀ x = v in place. */
function choleskySolve(L: Float64Array, k: number, v: Float64Array): void {
  for (let i = 0; i < k; i++) {
    let s = v[i];
    for (let p = 0; p < i; p++) s -= L[i * k + p] * v[p];
    v[i] = s / L[i * k + i];
  }
  for (let i = k - 1; i >= 0; i--) {
    let s = v[i];
    for (let p = i + 1; p < k; p++) s -= L[p * k + i] * v[p];
    v[i] = s / L[i * k + i];
  }
}

/**
 * Hager's estimate of ‖A⁻¹‖₁ for the symmetric positive definite A = L Lᵀ (the method of LAPACK's
 * dlacon, at most five steps of two solves each). A lower bound, usually within a factor of 3.
 */
function inverseNorm1Estimate(L: Float64Array, k: number): number {
  let x = new Float64Array(k).fill(1 / k);
  let est = 0;
  let lastJ = -1;
  for (let iter = 0; iter < 5; iter++) {
    const y = Float64Array.from(x);
    choleskySolve(L, k, y);
    let n1 = 0;
    for (let a = 0; a < k; a++) n1 += Math.abs(y[a]);
    if (!Number.isFinite(n1)) return Infinity;
    if (iter > 0 && n1 <= est) break;
    est = n1;
    const z = new Float64Array(k);
    for (let a = 0; a < k; a++) z[a] = y[a] >= 0 ? 1 : -1;
    choleskySolve(L, k, z);
    let j = 0;
    let ztx = 0;
    for (let a = 0; a < k; a++) {
      if (Math.abs(z[a]) > Math.abs(z[j])) j = a;
      ztx += z[a] * x[a];
    }
    if (Math.abs(z[j]) <= ztx || j === lastJ) break;
    lastJ = j;
    x = new Float64Array(k);
    x[j] = 1;
  }
  return est;
}
