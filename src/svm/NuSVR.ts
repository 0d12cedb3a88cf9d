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
import { solveNuSVR } from './train';

/** Options of {@link NuSVR}. */
export interface NuSVROptions extends KernelOptions {
  /** An upper bound on the fraction of training errors and a lower bound on the fraction of support vectors, in (0, 1]. @defaultValue 0.5 */
  nu: number;
  /** Regularisation, > 0. @defaultValue 1 */
  C: number;
}

/**
 * Nu-support vector regression (scikit-learn's `NuSVR`, libsvm's ν-SVR): like {@link SVR}, but the
 * tube width ε is learnt, with `nu` controlling the fraction of support vectors instead.
 *
 * Fitted attributes: `supportVectors_`, `support_`, `nSupport_`, `dualCoef_`, `intercept_`,
 * `coef_` (linear kernel only), `nIter_`, `nFeaturesIn_`.
 * @example
 * ```ts
 * import { NuSVR } from 'typelearn';
 * const X = [[0], [1], [2], [3], [4], [5]];
 * const y = [0, 1, 2, 3, 4, 5];
 * const reg = new NuSVR({ kernel: 'linear', C: 10, nu: 0.5 }).fit(X, y);
 * console.log(reg.predict([[2.5]]).map((v) => +v.toFixed(1))); // [ 2.5 ]
 * ```
 */
export class NuSVR extends BaseKernelRegressor<NuSVROptions> {
  static override readonly className = 'NuSVR';
  static override readonly defaults: NuSVROptions = { ...KERNEL_DEFAULTS, nu: 0.5, C: 1 };
  static override readonly paramSchema = { ...KERNEL_SCHEMA, nu: num({ min: 0, max: 1, minInclusive: false }), C: num({ min: 0, minInclusive: false }) };
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
    const { C, nu } = this.params;
    this.state = fitSingle(Xd, this.params, name, (rows, settings, keep) => {
      const t = Float64Array.from(keep, (i) => target[i]);
      const b = Float64Array.from(keep, (i) => C * sw[i]);
      return solveNuSVR(rows, t, b, nu, withProgress(settings, progress));
    }, sw);
    return this;
  }
}

registerEstimator(NuSVR);
