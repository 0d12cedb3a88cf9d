/**
 * The training loops of the multi-layer perceptron, as scikit-learn's `_fit_stochastic` (mini-batch
 * SGD with momentum / Nesterov, or Adam, with its learning-rate schedules, the no-improvement
 * counter and early stopping) and `_fit_lbfgs` (core's L-BFGS on the whole data). Free of the
 * estimator API: the caller validates, splits off the validation set and turns stop reasons into warnings.
 */
import { lbfgs } from '../core/optimize/lbfgs';
import type { RandomState } from '../core/random';
import type { Network } from './mlpNetwork';
import * as passes64 from './mlpPasses';
import * as passes32 from './mlpPassesF32';

/** A flat buffer of either precision. */
export type FloatArray = Float64Array | Float32Array;

/**
 * The passes of one precision: mlpPasses.ts (float64) or its generated twin mlpPassesF32.ts
 * (float32). The training loops take one and call it, so each twin stays monomorphic.
 */
export interface Passes<F extends FloatArray, W> {
  alloc(length: number): F;
  copyOf(values: ArrayLike<number>): F;
  asElementType(values: ArrayLike<number>): F;
  makeWorkspace(net: Network, capacity: number): W;
  forward(net: Network, w: F, X: F, rows: number, ws: W, raw?: boolean): F;
  lossGradient(net: Network, w: F, X: F, Y: ArrayLike<number>, rows: number, alpha: number, ws: W, grad: F): number;
}

export const PASSES_FLOAT64: Passes<Float64Array, passes64.Workspace> = passes64;
export const PASSES_FLOAT32: Passes<Float32Array, passes32.Workspace> = passes32;

/** Settings of the stochastic solvers (scikit-learn's names, camelCase). */
export interface StochasticSettings {
  solver: 'sgd' | 'adam';
  alpha: number;
  batchSize: number;
  learningRate: 'constant' | 'invscaling' | 'adaptive';
  learningRateInit: number;
  powerT: number;
  momentum: number;
  nesterovsMomentum: boolean;
  beta1: number;
  beta2: number;
  epsilon: number;
  maxIter: number;
  tol: number;
  nIterNoChange: number;
  /** One epoch only (partialFit). */
  incremental: boolean;
  /** Shuffles the sample order before each epoch when given. */
  shuffle: RandomState | null;
  /** Scores the current weights on the validation set (early stopping), or null. */
  validationScore: ((w: FloatArray) => number) | null;
  /** Called after every epoch with its number in this run (from 1), the loss and the validation score; what it throws ends the run. */
  onEpoch?: (epoch: number, loss: number, score: number | undefined) => void;
}

/** The optimizer's memory: kept between partialFit calls. */
export interface OptimizerState {
  /** The current learning rate (SGD's schedules change it). */
  learningRate: number;
  /** Adam's step count. */
  t: number;
  /** SGD's velocities, or Adam's first moments. */
  m: Float64Array;
  /** Adam's second moments (unused by SGD). */
  v: Float64Array;
}

/** What training has recorded so far (kept over warm starts and partialFit calls). */
export interface TrainingRecord {
  nIter: number;
  /** Samples seen. */
  t: number;
  loss: number;
  lossCurve: number[];
  bestLoss: number | null;
  validationScores: number[] | null;
  bestValidationScore: number | null;
  noImprovementCount: number;
  /** The weights of the best validation score (early stopping), or null. */
  bestWeights: Float64Array | null;
}

/** A fresh record; early stopping swaps the training-loss watch for validation scores. */
export function newRecord(earlyStopping: boolean): TrainingRecord {
  return {
    nIter: 0,
    t: 0,
    loss: NaN,
    lossCurve: [],
    bestLoss: earlyStopping ? null : Infinity,
    validationScores: earlyStopping ? [] : null,
    bestValidationScore: earlyStopping ? -Infinity : null,
    noImprovementCount: 0,
    bestWeights: null,
  };
}

