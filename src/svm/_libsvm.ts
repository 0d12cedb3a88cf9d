/** Pieces shared by the kernel SVM estimators (SVC, NuSVC, SVR, NuSVR, OneClassSVM). */
import type { ProgressReporter } from '../core/fitControl';
import { Matrix } from 'ml-matrix';
import { ConvergenceWarning, ValidationError, warn } from '../core/errors';
import { bool, int, num, oneOf, union } from '../core/params';
import type { RowMajor } from '../core/data';
import { matrixFromFlat } from '../core/data';
import type { KernelName, KernelSpec } from './kernel';
import { supportKernel, subRows, type SolverSettings } from './train';

/** The kernel options every kernel SVM has. */
export interface KernelOptions {
  /** The kernel: 'linear', 'poly', 'rbf', 'sigmoid' or 'precomputed' (X is a Gram matrix). @defaultValue 'rbf' */
  kernel: KernelName;
  /** Degree of the 'poly' kernel, an integer ≥ 0. @defaultValue 3 */
  degree: number;
  /**
   * Kernel coefficient of 'rbf', 'poly' and 'sigmoid': 'scale' (1 / (nFeatures · X.var())),
   * 'auto' (1 / nFeatures) or a number > 0. @defaultValue 'scale'
   */
  gamma: 'scale' | 'auto' | number;
  /** Independent term of 'poly' and 'sigmoid'. @defaultValue 0 */
  coef0: number;
  /** Use the shrinking heuristic. @defaultValue true */
  shrinking: boolean;
  /** Stopping tolerance of the solver (on the maximal violating pair). @defaultValue 1e-3 */
  tol: number;
  /** Size of the kernel cache in MB. @defaultValue 200 */
  cacheSize: number;
  /** Iteration limit of the solver, −1 for none (libsvm's own cap of max(10⁷, 100·n)). @defaultValue -1 */
  maxIter: number;
}

export const KERNEL_DEFAULTS: KernelOptions = {
  kernel: 'rbf',
  degree: 3,
  gamma: 'scale',
  coef0: 0,
  shrinking: true,
  tol: 1e-3,
  cacheSize: 200,
  maxIter: -1,
};

export const KERNEL_SCHEMA = {
  kernel: oneOf('linear', 'poly', 'rbf', 'sigmoid', 'precomputed'),
  degree: int({ min: 0 }),
  gamma: union(oneOf('scale', 'auto'), num({ min: 0, minInclusive: false })),
  coef0: num(),
  shrinking: bool(),
  tol: num({ min: 0, minInclusive: false }),
  cacheSize: num({ min: 0, minInclusive: false }),
  maxIter: int({ min: -1 }),
};

/** The numeric gamma of the options on training data X (scikit-learn's definitions of 'scale' and 'auto'). */
export function resolveGamma(gamma: KernelOptions['gamma'], X: RowMajor): number {
  if (gamma === 'auto') return 1 / X.cols;
  if (gamma !== 'scale') return gamma;
  const { data } = X;
  const n = data.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += data[i];
  mean /= n;
  let v = 0;
  for (let i = 0; i < n; i++) v += (data[i] - mean) * (data[i] - mean);
  v /= n;
  return v !== 0 ? 1 / (X.cols * v) : 1;
}

/** Solver settings from the options and the resolved gamma. */
export function settingsFrom(o: KernelOptions, gamma: number): SolverSettings {
  const spec: KernelSpec = { kernel: o.kernel, gamma, degree: o.degree, coef0: o.coef0 };
  return { spec, cacheSize: o.cacheSize, tol: o.tol, shrinking: o.shrinking, maxIter: o.maxIter };
}

/** The settings with SMO reporting every chunk of iterations to `progress` (unchanged when nothing listens). */
export function withProgress(s: SolverSettings, progress: ProgressReporter): SolverSettings {
  if (progress.silent) return s;
  let chunks = 0;
  return { ...s, onChunk: () => progress.step(++chunks) };
}

