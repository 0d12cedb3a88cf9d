import type { Matrix } from 'ml-matrix';
import { BaseClassifier } from '../core/base';
import { classWeightVector, type ClassWeight } from '../core/classWeight';
import { ConvergenceWarning, warn } from '../core/errors';
import { bool, int, nullable, num, oneOf, record, union } from '../core/params';
import { RandomState } from '../core/random';
import { registerEstimator } from '../core/serialization';
import { checkFiniteModel } from './_libsvm';
import type { StateSchema } from '../core/stateSchema';
import { linearSvcState } from './_stateRules';
import type { Label, MatrixLike } from '../core/types';
import { classTarget, toSampleWeight } from '../core/validation';
import { matrixFromFlat, type RowMajor } from '../core/data';
import { linearSvcDual } from './dualCoordinateDescent';

/** Options of {@link LinearSVC}. */
export interface LinearSVCOptions {
  /** 'squared_hinge' (L2-loss) or 'hinge' (L1-loss). @defaultValue 'squared_hinge' */
  loss: 'squared_hinge' | 'hinge';
  /** Stopping tolerance of dual coordinate descent. @defaultValue 1e-4 */
  tol: number;
  /** Regularisation, > 0. @defaultValue 1 */
  C: number;
  /** Fit an intercept (as liblinear: a constant feature of value interceptScaling, regularised too). @defaultValue true */
  fitIntercept: boolean;
  /** The value of the constant feature that carries the intercept, > 0. @defaultValue 1 */
  interceptScaling: number;
  /** Class weights: 'balanced', a map from label to weight, or null. @defaultValue null */
  classWeight: ClassWeight;
  /** Passes over the data at most. @defaultValue 1000 */
  maxIter: number;
  /** Seed of the coordinate order (null: a fresh seed). @defaultValue null */
  randomState: number | null;
}

interface LinearSVCState {
  nFeaturesIn: number;
  classes: Label[];
  /** rows × nFeaturesIn, flat (one row for two classes). */
  coef: Float64Array;
  intercept: Float64Array;
  nIter: number;
}

/** X with a trailing constant column `scale` when fitting an intercept. */
export function withBias(X: RowMajor, fitIntercept: boolean, scale: number): { A: Float64Array; width: number } {
  if (!fitIntercept) return { A: X.data, width: X.cols };
  const width = X.cols + 1;
  const A = new Float64Array(X.rows * width);
  for (let i = 0; i < X.rows; i++) {
    A.set(X.data.subarray(i * X.cols, (i + 1) * X.cols), i * width);
    A[i * width + X.cols] = scale;
  }
  return { A, width };
}

/**
 * Linear support vector classification (scikit-learn's `LinearSVC` with its default `dual=True`,
 * liblinear's dual coordinate descent): L2 penalty, squared hinge or hinge loss, one-vs-rest for more
 * than two classes. Much faster than `SVC({ kernel: 'linear' })` on many rows; the intercept is
 * regularised, as in liblinear.
 *
 * Not offered: `penalty: 'l1'`, `dual: false` (liblinear's primal solvers) and `multiClass:
 * 'crammer_singer'`. The coordinate order comes from typelearn's generator, so the weights agree
 * with scikit-learn's to the solver's tolerance, not digit for digit.
 *
 * Fitted attributes: `classes_`, `coef_` (one row per class, one row for two classes), `intercept_`,
 * `nIter_`, `nFeaturesIn_`.
 * @example
 * ```ts
 * import { LinearSVC } from 'typelearn';
 * const X = [[0, 0], [1, 0], [0, 1], [3, 3], [4, 3], [3, 4]];
 * const y = [0, 0, 0, 1, 1, 1];
 * const clf = new LinearSVC({ randomState: 0 }).fit(X, y);
 * console.log(clf.predict([[0.5, 0.5], [3.5, 3.5]])); // [ 0, 1 ]
 * ```
 */
export class LinearSVC<L extends Label = Label> extends BaseClassifier<LinearSVCOptions, LinearSVCState, L[], L> {
  static override readonly className = 'LinearSVC';
  static override readonly defaults: LinearSVCOptions = {
    loss: 'squared_hinge',
    tol: 1e-4,
    C: 1,
    fitIntercept: true,
    interceptScaling: 1,
    classWeight: null,
    maxIter: 1000,
    randomState: null,
  };
  static override readonly paramSchema = {
    loss: oneOf('squared_hinge', 'hinge'),
    tol: num({ min: 0, minInclusive: false }),
    C: num({ min: 0, minInclusive: false }),
    fitIntercept: bool(),
    interceptScaling: num({ min: 0, minInclusive: false }),
    classWeight: nullable(union(oneOf('balanced'), record(num({ min: 0 })))),
    maxIter: int({ min: 0 }),
    randomState: nullable(int()),
  };
  static override readonly stateSchema: StateSchema = linearSvcState;

