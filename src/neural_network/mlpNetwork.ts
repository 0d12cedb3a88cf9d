/**
 * The layout of a multi-layer perceptron: layer sizes, activations, and where each layer's weights
 * sit in one flat vector (every layer's coefficients, fan-in × fan-out row-major, then every
 * layer's intercepts: scikit-learn's packing order), and its Glorot-uniform initialisation. The
 * passes over it are in mlpPasses.ts (float64) and mlpPassesF32.ts (its float32 twin).
 * Free of the estimator API.
 */

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
