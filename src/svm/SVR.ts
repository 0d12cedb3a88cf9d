import { num } from '../core/params';
import { ProgressReporter, readFitOptions, type FitOptions } from '../core/fitControl';
import { withProgress } from './_libsvm';
import { registerEstimator } from '../core/serialization';
import type { StateSchema } from '../core/stateSchema';
import { singleState } from './_stateRules';
import type { MatrixLike } from '../core/types';
import { toSampleWeight, toTarget } from '../core/validation';
import { KERNEL_DEFAULTS, KERNEL_SCHEMA, type KernelOptions } from './_libsvm';
import { BaseKernelRegressor, fitSingle } from './_BaseSVR';
import { solveEpsilonSVR } from './train';

/** Options of {@link SVR}. */
export interface SVROptions extends KernelOptions {
  /** Regularisation: the bound of each dual variable (times its sample weight), > 0. @defaultValue 1 */
  C: number;
  /** Half-width of the tube within which errors cost nothing, ≥ 0. @defaultValue 0.1 */
  epsilon: number;
}

/**
 * Epsilon-support vector regression (scikit-learn's `SVR`, libsvm's ε-SVR), on typelearn's SMO
 * solver: minimises ½‖w‖² + C Σ max(0, |yᵢ − f(xᵢ)| − ε) in the kernel's feature space.
 *
 * Fitted attributes: `supportVectors_`, `support_`, `nSupport_`, `dualCoef_` (αᵢ⁺ − αᵢ⁻),
 * `intercept_`, `coef_` (linear kernel only), `nIter_`, `nFeaturesIn_`.
 * @example
 * ```ts
 * import { SVR } from 'typelearn';
 * const X = [[0], [1], [2], [3], [4], [5]];
 * const y = [0, 1, 2, 3, 4, 5];
 * const reg = new SVR({ kernel: 'linear', C: 10, epsilon: 0.01 }).fit(X, y);
 * console.log(reg.predict([[2.5]]).map((v) => +v.toFixed(1))); // [ 2.5 ]
 * ```
 */
export class SVR extends BaseKernelRegressor<SVROptions> {
  static override readonly className = 'SVR';
  static override readonly defaults: SVROptions = { ...KERNEL_DEFAULTS, C: 1, epsilon: 0.1 };
  static override readonly paramSchema = { ...KERNEL_SCHEMA, C: num({ min: 0, minInclusive: false }), epsilon: num({ min: 0 }) };
  static override readonly stateSchema: StateSchema = singleState;

  /**
   * Fits the model.
   * @param sampleWeightOrOptions - optional non-negative weight per sample (it scales the sample's
   *   C), or `{ sampleWeight?, onProgress?, signal? }`: `onProgress` every 1000 SMO iterations and
   *   at the end (unit `'chunk'`, total NaN), `signal` checked then; an abort keeps the previous fit.
   */
  fit(X: MatrixLike, y: ArrayLike<number>, sampleWeightOrOptions?: ArrayLike<number> | FitOptions): this {
    const name = this.className;
    const { sampleWeight, control } = readFitOptions(name, sampleWeightOrOptions);
    const progress = new ProgressReporter(control, 'chunk', NaN);
    const Xd = this.checkX(X, { reset: true });
    const target = toTarget(y, { estimator: name, length: Xd.rows });
    const sw = sampleWeight === undefined ? new Float64Array(Xd.rows).fill(1) : toSampleWeight(sampleWeight, Xd.rows, name);
    const { C, epsilon } = this.params;
    this.state = fitSingle(Xd, this.params, name, (rows, settings, keep) => {
      const t = Float64Array.from(keep, (i) => target[i]);
      const b = Float64Array.from(keep, (i) => C * sw[i]);
      return solveEpsilonSVR(rows, t, b, epsilon, withProgress(settings, progress));
    }, sw);
    return this;
  }
}

registerEstimator(SVR);
