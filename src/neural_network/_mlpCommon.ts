/** What MLPClassifier and MLPRegressor share: options, state, and the fit driver. */
import { ConvergenceWarning, TypelearnWarning, ValidationError, warn } from '../core/errors';
import { bool, int, nullable, num, oneOf, union, type ParamSpec } from '../core/params';
import { RandomState, checkRandomState } from '../core/random';
import { float64Array, numberArray, numberValue, orNull, refine, type StateContext, type StateSchema } from '../core/stateSchema';
import type { Label } from '../core/types';
import { rowMajor, takeRows, type RowMajor } from '../core/data/index';
import { ProgressReporter, type FitControl } from '../core/fitControl';
import { checkSquaresFinite } from '../core/overflow';
import { trainTestSplit } from '../model_selection/trainTestSplit';
import { glorotInit, makeNetwork, type HiddenActivation, type Network, type OutputActivation } from './mlpNetwork';
import {
  PASSES_FLOAT32,
  PASSES_FLOAT64,
  newOptimizer,
  newRecord,
  trainLbfgs,
  trainStochastic,
  type FloatArray,
  type OptimizerState,
  type Passes,
  type StochasticSettings,
  type TrainingRecord,
} from './mlpSolvers';

/** Options of {@link MLPClassifier} and {@link MLPRegressor} (scikit-learn's, camelCase). */
export interface MLPOptions {
  /** Units of each hidden layer (a non-empty array of positive integers). @defaultValue [100] */
  hiddenLayerSizes: number[];
  /** Activation of the hidden layers. @defaultValue 'relu' */
  activation: HiddenActivation;
  /** The weight optimizer: 'adam', 'sgd' (mini-batch, momentum) or 'lbfgs' (full batch; best on small data). @defaultValue 'adam' */
  solver: 'adam' | 'sgd' | 'lbfgs';
  /** Strength of the L2 penalty on the weights (not the intercepts). @defaultValue 0.0001 */
  alpha: number;
  /** Mini-batch size; 'auto' = min(200, n). Larger than n is clipped to n with a warning. @defaultValue 'auto' */
  batchSize: number | 'auto';
  /** Learning-rate schedule of 'sgd'. @defaultValue 'constant' */
  learningRate: 'constant' | 'invscaling' | 'adaptive';
  /** Initial step size of 'sgd' and 'adam'. @defaultValue 0.001 */
  learningRateInit: number;
  /** Exponent of 'invscaling'. @defaultValue 0.5 */
  powerT: number;
  /** Epochs ('sgd', 'adam') or iterations ('lbfgs'). @defaultValue 200 */
  maxIter: number;
  /** Shuffle the samples before each epoch. @defaultValue true */
  shuffle: boolean;
  /** Seed of the initial weights, the shuffling and the validation split. @defaultValue null */
  randomState: number | null;
  /** Improvement below which an epoch counts as no improvement (and lbfgs' gradient tolerance). @defaultValue 0.0001 */
  tol: number;
  /** Momentum of 'sgd'. @defaultValue 0.9 */
  momentum: number;
  /** Nesterov's momentum for 'sgd'. @defaultValue true */
  nesterovsMomentum: boolean;
  /** Hold out `validationFraction` of the data and stop when its score stops improving ('sgd', 'adam'). @defaultValue false */
  earlyStopping: boolean;
  /** Share of the data held out for early stopping, in (0, 1). @defaultValue 0.1 */
  validationFraction: number;
  /** Adam's first-moment decay, in [0, 1). @defaultValue 0.9 */
  beta1: number;
  /** Adam's second-moment decay, in [0, 1). @defaultValue 0.999 */
  beta2: number;
  /** Adam's numerical-stability constant. @defaultValue 1e-8 */
  epsilon: number;
  /** Epochs without improvement of more than `tol` before stopping. @defaultValue 10 */
  nIterNoChange: number;
  /** Function evaluations allowed to 'lbfgs'. @defaultValue 15000 */
  maxFun: number;
  /** Continue from the previous fit's weights. @defaultValue false */
  warmStart: boolean;
  /**
   * Precision of the weights and of the forward and backward passes: 'float64', or 'float32'
   * (`Float32Array` buffers, faster, results within float32 rounding). Saved weights (`coefs_`,
   * `toJSON`) are plain numbers either way. Not a scikit-learn option (scikit-learn follows the
   * dtype of X). @defaultValue 'float64'
   */
  dtype: 'float64' | 'float32';
}

