/**
 * SAGA (Defazio, Bach & Lacoste-Julien 2014, "SAGA: A Fast Incremental Gradient Method With Support
 * for Non-Strongly Convex Composite Objectives") for penalised logistic regression, as scikit-learn's
 * `sag_fast` runs it for `LogisticRegression(solver='saga')`. Free of the estimator API.
 *
 * It minimises (1/n) Σᵢ sᵢ·loss(xᵢ) + (α/n)/2 ‖W‖² + (β/n) ‖W‖₁, whose minimiser is that of
 * Σᵢ sᵢ·loss(xᵢ) + α/2 ‖W‖² + β ‖W‖₁ (the intercept is never penalised), with
 *  - `loss: 'log'`: binary logistic loss on one weight vector, y ∈ {0, 1};
 *  - `loss: 'multinomial'`: softmax cross-entropy on K weight vectors, y the class index.
 *
 * As in scikit-learn: samples are drawn uniformly with replacement, n draws per epoch; the step size
 * is 1 / (2L + min(2nα/n, L)) with L = (max‖xᵢ‖² + fitIntercept) / 4 + α/n; each draw applies the
 * L2 shrinkage, the SAGA correction of the drawn sample, the averaged-gradient step and the
 * soft-thresholding prox for the L1 part; after each epoch it stops when
 * max|ΔW| / max|W| ≤ tol (or W stays 0). scikit-learn updates sparse rows lazily ("just in time");
 * on dense rows every feature is touched at every draw, so the lazy updates reduce to these
 * immediate ones.
 */
import type { UniformStream } from '../core/random';
import type { RowMajor } from '../core/data/index';
import { sigmoid } from './logisticLoss';

export interface SagaOptions {
  /** 'log' (binary, y ∈ {0, 1}) or 'multinomial' (y = class index in [0, nClasses)). */
  loss: 'log' | 'multinomial';
  /** Number of classes for 'multinomial' (ignored for 'log'). */
  nClasses?: number;
  /** Per-sample weights (default all 1). */
  sampleWeight?: Float64Array;
  /** L2 strength α (scikit-learn's alpha before division by n). */
  alpha: number;
  /** L1 strength β (scikit-learn's beta before division by n). */
  beta: number;
  fitIntercept: boolean;
  /** Maximum number of epochs. */
  maxIter: number;
  /** Stop when max|ΔW| / max|W| ≤ tol after an epoch. */
  tol: number;
  /** The generator of the sample order. */
  random: UniformStream;
  /** Starting weights, K × d flat (class-major); zeros by default. */
  coefInit?: Float64Array;
  /** Starting intercepts, K; zeros by default. */
  interceptInit?: Float64Array;
}

export interface SagaResult {
  /** Weights, K × d flat, one row per class (K = 1 for 'log'). */
  coef: Float64Array;
  /** Intercepts, K (zeros without intercept). */
  intercept: Float64Array;
  /** Epochs run (scikit-learn's n_iter_): maxIter when the limit was hit. */
  nIter: number;
  /** False when the epoch limit was reached before the stopping rule held. */
  converged: boolean;
}

/** scikit-learn's SAGA step size for the logistic losses. */
export function sagaStepSize(maxSquaredSum: number, alphaScaled: number, fitIntercept: boolean, nSamples: number): number {
  const L = 0.25 * (maxSquaredSum + (fitIntercept ? 1 : 0)) + alphaScaled;
  const mun = Math.min(2 * nSamples * alphaScaled, L);
  return 1 / (2 * L + mun);
}

