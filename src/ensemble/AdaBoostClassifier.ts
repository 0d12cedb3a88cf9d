import type { Matrix } from 'ml-matrix';
import { ProgressReporter, readFitOptions, type FitOptions } from '../core/fitControl';
import { BaseClassifier, type BaseEstimator } from '../core/base';
import { ValidationError } from '../core/errors';
import { int, nullable, num, oneOf, randomStateSpec, union } from '../core/params';
import { matrixFromFlat, toMatrix } from '../core/data/index';
import { RandomState } from '../core/random';
import { registerEstimator } from '../core/serialization';
import { labels, nFeaturesIn, type StateSchema } from '../core/stateSchema';
import type { Label, MatrixLike } from '../core/types';
import { classTarget, encodeLabels } from '../core/validation';
import { estimatorSpec } from '../model_selection/BaseSearchCV';
import { accuracyScore } from '../metrics/accuracyScore';
import { DecisionTreeClassifier } from '../tree/DecisionTreeClassifier';
import { adaStateRules, clipWeights, endStage, padded, startWeights, algorithmRule, flatValues, innerMethod, stageEstimator, weightedFit } from './_adaBoost';

/** Options of {@link AdaBoostClassifier}. */
export interface AdaBoostClassifierOptions<E extends BaseEstimator = BaseEstimator> {
  /**
   * The boosted classifier, cloned at each stage; its fit must take `sampleWeight` (and 'SAMME.R'
   * needs predictProba). null: a `DecisionTreeClassifier({ maxDepth: 1 })`, a stump.
   * @defaultValue null
   */
  estimator: E | null;
  /** The most estimators to fit (fewer when one fits perfectly). @defaultValue 50 */
  nEstimators: number;
  /** Shrinks each estimator's weight, in (0, Infinity). @defaultValue 1 */
  learningRate: number;
  /**
   * 'SAMME' (discrete: weights from each estimator's error; current scikit-learn's only algorithm)
   * or 'SAMME.R' (real: from the predicted probabilities; scikit-learn 1.2's default, removed in
   * 1.6, offered here for parity with older models).
   * @defaultValue 'SAMME'
   */
  algorithm: 'SAMME' | 'SAMME.R';
  /** Seed of the estimators' own `randomState`s. @defaultValue null */
  randomState: number | null;
}

interface AdaState {
  nFeaturesIn: number;
  classes: Label[];
  algorithm: 'SAMME' | 'SAMME.R';
  nEstimators: number;
  estimators: BaseEstimator[];
  estimatorWeights: Float64Array;
  estimatorErrors: Float64Array;
}

const EPS = 2.220446049250313e-16;

/** scikit-learn's `_samme_proba`: (C − 1)(log p − mean log p), p clipped at machine epsilon; added to `acc`. */
function addSammeProba(P: Float64Array, rows: number, C: number, acc: Float64Array): void {
  const logp = new Float64Array(C);
  for (let i = 0; i < rows; i++) {
    let s = 0;
    for (let k = 0; k < C; k++) {
      logp[k] = Math.log(Math.max(P[i * C + k], EPS));
      s += logp[k];
    }
    for (let k = 0; k < C; k++) acc[i * C + k] += (C - 1) * (logp[k] - (1 / C) * s);
  }
}

/** scikit-learn's softmax of each row, in place. */
function softmaxRows(a: Float64Array, rows: number, C: number): Float64Array {
  for (let i = 0; i < rows; i++) {
    let max = -Infinity;
    for (let k = 0; k < C; k++) max = Math.max(max, a[i * C + k]);
    let s = 0;
    for (let k = 0; k < C; k++) {
      a[i * C + k] = Math.exp(a[i * C + k] - max);
      s += a[i * C + k];
    }
    for (let k = 0; k < C; k++) a[i * C + k] /= s;
  }
  return a;
}

/**
 * AdaBoost for classification, as scikit-learn's `AdaBoostClassifier`: estimators fitted one
 * after another on re-weighted samples, the weights of the misclassified samples raised at each
 * stage. 'SAMME' weighs each estimator by its error; 'SAMME.R' (scikit-learn 1.2's default,
 * removed in 1.6) adds the estimators' log-probabilities. The default is current scikit-learn's
 * 'SAMME'; pass `algorithm: 'SAMME.R'` to reproduce a scikit-learn 1.2 model.
 *
 * Fitted attributes: `estimators_`, `estimatorWeights_`, `estimatorErrors_` (one entry per
 * `nEstimators`: weight 0 and error 1 for stages not fitted), `estimator_`, `classes_`, `nClasses_`,
 * `featureImportances_`, `nFeaturesIn_`. Methods `predict`, `predictProba`, `decisionFunction` and
 * their staged versions.
 *
 * @example
 * ```ts
 * import { AdaBoostClassifier } from 'typelearn';
 * const X = [[0, 0], [1, 0], [2, 1], [3, 1], [0, 3], [1, 3], [2, 4], [3, 4]];
 * const y = [0, 0, 0, 0, 1, 1, 1, 1];
 * const clf = new AdaBoostClassifier({ nEstimators: 5, randomState: 0 }).fit(X, y);
 * console.log(clf.predict([[1, 0.5], [2, 3.5]])); // [ 0, 1 ]
 * console.log(clf.estimatorErrors_[0]); // 0
 * ```
 */