/** A fresh optimizer memory (the second moments stay zero under SGD). */
export function newOptimizer(size: number, learningRateInit: number): OptimizerState {
  return { learningRate: learningRateInit, t: 0, m: new Float64Array(size), v: new Float64Array(size) };
}

/** Why a stochastic run ended. */
export type StochasticStop = 'maxIter' | 'noImprovement' | 'incremental' | 'diverged';

/**
 * Trains `w` in place on X (n × inputs) and Y (n × outputs) for up to `maxIter` epochs, updating
 * `opt` and `rec`. On a non-finite loss or weight the epoch's starting weights are restored and
 * the run stops ('diverged').
 */
export function trainStochastic<F extends FloatArray, W>(
  passes: Passes<F, W>,
  net: Network,
  w: F,
  X: F,
  Y: Float64Array,
  n: number,
  s: StochasticSettings,
  opt: OptimizerState,
  rec: TrainingRecord,
): StochasticStop {
  const d = net.units[0];
  const t = net.units[net.units.length - 1];
  const bs = Math.min(Math.max(1, s.batchSize), n);
  const ws = passes.makeWorkspace(net, bs);
  const grad = passes.alloc(net.size);
  const Xb = passes.alloc(bs * d);
  const Yb = new Float64Array(bs * t);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const start = passes.alloc(net.size);
  const earlyStopping = s.validationScore !== null;
  for (let epoch = 0; epoch < s.maxIter; epoch++) {
    if (s.shuffle) s.shuffle.shuffle(order);
    start.set(w);
    let accumulated = 0;
    for (let b0 = 0; b0 < n; b0 += bs) {
      const rows = Math.min(bs, n - b0);
      let bx: F;
      let by: Float64Array;
      if (s.shuffle) {
        for (let r = 0; r < rows; r++) {
          const i = order[b0 + r];
          Xb.set(X.subarray(i * d, (i + 1) * d), r * d);
          Yb.set(Y.subarray(i * t, (i + 1) * t), r * t);
        }
        bx = Xb;
        by = Yb;
      } else {
        bx = X.subarray(b0 * d, (b0 + rows) * d) as F;
        by = Y.subarray(b0 * t, (b0 + rows) * t);
      }
      const batchLoss = passes.lossGradient(net, w, bx, by, rows, s.alpha, ws, grad);
      accumulated += batchLoss * rows;
      step(s, opt, w, grad);
    }
    const loss = accumulated / n;
    if (!Number.isFinite(loss) || !allFinite(w)) {
      w.set(start);
      return 'diverged';
    }
    rec.nIter += 1;
    rec.loss = loss;
    rec.t += n;
    rec.lossCurve.push(loss);
    if (earlyStopping && s.validationScore && rec.validationScores && rec.bestValidationScore !== null) {
      const score = s.validationScore(w);
      rec.validationScores.push(score);
      rec.noImprovementCount = score < rec.bestValidationScore + s.tol ? rec.noImprovementCount + 1 : 0;
      if (score > rec.bestValidationScore) {
        rec.bestValidationScore = score;
        rec.bestWeights = Float64Array.from(w);
      }
    } else if (rec.bestLoss !== null) {
      rec.noImprovementCount = loss > rec.bestLoss - s.tol ? rec.noImprovementCount + 1 : 0;
      if (loss < rec.bestLoss) rec.bestLoss = loss;
    }
    s.onEpoch?.(epoch + 1, loss, earlyStopping && rec.validationScores ? rec.validationScores[rec.validationScores.length - 1] : undefined);
    if (s.solver === 'sgd' && s.learningRate === 'invscaling') {
      opt.learningRate = s.learningRateInit / Math.pow(rec.t + 1, s.powerT);
    }
    if (rec.noImprovementCount > s.nIterNoChange) {
      // Only SGD's adaptive schedule goes on, with a fifth of the step, until the step is tiny.
      if (s.solver === 'adam' || s.learningRate !== 'adaptive' || opt.learningRate <= 1e-6) {
        finishEarlyStopping(w, rec, earlyStopping);
        return 'noImprovement';
      }
      opt.learningRate /= 5;
      rec.noImprovementCount = 0;
    }
    if (s.incremental) return 'incremental';
  }
  finishEarlyStopping(w, rec, earlyStopping);
  return 'maxIter';
}

