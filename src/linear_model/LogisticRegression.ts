import { labelsFromScores, weightByClass } from './_linearClassifier';
import type { Matrix } from 'ml-matrix';
import { BaseClassifier } from '../core/base';
import { ConvergenceWarning, TypelearnWarning, ValidationError, warn } from '../core/errors';
import { checkSquaresFinite } from '../core/overflow';
import { lbfgs } from '../core/optimize/lbfgs';
import { bool, int, nullable, num, oneOf, record, union, randomStateSpec } from '../core/params';
import { UniformStream } from '../core/random';
import { registerEstimator } from '../core/serialization';
import type { Label, MatrixLike } from '../core/types';
import { classTarget, toSampleWeight } from '../core/validation';
import { matrixFromFlat, type RowMajor } from '../core/data/index';
import { binaryLogisticObjective, log1pExp, multinomialLogisticObjective, sigmoid } from './logisticLoss';
import { saga } from './saga';
import { numberArray, refine, resolveLength, type StateSchema } from '../core/stateSchema';
import { linearClassifierState } from './_stateRules';
import { PREDICT_CHECK, linearScores, toNumberArray } from './_scores';
import { logSumExpRows } from '../core/kernels/logSumExpRows';

/** Options of {@link LogisticRegression}. */
export interface LogisticRegressionOptions {
  /**
   * The penalty: 'l2', 'l1', 'elasticnet' (l1Ratio·L1 + (1 − l1Ratio)·L2) or null for none.
   * 'l1' and 'elasticnet' need `solver: 'saga'`. @defaultValue 'l2'
   */
  penalty: 'l2' | 'l1' | 'elasticnet' | null;
  /** Inverse regularisation strength, > 0: smaller means stronger regularisation. @defaultValue 1 */
  C: number;
  /** The L1 share of the elastic-net penalty, in [0, 1]; required for (and only used by) 'elasticnet'. @defaultValue null */
  l1Ratio: number | null;
  /**
   * Tolerance: lbfgs stops when the largest gradient component is at most tol; saga when the largest
   * change of a weight over an epoch is at most tol times the largest weight. @defaultValue 1e-4
   */
  tol: number;
  /** Fit an intercept (not penalised). @defaultValue true */
  fitIntercept: boolean;
  /**
   * Weights of the classes: 'balanced' (n_samples / (n_classes · count)), a map from label to weight,
   * or null for equal weights. @defaultValue null
   */
  classWeight: 'balanced' | Record<string, number> | null;
  /** Iteration limit of the solver (lbfgs iterations, saga epochs). @defaultValue 100 */
  maxIter: number;
  /**
   * 'multinomial' (softmax over all classes), 'ovr' (one binary problem per class), or 'auto'
   * (multinomial for more than two classes, as scikit-learn). @defaultValue 'auto'
   */
  multiClass: 'auto' | 'ovr' | 'multinomial';
  /**
   * The solver: 'lbfgs' (penalty 'l2' or null) or 'saga' (every penalty; works best on standardised
   * features). @defaultValue 'lbfgs'
   */
  solver: 'lbfgs' | 'saga';
  /** Start from the previous fit's coefficients (when their shape fits the new problem). @defaultValue false */
  warmStart: boolean;
  /** Seed of the saga solver's sample order (null: a fresh seed); lbfgs ignores it. @defaultValue null */
  randomState: number | null;
}

interface LogisticRegressionState {
  nFeaturesIn: number;
  classes: Label[];
  /**
   * 'binary' (one row, sigmoid), 'multinomial' (softmax; one row when there are two classes, as
   * scikit-learn keeps only the second class's row) or 'ovr' (one row per class).
   */
  kind: 'binary' | 'multinomial' | 'ovr';
  /** Coefficient rows, flat: rows × nFeaturesIn. */
  coef: Float64Array;
  intercept: Float64Array;
  nIter: number[];
}

