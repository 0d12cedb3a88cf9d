import type { BaseEstimator } from '../core/base';
import { int, requiredOption, type ParamSpec } from '../core/params';
import { registerEstimator } from '../core/serialization';
import { MAX_COUNT, checkSize } from '../core/sizes';
import { BaseSearchCV, SEARCH_DEFAULTS, SEARCH_SCHEMA, searchOptions, type BaseSearchCVOptions } from './BaseSearchCV';
import type { ParamSet } from './ParameterGrid';
import { ParameterSampler, checkParamDistributions, type ParamDistributionsInput } from './ParameterSampler';
import { seedSpec } from './_splitter';

/** Options of {@link RandomizedSearchCV}. */
export interface RandomizedSearchCVOptions extends BaseSearchCVOptions {
  /** Option name → array of values or distribution (`uniform`, `loguniform`, `randint`), or a list of such sets. */
  paramDistributions: ParamDistributionsInput;
  /** The number of candidates to sample. @defaultValue 10 */
  nIter: number;
  /** Seed of the sampling; the same seed gives the same candidates. @defaultValue null */
  randomState: number | null;
}

const distSpec: ParamSpec = {
  description: 'an object of option → non-empty array of values or distribution, or a non-empty array of such objects',
  check: (v) => {
    try {
      checkParamDistributions(v, 'RandomizedSearchCV');
      return true;
    } catch {
      return false;
    }
  },
};

/**
 * Randomized search over options, as scikit-learn's `RandomizedSearchCV`: `nIter` candidates drawn
 * by a {@link ParameterSampler} (without repeats when every option is a list) are cross-validated
 * like {@link GridSearchCV}, and the best is refitted on all the data.
 *
 * Options: `estimator`, `paramDistributions`, `nIter` (default 10), `scoring` (default null), `cv`
 * (default 5), `refit` (default true), `randomState` (default null), `returnTrainScore` (default
 * false), `errorScore` (default NaN). Fitted attributes as GridSearchCV's.
 * @example
 * ```ts
 * import { RandomizedSearchCV, LinearRegression } from 'typelearn';
 * const X = [[1], [2], [3], [4], [5], [6], [7], [8], [9], [10]];
 * const y = X.map(([a]) => 5 + 2 * a);
 * const search = new RandomizedSearchCV(new LinearRegression(), { fitIntercept: [true, false] }, { nIter: 2, randomState: 0 }).fit(X, y);
 * console.log(search.bestParams_); // { fitIntercept: true }
 * console.log(search.cvResults_.params.length); // 2
 * ```
 */
export class RandomizedSearchCV<E extends BaseEstimator = BaseEstimator> extends BaseSearchCV<RandomizedSearchCVOptions, E> {
  static override readonly className = 'RandomizedSearchCV';
  static override readonly defaults: RandomizedSearchCVOptions = {
    estimator: requiredOption<BaseEstimator>(),
    paramDistributions: {},
    nIter: 10,
    randomState: null,
    ...SEARCH_DEFAULTS,
  };
  static override readonly paramSchema = { ...SEARCH_SCHEMA, paramDistributions: distSpec, nIter: int({ min: 1 }), randomState: seedSpec };

  /**
   * @param estimator - the estimator to tune, or one options object `{ estimator, paramDistributions, … }`.
   * @param paramDistributions - what to sample (with the first form).
   * @param options - the other options (with the first form).
   */
  constructor(
    estimator?: E | (Partial<RandomizedSearchCVOptions> & { estimator?: E }),
    paramDistributions?: ParamDistributionsInput,
    options?: Partial<Omit<RandomizedSearchCVOptions, 'estimator' | 'paramDistributions'>>,
  ) {
    super(searchOptions<RandomizedSearchCVOptions>('RandomizedSearchCV', 'paramDistributions', estimator, paramDistributions, options));
  }

  protected candidates(): ParamSet[] {
    const sampler = new ParameterSampler(this.params.paramDistributions, this.params.nIter, { randomState: this.params.randomState });
    checkSize(sampler.length, { estimator: this.className, param: 'nIter', limit: MAX_COUNT, what: 'candidates' });
    return sampler.toArray();
  }
}

registerEstimator(RandomizedSearchCV);
