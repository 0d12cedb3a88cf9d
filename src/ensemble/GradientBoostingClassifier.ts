import type { Matrix } from 'ml-matrix';
import { readFitOptions, type FitOptions } from '../core/fitControl';
import { BaseClassifier, type BaseEstimator } from '../core/base';
import { ValidationError } from '../core/errors';
import { oneOf } from '../core/params';
import { matrixFromFlat } from '../core/data/index';
import { registerEstimator } from '../core/serialization';
import { labels, type StateSchema } from '../core/stateSchema';
import type { Label, MatrixLike } from '../core/types';
import { classTarget, toSampleWeight } from '../core/validation';
import type { DecisionTreeRegressor } from '../tree/DecisionTreeRegressor';
import {
  applyAll,
  boostingImportances,
  fitBoosting,
  gbCommonDefaults,
  gbCommonSchema,
  gbStateSchema,
  oobImprovementOf,
  stageCount,
  rawPredict,
  stagedRaw,
  treesAsEstimators,
  type BoostHooks,
  type GBState,
  type GradientBoostingCommonOptions,
} from './_gbCommon';
import { FLOAT32_EPS, binomialLoss, expit, exponentialLoss, logSumExp, multinomialLoss, type GBClassificationLoss, type GBLoss } from './_gbLosses';

/** Options of {@link GradientBoostingClassifier}. */
export interface GradientBoostingClassifierOptions extends GradientBoostingCommonOptions {
  /**
   * The loss: 'log_loss' (the binomial or multinomial deviance; one tree per class and stage for
   * more than two classes) or 'exponential' (AdaBoost's, two classes only).
   * @defaultValue 'log_loss'
   */
  loss: GBClassificationLoss;
}

type ClassifierState = GBState & { classes: Label[] };

const LOSSES: readonly GBClassificationLoss[] = ['log_loss', 'exponential'];

function makeLoss(loss: string, nClasses: number): GBLoss {
  if (loss === 'exponential') return exponentialLoss();
  return nClasses === 2 ? binomialLoss() : multinomialLoss(nClasses);
}

const clip = (p: number): number => Math.min(Math.max(p, FLOAT32_EPS), 1 - FLOAT32_EPS);

/** The raw predictions of class probabilities (`rows × C`), as the loss's `get_init_raw_predictions`. */
function rawFromProba(loss: string, proba: Float64Array, rows: number, C: number): Float64Array {
  if (C > 2 && loss !== 'exponential') return proba.map((p) => Math.log(clip(p)));
  const out = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    const p = clip(proba[i * C + 1]);
    const logit = Math.log(p / (1 - p));
    out[i] = loss === 'exponential' ? 0.5 * logit : logit;
  }
  return out;
}

/** Class probabilities from raw predictions (`rows × K`). */
function probaFromRaw(loss: string, raw: Float64Array, rows: number, C: number): Float64Array {
  const out = new Float64Array(rows * C);
  if (C === 2) {
    for (let i = 0; i < rows; i++) {
      const p = expit(loss === 'exponential' ? 2 * raw[i] : raw[i]);
      out[2 * i + 1] = p;
      out[2 * i] = 1 - p;
    }
    return out;
  }
  for (let i = 0; i < rows; i++) {
    const lse = logSumExp(raw, i * C, C);
    for (let k = 0; k < C; k++) {
      const p = Math.exp(raw[i * C + k] - lse);
      out[i * C + k] = Number.isNaN(p) ? 0 : p;
    }
  }
  return out;
}

/** The class index of each row, as the loss's `_raw_prediction_to_decision`. */
function decide(loss: string, raw: Float64Array, rows: number, C: number): Int32Array {
  const out = new Int32Array(rows);
  if (loss === 'exponential') {
    for (let i = 0; i < rows; i++) out[i] = raw[i] >= 0 ? 1 : 0;
    return out;
  }
  const proba = probaFromRaw(loss, raw, rows, C);
  for (let i = 0; i < rows; i++) {
    let best = 0;
    for (let k = 1; k < C; k++) if (proba[i * C + k] > proba[i * C + best]) best = k;
    out[i] = best;
  }
  return out;
}

