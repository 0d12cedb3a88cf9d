/**
 * Coordinate descent for the elastic net, free of the estimator API (the solver behind Lasso,
 * ElasticNet, LassoCV, ElasticNetCV and enetPath).
 *
 * It minimises, over w,
 *
 *     ½‖y − Xw‖² + l1Reg·‖w‖₁ + ½·l2Reg·‖w‖²
 *
 * which is n times scikit-learn's elastic-net objective when l1Reg = n·α·l1Ratio and
 * l2Reg = n·α·(1 − l1Ratio) (the scaling scikit-learn's `enet_path` applies before its compiled
 * solver). No intercept: centre X and y first.
 *
 * The method is cyclic (or random) coordinate descent with soft-thresholding (Friedman, Hastie and
 * Tibshirani 2010, "Regularization paths for generalized linear models via coordinate descent"),
 * keeping the residual R = y − Xw up to date in one flat buffer. The stopping rule is
 * scikit-learn's: after a sweep whose largest coefficient change is small relative to the largest
 * coefficient (max|Δwⱼ| / max|wⱼ| < tol), or after the last allowed sweep, compute the duality gap
 * of the problem; stop once it is below tol·‖y‖².
 *
 * The duality gap: with the dual point θ = c·R, where c = min(1, l1Reg / ‖XᵀR − l2Reg·w‖∞),
 *
 *     gap = ½‖R‖²(1 + c²) + l1Reg‖w‖₁ − c·Rᵀy + ½·l2Reg·(1 + c²)‖w‖²    (c < 1)
 *     gap = ‖R‖² + l1Reg‖w‖₁ − Rᵀy + l2Reg‖w‖²                           (c = 1)
 *
 * With `positive`, coefficients are kept ≥ 0 and the dual norm is the largest (signed) entry.
 */
import type { ColMajor } from '../core/data/index';
import { axpy } from '../core/kernels/axpy';
import { dot } from '../core/kernels/dot';
import type { RandomState } from '../core/random';


/** Options of {@link enetCoordinateDescent}. */
export interface EnetCDOptions {
  /** The L1 penalty weight in the solver's (un-normalised) objective, ≥ 0. */
  l1Reg: number;
  /** The L2 penalty weight in the solver's (un-normalised) objective, ≥ 0. */
  l2Reg: number;
  /** Maximum number of sweeps over the features, ≥ 1. */
  maxIter: number;
  /** Tolerance: relative coefficient change that triggers a gap check, and gap / ‖y‖² to stop. */
  tol: number;
  /** Constrain the coefficients to be non-negative. */
  positive: boolean;
  /** Pick a random feature (with replacement) at each step instead of sweeping in order; null: cyclic. */
  random: RandomState | null;
  /** The squared column norms of X, when already known (they do not change along a path). */
  colNorms?: Float64Array;
}

/** What {@link enetCoordinateDescent} returns (the coefficients are updated in place). */
export interface EnetCDResult {
  /** The duality gap at the last check, in the solver's objective (divide by n for scikit-learn's). */
  gap: number;
  /** The stopping threshold tol·‖y‖² that the gap was compared with. */
  gapTol: number;
  /** Sweeps run. */
  nIter: number;
  /** Whether the gap went below the threshold. */
  converged: boolean;
}

/** The squared norm of each column of a column-major matrix. */
export function squaredColumnNorms(X: ColMajor): Float64Array {
  const { data, rows: n, cols: d } = X;
  const out = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    const off = j * n;
    let s = 0;
    for (let i = 0; i < n; i++) {
      const v = data[off + i];
      s += v * v;
    }
    out[j] = s;
  }
  return out;
}

/**
 * Runs coordinate descent from the coefficients in `w` (updated in place: pass zeros for a cold
 * start, the previous solution for a warm start). Neither X nor y is modified.
 */
