/**
 * Penalised logistic losses and their gradients over a flat row-major X, as minimised by
 * scikit-learn's lbfgs solver:
 *   binary:      Σ sᵢ [log(1 + e^{zᵢ}) − yᵢ zᵢ] + ‖w‖² / (2C),  zᵢ = xᵢ·w + b, yᵢ ∈ {0, 1}
 *   multinomial: Σ sᵢ [logΣₖ e^{zᵢₖ} − zᵢ,yᵢ] + ‖W‖²_F / (2C)
 * The intercept is not penalised. Parameters are packed per class as [w₀ … w_{d−1}, b].
 * Both run on the kernels of core/kernels (gemv/gemvT, gemm, logSumExpRows).
 */
import { gemm } from '../core/kernels/gemm';
import { gemv } from '../core/kernels/gemv';
import { gemvT } from '../core/kernels/gemvT';
import { logSumExpRows } from '../core/kernels/logSumExpRows';
import type { Dense } from '../core/validation';
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
 * Two passes over X through the shared kernels, as scikit-learn's loss does through BLAS: the
 * scores z = Xw + b (`gemv`), then, after one exponential per row, the gradient Xᵀr (`gemvT`).
 */
export function binaryLogisticObjective(X: Dense, y: Float64Array, sw: Float64Array, alpha: number, fitIntercept: boolean): ObjectiveWithGradient {
  const { data, rows, cols: d } = X;
  const z = new Float64Array(rows);
  const gw = new Float64Array(d);
  return (w, grad) => {
    gemv(data, rows, d, w, z, fitIntercept ? w[d] : 0);
    let loss = 0;
    let gb = 0;
    for (let i = 0; i < rows; i++) {
      const s = sw[i];
      const zi = z[i];
      // log(1 + e^z) and sigmoid(z) from one exponential of −|z|.
      const e = Math.exp(-Math.abs(zi));
      const yi = y[i];
      loss += s * ((zi > 0 ? zi : 0) + Math.log1p(e) - yi * zi);
      const r = s * ((zi >= 0 ? 1 / (1 + e) : e / (1 + e)) - yi);
      gb += r;
      z[i] = r;
    }
    gemvT(data, rows, d, z, gw);
    let pen = 0;
    for (let j = 0; j < d; j++) {
      pen += w[j] * w[j];
      grad[j] = gw[j] + alpha * w[j];
    }
    grad[d] = fitIntercept ? gb : 0;
    return loss + 0.5 * alpha * pen;
  };
}

/**
 * The multinomial objective over K classes; `y` holds class indices. Parameters: K blocks of d + 1
 * (the last entry of each block the intercept, ignored when `fitIntercept` is false).
 * Through the shared kernels: the n × K scores Z = X Wᵀ (`gemm`), the row-wise log-sum-exp and
 * softmax in place (`logSumExpRows`), then the gradient Rᵀ X of the residuals R = softmax − one-hot
 * (`gemm` again); the buffers are allocated once per objective.
 */
export function multinomialLogisticObjective(
  X: Dense,
  y: Int32Array,
  K: number,
  sw: Float64Array,
  alpha: number,
  fitIntercept: boolean,
): ObjectiveWithGradient {
  const { data, rows, cols: d } = X;
  const p = d + 1;
  const W = new Float64Array(K * d);
  const Z = new Float64Array(rows * K);
  const lse = new Float64Array(rows);
  const zy = new Float64Array(rows);
  const G = new Float64Array(K * d);
  const gb = new Float64Array(K);
  return (w, grad) => {
    for (let k = 0; k < K; k++) for (let j = 0; j < d; j++) W[k * d + j] = w[k * p + j];
    gemm(data, W, Z, rows, K, d, false, true);
    if (fitIntercept) {
      for (let i = 0, o = 0; i < rows; i++) for (let k = 0; k < K; k++, o++) Z[o] += w[k * p + d];
    }
    for (let i = 0; i < rows; i++) zy[i] = Z[i * K + y[i]];
    logSumExpRows(Z, rows, K, lse, true);
    // log Σ e^{z} − z_y per row; then Z becomes the weighted residuals s · (softmax − one-hot).
    let loss = 0;
    gb.fill(0);
    for (let i = 0, o = 0; i < rows; i++) {
      const s = sw[i];
      loss += s * (lse[i] - zy[i]);
      for (let k = 0; k < K; k++, o++) {
        const r = Z[o] * s;
        Z[o] = r;
        gb[k] += r;
      }
      Z[i * K + y[i]] -= s;
      gb[y[i]] -= s;
    }
    gemm(Z, data, G, K, d, rows, true, false);
    let pen = 0;
    for (let k = 0; k < K; k++) {
      for (let j = 0; j < d; j++) {
        const v = w[k * p + j];
        pen += v * v;
        grad[k * p + j] = G[k * d + j] + alpha * v;
      }
      grad[k * p + d] = fitIntercept ? gb[k] : 0;
    }
    return loss + 0.5 * alpha * pen;
  };
}
