import type { Matrix } from 'ml-matrix';
import { BaseClassifier } from '../core/base';
import { ValidationError, describeValue } from '../core/errors';
import { partialFitClasses } from '../core/partialFitClasses';
import { registerEstimator } from '../core/serialization';
import { bool, labels, nFeaturesIn, optional, type StateSchema } from '../core/stateSchema';
import type { IncrementalEstimator, Label, MatrixLike } from '../core/types';
import { matrixFromFlat, type RowMajor } from '../core/data/index';
import { isTypedArray } from '../core/typedArray';
import { readFitControl, type FitControl } from '../core/fitControl';
import { encodeLabels, isMatrix, requireTwoClasses, toDense, toLabels, uniqueLabels } from '../core/validation';
import {
  MLP_DEFAULTS,
  MLP_SCHEMA,
  coefsOf,
  interceptsOf,
  mlpStateSchema,
  networkOf,
  notRecorded,
  predictFlat,
  trainNetwork,
  type MLPCoreState,
  type MLPOptions,
} from './_mlpCommon';

/** Options of {@link MLPClassifier}: see {@link MLPOptions}. */
export type MLPClassifierOptions = MLPOptions;

interface MLPClassifierState extends MLPCoreState {
  classes: Label[];
  /** Fitted on a 0/1 indicator matrix (one logistic output per label); absent in older saves = false. */
  multilabel?: boolean;
}

/** A target given as rows (an indicator matrix) rather than as one label per sample. */
function isRowsTarget(y: unknown): boolean {
  return isMatrix(y) || (Array.isArray(y) && y.length > 0 && (Array.isArray(y[0]) || isTypedArray(y[0])));
}

/** y as a flat n × L 0/1 indicator matrix (multilabel), checked: n rows, at least 2 columns, 0/1 entries. */
function indicatorOf(name: string, y: unknown, n: number): RowMajor {
  const Y = toDense(y, { estimator: name, name: 'y' });
  const fail = (expected: string, received: string): never => {
    throw new ValidationError({ code: 'invalid_input', estimator: name, param: 'y', expected, received });
  };
  if (Y.rows !== n) fail(`the same number of samples as X (${n})`, `${Y.rows}`);
  if (Y.cols < 2) fail('a 1-d array of labels, or a multilabel indicator matrix with at least 2 columns', `a matrix of ${Y.cols} column`);
  for (let i = 0; i < Y.data.length; i++) {
    const v = Y.data[i];
    if (v !== 0 && v !== 1) fail('a multilabel indicator matrix of 0/1 entries', `${v} at row ${Math.floor(i / Y.cols)}, column ${i % Y.cols}`);
  }
  return Y;
}

/** Subset accuracy of logistic outputs against 0/1 rows (multilabel early stopping). */
function subsetAccuracyOfOutputs(P: Float64Array, Y: Float64Array, rows: number, t: number): number {
  let right = 0;
  for (let i = 0; i < rows; i++) {
    let all = true;
    for (let k = 0; k < t && all; k++) all = P[i * t + k] > 0.5 === Y[i * t + k] > 0.5;
    if (all) right++;
  }
  return right / rows;
}

/** Accuracy of network outputs against one-hot (or one 0/1 column) targets. */
function accuracyOfOutputs(P: Float64Array, Y: Float64Array, rows: number, t: number): number {
  let right = 0;
  for (let i = 0; i < rows; i++) {
    if (t === 1) {
      if (P[i] > 0.5 === Y[i] > 0.5) right++;
      continue;
    }
    let best = 0;
    for (let k = 1; k < t; k++) if (P[i * t + k] > P[i * t + best]) best = k;
    if (Y[i * t + best] === 1) right++;
  }
  return right / rows;
}

