import type { Matrix } from 'ml-matrix';
import type { BaseEstimator } from '../core/base';
import { hasDecisionFunction, isProbaPredictor, requireCapability } from '../core/capabilities';
import { bool, oneOf } from '../core/params';
import { MembersEnsemble } from './_MembersEnsemble';
import { accuracyScore } from '../metrics/accuracyScore';
import { registerEstimator } from '../core/serialization';
import { nFeaturesIn, type StateSchema } from '../core/stateSchema';
import type { EstimatorTags, Label, MatrixLike } from '../core/types';
import { toSampleWeight } from '../core/validation';
import type { CvInput } from '../model_selection/checkCv';
import { LogisticRegression } from '../linear_model/LogisticRegression';
import { asSteps, classIndices, classesOfMembers, memberVotes } from './_members';
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
  stackingRules,
  stackingTransform,
  type ResolvedStackMethod,
  type StackMethod,
  type StackingState,
} from './_stacking';

/** Options of {@link StackingClassifier}. */
export interface StackingClassifierOptions {
  /** The members, as `[name, estimator]` pairs; an estimator may be `'drop'` to leave it out. */
  estimators: NamedEstimator[];
  /** The classifier fitted on the members' out-of-fold outputs; null: `LogisticRegression()`. @defaultValue null */
  finalEstimator: BaseEstimator | null;
  /**
   * The folds of the out-of-fold outputs: a number of folds (StratifiedKFold, unshuffled), a splitter
   * or `{ train, test }` splits whose test sets partition the rows. @defaultValue 5
   */
  cv: CvInput;
  /**
   * What each member hands on: `'auto'` tries `predict_proba`, then `decision_function`, then
   * `predict`. With two classes, probabilities keep the second column only. @defaultValue 'auto'
   */
  stackMethod: StackMethod;
  /** Also hand X itself to the final estimator, after the members' outputs. @defaultValue false */
  passthrough: boolean;
}

type StackingClassifierState = StackingState & { classes: Label[] };

const RESERVED = new Set(['estimators', 'finalEstimator', 'cv', 'stackMethod', 'passthrough']);
const NAME = 'StackingClassifier';

/**
 * Stacks classifiers, as scikit-learn's `StackingClassifier`: each member is fitted on all the data
 * (for `predict` & co.), and a final classifier (default `LogisticRegression`) is fitted on the
 * members' out-of-fold outputs (`crossValPredict` over `cv`, the same splits for every member), and
 * X too with `passthrough`. Members and the final estimator see the class indices of y.
 *
 * Fitted attributes: `estimators_`, `namedEstimators_`, `finalEstimator_`, `stackMethod_`,
 * `classes_`, `nFeaturesIn_`; `transform` gives the final estimator's input.
 * @example
 * ```ts
 * import { StackingClassifier, LogisticRegression, DecisionTreeClassifier } from 'typelearn';
 * const X = [[0, 0], [1, 1], [0, 1], [1, 0], [2, 2], [2, 1], [0, 2], [3, 1], [0.5, 0], [2, 3]];
 * const y = ['a', 'b', 'a', 'b', 'b', 'b', 'a', 'b', 'a', 'b'];
 * const stack = new StackingClassifier({
 *   estimators: [['tree', new DecisionTreeClassifier({ maxDepth: 1, randomState: 0 })], ['lr', new LogisticRegression()]],
 *   cv: 2,
 * }).fit(X, y);
 * console.log(stack.stackMethod_); // [ 'predict_proba', 'predict_proba' ]
 * console.log(stack.predict([[0, 0.5], [3, 3]])); // [ 'a', 'b' ]
 * ```
 */
export class StackingClassifier extends MembersEnsemble<StackingClassifierOptions, StackingClassifierState> {
  static override readonly className = NAME;
  /** The fitted state's rules, checked when a saved model is loaded. */
  static override readonly stateSchema: StateSchema = {
    nFeaturesIn: nFeaturesIn(),
    classes: classesOfMembers((s) => [s.finalEstimator, ...asSteps(s.fitted)], true),
    ...stackingRules('LogisticRegression'),
  };
  static override readonly defaults: StackingClassifierOptions = { estimators: [], finalEstimator: null, cv: 5, stackMethod: 'auto', passthrough: false };
  static override readonly paramSchema = {
    estimators: membersSpec(RESERVED),
    finalEstimator: finalEstimatorSpec,
    cv: stackingCvSpec,
    stackMethod: oneOf('auto', 'predict_proba', 'decision_function', 'predict'),
    passthrough: bool(),
  };
  static override readonly tags: Partial<EstimatorTags> = { estimatorType: 'classifier', requiresY: true };