/** Runs SAGA on a dense row-major X (not modified). Throws a RangeError on floating-point overflow. */
export function saga(X: RowMajor, y: ArrayLike<number>, options: SagaOptions): SagaResult {
  const { data, rows: n, cols: d } = X;
  const multinomial = options.loss === 'multinomial';
  const K = multinomial ? (options.nClasses ?? 0) : 1;
  if (K < 1) throw new RangeError('saga: nClasses must be given for the multinomial loss');
  const { fitIntercept, maxIter, tol, random } = options;
  const sw = options.sampleWeight;
  const alphaScaled = options.alpha / n;
  const betaScaled = options.beta / n;

  let maxSq = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = i * d, e = j + d; j < e; j++) s += data[j] * data[j];
    if (s > maxSq) maxSq = s;
  }
  const step = sagaStepSize(maxSq, alphaScaled, fitIntercept, n);
  const decay = 1 - step * alphaScaled;
  const threshold = step * betaScaled;
  const prox = threshold > 0;

  const w = options.coefInit ? Float64Array.from(options.coefInit) : new Float64Array(K * d);
  const b = options.interceptInit && fitIntercept ? Float64Array.from(options.interceptInit) : new Float64Array(K);
  const previous = Float64Array.from(w);
  const sumGrad = new Float64Array(K * d);
  const interceptSumGrad = new Float64Array(K);
  const memory = new Float64Array(n * K);
  const seen = new Uint8Array(n);
  const z = new Float64Array(K);
  const g = new Float64Array(K);
  let nSeen = 0;
  let epoch = 0;
  let converged = false;

  while (epoch < maxIter) {
    epoch++;
    for (let it = 0; it < n; it++) {
      const i = random.randint(n);
      if (seen[i] === 0) {
        seen[i] = 1;
        nSeen++;
      }
      const off = i * d;
      const s = sw === undefined ? 1 : sw[i];
      // Prediction and gradient of the loss at the drawn sample.
      for (let k = 0; k < K; k++) {
        let v = b[k];
        const wk = k * d;
        for (let j = 0; j < d; j++) v += data[off + j] * w[wk + j];
        z[k] = v;
      }
      if (multinomial) {
        let max = -Infinity;
        for (let k = 0; k < K; k++) if (z[k] > max) max = z[k];
        let sum = 0;
        for (let k = 0; k < K; k++) sum += g[k] = Math.exp(z[k] - max);
        const yi = y[i];
        for (let k = 0; k < K; k++) g[k] = s * (g[k] / sum - (k === yi ? 1 : 0));
      } else {
        g[0] = s * (sigmoid(z[0]) - y[i]);
      }
      const correctionStep = step * (1 - 1 / nSeen);
      const avgStep = step / nSeen;
      const mi = i * K;
      for (let k = 0; k < K; k++) {
        const dg = g[k] - memory[mi + k];
        const wk = k * d;
        // Shrink (L2), SAGA correction, averaged-gradient step, then the L1 prox.
        for (let j = 0; j < d; j++) {
          const corr = data[off + j] * dg;
          const sg = (sumGrad[wk + j] += corr);
          let v = w[wk + j] * decay - corr * correctionStep - avgStep * sg;
          if (prox) v = v > threshold ? v - threshold : v < -threshold ? v + threshold : 0;
          w[wk + j] = v;
        }
        if (fitIntercept) {
          const isg = (interceptSumGrad[k] += dg);
          b[k] -= step * isg / nSeen + dg * correctionStep;
          if (!Number.isFinite(b[k])) overflow(epoch);
        }
        memory[mi + k] = g[k];
      }
    }
    let maxChange = 0;
    let maxWeight = 0;
    for (let idx = 0; idx < w.length; idx++) {
      const v = w[idx];
      if (!Number.isFinite(v)) overflow(epoch);
      const a = Math.abs(v);
      if (a > maxWeight) maxWeight = a;
      const c = Math.abs(v - previous[idx]);
      if (c > maxChange) maxChange = c;
      previous[idx] = v;
    }
    if ((maxWeight !== 0 && maxChange / maxWeight <= tol) || (maxWeight === 0 && maxChange === 0)) {
      converged = true;
      break;
    }
  }
  return { coef: w, intercept: b, nIter: epoch, converged };
}

function overflow(epoch: number): never {
  throw new RangeError(
    `Floating-point under-/overflow occurred at epoch #${epoch}. Scaling input data with StandardScaler or MinMaxScaler might help.`,
  );
}
