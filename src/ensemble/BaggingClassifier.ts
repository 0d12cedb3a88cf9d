import type { Matrix } from 'ml-matrix';
import { readFitOptions, type FitOptions } from '../core/fitControl';
import { BaseClassifier, type BaseEstimator } from '../core/base';
import { hasDecisionFunction, requireCapability } from '../core/capabilities';
import { TypelearnWarning, ValidationError, warn } from '../core/errors';
import { registerEstimator } from '../core/serialization';
import { float64Array, nFeaturesIn, numberValue, orNull, refine, type StateSchema } from '../core/stateSchema';
import type { EstimatorTags, Label, MatrixLike } from '../core/types';
import { toSampleWeight } from '../core/validation';
import { matrixFromFlat, takeRows, toMatrix, type RowMajor } from '../core/data/index';
import { accuracyScore } from '../metrics/accuracyScore';
import { DecisionTreeClassifier } from '../tree/DecisionTreeClassifier';
import { argmaxRows, classIndices, classesOfMembers, memberProba, memberVotes, membersTags } from './_members';
import { baggingDefaults, baggingRules, baggingSchema, drawIndices, fitBagging, inBag, memberInput, oobValue, type BaggingCore, type BaggingOptions } from './_bagging';

/** Options of {@link BaggingClassifier}. */
export type BaggingClassifierOptions<E extends BaseEstimator = BaseEstimator> = BaggingOptions<E>;

type BaggingClassifierState = BaggingCore & {
  classes: Label[];
  /** Out-of-bag accuracy, with `oobScore`. */
  oobScore: number | null;
  /** Out-of-bag class probabilities (n × classes, NaN for a row never out of bag), with `oobScore`. */
  oobDecisionFunction: Float64Array | null;
};

const NAME = 'BaggingClassifier';

/**
 * Fits each member (a clone of `estimator`, by default a `DecisionTreeClassifier`) on a random draw
 * of the samples and features, and averages their class probabilities, as scikit-learn's
 * `BaggingClassifier` (members without probabilities vote). A member whose `fit` takes sample
 * weights is fitted on every row with the number of times the row was drawn as its weight (0 for
 * rows left out), as scikit-learn does; other members are fitted on the drawn rows. Members see the
 * class indices of y. The draws come from typelearn's generator, so they differ from scikit-learn's
 * for the same seed; accuracy agrees within a couple of points.
 *
 * Fitted attributes: `estimators_`, `estimatorsFeatures_`, `estimatorsSamples_`, `classes_`,
 * `nClasses_`, `oobScore_` and `oobDecisionFunction_` (with `oobScore`), `nFeaturesIn_`.
 * @example
 * ```ts
 * import { BaggingClassifier, loadIris } from 'typelearn';
 * const { data, target } = loadIris();
 * const bag = new BaggingClassifier({ nEstimators: 10, oobScore: true, randomState: 0 }).fit(data, target);
 * console.log(bag.estimators_.length); // 10
 * console.log(bag.oobScore_ > 0.9); // true
 * console.log(bag.predict([[5.1, 3.5, 1.4, 0.2]])); // [ 0 ]
 * ```
 */
export class BaggingClassifier<L extends Label = Label, E extends BaseEstimator = BaseEstimator> extends BaseClassifier<BaggingClassifierOptions<E>, BaggingClassifierState, L[], L> {
  static override readonly className = NAME;
  /** The fitted state's rules, checked when a saved model is loaded. */
  static override readonly stateSchema: StateSchema = {
    nFeaturesIn: nFeaturesIn(),
    classes: classesOfMembers((s) => (Array.isArray(s.estimators) ? s.estimators : []), false),
    ...baggingRules('DecisionTreeClassifier'),
    oobScore: orNull(numberValue({ min: 0, max: 1 })),
    // NaN in the rows of samples that were in every bag.
    oobDecisionFunction: refine(
      orNull(float64Array({ length: (c) => (c.state.nSamples as number) * (c.state.classes as unknown[]).length, allowNaN: true, min: 0, max: 1 })),
      'present exactly when oobScore is',
      (v: Float64Array | null, { state }) => (v === null) === (state.oobScore === null),
    ),
  };
  static override readonly defaults: BaggingClassifierOptions = { ...baggingDefaults };
  static override readonly paramSchema = baggingSchema;
  static override readonly tags: Partial<EstimatorTags> = { estimatorType: 'classifier', requiresY: true };