export class AdaBoostClassifier<L extends Label = Label, E extends BaseEstimator = BaseEstimator> extends BaseClassifier<AdaBoostClassifierOptions<E>, AdaState, L[], L> {
  static override readonly className = 'AdaBoostClassifier';
  static override readonly stateSchema: StateSchema = {
    nFeaturesIn: nFeaturesIn(),
    classes: labels(),
    algorithm: algorithmRule,
    ...adaStateRules(),
  };
  static override readonly defaults: AdaBoostClassifierOptions = { estimator: null, nEstimators: 50, learningRate: 1, algorithm: 'SAMME', randomState: null };
  static override readonly paramSchema = {
    estimator: union(oneOf(null), estimatorSpec),
    nEstimators: int({ min: 1 }),
    learningRate: num({ min: 0, minInclusive: false }),
    algorithm: oneOf('SAMME', 'SAMME.R'),
    randomState: nullable(randomStateSpec),
  };

  /** The estimator each stage clones: the `estimator` option, or a depth-1 DecisionTreeClassifier. */
  get estimator_(): E {
    this.fitted('estimator_');
    return this.baseEstimator() as E;
  }

  private baseEstimator(): BaseEstimator {
    return this.params.estimator ?? new DecisionTreeClassifier({ maxDepth: 1 });
  }

  /**
   * Fits up to `nEstimators` estimators.
   * @param sampleWeightOrOptions - optional non-negative weight per sample (normalized to sum to 1), or
   *   `{ sampleWeight?, onProgress?, signal? }`: `onProgress` after every boosting iteration (unit
   *   `'iteration'`, total nEstimators, an upper bound), `signal` checked between them; an abort
   *   keeps the previous fit.
   */
  fit<T extends Label>(X: MatrixLike, y: ArrayLike<T>, sampleWeightOrOptions?: ArrayLike<number> | FitOptions): AdaBoostClassifier<T, E>;
  fit(X: MatrixLike, y: ArrayLike<Label>, sampleWeightOrOptions?: ArrayLike<number> | FitOptions): this {
    const name = this.className;
    const { sampleWeight, control } = readFitOptions(name, sampleWeightOrOptions);
    const p = this.params;
    const Xr = this.checkX(X, { reset: true });
    const n = Xr.rows;
    const { labels: ys, classes, codes } = classTarget(y, n, name);
    const C = classes.length;
    const { w, zero } = startWeights(sampleWeight, n, name);
    const base = this.baseEstimator();
    weightedFit(base, name);
    const real = p.algorithm === 'SAMME.R';
    if (real) innerMethod(base, 'predictProba', name);
    const Xm = toMatrix(Xr);
    const rng = new RandomState(p.randomState ?? undefined);
    const estimators: BaseEstimator[] = [];
    const weights: number[] = [];
    const errors: number[] = [];
    const incorrect = new Uint8Array(n);
    const progress = new ProgressReporter(control, 'iteration', p.nEstimators);
    for (let it = 0; it < p.nEstimators; it++) {
      clipWeights(w, zero);
      const est = stageEstimator(base, rng);
      weightedFit(est, name)(Xm, ys, w);
      estimators.push(est);
      const last = it === p.nEstimators - 1;
      let P: Float64Array | undefined;
      if (real) {
        const M = innerMethod<Matrix>(est, 'predictProba', name)(Xm);
        P = flatValues(M);
        for (let i = 0; i < n; i++) {
          let best = 0;
          for (let k = 1; k < C; k++) if (P[i * C + k] > P[i * C + best]) best = k;
          incorrect[i] = best !== codes[i] ? 1 : 0;
        }
      } else {
        const pred = encodeLabels(innerMethod<Label[]>(est, 'predict', name)(Xm), classes, name);
        for (let i = 0; i < n; i++) incorrect[i] = pred[i] !== codes[i] ? 1 : 0;
      }
      let sw = 0;
      let se = 0;
      for (let i = 0; i < n; i++) {
        sw += w[i];
        se += w[i] * incorrect[i];
      }
      const error = se / sw;
      if (error <= 0) {
        weights.push(1);
        errors.push(0);
        break;
      }
      let estWeight = 1;
      if (real) {
        const Pv = P as Float64Array;
        if (!last) {
          for (let i = 0; i < n; i++) {
            let s = 0;
            for (let k = 0; k < C; k++) {
              const coding = k === codes[i] ? 1 : -1 / (C - 1);
              s += coding * Math.log(Math.max(Pv[i * C + k], EPS));
            }
            const ew = -1 * p.learningRate * ((C - 1) / C) * s;
            if (w[i] > 0 || ew < 0) w[i] *= Math.exp(ew);
          }
        }
      } else {
        if (error >= 1 - 1 / C) {
          estimators.pop();
          if (estimators.length === 0) {
            throw new ValidationError({
              code: 'invalid_input',
              estimator: name,
              param: 'estimator',
              message: `${name}: the first estimator (${base.className}) is worse than random guessing (weighted error ${error}), so the ensemble cannot be fitted.`,
            });
          }
          break;
        }
        estWeight = p.learningRate * (Math.log((1 - error) / error) + Math.log(C - 1));
        if (!last) for (let i = 0; i < n; i++) w[i] = Math.exp(Math.log(w[i]) + (w[i] > 0 && incorrect[i] ? estWeight : 0));
      }
      weights.push(estWeight);
      errors.push(error);
      progress.step(it + 1);
      if (endStage(w, it, it === p.nEstimators - 1, name)) break;
    }
    this.state = {
      nFeaturesIn: Xr.cols,
      classes,
      algorithm: p.algorithm,
      nEstimators: p.nEstimators,
      estimators,
      estimatorWeights: Float64Array.from(weights),
      estimatorErrors: Float64Array.from(errors),
    };
    return this;
  }

