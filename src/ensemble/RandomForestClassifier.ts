import { registerEstimator } from '../core/serialization';
import type { EstimatorTags, Label, MatrixLike } from '../core/types';
import { DecisionTreeClassifier } from '../tree/DecisionTreeClassifier';
import { BaseForestClassifier, forestClassifierSchema, type ForestClassifierOptions } from './_BaseForestClassifier';
import { forestDefaults } from './_forestCommon';
import type { FitOptions } from '../core/fitControl';

/** Options of {@link RandomForestClassifier}. */
export type RandomForestClassifierOptions = ForestClassifierOptions;

/**
 * A random forest classifier, as scikit-learn's `RandomForestClassifier`: `nEstimators` decision
 * trees, each grown on a bootstrap sample of the rows (drawn as sample weights that count the
 * draws, not as copied rows) with `maxFeatures` features drawn at each split; the forest predicts
 * the class of largest mean probability over the trees.
 *
 * Options and defaults are scikit-learn's (1.2): `nEstimators` 100, `criterion` 'gini',
 * `maxFeatures` 'sqrt', `bootstrap` true, `maxDepth`, `minSamplesSplit`, `minSamplesLeaf`,
 * `minWeightFractionLeaf`, `minImpurityDecrease`, `oobScore` (true or a scorer), `randomState`,
 * `warmStart`, `classWeight` (incl. 'balanced_subsample') and `maxSamples`; `sampleWeight` in `fit`.
 *
 * Fitted attributes: `estimators_` (the trees as {@link DecisionTreeClassifier} instances, each
 * with `predict`, `exportText`, `featureImportances_`), `classes_`, `nClasses_`, `nFeaturesIn_`,
 * `featureImportances_` (mean of the trees' normalized impurity decreases), and with `oobScore`:
 * `oobScore_`, `oobDecisionFunction_`. Methods: `predict`, `predictProba`, `apply` (the leaf
 * of each sample in each tree), `score`.
 *
 * Each tree's seed is drawn up front from `randomState` (as scikit-learn does); a tree's fit is a
 * pure function of its seed, the data and the options (`fitForestTree` in
 * `ensemble/_forestBuild.ts`), so trees grown in another order, or in worker threads, give the
 * same forest. Missing values (NaN) are rejected; impute them first.
 *
 * @example
 * ```ts
 * import { RandomForestClassifier, loadIris } from 'typelearn';
 * const { data, target } = loadIris();
 * const rf = new RandomForestClassifier({ nEstimators: 50, oobScore: true, randomState: 0 }).fit(data, target);
 * console.log(rf.estimators_.length, rf.classes_); // 50 [ 0, 1, 2 ]
 * console.log(rf.oobScore_ > 0.9); // true
 * console.log(rf.predict([[5.1, 3.5, 1.4, 0.2], [6.7, 3.0, 5.2, 2.3]])); // [ 0, 2 ]
 * ```
 */
export class RandomForestClassifier<L extends Label = Label> extends BaseForestClassifier<L> { // eslint-disable-line @typescript-eslint/no-unsafe-declaration-merging -- the interface RandomForestClassifier below only types fit and predict
  static override readonly className: string = 'RandomForestClassifier';
  static override readonly tags: Partial<EstimatorTags> = { estimatorType: 'classifier', requiresY: true };
  static override readonly defaults: ForestClassifierOptions = forestDefaults('gini', 'sqrt', true, { classWeight: null });
  static override readonly paramSchema = forestClassifierSchema;
  protected readonly splitter = 'best';

  protected makeTree(options: Record<string, unknown>): DecisionTreeClassifier {
    return new DecisionTreeClassifier(options);
  }
}

/**
 * `fit` and `predict` of RandomForestClassifier, typed with its labels: `fit` returns the same object typed with
 * the labels of y. The implementation is inherited; this declaration only narrows the types.
 */
export interface RandomForestClassifier<L extends Label = Label> {
  /** Learns from X and the labels y; returns this classifier, typed with the labels of y (`classes_` is `T[]`). */
  fit<T extends Label>(X: MatrixLike, y: ArrayLike<T>, sampleWeightOrOptions?: ArrayLike<number> | FitOptions): RandomForestClassifier<T>;
  /** One label per row of X, from `classes_`. */
  predict(X: MatrixLike): L[];
}

registerEstimator(RandomForestClassifier);
