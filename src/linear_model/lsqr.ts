/**
 * LSQR (Paige & Saunders, 1982): an iterative solver of min ‖Ax − b‖² + damp²‖x‖² by Golub–Kahan
 * bidiagonalisation, touching A only through the products Av and Aᵀu. Free of the estimator API;
 * Ridge's `solver: 'lsqr'` calls it with damp = √alpha. The stopping rules and the iteration count
 * are those of the published algorithm (and of SciPy's `scipy.sparse.linalg.lsqr`, which
 * scikit-learn calls): stop when ‖r‖ ≤ btol‖b‖ + atol‖A‖‖x‖, when ‖Aᵀr‖ ≤ atol‖A‖‖r‖, when the
 * condition estimate exceeds `conlim`, at machine precision, or after `iterLim` iterations.
 */
import type { RowMajor } from '../core/data/index';

export interface LsqrOptions {
  /** Damping (regularisation) factor; the problem solved is min ‖Ax − b‖² + damp²‖x‖². Default 0. */
  damp?: number;
  /** Relative tolerance on ‖A‖‖x‖ (stopping rules 1 and 2). Default 1e-6. */
  atol?: number;
  /** Relative tolerance on ‖b‖ (stopping rule 1). Default 1e-6. */
  btol?: number;
  /** Stop when the condition estimate of the (damped) A exceeds this. Default 1e8. */
  conlim?: number;
  /** Iteration limit. Default 2 × the number of columns. */
  iterLim?: number;
}

export interface LsqrResult {
  x: Float64Array;
  /**
   * Why it stopped: 0 x = 0 is exact, 1 residual small (compatible system), 2 least-squares
   * solution good enough, 3 condition limit, 4–6 the same at machine precision, 7 iteration limit.
   */
  istop: number;
  /** Iterations run. */
  nIter: number;
  /** ‖b − Ax‖. */
  r1norm: number;
}

function norm(v: Float64Array): number {
  // Scaled to avoid overflow and underflow, as the reference BLAS dnrm2.
  let scale = 0;
  let ssq = 1;
  for (let i = 0; i < v.length; i++) {
    const a = Math.abs(v[i]);
    if (a === 0) continue;
    if (scale < a) {
      ssq = 1 + ssq * (scale / a) ** 2;
      scale = a;
    } else ssq += (a / scale) ** 2;
  }
  return scale * Math.sqrt(ssq);
}

/** A stable Givens rotation: c, s, r with [c s; −s c]ᵀ… mapping (a, b) to (r, 0). */
function symOrtho(a: number, b: number): [number, number, number] {
  if (b === 0) return [Math.sign(a), 0, Math.abs(a)];
  if (a === 0) return [0, Math.sign(b), Math.abs(b)];
  if (Math.abs(b) > Math.abs(a)) {
    const tau = a / b;
    const s = Math.sign(b) / Math.sqrt(1 + tau * tau);
    return [s * tau, s, b / s];
  }
  const tau = b / a;
  const c = Math.sign(a) / Math.sqrt(1 + tau * tau);
  return [c, c * tau, a / c];
}

/** u ← A v − alpha u (m entries). */
function matvecInto(A: RowMajor, v: Float64Array, u: Float64Array, alpha: number): void {
  const { data, rows, cols } = A;
  for (let i = 0; i < rows; i++) {
    const off = i * cols;
    let s = 0;
    for (let j = 0; j < cols; j++) s += data[off + j] * v[j];
    u[i] = s - alpha * u[i];
  }
}

/** v ← Aᵀ u − beta v (n entries). */
function rmatvecInto(A: RowMajor, u: Float64Array, v: Float64Array, beta: number): void {
  const { data, rows, cols } = A;
  for (let j = 0; j < cols; j++) v[j] *= -beta;
  for (let i = 0; i < rows; i++) {
    const ui = u[i];
    if (ui === 0) continue;
    const off = i * cols;
    for (let j = 0; j < cols; j++) v[j] += data[off + j] * ui;
  }
}