  /** Each estimator's contribution to the decision (`rows × C`), added to `acc`. */
  private addStage(s: AdaState, e: number, X: Matrix, acc: Float64Array): void {
    const C = s.classes.length;
    const est = s.estimators[e];
    if (s.algorithm === 'SAMME.R') {
      addSammeProba(flatValues(innerMethod<Matrix>(est, 'predictProba', this.className)(X)), X.rows, C, acc);
      return;
    }
    const pred = encodeLabels(innerMethod<Label[]>(est, 'predict', this.className)(X), s.classes, this.className);
    const wt = s.estimatorWeights[e];
    for (let i = 0; i < X.rows; i++) acc[i * C + pred[i]] += wt;
  }

  /** The summed votes divided by `norm`, as a decision: one value per sample for two classes. */
  private finish(acc: Float64Array, rows: number, C: number, norm: number): number[] | Matrix {
    if (C === 2) return Array.from({ length: rows }, (_, i) => -acc[2 * i] / norm + acc[2 * i + 1] / norm);
    return matrixFromFlat(acc.map((v) => v / norm), rows, C);
  }

  private input(X: MatrixLike, method: string): { s: AdaState; Xm: Matrix } {
    const s = this.fitted(method);
    return { s, Xm: toMatrix(this.checkX(X, { copy: false })) };
  }

  /**
   * The weighted votes (SAMME) or summed log-probability terms (SAMME.R) of the estimators divided
   * by the sum of their weights: one value per sample for two classes (positive for the second
   * class), else one column per class.
   */
  decisionFunction(X: MatrixLike): number[] | Matrix {
    const { s, Xm } = this.input(X, 'decisionFunction');
    const C = s.classes.length;
    const acc = new Float64Array(Xm.rows * C);
    let norm = 0;
    for (let e = 0; e < s.estimators.length; e++) {
      this.addStage(s, e, Xm, acc);
      norm += s.estimatorWeights[e];
    }
    return this.finish(acc, Xm.rows, C, norm);
  }

  private probaOf(decision: number[] | Matrix, rows: number, C: number): Matrix {
    const a = new Float64Array(rows * C);
    if (Array.isArray(decision)) {
      for (let i = 0; i < rows; i++) {
        a[2 * i] = -decision[i] / 2;
        a[2 * i + 1] = decision[i] / 2;
      }
    } else {
      const d = flatValues(decision);
      for (let k = 0; k < a.length; k++) a[k] = d[k] / (C - 1);
    }
    return matrixFromFlat(softmaxRows(a, rows, C), rows, C);
  }

  private labelsOf(decision: number[] | Matrix, s: AdaState): Label[] {
    if (Array.isArray(decision)) return decision.map((v) => s.classes[v > 0 ? 1 : 0]);
    const d = flatValues(decision);
    const C = s.classes.length;
    return Array.from({ length: decision.rows }, (_, i) => {
      let best = 0;
      for (let k = 1; k < C; k++) if (d[i * C + k] > d[i * C + best]) best = k;
      return s.classes[best];
    });
  }

