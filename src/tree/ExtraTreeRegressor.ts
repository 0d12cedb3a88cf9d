import { registerEstimator } from '../core/serialization';
import { DecisionTreeRegressor, type DecisionTreeRegressorOptions } from './DecisionTreeRegressor';

/**
 * An extremely randomized tree regressor, as scikit-learn's `ExtraTreeRegressor`: a
 * {@link DecisionTreeRegressor} whose default is `splitter: 'random'` (one threshold drawn
 * uniformly between each drawn feature's extremes in the node, the best of those kept), with all
 * features drawn at each node (`maxFeatures: null`, scikit-learn's `max_features=1.0`). Meant as
 * the building block of `ExtraTreesRegressor` (in `typelearn/ensemble`). Same options, fitted
 * attributes and methods as the decision tree.
 *
 * @example
 * ```ts
 * import { ExtraTreeRegressor } from 'typelearn';
 * const X = [[1], [2], [3], [10], [11], [12]];
 * const reg = new ExtraTreeRegressor({ maxDepth: 1, randomState: 0 }).fit(X, [1, 1, 1, 5, 5, 5]);
 * console.log(reg.getDepth(), reg.getNLeaves()); // 1 2
 * console.log(reg.getParams().splitter); // random
 * ```
 */
export class ExtraTreeRegressor extends DecisionTreeRegressor {
  static override readonly className = 'ExtraTreeRegressor';
  static override readonly defaults: DecisionTreeRegressorOptions = { ...DecisionTreeRegressor.defaults, splitter: 'random' };
}

registerEstimator(ExtraTreeRegressor);