function initProba(est: BaseEstimator, X: Matrix): Matrix {
  const f = (est as unknown as { predictProba?: (X: Matrix) => Matrix }).predictProba;
  if (typeof f !== 'function') {
    throw new ValidationError({ code: 'invalid_option', estimator: 'GradientBoostingClassifier', param: 'init', expected: 'a classifier with predictProba', received: est.className });
  }
  return f.call(est, X);
}

/**
 * Gradient boosting for classification, as scikit-learn's `GradientBoostingClassifier`: stage
 * after stage, a depth-limited CART regression tree is fitted to the negative gradient of the loss
 * (one tree per class for more than two classes), each leaf set by a Newton step of the loss, and
 * the raw prediction moves by `learningRate` times the tree.
 *
 * With `subsample: 1` and `maxFeatures: null` the trees, and so the decision values, are
 * scikit-learn's (the feature order drawn from `randomState` only decides ties between equally good
 * splits).
 *
 * Fitted attributes: `classes_`, `nClasses_`, `estimators_` (`[stage][k]` DecisionTreeRegressor),
 * `trainScore_` (the deviance after each stage), `oobImprovement_`, `init_`, `nEstimators_`,
 * `featureImportances_`, `maxFeatures_`, `nFeaturesIn_`. Methods `predict`, `predictProba`,
 * `decisionFunction`, their staged versions, and `apply`.
 *
 * @example
 * ```ts
 * import { GradientBoostingClassifier } from 'typelearn';
 * const X = [[0, 0], [0, 1], [1, 0], [1, 1], [2, 2], [2, 3], [3, 2], [3, 3]];
 * const y = ['a', 'a', 'a', 'a', 'b', 'b', 'b', 'b'];
 * const clf = new GradientBoostingClassifier({ nEstimators: 10, randomState: 0 }).fit(X, y);
 * console.log(clf.predict([[0.5, 0.5], [2.5, 2.5]])); // [ 'a', 'b' ]
 * console.log(+clf.predictProba([[2.5, 2.5]]).get(0, 1).toFixed(3)); // 0.821
 * ```
 */
export class GradientBoostingClassifier<L extends Label = Label> extends BaseClassifier<GradientBoostingClassifierOptions, ClassifierState, L[], L> {
  static override readonly className = 'GradientBoostingClassifier';
  static override readonly stateSchema: StateSchema = {
    classes: labels(),
    ...gbStateSchema(LOSSES, (ctx) => {
      const c = ctx.state.classes as unknown[];
      return ctx.state.loss === 'exponential' || c.length === 2 ? 1 : c.length;
    }),
  };
  static override readonly defaults: GradientBoostingClassifierOptions = { loss: 'log_loss', ...gbCommonDefaults };
  static override readonly paramSchema = { loss: oneOf(...LOSSES), ...gbCommonSchema };

  private hooksFor(loss: string, C: number): Pick<BoostHooks, 'estimatorInit'> {
    return {
      estimatorInit: (est, X) => {
        const P = initProba(est, X);
        if (P.columns !== C) {
          throw new ValidationError({ code: 'invalid_option', estimator: this.className, param: 'init', expected: `a classifier predicting ${C} class probabilities`, received: `${P.columns} columns` });
        }
        return rawFromProba(loss, Float64Array.from(P.to1DArray()), P.rows, C);
      },
    };
  }

