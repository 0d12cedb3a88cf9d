import { BaseEstimator } from '../core/base';
import { num } from '../core/params';
import { registerEstimator } from '../core/serialization';
import type { StateSchema } from '../core/stateSchema';
import { singleState } from './_stateRules';
import type { EstimatorTags, MatrixLike, Target } from '../core/types';
import { toSampleWeight } from '../core/validation';
import type { Matrix } from 'ml-matrix';
import { KERNEL_DEFAULTS, KERNEL_SCHEMA, supportVectorMatrix, type KernelOptions } from './_libsvm';
import { fitSingle, linearCoef, singleDecision, type SingleModelState } from './_BaseSVR';
import { solveOneClass } from './train';

/** Options of {@link OneClassSVM}. */
export interface OneClassSVMOptions extends KernelOptions {
  /** An upper bound on the fraction of training outliers and a lower bound on the fraction of support vectors, in (0, 1]. @defaultValue 0.5 */
  nu: number;
}

/**
 * Unsupervised outlier detection (scikit-learn's `OneClassSVM`, Schölkopf et al.'s one-class SVM
 * as in libsvm): learns a boundary around the training data; `predict` returns +1 inside (inliers)
 * and −1 outside (outliers). Useful to flag noisy or novel rows before or after a model.
 *
 * Fitted attributes: `supportVectors_`, `support_`, `dualCoef_`, `intercept_`, `offset_`
 * (decisionFunction = scoreSamples − offset_), `coef_` (linear kernel only), `nIter_`, `nFeaturesIn_`.
 * @example
 * ```ts
 * import { OneClassSVM } from 'typelearn';
 * const X = [[0, 0], [0.1, 0], [0, 0.1], [0.1, 0.1], [0.05, 0.05]];
 * const det = new OneClassSVM({ nu: 0.1, gamma: 1 }).fit(X);
 * console.log(det.predict([[0.05, 0.05], [5, 5]])); // [ 1, -1 ]
 * ```
 */
export class OneClassSVM extends BaseEstimator<OneClassSVMOptions, SingleModelState> {
  static override readonly className = 'OneClassSVM';
  static override readonly defaults: OneClassSVMOptions = { ...KERNEL_DEFAULTS, nu: 0.5 };
  static override readonly paramSchema = { ...KERNEL_SCHEMA, nu: num({ min: 0, max: 1, minInclusive: false }) };
  static override readonly stateSchema: StateSchema = singleState;
  static override readonly tags: Partial<EstimatorTags> = { estimatorType: 'other' };

  /**
   * Fits the boundary on X (y is ignored).
   * @param sampleWeight - optional non-negative weight per sample.
   */
  fit(X: MatrixLike, _y?: Target | null, sampleWeight?: ArrayLike<number>): this {
    const name = this.className;
    const Xd = this.checkX(X, { reset: true });
    const sw = sampleWeight === undefined ? new Float64Array(Xd.rows).fill(1) : toSampleWeight(sampleWeight, Xd.rows, name);
    const { nu } = this.params;
    this.state = fitSingle(Xd, this.params, name, (rows, settings, keep) => solveOneClass(rows, Float64Array.from(keep, (i) => sw[i]), nu, settings), sw);
    return this;
  }

  /** Signed distance to the boundary: positive for inliers, negative for outliers. */
  decisionFunction(X: MatrixLike): number[] {
    const s = this.fitted('decisionFunction');
    return Array.from(singleDecision(s, this.checkX(X, { copy: false })));
  }

  /** The unshifted score: decisionFunction + offset_. */
  scoreSamples(X: MatrixLike): number[] {
    const s = this.fitted('scoreSamples');
    return Array.from(singleDecision(s, this.checkX(X, { copy: false })), (v) => v + s.rho);
  }

  /** +1 for inliers, −1 for outliers. */
  predict(X: MatrixLike): number[] {
    return this.decisionFunction(X).map((v) => (v > 0 ? 1 : -1));
  }

  /** Fits, then predicts the training rows. */
  fitPredict(X: MatrixLike, y?: Target | null, sampleWeight?: ArrayLike<number>): number[] {
    return this.fit(X, y, sampleWeight).predict(X);
  }

  /** The offset ρ subtracted from the raw scores (scikit-learn's `offset_`). */
  get offset_(): number {
    return this.fitted('offset_').rho;
  }
  /** The support vectors, one row each. */
  get supportVectors_(): Matrix {
    return supportVectorMatrix(this.fitted('supportVectors_'));
  }
  /** Indices of the support vectors in the training data. */
  get support_(): number[] {
    return Array.from(this.fitted('support_').support);
  }
  /** Number of support vectors (one entry). */
  get nSupport_(): number[] {
    return [this.fitted('nSupport_').support.length];
  }
  /** Coefficients of the support vectors (1 × nSV). */
  get dualCoef_(): number[][] {
    return [Array.from(this.fitted('dualCoef_').dualCoef)];
  }
  /** −offset_, one entry. */
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

registerEstimator(OneClassSVM);
