/**
 * Penalised logistic losses and their gradients over a flat row-major X, as minimised by
 * scikit-learn's lbfgs solver:
 *   binary:      Σ sᵢ [log(1 + e^{zᵢ}) − yᵢ zᵢ] + ‖w‖² / (2C),  zᵢ = xᵢ·w + b, yᵢ ∈ {0, 1}
 *   multinomial: Σ sᵢ [logΣₖ e^{zᵢₖ} − zᵢ,yᵢ] + ‖W‖²_F / (2C)
 * The intercept is not penalised. Parameters are packed per class as [w₀ … w_{d−1}, b].
 * Both run on the kernels of core/kernels (gemv/gemvT, gemm, logSumExpRows).
 */
import type { RowMajor } from '../core/data/index';
import { gemm } from '../core/kernels/gemm';
import { gemv } from '../core/kernels/gemv';
import { gemvT } from '../core/kernels/gemvT';
import { logSumExpRows } from '../core/kernels/logSumExpRows';
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

/** Rows per block of the objectives: a block of X (≤ 256 KB) is still in cache for its second pass. */
const BINARY_BLOCK_BYTES = 1 << 18;

/**
 * The binary objective. `y` holds 0/1, `sw` per-sample weights, `alpha` = 1/C (0 for no penalty).
 * Through the shared kernels, a block of rows at a time: the block's scores z = Xw + b (`gemv`),
 * one exponential per row, then the block's share of the gradient Xᵀr (`gemvT`) while the block
 * is still in cache, so X streams from memory once per evaluation.
 */
export function binaryLogisticObjective(X: RowMajor, y: Float64Array, sw: Float64Array, alpha: number, fitIntercept: boolean): ObjectiveWithGradient {
  const { data, rows, cols: d } = X;
  const block = Math.max(4, Math.floor(BINARY_BLOCK_BYTES / (8 * Math.max(1, d))));
  const z = new Float64Array(Math.min(rows, block));
  const gBlock = new Float64Array(d);
  return (w, grad) => {
    const b = fitIntercept ? w[d] : 0;
    let loss = 0;
    let gb = 0;
    grad.fill(0, 0, d);
    for (let start = 0; start < rows; start += block) {
      const m = Math.min(block, rows - start);
      const Xb = data.subarray(start * d, (start + m) * d);
      gemv(Xb, m, d, w, z, b);
      for (let k = 0; k < m; k++) {
        const i = start + k;
        const s = sw[i];
        const zi = z[k];
        // log(1 + e^z) and sigmoid(z) from one exponential of −|z|.
        const e = Math.exp(-Math.abs(zi));
        const yi = y[i];
        loss += s * ((zi > 0 ? zi : 0) + Math.log1p(e) - yi * zi);
        const r = s * ((zi >= 0 ? 1 / (1 + e) : e / (1 + e)) - yi);
        gb += r;
        z[k] = r;
      }
      gemvT(Xb, m, d, z, gBlock);
      for (let j = 0; j < d; j++) grad[j] += gBlock[j];
    }
    let pen = 0;
    for (let j = 0; j < d; j++) {
      pen += w[j] * w[j];
      grad[j] += alpha * w[j];
    }
    grad[d] = fitIntercept ? gb : 0;
    return loss + 0.5 * alpha * pen;
  };
}

/**
 * The multinomial objective over K classes; `y` holds class indices. Parameters: K blocks of d + 1
 * (the last entry of each block the intercept, ignored when `fitIntercept` is false).
 * Through the shared kernels, a block of rows at a time (as the binary objective): the block's
 * scores Z = X Wᵀ (`gemm`), its row-wise log-sum-exp and softmax in place (`logSumExpRows`), then
 * its share Rᵀ X of the gradient, R = softmax − one-hot (`gemm` again), while the block is in cache.
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
  const block = Math.min(rows, Math.max(4, Math.floor(BINARY_BLOCK_BYTES / (8 * Math.max(1, d)))));
  const W = new Float64Array(K * d);
  const Z = new Float64Array(block * K);
  const lse = new Float64Array(block);
  const zy = new Float64Array(block);
  const G = new Float64Array(K * d);
  const Gb = new Float64Array(K * d);
  const gb = new Float64Array(K);
  return (w, grad) => {
    for (let k = 0; k < K; k++) for (let j = 0; j < d; j++) W[k * d + j] = w[k * p + j];
    let loss = 0;
    gb.fill(0);
    G.fill(0);
    for (let start = 0; start < rows; start += block) {
      const m = Math.min(block, rows - start);
      const Xb = data.subarray(start * d, (start + m) * d);
      gemm(Xb, W, Z, m, K, d, false, true);
      if (fitIntercept) {
        for (let i = 0, o = 0; i < m; i++) for (let k = 0; k < K; k++, o++) Z[o] += w[k * p + d];
      }
      for (let i = 0; i < m; i++) zy[i] = Z[i * K + y[start + i]];
      logSumExpRows(Z, m, K, lse, true);
      // log Σ e^{z} − z_y per row; then Z becomes the weighted residuals s · (softmax − one-hot).
      for (let i = 0, o = 0; i < m; i++) {
        const s = sw[start + i];
        const yi = y[start + i];
        loss += s * (lse[i] - zy[i]);
        for (let k = 0; k < K; k++, o++) {
          const r = Z[o] * s;
          Z[o] = r;
          gb[k] += r;
        }
        Z[i * K + yi] -= s;
        gb[yi] -= s;
      }
      gemm(Z, Xb, Gb, K, d, m, true, false);
      for (let q = 0; q < K * d; q++) G[q] += Gb[q];
    }
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
