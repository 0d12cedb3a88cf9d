/**
 * Penalised logistic losses and their gradients over a flat row-major X, as minimised by
 * scikit-learn's lbfgs solver:
 *   binary:      Σ sᵢ [log(1 + e^{zᵢ}) − yᵢ zᵢ] + ‖w‖² / (2C),  zᵢ = xᵢ·w + b, yᵢ ∈ {0, 1}
 *   multinomial: Σ sᵢ [logΣₖ e^{zᵢₖ} − zᵢ,yᵢ] + ‖W‖²_F / (2C)
 * The intercept is not penalised. Parameters are packed per class as [w₀ … w_{d−1}, b].
 */
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
 */
export function binaryLogisticObjective(X: Dense, y: Float64Array, sw: Float64Array, alpha: number, fitIntercept: boolean): ObjectiveWithGradient {
  const { data, rows, cols: d } = X;
  return (w, grad) => {
    grad.fill(0);
    const b = fitIntercept ? w[d] : 0;
    let loss = 0;
    for (let i = 0; i < rows; i++) {
      const off = i * d;
      let z = b;
      for (let j = 0; j < d; j++) z += data[off + j] * w[j];
      const s = sw[i];
      if (s === 0) continue;
      loss += s * (log1pExp(z) - y[i] * z);
      const r = s * (sigmoid(z) - y[i]);
      for (let j = 0; j < d; j++) grad[j] += r * data[off + j];
      if (fitIntercept) grad[d] += r;
    }
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
  const z = new Float64Array(K);
  return (w, grad) => {
    let zy = 0;
    grad.fill(0);
    let loss = 0;
    for (let i = 0; i < rows; i++) {
      const s = sw[i];
      if (s === 0) continue;
      const off = i * d;
      let max = -Infinity;
      for (let k = 0; k < K; k++) {
        const wk = k * p;
        let v = fitIntercept ? w[wk + d] : 0;
        for (let j = 0; j < d; j++) v += data[off + j] * w[wk + j];
        z[k] = v;
        if (k === y[i]) zy = v;
        if (v > max) max = v;
      }
      let sum = 0;
      for (let k = 0; k < K; k++) {
        z[k] = Math.exp(z[k] - max);
        sum += z[k];
      }
      const yi = y[i];
      // log Σ e^{z} − z_y = log Σ e^{z − max} + max − z_y.
      loss += s * (Math.log(sum) + max - zy);
      for (let k = 0; k < K; k++) {
        const r = s * (z[k] / sum - (k === yi ? 1 : 0));
        if (r === 0) continue;
        const gk = k * p;
        for (let j = 0; j < d; j++) grad[gk + j] += r * data[off + j];
        if (fitIntercept) grad[gk + d] += r;
      }
    }
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
