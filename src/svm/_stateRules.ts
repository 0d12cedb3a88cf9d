/** Fitted-state rules the support vector machines share (see `core/stateSchema.ts`). */
import {
  float64Array,
  int,
  labels,
  nFeaturesIn,
  numberArray,
  numberValue,
  oneOf,
  orNull,
  refine,
  resolveLength,
  typedArray,
  type StateContext,
} from '../core/stateSchema';

const nSV = (c: StateContext): number => (c.state.support as ArrayLike<number>).length;
const nPairs = (c: StateContext): number => {
  const K = resolveLength('nClasses', c);
  return (K * (K - 1)) / 2;
};

/** The kernel, its resolved parameters, the support indices and rows. */
export const kernelState = {
  nFeaturesIn: nFeaturesIn(),
  kernel: oneOf('linear', 'poly', 'rbf', 'sigmoid', 'precomputed'),
  gamma: numberValue({ min: 0 }),
  degree: int({ min: 0 }),
  coef0: numberValue(),
  // For 'precomputed', support indices are columns of the Gram matrix (below nFeaturesIn); otherwise rows of the training data (any count).
  support: typedArray('Int32Array', { integer: true, min: 0, anyLength: true }),
  supportVectors: float64Array({ length: (c) => (c.state.kernel === 'precomputed' ? 0 : nSV(c) * (c.state.nFeaturesIn as number)) }),
} as const;

/** SVC / NuSVC: classes, support vectors per class, pairwise coefficients and offsets, Platt parameters. */
export const ovoState = {
  classes: labels({ minLength: 2 }),
  ...kernelState,
  nSupport: refine(typedArray('Int32Array', { integer: true, min: 0, length: 'nClasses' }), 'summing to the number of support vectors', (v: Int32Array, c) => v.reduce((a, b) => a + b, 0) === nSV(c)),
  dualCoef: float64Array({ length: (c) => (resolveLength('nClasses', c) - 1) * nSV(c) }),
  rho: float64Array({ length: nPairs }),
  probA: orNull(float64Array({ length: nPairs })),
  probB: orNull(float64Array({ length: nPairs })),
  nIter: numberArray({ integer: true, min: 0, length: nPairs }),
  classWeight: float64Array({ min: 0, length: 'nClasses' }),
} as const;

/** SVR / NuSVR / OneClassSVM: one decision function. */
export const singleState = {
  ...kernelState,
  dualCoef: float64Array({ length: nSV }),
  rho: numberValue(),
  nIter: int({ min: 0 }),
} as const;

/** LinearSVC: one weight row per class (one for two classes) and one intercept per row. */
const linearRows = (c: StateContext): number => {
  const K = resolveLength('nClasses', c);
  return K === 2 ? 1 : K;
};
export const linearSvcState = {
  nFeaturesIn: nFeaturesIn(),
  classes: labels({ minLength: 2 }),
  coef: float64Array({ length: (c) => linearRows(c) * (c.state.nFeaturesIn as number) }),
  intercept: float64Array({ length: linearRows }),
  nIter: int({ min: 0 }),
} as const;

/** LinearSVR: one weight per feature and a scalar intercept. */
export const linearSvrState = {
  nFeaturesIn: nFeaturesIn(),
  coef: float64Array({ length: 'nFeaturesIn' }),
  intercept: numberValue(),
  nIter: int({ min: 0 }),
} as const;
