import { BaseRegressor, type BaseEstimator } from '../core/base';
import { readFitOptions, type FitOptions } from '../core/fitControl';
import { TypelearnWarning, warn } from '../core/errors';
import { registerEstimator } from '../core/serialization';
import { float64Array, nFeaturesIn, numberValue, orNull, refine, type StateSchema } from '../core/stateSchema';
import type { EstimatorTags, MatrixLike } from '../core/types';
import { toSampleWeight, toTarget } from '../core/validation';
import { takeRows, toMatrix, type RowMajor } from '../core/data/index';
import { r2Score } from '../metrics/r2Score';
import { DecisionTreeRegressor } from '../tree/DecisionTreeRegressor';
import { memberPredict, membersTags } from './_members';
import { baggingDefaults, baggingRules, baggingSchema, drawIndices, fitBagging, inBag, memberInput, oobValue, type BaggingCore, type BaggingOptions } from './_bagging';

/** Options of {@link BaggingRegressor}. */
export type BaggingRegressorOptions<E extends BaseEstimator = BaseEstimator> = BaggingOptions<E>;

type BaggingRegressorState = BaggingCore & {
  /** Out-of-bag R², with `oobScore`. */
  oobScore: number | null;
  /** Out-of-bag predictions (0 for a sample in every bag), with `oobScore`. */
  oobPrediction: Float64Array | null;
};

const NAME = 'BaggingRegressor';

/**
 * Fits each member (a clone of `estimator`, by default a `DecisionTreeRegressor`) on a random draw
 * of the samples and features, and averages their predictions, as scikit-learn's
 * `BaggingRegressor`. A member whose `fit` takes sample weights is fitted on every row with the
 * number of times the row was drawn as its weight, as scikit-learn does; other members on the drawn
 * rows. The draws come from typelearn's generator, so they differ from scikit-learn's for the same
 * seed; R² agrees within a couple of points.
 *
 * Fitted attributes: `estimators_`, `estimatorsFeatures_`, `estimatorsSamples_`, `oobScore_` and
 * `oobPrediction_` (with `oobScore`), `nFeaturesIn_`.
 * @example
 * ```ts
 * import { BaggingRegressor, LinearRegression } from 'typelearn';
 * const X = [[0, 1], [1, 0], [2, 1], [3, 0], [4, 1], [5, 0], [6, 1], [7, 0]];
 * const y = X.map(([a, b]) => 2 * a - b);
 * const bag = new BaggingRegressor({ estimator: new LinearRegression(), nEstimators: 5, randomState: 0 }).fit(X, y);
 * console.log(bag.predict([[8, 1]]).map((v) => +v.toFixed(6))); // [ 15 ]
 * ```
 */
export class BaggingRegressor<E extends BaseEstimator = BaseEstimator> extends BaseRegressor<BaggingRegressorOptions<E>, BaggingRegressorState> {
  static override readonly className = NAME;
  /** The fitted state's rules, checked when a saved model is loaded. */
  static override readonly stateSchema: StateSchema = {
    nFeaturesIn: nFeaturesIn(),
    ...baggingRules('DecisionTreeRegressor'),
    oobScore: orNull(numberValue({ allowInfinity: true })),
    oobPrediction: refine(orNull(float64Array({ length: (c) => c.state.nSamples as number })), 'present exactly when oobScore is', (v: Float64Array | null, { state }) => (v === null) === (state.oobScore === null)),
  };
  static override readonly defaults: BaggingRegressorOptions = { ...baggingDefaults };
  static override readonly paramSchema = baggingSchema;
  static override readonly tags: Partial<EstimatorTags> = { estimatorType: 'regressor', requiresY: true };

  /** NaN accepted when the estimator accepts it. */
  instanceTags(): Partial<EstimatorTags> {
    return membersTags([this.baseEstimator()]);
  }

  private baseEstimator(): BaseEstimator {
    return this.params.estimator ?? new DecisionTreeRegressor();
  }