  /**
   * @param estimators - the `[name, estimator]` pairs, or one options object `{ estimators, … }`.
   * @param options - the other options, with the first form.
   */
  constructor(estimators?: NamedEstimator[] | Partial<StackingClassifierOptions>, options?: Partial<Omit<StackingClassifierOptions, 'estimators'>>) {
    super(membersOptions<StackingClassifierOptions>(NAME, estimators, options, RESERVED));
  }

  /** The live members, and the final estimator with passthrough (it then sees X too). */
  protected override tagMembers(): BaseEstimator[] {
    return stackingMembers(this.params);
  }

  /** The live members (not `'drop'`) and `finalEstimator`, by name, for `getParams` / `setParams` (`name__option`). */
  protected override nestedEstimators(): Array<[string, BaseEstimator]> {
    return stackingNested(this.params);
  }

  /** The class labels seen in `fit`, sorted as scikit-learn sorts them. */
  get classes_(): Label[] {
    return this.fitted('classes_').classes.slice();
  }

  /** Mean accuracy on the given data (weighted by `sampleWeight` when given). */
  score(X: MatrixLike, y: ArrayLike<Label>, sampleWeight?: ArrayLike<number>): number {
    return accuracyScore(y, this.predict(X), { sampleWeight });
  }

  /**
   * Fits the members on all the data, then the final estimator on their out-of-fold outputs.
   * @param sampleWeight - passed to every member's and the final estimator's fit (each must take it).
   */
  fit(X: MatrixLike, y: ArrayLike<Label>, sampleWeight?: ArrayLike<number>): this {
    const Xd = this.checkX(X, { reset: true });
    const n = Xd.rows;
    const { classes, codes } = classIndices(NAME, y, n);
    requireSomeMember(NAME, this.params.estimators);
    const p = this.params;
    const s = fitStacking({
      owner: NAME,
      list: p.estimators,
      X: Xd,
      y: codes,
      sampleWeight: sampleWeight === undefined ? undefined : toSampleWeight(sampleWeight, n, NAME),
      cv: p.cv,
      stackMethod: p.stackMethod,
      passthrough: p.passthrough,
      finalEstimator: p.finalEstimator ?? new LogisticRegression(),
      nClasses: classes.length,
    });
    this.state = { ...s, classes };
    return this;
  }

  /** The final estimator's input: the members' outputs (and X with passthrough). */
  transform(X: MatrixLike): Matrix {
    const s = this.fitted('transform');
    return stackingTransform(NAME, s, this.checkX(X), s.classes.length);
  }

  /** The final estimator's predictions, as class labels. */
  predict(X: MatrixLike): Label[] {
    const s = this.fitted('predict');
    const codes = memberVotes(s.finalEstimator, this.transform(X), { estimator: NAME, role: 'finalEstimator' }, s.classes.length);
    return Array.from(codes, (k) => s.classes[k]);
  }

  /** The final estimator's class probabilities, columns as `classes_`. */
  predictProba(X: MatrixLike): Matrix {
    const fe = requireCapability(this.fitted('predictProba').finalEstimator, isProbaPredictor, 'predictProba', { estimator: NAME, role: 'finalEstimator' });
    return fe.predictProba(this.transform(X));
  }

  /** The final estimator's decision function. */
  decisionFunction(X: MatrixLike): number[] | Matrix {
    const fe = requireCapability(this.fitted('decisionFunction').finalEstimator, hasDecisionFunction, 'decisionFunction', { estimator: NAME, role: 'finalEstimator' });
    return fe.decisionFunction(this.transform(X));
  }

  /** The names of `transform`'s columns (scikit-learn's `get_feature_names_out`). */
  getFeatureNamesOut(inputFeatures?: string[]): string[] {
    return stackingFeatureNames(NAME, this.fitted('getFeatureNamesOut'), inputFeatures);
  }

  /** The final estimator, fitted on the members' out-of-fold outputs. */
  get finalEstimator_(): BaseEstimator {
    return this.fitted('finalEstimator_').finalEstimator;
  }

  /** The method each member hands on (dropped members left out). */
  get stackMethod_(): ResolvedStackMethod[] {
    return this.fitted('stackMethod_').stackMethod.slice();
  }
}

registerEstimator(StackingClassifier);
