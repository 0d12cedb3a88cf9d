import { num } from '../core/params';
import { registerEstimator } from '../core/serialization';
import { fprSupport } from './_selection';
import { UnivariateSelector, scoreFuncSpec, type ScoreFunc } from './_univariate';
import { fClassif } from './fClassif';

/** Options of {@link SelectFpr}. */
export interface SelectFprOptions {
  /** Scores features from (X, y); it must return p-values (`{ scores, pvalues }`). @defaultValue fClassif */
  scoreFunc: ScoreFunc;
  /** The significance level, in [0, 1]. @defaultValue 0.05 */
  alpha: number;
}

/**
 * Keeps p-values below alpha: a test at false positive rate alpha for each feature, as scikit-learn's SelectFpr. The score function must return p-values
 * (all built-ins except `rRegression` and the mutual-information estimators do).
 *
 * Fitted attributes: `scores_`, `pvalues_`, `nFeaturesIn_`; `getSupport()`.
 * @example
 * ```ts
 * import { SelectFpr } from 'typelearn';
 * const X = [[1, 9, 0, 3], [2, 1, 0, 3.5], [8, 5, 1, 5], [9, 4, 1.1, 5.5], [1.5, 5, 0.1, 3.1], [8.5, 6, 1, 5]];
 * const sel = new SelectFpr({ alpha: 0.01 }).fit(X, [0, 0, 1, 1, 0, 1]);
 * console.log(sel.getSupport()); // [ true, false, true, true ]
 * ```
 */
export class SelectFpr extends UnivariateSelector<SelectFprOptions> {
  static override readonly className = 'SelectFpr';
  static override readonly defaults: SelectFprOptions = { scoreFunc: fClassif, alpha: 0.05 };
  static override readonly paramSchema = { scoreFunc: scoreFuncSpec, alpha: num({ min: 0, max: 1 }) };

  protected selectSupport(_scores: Float64Array, pvalues: Float64Array | null): boolean[] {
    return fprSupport(this.requirePvalues(pvalues), this.params.alpha);
  }
}

registerEstimator(SelectFpr);