/**
 * A multi-layer perceptron classifier, as scikit-learn's `MLPClassifier`: fully connected hidden
 * layers (`hiddenLayerSizes`, activation 'relu', 'tanh', 'logistic' or 'identity'), a softmax
 * output with cross-entropy for more than two classes, a logistic output for two, and one logistic
 * output per label for a multilabel target (y an n × L 0/1 indicator matrix; `predict` then returns
 * 0/1 rows, `predictProba` one probability per label, `classes_` is [0, …, L − 1]), an L2
 * penalty `alpha`, trained by Adam, SGD (momentum, Nesterov, learning-rate schedules) or L-BFGS,
 * with early stopping on a held-out share. `partialFit` trains one epoch on each batch it is given.
 * Scale the features first (e.g. StandardScaler, or pixels / 16). Glorot-uniform initial weights
 * and the shuffle come from typelearn's random stream, not numpy's, so results match scikit-learn
 * in accuracy, not weight for weight.
 *
 * Fitted attributes: `classes_`, `coefs_` (one fan-in × fan-out matrix per layer), `intercepts_`,
 * `nIter_` (epochs, or L-BFGS iterations), `tIter_` (samples seen), `loss_`, `lossCurve_`
 * (loss per epoch; empty for 'lbfgs'), `bestLoss_` (null with early stopping),
 * `validationScores_` and `bestValidationScore_` (early stopping only), `nLayers_`, `nOutputs_`,
 * `outActivation_`, `nFeaturesIn_`.
 * @example
 * ```ts
 * import { MLPClassifier } from 'typelearn';
 * const X = [[0, 0], [0, 1], [1, 0], [1, 1]];
 * const y = ['no', 'yes', 'yes', 'no'];
 * const clf = new MLPClassifier({ hiddenLayerSizes: [8], activation: 'tanh', solver: 'lbfgs', randomState: 1 }).fit(X, y);
 * console.log(clf.predict(X)); // [ 'no', 'yes', 'yes', 'no' ]
 * console.log(clf.predictProba(X).columns); // 2
 * ```
 */
export class MLPClassifier<L extends Label = Label> extends BaseClassifier<MLPClassifierOptions, MLPClassifierState, L[] | number[][], L> implements IncrementalEstimator {
  static override readonly className = 'MLPClassifier';
  static override readonly defaults: MLPClassifierOptions = MLP_DEFAULTS;
  static override readonly paramSchema = MLP_SCHEMA;
  static override readonly stateSchema: StateSchema = {
    nFeaturesIn: nFeaturesIn(),
    classes: labels(),
    multilabel: optional(bool()),
    ...mlpStateSchema(
      (c) => (Array.isArray(c.state.classes) ? (c.state.multilabel === true || c.state.classes.length > 2 ? c.state.classes.length : 1) : undefined),
      (c) => (Array.isArray(c.state.classes) ? (c.state.multilabel === true || c.state.classes.length === 2 ? 'logistic' : 'softmax') : undefined),
    ),
  };

  /**
   * Trains the network on the whole data (from new weights unless `warmStart`). `y` is one label
   * per sample, or an n × L 0/1 indicator matrix (rows of numbers, or a Matrix) for multilabel.
   * `control`: `onProgress` after every epoch (every L-BFGS iteration) with the loss, and a
   * `signal` checked between them; an abort keeps the previous fitted state.
   */
  fit<T extends Label>(X: MatrixLike, y: ArrayLike<T> | MatrixLike, control?: FitControl): MLPClassifier<T>;
  fit(X: MatrixLike, y: ArrayLike<Label> | MatrixLike, control: FitControl = {}): this {
    const name = this.className;
    const ctl = readFitControl(name, control);
    const prev = this.state;
    const Xd = this.checkX(X, { reset: !(this.params.warmStart && prev !== undefined) });
    if (isRowsTarget(y)) {
      const Y = indicatorOf(name, y, Xd.rows);
      if (this.params.warmStart && prev !== undefined && (prev.multilabel !== true || prev.classes.length !== Y.cols)) {
        throw new ValidationError({
          code: 'invalid_input',
          estimator: name,
          param: 'y',
          expected: `the target kind of the previous fit (${prev.multilabel === true ? `an indicator matrix of ${prev.classes.length} columns` : 'one label per sample'}) (warmStart)`,
          received: `an indicator matrix of ${Y.cols} columns`,
        });
      }
      this.state = this.trainMultilabel(Xd, Y, false, ctl);
      return this;
    }
    const labels = toLabels(y, { estimator: name, length: Xd.rows });
    const classes = uniqueLabels(labels);
    if (this.params.warmStart && prev !== undefined) {
      if (prev.multilabel === true) {
        throw new ValidationError({
          code: 'invalid_input',
          estimator: name,
          param: 'y',
          expected: `an indicator matrix of ${prev.classes.length} columns, as the previous fit (warmStart)`,
          received: 'one label per sample',
        });
      }
      if (classes.length !== prev.classes.length || classes.some((c, i) => c !== prev.classes[i])) {
        throw new ValidationError({
          code: 'invalid_input',
          estimator: name,
          param: 'y',
          expected: `the classes of the previous fit [${prev.classes.map(describeValue).join(', ')}] (warmStart)`,
          received: `[${classes.map(describeValue).join(', ')}]`,
        });
      }
    }
    this.state = this.train(Xd, labels, classes, false, ctl);
    return this;
  }

