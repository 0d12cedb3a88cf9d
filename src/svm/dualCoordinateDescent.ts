/**
 * Dual coordinate descent for L2-regularised linear SVMs (Hsieh, Chang, Lin, Keerthi & Sundararajan,
 * "A dual coordinate descent method for large-scale linear SVM", ICML 2008), as liblinear's
 * solvers for L2-loss / L1-loss SVC and SVR, with its shrinking rules. Free of the estimator API.
 *
 * The data hold a trailing constant column when an intercept is fitted (liblinear's bias feature,
 * regularised like the other weights).
 */
import type { RandomState } from '../core/random';

export interface LinearDualResult {
  /** Primal weights, length d. */
  w: Float64Array;
  nIter: number;
  converged: boolean;
}

function dotRow(w: Float64Array, X: Float64Array, off: number, d: number): number {
  let s = 0;
  for (let k = 0; k < d; k++) s += w[k] * X[off + k];
  return s;
}

/**
 * Linear SVC for y ∈ {−1, +1}: min ½‖w‖² + Σ Cᵢ·loss(yᵢ wᵀxᵢ), loss = hinge (`squared: false`) or
 * squared hinge. Stops when the projected gradient's spread is at most tol (liblinear's rule).
 */
export function linearSvcDual(
  X: Float64Array,
  n: number,
  d: number,
  y: Int8Array,
  C: Float64Array,
  squared: boolean,
  tol: number,
  maxIter: number,
  random: RandomState,
): LinearDualResult {
  const w = new Float64Array(d);
  const alpha = new Float64Array(n);
  const QD = new Float64Array(n);
  const diag = new Float64Array(n);
  const upper = new Float64Array(n);
  const index = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    diag[i] = squared ? 0.5 / C[i] : 0;
    upper[i] = squared ? Infinity : C[i];
    QD[i] = diag[i] + dotRow(X.subarray(i * d, (i + 1) * d), X, i * d, d);
    index[i] = i;
  }
  let active = n;
  let PGmaxOld = Infinity;
  let PGminOld = -Infinity;
  let iter = 0;
  let converged = false;
  while (iter < maxIter) {
    let PGmaxNew = -Infinity;
    let PGminNew = Infinity;
    for (let i = 0; i < active; i++) {
      const j = i + random.randint(active - i);
      const t = index[i];
      index[i] = index[j];
      index[j] = t;
    }
    for (let s = 0; s < active; s++) {
      const i = index[s];
      const yi = y[i];
      const off = i * d;
      let G = yi * dotRow(w, X, off, d) - 1;
      const Ci = upper[i];
      G += alpha[i] * diag[i];
      let PG = 0;
      if (alpha[i] === 0) {
        if (G > PGmaxOld) {
          active--;
          index[s] = index[active];
          index[active] = i;
          s--;
          continue;
        } else if (G < 0) PG = G;
      } else if (alpha[i] === Ci) {
        if (G < PGminOld) {
          active--;
          index[s] = index[active];
          index[active] = i;
          s--;
          continue;
        } else if (G > 0) PG = G;
      } else PG = G;
      PGmaxNew = Math.max(PGmaxNew, PG);
      PGminNew = Math.min(PGminNew, PG);
      if (Math.abs(PG) > 1e-12) {
        const old = alpha[i];
        alpha[i] = Math.min(Math.max(alpha[i] - G / QD[i], 0), Ci);
        const dl = (alpha[i] - old) * yi;
        for (let k = 0; k < d; k++) w[k] += dl * X[off + k];
      }
    }
    iter++;
    if (PGmaxNew - PGminNew <= tol) {
      if (active === n) {
        converged = true;
        break;
      }
      active = n;
      PGmaxOld = Infinity;
      PGminOld = -Infinity;
      continue;
    }
    PGmaxOld = PGmaxNew <= 0 ? Infinity : PGmaxNew;
    PGminOld = PGminNew >= 0 ? -Infinity : PGminNew;
  }
  return { w, nIter: iter, converged };
}

/**
 * Linear SVR: min ½‖w‖² + Σ Cᵢ·loss(yᵢ − wᵀxᵢ), loss = ε-insensitive (`squared: false`) or squared
 * ε-insensitive. Stops when the summed violation falls to tol times its first value (liblinear's rule).
 */
export function linearSvrDual(
  X: Float64Array,
  n: number,
  d: number,
  target: Float64Array,
  C: Float64Array,
  epsilon: number,
  squared: boolean,
  tol: number,
  maxIter: number,
  random: RandomState,
): LinearDualResult {
  const w = new Float64Array(d);
  const beta = new Float64Array(n);
  const QD = new Float64Array(n);
  const lambda = new Float64Array(n);
  const upper = new Float64Array(n);
  const index = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    lambda[i] = squared ? 0.5 / C[i] : 0;
    upper[i] = squared ? Infinity : C[i];
    QD[i] = dotRow(X.subarray(i * d, (i + 1) * d), X, i * d, d);
    index[i] = i;
  }
  let active = n;
  let GmaxOld = Infinity;
  let Gnorm1Init = -1;
  let iter = 0;
  let converged = false;
  while (iter < maxIter) {
    let GmaxNew = 0;
    let Gnorm1New = 0;
    for (let i = 0; i < active; i++) {
      const j = i + random.randint(active - i);
      const t = index[i];
      index[i] = index[j];
      index[j] = t;
    }
    for (let s = 0; s < active; s++) {
      const i = index[s];
      const off = i * d;
      const H = QD[i] + lambda[i];
      const G = -target[i] + lambda[i] * beta[i] + dotRow(w, X, off, d);
      const Gp = G + epsilon;
      const Gn = G - epsilon;
      const ub = upper[i];
      let violation = 0;
      let shrink = false;
      if (beta[i] === 0) {
        if (Gp < 0) violation = -Gp;
        else if (Gn > 0) violation = Gn;
        else if (Gp > GmaxOld && Gn < -GmaxOld) shrink = true;
      } else if (beta[i] >= ub) {
        if (Gp > 0) violation = Gp;
        else if (Gp < -GmaxOld) shrink = true;
      } else if (beta[i] <= -ub) {
        if (Gn < 0) violation = -Gn;
        else if (Gn > GmaxOld) shrink = true;
      } else if (beta[i] > 0) violation = Math.abs(Gp);
      else violation = Math.abs(Gn);
      if (shrink) {
        active--;
        index[s] = index[active];
        index[active] = i;
        s--;
        continue;
      }
      GmaxNew = Math.max(GmaxNew, violation);
      Gnorm1New += violation;
      let step: number;
      if (Gp < H * beta[i]) step = -Gp / H;
      else if (Gn > H * beta[i]) step = -Gn / H;
      else step = -beta[i];
      if (Math.abs(step) < 1e-12) continue;
      const old = beta[i];
      beta[i] = Math.min(Math.max(beta[i] + step, -ub), ub);
      const dl = beta[i] - old;
      if (dl !== 0) for (let k = 0; k < d; k++) w[k] += dl * X[off + k];
    }
    if (iter === 0) Gnorm1Init = Gnorm1New;
    iter++;
    if (Gnorm1New <= tol * Gnorm1Init) {
      if (active === n) {
        converged = true;
        break;
      }
      active = n;
      GmaxOld = Infinity;
      continue;
    }
    GmaxOld = GmaxNew;
  }
  return { w, nIter: iter, converged };
}
