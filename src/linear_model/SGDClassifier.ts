import { classWeightVector, labelsFromScores } from './_linearClassifier';
import type { Matrix } from 'ml-matrix';
import { BaseClassifier } from '../core/base';
import { ProgressReporter, readFitOptions, type FitOptions } from '../core/fitControl';
import { ConvergenceWarning, ValidationError, warn } from '../core/errors';
import { nullable, oneOf, record, union, num } from '../core/params';
import { checkRandomState, RandomState } from '../core/random';
import { partialFitClasses } from '../core/partialFitClasses';
import { registerEstimator } from '../core/serialization';
import type { IncrementalEstimator, Label, MatrixLike } from '../core/types';
import { encodeLabels, requireTwoClasses, toLabels, toSampleWeight, uniqueLabels } from '../core/validation';
import { matrixFromFlat } from '../core/data/index';
import { CsrMatrix, checkCsr, csrDot } from '../core/data/CsrMatrix';
import {
  SPARSE_INTERCEPT_DECAY,
  checkSGDX,
  nCols,
  type SGDInput,
  COMMON_DEFAULTS,
  COMMON_SCHEMA,
  averageStart,
  checkSGDOptions,
  divergedError,
  maskRows,
  sgdSettings,
  signAccuracy,
  validationMask,
  type SGDCommonOptions,
} from './_sgdCommon';
import { plainSGD } from './sgd';
import { CLASSIFICATION_LOSSES, makeSGDLoss, type SGDClassificationLoss } from './sgdLosses';
import { bool, int, orNull, refine, type StateSchema } from '../core/stateSchema';
import { linearClassifierState } from './_stateRules';
import { PREDICT_CHECK, linearScores, toNumberArray } from './_scores';

/** Options of {@link SGDClassifier}. */
export interface SGDClassifierOptions extends SGDCommonOptions {
  /**
   * The loss: 'hinge' (linear SVM), 'log_loss' (logistic regression), 'modified_huber',
   * 'squared_hinge', 'perceptron', or a regression loss ('squared_error', 'huber',
   * 'epsilon_insensitive', 'squared_epsilon_insensitive') on targets ±1. @defaultValue 'hinge'
   */
  loss: SGDClassificationLoss;
  /** The learning-rate schedule. @defaultValue 'optimal' */
  learningRate: SGDCommonOptions['learningRate'];
  /** The initial learning rate of 'constant', 'invscaling' and 'adaptive'. @defaultValue 0 */
  eta0: number;
  /** The exponent of 'invscaling'. @defaultValue 0.5 */
  powerT: number;
  /**
   * Weights of the classes: 'balanced' (n_samples / (n_classes · count), not with partialFit), a
   * map from label to weight, or null for equal weights. @defaultValue null
   */
  classWeight: 'balanced' | Record<string, number> | null;
}

interface SGDClassifierState {
  nFeaturesIn: number;
  classes: Label[];
  /** The SGD iterates: one row per binary problem (1 for two classes, K beyond), flat rows × d. */
  coef: Float64Array;
  intercept: Float64Array;
  /** The averaged iterates (averaging only), same shapes. */
  averageCoef: Float64Array | null;
  averageIntercept: Float64Array | null;
  /** Whether coef_ and predictions use the averaged weights (enough steps were averaged). */
  useAverage: boolean;
  /** The step counter: 1 + samples seen × epochs. */
  t: number;
  nIter: number;
}

