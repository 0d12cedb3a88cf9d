import { registerEstimator } from '../core/serialization';
import type { EstimatorTags } from '../core/types';
import { ExtraTreeRegressor } from '../tree/ExtraTreeRegressor';
import { BaseForestRegressor, forestRegressorSchema, type ForestRegressorOptions } from './_BaseForestRegressor';
import { forestDefaults } from './_forestCommon';

/** Options of {@link ExtraTreesRegressor}. */
export type ExtraTreesRegressorOptions = ForestRegressorOptions;

/**
 * An extra-trees regressor (extremely randomized trees), as scikit-learn's `ExtraTreesRegressor`:
 * `nEstimators` trees whose splits each draw one random threshold per drawn feature (between its
 * extremes in the node) and keep the best of those; by default every tree sees all the rows
 * (`bootstrap` false). It predicts the mean of the trees' predictions.
 *
 * Same options as {@link RandomForestRegressor}, with scikit-learn's defaults for extra trees
 * (`bootstrap` false; `maxFeatures` null, all features, scikit-learn's `1.0`); `oobScore` and
 * `maxSamples` need `bootstrap: true`. `estimators_` are {@link ExtraTreeRegressor} instances.
 * Each tree's seed is drawn up front from `randomState`, and a tree's fit is a pure function of
 * its seed, the data and the options, so the trees could be grown in worker threads and give the
 * same forest. Missing values (NaN) are rejected.
 *
 * @example
 * ```ts
 * import { ExtraTreesRegressor, loadDiabetes } from 'typelearn';
 * const { data, target } = loadDiabetes();
 * const et = new ExtraTreesRegressor({ nEstimators: 10, randomState: 0 }).fit(data, target);
 * console.log(et.score(data, target)); // 1
 * console.log(et.estimators_[0].getParams().splitter); // random
 * ```
 */
export class ExtraTreesRegressor extends BaseForestRegressor {
  static override readonly className: string = 'ExtraTreesRegressor';
  static override readonly tags: Partial<EstimatorTags> = { estimatorType: 'regressor', requiresY: true };
  static override readonly defaults: ForestRegressorOptions = forestDefaults('squared_error', null, false, {});
  static override readonly paramSchema = forestRegressorSchema;
  protected readonly splitter = 'random';

  protected makeTree(options: Record<string, unknown>): ExtraTreeRegressor {
    return new ExtraTreeRegressor(options);
  }
}

registerEstimator(ExtraTreesRegressor);
