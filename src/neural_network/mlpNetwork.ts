/**
 * The forward and backward passes of a multi-layer perceptron, as scikit-learn's
 * `BaseMultilayerPerceptron._forward_pass` and `_backprop`: all weights in one flat
 * `Float64Array` (every layer's coefficients, fan-in × fan-out row-major, then every layer's
 * intercepts, scikit-learn's packing order), work buffers allocated once per batch size. The three
 * products of a dense layer (X·W forward, Aᵀ·D for the weight gradient, D·Wᵀ backward) run on core's
 * register-tiled, cache-blocked `gemm`, into those buffers: nothing is allocated per batch.
 * Free of the estimator API.
 */
import { gemm } from '../core/kernels/index';

/** Activation of the hidden layers. */
export type HiddenActivation = 'identity' | 'logistic' | 'tanh' | 'relu';
/** Activation of the output layer, which fixes the loss: cross-entropy, binary cross-entropy, squared error. */
export type OutputActivation = 'softmax' | 'logistic' | 'identity';

/** Layer sizes and activations, and where each layer's weights sit in the flat vector. */
export interface Network {
  /** Units per layer: inputs, hidden layers, outputs. */
  readonly units: readonly number[];
  readonly activation: HiddenActivation;
  readonly outActivation: OutputActivation;
  readonly coefOffset: readonly number[];
  readonly interceptOffset: readonly number[];
  /** Length of the flat weight vector. */
  readonly size: number;
}

/** Lays out a network of the given layer sizes. */
export function makeNetwork(units: readonly number[], activation: HiddenActivation, outActivation: OutputActivation): Network {
  const coefOffset: number[] = [];
  const interceptOffset: number[] = [];
  let size = 0;
  for (let l = 0; l + 1 < units.length; l++) {
    coefOffset.push(size);
    size += units[l] * units[l + 1];
  }
  for (let l = 0; l + 1 < units.length; l++) {
    interceptOffset.push(size);
    size += units[l + 1];
  }
  return { units: [...units], activation, outActivation, coefOffset, interceptOffset, size };
}

/** Glorot-uniform initial weights, as scikit-learn's `_init_coef` (bound √(6 / (fan-in + fan-out)), √2 for logistic). */
export function glorotInit(net: Network, uniform: (low: number, high: number) => number): Float64Array {
  const w = new Float64Array(net.size);
  const factor = net.activation === 'logistic' ? 2 : 6;
  for (let l = 0; l + 1 < net.units.length; l++) {
    const fanIn = net.units[l];
    const fanOut = net.units[l + 1];
    const bound = Math.sqrt(factor / (fanIn + fanOut));
    const c = net.coefOffset[l];
    for (let i = 0; i < fanIn * fanOut; i++) w[c + i] = uniform(-bound, bound);
    const b = net.interceptOffset[l];
    for (let j = 0; j < fanOut; j++) w[b + j] = uniform(-bound, bound);
  }
  return w;
}

/** Activations and deltas of every layer for up to `capacity` rows. */
export interface Workspace {
  readonly capacity: number;
  /** acts[l] for l ≥ 1 (acts[0] is the input and is not stored). */
  readonly acts: Float64Array[];
  readonly deltas: Float64Array[];
}

export function makeWorkspace(net: Network, capacity: number): Workspace {
  const acts = net.units.map((u, l) => (l === 0 ? new Float64Array(0) : new Float64Array(capacity * u)));
  const deltas = net.units.map((u, l) => (l === 0 ? new Float64Array(0) : new Float64Array(capacity * u)));
  return { capacity, acts, deltas };
}

function addBiasAndActivate(Z: Float64Array, w: Float64Array, bOff: number, rows: number, units: number, f: HiddenActivation | OutputActivation): void {
  for (let i = 0; i < rows; i++) {
    const o = i * units;
    for (let j = 0; j < units; j++) Z[o + j] += w[bOff + j];
  }
  const len = rows * units;
  switch (f) {
    case 'relu':
      for (let i = 0; i < len; i++) if (Z[i] < 0) Z[i] = 0;
      break;
    case 'tanh':
      for (let i = 0; i < len; i++) Z[i] = Math.tanh(Z[i]);
      break;
    case 'logistic':
      for (let i = 0; i < len; i++) Z[i] = 1 / (1 + Math.exp(-Z[i]));
      break;
    case 'softmax':
      for (let i = 0; i < rows; i++) {
        const o = i * units;
        let max = -Infinity;
        for (let j = 0; j < units; j++) if (Z[o + j] > max) max = Z[o + j];
        let sum = 0;
        for (let j = 0; j < units; j++) sum += Z[o + j] = Math.exp(Z[o + j] - max);
        for (let j = 0; j < units; j++) Z[o + j] /= sum;
      }
      break;
    case 'identity':
      break;
  }
}