/**
 * A linear classifier (linear SVM, logistic regression, …) trained by stochastic gradient
 * descent, one sample at a time, as scikit-learn's `SGDClassifier`: the loss, the penalty
 * (L2, L1, elastic net), the learning-rate schedule, averaging and early stopping are options.
 * More than two classes are fitted one-vs-all. `partialFit` learns from data in batches (one epoch
 * per call). Scale the features first (e.g. with StandardScaler): the default schedule assumes
 * it. The shuffling stream differs from numpy's, so coefficients are not scikit-learn's bit for bit
 * (with `shuffle: false` they are).
 *
 * X may also be a sparse {@link CsrMatrix} (e.g. from `OneHotEncoder#transformSparse`) in every
 * method that takes X: each update then costs O(nonzeros of the sample), and, as in scikit-learn,
 * the intercept's updates are damped by 0.01 on sparse input.
 *
 * Fitted attributes: `classes_`, `coef_` (one row, or one per class beyond two), `intercept_`,
 * `nIter_` (epochs run), `t_` (1 + samples seen), `nFeaturesIn_`.
 * @example
 * ```ts
 * import { SGDClassifier } from 'typelearn';
 * const X = [[-2, -1], [-1, -2], [-1.5, -1.5], [1, 2], [2, 1], [1.5, 1.5]];
 * const y = ['a', 'a', 'a', 'b', 'b', 'b'];
 * const clf = new SGDClassifier({ loss: 'log_loss', randomState: 0 }).fit(X, y);
 * console.log(clf.predict([[-1, -1], [2, 2]])); // [ 'a', 'b' ]
 * console.log(clf.predictProba([[3, 3]]).get(0, 1) > 0.9); // true
 * ```
 */
export class SGDClassifier<L extends Label = Label> extends BaseClassifier<SGDClassifierOptions, SGDClassifierState, L[], L> implements IncrementalEstimator {
  static override readonly className = 'SGDClassifier';
  /** The fitted state's rules, checked when a saved model is loaded. */
  static override readonly stateSchema: StateSchema = {
    ...linearClassifierState,
    averageCoef: orNull(linearClassifierState.coef),
    averageIntercept: refine(orNull(linearClassifierState.intercept), 'null exactly when averageCoef is', (v: unknown, { state }) => (v === null) === (state.averageCoef === null)),
    useAverage: refine(bool(), 'false without averaged weights', (v: boolean, { state }) => !v || state.averageCoef !== null),
    t: num({ min: 1 }),
    nIter: int({ min: 0 }),
  };
  static override readonly defaults: SGDClassifierOptions = {
    loss: 'hinge',
    ...COMMON_DEFAULTS,
    learningRate: 'optimal',
    eta0: 0,
    powerT: 0.5,
    classWeight: null,
  };
  static override readonly paramSchema = {
    ...COMMON_SCHEMA,
    loss: oneOf(...CLASSIFICATION_LOSSES),
    classWeight: nullable(union(oneOf('balanced'), record(num({ min: 0 })))),
  };

  /**
   * Fits the model on the whole data: up to `maxIter` epochs, from zeros (or, with `warmStart`,
   * from the previous coefficients).
   * @param sampleWeight - optional non-negative weight per sample (multiplied by class weights), or
   *   `{ sampleWeight?, onProgress?, signal? }`: `onProgress` after every epoch (of each one-vs-all
   *   problem; total maxIter × problems, an upper bound) with the mean loss; an abort keeps the previous state.
   */
  fit<T extends Label>(X: MatrixLike, y: ArrayLike<T>, sampleWeight?: ArrayLike<number> | FitOptions): SGDClassifier<T>;
  fit<T extends Label>(X: CsrMatrix, y: ArrayLike<T>, sampleWeight?: ArrayLike<number> | FitOptions): SGDClassifier<T>;
  fit(X: MatrixLike | CsrMatrix, y: ArrayLike<Label>, sampleWeight?: ArrayLike<number> | FitOptions): this {
    const name = this.className;
    const { sampleWeight: weights, control } = readFitOptions(name, sampleWeight);
    checkSGDOptions(name, this.params, false);
    const Xd = checkSGDX(X, name, undefined, () => this.checkX(X as MatrixLike, { reset: true }));
    const labels = toLabels(y, { estimator: name, length: Xd.rows });
    const classes = uniqueLabels(labels);
    const rowsOf = classes.length === 2 ? 1 : classes.length;
    let init: { coef: Float64Array; intercept: Float64Array } | null = null;
    const prev = this.state;
    if (this.params.warmStart && prev !== undefined) {
      const source = prev.useAverage && prev.averageCoef && prev.averageIntercept ? { coef: prev.averageCoef, intercept: prev.averageIntercept } : prev;
      if (source.coef.length !== rowsOf * nCols(Xd)) {
        throw new ValidationError({
          code: 'invalid_input',
          estimator: name,
          param: 'X',
          expected: `data of the shape of the previous fit for warmStart (${prev.intercept.length} coefficient rows of ${prev.nFeaturesIn} features)`,
          received: `${classes.length} classes and ${nCols(Xd)} features`,
        });
      }
      init = { coef: source.coef, intercept: source.intercept };
    }
    const progress = new ProgressReporter(control, 'epoch', rowsOf * this.params.maxIter);
    this.state = this.train(Xd, labels, classes, weights, this.params.maxIter, init, 1, null, progress);
    const { tol, maxIter } = this.params;
    if (tol !== null && this.state.nIter === maxIter) {
      warn(new ConvergenceWarning('Maximum number of iteration reached before convergence. Consider increasing maxIter to improve the fit.', name));
    }
    return this;
  }

