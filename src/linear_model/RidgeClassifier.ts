import { labelsFromScores, weightByClass } from './_linearClassifier';
import type { Matrix } from 'ml-matrix';
import { BaseClassifier } from '../core/base';
import { checkSquaresFinite } from '../core/overflow';
import { bool, int, nullable, num, oneOf, record, union } from '../core/params';
import { registerEstimator } from '../core/serialization';
import type { Label, MatrixLike } from '../core/types';
import { classTarget, toSampleWeight } from '../core/validation';
import { matrixFromFlat } from '../core/data/index';
import { PREDICT_CHECK, linearScores, toNumberArray } from './_scores';
import { ridgeRegression, type RidgeSolver } from './ridgeSolvers';
import { orNull, numberArray, type StateSchema } from '../core/stateSchema';
import { classifierRows, linearClassifierState } from './_stateRules';

/** Options of {@link RidgeClassifier}. */
export interface RidgeClassifierOptions {
  /** The L2 penalty α ≥ 0. @defaultValue 1 */
  alpha: number;
  /** Fit an (unpenalised) intercept. @defaultValue true */
  fitIntercept: boolean;
  /** The ridge solver, as in {@link Ridge}. @defaultValue 'auto' */
  solver: RidgeSolver;
  /** Tolerance of 'lsqr'. @defaultValue 1e-4 */
  tol: number;
  /** Iteration limit of 'lsqr'; null means 2 × the number of features. @defaultValue null */
  maxIter: number | null;
  /**
   * Weights of the classes, multiplying the sample weights: 'balanced' (n_samples / (n_classes ·
   * count)), a map from label to weight (others 1), or null. @defaultValue null
   */
  classWeight: 'balanced' | Record<string, number> | null;
}

interface RidgeClassifierState {
  nFeaturesIn: number;
  classes: Label[];
  /** rows × nFeaturesIn, flat: one row for two classes, else one per class. */
  coef: Float64Array;
  intercept: Float64Array;
  nIter: number[] | null;
}

/**
 * A classifier by ridge regression, as scikit-learn's `RidgeClassifier`: labels become targets in
 * {−1, 1} (one column per class for more than two classes, a single column for the second class
 * otherwise), a multi-output {@link Ridge} is fitted to them, and the class with the largest score
 * wins.
 *
 * Fitted attributes: `classes_`, `coef_` (one row, or one per class), `intercept_`, `nIter_`,
 * `nFeaturesIn_`.
 * @example
 * ```ts
 * import { RidgeClassifier } from 'typelearn';
 * const X = [[0], [1], [2], [3]];
 * const clf = new RidgeClassifier({ alpha: 0.1 }).fit(X, ['a', 'a', 'b', 'b']);
 * console.log(clf.predict([[0.2], [2.8]])); // [ 'a', 'b' ]
 * console.log(clf.classes_, clf.coef_.length); // [ 'a', 'b' ] 1
 * ```
 */
export class RidgeClassifier<L extends Label = Label> extends BaseClassifier<RidgeClassifierOptions, RidgeClassifierState, L[], L> {
  static override readonly className = 'RidgeClassifier';
  /** The fitted state's rules, checked when a saved model is loaded. */
  static override readonly stateSchema: StateSchema = { ...linearClassifierState, nIter: orNull(numberArray({ integer: true, min: 0, length: classifierRows })) };
  static override readonly defaults: RidgeClassifierOptions = { alpha: 1, fitIntercept: true, solver: 'auto', tol: 1e-4, maxIter: null, classWeight: null };
  static override readonly paramSchema = {
    alpha: num({ min: 0 }),
    fitIntercept: bool(),
    solver: oneOf('auto', 'cholesky', 'svd', 'lsqr'),
    tol: num({ min: 0 }),
    maxIter: nullable(int({ min: 1 })),
    classWeight: nullable(union(oneOf('balanced'), record(num({ min: 0 })))),
  };

  /**
   * Fits the model.
   * @param sampleWeight - optional non-negative weight per sample (multiplied by class weights).
   */
  fit<T extends Label>(X: MatrixLike, y: ArrayLike<T>, sampleWeight?: ArrayLike<number>): RidgeClassifier<T>;
  fit(X: MatrixLike, y: ArrayLike<Label>, sampleWeight?: ArrayLike<number>): this {
    const name = this.className;
    const Xd = this.checkX(X, { reset: true });
    checkSquaresFinite(this.className, Xd, this.params.fitIntercept);
    const n = Xd.rows;
    const { classes, codes: yi } = classTarget(y, n, name);
    const K = classes.length;
    const t = K === 2 ? 1 : K;
    const Y = new Float64Array(n * t).fill(-1);
    for (let i = 0; i < n; i++) {
      if (t === 1) Y[i] = yi[i] === 1 ? 1 : -1;
      else Y[i * t + yi[i]] = 1;
    }
    const sw = sampleWeight === undefined ? new Float64Array(n).fill(1) : toSampleWeight(sampleWeight, n, name);
    const w = weightByClass(sw, yi, classes, this.params.classWeight, name);
    const { alpha, fitIntercept, solver, tol, maxIter } = this.params;
    const fit = ridgeRegression(Xd, Y, t, { alpha: new Float64Array(t).fill(alpha), fitIntercept, solver, tol, maxIter, sampleWeight: w });
    this.state = { nFeaturesIn: Xd.cols, classes, coef: fit.coef, intercept: fit.intercept, nIter: fit.nIter };
    return this;
  }

  /** Scores: `number[]` for two classes (positive means `classes_[1]`), else an n × K `Matrix`. */
  decisionFunction(X: MatrixLike): number[] | Matrix {
    const s = this.fitted('decisionFunction');
    const Xd = this.checkX(X, PREDICT_CHECK);
    const Z = linearScores(Xd, s.coef, s.intercept, this.className);
    const t = s.intercept.length;
    return t === 1 ? toNumberArray(Z) : matrixFromFlat(Z, Xd.rows, t);
  }

  /** The class with the largest score. */
  predict(X: MatrixLike): L[];
  predict(X: MatrixLike): Label[] {
    const s = this.fitted('predict');
    const Xd = this.checkX(X, PREDICT_CHECK);
    const Z = linearScores(Xd, s.coef, s.intercept, this.className);
    return labelsFromScores(Z, Xd.rows, s.intercept.length, s.classes);
  }

  /** Coefficients: one row for two classes, else one row per class. */
  get coef_(): number[][] {
    const s = this.fitted('coef_');
    const d = s.nFeaturesIn;
    return Array.from({ length: s.intercept.length }, (_, k) => Array.from(s.coef.subarray(k * d, (k + 1) * d)));
  }

  /** Intercepts, one per row of `coef_`. */
  get intercept_(): number[] {
    return Array.from(this.fitted('intercept_').intercept);
  }

  /** LSQR iterations per column (solver 'lsqr'), else null. */
  get nIter_(): number[] | null {
    const n = this.fitted('nIter_').nIter;
    return n === null ? null : n.slice();
  }
}

registerEstimator(RidgeClassifier);
