import { ValidationError } from '../core/errors';
import { num, oneOf, union } from '../core/params';
import { registerEstimator } from '../core/serialization';
import type { RowMajor } from '../core/data/index';
import { fdrSupport, fprSupport, fweSupport, kBestSupport, percentileSupport } from './_selection';
import { UnivariateSelector, scoreFuncSpec, type ScoreFunc } from './_univariate';
import { fClassif } from './fClassif';

/** Options of {@link GenericUnivariateSelect}. */
export interface GenericUnivariateSelectOptions {
  /** Scores features from (X, y): `{ scores, pvalues? }` (p-values needed by 'fpr', 'fdr', 'fwe'). @defaultValue fClassif */
  scoreFunc: ScoreFunc;
  /** The rule: as SelectPercentile, SelectKBest, SelectFpr, SelectFdr or SelectFwe. @defaultValue 'percentile' */
  mode: 'percentile' | 'k_best' | 'fpr' | 'fdr' | 'fwe';
  /** The rule's parameter: percentile, k (an integer or 'all'), or alpha. @defaultValue 1e-5 */
  param: number | 'all';
}

/**
 * A univariate selector whose rule is an option, so that a grid search can tune the rule itself:
 * `mode` picks SelectPercentile ('percentile'), SelectKBest ('k_best'), SelectFpr, SelectFdr or
 * SelectFwe, and `param` is that selector's percentile, k or alpha.
 *
 * Fitted attributes: `scores_`, `pvalues_`, `nFeaturesIn_`; `getSupport()`.
 * @example
 * ```ts
 * import { GenericUnivariateSelect } from 'typelearn';
 * const X = [[1, 9, 0], [2, 1, 0], [8, 5, 1], [9, 4, 1]];
 * const sel = new GenericUnivariateSelect({ mode: 'k_best', param: 1 }).fit(X, [0, 0, 1, 1]);
 * console.log(sel.getSupport(true)); // [ 2 ]
 * ```
 */
export class GenericUnivariateSelect extends UnivariateSelector<GenericUnivariateSelectOptions> {
  static override readonly className = 'GenericUnivariateSelect';
  static override readonly defaults: GenericUnivariateSelectOptions = { scoreFunc: fClassif, mode: 'percentile', param: 1e-5 };
  static override readonly paramSchema = {
    scoreFunc: scoreFuncSpec,
    mode: oneOf('percentile', 'k_best', 'fpr', 'fdr', 'fwe'),
    param: union(num({ min: 0 }), oneOf('all')),
  };

  protected override checkFitParams(X: RowMajor): void {
    const { mode, param } = this.params;
    const fail = (expected: string): never => {
      throw new ValidationError({ code: 'invalid_option', estimator: this.className, param: 'param', expected: `${expected} for mode '${mode}'`, received: String(param) });
    };
    if (mode === 'k_best') {
      if (param !== 'all' && !Number.isInteger(param)) fail("an integer or 'all'");
      if (param !== 'all' && param > X.cols) fail(`at most the number of features (${X.cols}), or 'all'`);
    } else if (param === 'all') fail('a number');
    else if (mode === 'percentile' ? param > 100 : param > 1) fail(mode === 'percentile' ? 'a number in [0, 100]' : 'a number in [0, 1]');
  }

  protected selectSupport(scores: Float64Array, pvalues: Float64Array | null): boolean[] {
    const { mode, param } = this.params;
    if (mode === 'k_best') return kBestSupport(scores, param);
    const p = param as number;
    if (mode === 'percentile') return percentileSupport(scores, p);
    const pv = this.requirePvalues(pvalues);
    return mode === 'fpr' ? fprSupport(pv, p) : mode === 'fdr' ? fdrSupport(pv, p) : fweSupport(pv, p);
  }
}

registerEstimator(GenericUnivariateSelect);
