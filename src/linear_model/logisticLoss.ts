/**
 * Penalised logistic losses and their gradients over a flat row-major X, as minimised by
 * scikit-learn's lbfgs solver:
 *   binary:      Σ sᵢ [log(1 + e^{zᵢ}) − yᵢ zᵢ] + ‖w‖² / (2C),  zᵢ = xᵢ·w + b, yᵢ ∈ {0, 1}
 *   multinomial: Σ sᵢ [logΣₖ e^{zᵢₖ} − zᵢ,yᵢ] + ‖W‖²_F / (2C)
 * The intercept is not penalised. Parameters are packed per class as [w₀ … w_{d−1}, b].
 */
import type { RowMajor } from '../core/data/index';
import type { ObjectiveWithGradient } from '../core/optimize/lbfgs';

/** log(1 + e^z) without overflow. */
export function log1pExp(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

/** The logistic sigmoid, stable for large |z|. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/**
 * The binary objective. `y` holds 0/1, `sw` per-sample weights, `alpha` = 1/C (0 for no penalty).
 * The hot loop: one pass per row (dot product, one exp, gradient update).
 */
export function binaryLogisticObjective(X: RowMajor, y: Float64Array, sw: Float64Array, alpha: number, fitIntercept: boolean): ObjectiveWithGradient {
  const { data, rows, cols: d } = X;
  return (w, grad) => {
    grad.fill(0);
    const b = fitIntercept ? w[d] : 0;
    let loss = 0;
    let gb = 0;
    for (let i = 0; i < rows; i++) {
      const s = sw[i];
      if (s === 0) continue;
      const off = i * d;
      let z = b;
      for (let j = 0; j < d; j++) z += data[off + j] * w[j];
      // log(1 + e^z) and sigmoid(z) from one exponential of −|z|.
      const e = Math.exp(-Math.abs(z));
      const yi = y[i];
      loss += s * ((z > 0 ? z : 0) + Math.log1p(e) - yi * z);
      const r = s * ((z >= 0 ? 1 / (1 + e) : e / (1 + e)) - yi);
      gb += r;
      for (let j = 0; j < d; j++) grad[j] += r * data[off + j];
    }
    if (fitIntercept) grad[d] = gb;
    let pen = 0;
    for (let j = 0; j < d; j++) {
      pen += w[j] * w[j];
      grad[j] += alpha * w[j];
    }
    return loss + 0.5 * alpha * pen;
  };
}

/**
 * The multinomial objective over K classes; `y` holds class indices. Parameters: K blocks of d + 1
 * (the last entry of each block the intercept, ignored when `fitIntercept` is false).
 * The hot loop: per row, the K scores are computed four classes at a time (each load of xᵢⱼ feeds
 * four products), then the gradient rows of four classes are updated in one pass over xᵢ.
 */
export function multinomialLogisticObjective(
  X: RowMajor,
  y: Int32Array,
  K: number,
  sw: Float64Array,
  alpha: number,
  fitIntercept: boolean,
): ObjectiveWithGradient {
  const { data, rows, cols: d } = X;
  const p = d + 1;
  const K4 = K - (K % 4);
  const z = new Float64Array(K);
  const e = new Float64Array(K);
  // Residuals (softmax − one-hot, times the weight) of two rows: [row a | row b].
  const r = new Float64Array(2 * K);
  return (w, grad) => {
    grad.fill(0);
    let loss = 0;
    let pending = 0;
    let pendingOff = 0;
    const addTwoRows = (offA: number, offB: number): void => {
      let k = 0;
      for (; k + 1 < K; k += 2) {
        const g0 = k * p;
        const g1 = g0 + p;
        const ra0 = r[k];
        const ra1 = r[k + 1];
        const rb0 = r[K + k];
        const rb1 = r[K + k + 1];
        for (let j = 0; j < d; j++) {
          const xa = data[offA + j];
          const xb = data[offB + j];
          grad[g0 + j] += ra0 * xa + rb0 * xb;
          grad[g1 + j] += ra1 * xa + rb1 * xb;
        }
      }
      for (; k < K; k++) {
        const gk = k * p;
        const ra = r[k];
        const rb = r[K + k];
        for (let j = 0; j < d; j++) grad[gk + j] += ra * data[offA + j] + rb * data[offB + j];
      }
    };
    const addOneRow = (offA: number): void => {
      for (let k = 0; k < K; k++) {
        const gk = k * p;
        const ra = r[k];
        for (let j = 0; j < d; j++) grad[gk + j] += ra * data[offA + j];
      }
    };
    for (let i = 0; i < rows; i++) {
      const s = sw[i];
      if (s === 0) continue;
      const off = i * d;
      let k = 0;
      for (; k < K4; k += 4) {
        const w0 = k * p;
        const w1 = w0 + p;
        const w2 = w1 + p;
        const w3 = w2 + p;
        let a0 = fitIntercept ? w[w0 + d] : 0;
        let a1 = fitIntercept ? w[w1 + d] : 0;
        let a2 = fitIntercept ? w[w2 + d] : 0;
        let a3 = fitIntercept ? w[w3 + d] : 0;
        for (let j = 0; j < d; j++) {
          const x = data[off + j];
          a0 += x * w[w0 + j];
          a1 += x * w[w1 + j];
          a2 += x * w[w2 + j];
          a3 += x * w[w3 + j];
        }
        z[k] = a0;
        z[k + 1] = a1;
        z[k + 2] = a2;
        z[k + 3] = a3;
      }
      for (; k < K; k++) {
        const wk = k * p;
        let a = fitIntercept ? w[wk + d] : 0;
        for (let j = 0; j < d; j++) a += data[off + j] * w[wk + j];
        z[k] = a;
      }
      const yi = y[i];
      let max = -Infinity;
      for (k = 0; k < K; k++) if (z[k] > max) max = z[k];
      let sum = 0;
      for (k = 0; k < K; k++) sum += e[k] = Math.exp(z[k] - max);
      // log Σ e^{z} − z_y = log Σ e^{z − max} + max − z_y.
      loss += s * (Math.log(sum) + max - z[yi]);
      const scale = s / sum;
      const rb = pending * K;
      for (k = 0; k < K; k++) r[rb + k] = e[k] * scale;
      r[rb + yi] -= s;
      if (fitIntercept) for (k = 0; k < K; k++) grad[k * p + d] += r[rb + k];
      // The gradient update waits for a second row: one pass over two rows halves the loads and
      // stores of the gradient per product.
      if (pending === 0) {
        pendingOff = off;
        pending = 1;
      } else {
        addTwoRows(pendingOff, off);
        pending = 0;
      }
    }
    if (pending === 1) addOneRow(pendingOff);
    let pen = 0;
    for (let k = 0; k < K; k++) {
      for (let j = 0; j < d; j++) {
        const v = w[k * p + j];
        pen += v * v;
        grad[k * p + j] += alpha * v;
      }
    }
    return loss + 0.5 * alpha * pen;
  };
}
