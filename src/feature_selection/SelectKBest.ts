import { ValidationError } from '../core/errors';
import { int, oneOf, union } from '../core/params';
import { registerEstimator } from '../core/serialization';
import type { RowMajor } from '../core/data/index';
import { kBestSupport } from './_selection';
import { UnivariateSelector, scoreFuncSpec, type ScoreFunc } from './_univariate';
import { fClassif } from './fClassif';

/** Options of {@link SelectKBest}. */
export interface SelectKBestOptions {
  /** Scores features from (X, y): `{ scores, pvalues? }` or the scores alone. @defaultValue fClassif */
  scoreFunc: ScoreFunc;
  /** How many features to keep (at most the number of features), or `'all'`. @defaultValue 10 */
  k: number | 'all';
}

/**
 * Keeps the k features with the highest scores. Ties are broken as in scikit-learn (at equal
 * scores the later feature is kept); NaN scores rank lowest. k greater than the number of features
 * throws a `ValidationError` (use `'all'`), as scikit-learn 1.2 raises.
 *
 * Fitted attributes: `scores_`, `pvalues_` (null when the score function gives none),
 * `nFeaturesIn_`; `getSupport()`.
 * @example
 * ```ts
 * import { SelectKBest, fClassif } from 'typelearn';
 * const X = [[1, 9, 0], [2, 1, 0], [8, 5, 1], [9, 4, 1]];
 * const sel = new SelectKBest({ scoreFunc: fClassif, k: 2 }).fit(X, [0, 0, 1, 1]);
 * console.log(sel.getSupport(true)); // [ 0, 2 ]
 * console.log(sel.transform(X).to2DArray()[0]); // [ 1, 0 ]
 * ```
 */
export class SelectKBest extends UnivariateSelector<SelectKBestOptions> {
  static override readonly className = 'SelectKBest';
  static override readonly defaults: SelectKBestOptions = { scoreFunc: fClassif, k: 10 };
  static override readonly paramSchema = { scoreFunc: scoreFuncSpec, k: union(oneOf('all'), int({ min: 0 })) };

  protected override checkFitParams(X: RowMajor): void {
    const { k } = this.params;
    if (k !== 'all' && k > X.cols) {
      throw new ValidationError({ code: 'invalid_option', estimator: this.className, param: 'k', expected: `at most the number of features (${X.cols}), or 'all'`, received: String(k) });
    }
  }

  protected selectSupport(scores: Float64Array): boolean[] {
    return kBestSupport(scores, this.params.k);
  }
}

registerEstimator(SelectKBest);
