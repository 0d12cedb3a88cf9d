import type { BaseEstimator } from '../core/base';
import { requiredOption, type ParamSpec } from '../core/params';
import { registerEstimator } from '../core/serialization';
import { MAX_COUNT, checkSize } from '../core/sizes';
import { BaseSearchCV, SEARCH_DEFAULTS, SEARCH_SCHEMA, searchOptions, type BaseSearchCVOptions } from './BaseSearchCV';
import { ParameterGrid, checkParamGrid, type ParamGridInput, type ParamSet } from './ParameterGrid';

/** Options of {@link GridSearchCV}. */
export interface GridSearchCVOptions extends BaseSearchCVOptions {
  /** Option name → values to try (nested options as `step__option`), or a list of such grids. */
  paramGrid: ParamGridInput;
}

const gridSpec: ParamSpec = {
  description: "an object of option → non-empty array of values, or a non-empty array of such objects",
  check: (v) => {
    try {
      checkParamGrid(v, 'GridSearchCV');
      return true;
    } catch {
      return false;
    }
  },
};

/**
 * Exhaustive search over a grid of options, as scikit-learn's `GridSearchCV`: every candidate of
 * the grid (in {@link ParameterGrid} order) is cross-validated on clones of the estimator, the one
 * with the best mean test score (the first of equal ones) is refitted on all the data, and the search
 * then predicts, transforms and scores with it. Every candidate's options are checked against the
 * estimator before anything is fitted, so a misspelt name fails at once.
 *
 * Options: `estimator`, `paramGrid`, `scoring` (default null: the estimator's `score`), `cv`
 * (default 5), `refit` (default true), `returnTrainScore` (default false), `errorScore` (default NaN).
 * Fitted attributes: `cvResults_` (scikit-learn's keys), `bestParams_`, `bestScore_`, `bestIndex_`,
 * `bestEstimator_`, `nSplits_`, `refitTime_`, `multimetric_`.
 * @example
 * ```ts
 * import { GridSearchCV, Pipeline, StandardScaler, LinearRegression } from 'typelearn';
 * const X = [[1, 0], [2, 1], [3, 5], [4, 2], [5, 3], [6, 8], [7, 1], [8, 4], [9, 9], [10, 2]];
 * const y = X.map(([a, b]) => 3 + 2 * a - b);
 * const pipe = new Pipeline([['scale', new StandardScaler()], ['ols', new LinearRegression()]]);
 * const search = new GridSearchCV(pipe, { ols__fitIntercept: [false, true] }, { cv: 5 }).fit(X, y);
 * console.log(search.bestParams_); // { ols__fitIntercept: true }
 * console.log(search.cvResults_.rank_test_score); // [ 2, 1 ]
 * console.log(search.predict([[11, 0]]).map((v) => +v.toFixed(6))); // [ 25 ]
 * ```
 */
export class GridSearchCV<E extends BaseEstimator = BaseEstimator> extends BaseSearchCV<GridSearchCVOptions, E> {
  static override readonly className = 'GridSearchCV';
  static override readonly defaults: GridSearchCVOptions = { estimator: requiredOption<BaseEstimator>(), paramGrid: {}, ...SEARCH_DEFAULTS };
  static override readonly paramSchema = { ...SEARCH_SCHEMA, paramGrid: gridSpec };

  /**
   * @param estimator - the estimator to tune, or one options object `{ estimator, paramGrid, … }`.
   * @param paramGrid - the grid (with the first form).
   * @param options - the other options (with the first form).
   */
  constructor(
    estimator?: E | (Partial<GridSearchCVOptions> & { estimator?: E }),
    paramGrid?: ParamGridInput,
    options?: Partial<Omit<GridSearchCVOptions, 'estimator' | 'paramGrid'>>,
  ) {
    super(searchOptions<GridSearchCVOptions>('GridSearchCV', 'paramGrid', estimator, paramGrid, options));
  }

  protected candidates(): ParamSet[] {
    const grid = new ParameterGrid(this.params.paramGrid);
    checkSize(grid.length, { estimator: this.className, param: 'paramGrid', limit: MAX_COUNT, what: 'candidates' });
    return grid.toArray();
  }
}

registerEstimator(GridSearchCV);
