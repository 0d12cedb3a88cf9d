import type { Matrix } from 'ml-matrix';
import { BaseClassifier } from '../core/base';
import { ConvergenceWarning, ValidationError, warn } from '../core/errors';
import { lbfgs } from '../core/optimize/lbfgs';
import { bool, int, nullable, num, oneOf, record, union } from '../core/params';
import { registerEstimator } from '../core/serialization';
import type { Label, MatrixLike } from '../core/types';
import { encodeLabels, matrixFromFlat, toLabels, toSampleWeight, uniqueLabels, type Dense } from '../core/validation';
import { binaryLogisticObjective, multinomialLogisticObjective, sigmoid } from './logisticLoss';

/** Options of {@link LogisticRegression}. */
export interface LogisticRegressionOptions {
  /** The penalty: 'l2' or null for none. @defaultValue 'l2' */
  penalty: 'l2' | null;
  /** Inverse regularisation strength, > 0: smaller means stronger regularisation. @defaultValue 1 */
  C: number;
  /** Stop when the largest gradient component is at most tol. @defaultValue 1e-4 */
  tol: number;
  /** Fit an intercept (not penalised). @defaultValue true */
  fitIntercept: boolean;
  /**
   * Weights of the classes: 'balanced' (n_samples / (n_classes · count)), a map from label to weight,
   * or null for equal weights. @defaultValue null
   */
  classWeight: 'balanced' | Record<string, number> | null;
  /** Iteration limit of the solver. @defaultValue 100 */
  maxIter: number;
  /**
   * 'multinomial' (softmax over all classes), 'ovr' (one binary problem per class), or 'auto'
   * (multinomial for more than two classes). @defaultValue 'auto'
   */
  multiClass: 'auto' | 'ovr' | 'multinomial';
  /** The solver. @defaultValue 'lbfgs' */
  solver: 'lbfgs';
}

interface LogisticRegressionState {
  nFeaturesIn: number;
  classes: Label[];
  /** 'binary' (one row of coefficients), 'multinomial' or 'ovr' (one row per class). */
  kind: 'binary' | 'multinomial' | 'ovr';
  /** Coefficient rows, flat: rows × nFeaturesIn. */
  coef: Float64Array;
  intercept: Float64Array;
  nIter: number[];
}

/**
 * Logistic regression (a classifier), minimising the penalised log-loss exactly as scikit-learn's
 * lbfgs solver does: Σ sᵢ·logloss(xᵢ) + ‖W‖² / (2C), the intercept unpenalised. More than two
 * classes are fitted multinomially by default (`multiClass: 'ovr'` fits one-vs-rest).
 *
 * Fitted attributes: `classes_`, `coef_` (one row per class, one row in the binary case),
 * `intercept_`, `nIter_`, `nFeaturesIn_`.
 * @example
 * ```ts
 * import { LogisticRegression } from 'typelearn';
 * const X = [[0], [1], [2], [3], [4], [5]];
 * const y = ['no', 'no', 'no', 'yes', 'yes', 'yes'];
 * const clf = new LogisticRegression({ C: 10 }).fit(X, y);
 * console.log(clf.predict([[0.5], [4.5]])); // [ 'no', 'yes' ]
 * console.log(clf.predictProba([[2.5]]).getRow(0).map((p) => +p.toFixed(2))); // [ 0.5, 0.5 ]
 * ```
 */
export class LogisticRegression extends BaseClassifier<LogisticRegressionOptions, LogisticRegressionState> {
  static override readonly className = 'LogisticRegression';
  static override readonly defaults: LogisticRegressionOptions = {
    penalty: 'l2',
    C: 1,
    tol: 1e-4,
    fitIntercept: true,
    classWeight: null,
    maxIter: 100,
    multiClass: 'auto',
    solver: 'lbfgs',
  };
  static override readonly paramSchema = {
    penalty: oneOf('l2', null),
    C: num({ min: 0, minInclusive: false }),
    tol: num({ min: 0 }),
    fitIntercept: bool(),
    classWeight: nullable(union(oneOf('balanced'), record(num({ min: 0 })))),
    maxIter: int({ min: 0 }),
    multiClass: oneOf('auto', 'ovr', 'multinomial'),
    solver: oneOf('lbfgs'),
  };

