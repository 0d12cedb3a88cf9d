/**
 * Plain stochastic gradient descent for linear models, one sample at a time, as scikit-learn's
 * `_plain_sgd` does it (free of the estimator API so it can be tested alone):
 *
 * - the weights are kept as w = wscale · v, so the L2 decay w ← (1 − η·α·(1 − l1Ratio)) · w is one
 *   multiplication of `wscale` per step, not a pass over the features;
 * - the L1 part uses the cumulative truncated gradient of Tsuruoka, Tsujii & Ananiadou (2009): u is
 *   the total L1 shrinkage any weight could have received so far, q[j] what weight j did receive,
 *   and each step shrinks w[j] towards zero by the difference without crossing zero;
 * - averaging (ASGD) keeps the running mean of the iterates as (A + a · v) / b (Xu 2011), so that
 *   it too costs O(features touched) per step.
 *
 * Learning rates η at step t (t counts samples seen, starting at `t`):
 * 'constant' η = eta0; 'optimal' η = 1 / (α · (t0 + t − 1)) with t0 = 1 / (α · η0') and
 * η0' = typw / max(1, loss'(−typw, 1)), typw = √(1/√α) (Bottou's heuristic); 'invscaling'
 * η = eta0 / t^powerT; 'adaptive' η = eta0, divided by 5 each time the stopping rule fires (until
 * η ≤ 1e-6).
 *
 * X may be sparse (CSR): a step then touches only the sample's stored values (the dot product, the
 * update, the averaging and the L1 truncation alike), and, as scikit-learn does for sparse input,
 * the intercept's updates are multiplied by `interceptDecay` (0.01 there).
 */
import type { RowMajor } from '../core/data/index';
import type { CsrMatrix } from '../core/data/CsrMatrix';
import { axpy } from '../core/kernels/axpy';
import { dot } from '../core/kernels/dot';
import type { RandomState } from '../core/random';
import type { SGDLoss } from './sgdLosses';

/** The training data: X (n × d, row-major or CSR), the targets (±1 for classification) and weights. */
export interface SGDData {
  X: RowMajor | CsrMatrix;
  y: Float64Array;
  sampleWeight: Float64Array;
}

export type SGDPenalty = 'l2' | 'l1' | 'elasticnet' | null;
export type SGDLearningRate = 'constant' | 'optimal' | 'invscaling' | 'adaptive';

/** Settings of one run of {@link plainSGD}. */
export interface SGDSettings {
  loss: SGDLoss;
  penalty: SGDPenalty;
  alpha: number;
  /** The L1 share of an elastic-net penalty (ignored for the others). */
  l1Ratio: number;
  learningRate: SGDLearningRate;
  eta0: number;
  powerT: number;
  /** Epochs at most. */
  maxIter: number;
  /** Stop after `nIterNoChange` epochs without an improvement of `tol`; null never stops early. */
  tol: number | null;
  nIterNoChange: number;
  fitIntercept: boolean;
  /** The generator that shuffles the sample order every epoch, or null to keep the data order. */
  shuffle: RandomState | null;
  /** Class weights of the samples with y > 0 and y ≤ 0 (1 for regression). */
  weightPos: number;
  weightNeg: number;
  /** The step counter at the start (1 for a fresh model; it grows by one per sample). */
  t: number;
  /** Averaging: 0 for none, else averaging starts at step `average`. */
  average: number;
  /** Samples excluded from training (early stopping's validation set), or null. */
  validationMask: Uint8Array | null;
  /**
   * Early stopping: the validation score of the weights (higher is better), computed after each
   * epoch; the stopping rule then uses it instead of the training loss. Null stops on the loss.
   */
  validationScore: ((coef: Float64Array, intercept: number) => number) | null;
  /** The factor of the intercept's updates: 1, or scikit-learn's 0.01 for sparse X. @defaultValue 1 */
  interceptDecay?: number;
  /** Called after every epoch with its number (from 1), the mean training loss and the validation score; what it throws ends the run. */
  onEpoch?: (epoch: number, loss: number, score: number | undefined) => void;
}

/** A linear model being trained: weights, intercept and (with averaging) their running means. */
export interface SGDModel {
  coef: Float64Array;
  intercept: number;
  /** The averaged weights (null without averaging). */
  averageCoef: Float64Array | null;
  averageIntercept: number;
}