export const MLP_DEFAULTS: MLPOptions = {
  hiddenLayerSizes: [100],
  activation: 'relu',
  solver: 'adam',
  alpha: 0.0001,
  batchSize: 'auto',
  learningRate: 'constant',
  learningRateInit: 0.001,
  powerT: 0.5,
  maxIter: 200,
  shuffle: true,
  randomState: null,
  tol: 1e-4,
  momentum: 0.9,
  nesterovsMomentum: true,
  earlyStopping: false,
  validationFraction: 0.1,
  beta1: 0.9,
  beta2: 0.999,
  epsilon: 1e-8,
  nIterNoChange: 10,
  maxFun: 15000,
  warmStart: false,
  dtype: 'float64',
};

const layerSizes: ParamSpec = {
  description: 'a non-empty array of positive integers',
  check: (v) => Array.isArray(v) && v.length > 0 && v.every((u) => typeof u === 'number' && Number.isInteger(u) && u >= 1),
};

export const MLP_SCHEMA: Record<string, ParamSpec> = {
  hiddenLayerSizes: layerSizes,
  activation: oneOf('identity', 'logistic', 'tanh', 'relu'),
  solver: oneOf('lbfgs', 'sgd', 'adam'),
  alpha: num({ min: 0 }),
  batchSize: union(oneOf('auto'), int({ min: 1 })),
  learningRate: oneOf('constant', 'invscaling', 'adaptive'),
  learningRateInit: num({ min: 0, minInclusive: false }),
  powerT: num({ min: 0 }),
  maxIter: int({ min: 1 }),
  shuffle: bool(),
  randomState: nullable(int()),
  tol: num({ min: 0 }),
  momentum: num({ min: 0, max: 1 }),
  nesterovsMomentum: bool(),
  earlyStopping: bool(),
  validationFraction: num({ min: 0, max: 1, minInclusive: false, maxInclusive: false }),
  beta1: num({ min: 0, max: 1, maxInclusive: false }),
  beta2: num({ min: 0, max: 1, maxInclusive: false }),
  epsilon: num({ min: 0, minInclusive: false }),
  nIterNoChange: int({ min: 1 }),
  maxFun: int({ min: 1 }),
  warmStart: bool(),
  dtype: oneOf('float64', 'float32'),
};

/**
 * The fitted network, the training history (the solvers' {@link TrainingRecord}: `nIter` counts
 * epochs of the stochastic solvers or L-BFGS iterations) and the optimizer's memory, as flat
 * JSON-able keys.
 */
export interface MLPCoreState extends TrainingRecord {
  nFeaturesIn: number;
  /** Units per layer: inputs, hidden layers, outputs. */
  units: number[];
  outActivation: OutputActivation;
  /** Every layer's coefficients (fan-in × fan-out), then every layer's intercepts. */
  weights: Float64Array;
  /** The stochastic optimizer's memory for partialFit (null after 'lbfgs'): step size, Adam's step count, moments. */
  optimizerLearningRate: number;
  optimizerT: number;
  optimizerM: Float64Array | null;
  optimizerV: Float64Array | null;
  /** Seed of the random stream of the next partialFit or warm-started fit. */
  nextSeed: number;
}

/** The length of the flat weight vector of a network with these layer sizes (NaN if they are malformed). */
function weightCount(units: unknown): number {
  if (!Array.isArray(units) || units.length < 3 || !units.every((u) => typeof u === 'number' && Number.isInteger(u) && u >= 1)) return NaN;
  let size = 0;
  for (let l = 0; l + 1 < units.length; l++) size += (units[l] as number) * (units[l + 1] as number) + (units[l + 1] as number);
  return size;
}

/**
 * The state rules both classes share (see core/stateSchema.ts); `outputs` is the number of output
 * units the rest of the state implies (undefined when it does not say).
 */