/**
 * The forward pass of `rows` samples of X (flat rows × inputs); returns the output layer's
 * buffer (rows × outputs, valid up to rows · outputs), which the next call overwrites. With `raw`,
 * the output layer's activation is left out (the logits).
 */
export function forward(net: Network, w: Float64Array, X: Float64Array, rows: number, ws: Workspace, raw = false): Float64Array {
  const L = net.units.length - 1;
  let input = X;
  for (let l = 0; l < L; l++) {
    const fanIn = net.units[l];
    const fanOut = net.units[l + 1];
    const out = ws.acts[l + 1];
    gemm(input, w.subarray(net.coefOffset[l], net.coefOffset[l] + fanIn * fanOut), out, rows, fanOut, fanIn);
    addBiasAndActivate(out, w, net.interceptOffset[l], rows, fanOut, l + 1 === L ? (raw ? 'identity' : net.outActivation) : net.activation);
    input = out;
  }
  return ws.acts[L];
}

const EPS = 2.220446049250313e-16;

function xlogy(y: number, p: number): number {
  return y === 0 ? 0 : y * Math.log(p);
}

/** The data loss of predictions P against targets Y (both rows × t), without the penalty. */
export function dataLoss(out: OutputActivation, P: Float64Array, Y: ArrayLike<number>, rows: number, t: number): number {
  const len = rows * t;
  let s = 0;
  if (out === 'identity') {
    for (let i = 0; i < len; i++) {
      const r = Y[i] - P[i];
      s += r * r;
    }
    return s / len / 2;
  }
  for (let i = 0; i < len; i++) {
    const p = Math.min(Math.max(P[i], EPS), 1 - EPS);
    s += xlogy(Y[i], p);
    if (out === 'logistic') s += xlogy(1 - Y[i], 1 - p);
  }
  return -s / rows;
}

/**
 * Loss (data loss + alpha/2 · Σ coefficients² / rows) and its gradient (written into `grad`) at
 * weights `w` over the batch X (rows × inputs), Y (rows × outputs), as scikit-learn's `_backprop`.
 */
export function lossGradient(
  net: Network,
  w: Float64Array,
  X: Float64Array,
  Y: ArrayLike<number>,
  rows: number,
  alpha: number,
  ws: Workspace,
  grad: Float64Array,
): number {
  const L = net.units.length - 1;
  const P = forward(net, w, X, rows, ws);
  const t = net.units[L];
  let loss = dataLoss(net.outActivation, P, Y, rows, t);
  let sq = 0;
  const coefEnd = net.interceptOffset[0];
  for (let i = 0; i < coefEnd; i++) sq += w[i] * w[i];
  loss += (0.5 * alpha * sq) / rows;

  // Output deltas: prediction minus target for each of the three output/loss pairs.
  const dOut = ws.deltas[L];
  for (let i = 0; i < rows * t; i++) dOut[i] = P[i] - Y[i];
  for (let l = L - 1; l >= 0; l--) {
    const fanIn = net.units[l];
    const fanOut = net.units[l + 1];
    const D = ws.deltas[l + 1];
    const A = l === 0 ? X : ws.acts[l];
    const cOff = net.coefOffset[l];
    const G = grad.subarray(cOff, cOff + fanIn * fanOut);
    gemm(A, D, G, fanIn, fanOut, rows, true, false);
    for (let i = 0; i < fanIn * fanOut; i++) G[i] = (G[i] + alpha * w[cOff + i]) / rows;
    const bOff = net.interceptOffset[l];
    for (let j = 0; j < fanOut; j++) grad[bOff + j] = 0;
    for (let i = 0; i < rows; i++) {
      const o = i * fanOut;
      for (let j = 0; j < fanOut; j++) grad[bOff + j] += D[o + j];
    }
    for (let j = 0; j < fanOut; j++) grad[bOff + j] /= rows;
    if (l === 0) break;
    const Dp = ws.deltas[l];
    gemm(D, w.subarray(cOff, cOff + fanIn * fanOut), Dp, rows, fanIn, fanOut, false, true);
    const Z = ws.acts[l];
    const len = rows * fanIn;
    switch (net.activation) {
      case 'relu':
        for (let i = 0; i < len; i++) if (Z[i] === 0) Dp[i] = 0;
        break;
      case 'tanh':
        for (let i = 0; i < len; i++) Dp[i] *= 1 - Z[i] * Z[i];
        break;
      case 'logistic':
        for (let i = 0; i < len; i++) Dp[i] *= Z[i] * (1 - Z[i]);
        break;
      case 'identity':
        break;
    }
  }
  return loss;
}
