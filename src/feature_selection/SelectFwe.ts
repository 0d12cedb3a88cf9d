import { num } from '../core/params';
import { registerEstimator } from '../core/serialization';
import { fweSupport } from './_selection';
import { UnivariateSelector, scoreFuncSpec, type ScoreFunc } from './_univariate';
import { fClassif } from './fClassif';

/** Options of {@link SelectFwe}. */
export interface SelectFweOptions {
  /** Scores features from (X, y); it must return p-values (`{ scores, pvalues }`). @defaultValue fClassif */
  scoreFunc: ScoreFunc;
  /** The significance level, in [0, 1]. @defaultValue 0.05 */
  alpha: number;
}

/**
 * Keeps the p-values below alpha / n_features (Bonferroni's bound on the family-wise error rate), as scikit-learn's SelectFwe. The score function must return p-values
 * (all built-ins except `rRegression` and the mutual-information estimators do).
 *
 * Fitted attributes: `scores_`, `pvalues_`, `nFeaturesIn_`; `getSupport()`.
 * @example
 * ```ts
 * import { SelectFwe } from 'typelearn';
 * const X = [[1, 9, 0, 3], [2, 1, 0, 3.5], [8, 5, 1, 5], [9, 4, 1.1, 5.5], [1.5, 5, 0.1, 3.1], [8.5, 6, 1, 5]];
 * const sel = new SelectFwe({ alpha: 0.001 }).fit(X, [0, 0, 1, 1, 0, 1]);
 * console.log(sel.getSupport()); // [ true, false, true, false ]
 * ```
 */
export class SelectFwe extends UnivariateSelector<SelectFweOptions> {
  static override readonly className = 'SelectFwe';
  static override readonly defaults: SelectFweOptions = { scoreFunc: fClassif, alpha: 0.05 };
  static override readonly paramSchema = { scoreFunc: scoreFuncSpec, alpha: num({ min: 0, max: 1 }) };

  protected selectSupport(_scores: Float64Array, pvalues: Float64Array | null): boolean[] {
    return fweSupport(this.requirePvalues(pvalues), this.params.alpha);
  }
}

registerEstimator(SelectFwe);
