import type { Matrix } from 'ml-matrix';
import type { BaseEstimator } from '../core/base';
import { bool } from '../core/params';
import { MembersEnsemble } from './_MembersEnsemble';
import { r2Score } from '../metrics/r2Score';
import { registerEstimator } from '../core/serialization';
import type { StateSchema } from '../core/stateSchema';
import type { EstimatorTags, MatrixLike } from '../core/types';
import { toSampleWeight, toTarget } from '../core/validation';
import type { CvInput } from '../model_selection/checkCv';
import { RidgeCV } from '../linear_model/RidgeCV';
import { memberPredict } from './_members';
import {
  membersOptions,
  membersSpec,
  requireSomeMember,
  type NamedEstimator,
} from './_namedEstimators';
import {
  finalEstimatorSpec,
  fitStacking,
  stackingCvSpec,
  stackingFeatureNames,
  stackingMembers,
  stackingNested,
  stackingSchema,
  stackingTransform,
  type ResolvedStackMethod,
  type StackingState,
} from './_stacking';

/** Options of {@link StackingRegressor}. */
export interface StackingRegressorOptions {
  /** The members, as `[name, estimator]` pairs; an estimator may be `'drop'` to leave it out. */
  estimators: NamedEstimator[];
  /** The regressor fitted on the members' out-of-fold predictions; null: `RidgeCV()`. @defaultValue null */
  finalEstimator: BaseEstimator | null;
  /**
   * The folds of the out-of-fold predictions: a number of folds (KFold, unshuffled), a splitter or
   * `{ train, test }` splits whose test sets partition the rows. @defaultValue 5
   */
  cv: CvInput;
  /** Also hand X itself to the final estimator, after the members' predictions. @defaultValue false */
  passthrough: boolean;
}

const RESERVED = new Set(['estimators', 'finalEstimator', 'cv', 'passthrough']);
const NAME = 'StackingRegressor';

/**
 * Stacks regressors, as scikit-learn's `StackingRegressor`: each member is fitted on all the data
 * (for `predict`), and a final regressor (default `RidgeCV`) is fitted on the members' out-of-fold
 * predictions (`crossValPredict` over `cv`, the same splits for every member), and X too with
 * `passthrough`.
 *
 * Fitted attributes: `estimators_`, `namedEstimators_`, `finalEstimator_`, `stackMethod_` (always
 * `'predict'`), `nFeaturesIn_`; `transform` gives the final estimator's input.
 * @example
 * ```ts
 * import { StackingRegressor, LinearRegression, DecisionTreeRegressor } from 'typelearn';
 * const X = [[0], [1], [2], [3], [4], [5], [6], [7]];
 * const y = X.map(([v]) => 3 * v + 1);
 * const stack = new StackingRegressor([
 *   ['ols', new LinearRegression()],
 *   ['tree', new DecisionTreeRegressor({ maxDepth: 2, randomState: 0 })],
 * ], { finalEstimator: new LinearRegression(), cv: 2 }).fit(X, y);
 * console.log(stack.predict([[8]]).map((v) => +v.toFixed(6))); // [ 25 ]
 * console.log(stack.getFeatureNamesOut()); // [ 'stackingregressor_ols', 'stackingregressor_tree' ]
 * ```
 */
export class StackingRegressor extends MembersEnsemble<StackingRegressorOptions, StackingState> {
  static override readonly className = NAME;
  /** The fitted state's rules, checked when a saved model is loaded. */
  static override readonly stateSchema: StateSchema = stackingSchema;
  static override readonly defaults: StackingRegressorOptions = { estimators: [], finalEstimator: null, cv: 5, passthrough: false };
  static override readonly paramSchema = {
    estimators: membersSpec(RESERVED),
    finalEstimator: finalEstimatorSpec,
    cv: stackingCvSpec,
    passthrough: bool(),
  };
  static override readonly tags: Partial<EstimatorTags> = { estimatorType: 'regressor', requiresY: true };

  /**
   * @param estimators - the `[name, estimator]` pairs, or one options object `{ estimators, … }`.
   * @param options - the other options, with the first form.
   */
  constructor(estimators?: NamedEstimator[] | Partial<StackingRegressorOptions>, options?: Partial<Omit<StackingRegressorOptions, 'estimators'>>) {
    super(membersOptions<StackingRegressorOptions>(NAME, estimators, options, RESERVED));
  }

  /** The live members, and the final estimator with passthrough (it then sees X too). */
  protected override tagMembers(): BaseEstimator[] {
    return stackingMembers(this.params);
  }

  /** The live members (not `'drop'`) and `finalEstimator`, by name, for `getParams` / `setParams` (`name__option`). */
  protected override nestedEstimators(): Array<[string, BaseEstimator]> {
    return stackingNested(this.params);
  }

  /** The coefficient of determination R² of the prediction (weighted by `sampleWeight` when given). */
  score(X: MatrixLike, y: ArrayLike<number>, sampleWeight?: ArrayLike<number>): number {
    return r2Score(y, this.predict(X), { sampleWeight });
  }

  /**
   * Fits the members on all the data, then the final estimator on their out-of-fold predictions.
   * @param sampleWeight - passed to every member's and the final estimator's fit (each must take it).
   */
  fit(X: MatrixLike, y: ArrayLike<number>, sampleWeight?: ArrayLike<number>): this {
    const Xd = this.checkX(X, { reset: true });
    const n = Xd.rows;
    const yv = toTarget(y, { estimator: NAME, length: n });
    requireSomeMember(NAME, this.params.estimators);
    const p = this.params;
    this.state = fitStacking({
      owner: NAME,
      list: p.estimators,
      X: Xd,
      y: Array.from(yv),
      sampleWeight: sampleWeight === undefined ? undefined : toSampleWeight(sampleWeight, n, NAME),
      cv: p.cv,
      stackMethod: 'predict',
      passthrough: p.passthrough,
      finalEstimator: p.finalEstimator ?? new RidgeCV(),
      nClasses: 0,
    });
    return this;
  }

  /** The final estimator's input: the members' predictions (and X with passthrough). */
  transform(X: MatrixLike): Matrix {
    return stackingTransform(NAME, this.fitted('transform'), this.checkX(X), 0);
  }

  /** The final estimator's predictions. */
  predict(X: MatrixLike): number[] {
    const fe = this.fitted('predict').finalEstimator;
    return Array.from(memberPredict(fe, this.transform(X), { estimator: NAME, role: 'finalEstimator' }));
  }

  /** The names of `transform`'s columns (scikit-learn's `get_feature_names_out`). */
  getFeatureNamesOut(inputFeatures?: string[]): string[] {
    return stackingFeatureNames(NAME, this.fitted('getFeatureNamesOut'), inputFeatures);
  }

  /** The final estimator, fitted on the members' out-of-fold predictions. */
  get finalEstimator_(): BaseEstimator {
    return this.fitted('finalEstimator_').finalEstimator;
  }

  /** The method each member hands on: `'predict'` for every live member. */
  get stackMethod_(): ResolvedStackMethod[] {
    return this.fitted('stackMethod_').stackMethod.slice();
  }
}

registerEstimator(StackingRegressor);
