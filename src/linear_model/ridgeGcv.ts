/**
 * Efficient leave-one-out cross-validation of ridge regression over a list of penalties, free of the
 * estimator API (scikit-learn's `_RidgeGCV`). One decomposition serves every α: for a linear
 * smoother ŷ = Hy the leave-one-out residual is (yᵢ − ŷᵢ) / (1 − Hᵢᵢ), so no model is refitted.
 *
 * X and Y come centred and weighted (`_preprocess.ts`). With more samples than features the
 * decomposition is the eigen-decomposition of XᵀX (d × d): H = X (XᵀX + αI)⁻¹ Xᵀ, plus the
 * intercept's projection √w√wᵀ / Σw. Otherwise it is that of the n × n kernel XXᵀ + √w√wᵀ, the
 * intercept's eigenvector left unpenalised, as scikit-learn does. Either way scikit-learn's
 * quantities c = (y − ŷ)/α and G⁻¹ᵢᵢ = (1 − Hᵢᵢ)/α follow, and the LOO residual is c / G⁻¹ᵢᵢ.
 */
import { gram, symmetricEigen, timesVector, transposeTimes } from '../core/linalg';
import { rowMajor, type RowMajor } from '../core/data/index';
import { kernelGram, transposeTimesMany } from './ridgeSolvers';

export interface GcvDecomposition {
  /** The LOO residuals of every sample and target (n × t, flat) at this α. */
  looResiduals(alpha: number): Float64Array;
  /** The ridge coefficients (t × d, flat) at one α per target. */
  coef(alpha: Float64Array): Float64Array;
}

/** Decomposes once for all α. `sqrtW` is √w per sample (undefined: all ones). */
export function gcvDecompose(X: RowMajor, Y: Float64Array, t: number, fitIntercept: boolean, sqrtW?: Float64Array): GcvDecomposition {
  const { rows: n, cols: d } = X;
  const s = sqrtW ?? new Float64Array(n).fill(1);
  let ss = 0;
  for (let i = 0; i < n; i++) ss += s[i] * s[i];
  return n > d ? primal(X, Y, t, fitIntercept, s, ss) : dual(X, Y, t, fitIntercept, s, ss);
}

function primal(X: RowMajor, Y: Float64Array, t: number, fitIntercept: boolean, s: Float64Array, ss: number): GcvDecomposition {
  const { rows: n, cols: d } = X;
  const eig = symmetricEigen(gram(X), d);
  const lam = eig.values.map((v) => Math.max(v, 0));
  // P = X V (n × d): the data in the eigenbasis; PtY = Pᵀ Y (d × t).
  const P = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    for (let a = 0; a < d; a++) {
      const x = X.data[i * d + a];
      if (x === 0) continue;
      for (let q = 0; q < d; q++) P[i * d + q] += x * eig.vectors[a * d + q];
    }
  }
  const PtY = transposeTimesMany(rowMajor(P, n, d), Y, t);
  return {
    looResiduals(alpha) {
      const out = new Float64Array(n * t);
      const inv = lam.map((l) => 1 / (l + alpha));
      for (let i = 0; i < n; i++) {
        let h = fitIntercept ? (s[i] * s[i]) / ss : 0;
        for (let q = 0; q < d; q++) h += P[i * d + q] * P[i * d + q] * inv[q];
        for (let k = 0; k < t; k++) {
          let yhat = 0;
          for (let q = 0; q < d; q++) yhat += P[i * d + q] * inv[q] * PtY[q * t + k];
          out[i * t + k] = (Y[i * t + k] - yhat) / (1 - h);
        }
      }
      return out;
    },
    coef(alpha) {
      const coef = new Float64Array(t * d);
      const y = new Float64Array(n);
      for (let k = 0; k < t; k++) {
        const solve = (b: Float64Array) => {
          const z = new Float64Array(d);
          for (let q = 0; q < d; q++) {
            let v = 0;
            for (let a = 0; a < d; a++) v += eig.vectors[a * d + q] * b[a];
            const scaled = v / (lam[q] + alpha[k]);
            for (let a = 0; a < d; a++) z[a] += eig.vectors[a * d + q] * scaled;
          }
          return z;
        };
        for (let i = 0; i < n; i++) y[i] = Y[i * t + k];
        const w = solve(transposeTimes(X, y));
        // One step of iterative refinement with the exact residual Xᵀ(y − Xw) − αw.
        const r = timesVector(X, w);
        for (let i = 0; i < n; i++) r[i] = y[i] - r[i];
        const g = transposeTimes(X, r);
        for (let a = 0; a < d; a++) g[a] -= alpha[k] * w[a];
        const delta = solve(g);
        for (let a = 0; a < d; a++) coef[k * d + a] = w[a] + delta[a];
      }
      return coef;
    },
  };
}

function dual(X: RowMajor, Y: Float64Array, t: number, fitIntercept: boolean, s: Float64Array, ss: number): GcvDecomposition {
  const { rows: n, cols: d } = X;
  const K = kernelGram(X);
  if (fitIntercept) for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) K[a * n + b] += s[a] * s[b];
  const eig = symmetricEigen(K, n);
  const Q = eig.vectors;
  // The eigenvector most aligned with √w carries the intercept: it is not penalised.
  let interceptDim = -1;
  if (fitIntercept) {
    let best = -1;
    const norm = Math.sqrt(ss);
    for (let q = 0; q < n; q++) {
      let c = 0;
      for (let i = 0; i < n; i++) c += Q[i * n + q] * s[i];
      c = Math.abs(c / norm);
      if (c > best) {
        best = c;
        interceptDim = q;
      }
    }
  }
  const QtY = new Float64Array(n * t);
  for (let i = 0; i < n; i++) for (let q = 0; q < n; q++) for (let k = 0; k < t; k++) QtY[q * t + k] += Q[i * n + q] * Y[i * t + k];
  const dualCoef = (alpha: Float64Array): Float64Array => {
    const c = new Float64Array(n * t);
    for (let q = 0; q < n; q++) {
      if (q === interceptDim) continue;
      for (let k = 0; k < t; k++) {
        const v = QtY[q * t + k] / (eig.values[q] + alpha[k]);
        for (let i = 0; i < n; i++) c[i * t + k] += Q[i * n + q] * v;
      }
    }
    return c;
  };
  return {
    looResiduals(alpha) {
      const c = dualCoef(new Float64Array(t).fill(alpha));
      for (let i = 0; i < n; i++) {
        let g = 0;
        for (let q = 0; q < n; q++) if (q !== interceptDim) g += (Q[i * n + q] * Q[i * n + q]) / (eig.values[q] + alpha);
        for (let k = 0; k < t; k++) c[i * t + k] /= g;
      }
      return c;
    },
    coef(alpha) {
      const W = transposeTimesMany(X, dualCoef(alpha), t);
      const coef = new Float64Array(t * d);
      for (let j = 0; j < d; j++) for (let k = 0; k < t; k++) coef[k * d + j] = W[j * t + k];
      return coef;
    },
  };
}