/** Largest |x| whose squares and dot products stay finite for any feature count typelearn accepts. */
const MAX_ABS = 1e150;

/**
 * For 'precomputed', X must be the square Gram matrix of the training samples; for the other
 * kernels, values so large that squared norms or dot products overflow are refused.
 */
export function checkPrecomputed(estimator: string, kernel: KernelName, X: RowMajor): void {
  if (kernel !== 'precomputed') {
    const { data } = X;
    for (let i = 0; i < data.length; i++) {
      if (Math.abs(data[i]) > MAX_ABS) {
        throw new ValidationError({
          code: 'invalid_input',
          estimator,
          param: 'X',
          expected: `values within ±${MAX_ABS} (the kernel squares them; scale the features first, e.g. with StandardScaler)`,
          received: `${data[i]} at row ${Math.floor(i / X.cols)}, column ${i % X.cols}`,
        });
      }
    }
  }
  if (kernel === 'precomputed' && X.rows !== X.cols) {
    throw new ValidationError({
      code: 'invalid_input',
      estimator,
      param: 'X',
      expected: "a square Gram matrix (nSamples × nSamples) with kernel 'precomputed'",
      received: `${X.rows} × ${X.cols}`,
    });
  }
}

/** The support vector rows (empty for 'precomputed', where predict reads Gram columns). */
export function supportRows(X: RowMajor, support: Int32Array, kernel: KernelName): Float64Array {
  if (kernel === 'precomputed') return new Float64Array(0);
  return subRows({ X: X.data, n: X.rows, d: X.cols }, support, false).X;
}

/** The fitted state fields every kernel SVM keeps. */
export interface KernelState {
  nFeaturesIn: number;
  kernel: KernelName;
  /** The numeric gamma used (scikit-learn's `_gamma`). */
  gamma: number;
  degree: number;
  coef0: number;
  /** nSV × nFeaturesIn, flat (empty for 'precomputed'). */
  supportVectors: Float64Array;
  support: Int32Array;
}

/** Kernel values of X's rows against the support vectors, n × nSV flat. */
export function kernelAgainstSupport(s: KernelState, X: RowMajor): Float64Array {
  const spec: KernelSpec = { kernel: s.kernel, gamma: s.gamma, degree: s.degree, coef0: s.coef0 };
  return supportKernel(spec, X.data, X.rows, X.cols, s.supportVectors, s.support.length, s.support);
}

/** The support vectors as a Matrix (0 columns for 'precomputed', as scikit-learn's empty array). */
export function supportVectorMatrix(s: KernelState): Matrix {
  if (s.kernel === 'precomputed') return new Matrix(s.support.length, 0);
  return matrixFromFlat(Float64Array.from(s.supportVectors), s.support.length, s.nFeaturesIn);
}

/** Emits scikit-learn's warning when the solver stopped at maxIter. */
export function warnNotConverged(converged: boolean, maxIter: number, estimator: string): void {
  if (!converged) {
    warn(
      new ConvergenceWarning(
        `Solver terminated early (maxIter=${maxIter}). Consider pre-processing your data with StandardScaler or MinMaxScaler.`,
        estimator,
      ),
    );
  }
}

/**
 * Refuses a fitted model whose numbers are not finite: data so large or so badly scaled that the
 * kernel overflows (squared norms beyond 1.8e308) or the ν problem degenerates. scikit-learn would
 * return NaN decision values; typelearn says what to do instead.
 */
export function checkFiniteModel(estimator: string, ...parts: Array<ArrayLike<number> | number | null | undefined>): void {
  for (const part of parts) {
    if (part === null || part === undefined) continue;
    const values = typeof part === 'number' ? [part] : part;
    for (let i = 0; i < values.length; i++) {
      if (!Number.isFinite(values[i])) {
        throw new ValidationError({
          code: 'invalid_input',
          estimator,
          param: 'X',
          expected: 'features whose kernel values and solution are finite (scale the features first, e.g. with StandardScaler)',
          received: 'data for which the fitted model is not finite (values too large or too badly scaled)',
        });
      }
    }
  }
}
