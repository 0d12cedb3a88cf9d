/**
 * What ElasticNet and Lasso share: options, fit by coordinate descent, predict and the fitted
 * attributes. Lasso is ElasticNet with l1Ratio fixed at 1 (as in scikit-learn, where Lasso
 * subclasses ElasticNet); here both extend this base so that Lasso's options do not include
 * l1Ratio.
 */
import { BaseRegressor } from '../core/base';
import { TypelearnWarning, warn } from '../core/errors';
import { checkFiniteFit, checkSquaresFinite } from '../core/overflow';
import { bool, int, num, oneOf, randomStateSpec } from '../core/params';
import { checkRandomState } from '../core/random';
import type { MatrixLike } from '../core/types';
import { toSampleWeight, toTarget } from '../core/validation';
import { prepareEnetData, runEnetPath, warnNotConverged } from './_enetPath';
import { numberValue, type StateSchema } from '../core/stateSchema';
import { linearRegressorState } from './_stateRules';
import { PREDICT_CHECK, linearScores, toNumberArray } from './_scores';

/** The options Lasso and ElasticNet share. */
export interface CoordinateDescentOptions {
  /** The regularisation strength α, ≥ 0 (0 is allowed but better served by LinearRegression). @defaultValue 1 */
  alpha: number;
  /** Fit an intercept (by centring X and y, weighted when weights are given). @defaultValue true */
  fitIntercept: boolean;
  /** The maximum number of sweeps over the features, ≥ 1. @defaultValue 1000 */
  maxIter: number;
  /**
   * The tolerance, ≥ 0: after a sweep whose largest coefficient change is below tol times the
   * largest coefficient, the duality gap is computed, and the fit stops once it is below
   * tol·‖y‖² / n (scikit-learn's rule). @defaultValue 1e-4
   */
  tol: number;
  /** Start from the coefficients of the previous fit (when there is one, with as many features). @defaultValue false */
  warmStart: boolean;
  /** Constrain the coefficients to be ≥ 0. @defaultValue false */
  positive: boolean;
  /** Seed of the generator used with `selection: 'random'`; null draws a fresh seed. @defaultValue null */
  randomState: number | null;
  /**
   * 'cyclic' updates the features in order; 'random' picks a random feature at each step, which
   * often converges faster when tol is above 1e-4. @defaultValue 'cyclic'
   */
  selection: 'cyclic' | 'random';
}

/** The fitted state of Lasso and ElasticNet. */
export interface ElasticNetState {
  nFeaturesIn: number;
  coef: Float64Array;
  intercept: number;
  nIter: number;
  dualGap: number;
}

export const CD_DEFAULTS: CoordinateDescentOptions = {
  alpha: 1,
  fitIntercept: true,
  maxIter: 1000,
  tol: 1e-4,
  warmStart: false,
  positive: false,
  randomState: null,
  selection: 'cyclic',
};

export const CD_SCHEMA = {
  alpha: num({ min: 0 }),
  fitIntercept: bool(),
  maxIter: int({ min: 1 }),
  tol: num({ min: 0 }),
  warmStart: bool(),
  positive: bool(),
  randomState: randomStateSpec,
  selection: oneOf('cyclic', 'random'),
};

/** Intercept = ȳ − x̄ · w (0 without an intercept, where the means are zero). */
export function interceptOf(xMean: Float64Array, yMean: number, coef: Float64Array): number {
  let b = yMean;
  for (let j = 0; j < coef.length; j++) b -= xMean[j] * coef[j];
  return b;
}

/** Throws scikit-learn's error for coefficients that overflowed. */
export function checkFinite(estimator: string, coef: Float64Array, intercept: number): void {
  checkFiniteFit(estimator, [coef, intercept], 'coordinate descent iterations resulted in non-finite parameter values.');
}

/** The base of {@link ElasticNet} and {@link Lasso}. */
export abstract class BaseElasticNet<P extends CoordinateDescentOptions> extends BaseRegressor<P, ElasticNetState> {
  static override readonly className: string = 'BaseElasticNet';
  /** The fitted state's rules, checked when a saved model is loaded. */
  static override readonly stateSchema: StateSchema = { ...linearRegressorState, nIter: int({ min: 0 }), dualGap: numberValue() };

  /** The l1 share of the penalty. */
  protected abstract l1RatioValue(): number;

  /**
   * Fits the model by coordinate descent.
   * @param y - one target value per sample (multi-output targets are not supported).
   * @param sampleWeight - optional non-negative weight per sample; rescaled to sum to the number of
   *   samples, as scikit-learn does, so α keeps its meaning.
   */
  fit(X: MatrixLike, y: ArrayLike<number>, sampleWeight?: ArrayLike<number>): this {
    const name = this.className;
    // Read in place: prepareEnetData copies X into its own centred column-major buffer.
    const Xd = this.checkX(X, { reset: true, copy: false });
    checkSquaresFinite(this.className, Xd, this.params.fitIntercept);
    const yv = toTarget(y, { estimator: name, length: Xd.rows });
    const sw = sampleWeight === undefined ? undefined : toSampleWeight(sampleWeight, Xd.rows, name);
    const { alpha, fitIntercept, maxIter, tol, positive, selection, randomState, warmStart } = this.params;
    if (alpha === 0) {
      warn(new TypelearnWarning('With alpha=0, this algorithm does not converge well. You are advised to use the LinearRegression estimator.', name));
    }
    const data = prepareEnetData(Xd, yv, fitIntercept, undefined, sw);
    const previous = this.state;
    const init = warmStart && previous && previous.coef.length === Xd.cols ? previous.coef : undefined;
    const random = selection === 'random' ? checkRandomState(randomState) : null;
    const path = runEnetPath(data, [alpha], this.l1RatioValue(), { maxIter, tol, positive, random }, init);
    warnNotConverged(name, path.notConverged);
    const coef = path.coefs[0];
    const intercept = fitIntercept ? interceptOf(data.xMean, data.yMean, coef) : 0;
    checkFinite(name, coef, intercept);
    this.state = { nFeaturesIn: Xd.cols, coef, intercept, nIter: path.nIters[0], dualGap: path.dualGaps[0] };
    return this;
  }

  /** Predicts Xw + b. */
  predict(X: MatrixLike): number[] {
    const s = this.fitted('predict');
    return toNumberArray(linearScores(this.checkX(X, PREDICT_CHECK), s.coef, Float64Array.of(s.intercept), this.className));
  }

  /** The coefficients, one per feature (exact zeros for the features the L1 penalty dropped). */
  get coef_(): number[] {
    return Array.from(this.fitted('coef_').coef);
  }

  /** The intercept (0 when `fitIntercept` is false). */
  get intercept_(): number {
    return this.fitted('intercept_').intercept;
  }

  /** The sweeps coordinate descent ran. */
  get nIter_(): number {
    return this.fitted('nIter_').nIter;
  }

  /** The duality gap at the end of the fit (in the scale of the objective, i.e. divided by n). */
  get dualGap_(): number {
    return this.fitted('dualGap_').dualGap;
  }
}