  /**
   * One epoch of 'sgd' or 'adam' on the batch, continuing from the current weights. The first call
   * needs `classes` (every label that will ever appear); a later batch with a label outside them
   * throws a ValidationError.
   */
  partialFit<T extends Label>(X: MatrixLike, y: ArrayLike<T>, options: { classes: readonly T[] }): MLPClassifier<T>;
  partialFit(X: MatrixLike, y?: ArrayLike<L>, options?: { classes?: readonly L[] }): this;
  partialFit(X: MatrixLike, y: MatrixLike, options?: { classes?: readonly Label[] }): this;
  partialFit(X: MatrixLike, y?: ArrayLike<Label> | MatrixLike, options: { classes?: readonly Label[] } = {}): this {
    const name = this.className;
    const prev = this.state;
    if (isRowsTarget(y) || prev?.multilabel === true) {
      // Multilabel: the indicator's columns are the labels, so no `classes` is needed; later
      // batches must have the same columns.
      const Xd = this.checkX(X, { reset: prev === undefined });
      if (!isRowsTarget(y)) {
        throw new ValidationError({ code: 'invalid_input', estimator: name, param: 'y', expected: `an indicator matrix of ${prev?.classes.length} columns, as the first call`, received: 'one label per sample' });
      }
      const Y = indicatorOf(name, y, Xd.rows);
      if (prev !== undefined && (prev.multilabel !== true || prev.classes.length !== Y.cols)) {
        throw new ValidationError({
          code: 'invalid_input',
          estimator: name,
          param: 'y',
          expected: prev.multilabel === true ? `an indicator matrix of ${prev.classes.length} columns, as the first call` : 'one label per sample, as the first call',
          received: `an indicator matrix of ${Y.cols} columns`,
        });
      }
      this.state = this.trainMultilabel(Xd, Y, true);
      return this;
    }
    const classes = partialFitClasses(name, prev?.classes, options.classes);
    const Xd = this.checkX(X, { reset: prev === undefined });
    const labels = toLabels(y, { estimator: name, length: Xd.rows });
    const known = new Set<Label>(classes);
    const unknown = uniqueLabels(labels).filter((c) => !known.has(c));
    if (unknown.length > 0) {
      throw new ValidationError({
        code: 'invalid_input',
        estimator: name,
        param: 'y',
        expected: `labels among the classes given to the first partialFit call [${classes.map(describeValue).join(', ')}]`,
        received: `new classes [${unknown.map(describeValue).join(', ')}]`,
      });
    }
    this.state = this.train(Xd, labels, classes, true);
    return this;
  }

  private train(Xd: RowMajor, labels: Label[], classes: Label[], incremental: boolean, control?: FitControl): MLPClassifierState {
    const name = this.className;
    requireTwoClasses(classes, name);
    const codes = encodeLabels(labels, classes, name);
    const K = classes.length;
    const t = K === 2 ? 1 : K;
    const Y = new Float64Array(Xd.rows * t);
    for (let i = 0; i < Xd.rows; i++) {
      if (t === 1) Y[i] = codes[i];
      else Y[i * t + codes[i]] = 1;
    }
    const core = trainNetwork({
      name,
      params: this.params,
      X: Xd,
      Y,
      nOutputs: t,
      outActivation: t === 1 ? 'logistic' : 'softmax',
      prev: this.state,
      incremental,
      scorer: accuracyOfOutputs,
      stratify: labels,
      control,
    });
    return { ...core, classes };
  }

  private trainMultilabel(Xd: RowMajor, Y: RowMajor, incremental: boolean, control?: FitControl): MLPClassifierState {
    const L = Y.cols;
    const core = trainNetwork({
      name: this.className,
      params: this.params,
      X: Xd,
      Y: Y.data,
      nOutputs: L,
      outActivation: 'logistic',
      prev: this.state,
      incremental,
      scorer: subsetAccuracyOfOutputs,
      stratify: null,
      control,
    });
    return { ...core, classes: Array.from({ length: L }, (_, k) => k), multilabel: true };
  }

  /** Network outputs, flat n × outputs. */
  private outputs(X: MatrixLike, attribute: string): { s: MLPClassifierState; P: Float64Array; n: number } {
    const s = this.fitted(attribute);
    const Xd = this.checkX(X);
    return { s, P: predictFlat(networkOf(s, this.params.activation), s.weights, Xd, this.params.dtype), n: Xd.rows };
  }

  /** The most probable class of each sample; for multilabel, each sample's 0/1 row (probability above 0.5). */
  predict(X: MatrixLike): L[] | number[][];
  predict(X: MatrixLike): Label[] | number[][] {
    const { s, P, n } = this.outputs(X, 'predict');
    const t = s.units[s.units.length - 1];
    if (s.multilabel === true) return Array.from({ length: n }, (_, i) => Array.from(P.subarray(i * t, (i + 1) * t), (p) => (p > 0.5 ? 1 : 0)));
    const out: Label[] = new Array<Label>(n);
    for (let i = 0; i < n; i++) {
      if (t === 1) {
        out[i] = s.classes[P[i] > 0.5 ? 1 : 0];
        continue;
      }
      let best = 0;
      for (let k = 1; k < t; k++) if (P[i * t + k] > P[i * t + best]) best = k;
      out[i] = s.classes[best];
    }
    return out;
  }