  /**
   * One epoch of SGD over the batch, continuing from the current model. The first call needs
   * `classes` (every label that will ever appear); later batches may hold any subset of them.
   */
  partialFit<T extends Label>(X: MatrixLike, y: ArrayLike<T>, options: { classes: readonly T[]; sampleWeight?: ArrayLike<number> }): SGDClassifier<T>;
  partialFit<T extends Label>(X: CsrMatrix, y: ArrayLike<T>, options: { classes: readonly T[]; sampleWeight?: ArrayLike<number> }): SGDClassifier<T>;
  partialFit(X: MatrixLike, y: ArrayLike<L>, options?: { classes?: readonly L[]; sampleWeight?: ArrayLike<number> }): this;
  partialFit(X: CsrMatrix, y: ArrayLike<L>, options?: { classes?: readonly L[]; sampleWeight?: ArrayLike<number> }): this;
  partialFit(X: MatrixLike | CsrMatrix, y: ArrayLike<Label>, options: { classes?: readonly Label[]; sampleWeight?: ArrayLike<number> } = {}): this {
    const name = this.className;
    const prev = this.state;
    const classes = partialFitClasses(name, prev?.classes, options.classes);
    if (prev === undefined) {
      checkSGDOptions(name, this.params, true);
      if (this.params.classWeight === 'balanced') {
        throw new ValidationError({
          code: 'invalid_option',
          estimator: name,
          param: 'classWeight',
          expected: "a map from label to weight or null with partialFit ('balanced' needs the whole data's class counts)",
          received: "'balanced'",
        });
      }
    }
    const Xd = checkSGDX(X, name, prev?.nFeaturesIn, () => this.checkX(X as MatrixLike, { reset: prev === undefined }));
    const labels = toLabels(y, { estimator: name, length: Xd.rows });
    const init = prev === undefined ? null : { coef: prev.coef, intercept: prev.intercept };
    this.state = this.train(Xd, labels, classes, options.sampleWeight, 1, init, prev?.t ?? 1, prev ?? null);
    return this;
  }