  /**
   * Fits the stages (adds stages to the fitted ones with `warmStart`).
   * @param sampleWeightOrOptions - optional non-negative weight per sample, or `{ sampleWeight?,
   *   onProgress?, signal? }`: `onProgress` after every new stage (unit `'iteration'`) with the
   *   training loss, `signal` checked between stages; an abort keeps the previous fit.
   */
  fit<T extends Label>(X: MatrixLike, y: ArrayLike<T>, sampleWeightOrOptions?: ArrayLike<number> | FitOptions): GradientBoostingClassifier<T>;
  fit(X: MatrixLike, y: ArrayLike<Label>, sampleWeightOrOptions?: ArrayLike<number> | FitOptions): this {
    const name = this.className;
    const { sampleWeight, control } = readFitOptions(name, sampleWeightOrOptions);
    const p = this.params;
    const Xr = this.checkX(X, { reset: !(p.warmStart && this.state !== undefined) });
    const n = Xr.rows;
    const { classes, codes } = classTarget(y, n, name);
    const weighted = sampleWeight !== undefined;
    const w = weighted ? toSampleWeight(sampleWeight, n, name) : new Float64Array(n).fill(1);
    const C = classes.length;
    const counts = new Float64Array(C);
    for (let i = 0; i < n; i++) counts[codes[i]] += w[i];
    const present = counts.filter((c) => c > 0).length;
    if (present < 2) {
      throw new ValidationError({ code: 'invalid_input', estimator: name, param: 'y', expected: 'samples of at least 2 classes with a positive weight', received: `${present} class with a positive weight` });
    }
    if (p.loss === 'exponential' && C !== 2) {
      throw new ValidationError({
        code: 'invalid_input',
        estimator: name,
        param: 'loss',
        message: `${name}: loss='exponential' is only suitable for a binary classification problem, you have ${C} classes. Use loss='log_loss' instead.`,
      });
    }
    if (this.state !== undefined && p.warmStart && (this.state.classes.length !== C || this.state.classes.some((c, k) => c !== classes[k]))) {
      throw new ValidationError({ code: 'invalid_input', estimator: name, param: 'y', expected: `the classes of the fitted stages (warmStart): ${JSON.stringify(this.state.classes)}`, received: JSON.stringify(classes) });
    }
    const loss = makeLoss(p.loss, C);
    const hooks: BoostHooks = {
      estimator: name,
      loss,
      lossName: p.loss,
      stratify: Array.from(codes),
      ...this.hooksFor(p.loss, C),
      constantInit: (yt, wt) => {
        // scikit-learn's DummyClassifier(strategy='prior'): weighted class frequencies.
        const prior = new Float64Array(C);
        let total = 0;
        for (let i = 0; i < yt.length; i++) prior[yt[i]] += wt[i];
        for (let k = 0; k < C; k++) total += prior[k];
        for (let k = 0; k < C; k++) prior[k] /= total;
        return rawFromProba(p.loss, prior, 1, C);
      },
    };
    const state = fitBoosting(p, { Xr, y: Float64Array.from(codes), w, weighted }, hooks, this.state, control);
    this.state = { ...state, classes };
    return this;
  }

  private raw(X: MatrixLike, method: string): { s: ClassifierState; raw: Float64Array; rows: number } {
    const s = this.fitted(method);
    const Xr = this.checkX(X, { copy: false });
    return { s, raw: rawPredict(s, Xr, this.hooksFor(s.loss, s.classes.length)), rows: Xr.rows };
  }

  private decisionOf(raw: Float64Array, rows: number, K: number): number[] | Matrix {
    return K === 1 ? Array.from(raw) : matrixFromFlat(raw, rows, K);
  }

  /** The raw predictions: one log-odds per sample for two classes, else one column per class. */
  decisionFunction(X: MatrixLike): number[] | Matrix {
    const { s, raw, rows } = this.raw(X, 'decisionFunction');
    return this.decisionOf(raw, rows, s.nTreesPerStage);
  }

  /** The class probabilities, columns as `classes_`. */
  predictProba(X: MatrixLike): Matrix {
    const { s, raw, rows } = this.raw(X, 'predictProba');
    const C = s.classes.length;
    return matrixFromFlat(probaFromRaw(s.loss, raw, rows, C), rows, C);
  }