  /** NaN accepted when the estimator accepts it. */
  instanceTags(): Partial<EstimatorTags> {
    return membersTags([this.baseEstimator()]);
  }

  private baseEstimator(): BaseEstimator {
    return this.params.estimator ?? new DecisionTreeClassifier();
  }

  /**
   * Fits the members on their draws (adding to the previous ones with `warmStart`).
   * @param sampleWeightOrOptions - sample weights, or `{ sampleWeight, onProgress, signal }`: the weights multiply the draw counts (the estimator's fit must take sample weights).
   *   Or `{ sampleWeight?, onProgress?, signal? }`: `onProgress` after every new member (unit
   *   `'estimator'`), `signal` checked between members; an abort keeps the previous fit.
   */
  fit<T extends Label>(X: MatrixLike, y: ArrayLike<T>, sampleWeightOrOptions?: ArrayLike<number> | FitOptions): BaggingClassifier<T, E>;
  fit(X: MatrixLike, y: ArrayLike<Label>, sampleWeightOrOptions?: ArrayLike<number> | FitOptions): this {
    const { sampleWeight, control } = readFitOptions(NAME, sampleWeightOrOptions);
    const Xd = this.checkX(X, { reset: true });
    const n = Xd.rows;
    const { classes, codes } = classIndices(NAME, y, n);
    const prev = this.state;
    const sameClasses = prev !== undefined && prev.classes.length === classes.length && prev.classes.every((c, k) => c === classes[k]);
    const core = fitBagging({
      owner: NAME,
      p: this.params,
      X: Xd,
      y: codes,
      sampleWeight: sampleWeight === undefined ? undefined : toSampleWeight(sampleWeight, n, NAME),
      base: this.baseEstimator(),
      control,
      previous: sameClasses ? prev : undefined,
    });
    if (core === undefined) return this;
    let oobScore: number | null = null;
    let oobDecisionFunction: Float64Array | null = null;
    if (this.params.oobScore) {
      const K = classes.length;
      const sums = this.outOfBag(core, Xd, K);
      oobDecisionFunction = new Float64Array(n * K);
      let missing = false;
      for (let i = 0; i < n; i++) {
        let t = 0;
        for (let k = 0; k < K; k++) t += sums[i * K + k];
        if (t === 0) missing = true;
        for (let k = 0; k < K; k++) oobDecisionFunction[i * K + k] = sums[i * K + k] / t;
      }
      if (missing) warn(new TypelearnWarning(`${NAME}: some inputs do not have OOB scores. This probably means too few estimators were used to compute any reliable oob estimates.`));
      const pred = argmaxRows(sums, n, K);
      oobScore = accuracyScore(codes, Array.from(pred));
    }
    this.state = { ...core, classes, oobScore, oobDecisionFunction };
    return this;
  }

  /** Summed out-of-bag probabilities (or votes) of each row, over the members that left it out. */
  private outOfBag(core: BaggingCore, X: RowMajor, K: number): Float64Array {
    const n = X.rows;
    const sums = new Float64Array(n * K);
    core.estimators.forEach((est, m) => {
      const mask = inBag(drawIndices(core, core.seeds[m]).samples, n);
      const rows: number[] = [];
      for (let i = 0; i < n; i++) if (!mask[i]) rows.push(i);
      if (rows.length === 0) return;
      const Xo = memberInput(takeRows(X, rows), core.features[m]);
      const p = memberProba(est, Xo, K);
      if (p) rows.forEach((i, r) => {
        for (let k = 0; k < K; k++) sums[i * K + k] += p[r * K + k];
      });
      else {
        const v = memberVotes(est, Xo, { estimator: NAME, role: 'estimator' }, K);
        rows.forEach((i, r) => (sums[i * K + v[r]] += 1));
      }
    });
    return sums;
  }