  /**
   * Fits the members on their draws (adding to the previous ones with `warmStart`).
   * @param sampleWeightOrOptions - sample weights, or `{ sampleWeight, onProgress, signal }`: the weights multiply the draw counts (the estimator's fit must take sample weights).
   *   Or `{ sampleWeight?, onProgress?, signal? }`: `onProgress` after every new member (unit
   *   `'estimator'`), `signal` checked between members; an abort keeps the previous fit.
   */
  fit(X: MatrixLike, y: ArrayLike<number>, sampleWeightOrOptions?: ArrayLike<number> | FitOptions): this {
    const { sampleWeight, control } = readFitOptions(NAME, sampleWeightOrOptions);
    const Xd = this.checkX(X, { reset: true });
    const n = Xd.rows;
    const yv = toTarget(y, { estimator: NAME, length: n });
    const core = fitBagging({
      owner: NAME,
      p: this.params,
      X: Xd,
      y: yv,
      sampleWeight: sampleWeight === undefined ? undefined : toSampleWeight(sampleWeight, n, NAME),
      base: this.baseEstimator(),
      control,
      previous: this.state,
    });
    if (core === undefined) return this;
    let oobScore: number | null = null;
    let oobPrediction: Float64Array | null = null;
    if (this.params.oobScore) {
      oobPrediction = this.outOfBag(core, Xd);
      oobScore = r2Score(yv, oobPrediction);
    }
    this.state = { ...core, oobScore, oobPrediction };
    return this;
  }

  /** Mean out-of-bag prediction of each row, over the members that left it out (0 when none did). */
  private outOfBag(core: BaggingCore, X: RowMajor): Float64Array {
    const n = X.rows;
    const sums = new Float64Array(n);
    const counts = new Float64Array(n);
    core.estimators.forEach((est, m) => {
      const mask = inBag(drawIndices(core, core.seeds[m]).samples, n);
      const rows: number[] = [];
      for (let i = 0; i < n; i++) if (!mask[i]) rows.push(i);
      if (rows.length === 0) return;
      const p = memberPredict(est, memberInput(takeRows(X, rows), core.features[m]), { estimator: NAME, role: 'estimator' });
      rows.forEach((i, r) => {
        sums[i] += p[r];
        counts[i]++;
      });
    });
    let missing = false;
    for (let i = 0; i < n; i++) {
      if (counts[i] === 0) missing = true;
      sums[i] /= Math.max(counts[i], 1);
    }
    if (missing) warn(new TypelearnWarning(`${NAME}: some inputs do not have OOB scores. This probably means too few estimators were used to compute any reliable oob estimates.`));
    return sums;
  }

  /** The mean of the members' predictions. */
  predict(X: MatrixLike): number[] {
    const s = this.fitted('predict');
    const Xd = this.checkX(X);
    const Xm = toMatrix(Xd);
    const out = new Float64Array(Xd.rows);
    s.estimators.forEach((est, m) => {
      const p = memberPredict(est, memberInput(Xd, s.features[m], Xm), { estimator: NAME, role: 'estimator' });
      for (let i = 0; i < out.length; i++) out[i] += p[i];
    });
    return Array.from(out, (v) => v / s.estimators.length);
  }

  /** The fitted members. */
  get estimators_(): E[] {
    return this.fitted('estimators_').estimators.slice() as E[];
  }

  /** The features each member was fitted on. */
  get estimatorsFeatures_(): number[][] {
    return this.fitted('estimatorsFeatures_').features.map((r) => r.slice());
  }

  /** The samples each member drew (drawn again from the members' seeds, as scikit-learn does). */
  get estimatorsSamples_(): number[][] {
    const s = this.fitted('estimatorsSamples_');
    return s.seeds.map((seed) => drawIndices(s, seed).samples);
  }

  /** The out-of-bag R² (fitted with `oobScore`). */
  get oobScore_(): number {
    return oobValue(NAME, this.fitted('oobScore_').oobScore, 'oobScore_');
  }

  /** The out-of-bag prediction of each training sample (fitted with `oobScore`). */
  get oobPrediction_(): number[] {
    return Array.from(oobValue(NAME, this.fitted('oobPrediction_').oobPrediction, 'oobPrediction_'));
  }
}

registerEstimator(BaggingRegressor);