/** The model after training, the epochs run and whether the weights overflowed. */
export interface SGDResult extends SGDModel {
  nIter: number;
  /** The epoch (1-based) after which a weight or the intercept was not finite; 0 when all is well. */
  divergedAt: number;
}

const MAX_DLOSS = 1e12;
const WSCALE_THRESHOLD = 1e-9;

/**
 * Runs SGD from `init` (which is not modified) and returns the trained model. The coefficient
 * arrays of the result are new.
 */
export function plainSGD(data: SGDData, init: SGDModel, s: SGDSettings): SGDResult {
  const { y, sampleWeight } = data;
  const sparse = 'indptr' in data.X;
  const n = data.X.rows;
  const d = sparse ? (data.X as CsrMatrix).columns : (data.X as RowMajor).cols;
  const X = sparse ? (data.X as CsrMatrix).data : (data.X as RowMajor).data;
  const indptr = sparse ? (data.X as CsrMatrix).indptr : null;
  const indices = sparse ? (data.X as CsrMatrix).indices : null;
  const interceptDecay = s.interceptDecay ?? 1;
  const v = Float64Array.from(init.coef);
  let wscale = 1;
  let intercept = init.intercept;
  const averaging = s.average > 0;
  const aw = averaging ? (init.averageCoef ? Float64Array.from(init.averageCoef) : new Float64Array(d)) : null;
  let avgA = 0;
  let avgB = 1;
  let averageIntercept = init.averageIntercept;

  const l1 = s.penalty === 'l1' || s.penalty === 'elasticnet';
  const l2 = s.penalty === 'l2' || s.penalty === 'elasticnet';
  const l1Ratio = s.penalty === 'l1' ? 1 : s.penalty === 'l2' ? 0 : s.l1Ratio;
  const q = l1 ? new Float64Array(d) : null;
  let u = 0;

  const { alpha, eta0, powerT, loss, weightPos, weightNeg, fitIntercept, average } = s;
  const lr = s.learningRate;
  const optimal = lr === 'optimal';
  const invscaling = lr === 'invscaling';
  let eta = eta0;
  let optimalInit = 0;
  if (optimal) {
    const typw = Math.sqrt(1 / Math.sqrt(alpha));
    const initialEta0 = typw / Math.max(1, loss.dloss(-typw, 1));
    optimalInit = 1 / (initialEta0 * alpha);
  }

  const mask = s.validationMask;
  const earlyStopping = s.validationScore !== null;
  const tol = s.tol === null ? -Infinity : s.tol;
  // The training loss feeds the stopping rule and onEpoch: not needed without them, or (the rule) for a single epoch.
  const trackLoss = !earlyStopping && ((tol > -Infinity && s.maxIter > 1) || s.onEpoch !== undefined);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const scratch = earlyStopping ? new Float64Array(d) : null;
  let nTrain = n;
  if (mask !== null) for (let i = 0; i < n; i++) if (mask[i]) nTrain--;

  let t = s.t;
  let bestLoss = Infinity;
  let bestScore = -Infinity;
  let noImprovement = 0;
  let epoch = 0;
  let divergedAt = 0;
  for (; epoch < s.maxIter; epoch++) {
    let sumloss = 0;
    // A decision value that overflowed makes every later update meaningless, even while the
    // weights stay finite (hinge and log losses clip the gradient): report it as divergence.
    let scoresFinite = true;
    if (s.shuffle !== null) s.shuffle.shuffle(order);
    for (let k = 0; k < n; k++) {
      const i = order[k];
      if (mask !== null && mask[i] !== 0) continue;
      const off = i * d;
      // Sparse rows: the stored values lo..hi of X and their columns in `indices`.
      const lo = indptr === null ? 0 : indptr[i];
      const hi = indptr === null ? 0 : indptr[i + 1];
      let xv = 0;
      if (indices === null) xv = dot(d, v, 0, X, off);
      else for (let k2 = lo; k2 < hi; k2++) xv += v[indices[k2]] * X[k2];
      const p = xv * wscale + intercept;
      if (p - p !== 0) scoresFinite = false;
      if (optimal) eta = 1 / (alpha * (optimalInit + t - 1));
      else if (invscaling) eta = eta0 / Math.pow(t, powerT);
      const yi = y[i];
      if (trackLoss) sumloss += loss.loss(p, yi);
      const classWeight = yi > 0 ? weightPos : weightNeg;
      let dloss = loss.dloss(p, yi);
      if (dloss < -MAX_DLOSS) dloss = -MAX_DLOSS;
      else if (dloss > MAX_DLOSS) dloss = MAX_DLOSS;
      let update = -eta * dloss;
      update *= classWeight * sampleWeight[i];

      if (l2) {
        // Never scale to negative values when η·α is large: the weights become zero instead.
        wscale *= Math.max(0, 1 - (1 - l1Ratio) * eta * alpha);
        if (wscale < WSCALE_THRESHOLD) {
          foldScale(v, aw, wscale, avgA, avgB);
          wscale = 1;
          avgA = 0;
          avgB = 1;
        }
      }
      if (update !== 0) {
        if (indices === null) axpy(d, update / wscale, X, off, v, 0);
        else {
          const c = update / wscale;
          for (let k2 = lo; k2 < hi; k2++) v[indices[k2]] += c * X[k2];
        }
        if (fitIntercept) intercept += update * interceptDecay;
      }
      if (aw !== null && average <= t) {
        const steps = t - average + 1;
        const mu = 1 / steps;
        if (avgA !== 0) {
          const c = -update / wscale;
          if (indices === null) for (let j = 0; j < d; j++) aw[j] += avgA * X[off + j] * c;
          else for (let k2 = lo; k2 < hi; k2++) aw[indices[k2]] += avgA * X[k2] * c;
        }
        if (steps > 1) avgB /= 1 - mu;
        avgA += mu * avgB * wscale;
        averageIntercept += (intercept - averageIntercept) / steps;
      }
      if (q !== null) {
        u += l1Ratio * eta * alpha;
        // Dense X truncates every weight; sparse X only the sample's stored columns (as scikit-learn).
        const m = indices === null ? d : hi - lo;
        for (let k2 = 0; k2 < m; k2++) {
          const j = indices === null ? k2 : indices[lo + k2];
          const z = v[j];
          if (wscale * z > 0) v[j] = Math.max(0, z - (u + q[j]) / wscale);
          else if (wscale * z < 0) v[j] = Math.min(0, z + (u - q[j]) / wscale);
          q[j] += wscale * (v[j] - z);
        }
      }
      t++;
    }

    let finite = scoresFinite && Number.isFinite(intercept);
    for (let j = 0; j < d && finite; j++) finite = Number.isFinite(v[j]);
    if (!finite) {
      divergedAt = epoch + 1;
      break;
    }

    let score: number | undefined;
    if (s.validationScore !== null && scratch !== null) {
      for (let j = 0; j < d; j++) scratch[j] = wscale * v[j];
      score = s.validationScore(scratch, intercept);
      if (tol > -Infinity && score < bestScore + tol) noImprovement++;
      else noImprovement = 0;
      if (score > bestScore) bestScore = score;
    } else {
      if (tol > -Infinity && sumloss > bestLoss - tol * n) noImprovement++;
      else noImprovement = 0;
      if (sumloss < bestLoss) bestLoss = sumloss;
    }
    s.onEpoch?.(epoch + 1, sumloss / nTrain, score);
    if (noImprovement >= s.nIterNoChange) {
      if (lr === 'adaptive' && eta > 1e-6) {
        eta /= 5;
        noImprovement = 0;
      } else {
        epoch++;
        break;
      }
    }
  }
  if (divergedAt === 0) foldScale(v, aw, wscale, avgA, avgB);
  return { coef: v, intercept, averageCoef: aw, averageIntercept, nIter: Math.min(epoch, s.maxIter), divergedAt };
}

/**
 * Folds wscale into v (w = wscale · v becomes w = v) and the averaging coefficients into aw (the
 * average (aw + avgA · v) / avgB becomes aw). The caller then sets wscale = 1, avgA = 0, avgB = 1.
 * (A separate function, not a closure: a closure over wscale would keep it out of registers in the
 * hot loop.)
 */
function foldScale(v: Float64Array, aw: Float64Array | null, wscale: number, avgA: number, avgB: number): void {
  const d = v.length;
  if (aw !== null) for (let j = 0; j < d; j++) aw[j] = (aw[j] + avgA * v[j]) / avgB;
  for (let j = 0; j < d; j++) v[j] *= wscale;
}
