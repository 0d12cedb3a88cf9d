/** The single-model kernel SVMs' shared machinery (SVR, NuSVR, OneClassSVM). */
import type { Matrix } from 'ml-matrix';
import { BaseRegressor } from '../core/base';
import { ValidationError } from '../core/errors';
import type { MatrixLike } from '../core/types';
import type { RowMajor } from '../core/data';
import {
  checkFiniteModel,
  checkPrecomputed,
  kernelAgainstSupport,
  resolveGamma,
  settingsFrom,
  supportRows,
  supportVectorMatrix,
  warnNotConverged,
  type KernelOptions,
  type KernelState,
} from './_libsvm';
import type { BinarySolution, Rows, SolverSettings } from './train';

export interface SingleModelState extends KernelState {
  /** Dual coefficients of the support vectors, nSV. */
  dualCoef: Float64Array;
  rho: number;
  nIter: number;
}

/** Solves the problem on the (weighted) training rows, then keeps the rows with a nonzero coefficient. */
export function fitSingle(
  Xd: RowMajor,
  o: KernelOptions,
  estimator: string,
  solve: (rows: Rows, settings: SolverSettings, keep: number[]) => BinarySolution,
  weights: Float64Array,
): SingleModelState {
  checkPrecomputed(estimator, o.kernel, Xd);
  const gamma = o.kernel === 'precomputed' ? 0 : resolveGamma(o.gamma, Xd);
  const settings = settingsFrom(o, gamma);
  const keep: number[] = [];
  for (let i = 0; i < Xd.rows; i++) if (weights[i] > 0) keep.push(i);
  let rows: Rows = { X: Xd.data, n: Xd.rows, d: Xd.cols };
  if (keep.length < Xd.rows) {
    const m = keep.length;
    const precomputed = o.kernel === 'precomputed';
    const X = new Float64Array(precomputed ? m * m : m * Xd.cols);
    keep.forEach((r, a) => {
      if (precomputed) keep.forEach((c, b) => (X[a * m + b] = Xd.data[r * Xd.cols + c]));
      else X.set(Xd.data.subarray(r * Xd.cols, (r + 1) * Xd.cols), a * Xd.cols);
    });
    rows = { X, n: m, d: precomputed ? m : Xd.cols };
  }
  const sol = solve(rows, settings, keep);
  warnNotConverged(sol.converged, o.maxIter, estimator);
  checkFiniteModel(estimator, gamma, sol.coef, sol.rho);
  const support: number[] = [];
  const coef: number[] = [];
  for (let k = 0; k < keep.length; k++) {
    if (sol.coef[k] !== 0) {
      support.push(keep[k]);
      coef.push(sol.coef[k]);
    }
  }
  const sup = Int32Array.from(support);
  return {
    nFeaturesIn: Xd.cols,
    kernel: o.kernel,
    gamma,
    degree: o.degree,
    coef0: o.coef0,
    supportVectors: supportRows(Xd, sup, o.kernel),
    support: sup,
    dualCoef: Float64Array.from(coef),
    rho: sol.rho,
    nIter: sol.nIter,
  };
}

/** Σ coefᵢ K(svᵢ, x) − ρ for each row of X. */
export function singleDecision(s: SingleModelState, Xd: RowMajor): Float64Array {
  const Kx = kernelAgainstSupport(s, Xd);
  const nSV = s.support.length;
  const out = new Float64Array(Xd.rows);
  for (let t = 0; t < Xd.rows; t++) {
    let sum = 0;
    for (let k = 0; k < nSV; k++) sum += s.dualCoef[k] * Kx[t * nSV + k];
    out[t] = sum - s.rho;
  }
  return out;
}

/** Σ dualCoefᵢ·svᵢ, the primal weights of a linear-kernel model; other kernels throw. */
export function linearCoef(s: SingleModelState, estimator: string): number[] {
  if (s.kernel !== 'linear') {
    throw new ValidationError({
      code: 'unsupported',
      estimator,
      param: 'coef_',
      message: `${estimator}.coef_ is only available when using a linear kernel (kernel is '${s.kernel}').`,
    });
  }
  const d = s.nFeaturesIn;
  const w = new Array<number>(d).fill(0);
  for (let k = 0; k < s.support.length; k++) for (let f = 0; f < d; f++) w[f] += s.dualCoef[k] * s.supportVectors[k * d + f];
  return w;
}

/** Base of the kernel regressors (SVR and NuSVR). */
export abstract class BaseKernelRegressor<P extends KernelOptions> extends BaseRegressor<P, SingleModelState> {
  static override readonly className: string = 'BaseKernelRegressor';

  /** Predicted values: Σ dualCoefᵢ K(svᵢ, x) + intercept. */
  predict(X: MatrixLike): number[] {
    const s = this.fitted('predict');
    return Array.from(singleDecision(s, this.checkX(X, { copy: false })));
  }

  /** The support vectors, one row each. */
  get supportVectors_(): Matrix {
    return supportVectorMatrix(this.fitted('supportVectors_'));
  }
  /** Indices of the support vectors in the training data. */
  get support_(): number[] {
    return Array.from(this.fitted('support_').support);
  }
  /** Number of support vectors (one entry, as scikit-learn's `n_support_` for regressors). */
  get nSupport_(): number[] {
    return [this.fitted('nSupport_').support.length];
  }
  /** Coefficients of the support vectors in the decision function (1 × nSV). */
  get dualCoef_(): number[][] {
    return [Array.from(this.fitted('dualCoef_').dualCoef)];
  }
  /** The constant of the decision function (−ρ), one entry. */
  get intercept_(): number[] {
    return [-this.fitted('intercept_').rho + 0];
  }
  /** The primal weights, for the linear kernel only (1 × nFeatures). */
  get coef_(): number[][] {
    return [linearCoef(this.fitted('coef_'), this.className)];
  }
  /** SMO iterations. */
  get nIter_(): number {
    return this.fitted('nIter_').nIter;
  }
}