  /** The class probabilities (a softmax of the decision), columns as `classes_`. */
  predictProba(X: MatrixLike): Matrix {
    const s = this.fitted('predictProba');
    const d = this.decisionFunction(X);
    const rows = Array.isArray(d) ? d.length : d.rows;
    return this.probaOf(d, rows, s.classes.length);
  }

  /** The class of largest decision. */
  predict(X: MatrixLike): L[];
  predict(X: MatrixLike): Label[] {
    const s = this.fitted('predict');
    return this.labelsOf(this.decisionFunction(X), s);
  }

  /** The decision after each estimator (divided by the weights so far). */
  stagedDecisionFunction(X: MatrixLike): Generator<number[] | Matrix> {
    const { s, Xm } = this.input(X, 'stagedDecisionFunction');
    const C = s.classes.length;
    const addStage = (e: number, acc: Float64Array) => this.addStage(s, e, Xm, acc);
    const finish = (acc: Float64Array, norm: number) => this.finish(acc, Xm.rows, C, norm);
    return (function* () {
      const acc = new Float64Array(Xm.rows * C);
      let norm = 0;
      for (let e = 0; e < s.estimators.length; e++) {
        addStage(e, acc);
        norm += s.estimatorWeights[e];
        yield finish(acc, norm);
      }
    })();
  }

  /** The class probabilities after each estimator. */
  stagedPredictProba(X: MatrixLike): Generator<Matrix> {
    const s = this.fitted('stagedPredictProba');
    const it = this.stagedDecisionFunction(X);
    const probaOf = (d: number[] | Matrix) => this.probaOf(d, Array.isArray(d) ? d.length : d.rows, s.classes.length);
    return (function* () {
      for (const d of it) yield probaOf(d);
    })();
  }

  /** The logarithm of `predictProba`. */
  predictLogProba(X: MatrixLike): Matrix {
    const P = this.predictProba(X);
    return matrixFromFlat(flatValues(P).map(Math.log), P.rows, P.columns);
  }

  /** The accuracy after each estimator (weighted by `sampleWeight` when given). */
  stagedScore(X: MatrixLike, y: ArrayLike<Label>, sampleWeight?: ArrayLike<number>): Generator<number> {
    const it = this.stagedPredict(X);
    return (function* () {
      for (const pred of it) yield accuracyScore(y, pred, { sampleWeight });
    })();
  }

  /** The predicted classes after each estimator. */
  stagedPredict(X: MatrixLike): Generator<Label[]> {
    const s = this.fitted('stagedPredict');
    const it = this.stagedDecisionFunction(X);
    const labelsOf = (d: number[] | Matrix) => this.labelsOf(d, s);
    return (function* () {
      for (const d of it) yield labelsOf(d);
    })();
  }

  /** The fitted estimators. */
  get estimators_(): E[] {
    return this.fitted('estimators_').estimators.slice() as E[];
  }

  /** The weight of each stage's estimator (0 for stages not fitted); `nEstimators` entries. */
  get estimatorWeights_(): number[] {
    const s = this.fitted('estimatorWeights_');
    return padded(s.estimatorWeights, s.nEstimators, 0);
  }

  /** The weighted training error of each stage's estimator (1 for stages not fitted); `nEstimators` entries. */
  get estimatorErrors_(): number[] {
    const s = this.fitted('estimatorErrors_');
    return padded(s.estimatorErrors, s.nEstimators, 1);
  }

  /** The number of classes. */
  get nClasses_(): number {
    return this.fitted('nClasses_').classes.length;
  }

  /** The estimators' feature importances, averaged with the estimator weights. */
  get featureImportances_(): number[] {
    const s = this.fitted('featureImportances_');
    return weightedImportances(s.estimators, s.estimatorWeights, s.nFeaturesIn, this.className);
  }
}

/** Σ weight · featureImportances_ / Σ weight over the estimators (which must have importances). */
export function weightedImportances(estimators: BaseEstimator[], weights: Float64Array, d: number, name: string): number[] {
  const out = new Float64Array(d);
  let norm = 0;
  estimators.forEach((est, e) => {
    const fi = (est as unknown as { featureImportances_?: unknown }).featureImportances_;
    if (!Array.isArray(fi)) {
      throw new ValidationError({ code: 'unsupported', estimator: name, param: 'featureImportances_', message: `${name} has no featureImportances_: its estimator (${est.className}) has none.` });
    }
    for (let f = 0; f < d; f++) out[f] += weights[e] * (fi[f] as number);
    norm += weights[e];
  });
  return Array.from(out, (v) => v / norm);
}

registerEstimator(AdaBoostClassifier);
