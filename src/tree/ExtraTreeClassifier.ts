import { registerEstimator } from '../core/serialization';
import type { Label, MatrixLike } from '../core/types';
import { DecisionTreeClassifier, type DecisionTreeClassifierOptions } from './DecisionTreeClassifier';

/**
 * An extremely randomized tree classifier, as scikit-learn's `ExtraTreeClassifier`: a
 * {@link DecisionTreeClassifier} whose defaults are `splitter: 'random'` (one threshold drawn
 * uniformly between each drawn feature's extremes in the node, the best of those kept) and
 * `maxFeatures: 'sqrt'`. Meant as the building block of `ExtraTreesClassifier` (in
 * `typelearn/ensemble`); alone, it is a weak but very fast learner. Same options, fitted attributes
 * and methods as the decision tree.
 *
 * @example
 * ```ts
 * import { ExtraTreeClassifier, loadIris } from 'typelearn';
 * const { data, target } = loadIris();
 * const tree = new ExtraTreeClassifier({ randomState: 0 }).fit(data, target);
 * console.log(tree.score(data, target)); // 1
 * console.log(tree.getParams().splitter, tree.getParams().maxFeatures); // random sqrt
 * ```
 */
export class ExtraTreeClassifier<Y extends Label | Label[] = Label> extends DecisionTreeClassifier<Y> { // eslint-disable-line @typescript-eslint/no-unsafe-declaration-merging -- the interface ExtraTreeClassifier below only types fit
  static override readonly className = 'ExtraTreeClassifier';
  static override readonly defaults: DecisionTreeClassifierOptions = { ...DecisionTreeClassifier.defaults, splitter: 'random', maxFeatures: 'sqrt' };
}

/**
 * `fit` of ExtraTreeClassifier, typed with its labels: it returns the same object typed with the
 * labels of y. The implementation is inherited; this declaration only narrows the type.
 */
export interface ExtraTreeClassifier<Y extends Label | Label[] = Label> {
  fit<T extends Label | Label[]>(X: MatrixLike, y: ArrayLike<T>, sampleWeight?: ArrayLike<number>): ExtraTreeClassifier<T>;
  predict(X: MatrixLike): Y[];
}

registerEstimator(ExtraTreeClassifier);