  /**
   * The mean of the members' class probabilities (members without `predictProba` count as one
   * vote for their class), columns as `classes_`.
   */
  predictProba(X: MatrixLike): Matrix {
    const s = this.fitted('predictProba');
    const Xd = this.checkX(X);
    const Xm = toMatrix(Xd);
    const n = Xd.rows;
    const K = s.classes.length;
    const out = new Float64Array(n * K);
    s.estimators.forEach((est, m) => {
      const Xi = memberInput(Xd, s.features[m], Xm);
      const p = memberProba(est, Xi, K);
      if (p) for (let i = 0; i < out.length; i++) out[i] += p[i];
      else {
        const v = memberVotes(est, Xi, { estimator: NAME, role: 'estimator' }, K);
        for (let i = 0; i < n; i++) out[i * K + v[i]] += 1;
      }
    });
    const M = s.estimators.length;
    for (let i = 0; i < out.length; i++) out[i] /= M;
    return matrixFromFlat(out, n, K);
  }

  /** The class of largest mean probability (the first of equal ones). */
  predict(X: MatrixLike): L[];
  predict(X: MatrixLike): Label[] {
    const classes = this.fitted('predict').classes;
    const P = this.predictProba(X);
    return Array.from(argmaxRows(Float64Array.from(P.to1DArray()), P.rows, P.columns), (k) => classes[k]);
  }

  /** The mean of the members' decision functions (one number per sample for two classes). */
  decisionFunction(X: MatrixLike): number[] | Matrix {
    const s = this.fitted('decisionFunction');
    const Xd = this.checkX(X);
    const Xm = toMatrix(Xd);
    let sum: Float64Array | undefined;
    let cols = 1;
    s.estimators.forEach((est, m) => {
      const out = requireCapability(est, hasDecisionFunction, 'decisionFunction', { estimator: NAME, role: 'estimator' }).decisionFunction(memberInput(Xd, s.features[m], Xm));
      const flat = Array.isArray(out) ? Float64Array.from(out) : Float64Array.from(out.to1DArray());
      if (!Array.isArray(out)) cols = out.columns;
      if (sum !== undefined && sum.length !== flat.length) {
        throw new ValidationError({ code: 'unsupported', estimator: NAME, message: `${NAME} has no decisionFunction here: its members saw different numbers of classes, so their decision functions cannot be averaged.` });
      }
      if (sum === undefined) sum = flat;
      else for (let i = 0; i < sum.length; i++) sum[i] += flat[i];
    });
    const total = sum as Float64Array;
    for (let i = 0; i < total.length; i++) total[i] /= s.estimators.length;
    return cols === 1 ? Array.from(total) : matrixFromFlat(total, Xd.rows, cols);
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

  /** The number of classes. */
  get nClasses_(): number {
    return this.fitted('nClasses_').classes.length;
  }

  /** The out-of-bag accuracy (fitted with `oobScore`). */
  get oobScore_(): number {
    return oobValue(NAME, this.fitted('oobScore_').oobScore, 'oobScore_');
  }

  /** The out-of-bag class probabilities, n × classes; NaN rows for samples in every bag (fitted with `oobScore`). */
  get oobDecisionFunction_(): Matrix {
    const s = this.fitted('oobDecisionFunction_');
    const d = oobValue(NAME, s.oobDecisionFunction, 'oobDecisionFunction_');
    return matrixFromFlat(d.slice(), s.nSamples, s.classes.length);
  }
}

registerEstimator(BaggingClassifier);