  /**
   * Fits the model.
   * @param sampleWeight - optional non-negative weight per sample (it scales the sample's C).
   */
  fit<T extends Label>(X: MatrixLike, y: ArrayLike<T>, sampleWeight?: ArrayLike<number>): LinearSVC<T>;
  fit(X: MatrixLike, y: ArrayLike<Label>, sampleWeight?: ArrayLike<number>): this {
    const name = this.className;
    const p = this.params;
    const Xd = this.checkX(X, { reset: true });
    const { classes, codes: yi } = classTarget(y, Xd.rows, name);
    const sw = sampleWeight === undefined ? new Float64Array(Xd.rows).fill(1) : toSampleWeight(sampleWeight, Xd.rows, name);
    const cw = classWeightVector(p.classWeight, classes, yi, name);
    const { A, width } = withBias(Xd, p.fitIntercept, p.interceptScaling);
    const d = Xd.cols;
    const K = classes.length;
    const targets = K === 2 ? [1] : classes.map((_, k) => k);
    const coef = new Float64Array(targets.length * d);
    const intercept = new Float64Array(targets.length);
    const random = new RandomState(p.randomState ?? undefined);
    let nIter = 0;
    let converged = true;
    // Rows with zero weight would have an upper bound of 0: liblinear drops them.
    const keep: number[] = [];
    for (let i = 0; i < Xd.rows; i++) if (sw[i] * cw[yi[i]] > 0) keep.push(i);
    const Ak = new Float64Array(keep.length * width);
    keep.forEach((r, a) => Ak.set(A.subarray(r * width, (r + 1) * width), a * width));
    const C = Float64Array.from(keep, (i) => p.C * cw[yi[i]] * sw[i]);
    targets.forEach((pos, r) => {
      const yb = Int8Array.from(keep, (i) => (yi[i] === pos ? 1 : -1));
      const res = linearSvcDual(Ak, keep.length, width, yb, C, p.loss === 'squared_hinge', p.tol, p.maxIter, random);
      nIter = Math.max(nIter, res.nIter);
      converged &&= res.converged;
      coef.set(res.w.subarray(0, d), r * d);
      intercept[r] = p.fitIntercept ? res.w[d] * p.interceptScaling : 0;
    });
    checkFiniteModel(name, coef, intercept);
    if (!converged) warn(new ConvergenceWarning('Liblinear failed to converge, increase the number of iterations (maxIter).', name));
    this.state = { nFeaturesIn: d, classes, coef, intercept, nIter };
    return this;
  }

  private scores(X: MatrixLike): { Z: Float64Array; rows: number; width: number; s: LinearSVCState } {
    const s = this.fitted('decisionFunction');
    const Xd = this.checkX(X, { copy: false });
    const width = s.intercept.length;
    const d = s.nFeaturesIn;
    const Z = new Float64Array(Xd.rows * width);
    for (let i = 0; i < Xd.rows; i++) {
      for (let k = 0; k < width; k++) {
        let v = s.intercept[k];
        for (let j = 0; j < d; j++) v += Xd.data[i * d + j] * s.coef[k * d + j];
        Z[i * width + k] = v;
      }
    }
    return { Z, rows: Xd.rows, width, s };
  }

  /** Signed distances: `number[]` for two classes (positive means `classes_[1]`), else n × nClasses. */
  decisionFunction(X: MatrixLike): number[] | Matrix {
    const { Z, rows, width } = this.scores(X);
    return width === 1 ? Array.from(Z) : matrixFromFlat(Z, rows, width);
  }

  /** The class of the largest score (the sign of the score for two classes). */
  predict(X: MatrixLike): L[];
  predict(X: MatrixLike): Label[] {
    const { Z, rows, width, s } = this.scores(X);
    const out = new Array<Label>(rows);
    for (let i = 0; i < rows; i++) {
      if (width === 1) out[i] = s.classes[Z[i] > 0 ? 1 : 0];
      else {
        let best = 0;
        for (let k = 1; k < width; k++) if (Z[i * width + k] > Z[i * width + best]) best = k;
        out[i] = s.classes[best];
      }
    }
    return out;
  }

  /** Weights: one row per class (one row for two classes). */
  get coef_(): number[][] {
    const s = this.fitted('coef_');
    const d = s.nFeaturesIn;
    return Array.from({ length: s.intercept.length }, (_, k) => Array.from(s.coef.subarray(k * d, (k + 1) * d)));
  }

  /** Intercepts, one per row of `coef_`. */
  get intercept_(): number[] {
    return Array.from(this.fitted('intercept_').intercept);
  }

  /** The largest number of passes over the data among the binary problems. */
  get nIter_(): number {
    return this.fitted('nIter_').nIter;
  }
}

registerEstimator(LinearSVC);