  /**
   * Fits the model.
   * @param sampleWeight - optional non-negative weight per sample (multiplied by class weights).
   */
  fit(X: MatrixLike, y: ArrayLike<Label>, sampleWeight?: ArrayLike<number>): this {
    const name = this.className;
    const Xd = this.checkX(X, { reset: true });
    const labels = toLabels(y, { estimator: name, length: Xd.rows });
    const classes = uniqueLabels(labels);
    if (classes.length < 2) {
      throw new ValidationError({
        code: 'invalid_input',
        estimator: name,
        param: 'y',
        expected: 'samples of at least 2 classes',
        received: `only one class (${JSON.stringify(classes[0])})`,
      });
    }
    const yi = encodeLabels(labels, classes, name);
    const sw = sampleWeight === undefined ? new Float64Array(Xd.rows).fill(1) : toSampleWeight(sampleWeight, Xd.rows, name);
    const { C, penalty, fitIntercept, maxIter, tol } = this.params;
    const alpha = penalty === null ? 0 : 1 / C;
    const K = classes.length;
    const kind: LogisticRegressionState['kind'] =
      K === 2 ? 'binary' : this.params.multiClass === 'ovr' ? 'ovr' : 'multinomial';
    const d = Xd.cols;
    const solverOptions = { maxIter, gtol: tol };
    let coef: Float64Array;
    let intercept: Float64Array;
    const nIter: number[] = [];
    let notConverged = false;

    if (kind === 'multinomial') {
      const w = applyClassWeights(sw, yi, classes, this.params.classWeight, name);
      const res = lbfgs(multinomialLogisticObjective(Xd, yi, K, w, alpha, fitIntercept), new Float64Array(K * (d + 1)), solverOptions);
      nIter.push(res.nIter);
      notConverged = res.message === 'maxIter';
      coef = new Float64Array(K * d);
      intercept = new Float64Array(K);
      for (let k = 0; k < K; k++) {
        coef.set(res.x.subarray(k * (d + 1), k * (d + 1) + d), k * d);
        intercept[k] = fitIntercept ? res.x[k * (d + 1) + d] : 0;
      }
    } else {
      const problems = kind === 'binary' ? [1] : classes.map((_, k) => k);
      coef = new Float64Array(problems.length * d);
      intercept = new Float64Array(problems.length);
      problems.forEach((pos, r) => {
        const yb = new Float64Array(Xd.rows);
        for (let i = 0; i < Xd.rows; i++) yb[i] = yi[i] === pos ? 1 : 0;
        // Dict weights follow the original labels; 'balanced' is computed on the binarised labels, as in scikit-learn.
        const cw = this.params.classWeight;
        const w =
          cw === 'balanced'
            ? applyClassWeights(sw, Int32Array.from(yb), [0, 1], 'balanced', name)
            : applyClassWeights(sw, yi, classes, cw, name);
        const res = lbfgs(binaryLogisticObjective(Xd, yb, w, alpha, fitIntercept), new Float64Array(d + 1), solverOptions);
        nIter.push(res.nIter);
        notConverged ||= res.message === 'maxIter';
        coef.set(res.x.subarray(0, d), r * d);
        intercept[r] = fitIntercept ? res.x[d] : 0;
      });
    }
    if (notConverged) {
      warn(
        new ConvergenceWarning(
          `lbfgs failed to converge (status=1): STOP: TOTAL NO. of ITERATIONS REACHED LIMIT (maxIter=${maxIter}). ` +
            'Increase maxIter or scale the data (e.g. with StandardScaler).',
          name,
        ),
      );
    }
    this.state = { nFeaturesIn: d, classes, kind, coef, intercept, nIter };
    return this;
  }

