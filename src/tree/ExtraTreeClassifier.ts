import { registerEstimator } from '../core/serialization';
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
export class ExtraTreeClassifier extends DecisionTreeClassifier {
  static override readonly className = 'ExtraTreeClassifier';
  static override readonly defaults: DecisionTreeClassifierOptions = { ...DecisionTreeClassifier.defaults, splitter: 'random', maxFeatures: 'sqrt' };
}

registerEstimator(ExtraTreeClassifier);
