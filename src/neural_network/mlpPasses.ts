/**
 * The forward and backward passes of a multi-layer perceptron over flat typed arrays, as
 * scikit-learn's `BaseMultilayerPerceptron._forward_pass` and `_backprop`, on the flat weight
 * layout of mlpNetwork.ts. Work buffers are allocated once per batch size. The three products of a
 * dense layer (X·W forward, Aᵀ·D for the weight gradient, D·Wᵀ backward) run on core's
 * register-tiled `gemm` with the transposes as strides; the bias is added in the same pass over a
 * layer's outputs as the activation. Nothing is allocated per batch. Free of the estimator API.
 *
 * mlpPasses.ts works in double precision; mlpPassesF32.ts, its single-precision twin (the
 * `dtype: 'float32'` option), is generated from it by `node scripts/gen-float32.mjs`: edit
 * mlpPasses.ts and rerun the script. Two files rather than one function over both array types, because V8
 * compiles a function that sees both types into slower polymorphic code.
 */
import { gemm } from '../core/kernels/index';
import type { HiddenActivation, Network, OutputActivation } from './mlpNetwork';

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

/** A flat buffer of this file's element type (work buffers, weights, gradients). */
export function alloc(length: number): Float64Array {
  return new Float64Array(length);
}

/** A copy of `values` in this file's element type. */
export function copyOf(values: ArrayLike<number>): Float64Array {
  return Float64Array.from(values);
}

/** `values` in this file's element type: itself when it already is, else a converted copy. */
export function asElementType(values: ArrayLike<number>): Float64Array {
  return values instanceof Float64Array ? values : Float64Array.from(values);
}

/** Adds the bias to each row of Z (rows × units) and applies the activation, in one pass per row. */
function addBiasAndActivate(Z: Float64Array, w: Float64Array, bOff: number, rows: number, units: number, f: HiddenActivation | OutputActivation): void {
  for (let i = 0; i < rows; i++) {
    const o = i * units;
    switch (f) {
      case 'relu':
        for (let j = 0; j < units; j++) {
          const z = Z[o + j] + w[bOff + j];
          Z[o + j] = z < 0 ? 0 : z; // NaN stays NaN, so divergence is seen
        }
        break;
      case 'tanh':
        for (let j = 0; j < units; j++) Z[o + j] = Math.tanh(Z[o + j] + w[bOff + j]);
        break;
      case 'logistic':
        for (let j = 0; j < units; j++) Z[o + j] = 1 / (1 + Math.exp(-(Z[o + j] + w[bOff + j])));
        break;
      case 'softmax': {
        let max = -Infinity;
        for (let j = 0; j < units; j++) {
          const z = (Z[o + j] += w[bOff + j]);
          if (z > max) max = z;
        }
        let sum = 0;
        for (let j = 0; j < units; j++) sum += Z[o + j] = Math.exp(Z[o + j] - max);
        for (let j = 0; j < units; j++) Z[o + j] /= sum;
        break;
      }
      case 'identity':
        for (let j = 0; j < units; j++) Z[o + j] += w[bOff + j];
        break;
    }
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