  /** Raw scores: n × rows of coef (one column per class, or a single column in the binary case). */
  private scores(X: MatrixLike): { s: LogisticRegressionState; Z: Float64Array; rows: number; width: number } {
    const s = this.fitted('decisionFunction');
    const Xd: Dense = this.checkX(X);
    const width = s.intercept.length;
    const d = Xd.cols;
    const Z = new Float64Array(Xd.rows * width);
    for (let i = 0; i < Xd.rows; i++) {
      const off = i * d;
      for (let k = 0; k < width; k++) {
        let v = s.intercept[k];
        const ck = k * d;
        for (let j = 0; j < d; j++) v += Xd.data[off + j] * s.coef[ck + j];
        Z[i * width + k] = v;
      }
    }
    return { s, Z, rows: Xd.rows, width };
  }

  /** Signed distances to the decision boundary: `number[]` for two classes, else an n × K `Matrix`. */
  decisionFunction(X: MatrixLike): number[] | Matrix {
    const { Z, rows, width } = this.scores(X);
    return width === 1 ? Array.from(Z) : matrixFromFlat(Z, rows, width);
  }

  /** Class probabilities, one column per class in the order of `classes_`. */
  predictProba(X: MatrixLike): Matrix {
    const { s, Z, rows, width } = this.scores(X);
    const K = s.classes.length;
    const P = new Float64Array(rows * K);
    for (let i = 0; i < rows; i++) {
      if (s.kind === 'binary') {
        const p = sigmoid(Z[i]);
        P[i * 2] = 1 - p;
        P[i * 2 + 1] = p;
      } else if (s.kind === 'multinomial') {
        let max = -Infinity;
        for (let k = 0; k < K; k++) max = Math.max(max, Z[i * width + k]);
        let sum = 0;
        for (let k = 0; k < K; k++) sum += P[i * K + k] = Math.exp(Z[i * width + k] - max);
        for (let k = 0; k < K; k++) P[i * K + k] /= sum;
      } else {
        let sum = 0;
        for (let k = 0; k < K; k++) sum += P[i * K + k] = sigmoid(Z[i * width + k]);
        for (let k = 0; k < K; k++) P[i * K + k] /= sum;
      }
    }
    return matrixFromFlat(P, rows, K);
  }

  /** The natural logarithm of `predictProba`. */
  predictLogProba(X: MatrixLike): Matrix {
    return this.predictProba(X).log();
  }

  /** The most probable class of each sample. */
  predict(X: MatrixLike): Label[] {
    const { s, Z, rows, width } = this.scores(X);
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

  /** Coefficients: one row per class (a single row for two classes), one column per feature. */
  get coef_(): number[][] {
    const s = this.fitted('coef_');
    const d = s.nFeaturesIn;
    return Array.from({ length: s.intercept.length }, (_, k) => Array.from(s.coef.subarray(k * d, (k + 1) * d)));
  }

  /** Intercepts, one per row of `coef_`. */
  get intercept_(): number[] {
    return Array.from(this.fitted('intercept_').intercept);
  }

  /** Solver iterations: one entry, or one per class for one-vs-rest. */
  get nIter_(): number[] {
    return this.fitted('nIter_').nIter.slice();
  }
}

/** Per-sample weights times class weights ('balanced', a map keyed by label, or none). */
function applyClassWeights(
  sw: Float64Array,
  yi: Int32Array,
  classes: readonly Label[],
  classWeight: LogisticRegressionOptions['classWeight'],
  estimator: string,
): Float64Array {
  if (classWeight === null) return sw;
  const K = classes.length;
  const cw = new Float64Array(K).fill(1);
  if (classWeight === 'balanced') {
    const counts = new Float64Array(K);
    for (let i = 0; i < yi.length; i++) counts[yi[i]]++;
    for (let k = 0; k < K; k++) cw[k] = counts[k] > 0 ? yi.length / (K * counts[k]) : 1;
  } else {
    for (const [key, v] of Object.entries(classWeight)) {
      const k = classes.findIndex((c) => String(c) === key);
      if (k < 0) {
        throw new ValidationError({
          code: 'invalid_option',
          estimator,
          param: 'classWeight',
          expected: `keys among the classes (${classes.map(String).join(', ')})`,
          received: `'${key}'`,
        });
      }
      cw[k] = v;
    }
  }
  const out = new Float64Array(sw.length);
  for (let i = 0; i < sw.length; i++) out[i] = sw[i] * cw[yi[i]];
  return out;
}

registerEstimator(LogisticRegression);
