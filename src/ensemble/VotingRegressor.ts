import type { Matrix } from 'ml-matrix';
import { arrayOf, nullable, num } from '../core/params';
import { MembersEnsemble } from './_MembersEnsemble';
import { r2Score } from '../metrics/r2Score';
import { registerEstimator } from '../core/serialization';
import { fittedSteps, nFeaturesIn, type StateSchema } from '../core/stateSchema';
import type { EstimatorTags, MatrixLike } from '../core/types';
import { toSampleWeight, toTarget } from '../core/validation';
import { matrixFromFlat, toMatrix } from '../core/data/index';
import { fitMember, memberPredict } from './_members';
import {
  liveMembers,
  liveWeights,
  membersOptions,
  membersSpec,
  requireSomeMember,
  type NamedEstimator,
  type NamedEstimatorLike,
} from './_namedEstimators';

/** Options of {@link VotingRegressor}. */
export interface VotingRegressorOptions {
  /** The members, as `[name, estimator]` pairs; an estimator may be `'drop'` to leave it out. */
  estimators: NamedEstimator[];
  /** One weight per member (dropped ones included), or null for equal weights. @defaultValue null */
  weights: number[] | null;
}

interface VotingRegressorState {
  nFeaturesIn: number;
  /** The fitted members (clones of the configured ones; `'drop'` kept by name). */
  fitted: NamedEstimator[];
}

const RESERVED = new Set(['estimators', 'weights']);
const NAME = 'VotingRegressor';

/**
 * Averages the predictions of several regressors (weighted by `weights`), as scikit-learn's
 * `VotingRegressor`. `fit` fits a clone of each member, with `sampleWeight` when given (every member
 * must take it).
 *
 * Fitted attributes: `estimators_` (the fitted members, dropped ones left out), `namedEstimators_`,
 * `nFeaturesIn_`. `transform` gives each member's predictions (n × members).
 * @example
 * ```ts
 * import { VotingRegressor, LinearRegression, DecisionTreeRegressor } from 'typelearn';
 * const X = [[0], [1], [2], [3]];
 * const y = [0, 2, 4, 6];
 * const vote = new VotingRegressor([
 *   ['ols', new LinearRegression()],
 *   ['tree', new DecisionTreeRegressor({ randomState: 0 })],
 * ]).fit(X, y);
 * console.log(vote.predict([[1]]).map((v) => +v.toFixed(6))); // [ 2 ]
 * console.log(vote.transform([[1]]).to2DArray().map((r) => r.map((v) => +v.toFixed(6)))); // [ [ 2, 2 ] ]
 * ```
 */
export class VotingRegressor<const M extends readonly NamedEstimatorLike[] = NamedEstimator[]> extends MembersEnsemble<VotingRegressorOptions, VotingRegressorState, M> {
  static override readonly className = NAME;
  /** The fitted state's rules, checked when a saved model is loaded. */
  static override readonly stateSchema: StateSchema = { nFeaturesIn: nFeaturesIn(), fitted: fittedSteps('estimators') };
  static override readonly defaults: VotingRegressorOptions = { estimators: [], weights: null };
  static override readonly paramSchema = { estimators: membersSpec(RESERVED), weights: nullable(arrayOf(num({ min: 0 }))) };
  static override readonly tags: Partial<EstimatorTags> = { estimatorType: 'regressor', requiresY: true };

  /**
   * @param estimators - the `[name, estimator]` pairs, or one options object `{ estimators, weights }`.
   * @param options - `weights`, with the first form.
   */
  constructor(estimators?: M | Partial<VotingRegressorOptions>, options?: Partial<Omit<VotingRegressorOptions, 'estimators'>>) {
    super(membersOptions<VotingRegressorOptions>(NAME, estimators, options, RESERVED));
  }

  /** The coefficient of determination R² of the prediction (weighted by `sampleWeight` when given). */
  score(X: MatrixLike, y: ArrayLike<number>, sampleWeight?: ArrayLike<number>): number {
    return r2Score(y, this.predict(X), { sampleWeight });
  }

  /**
   * Fits a clone of every member on X and y.
   * @param sampleWeight - passed to every member's fit (each must take sample weights).
   */
  fit(X: MatrixLike, y: ArrayLike<number>, sampleWeight?: ArrayLike<number>): this {
    const Xd = this.checkX(X, { reset: true });
    const n = Xd.rows;
    const yv = toTarget(y, { estimator: NAME, length: n });
    const list = this.params.estimators;
    requireSomeMember(NAME, list);
    liveWeights(NAME, list, this.params.weights);
    const sw = sampleWeight === undefined ? undefined : toSampleWeight(sampleWeight, n, NAME);
    const Xm = toMatrix(Xd);
    const fitted: NamedEstimator[] = list.map(([name, est]) => {
      if (est === 'drop') return [name, est];
      const clone = est.clone();
      fitMember({ estimator: NAME, role: `estimator '${name}'` }, clone, Xm, yv, sw);
      return [name, clone];
    });
    this.state = { nFeaturesIn: Xd.cols, fitted };
    return this;
  }

  /** Each live member's predictions, one array per member. */
  private predictions(X: MatrixLike, what: string): { P: Float64Array[]; n: number; w: number[] } {
    const s = this.fitted(what);
    const live = liveMembers(s.fitted).map(([, e]) => e);
    const w = liveWeights(NAME, s.fitted, this.params.weights) ?? live.map(() => 1);
    const Xm = toMatrix(this.checkX(X));
    return { P: live.map((e) => memberPredict(e, Xm, { estimator: NAME, role: 'estimator' })), n: Xm.rows, w };
  }

  /** The weighted mean of the members' predictions. */
  predict(X: MatrixLike): number[] {
    const { P, n, w } = this.predictions(X, 'predict');
    let total = 0;
    for (const v of w) total += v;
    const out = new Array<number>(n).fill(0);
    P.forEach((p, m) => {
      for (let i = 0; i < n; i++) out[i] += w[m] * p[i];
    });
    return out.map((v) => v / total);
  }

  /** Each member's predictions, side by side (n × members). */
  transform(X: MatrixLike): Matrix {
    const { P, n } = this.predictions(X, 'transform');
    const m = P.length;
    const out = new Float64Array(n * m);
    P.forEach((p, j) => {
      for (let i = 0; i < n; i++) out[i * m + j] = p[i];
    });
    return matrixFromFlat(out, n, m);
  }

}

registerEstimator(VotingRegressor);
