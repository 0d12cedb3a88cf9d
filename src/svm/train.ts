/**
 * The SVM formulations on top of the SMO solver, as libsvm builds them, free of the estimator API:
 * C-SVC and ν-SVC (one-vs-one over classes, with Platt-scaled probabilities from internal
 * cross-validation), ε-SVR, ν-SVR and the one-class SVM. Data are flat row-major `Float64Array`s.
 */
import { ClassificationQ, RegressionQ } from './qMatrix';
import { smo, type SmoOptions } from './smo';
import { kernelBlock, rowSquaredNorms, type KernelSpec } from './kernel';
import { sigmoidTrain } from './platt';
import type { RandomState } from '../core/random';

/** Rows of the training data, flat n × d (for 'precomputed', the n × n Gram matrix). */
export interface Rows {
  X: Float64Array;
  n: number;
  d: number;
}

export interface SolverSettings extends SmoOptions {
  spec: KernelSpec;
  /** Kernel cache budget in MB. */
  cacheSize: number;
}

/** The rows `idx` of a flat matrix (for 'precomputed', the sub-Gram matrix over idx × idx). */
export function subRows(rows: Rows, idx: ArrayLike<number>, precomputed: boolean): Rows {
  const m = idx.length;
  const { X, d } = rows;
  if (precomputed) {
    const out = new Float64Array(m * m);
    for (let a = 0; a < m; a++) {
      const off = idx[a] * d;
      for (let b = 0; b < m; b++) out[a * m + b] = X[off + idx[b]];
    }
    return { X: out, n: m, d: m };
  }
  const out = new Float64Array(m * d);
  for (let a = 0; a < m; a++) out.set(X.subarray(idx[a] * d, idx[a] * d + d), a * d);
  return { X: out, n: m, d };
}

/** A two-class problem's solution: signed coefficients αᵢyᵢ per row and the offset ρ. */
export interface BinarySolution {
  coef: Float64Array;
  rho: number;
  nIter: number;
  converged: boolean;
}

/** C-SVC on rows with signs y (±1) and per-row bounds C. */
export function solveCSVC(rows: Rows, y: Int8Array, C: Float64Array, s: SolverSettings): BinarySolution {
  const l = rows.n;
  const Q = new ClassificationQ(rows.X, l, rows.d, y, s.spec, s.cacheSize);
  const p = new Float64Array(l).fill(-1);
  const res = smo({ Q, p, y, alpha: new Float64Array(l), C }, s);
  const coef = new Float64Array(l);
  for (let i = 0; i < l; i++) coef[i] = res.alpha[i] * y[i];
  return { coef, rho: res.rho, nIter: res.nIter, converged: res.converged };
}

/**
 * ν-SVC on rows with signs y and per-row weights W (sample × class weights); ν bounds the fraction
 * of margin errors from above and of support vectors from below.
 */
export function solveNuSVC(rows: Rows, y: Int8Array, W: Float64Array, nu: number, s: SolverSettings): BinarySolution {
  const l = rows.n;
  let nuL = 0;
  for (let i = 0; i < l; i++) nuL += nu * W[i];
  let sumPos = nuL / 2;
  let sumNeg = nuL / 2;
  const alpha = new Float64Array(l);
  for (let i = 0; i < l; i++) {
    if (y[i] === 1) {
      alpha[i] = Math.min(W[i], sumPos);
      sumPos -= alpha[i];
    } else {
      alpha[i] = Math.min(W[i], sumNeg);
      sumNeg -= alpha[i];
    }
  }
  const Q = new ClassificationQ(rows.X, l, rows.d, y, s.spec, s.cacheSize);
  const res = smo({ Q, p: new Float64Array(l), y, alpha, C: W }, { ...s, nu: true });
  const r = res.r;
  const coef = new Float64Array(l);
  for (let i = 0; i < l; i++) coef[i] = (res.alpha[i] * y[i]) / r;
  return { coef, rho: res.rho / r, nIter: res.nIter, converged: res.converged };
}