function finishEarlyStopping(w: FloatArray, rec: TrainingRecord, earlyStopping: boolean): void {
  if (earlyStopping && rec.bestWeights) w.set(rec.bestWeights);
}

function allFinite(a: FloatArray): boolean {
  for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i])) return false;
  return true;
}

/**
 * One update of the weights from a batch gradient (scikit-learn's SGDOptimizer / AdamOptimizer).
 * The moments stay in double precision under both dtypes; the weights take the update's rounding.
 */
function step(s: StochasticSettings, opt: OptimizerState, w: FloatArray, g: FloatArray): void {
  const m = opt.m;
  const len = w.length;
  if (s.solver === 'adam') {
    opt.t += 1;
    const { beta1, beta2, epsilon } = s;
    const lr = (s.learningRateInit * Math.sqrt(1 - Math.pow(beta2, opt.t))) / (1 - Math.pow(beta1, opt.t));
    const v = opt.v;
    for (let i = 0; i < len; i++) {
      const gi = g[i];
      const mi = (m[i] = beta1 * m[i] + (1 - beta1) * gi);
      const vi = (v[i] = beta2 * v[i] + (1 - beta2) * gi * gi);
      w[i] -= (lr * mi) / (Math.sqrt(vi) + epsilon);
    }
    return;
  }
  const mu = s.momentum;
  const lr = opt.learningRate;
  if (s.nesterovsMomentum) {
    for (let i = 0; i < len; i++) {
      const vel = (m[i] = mu * m[i] - lr * g[i]);
      w[i] += mu * vel - lr * g[i];
    }
  } else {
    for (let i = 0; i < len; i++) w[i] += m[i] = mu * m[i] - lr * g[i];
  }
}

/** Result of {@link trainLbfgs}. */
export interface LbfgsTraining {
  w: Float64Array;
  loss: number;
  nIter: number;
  converged: boolean;
}

/** Minimises the full-batch loss with L-BFGS (scikit-learn's `_fit_lbfgs`: pgtol = tol, maxiter, maxfun). */
export function trainLbfgs<F extends FloatArray, W>(
  passes: Passes<F, W>,
  net: Network,
  w0: Float64Array,
  X: F,
  Y: Float64Array,
  n: number,
  settings: { alpha: number; maxIter: number; maxFun: number; tol: number; onIteration?: (iter: number, loss: number) => void },
): LbfgsTraining {
  const ws = passes.makeWorkspace(net, n);
  // L-BFGS keeps its iterates in double precision; under float32 each evaluation rounds them into
  // the passes' own buffers and widens the gradient back.
  const same = passes.alloc(0) instanceof Float64Array;
  const wf = passes.alloc(same ? 0 : net.size);
  const gf = passes.alloc(same ? 0 : net.size);
  const objective = (x: Float64Array, grad: Float64Array): number => {
    if (same) return passes.lossGradient(net, x as FloatArray as F, X, Y, n, settings.alpha, ws, grad as FloatArray as F);
    wf.set(x);
    const loss = passes.lossGradient(net, wf, X, Y, n, settings.alpha, ws, gf);
    grad.set(gf);
    return loss;
  };
  const res = lbfgs(objective, w0, {
    maxIter: settings.maxIter,
    maxEval: settings.maxFun,
    gtol: settings.tol,
    onIteration: settings.onIteration,
  });
  // Under float32, the weights kept are the float32 values the loss was computed at.
  const w = same ? res.x : Float64Array.from(Float32Array.from(res.x));
  return { w, loss: res.f, nIter: res.nIter, converged: res.converged };
}
