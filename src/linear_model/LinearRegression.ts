import { BaseRegressor } from '../core/base';
import { ValidationError } from '../core/errors';
import { bool } from '../core/params';
import { registerEstimator } from '../core/serialization';
import type { MatrixLike } from '../core/types';
import { toSampleWeight, toTarget } from '../core/validation';
import { PREDICT_CHECK, linearScores, toNumberArray } from './_scores';
import { leastSquares } from './leastSquares';
import { int, refine, type StateSchema } from '../core/stateSchema';
import { linearRegressorState } from './_stateRules';

/** Options of {@link LinearRegression}. */
export interface LinearRegressionOptions {
  /**
   * Fit an intercept (centre X and y first). When false the data are expected to be centred.
   * @defaultValue true
   */
  fitIntercept: boolean;
}

interface LinearRegressionState {
  nFeaturesIn: number;
  coef: Float64Array;
  intercept: number;
  rank: number;
}

/**
 * Ordinary least squares: minimises ‖y − Xw − b‖², exactly (not by gradient descent). On
 * rank-deficient X it returns the minimum-norm solution, as scikit-learn does.
 *
 * Fitted attributes: `coef_`, `intercept_`, `rank_`, `nFeaturesIn_`.
 * @example
 * ```ts
 * import { LinearRegression } from 'typelearn';
 * const model = new LinearRegression().fit([[1, 1], [1, 2], [2, 2], [2, 3]], [6, 8, 9, 11]);
 * console.log(model.coef_.map((c) => +c.toFixed(6)), +model.intercept_.toFixed(6)); // [ 1, 2 ] 3
 * console.log(model.predict([[3, 5]]).map((v) => +v.toFixed(6))); // [ 16 ]
 * ```
 */
export class LinearRegression extends BaseRegressor<LinearRegressionOptions, LinearRegressionState> {
  static override readonly className = 'LinearRegression';
  /** The fitted state's rules, checked when a saved model is loaded. */
  static override readonly stateSchema: StateSchema = { ...linearRegressorState, rank: refine(int({ min: 0 }), 'at most nFeaturesIn', (v: number, { state }) => v <= (state.nFeaturesIn as number)) };
  static override readonly defaults: LinearRegressionOptions = { fitIntercept: true };
  static override readonly paramSchema = { fitIntercept: bool() };

  /**
   * Fits the model.
   * @param sampleWeight - optional non-negative weight per sample.
   */
  fit(X: MatrixLike, y: ArrayLike<number>, sampleWeight?: ArrayLike<number>): this {
    const Xd = this.checkX(X, { reset: true });
    const yv = toTarget(y, { estimator: this.className, length: Xd.rows });
    const w = sampleWeight === undefined ? undefined : toSampleWeight(sampleWeight, Xd.rows, this.className);
    const { coef, intercept, rank } = leastSquares(Xd, yv, { fitIntercept: this.params.fitIntercept, sampleWeight: w });
    if (!Number.isFinite(intercept) || !coef.every(Number.isFinite)) {
      // Data and target finite, but the solution is beyond the double range (e.g. X near 1e-320 with y near 1e300).
      throw new ValidationError({
        code: 'invalid_input',
        estimator: this.className,
        param: 'X',
        expected: 'features and target on scales whose least-squares coefficients are representable (rescale X or y)',
        received: 'data whose coefficients overflow the double range',
      });
    }
    this.state = { nFeaturesIn: Xd.cols, coef, intercept, rank };
    return this;
  }

  /** Predicts Xw + b. */
  predict(X: MatrixLike): number[] {
    const s = this.fitted('predict');
    return toNumberArray(linearScores(this.checkX(X, PREDICT_CHECK), s.coef, Float64Array.of(s.intercept), this.className));
  }

  /** The coefficients, one per feature. */
  get coef_(): number[] {
    return Array.from(this.fitted('coef_').coef);
  }

  /** The intercept (0 when `fitIntercept` is false). */
  get intercept_(): number {
    return this.fitted('intercept_').intercept;
  }

  /** The numerical rank of the (centred) design matrix. */
  get rank_(): number {
    return this.fitted('rank_').rank;
  }
}

registerEstimator(LinearRegression);