  /** The logarithm of `predictProba`. */
  predictLogProba(X: MatrixLike): Matrix {
    const P = this.predictProba(X);
    return matrixFromFlat(Float64Array.from(P.to1DArray(), Math.log), P.rows, P.columns);
  }

  /** The most probable class of each sample. */
  predict(X: MatrixLike): L[];
  predict(X: MatrixLike): Label[] {
    const { s, raw, rows } = this.raw(X, 'predict');
    return Array.from(decide(s.loss, raw, rows, s.classes.length), (k) => s.classes[k]);
  }

  private staged<T>(X: MatrixLike, method: string, map: (s: ClassifierState, raw: Float64Array, rows: number) => T): Generator<T> {
    const s = this.fitted(method);
    const Xr = this.checkX(X, { copy: false });
    const it = stagedRaw(s, Xr, this.hooksFor(s.loss, s.classes.length));
    return (function* () {
      for (const raw of it) yield map(s, raw, Xr.rows);
    })();
  }

  /** The decision values after each stage. */
  stagedDecisionFunction(X: MatrixLike): Generator<number[] | Matrix> {
    return this.staged(X, 'stagedDecisionFunction', (s, raw, rows) => this.decisionOf(raw, rows, s.nTreesPerStage));
  }

  /** The class probabilities after each stage. */
  stagedPredictProba(X: MatrixLike): Generator<Matrix> {
    return this.staged(X, 'stagedPredictProba', (s, raw, rows) => matrixFromFlat(probaFromRaw(s.loss, raw, rows, s.classes.length), rows, s.classes.length));
  }

  /** The predicted classes after each stage. */
  stagedPredict(X: MatrixLike): Generator<Label[]> {
    return this.staged(X, 'stagedPredict', (s, raw, rows) => Array.from(decide(s.loss, raw, rows, s.classes.length), (k) => s.classes[k]));
  }

  /** The leaf of each sample in each tree: `[sample][stage][k]`. */
  apply(X: MatrixLike): number[][][] {
    return applyAll(this.fitted('apply'), this.checkX(X, { copy: false }));
  }

  /** The number of classes. */
  get nClasses_(): number {
    return this.fitted('nClasses_').classes.length;
  }

  /** The fitted trees, `[stage][k]`, as DecisionTreeRegressor instances (copies). */
  get estimators_(): DecisionTreeRegressor[][] {
    return treesAsEstimators(this.fitted('estimators_'), this.params);
  }

  /** The number of stages fitted (below `nEstimators` when early stopping ended the fit). */
  get nEstimators_(): number {
    return stageCount(this.fitted('nEstimators_'));
  }

  /** The deviance on the training data after each stage (on the in-bag samples when `subsample < 1`). */
  get trainScore_(): number[] {
    return Array.from(this.fitted('trainScore_').trainScore);
  }

  /** The decrease of the out-of-bag deviance at each stage (`subsample < 1` only; throws otherwise). */
  get oobImprovement_(): number[] {
    return oobImprovementOf(this.fitted('oobImprovement_'), this.className);
  }

  /**
   * The initial model: the fitted init estimator, 'zero', or (the default) `{ constant }`, the
   * initial raw prediction of each tree of a stage (from the class priors, scikit-learn's
   * DummyClassifier(strategy='prior')).
   */
  get init_():
    | BaseEstimator
    | 'zero'
    | {
        /** The constant raw prediction every stage starts from (one per class). */
        constant: number[];
      } {
    const s = this.fitted('init_');
    if (s.initEstimator !== null) return s.initEstimator;
    if (this.params.init === 'zero') return 'zero';
    return { constant: Array.from(s.initRaw as Float64Array) };
  }

  /** The number of features each split considers. */
  get maxFeatures_(): number {
    return this.fitted('maxFeatures_').maxFeatures;
  }

  /** Mean decrease in impurity of each feature over all trees, normalized to sum to 1. */
  get featureImportances_(): number[] {
    return boostingImportances(this.fitted('featureImportances_'));
  }
}

registerEstimator(GradientBoostingClassifier);