/** ε-SVR: coefficients α⁺ − α⁻ per row and ρ. */
export function solveEpsilonSVR(rows: Rows, target: Float64Array, C: Float64Array, epsilon: number, s: SolverSettings): BinarySolution {
  const l = rows.n;
  const p = new Float64Array(2 * l);
  const y = new Int8Array(2 * l);
  const C2 = new Float64Array(2 * l);
  for (let i = 0; i < l; i++) {
    p[i] = epsilon - target[i];
    y[i] = 1;
    p[i + l] = epsilon + target[i];
    y[i + l] = -1;
    C2[i] = C2[i + l] = C[i];
  }
  const Q = new RegressionQ(rows.X, l, rows.d, s.spec, s.cacheSize);
  const res = smo({ Q, p, y, alpha: new Float64Array(2 * l), C: C2 }, s);
  const coef = new Float64Array(l);
  for (let i = 0; i < l; i++) coef[i] = res.alpha[i] - res.alpha[i + l];
  return { coef, rho: res.rho, nIter: res.nIter, converged: res.converged };
}

/** ν-SVR: coefficients α⁺ − α⁻ per row and ρ (the tube width is found by the solver). */
export function solveNuSVR(rows: Rows, target: Float64Array, C: Float64Array, nu: number, s: SolverSettings): BinarySolution {
  const l = rows.n;
  let sum = 0;
  for (let i = 0; i < l; i++) sum += C[i];
  sum = (sum * nu) / 2;
  const p = new Float64Array(2 * l);
  const y = new Int8Array(2 * l);
  const C2 = new Float64Array(2 * l);
  const alpha = new Float64Array(2 * l);
  for (let i = 0; i < l; i++) {
    alpha[i] = alpha[i + l] = Math.min(sum, C[i]);
    sum -= alpha[i];
    p[i] = -target[i];
    y[i] = 1;
    p[i + l] = target[i];
    y[i + l] = -1;
    C2[i] = C2[i + l] = C[i];
  }
  const Q = new RegressionQ(rows.X, l, rows.d, s.spec, s.cacheSize);
  const res = smo({ Q, p, y, alpha, C: C2 }, { ...s, nu: true });
  const coef = new Float64Array(l);
  for (let i = 0; i < l; i++) coef[i] = res.alpha[i] - res.alpha[i + l];
  return { coef, rho: res.rho, nIter: res.nIter, converged: res.converged };
}

/** The one-class SVM (Schölkopf et al.): Σ αᵢ = ν·Σ Wᵢ, 0 ≤ αᵢ ≤ Wᵢ. */
export function solveOneClass(rows: Rows, W: Float64Array, nu: number, s: SolverSettings): BinarySolution {
  const l = rows.n;
  const alpha = new Float64Array(l);
  let nuL = 0;
  for (let i = 0; i < l; i++) nuL += W[i] * nu;
  for (let i = 0; i < l && nuL > 0; i++) {
    alpha[i] = Math.min(W[i], nuL);
    nuL -= alpha[i];
  }
  const y = new Int8Array(l).fill(1);
  const Q = new ClassificationQ(rows.X, l, rows.d, y, s.spec, s.cacheSize);
  const res = smo({ Q, p: new Float64Array(l), y, alpha, C: W }, s);
  return { coef: res.alpha, rho: res.rho, nIter: res.nIter, converged: res.converged };
}

/**
 * A one-vs-one classification model in libsvm's layout: support vectors grouped by class, for each
 * pair (i, j), i < j, the offset ρ and the coefficients of the two classes' support vectors
 * (class i's in row j − 1 of `svCoef`, class j's in row i), optional Platt parameters per pair.
 */
export interface OvoModel {
  nClasses: number;
  /** Indices of the support vectors in the training rows, grouped by class. */
  support: Int32Array;
  /** Support vectors per class. */
  nSupport: Int32Array;
  /** (nClasses − 1) × nSV, flat. */
  svCoef: Float64Array;
  /** One per pair, in the order (0,1), (0,2), …, (1,2), … */
  rho: Float64Array;
  probA?: Float64Array;
  probB?: Float64Array;
  nIter: number[];
  converged: boolean;
}

/** How a pair's binary problem is solved: C-SVC with bounds, or ν-SVC with weights. */
export type PairSolver = (rows: Rows, y: Int8Array, bound: Float64Array) => BinarySolution;