  /** Runs the one-vs-all SGD problems and returns the new state. */
  private train(
    Xd: SGDInput,
    labels: Label[],
    classes: Label[],
    sampleWeight: ArrayLike<number> | undefined,
    maxIter: number,
    init: { coef: Float64Array; intercept: Float64Array } | null,
    t: number,
    prev: SGDClassifierState | null,
    progress?: ProgressReporter,
  ): SGDClassifierState {
    const name = this.className;
    const p = this.params;
    requireTwoClasses(classes, name);
    const yi = encodeLabels(labels, classes, name);
    const n = Xd.rows;
    const d = nCols(Xd);
    const sw = sampleWeight === undefined ? new Float64Array(n).fill(1) : toSampleWeight(sampleWeight, n, name);
    const cw = classWeightVector(p.classWeight, classes, yi, name);
    const K = classes.length;
    const problems = K === 2 ? [1] : classes.map((_, k) => k);
    const rows = problems.length;
    const coef = init ? Float64Array.from(init.coef) : new Float64Array(rows * d);
    const intercept = init ? Float64Array.from(init.intercept) : new Float64Array(rows);
    const averaging = averageStart(p.average) > 0;
    const averageCoef = averaging ? (prev?.averageCoef ? Float64Array.from(prev.averageCoef) : new Float64Array(rows * d)) : null;
    const averageIntercept = averaging ? (prev?.averageIntercept ? Float64Array.from(prev.averageIntercept) : new Float64Array(rows)) : null;
    const loss = makeSGDLoss(p.loss, p.epsilon);
    const rng = checkRandomState(p.randomState);
    // Multiclass: one validation split on the labels, shared by every binary problem.
    const sharedMask = p.earlyStopping && K > 2 ? validationMask(name, n, p.validationFraction, rng.seed(), sw, labels) : null;
    const y = new Float64Array(n);
    let nIter = 0;
    problems.forEach((pos, r) => {
      for (let i = 0; i < n; i++) y[i] = yi[i] === pos ? 1 : -1;
      const mask = p.earlyStopping ? (sharedMask ?? validationMask(name, n, p.validationFraction, rng.seed(), sw, Array.from(y))) : null;
      const valRows = mask ? maskRows(mask) : null;
      const seed = rng.seed();
      const res = plainSGD(
        { X: Xd, y, sampleWeight: sw },
        {
          coef: coef.subarray(r * d, (r + 1) * d),
          intercept: intercept[r],
          averageCoef: averageCoef ? averageCoef.subarray(r * d, (r + 1) * d) : null,
          averageIntercept: averageIntercept ? averageIntercept[r] : 0,
        },
        sgdSettings(p, loss, {
          maxIter,
          shuffle: p.shuffle ? new RandomState(seed) : null,
          weightPos: cw[pos],
          // One-vs-all weighs the "rest" samples 1, as scikit-learn does.
          weightNeg: K === 2 ? cw[0] : 1,
          t,
          validationMask: mask,
          validationScore: valRows ? (w, b) => signAccuracy(Xd, valRows, y, sw, w, b) : null,
          interceptDecay: Xd instanceof CsrMatrix ? SPARSE_INTERCEPT_DECAY : 1,
          onEpoch: progress && !progress.silent ? (epoch, loss, score) => progress.step(r * maxIter + epoch, { loss, score }) : undefined,
        }),
      );
      if (res.divergedAt > 0) throw divergedError(name, res.divergedAt);
      coef.set(res.coef, r * d);
      intercept[r] = res.intercept;
      if (averageCoef && averageIntercept && res.averageCoef) {
        averageCoef.set(res.averageCoef, r * d);
        averageIntercept[r] = res.averageIntercept;
      }
      nIter = Math.max(nIter, res.nIter);
    });
    const tNext = t + nIter * n;
    const useAverage = averaging && averageStart(p.average) <= tNext - 1;
    return { nFeaturesIn: d, classes, coef, intercept, averageCoef, averageIntercept, useAverage, t: tNext, nIter };
  }

  /** The coefficients used for prediction (averaged when averaging has started). */
  private weights(s: SGDClassifierState): { coef: Float64Array; intercept: Float64Array } {
    return s.useAverage && s.averageCoef && s.averageIntercept ? { coef: s.averageCoef, intercept: s.averageIntercept } : s;
  }

  /** Raw scores, flat n × rows (one column for two classes). */
  private scores(X: MatrixLike | CsrMatrix): { s: SGDClassifierState; Z: Float64Array; n: number; width: number } {
    const s = this.fitted('decisionFunction');
    const { coef, intercept } = this.weights(s);
    const width = intercept.length;
    if (CsrMatrix.isCsrMatrix(X)) {
      const Xs = checkCsr(X, { estimator: this.className, nFeatures: s.nFeaturesIn });
      const d = s.nFeaturesIn;
      const Z = new Float64Array(Xs.rows * width);
      for (let k = 0; k < width; k++) {
        const z = csrDot(Xs, coef.subarray(k * d, (k + 1) * d), intercept[k]);
        for (let i = 0; i < Xs.rows; i++) Z[i * width + k] = z[i];
      }
      return { s, Z, n: Xs.rows, width };
    }
    const Xd = this.checkX(X, PREDICT_CHECK);
    const Z = linearScores(Xd, coef, intercept, this.className);
    return { s, Z, n: Xd.rows, width };
  }