export function enetCoordinateDescent(X: ColMajor, y: Float64Array, w: Float64Array, options: EnetCDOptions): EnetCDResult {
  const { data, rows: n, cols: d } = X;
  const { l1Reg, l2Reg, maxIter, tol, positive, random } = options;
  const norms = options.colNorms ?? squaredColumnNorms(X);

  // R = y − Xw
  const R = Float64Array.from(y);
  for (let j = 0; j < d; j++) if (w[j] !== 0) axpy(n, -w[j], data, j * n, R, 0);
  const gapTol = tol * dot(n, y, 0, y, 0);

  let gap = gapTol + 1;
  let nIter = maxIter;
  let converged = false;
  for (let iter = 0; iter < maxIter; iter++) {
    let wMax = 0;
    let dwMax = 0;
    for (let f = 0; f < d; f++) {
      const j = random ? random.randint(d) : f;
      const nj = norms[j];
      if (nj === 0) continue;
      const off = j * n;
      const wOld = w[j];
      // x_j · (R + wOld·x_j): the correlation of x_j with the residual without feature j (the dot
      // product and the axpy below are where the solver spends its time).
      const tmp = dot(n, data, off, R, 0) + wOld * nj;
      let wNew = 0;
      if (!(positive && tmp < 0)) {
        const shrunk = Math.abs(tmp) - l1Reg;
        if (shrunk > 0) wNew = (tmp < 0 ? -shrunk : shrunk) / (nj + l2Reg);
      }
      w[j] = wNew;
      const change = wOld - wNew;
      if (change !== 0) axpy(n, change, data, off, R, 0);
      const dw = Math.abs(change);
      if (dw > dwMax) dwMax = dw;
      const aw = Math.abs(wNew);
      if (aw > wMax) wMax = aw;
    }
    if (wMax === 0 || dwMax / wMax < tol || iter === maxIter - 1) {
      gap = dualityGap(X, y, w, R, l1Reg, l2Reg, positive);
      if (gap < gapTol) {
        nIter = iter + 1;
        converged = true;
        break;
      }
    }
  }
  return { gap, gapTol, nIter, converged };
}

/** The duality gap of the elastic-net problem at w, with R = y − Xw (see the file's comment). */
function dualityGap(X: ColMajor, y: Float64Array, w: Float64Array, R: Float64Array, l1Reg: number, l2Reg: number, positive: boolean): number {
  const { data, rows: n, cols: d } = X;
  let dualNorm = positive ? -Infinity : 0;
  let l1 = 0;
  let wNorm2 = 0;
  for (let j = 0; j < d; j++) {
    const xtA = dot(n, data, j * n, R, 0) - l2Reg * w[j];
    const v = positive ? xtA : Math.abs(xtA);
    if (v > dualNorm) dualNorm = v;
    l1 += Math.abs(w[j]);
    wNorm2 += w[j] * w[j];
  }
  const rNorm2 = dot(n, R, 0, R, 0);
  let c = 1;
  let gap: number;
  if (dualNorm > l1Reg) {
    c = l1Reg / dualNorm;
    gap = 0.5 * (rNorm2 + rNorm2 * c * c);
  } else {
    gap = rNorm2;
  }
  return gap + l1Reg * l1 - c * dot(n, R, 0, y, 0) + 0.5 * l2Reg * (1 + c * c) * wNorm2;
}

/**
 * XᵀX of a column-major matrix (d × d, row-major, symmetric), accumulated over blocks of rows so
 * that each block's columns stay in cache, two columns by two at a time (four sums share four loads).
 */
export function columnGram(X: ColMajor): Float64Array {
  const { data, rows: n, cols: d } = X;
  const G = new Float64Array(d * d);
  const BLOCK = 512;
  for (let k0 = 0; k0 < n; k0 += BLOCK) {
    const k1 = Math.min(n, k0 + BLOCK);
    for (let a = 0; a < d; a += 2) {
      const a2 = a + 1 < d;
      const ca = a * n;
      const ca1 = ca + n;
      for (let b = a; b < d; b += 2) {
        const b2 = b + 1 < d;
        const cb = b * n;
        const cb1 = cb + n;
        let s00 = 0;
        let s01 = 0;
        let s10 = 0;
        let s11 = 0;
        if (a2 && b2) {
          for (let k = k0; k < k1; k++) {
            const xa = data[ca + k];
            const xa1 = data[ca1 + k];
            const xb = data[cb + k];
            const xb1 = data[cb1 + k];
            s00 += xa * xb;
            s01 += xa * xb1;
            s10 += xa1 * xb;
            s11 += xa1 * xb1;
          }
        } else {
          for (let k = k0; k < k1; k++) {
            const xa = data[ca + k];
            const xa1 = a2 ? data[ca1 + k] : 0;
            const xb = data[cb + k];
            const xb1 = b2 ? data[cb1 + k] : 0;
            s00 += xa * xb;
            s01 += xa * xb1;
            s10 += xa1 * xb;
            s11 += xa1 * xb1;
          }
        }
        G[a * d + b] += s00;
        if (b2) G[a * d + b + 1] += s01;
        if (a2) {
          G[(a + 1) * d + b] += s10;
          if (b2) G[(a + 1) * d + b + 1] += s11;
        }
      }
    }
  }
  // Only b ≥ a (in pairs) was summed: fill the rest from the upper triangle.
  for (let a = 0; a < d; a++) for (let b = a + 1; b < d; b++) G[b * d + a] = G[a * d + b];
  return G;
}

