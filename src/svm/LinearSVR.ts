import { BaseRegressor } from '../core/base';
import { ConvergenceWarning, warn } from '../core/errors';
import { bool, int, nullable, num, oneOf } from '../core/params';
import { RandomState } from '../core/random';
import { registerEstimator } from '../core/serialization';
import { checkFiniteModel } from './_libsvm';
import type { StateSchema } from '../core/stateSchema';
import { linearSvrState } from './_stateRules';
import type { MatrixLike } from '../core/types';
import { toSampleWeight, toTarget } from '../core/validation';
import { linearSvrDual } from './dualCoordinateDescent';
import { withBias } from './LinearSVC';

/** Options of {@link LinearSVR}. */
export interface LinearSVROptions {
  /** Half-width of the tube within which errors cost nothing, ≥ 0. @defaultValue 0 */
  epsilon: number;
  /** Stopping tolerance of dual coordinate descent. @defaultValue 1e-4 */
  tol: number;
  /** Regularisation, > 0. @defaultValue 1 */
  C: number;
  /** 'epsilon_insensitive' (L1-loss) or 'squared_epsilon_insensitive' (L2-loss). @defaultValue 'epsilon_insensitive' */
  loss: 'epsilon_insensitive' | 'squared_epsilon_insensitive';
  /** Fit an intercept (a constant feature of value interceptScaling, regularised too). @defaultValue true */
  fitIntercept: boolean;
  /** The value of the constant feature that carries the intercept, > 0. @defaultValue 1 */
  interceptScaling: number;
  /** Passes over the data at most. @defaultValue 1000 */
  maxIter: number;
  /** Seed of the coordinate order (null: a fresh seed). @defaultValue null */
  randomState: number | null;
}

interface LinearSVRState {
  nFeaturesIn: number;
  coef: Float64Array;
  intercept: number;
  nIter: number;
}

/**
 * Linear support vector regression (scikit-learn's `LinearSVR` with `dual=True`, liblinear's dual
 * coordinate descent). `dual: false` (the primal solver) is not offered.
 *
 * Fitted attributes: `coef_`, `intercept_` (one entry), `nIter_`, `nFeaturesIn_`.
 * @example
 * ```ts
 * import { LinearSVR } from 'typelearn';
 * const X = [[0], [1], [2], [3], [4]];
 * const y = [1, 3, 5, 7, 9];
 * const reg = new LinearSVR({ C: 100, randomState: 0, maxIter: 10000 }).fit(X, y);
 * console.log(reg.predict([[5]]).map((v) => Math.round(v))); // [ 11 ]
 * ```
 */
export class LinearSVR extends BaseRegressor<LinearSVROptions, LinearSVRState> {
  static override readonly className = 'LinearSVR';
  static override readonly defaults: LinearSVROptions = {
    epsilon: 0,
    tol: 1e-4,
    C: 1,
    loss: 'epsilon_insensitive',
    fitIntercept: true,
    interceptScaling: 1,
    maxIter: 1000,
    randomState: null,
  };
  static override readonly paramSchema = {
    epsilon: num({ min: 0 }),
    tol: num({ min: 0, minInclusive: false }),
    C: num({ min: 0, minInclusive: false }),
    loss: oneOf('epsilon_insensitive', 'squared_epsilon_insensitive'),
    fitIntercept: bool(),
    interceptScaling: num({ min: 0, minInclusive: false }),
    maxIter: int({ min: 0 }),
    randomState: nullable(int()),
  };
  static override readonly stateSchema: StateSchema = linearSvrState;

  /**
   * Fits the model.
   * @param sampleWeight - optional non-negative weight per sample (it scales the sample's C).
   */
  fit(X: MatrixLike, y: ArrayLike<number>, sampleWeight?: ArrayLike<number>): this {
    const name = this.className;
    const p = this.params;
    const Xd = this.checkX(X, { reset: true });
    const target = toTarget(y, { estimator: name, length: Xd.rows });
    const sw = sampleWeight === undefined ? new Float64Array(Xd.rows).fill(1) : toSampleWeight(sampleWeight, Xd.rows, name);
    const { A, width } = withBias(Xd, p.fitIntercept, p.interceptScaling);
    const keep: number[] = [];
    for (let i = 0; i < Xd.rows; i++) if (sw[i] > 0) keep.push(i);
    const Ak = new Float64Array(keep.length * width);
    keep.forEach((r, a) => Ak.set(A.subarray(r * width, (r + 1) * width), a * width));
    const res = linearSvrDual(
      Ak,
      keep.length,
      width,
      Float64Array.from(keep, (i) => target[i]),
      Float64Array.from(keep, (i) => p.C * sw[i]),
      p.epsilon,
      p.loss === 'squared_epsilon_insensitive',
      p.tol,
      p.maxIter,
      new RandomState(p.randomState ?? undefined),
    );
    checkFiniteModel(name, res.w);
    if (!res.converged) warn(new ConvergenceWarning('Liblinear failed to converge, increase the number of iterations (maxIter).', name));
    const d = Xd.cols;
    this.state = {
      nFeaturesIn: d,
      coef: Float64Array.from(res.w.subarray(0, d)),
      intercept: p.fitIntercept ? res.w[d] * p.interceptScaling : 0,
      nIter: res.nIter,
    };
    return this;
  }

  /** Predicted values wᵀx + b. */
  predict(X: MatrixLike): number[] {
    const s = this.fitted('predict');
    const Xd = this.checkX(X, { copy: false });
    const d = s.nFeaturesIn;
    const out = new Array<number>(Xd.rows);
    for (let i = 0; i < Xd.rows; i++) {
      let v = s.intercept;
      for (let j = 0; j < d; j++) v += Xd.data[i * d + j] * s.coef[j];
      out[i] = v;
    }
    return out;
  }

  /** Weights, one per feature. */
  get coef_(): number[] {
    return Array.from(this.fitted('coef_').coef);
  }

  /** The intercept, one entry (scikit-learn's shape). */
  get intercept_(): number[] {
    return [this.fitted('intercept_').intercept];
  }

  /** Passes over the data. */
  get nIter_(): number {
    return this.fitted('nIter_').nIter;
  }
}

registerEstimator(LinearSVR);