export function mlpStateSchema(outputs: (ctx: StateContext) => number | undefined, outActivation: (ctx: StateContext) => OutputActivation | undefined): StateSchema {
  const size = (c: StateContext) => weightCount(c.state.units);
  return {
    units: refine(
      numberArray({ integer: true, min: 1 }),
      'at least 3 layer sizes, from nFeaturesIn to the number of outputs',
      (v: number[], c) => v.length >= 3 && v[0] === c.state.nFeaturesIn && v[v.length - 1] === outputs(c),
    ),
    outActivation: refine(oneOf('softmax', 'logistic', 'identity'), 'the output of the task', (v: string, c) => v === outActivation(c)),
    weights: float64Array({ length: size }),
    nIter: int({ min: 0 }),
    t: int({ min: 0 }),
    loss: numberValue({ allowNaN: true, allowInfinity: true }),
    lossCurve: numberArray({ anyLength: true }),
    bestLoss: orNull(numberValue({ allowInfinity: true })),
    validationScores: orNull(numberArray({ anyLength: true, max: 1 })),
    bestValidationScore: orNull(numberValue({ allowInfinity: true, max: 1 })),
    noImprovementCount: int({ min: 0 }),
    bestWeights: orNull(float64Array({ length: size })),
    optimizerLearningRate: numberValue({ min: 0 }),
    optimizerT: int({ min: 0 }),
    optimizerM: orNull(float64Array({ length: size })),
    optimizerV: refine(orNull(float64Array({ length: size })), 'null exactly when optimizerM is', (v: unknown, c) => (v === null) === (c.state.optimizerM === null)),
    nextSeed: int({ min: 0 }),
  };
}

function recordOf(s: MLPCoreState): TrainingRecord {
  return {
    nIter: s.nIter,
    t: s.t,
    loss: s.loss,
    lossCurve: [...s.lossCurve],
    bestLoss: s.bestLoss,
    validationScores: s.validationScores ? [...s.validationScores] : null,
    bestValidationScore: s.bestValidationScore,
    noImprovementCount: s.noImprovementCount,
    bestWeights: s.bestWeights ? Float64Array.from(s.bestWeights) : null,
  };
}

function stateOf(
  X: RowMajor,
  units: number[],
  outActivation: OutputActivation,
  weights: Float64Array,
  r: TrainingRecord,
  opt: OptimizerState | null,
  learningRateInit: number,
  nextSeed: number,
): MLPCoreState {
  return {
    nFeaturesIn: X.cols,
    units,
    outActivation,
    weights,
    nIter: r.nIter,
    t: r.t,
    loss: r.loss,
    lossCurve: r.lossCurve,
    bestLoss: r.bestLoss,
    validationScores: r.validationScores,
    bestValidationScore: r.bestValidationScore,
    noImprovementCount: r.noImprovementCount,
    bestWeights: r.bestWeights,
    optimizerLearningRate: opt ? opt.learningRate : learningRateInit,
    optimizerT: opt ? opt.t : 0,
    optimizerM: opt ? opt.m : null,
    optimizerV: opt ? opt.v : null,
    nextSeed,
  };
}

/** The network of a fitted state. */
export function networkOf(s: MLPCoreState, activation: HiddenActivation): Network {
  return makeNetwork(s.units, activation, s.outActivation);
}

/** Outputs of the network for every row of X (flat n × outputs; the logits with `raw`), in the precision of `dtype`. */
export function predictFlat(net: Network, w: Float64Array, X: RowMajor, dtype: MLPOptions['dtype'], raw = false): Float64Array {
  return dtype === 'float32' ? predictWith(PASSES_FLOAT32, net, PASSES_FLOAT32.asElementType(w), X, raw) : predictWith(PASSES_FLOAT64, net, w, X, raw);
}

/** The forward pass over X in chunks of rows (each chunk converted to the passes' element type). */
function predictWith<F extends FloatArray, W>(passes: Passes<F, W>, net: Network, w: F, X: RowMajor, raw: boolean): Float64Array {
  const n = X.rows;
  const d = X.cols;
  const t = net.units[net.units.length - 1];
  const chunk = Math.max(1, Math.min(n, 512));
  const ws = passes.makeWorkspace(net, chunk);
  const out = new Float64Array(n * t);
  for (let r0 = 0; r0 < n; r0 += chunk) {
    const rows = Math.min(chunk, n - r0);
    const P = passes.forward(net, w, passes.asElementType(X.data.subarray(r0 * d, (r0 + rows) * d)), rows, ws, raw);
    out.set(P.subarray(0, rows * t), r0 * t);
  }
  return out;
}

/** How a family scores predictions on the held-out set: accuracy or R². */
export type ValidationScorer = (P: Float64Array, Y: Float64Array, rows: number, t: number) => number;