/** Solves min ‖Ax − b‖² + damp²‖x‖² by LSQR, starting from x = 0. */
export function lsqr(A: RowMajor, b: Float64Array, options: LsqrOptions = {}): LsqrResult {
  const m = A.rows;
  const n = A.cols;
  const damp = options.damp ?? 0;
  const atol = options.atol ?? 1e-6;
  const btol = options.btol ?? 1e-6;
  const conlim = options.conlim ?? 1e8;
  const iterLim = options.iterLim ?? 2 * n;
  const eps = Number.EPSILON;
  const ctol = conlim > 0 ? 1 / conlim : 0;
  const dampsq = damp * damp;

  const x = new Float64Array(n);
  const u = Float64Array.from(b);
  const v = new Float64Array(n);
  const bnorm = norm(b);
  let beta = bnorm;
  let alfa = 0;
  if (beta > 0) {
    for (let i = 0; i < m; i++) u[i] /= beta;
    rmatvecInto(A, u, v, 0);
    alfa = norm(v);
  }
  if (alfa > 0) for (let j = 0; j < n; j++) v[j] /= alfa;
  const w = Float64Array.from(v);

  let rhobar = alfa;
  let phibar = beta;
  let rnorm = beta;
  let r1norm = rnorm;
  let anorm = 0;
  let acond = 0;
  let ddnorm = 0;
  let res2 = 0;
  let xxnorm = 0;
  let z = 0;
  let cs2 = -1;
  let sn2 = 0;
  let istop = 0;
  let itn = 0;
  if (alfa * beta === 0) return { x, istop, nIter: 0, r1norm };

  while (itn < iterLim) {
    itn++;
    // The next step of the bidiagonalisation: beta u = A v − alfa u, alfa v = Aᵀ u − beta v.
    matvecInto(A, v, u, alfa);
    beta = norm(u);
    if (beta > 0) {
      for (let i = 0; i < m; i++) u[i] /= beta;
      anorm = Math.sqrt(anorm * anorm + alfa * alfa + beta * beta + dampsq);
      rmatvecInto(A, u, v, beta);
      alfa = norm(v);
      if (alfa > 0) for (let j = 0; j < n; j++) v[j] /= alfa;
    }
    // Eliminate the damping term with a first rotation.
    let rhobar1 = rhobar;
    let psi = 0;
    if (damp > 0) {
      rhobar1 = Math.sqrt(rhobar * rhobar + dampsq);
      const cs1 = rhobar / rhobar1;
      const sn1 = damp / rhobar1;
      psi = sn1 * phibar;
      phibar = cs1 * phibar;
    }
    // Then the subdiagonal beta with a second one.
    const [cs, sn, rho] = symOrtho(rhobar1, beta);
    const theta = sn * alfa;
    rhobar = -cs * alfa;
    const phi = cs * phibar;
    phibar = sn * phibar;
    const tau = sn * phi;
    // Update x and the search direction w.
    const t1 = phi / rho;
    const t2 = -theta / rho;
    let dk2 = 0;
    for (let j = 0; j < n; j++) {
      const wj = w[j];
      const dk = wj / rho;
      dk2 += dk * dk;
      x[j] += t1 * wj;
      w[j] = v[j] + t2 * wj;
    }
    ddnorm += dk2;
    // Estimate ‖x‖ with a rotation on the lower bidiagonal.
    const delta = sn2 * rho;
    const gambar = -cs2 * rho;
    const rhs = phi - delta * z;
    const zbar = rhs / gambar;
    const xnorm = Math.sqrt(xxnorm + zbar * zbar);
    const gamma = Math.sqrt(gambar * gambar + theta * theta);
    cs2 = gambar / gamma;
    sn2 = theta / gamma;
    z = rhs / gamma;
    xxnorm += z * z;
    // Norms and the stopping rules.
    acond = anorm * Math.sqrt(ddnorm);
    const res1 = phibar * phibar;
    res2 += psi * psi;
    rnorm = Math.sqrt(res1 + res2);
    const arnorm = alfa * Math.abs(tau);
    if (damp > 0) {
      const r1sq = rnorm * rnorm - dampsq * xxnorm;
      r1norm = Math.sqrt(Math.abs(r1sq));
      if (r1sq < 0) r1norm = -r1norm;
    } else r1norm = rnorm;
    const test1 = rnorm / bnorm;
    const test2 = arnorm / (anorm * rnorm + eps);
    const test3 = 1 / (acond + eps);
    const t1s = test1 / (1 + (anorm * xnorm) / bnorm);
    const rtol = btol + (atol * anorm * xnorm) / bnorm;
    if (itn >= iterLim) istop = 7;
    if (1 + test3 <= 1) istop = 6;
    if (1 + test2 <= 1) istop = 5;
    if (1 + t1s <= 1) istop = 4;
    if (test3 <= ctol) istop = 3;
    if (test2 <= atol) istop = 2;
    if (test1 <= rtol) istop = 1;
    if (istop !== 0) break;
  }
  return { x, istop, nIter: itn, r1norm };
}
