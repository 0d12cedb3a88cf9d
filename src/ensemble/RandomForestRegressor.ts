import { registerEstimator } from '../core/serialization';
import type { EstimatorTags } from '../core/types';
import { DecisionTreeRegressor } from '../tree/DecisionTreeRegressor';
import { BaseForestRegressor, forestRegressorSchema, type ForestRegressorOptions } from './_BaseForestRegressor';
import { forestDefaults } from './_forestCommon';

/** Options of {@link RandomForestRegressor}. */
export type RandomForestRegressorOptions = ForestRegressorOptions;

/**
 * A random forest regressor, as scikit-learn's `RandomForestRegressor`: `nEstimators` regression
 * trees, each grown on a bootstrap sample of the rows (drawn as sample weights that count the
 * draws, not as copied rows); the forest predicts the mean of the trees' predictions.
 *
 * Options and defaults are scikit-learn's (1.2): `nEstimators` 100, `criterion` 'squared_error'
 * ('friedman_mse', 'poisson'), `bootstrap` true, `maxDepth`, `minSamplesSplit`, `minSamplesLeaf`,
 * `minWeightFractionLeaf`, `minImpurityDecrease`, `oobScore` (true for R², or a scorer),
 * `randomState`, `warmStart`, `maxSamples`; `sampleWeight` in `fit`. `maxFeatures` defaults to
 * null, all the features, which is scikit-learn's `max_features=1.0` (in JavaScript `1.0` is the
 * integer 1, one feature).
 *
 * Fitted attributes: `estimators_` (the trees as {@link DecisionTreeRegressor} instances),
 * `nFeaturesIn_`, `featureImportances_` (mean of the trees' normalized impurity decreases), and
 * with `oobScore`: `oobScore_`, `oobPrediction_`. Methods: `predict`, `apply`, `score` (R²).
 *
 * Each tree's seed is drawn up front from `randomState` (as scikit-learn does); a tree's fit is a
 * pure function of its seed, the data and the options (`fitForestTree` in
 * `ensemble/_forestBuild.ts`), so trees grown in another order, or in worker threads, give the
 * same forest. Missing values (NaN) are rejected; impute them first.
 *
 * @example
 * ```ts
 * import { RandomForestRegressor } from 'typelearn';
 * const X = [[1], [2], [3], [4], [10], [11], [12], [13]];
 * const y = [1, 1, 1, 1, 5, 5, 5, 5];
 * const rf = new RandomForestRegressor({ nEstimators: 20, randomState: 0 }).fit(X, y);
 * console.log(rf.predict([[2.5], [11.5]])); // [ 1, 5 ]
 * console.log(rf.featureImportances_); // [ 1 ]
 * ```
 */
export class RandomForestRegressor extends BaseForestRegressor {
  static override readonly className: string = 'RandomForestRegressor';
  static override readonly tags: Partial<EstimatorTags> = { estimatorType: 'regressor', requiresY: true };
  static override readonly defaults: ForestRegressorOptions = forestDefaults('squared_error', null, true, {});
  static override readonly paramSchema = forestRegressorSchema;
  protected readonly splitter = 'best';

  protected makeTree(options: Record<string, unknown>): DecisionTreeRegressor {
    return new DecisionTreeRegressor(options);
  }
}

registerEstimator(RandomForestRegressor);
