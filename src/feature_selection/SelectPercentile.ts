import { num } from '../core/params';
import { registerEstimator } from '../core/serialization';
import { percentileSupport } from './_selection';
import { UnivariateSelector, scoreFuncSpec, type ScoreFunc } from './_univariate';
import { fClassif } from './fClassif';

/** Options of {@link SelectPercentile}. */
export interface SelectPercentileOptions {
  /** Scores features from (X, y): `{ scores, pvalues? }` or the scores alone. @defaultValue fClassif */
  scoreFunc: ScoreFunc;
  /** The percentage of features to keep, in [0, 100]. @defaultValue 10 */
  percentile: number;
}

/**
 * Keeps the features whose score is in the top `percentile` percent. As in scikit-learn, features
 * above numpy's percentile of the scores are kept, and ties at it are added in feature order up to
 * floor(n_features · percentile / 100) features; NaN scores rank lowest.
 *
 * Fitted attributes: `scores_`, `pvalues_`, `nFeaturesIn_`; `getSupport()`.
 * @example
 * ```ts
 * import { SelectPercentile } from 'typelearn';
 * const X = [[1, 9, 0, 3], [2, 1, 0, 3], [8, 5, 1, 4], [9, 4, 1, 3]];
 * const sel = new SelectPercentile({ percentile: 50 }).fit(X, [0, 0, 1, 1]);
 * console.log(sel.getSupport()); // [ true, false, true, false ]
 * ```
 */
export class SelectPercentile extends UnivariateSelector<SelectPercentileOptions> {
  static override readonly className = 'SelectPercentile';
  static override readonly defaults: SelectPercentileOptions = { scoreFunc: fClassif, percentile: 10 };
  static override readonly paramSchema = { scoreFunc: scoreFuncSpec, percentile: num({ min: 0, max: 100 }) };

  protected selectSupport(scores: Float64Array): boolean[] {
    return percentileSupport(scores, this.params.percentile);
  }
}

registerEstimator(SelectPercentile);