/** One solved problem: K coefficient rows (flat K × d) and K intercepts. */
interface Solution {
  coef: Float64Array;
  intercept: Float64Array;
  nIter: number;
  converged: boolean;
}

/**
 * Logistic regression (a classifier), minimising the penalised log-loss as scikit-learn does:
 * Σ sᵢ·logloss(xᵢ) + penalty(W) / C with penalty ‖W‖²/2 ('l2'), ‖W‖₁ ('l1') or
 * l1Ratio·‖W‖₁ + (1 − l1Ratio)·‖W‖²/2 ('elasticnet'), the intercept unpenalised. More than two
 * classes are fitted multinomially by default (`multiClass: 'ovr'` fits one-vs-rest).
 *
 * Solvers: 'lbfgs' (L-BFGS, penalty 'l2' or null) and 'saga' (SAGA with scikit-learn's step size
 * and stopping rule; every penalty, and the only one for 'l1' / 'elasticnet'). Other combinations
 * are refused with a ValidationError, as scikit-learn refuses them.
 *
 * Fitted attributes: `classes_`, `coef_` (one row per class, one row in the binary case),
 * `intercept_`, `nIter_`, `nFeaturesIn_`. Hitting `maxIter` emits a ConvergenceWarning and keeps
 * the last iterate.
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
  /** The fitted state's rules, checked when a saved model is loaded. */
  static override readonly stateSchema: StateSchema = {
    ...linearClassifierState,
    kind: refine(oneOf('binary', 'multinomial', 'ovr'), "'binary' only for two classes, 'ovr' only for more", (v: string, { state }) => {
      const K = (state.classes as unknown[]).length;
      return v === 'multinomial' || (v === 'binary' ? K === 2 : K > 2);
    }),
    nIter: numberArray({ integer: true, min: 0, length: (c) => (c.state.kind === 'ovr' ? resolveLength('nClasses', c) : 1) }),
  };
  static override readonly defaults: LogisticRegressionOptions = {
    penalty: 'l2',
    C: 1,
    l1Ratio: null,
    tol: 1e-4,
    fitIntercept: true,
    classWeight: null,
    maxIter: 100,
    multiClass: 'auto',
    solver: 'lbfgs',
    warmStart: false,
    randomState: null,
  };
  static override readonly paramSchema = {
    penalty: oneOf('l2', 'l1', 'elasticnet', null),
    C: num({ min: 0, minInclusive: false }),
    l1Ratio: nullable(num({ min: 0, max: 1 })),
    tol: num({ min: 0 }),
    fitIntercept: bool(),
    classWeight: nullable(union(oneOf('balanced'), record(num({ min: 0 })))),
    maxIter: int({ min: 0 }),
    multiClass: oneOf('auto', 'ovr', 'multinomial'),
    solver: oneOf('lbfgs', 'saga'),
    warmStart: bool(),
    randomState: randomStateSpec,
  };

  /** Refuses option combinations scikit-learn 1.2 refuses; warns where it warns. */
  private checkCombination(): void {
    const { solver, penalty, l1Ratio, C } = this.params;
    const name = this.className;
    if (solver !== 'saga' && penalty !== 'l2' && penalty !== null) {
      throw new ValidationError({
        code: 'invalid_option',
        estimator: name,
        param: 'penalty',
        expected: `'l2' or null with solver '${solver}' ('l1' and 'elasticnet' need solver 'saga')`,
        received: `'${penalty}'`,
      });
    }
    if (penalty === 'elasticnet' && l1Ratio === null) {
      throw new ValidationError({
        code: 'invalid_option',
        estimator: name,
        param: 'l1Ratio',
        expected: "a number in [0, 1] with penalty 'elasticnet'",
        received: 'null',
      });
    }
    if (penalty !== 'elasticnet' && l1Ratio !== null) {
      warn(new TypelearnWarning(`l1Ratio is only used when penalty is 'elasticnet'. Got (penalty=${String(penalty)}).`, name));
    }
    if (penalty === null && C !== 1) warn(new TypelearnWarning('Setting penalty=null will ignore the C and l1Ratio options.', name));
  }

  /**
   * Fits the model.
   * @param sampleWeight - optional non-negative weight per sample (multiplied by class weights).
   */
  fit(X: MatrixLike, y: ArrayLike<Label>, sampleWeight?: ArrayLike<number>): this {
    const name = this.className;
    this.checkCombination();
    const Xd = this.checkX(X, { reset: true });
    checkSquaresFinite(this.className, Xd, this.params.fitIntercept);
    const { classes, codes: yi } = classTarget(y, Xd.rows, name);
    const sw = sampleWeight === undefined ? new Float64Array(Xd.rows).fill(1) : toSampleWeight(sampleWeight, Xd.rows, name);
    const { fitIntercept, maxIter, solver, classWeight } = this.params;
    const K = classes.length;
    const multiClass = this.params.multiClass === 'auto' ? (K > 2 ? 'multinomial' : 'ovr') : this.params.multiClass;
    const kind: LogisticRegressionState['kind'] = multiClass === 'multinomial' ? 'multinomial' : K === 2 ? 'binary' : 'ovr';
    const d = Xd.cols;
    const rows = kind === 'ovr' ? K : kind === 'binary' || K === 2 ? 1 : K;
    const init = this.warmStartRows(rows, d);
    const solve = this.solver(Xd);
    // One integer seed gives every one-vs-rest problem the same sample order, as scikit-learn's int random_state does.
    const seed = this.params.randomState;
    const shared = seed === null ? new UniformStream() : undefined;
    const random = (): UniformStream => shared ?? new UniformStream(seed ?? undefined);

    let coef: Float64Array;
    let intercept: Float64Array;
    const nIter: number[] = [];
    let notConverged = false;

    if (kind === 'multinomial') {
      const w = weightByClass(sw, yi, classes, classWeight, name);
      let start = init;
      if (init && K === 2) {
        // A binary multinomial model keeps the second class's row; the first is its negative.
        start = { coef: new Float64Array(2 * d), intercept: new Float64Array(2) };
        for (let j = 0; j < d; j++) start.coef[d + j] = -(start.coef[j] = -init.coef[j]);
        start.intercept[1] = -(start.intercept[0] = -init.intercept[0]);
      }
      const res = solve.multinomial(yi, K, w, start, random());
      nIter.push(res.nIter);
      notConverged = !res.converged;
      coef = K === 2 ? res.coef.slice(d) : res.coef;
      intercept = K === 2 ? res.intercept.slice(1) : res.intercept;
    } else {
      const problems = kind === 'binary' ? [1] : classes.map((_, k) => k);
      coef = new Float64Array(problems.length * d);
      intercept = new Float64Array(problems.length);
      problems.forEach((pos, r) => {
        const yb = new Float64Array(Xd.rows);
        for (let i = 0; i < Xd.rows; i++) yb[i] = yi[i] === pos ? 1 : 0;
        // Dict weights follow the original labels; 'balanced' is computed on the binarised labels, as in scikit-learn.
        const w =
          classWeight === 'balanced'
            ? weightByClass(sw, Int32Array.from(yb), [0, 1], 'balanced', name)
            : weightByClass(sw, yi, classes, classWeight, name);
        const start = init && { coef: init.coef.subarray(r * d, (r + 1) * d), intercept: init.intercept.subarray(r, r + 1) };
        const res = solve.binary(yb, w, start, random());
        nIter.push(res.nIter);
        notConverged ||= !res.converged;
        coef.set(res.coef, r * d);
        intercept[r] = res.intercept[0];
      });
    }
    if (notConverged) {
      const message =
        solver === 'lbfgs'
          ? `lbfgs failed to converge (status=1): STOP: TOTAL NO. of ITERATIONS REACHED LIMIT (maxIter=${maxIter}). ` +
            'Increase maxIter or scale the data (e.g. with StandardScaler).'
          : `The maxIter (${maxIter}) was reached which means the coef_ did not converge. ` +
            'Increase maxIter or scale the data (e.g. with StandardScaler).';
      warn(new ConvergenceWarning(message, name));
    }
    if (!fitIntercept) intercept.fill(0);
    this.state = { nFeaturesIn: d, classes, kind, coef, intercept, nIter };
    return this;
  }

  /** The previous fit's rows as a starting point, when warmStart is on and a previous fit exists. */
  private warmStartRows(rows: number, d: number): { coef: Float64Array; intercept: Float64Array } | undefined {
    const s = this.state;
    if (!this.params.warmStart || s === undefined) return undefined;
    if (s.nFeaturesIn !== d || s.intercept.length !== rows) {
      throw new ValidationError({
        code: 'invalid_input',
        estimator: this.className,
        param: 'warmStart',
        expected: `previous coefficients of shape (${rows}, ${d}) for this problem`,
        received: `shape (${s.intercept.length}, ${s.nFeaturesIn})`,
      });
    }
    const intercept = this.params.fitIntercept ? Float64Array.from(s.intercept) : new Float64Array(rows);
    return { coef: Float64Array.from(s.coef), intercept };
  }

  /** The chosen solver's binary and multinomial problems, with the penalty strengths of the options. */
  private solver(Xd: RowMajor): {
    binary(y: Float64Array, w: Float64Array, init: { coef: Float64Array; intercept: Float64Array } | undefined, random: UniformStream): Solution;
    multinomial(y: Int32Array, K: number, w: Float64Array, init: { coef: Float64Array; intercept: Float64Array } | undefined, random: UniformStream): Solution;
  } {
    const { C, penalty, fitIntercept, maxIter, tol, solver, l1Ratio } = this.params;
    const d = Xd.cols;
    if (solver === 'saga') {
      const inv = penalty === null ? 0 : 1 / C;
      const r = penalty === 'l1' ? 1 : penalty === 'elasticnet' ? (l1Ratio ?? 0) : 0;
      const base = { alpha: inv * (1 - r), beta: inv * r, fitIntercept, maxIter, tol };
      return {
        binary: (y, w, init, random) =>
          saga(Xd, y, { ...base, loss: 'log', sampleWeight: w, random, coefInit: init?.coef, interceptInit: init?.intercept }),
        multinomial: (y, K, w, init, random) =>
          saga(Xd, y, { ...base, loss: 'multinomial', nClasses: K, sampleWeight: w, random, coefInit: init?.coef, interceptInit: init?.intercept }),
      };
    }
    const alpha = penalty === null ? 0 : 1 / C;
    const options = { maxIter, gtol: tol };
    // lbfgs packs each class as [w₀ … w_{d−1}, b].
    const pack = (K: number, init: { coef: Float64Array; intercept: Float64Array } | undefined): Float64Array => {
      const x = new Float64Array(K * (d + 1));
      if (init) {
        for (let k = 0; k < K; k++) {
          x.set(init.coef.subarray(k * d, (k + 1) * d), k * (d + 1));
          x[k * (d + 1) + d] = init.intercept[k];
        }
      }
      return x;
    };
    const unpack = (K: number, x: Float64Array, nIter: number, message: string): Solution => {
      const coef = new Float64Array(K * d);
      const intercept = new Float64Array(K);
      for (let k = 0; k < K; k++) {
        coef.set(x.subarray(k * (d + 1), k * (d + 1) + d), k * d);
        intercept[k] = x[k * (d + 1) + d];
      }
      return { coef, intercept, nIter, converged: message !== 'maxIter' };
    };
    return {
      binary: (y, w, init) => {
        const res = lbfgs(binaryLogisticObjective(Xd, y, w, alpha, fitIntercept), pack(1, init), options);
        return unpack(1, res.x, res.nIter, res.message);
      },
      multinomial: (y, K, w, init) => {
        const res = lbfgs(multinomialLogisticObjective(Xd, y, K, w, alpha, fitIntercept), pack(K, init), options);
        return unpack(K, res.x, res.nIter, res.message);
      },
    };
  }

  /** Raw scores: n × rows of coef (one column per class, or a single column in the binary case). */
  private scores(X: MatrixLike): { s: LogisticRegressionState; Z: Float64Array; rows: number; width: number } {
    const s = this.fitted('decisionFunction');
    const Xd: RowMajor = this.checkX(X, PREDICT_CHECK);
    const width = s.intercept.length;
    const Z = linearScores(Xd, s.coef, s.intercept, this.className);
    return { s, Z, rows: Xd.rows, width };
  }

  /** Signed distances to the decision boundary: `number[]` for two classes, else an n × K `Matrix`. */
  decisionFunction(X: MatrixLike): number[] | Matrix {
    const { Z, rows, width } = this.scores(X);
    return width === 1 ? toNumberArray(Z) : matrixFromFlat(Z, rows, width);
  }

  /**
   * Class probabilities, one column per class in the order of `classes_`: the sigmoid for two
   * classes, the softmax for multinomial models, normalised per-class sigmoids for one-vs-rest.
   */
  predictProba(X: MatrixLike): Matrix {
    const { s, Z, rows, width } = this.scores(X);
    const K = s.classes.length;
    if (width > 1 && s.kind === 'multinomial') {
      // The softmax in place over the scores (the row-wise log-sum-exp kernel).
      logSumExpRows(Z, rows, K, new Float64Array(rows), true);
      return matrixFromFlat(Z, rows, K);
    }
    const P = new Float64Array(rows * K);
    for (let i = 0; i < rows; i++) {
      if (width === 1) {
        // Binary multinomial: softmax(−z, z) = sigmoid(2z).
        const p = sigmoid(s.kind === 'multinomial' ? 2 * Z[i] : Z[i]);
        P[i * 2] = 1 - p;
        P[i * 2 + 1] = p;
      } else {
        let sum = 0;
        for (let k = 0; k < K; k++) sum += P[i * K + k] = sigmoid(Z[i * width + k]);
        for (let k = 0; k < K; k++) P[i * K + k] /= sum;
      }
    }
    return matrixFromFlat(P, rows, K);
  }

  /**
   * The natural logarithm of `predictProba`, computed in log space (log-sigmoid, log-softmax), so
   * confident predictions give large negative numbers instead of −Infinity.
   */
  predictLogProba(X: MatrixLike): Matrix {
    const { s, Z, rows, width } = this.scores(X);
    const K = s.classes.length;
    const L = new Float64Array(rows * K);
    if (width === 1) {
      for (let i = 0; i < rows; i++) {
        const z = s.kind === 'multinomial' ? 2 * Z[i] : Z[i];
        L[i * 2] = -log1pExp(z);
        L[i * 2 + 1] = -log1pExp(-z);
      }
      return matrixFromFlat(L, rows, K);
    }
    // Log-softmax of the scores (multinomial) or of the log-sigmoids (one-vs-rest normalisation).
    for (let q = 0; q < rows * K; q++) L[q] = s.kind === 'multinomial' ? Z[q] : -log1pExp(-Z[q]);
    const lse = logSumExpRows(L, rows, K, new Float64Array(rows));
    for (let i = 0, q = 0; i < rows; i++) for (let k = 0; k < K; k++, q++) L[q] -= lse[i];
    return matrixFromFlat(L, rows, K);
  }

  /** The most probable class of each sample. */
  predict(X: MatrixLike): Label[] {
    const { s, Z, rows, width } = this.scores(X);
    return labelsFromScores(Z, rows, width, s.classes);
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

  /** Solver iterations (lbfgs iterations, saga epochs): one entry, or one per class for one-vs-rest. */
  get nIter_(): number[] {
    return this.fitted('nIter_').nIter.slice();
  }
}

registerEstimator(LogisticRegression);