  /** Signed distances to the hyperplanes: `number[]` for two classes, else an n × K `Matrix`. */
  decisionFunction(X: MatrixLike): number[] | Matrix;
  decisionFunction(X: CsrMatrix): number[] | Matrix;
  decisionFunction(X: MatrixLike | CsrMatrix): number[] | Matrix {
    const { Z, n, width } = this.scores(X);
    return width === 1 ? toNumberArray(Z) : matrixFromFlat(Z, n, width);
  }

  /** The accuracy of the predictions on X (dense or a CsrMatrix). */
  override score(X: MatrixLike, y: ArrayLike<Label>, sampleWeight?: ArrayLike<number>): number;
  override score(X: CsrMatrix, y: ArrayLike<Label>, sampleWeight?: ArrayLike<number>): number;
  override score(X: MatrixLike | CsrMatrix, y: ArrayLike<Label>, sampleWeight?: ArrayLike<number>): number {
    return super.score(X as MatrixLike, y, sampleWeight);
  }

  /** The class of the highest score. */
  predict(X: MatrixLike): L[];
  predict(X: CsrMatrix): L[];
  predict(X: MatrixLike | CsrMatrix): Label[] {
    const { s, Z, n, width } = this.scores(X);
    return labelsFromScores(Z, n, width, s.classes);
  }

  /**
   * Class probabilities (columns in the order of `classes_`), for loss 'log_loss' (the logistic
   * function of the scores, normalised over the classes beyond two) and 'modified_huber'
   * ((clip(score, −1, 1) + 1) / 2, normalised). Other losses throw a ValidationError.
   */
  predictProba(X: MatrixLike): Matrix;
  predictProba(X: CsrMatrix): Matrix;
  predictProba(X: MatrixLike | CsrMatrix): Matrix {
    const loss = this.params.loss;
    if (loss !== 'log_loss' && loss !== 'modified_huber') {
      throw new ValidationError({
        code: 'unsupported',
        estimator: this.className,
        message: `${this.className}: probability estimates are only available for loss 'log_loss' or 'modified_huber' (the loss is '${loss}').`,
      });
    }
    const { s, Z, n, width } = this.scores(X);
    const K = s.classes.length;
    const P = new Float64Array(n * K);
    const f = loss === 'log_loss' ? (z: number) => 1 / (1 + Math.exp(-z)) : (z: number) => (Math.min(1, Math.max(-1, z)) + 1) / 2;
    for (let i = 0; i < n; i++) {
      if (width === 1) {
        const q = f(Z[i]);
        P[i * 2] = 1 - q;
        P[i * 2 + 1] = q;
        continue;
      }
      let sum = 0;
      for (let k = 0; k < K; k++) sum += P[i * K + k] = f(Z[i * K + k]);
      // modified_huber: a sample outside every class's margin gets equal probabilities.
      if (sum === 0) for (let k = 0; k < K; k++) P[i * K + k] = 1 / K;
      else for (let k = 0; k < K; k++) P[i * K + k] /= sum;
    }
    return matrixFromFlat(P, n, K);
  }

  /** The natural logarithm of `predictProba`. */
  predictLogProba(X: MatrixLike): Matrix;
  predictLogProba(X: CsrMatrix): Matrix;
  predictLogProba(X: MatrixLike | CsrMatrix): Matrix {
    return this.predictProba(X as MatrixLike).log();
  }

  /** Coefficients: one row per class (a single row for two classes), one column per feature. */
  get coef_(): number[][] {
    const s = this.fitted('coef_');
    const { coef, intercept } = this.weights(s);
    const d = s.nFeaturesIn;
    return Array.from({ length: intercept.length }, (_, k) => Array.from(coef.subarray(k * d, (k + 1) * d)));
  }

  /** Intercepts, one per row of `coef_`. */
  get intercept_(): number[] {
    return Array.from(this.weights(this.fitted('intercept_')).intercept);
  }

  /** Epochs run by the last `fit` (the most over the one-vs-all problems); 1 after `partialFit`. */
  get nIter_(): number {
    return this.fitted('nIter_').nIter;
  }

  /** The step counter: 1 + the number of sample updates made (per binary problem). */
  get t_(): number {
    return this.fitted('t_').t;
  }
}


registerEstimator(SGDClassifier);
