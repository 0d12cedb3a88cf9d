import { BaseRegressor } from '../core/base';
import { ValidationError } from '../core/errors';
import { checkSquaresFinite } from '../core/overflow';
import { arrayOf, bool, int, nullable, num, oneOf, union } from '../core/params';
import { toRows } from '../core/math/toRows';
import { registerEstimator } from '../core/serialization';
import type { MatrixLike } from '../core/types';
import { toSampleWeight } from '../core/validation';
import { PREDICT_CHECK, linearScores, toNumberArray } from './_scores';
import { toTargets } from './_targets';
import { ridgeRegression, type RidgeSolver } from './ridgeSolvers';
import { orNull, numberArray, type StateSchema } from '../core/stateSchema';
import { multiTargetState } from './_stateRules';

/** Options of {@link Ridge}. */
export interface RidgeOptions {
  /**
   * The L2 penalty α ≥ 0 (0 is ordinary least squares): one number, or one per target for a 2-d y.
   * @defaultValue 1
   */
  alpha: number | number[];
  /** Fit an (unpenalised) intercept by centring X and y first. @defaultValue true */
  fitIntercept: boolean;
  /**
   * 'cholesky' solves (XᵀX + αI) w = Xᵀy (or the n × n kernel system XXᵀ + αI when there are more
   * features than samples); 'svd' uses the SVD of the centred X (exact also for α = 0 on
   * rank-deficient X); 'lsqr' is the iterative LSQR solver, which never forms XᵀX; 'auto' is
   * 'cholesky'. Cholesky falls back to SVD when the system is singular.
   * @defaultValue 'auto'
   */
  solver: RidgeSolver;
  /** Tolerance of 'lsqr' (its atol and btol); the direct solvers ignore it. @defaultValue 1e-4 */
  tol: number;
  /** Iteration limit of 'lsqr'; null means 2 × the number of features. @defaultValue null */
  maxIter: number | null;
}

interface RidgeState {
  nFeaturesIn: number;
  /** Whether y was 1-d (coef_ and predictions are then 1-d). */
  oneD: boolean;
  nTargets: number;
  /** nTargets × nFeaturesIn, flat. */
  coef: Float64Array;
  intercept: Float64Array;
  nIter: number[] | null;
}

/** Checks α against the targets: scikit-learn accepts one value or one per target. */
export function alphaPerTarget(alpha: number | number[], t: number, estimator: string): Float64Array {
  const a = typeof alpha === 'number' ? [alpha] : alpha;
  if (a.length !== 1 && a.length !== t) {
    throw new ValidationError({
      code: 'invalid_option',
      estimator,
      param: 'alpha',
      expected: `one value or one per target (${t})`,
      received: `${a.length} values`,
    });
  }
  return Float64Array.from({ length: t }, (_, k) => a[a.length === 1 ? 0 : k]);
}

/**
 * Ridge regression: minimises ‖y − Xw − b‖² + α‖w‖² (with sample weights, Σ sᵢ(yᵢ − xᵢw − b)² +
 * α‖w‖²), the intercept unpenalised, with scikit-learn's solvers and its coefficients. y may be
 * 1-d or 2-d (one column per target, each with its own α if `alpha` is an array).
 *
 * Fitted attributes: `coef_` (one entry per feature for 1-d y; one row per target for 2-d y),
 * `intercept_` (a number, or one per target), `nIter_` (LSQR iterations per target, null for the
 * direct solvers), `nFeaturesIn_`. `predict` returns `number[]` for 1-d y and `number[][]` (one
 * row per sample) for 2-d y.
 * @example
 * ```ts
 * import { Ridge } from 'typelearn';
 * const X = [[0, 0], [0, 1], [1, 0], [1, 1]];
 * const model = new Ridge({ alpha: 1 }).fit(X, [1, 3, 2, 4]);
 * console.log(model.coef_.map((c) => +(c as number).toFixed(4)), model.intercept_); // [ 0.5, 1 ] 1.75
 * console.log(model.predict([[2, 2]])); // [ 4.75 ]
 * ```
 */
export class Ridge extends BaseRegressor<RidgeOptions, RidgeState, number[] | number[][]> {
  static override readonly className = 'Ridge';
  /** The fitted state's rules, checked when a saved model is loaded. */
  static override readonly stateSchema: StateSchema = { ...multiTargetState, nIter: orNull(numberArray({ integer: true, min: 0, length: (c) => c.state.nTargets as number })) };
  static override readonly defaults: RidgeOptions = { alpha: 1, fitIntercept: true, solver: 'auto', tol: 1e-4, maxIter: null };
  static override readonly paramSchema = {
    alpha: union(num({ min: 0 }), arrayOf(num({ min: 0 }))),
    fitIntercept: bool(),
    solver: oneOf('auto', 'cholesky', 'svd', 'lsqr'),
    tol: num({ min: 0 }),
    maxIter: nullable(int({ min: 1 })),
  };

  /**
   * Fits the model.
   * @param y - one target per sample (`number[]`), or one row of targets per sample (`number[][]`).
   * @param sampleWeight - optional non-negative weight per sample.
   */
  fit(X: MatrixLike, y: ArrayLike<number> | ReadonlyArray<ArrayLike<number>>, sampleWeight?: ArrayLike<number>): this {
    const name = this.className;
    // Read in place: ridgeRegression centres X into a buffer of its own (inPlace: false).
    const Xd = this.checkX(X, { reset: true, copy: false });
    checkSquaresFinite(this.className, Xd, this.params.fitIntercept);
    const { Y, t, oneD } = toTargets(y, name, Xd.rows);
    const alpha = alphaPerTarget(this.params.alpha, t, name);
    const w = sampleWeight === undefined ? undefined : toSampleWeight(sampleWeight, Xd.rows, name);
    const { fitIntercept, solver, tol, maxIter } = this.params;
    const d = Xd.cols;
    const fit = ridgeRegression(Xd, Y, t, { alpha, fitIntercept, solver, tol, maxIter, sampleWeight: w, inPlace: false });
    this.state = { nFeaturesIn: d, oneD, nTargets: t, coef: fit.coef, intercept: fit.intercept, nIter: fit.nIter };
    return this;
  }

  /** Predicts Xw + b: `number[]` for a model fitted on 1-d y, else one row of targets per sample. */
  predict(X: MatrixLike): number[] | number[][] {
    const s = this.fitted('predict');
    const Xd = this.checkX(X, PREDICT_CHECK);
    const Z = linearScores(Xd, s.coef, s.intercept, this.className);
    return s.oneD ? toNumberArray(Z) : toRows(Z, Xd.rows, s.nTargets);
  }

  /** The coefficients: one per feature for 1-d y; one row per target for 2-d y. */
  get coef_(): number[] | number[][] {
    const s = this.fitted('coef_');
    return s.oneD ? Array.from(s.coef) : toRows(s.coef, s.nTargets, s.nFeaturesIn);
  }

  /** The intercept (0 when `fitIntercept` is false): a number for 1-d y, one per target for 2-d y. */
  get intercept_(): number | number[] {
    const s = this.fitted('intercept_');
    return s.oneD ? s.intercept[0] : Array.from(s.intercept);
  }

  /** LSQR iterations per target (solver 'lsqr'), else null. */
  get nIter_(): number[] | null {
    const n = this.fitted('nIter_').nIter;
    return n === null ? null : n.slice();
  }
}

registerEstimator(Ridge);
