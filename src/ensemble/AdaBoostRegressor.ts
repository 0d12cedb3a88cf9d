import type { Matrix } from 'ml-matrix';
import { ProgressReporter, readFitOptions, type FitOptions } from '../core/fitControl';
import { BaseRegressor, type BaseEstimator } from '../core/base';
import { int, nullable, num, oneOf, randomStateSpec, union } from '../core/params';
import { takeRows, toMatrix } from '../core/data/index';
import { RandomState } from '../core/random';
import { registerEstimator } from '../core/serialization';
import { nFeaturesIn, type StateSchema } from '../core/stateSchema';
import type { MatrixLike } from '../core/types';
import { toTarget } from '../core/validation';
import { estimatorSpec } from '../model_selection/BaseSearchCV';
import { r2Score } from '../metrics/r2Score';
import { DecisionTreeRegressor } from '../tree/DecisionTreeRegressor';
import { adaStateRules, clipWeights, endStage, padded, startWeights, innerMethod, stageEstimator } from './_adaBoost';
import { weightedImportances } from './AdaBoostClassifier';

/** Options of {@link AdaBoostRegressor}. */
export interface AdaBoostRegressorOptions<E extends BaseEstimator = BaseEstimator> {
  /** The boosted regressor, cloned at each stage. null: a `DecisionTreeRegressor({ maxDepth: 3 })`. @defaultValue null */
  estimator: E | null;
  /** The most estimators to fit. @defaultValue 50 */
  nEstimators: number;
  /** Shrinks each estimator's weight, in (0, Infinity). @defaultValue 1 */
  learningRate: number;
  /** How a sample's error (relative to the largest) counts: 'linear', 'square' or 'exponential'. @defaultValue 'linear' */
  loss: 'linear' | 'square' | 'exponential';
  /** Seed of the weighted bootstrap samples and of the estimators' own `randomState`s. @defaultValue null */
  randomState: number | null;
}

interface AdaRegState {
  nFeaturesIn: number;
  nEstimators: number;
  estimators: BaseEstimator[];
  estimatorWeights: Float64Array;
  estimatorErrors: Float64Array;
}

/** Indices drawn with replacement with probabilities `p` (numpy's `choice(n, n, p=p)`: inverse CDF). */
function weightedBootstrap(p: Float64Array, rng: RandomState): number[] {
  const n = p.length;
  const cdf = new Float64Array(n);
  let s = 0;
  for (let i = 0; i < n; i++) cdf[i] = s += p[i];
  for (let i = 0; i < n; i++) cdf[i] /= s;
  const out = new Array<number>(n);
  for (let j = 0; j < n; j++) {
    const u = rng.random();
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cdf[mid] > u) hi = mid;
      else lo = mid + 1;
    }
    out[j] = lo;
  }
  return out;
}

/**
 * AdaBoost for regression (AdaBoost.R2), as scikit-learn's `AdaBoostRegressor`: each estimator is
 * fitted on a bootstrap sample drawn with the current sample weights, samples with large errors
 * gain weight, and the prediction is the weighted median of the estimators' predictions.
 * Stochastic (the bootstrap comes from typelearn's generator): comparable with scikit-learn in
 * accuracy, not number for number.
 *
 * Fitted attributes: `estimators_`, `estimatorWeights_`, `estimatorErrors_`, `estimator_`,
 * `featureImportances_`, `nFeaturesIn_`. Methods `predict`, `stagedPredict`.
 *
 * @example
 * ```ts
 * import { AdaBoostRegressor } from 'typelearn';
 * const X = [[1], [2], [3], [4], [5], [6], [7], [8]];
 * const reg = new AdaBoostRegressor({ nEstimators: 10, randomState: 0 }).fit(X, [1, 1, 1, 1, 5, 5, 5, 5]);
 * console.log(reg.predict([[2], [7]])); // [ 1, 5 ]
 * ```
 */
export class AdaBoostRegressor<E extends BaseEstimator = BaseEstimator> extends BaseRegressor<AdaBoostRegressorOptions<E>, AdaRegState> {
  static override readonly className = 'AdaBoostRegressor';
  static override readonly stateSchema: StateSchema = { nFeaturesIn: nFeaturesIn(), ...adaStateRules() };
  static override readonly defaults: AdaBoostRegressorOptions = { estimator: null, nEstimators: 50, learningRate: 1, loss: 'linear', randomState: null };
  static override readonly paramSchema = {
    estimator: union(oneOf(null), estimatorSpec),
    nEstimators: int({ min: 1 }),
    learningRate: num({ min: 0, minInclusive: false }),
    loss: oneOf('linear', 'square', 'exponential'),
    randomState: nullable(randomStateSpec),
  };

  /** The estimator each stage clones: the `estimator` option, or a depth-3 DecisionTreeRegressor. */
  get estimator_(): E {
    this.fitted('estimator_');
    return this.baseEstimator() as E;
  }

  private baseEstimator(): BaseEstimator {
    return this.params.estimator ?? new DecisionTreeRegressor({ maxDepth: 3 });
  }