/** Everything the fit driver needs from the estimator. */
export interface TrainRequest {
  name: string;
  params: MLPOptions;
  X: RowMajor;
  /** Targets, n × outputs (one-hot, one 0/1 column, or regression values). */
  Y: Float64Array;
  nOutputs: number;
  outActivation: OutputActivation;
  prev: MLPCoreState | undefined;
  incremental: boolean;
  scorer: ValidationScorer;
  /** Labels to stratify the validation split by (single-output classifiers), else null. */
  stratify: Label[] | null;
  /** Progress and cancellation of this fit (per epoch, or per L-BFGS iteration). */
  control?: FitControl;
}

/** Trains (or continues training) a network and returns the new state; the previous one is untouched. */
export function trainNetwork(req: TrainRequest): MLPCoreState {
  return req.params.dtype === 'float32' ? trainWith(PASSES_FLOAT32, req) : trainWith(PASSES_FLOAT64, req);
}

/** {@link trainNetwork} on the passes of one precision. */
function trainWith<F extends FloatArray, W>(passes: Passes<F, W>, req: TrainRequest): MLPCoreState {
  const { name, params: p, X, Y, nOutputs, prev, incremental } = req;
  const n = X.rows;
  const units = [X.cols, ...p.hiddenLayerSizes, nOutputs];
  const net = makeNetwork(units, p.activation, req.outActivation);
  if (incremental && p.solver === 'lbfgs') {
    throw new ValidationError({
      code: 'unsupported',
      estimator: name,
      param: 'solver',
      expected: "a stochastic solver ('sgd' or 'adam') for partialFit",
      received: "'lbfgs'",
    });
  }
  // Finite inputs whose squares overflow give infinite activations and losses: refuse them as every fit does.
  checkSquaresFinite(name, X, false);
  if (req.outActivation === 'identity') checkSquaresFinite(name, rowMajor(Y, n, nOutputs), false, 'y');
  const firstPass = prev === undefined || (!p.warmStart && !incremental);
  if (prev !== undefined && !firstPass && (prev.units.length !== units.length || prev.units.some((u, i) => u !== units[i]))) {
    throw new ValidationError({
      code: 'invalid_input',
      estimator: name,
      param: 'X',
      expected: `a network of the previous fit's layer sizes [${prev.units.join(', ')}] to continue training`,
      received: `layer sizes [${units.join(', ')}]`,
    });
  }
  const rng = firstPass || prev === undefined ? checkRandomState(p.randomState) : new RandomState(prev.nextSeed);
  const earlyStopping = p.earlyStopping && !incremental;
  const progress = new ProgressReporter(req.control ?? {}, p.solver === 'lbfgs' ? 'iteration' : 'epoch', incremental ? 1 : p.maxIter);
  let w: Float64Array;
  let record: TrainingRecord;
  if (firstPass || prev === undefined) {
    // Under float32 the initial weights are rounded to float32 here, once.
    w = Float64Array.from(passes.copyOf(glorotInit(net, (lo, hi) => rng.uniform(lo, hi))));
    record = newRecord(p.earlyStopping && !incremental);
  } else {
    w = Float64Array.from(prev.weights);
    record = recordOf(prev);
    if (earlyStopping && record.validationScores === null) {
      record.validationScores = [];
      record.bestValidationScore = -Infinity;
    }
  }

  if (p.solver === 'lbfgs') {
    const res = trainLbfgs(passes, net, w, passes.asElementType(X.data), Y, n, { alpha: p.alpha, maxIter: p.maxIter, maxFun: p.maxFun, tol: p.tol, onIteration: progress.silent ? undefined : (it, loss) => progress.step(it, { loss }) });
    if (!Number.isFinite(res.loss)) {
      warn(new ConvergenceWarning(`lbfgs reached a non-finite loss; the last finite weights are kept. Scale the features or raise alpha.`, name));
    } else if (!res.converged) {
      warn(new ConvergenceWarning(`lbfgs failed to converge after ${res.nIter} iterations. Increase maxIter (or maxFun) or scale the data.`, name));
    }
    record.nIter = res.nIter;
    record.loss = res.loss;
    return stateOf(X, units, req.outActivation, res.w, record, null, p.learningRateInit, rng.seed());
  }

  let batchSize: number;
  if (p.batchSize === 'auto') batchSize = Math.min(200, n);
  else {
    if (p.batchSize > n) {
      warn(new TypelearnWarning(`Got batchSize ${p.batchSize}, larger than the ${n} samples; it is clipped to ${n}.`, name));
    }
    batchSize = Math.min(p.batchSize, n);
  }
  const optimizer: OptimizerState =
    incremental && prev?.optimizerM && prev.optimizerV
      ? { learningRate: prev.optimizerLearningRate, t: prev.optimizerT, m: Float64Array.from(prev.optimizerM), v: Float64Array.from(prev.optimizerV) }
      : newOptimizer(net.size, p.learningRateInit);

  let Xt: Float64Array = X.data;
  let Yt = Y;
  let nt = n;
  let validationScore: ((w: FloatArray) => number) | null = null;
  if (earlyStopping) {
    const index = Array.from({ length: n }, (_, i) => [i]);
    const split = trainTestSplit(index, { testSize: p.validationFraction, randomState: rng.seed() % 2147483647, stratify: req.stratify });
    const trainRows = (split.XTrain as number[][]).map((r) => r[0]);
    const valRows = (split.XTest as number[][]).map((r) => r[0]);
    const Ym = rowMajor(Y, n, nOutputs);
    Xt = takeRows(X, trainRows).data;
    Yt = takeRows(Ym, trainRows).data;
    nt = trainRows.length;
    const Xv = takeRows(X, valRows);
    const Yv = takeRows(Ym, valRows).data;
    validationScore = (weights) => req.scorer(predictWith(passes, net, weights as F, Xv, false), Yv, Xv.rows, nOutputs);
    if (nt < 1) {
      throw new ValidationError({ code: 'invalid_input', estimator: name, param: 'X', expected: 'enough samples to hold out a validation set (earlyStopping)', received: `${n} samples` });
    }
    batchSize = Math.min(batchSize, nt);
  }
  const settings: StochasticSettings = {
    solver: p.solver,
    alpha: p.alpha,
    batchSize,
    learningRate: p.learningRate,
    learningRateInit: p.learningRateInit,
    powerT: p.powerT,
    momentum: p.momentum,
    nesterovsMomentum: p.nesterovsMomentum,
    beta1: p.beta1,
    beta2: p.beta2,
    epsilon: p.epsilon,
    maxIter: p.maxIter,
    tol: p.tol,
    nIterNoChange: p.nIterNoChange,
    incremental,
    shuffle: p.shuffle ? new RandomState(rng.seed()) : null,
    validationScore,
    onEpoch: progress.silent ? undefined : (epoch, loss, score) => progress.step(epoch, { loss, score }),
  };
  const wf = passes.copyOf(w);
  const stop = trainStochastic(passes, net, wf, passes.asElementType(Xt), Yt, nt, settings, optimizer, record);
  w = wf instanceof Float64Array ? wf : Float64Array.from(wf);
  if (stop === 'diverged') {
    warn(
      new ConvergenceWarning(
        `The training loss became non-finite in epoch ${record.nIter + 1}; training stopped and the last finite weights are kept. Lower learningRateInit or scale the features.`,
        name,
      ),
    );
  } else if (stop === 'maxIter') {
    warn(new ConvergenceWarning(`Stochastic Optimizer: Maximum iterations (${p.maxIter}) reached and the optimization hasn't converged yet.`, name));
  }
  return stateOf(X, units, req.outActivation, w, record, optimizer, p.learningRateInit, rng.seed());
}

/** The per-layer coefficient matrices (fan-in × fan-out) of a state. */
export function coefsOf(s: MLPCoreState): number[][][] {
  const net = makeNetwork(s.units, 'identity', s.outActivation);
  const out: number[][][] = [];
  for (let l = 0; l + 1 < s.units.length; l++) {
    const fanIn = s.units[l];
    const fanOut = s.units[l + 1];
    const c = net.coefOffset[l];
    out.push(Array.from({ length: fanIn }, (_, i) => Array.from(s.weights.subarray(c + i * fanOut, c + (i + 1) * fanOut))));
  }
  return out;
}

/** The per-layer intercept vectors of a state. */
export function interceptsOf(s: MLPCoreState): number[][] {
  const net = makeNetwork(s.units, 'identity', s.outActivation);
  return s.units.slice(1).map((u, l) => Array.from(s.weights.subarray(net.interceptOffset[l], net.interceptOffset[l] + u)));
}

/** A ValidationError for a fitted attribute that this solver or setting does not record. */
export function notRecorded(name: string, attribute: string, why: string): ValidationError {
  return new ValidationError({ code: 'unsupported', estimator: name, message: `${name}: ${attribute} is not available ${why}.` });
}