  /** Class probabilities, one column per class in the order of `classes_` (multilabel: per label, independent). */
  predictProba(X: MatrixLike): Matrix {
    const { s, P, n } = this.outputs(X, 'predictProba');
    if (s.classes.length > 2 || s.multilabel === true) return matrixFromFlat(P, n, s.classes.length);
    const Q = new Float64Array(n * 2);
    for (let i = 0; i < n; i++) {
      Q[2 * i] = 1 - P[i];
      Q[2 * i + 1] = P[i];
    }
    return matrixFromFlat(Q, n, 2);
  }

  /**
   * The natural logarithm of `predictProba`, computed from the logits (log-softmax, log-sigmoid), so
   * it stays finite where a probability underflows to 0.
   */
  predictLogProba(X: MatrixLike): Matrix {
    const s = this.fitted('predictLogProba');
    const Xd = this.checkX(X);
    const n = Xd.rows;
    const Z = predictFlat(networkOf(s, this.params.activation), s.weights, Xd, this.params.dtype, true);
    const K = s.classes.length;
    const out = new Float64Array(n * K);
    const logSigmoid = (z: number) => (z >= 0 ? -Math.log1p(Math.exp(-z)) : z - Math.log1p(Math.exp(z)));
    if (s.multilabel === true) {
      for (let i = 0; i < n * K; i++) out[i] = logSigmoid(Z[i]);
      return matrixFromFlat(out, n, K);
    }
    for (let i = 0; i < n; i++) {
      if (K === 2) {
        out[2 * i] = logSigmoid(-Z[i]);
        out[2 * i + 1] = logSigmoid(Z[i]);
        continue;
      }
      let max = -Infinity;
      for (let k = 0; k < K; k++) max = Math.max(max, Z[i * K + k]);
      let sum = 0;
      for (let k = 0; k < K; k++) sum += Math.exp(Z[i * K + k] - max);
      const lse = max + Math.log(sum);
      for (let k = 0; k < K; k++) out[i * K + k] = Z[i * K + k] - lse;
    }
    return matrixFromFlat(out, n, K);
  }

  /** Weight matrices, one per layer (fan-in × fan-out). */
  get coefs_(): number[][][] {
    return coefsOf(this.fitted('coefs_'));
  }

  /** Intercept vectors, one per layer. */
  get intercepts_(): number[][] {
    return interceptsOf(this.fitted('intercepts_'));
  }

  /** Epochs run ('sgd', 'adam'; cumulative over warm starts and partialFit) or L-BFGS iterations. */
  get nIter_(): number {
    return this.fitted('nIter_').nIter;
  }

  /** Training samples seen by the stochastic solvers. */
  get tIter_(): number {
    return this.fitted('tIter_').t;
  }

  /** The loss (with the penalty) at the end of training. */
  get loss_(): number {
    return this.fitted('loss_').loss;
  }

  /** The training loss of each epoch ('sgd', 'adam'; empty for 'lbfgs'). */
  get lossCurve_(): number[] {
    return [...this.fitted('lossCurve_').lossCurve];
  }

  /** The lowest epoch loss (stochastic solvers without early stopping), else null. */
  get bestLoss_(): number | null {
    const b = this.fitted('bestLoss_').bestLoss;
    return b === null || b === Infinity ? null : b;
  }

  /** The held-out accuracy of each epoch (early stopping only). */
  get validationScores_(): number[] {
    const v = this.fitted('validationScores_').validationScores;
    if (v === null) throw notRecorded(this.className, 'validationScores_', 'without earlyStopping');
    return [...v];
  }

  /** The best held-out accuracy (early stopping only); its weights are the ones kept. */
  get bestValidationScore_(): number {
    const v = this.fitted('bestValidationScore_').bestValidationScore;
    if (v === null) throw notRecorded(this.className, 'bestValidationScore_', 'without earlyStopping');
    return v;
  }

  /** Layers including input and output. */
  get nLayers_(): number {
    return this.fitted('nLayers_').units.length;
  }

  /** Output units (1 for two classes). */
  get nOutputs_(): number {
    const s = this.fitted('nOutputs_');
    return s.units[s.units.length - 1];
  }

  /** 'logistic' for two classes and for multilabel, 'softmax' beyond. */
  get outActivation_(): string {
    return this.fitted('outActivation_').outActivation;
  }
}

registerEstimator(MLPClassifier);