/**
 * Trains one binary model per pair of classes on rows grouped by class (`yi` holds class indices
 * 0…K−1; `bound` the per-row upper bound, already C × class weight × sample weight for C-SVC).
 * With `probability`, each pair also gets Platt parameters from 5-fold cross-validation whose folds
 * come from `random`.
 */
export function trainOvo(
  rows: Rows,
  yi: Int32Array,
  K: number,
  bound: Float64Array,
  solve: PairSolver,
  spec: KernelSpec,
  probability: { random: RandomState } | undefined,
): OvoModel {
  const precomputed = spec.kernel === 'precomputed';
  const groups: number[][] = Array.from({ length: K }, () => []);
  for (let i = 0; i < rows.n; i++) groups[yi[i]].push(i);
  const nonzero = new Uint8Array(rows.n);
  const pairs: Array<{ i: number; j: number; coef: Float64Array; rho: number }> = [];
  const nPairs = (K * (K - 1)) / 2;
  const probA = probability ? new Float64Array(nPairs) : undefined;
  const probB = probability ? new Float64Array(nPairs) : undefined;
  const nIter: number[] = [];
  let converged = true;
  let p = 0;
  for (let i = 0; i < K; i++) {
    for (let j = i + 1; j < K; j++) {
      const idx = groups[i].concat(groups[j]);
      const ci = groups[i].length;
      const sub = subRows(rows, idx, precomputed);
      const y = new Int8Array(idx.length);
      const b = new Float64Array(idx.length);
      for (let k = 0; k < idx.length; k++) {
        y[k] = k < ci ? 1 : -1;
        b[k] = bound[idx[k]];
      }
      if (probability && probA && probB) {
        const ab = binaryProbability(sub, y, b, solve, spec, probability.random);
        probA[p] = ab.A;
        probB[p] = ab.B;
      }
      const sol = solve(sub, y, b);
      nIter.push(sol.nIter);
      converged &&= sol.converged;
      for (let k = 0; k < idx.length; k++) if (sol.coef[k] !== 0) nonzero[idx[k]] = 1;
      pairs.push({ i, j, coef: sol.coef, rho: sol.rho });
      p++;
    }
  }
  const nSupport = new Int32Array(K);
  const start = new Int32Array(K);
  const support: number[] = [];
  for (let c = 0; c < K; c++) {
    start[c] = support.length;
    for (const r of groups[c]) if (nonzero[r]) support.push(r);
    nSupport[c] = support.length - start[c];
  }
  const nSV = support.length;
  const svCoef = new Float64Array(Math.max(K - 1, 1) * nSV);
  const rho = new Float64Array(nPairs);
  pairs.forEach(({ i, j, coef, rho: r }, q) => {
    rho[q] = r;
    const ci = groups[i].length;
    let at = start[i];
    groups[i].forEach((row, k) => {
      if (nonzero[row]) svCoef[(j - 1) * nSV + at++] = coef[k];
    });
    at = start[j];
    groups[j].forEach((row, k) => {
      if (nonzero[row]) svCoef[i * nSV + at++] = coef[ci + k];
    });
  });
  return { nClasses: K, support: Int32Array.from(support), nSupport, svCoef, rho, probA, probB, nIter, converged };
}

/**
 * The pairwise decision values of an one-vs-one model, libsvm's sign (positive: the pair's first
 * class), n × nPairs flat, from the kernel values `Kx` (n × nSV flat) of each row against the
 * support vectors.
 */
export function ovoDecision(model: OvoModel, Kx: Float64Array, n: number): Float64Array {
  const { nClasses: K, nSupport, svCoef, rho } = model;
  const nSV = model.support.length;
  const start = new Int32Array(K);
  for (let c = 1; c < K; c++) start[c] = start[c - 1] + nSupport[c - 1];
  const nPairs = (K * (K - 1)) / 2;
  const out = new Float64Array(n * nPairs);
  for (let t = 0; t < n; t++) {
    const kr = t * nSV;
    let p = 0;
    for (let i = 0; i < K; i++) {
      for (let j = i + 1; j < K; j++) {
        let sum = 0;
        const ci = (j - 1) * nSV;
        for (let s = start[i], e = s + nSupport[i]; s < e; s++) sum += svCoef[ci + s] * Kx[kr + s];
        const cj = i * nSV;
        for (let s = start[j], e = s + nSupport[j]; s < e; s++) sum += svCoef[cj + s] * Kx[kr + s];
        out[t * nPairs + p] = sum - rho[p];
        p++;
      }
    }
  }
  return out;
}