  /**
   * Fits up to `nEstimators` estimators.
   * @param sampleWeightOrOptions - optional non-negative weight per sample (the bootstrap probabilities at the start), or
   *   `{ sampleWeight?, onProgress?, signal? }`: `onProgress` after every boosting iteration (unit
   *   `'iteration'`, total nEstimators, an upper bound), `signal` checked between them; an abort
   *   keeps the previous fit.
   */
  fit(X: MatrixLike, y: ArrayLike<number>, sampleWeightOrOptions?: ArrayLike<number> | FitOptions): this {
    const name = this.className;
    const { sampleWeight, control } = readFitOptions(name, sampleWeightOrOptions);
    const p = this.params;
    const Xr = this.checkX(X, { reset: true });
    const n = Xr.rows;
    const yv = toTarget(y, { estimator: name, length: n });
    const { w, zero } = startWeights(sampleWeight, n, name);
    const base = this.baseEstimator();
    innerMethod(base, 'predict', name);
    const Xm = toMatrix(Xr);
    const rng = new RandomState(p.randomState ?? undefined);
    const estimators: BaseEstimator[] = [];
    const weights: number[] = [];
    const errors: number[] = [];
    const err = new Float64Array(n);
    const progress = new ProgressReporter(control, 'iteration', p.nEstimators);
    for (let it = 0; it < p.nEstimators; it++) {
      clipWeights(w, zero);
      const est = stageEstimator(base, rng);
      const idx = weightedBootstrap(w, rng);
      innerMethod<unknown>(est, 'fit', name);
      (est as unknown as { fit: (X: Matrix, y: number[]) => unknown }).fit(toMatrix(takeRows(Xr, idx)), idx.map((i) => yv[i]));
      estimators.push(est);
      const pred = innerMethod<number[]>(est, 'predict', name)(Xm);
      let errMax = 0;
      for (let i = 0; i < n; i++) {
        err[i] = Math.abs(pred[i] - yv[i]);
        if (w[i] > 0 && err[i] > errMax) errMax = err[i];
      }
      let error = 0;
      for (let i = 0; i < n; i++) {
        if (!(w[i] > 0)) continue;
        let e = errMax !== 0 ? err[i] / errMax : err[i];
        if (p.loss === 'square') e = e * e;
        else if (p.loss === 'exponential') e = 1 - Math.exp(-e);
        err[i] = e;
        error += w[i] * e;
      }
      if (error <= 0) {
        weights.push(1);
        errors.push(0);
        break;
      }
      if (error >= 0.5) {
        if (estimators.length > 1) estimators.pop();
        else {
          weights.push(0);
          errors.push(1);
        }
        break;
      }
      const beta = error / (1 - error);
      const estWeight = p.learningRate * Math.log(1 / beta);
      if (it !== p.nEstimators - 1) for (let i = 0; i < n; i++) if (w[i] > 0) w[i] *= Math.pow(beta, (1 - err[i]) * p.learningRate);
      weights.push(estWeight);
      errors.push(error);
      progress.step(it + 1);
      if (endStage(w, it, it === p.nEstimators - 1, name)) break;
    }
    this.state = { nFeaturesIn: Xr.cols, nEstimators: p.nEstimators, estimators, estimatorWeights: Float64Array.from(weights), estimatorErrors: Float64Array.from(errors) };
    return this;
  }

  /** The weighted median of the first `limit` estimators' predictions. */
  private median(preds: number[][], s: AdaRegState, limit: number, rows: number): number[] {
    const out = new Array<number>(rows);
    const order = new Array<number>(limit);
    for (let i = 0; i < rows; i++) {
      for (let e = 0; e < limit; e++) order[e] = e;
      order.sort((a, b) => preds[a][i] - preds[b][i] || a - b);
      let total = 0;
      for (let e = 0; e < limit; e++) total += s.estimatorWeights[order[e]];
      let cdf = 0;
      let pick = order[0];
      for (let e = 0; e < limit; e++) {
        cdf += s.estimatorWeights[order[e]];
        if (cdf >= 0.5 * total) {
          pick = order[e];
          break;
        }
      }
      out[i] = preds[pick][i];
    }
    return out;
  }

  private predictions(X: MatrixLike, method: string): { s: AdaRegState; preds: number[][]; rows: number } {
    const s = this.fitted(method);
    const Xm = toMatrix(this.checkX(X, { copy: false }));
    return { s, preds: s.estimators.map((est) => innerMethod<number[]>(est, 'predict', this.className)(Xm)), rows: Xm.rows };
  }

  /** The weighted median of the estimators' predictions. */
  predict(X: MatrixLike): number[] {
    const { s, preds, rows } = this.predictions(X, 'predict');
    return this.median(preds, s, s.estimators.length, rows);
  }

  /** The prediction of the first 1, 2, … estimators. */
  stagedPredict(X: MatrixLike): Generator<number[]> {
    const { s, preds, rows } = this.predictions(X, 'stagedPredict');
    const median = (limit: number) => this.median(preds, s, limit, rows);
    return (function* () {
      for (let e = 1; e <= s.estimators.length; e++) yield median(e);
    })();
  }

  /** The R² after each estimator (weighted by `sampleWeight` when given). */
  stagedScore(X: MatrixLike, y: ArrayLike<number>, sampleWeight?: ArrayLike<number>): Generator<number> {
    const it = this.stagedPredict(X);
    return (function* () {
      for (const pred of it) yield r2Score(y, pred, { sampleWeight });
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

  /** The weighted error of each stage's estimator (1 for stages not fitted); `nEstimators` entries. */
  get estimatorErrors_(): number[] {
    const s = this.fitted('estimatorErrors_');
    return padded(s.estimatorErrors, s.nEstimators, 1);
  }

  /** The estimators' feature importances, averaged with the estimator weights. */
  get featureImportances_(): number[] {
    const s = this.fitted('featureImportances_');
    return weightedImportances(s.estimators, s.estimatorWeights, s.nFeaturesIn, this.className);
  }
}

registerEstimator(AdaBoostRegressor);