/** The Gram form of the problem: Q = XᵀX (d × d, row-major), q = Xᵀy and ‖y‖². */
export interface GramProblem {
  Q: Float64Array;
  q: Float64Array;
  yNorm2: number;
  d: number;
}

/**
 * The same coordinate descent as {@link enetCoordinateDescent} (same iterates, same stopping rule),
 * on the Gram form of the problem: each coordinate step costs O(d) instead of O(n), which pays off
 * along a path of many alphas on tall data (scikit-learn's CV estimators do the same when
 * n > d). It keeps H = Qw instead of the residual; ‖R‖² = ‖y‖² − 2qᵀw + wᵀQw and Rᵀy = ‖y‖² − qᵀw.
 * Options as enetCoordinateDescent's (`colNorms` is ignored: the norms are Q's diagonal).
 */
export function enetCoordinateDescentGram(P: GramProblem, w: Float64Array, options: EnetCDOptions): EnetCDResult {
  const { Q, q, yNorm2, d } = P;
  const { l1Reg, l2Reg, maxIter, tol, positive, random } = options;
  const H = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    const wj = w[j];
    if (wj === 0) continue;
    const row = j * d;
    for (let k = 0; k < d; k++) H[k] += wj * Q[row + k];
  }
  const gapTol = tol * yNorm2;
  let gap = gapTol + 1;
  let nIter = maxIter;
  let converged = false;
  for (let iter = 0; iter < maxIter; iter++) {
    let wMax = 0;
    let dwMax = 0;
    for (let f = 0; f < d; f++) {
      const j = random ? random.randint(d) : f;
      const row = j * d;
      const qjj = Q[row + j];
      if (qjj === 0) continue;
      const wOld = w[j];
      const tmp = q[j] - H[j] + wOld * qjj;
      let wNew = 0;
      if (!(positive && tmp < 0)) {
        const shrunk = Math.abs(tmp) - l1Reg;
        if (shrunk > 0) wNew = (tmp < 0 ? -shrunk : shrunk) / (qjj + l2Reg);
      }
      w[j] = wNew;
      const change = wNew - wOld;
      if (change !== 0) for (let k = 0; k < d; k++) H[k] += change * Q[row + k];
      const dw = Math.abs(change);
      if (dw > dwMax) dwMax = dw;
      const aw = Math.abs(wNew);
      if (aw > wMax) wMax = aw;
    }
    if (wMax === 0 || dwMax / wMax < tol || iter === maxIter - 1) {
      let dualNorm = positive ? -Infinity : 0;
      let qw = 0;
      let wHw = 0;
      let l1 = 0;
      let wNorm2 = 0;
      for (let j = 0; j < d; j++) {
        const xtA = q[j] - H[j] - l2Reg * w[j];
        const v = positive ? xtA : Math.abs(xtA);
        if (v > dualNorm) dualNorm = v;
        qw += q[j] * w[j];
        wHw += w[j] * H[j];
        l1 += Math.abs(w[j]);
        wNorm2 += w[j] * w[j];
      }
      const rNorm2 = yNorm2 + wHw - 2 * qw;
      let c = 1;
      if (dualNorm > l1Reg) {
        c = l1Reg / dualNorm;
        gap = 0.5 * (rNorm2 + rNorm2 * c * c);
      } else {
        gap = rNorm2;
      }
      gap += l1Reg * l1 - c * (yNorm2 - qw) + 0.5 * l2Reg * (1 + c * c) * wNorm2;
      if (gap < gapTol) {
        nIter = iter + 1;
        converged = true;
        break;
      }
    }
  }
  return { gap, gapTol, nIter, converged };
}