/** Kernel values between query rows and the model's support vectors (n × nSV flat). */
export function supportKernel(spec: KernelSpec, Xq: Float64Array, n: number, d: number, SV: Float64Array, nSV: number, support: Int32Array): Float64Array {
  const out = new Float64Array(n * nSV);
  if (spec.kernel === 'precomputed') {
    kernelBlock(spec, Xq, n, SV, nSV, d, undefined, undefined, out, support);
    return out;
  }
  const rbf = spec.kernel === 'rbf';
  // Blocks of query rows keep the temporary squared norms small for large inputs.
  const block = 256;
  const sqB = rbf ? rowSquaredNorms(SV, nSV, d) : undefined;
  for (let t0 = 0; t0 < n; t0 += block) {
    const m = Math.min(block, n - t0);
    const A = Xq.subarray(t0 * d, (t0 + m) * d);
    const sqA = rbf ? rowSquaredNorms(A, m, d) : undefined;
    kernelBlock(spec, A, m, SV, nSV, d, sqA, sqB, out.subarray(t0 * nSV, (t0 + m) * nSV));
  }
  return out;
}

/**
 * libsvm's svm_binary_svc_probability: decision values of every row from 5-fold cross-validation
 * (folds from a random permutation), then Platt's sigmoid fitted to them.
 */
function binaryProbability(
  rows: Rows,
  y: Int8Array,
  bound: Float64Array,
  solve: PairSolver,
  spec: KernelSpec,
  random: RandomState,
): { A: number; B: number } {
  const precomputed = spec.kernel === 'precomputed';
  const l = rows.n;
  const nFold = 5;
  const perm = new Int32Array(l);
  for (let i = 0; i < l; i++) perm[i] = i;
  for (let i = 0; i < l; i++) {
    const j = i + random.randint(l - i);
    const t = perm[i];
    perm[i] = perm[j];
    perm[j] = t;
  }
  const dec = new Float64Array(l);
  for (let f = 0; f < nFold; f++) {
    const begin = Math.floor((f * l) / nFold);
    const end = Math.floor(((f + 1) * l) / nFold);
    const train: number[] = [];
    for (let k = 0; k < begin; k++) train.push(perm[k]);
    for (let k = end; k < l; k++) train.push(perm[k]);
    let pos = 0;
    let neg = 0;
    for (const r of train) if (y[r] === 1) pos++;
    else neg++;
    if (pos === 0 || neg === 0) {
      const v = pos === 0 && neg === 0 ? 0 : pos > 0 ? 1 : -1;
      for (let k = begin; k < end; k++) dec[perm[k]] = v;
      continue;
    }
    const sub = subRows(rows, train, precomputed);
    const ys = new Int8Array(train.length);
    const bs = new Float64Array(train.length);
    train.forEach((r, k) => {
      ys[k] = y[r];
      bs[k] = bound[r];
    });
    const sol = solve(sub, ys, bs);
    // Evaluate the fold's model on the held-out rows.
    const sv: number[] = [];
    for (let k = 0; k < train.length; k++) if (sol.coef[k] !== 0) sv.push(k);
    const held: number[] = [];
    for (let k = begin; k < end; k++) held.push(perm[k]);
    let Kx: Float64Array;
    if (precomputed) {
      Kx = new Float64Array(held.length * sv.length);
      held.forEach((r, a) => sv.forEach((k, b) => (Kx[a * sv.length + b] = rows.X[r * rows.d + train[k]])));
    } else {
      const Xh = subRows(rows, held, false);
      const S = subRows(sub, sv, false);
      Kx = supportKernel(spec, Xh.X, held.length, rows.d, S.X, sv.length, new Int32Array(0));
    }
    held.forEach((r, a) => {
      let s = 0;
      sv.forEach((k, b) => (s += sol.coef[k] * Kx[a * sv.length + b]));
      dec[r] = s - sol.rho;
    });
  }
  return sigmoidTrain(dec, y);
}
