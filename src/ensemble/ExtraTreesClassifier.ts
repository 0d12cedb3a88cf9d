import { registerEstimator } from '../core/serialization';
import type { EstimatorTags, Label, MatrixLike } from '../core/types';
import { ExtraTreeClassifier } from '../tree/ExtraTreeClassifier';
import { BaseForestClassifier, forestClassifierSchema, type ForestClassifierOptions } from './_BaseForestClassifier';
import { forestDefaults } from './_forestCommon';
import type { FitOptions } from '../core/fitControl';

/** Options of {@link ExtraTreesClassifier}. */
export type ExtraTreesClassifierOptions = ForestClassifierOptions;

/**
 * An extra-trees classifier (extremely randomized trees), as scikit-learn's
 * `ExtraTreesClassifier`: `nEstimators` trees whose splits each draw one random threshold per
 * drawn feature (between its extremes in the node) and keep the best of those; by default every
 * tree sees all the rows (`bootstrap` false). It predicts the class of largest mean probability.
 *
 * Same options as {@link RandomForestClassifier}, with scikit-learn's defaults for extra trees
 * (`bootstrap` false, `maxFeatures` 'sqrt'); `oobScore` and `maxSamples` need `bootstrap: true`.
 * Fitted attributes as the random forest's; `estimators_` are {@link ExtraTreeClassifier}
 * instances. Each tree's seed is drawn up front from `randomState`, and a tree's fit is a pure
 * function of its seed, the data and the options, so the trees could be grown in worker threads
 * and give the same forest. Missing values (NaN) are rejected.
 *
 * @example
 * ```ts
 * import { ExtraTreesClassifier, loadWine } from 'typelearn';
 * const { data, target } = loadWine();
 * const et = new ExtraTreesClassifier({ randomState: 0 }).fit(data, target);
 * console.log(et.score(data, target)); // 1
 * console.log(et.featureImportances_.length, et.nClasses_); // 13 3
 * ```
 */
export class ExtraTreesClassifier<L extends Label = Label> extends BaseForestClassifier<L> { // eslint-disable-line @typescript-eslint/no-unsafe-declaration-merging -- the interface ExtraTreesClassifier below only types fit and predict
  static override readonly className: string = 'ExtraTreesClassifier';
  static override readonly tags: Partial<EstimatorTags> = { estimatorType: 'classifier', requiresY: true };
  static override readonly defaults: ForestClassifierOptions = forestDefaults('gini', 'sqrt', false, { classWeight: null });
  static override readonly paramSchema = forestClassifierSchema;
  protected readonly splitter = 'random';

  protected makeTree(options: Record<string, unknown>): ExtraTreeClassifier {
    return new ExtraTreeClassifier(options);
  }
}

/**
 * `fit` and `predict` of ExtraTreesClassifier, typed with its labels: `fit` returns the same object typed with
 * the labels of y. The implementation is inherited; this declaration only narrows the types.
 */
export interface ExtraTreesClassifier<L extends Label = Label> {
  /** Learns from X and the labels y; returns this classifier, typed with the labels of y (`classes_` is `T[]`). */
  fit<T extends Label>(X: MatrixLike, y: ArrayLike<T>, sampleWeightOrOptions?: ArrayLike<number> | FitOptions): ExtraTreesClassifier<T>;
  /** One label per row of X, from `classes_`. */
  predict(X: MatrixLike): L[];
}

registerEstimator(ExtraTreesClassifier);
