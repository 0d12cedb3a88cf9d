import type { Matrix } from 'ml-matrix';
import { BaseEstimator, cloneParamValue, getTags, isEstimator } from '../core/base';
import {
  fitOn,
  hasClasses,
  hasDecisionFunction,
  hasPredictLogProba,
  isInverseTransformer,
  isPredictor,
  isProbaPredictor,
  isTransformer,
  requireCapability,
  type ClassesOf,
  type PredictionOf,
} from '../core/capabilities';
import { ValidationError, describeValue } from '../core/errors';
import { bool, func, str, union, type ParamSpec } from '../core/params';
import { MAX_COUNT, checkSize } from '../core/sizes';
import type { EstimatorTags, Label, Target } from '../core/types';
import { checkLength, numSamples, type Indexable } from './_indexing';
import { requireEstimator, fitAndScore, isErrorScore, isFittableEstimator, now, reportFitFailures, type ErrorScore, type FittableEstimator, type FoldResult } from './_fitAndScore';
import { formatResults, isCvResults, type CvResults } from './_formatResults';
import { resolveScoring, scoringSpec, type ScoringInput } from './scoring';
import { CV_DESCRIPTION, checkCv, isCvInput, type CvInput } from './checkCv';
import type { ParamSet } from './ParameterGrid';
import { checkAsyncOptions, runFolds, type AsyncOptions, type FoldJob } from './_runAsync';
import { ProgressReporter, readFitControl, type FitControl } from '../core/fitControl';
import { int, num, orNull, numberValue, record, stateRule, fittedEstimator, refine, type StateSchema } from '../core/stateSchema';

/** Options every search shares. */
export interface BaseSearchCVOptions {
  /** The estimator to tune; it is cloned for every fit and never fitted itself. */
  estimator: BaseEstimator;
  /** A scorer name or function, an array of names, or an object of named scorers; null uses the estimator's `score`. @defaultValue null */
  scoring: ScoringInput;
  /** A number of folds (stratified for classifiers), a splitter, or `{ train, test }` splits. @defaultValue 5 */
  cv: CvInput;
  /**
   * Refit the best candidate on all the data (`bestEstimator_`, and `predict` & co.). With several
   * metrics, the name of the metric that picks the best; or a function of `cvResults_` returning the
   * best index.
   * @defaultValue true
   */
  refit: boolean | string | ((cvResults: CvResults) => number);
  /** Also score on the training folds (`mean_train_score`, …). @defaultValue false */
  returnTrainScore: boolean;
  /** The score of a failed fit (with a FitFailedWarning), or `'raise'` to rethrow. @defaultValue NaN */
  errorScore: ErrorScore;
}

interface SearchState {
  cvResults: CvResults;
  nSplits: number;
  multimetric: boolean;
  bestIndex: number | null;
  bestScore: number | null;
  bestParams: ParamSet | null;
  bestEstimator: BaseEstimator | null;
  refitTime: number | null;
}

export const estimatorSpec: ParamSpec = {
  description: 'a typelearn estimator (with fit)',
  check: isFittableEstimator,
};

export const SEARCH_DEFAULTS: Omit<BaseSearchCVOptions, 'estimator'> = {
  scoring: null,
  cv: 5,
  refit: true,
  returnTrainScore: false,
  errorScore: NaN,
};

export const SEARCH_SCHEMA: Record<string, ParamSpec> = {
  estimator: estimatorSpec,
  scoring: scoringSpec,
  cv: { description: CV_DESCRIPTION, check: isCvInput },
  refit: union(bool(), str(), func()),
  returnTrainScore: bool(),
  errorScore: { description: "a number (NaN included) or 'raise'", check: isErrorScore },
};

/** Normalises the `(estimator, grid, options)` and `({ estimator, grid, … })` call forms. */
export function searchOptions<O extends { estimator: BaseEstimator }>(
  className: string,
  gridKey: string,
  first: BaseEstimator | Partial<O> | undefined,
  grid: unknown,
  options: object | undefined,
): Partial<O> {
  const opts = (isEstimator(first) ? { ...(options ?? {}), estimator: first, [gridKey]: grid } : first) as Partial<O> | undefined;
  if (opts === undefined || opts === null || typeof opts !== 'object') {
    throw new ValidationError({ code: 'invalid_option', estimator: className, param: 'estimator', expected: estimatorSpec.description, received: describeValue(first) });
  }
  if (opts.estimator === undefined) {
    throw new ValidationError({ code: 'invalid_option', estimator: className, param: 'estimator', expected: estimatorSpec.description, received: 'undefined' });
  }
  if ((opts as Record<string, unknown>)[gridKey] === undefined) {
    throw new ValidationError({ code: 'invalid_option', estimator: className, param: gridKey, expected: 'the candidates to search', received: 'undefined' });
  }
  return opts;
}

/**
 * The machinery of {@link GridSearchCV} and {@link RandomizedSearchCV}: cross-validates every
 * candidate (a clone of the estimator with the candidate's options per split), ranks them, refits the
 * best on all the data and delegates `predict` & co. to it. Subclasses say which candidates to try.
 * @example
 * ```ts
 * import { BaseSearchCV, GridSearchCV, Ridge } from 'typelearn';
 *
 * // GridSearchCV and RandomizedSearchCV share this base: the fitted best candidate and the results table.
 * const X = [[0], [1], [2], [3], [4], [5]];
 * const y = [0, 1, 2, 3, 4, 5];
 * const search = new GridSearchCV(new Ridge(), { alpha: [0.01, 100] }, { cv: 3 }).fit(X, y);
 * console.log(search instanceof BaseSearchCV, search.bestParams_, search.cvResults_.params.length); // true { alpha: 0.01 } 2
 * ```
 */
export abstract class BaseSearchCV<P extends BaseSearchCVOptions, E extends BaseEstimator = BaseEstimator> extends BaseEstimator<P, SearchState> {
  static override readonly className: string = 'BaseSearchCV';
  /** The fitted state's rules, checked when a saved model is loaded. */
  static override readonly stateSchema: StateSchema = {
    cvResults: stateRule('cross-validation results: params and one entry per candidate under every scikit-learn key', isCvResults, { allowNaN: true }),
    nSplits: int({ min: 1 }),
    multimetric: bool(),
    bestIndex: refine(orNull(int({ min: 0 })), 'a candidate index', (v: number | null, { state }) => v === null || v < (state.cvResults as CvResults).params.length),
    // NaN when every fit of the best candidate failed under errorScore NaN.
    bestScore: orNull(numberValue({ allowNaN: true, allowInfinity: true })),
    bestParams: refine(orNull(record()), 'null exactly when bestIndex is', (v: object | null, { state }) => (v === null) === (state.bestIndex === null)),
    bestEstimator: refine(orNull(fittedEstimator()), 'of the searched estimator’s class, and only with a best candidate', (v: object | null, { state, params }) =>
      v === null || (state.bestIndex !== null && v.constructor === (params.estimator as object).constructor),
    ),
    refitTime: refine(orNull(num({ min: 0 })), 'null exactly when bestEstimator is', (v: number | null, { state }) => (v === null) === (state.bestEstimator === null)),
  };

  /** The candidates to evaluate, in order. */
  protected abstract candidates(): ParamSet[];

  /** Tags follow the tuned estimator (a search over a classifier is a classifier). */
  instanceTags(): Partial<EstimatorTags> {
    const t = getTags(this.params.estimator);
    return { estimatorType: t.estimatorType, requiresY: t.requiresY, allowNaN: t.allowNaN, acceptsRecords: t.acceptsRecords, binaryOnly: t.binaryOnly, nonDeterministic: t.nonDeterministic };
  }

  /**
   * Runs the search: every candidate's options are checked against the estimator before anything
   * is fitted, then each candidate is cross-validated; the best (the first of equal best mean test
   * scores) is refitted on all of X and y when `refit` is set.
   *
   * `control.onProgress` hears of every cross-validation fit (unit `'fit'`, total candidates ×
   * splits; the refit is not counted); `control.signal` is checked between fits and before the
   * refit. An abort or a throwing `onProgress` leaves the previous fitted state as it was.
   */
  fit(X: Indexable, y?: Target | null, control: FitControl = {}): this {
    const ctl = readFitControl(this.className, control);
    const run = this.prepare(X, y);
    const results: FoldResult[] = [];
    const progress = new ProgressReporter(ctl, 'fit', run.candidates.length * run.splits.length);
    for (const params of run.candidates) {
      for (const split of run.splits) {
        const est = run.base.clone().setParams(cloneParamValue(params) as ParamSet);
        results.push(fitAndScore(run.fn, est, X, run.yy, split, run.scorers, { returnTrainScore: run.returnTrainScore, errorScore: run.errorScore }));
        progress.step(results.length);
      }
    }
    this.finish(run, X, results);
    return this;
  }

  /**
   * {@link fit} with the fits spread over `nJobs` workers (see `typelearn/parallel`): the same
   * results as `fit` (cvResults_ scores, bestParams_, bestEstimator_), except the fit and score
   * times. `nJobs: 1` runs in this thread. X must be numeric and `scoring` names when `nJobs > 1`;
   * custom estimator classes need a module that registers them, passed as `imports`.
   * Aborting `signal` terminates the workers and rejects; a failing fit under `errorScore: 'raise'`
   * rejects with an error naming its parameter set. On rejection the previous fitted state stays.
   */
  async fitAsync(X: Indexable, y?: Target | null, options: AsyncOptions = {}): Promise<this> {
    checkAsyncOptions(this.className, options);
    const run = this.prepare(X, y);
    const jobs: FoldJob[] = [];
    for (const params of run.candidates) run.splits.forEach((split, fold) => jobs.push({ params, split, fold }));
    const results = await runFolds(
      { fn: run.fn, base: run.base, X, y: run.yy, scoring: this.params.scoring, scorers: run.scorers, returnTrainScore: run.returnTrainScore, errorScore: run.errorScore, returnEstimator: false },
      jobs,
      options,
    );
    this.finish(run, X, results);
    return this;
  }

  /** Checks everything a search needs before any fit: the candidates, scoring, refit and the splits. */
  private prepare(X: Indexable, y: Target | null | undefined) {
    const fn = this.className;
    const base = requireEstimator(fn, this.params.estimator);
    const n = numSamples(X, fn);
    const yy = y === null || y === undefined ? undefined : checkLength(y, n, fn, 'y');
    const candidates = this.candidates();
    if (candidates.length === 0) {
      throw new ValidationError({ code: 'invalid_option', estimator: fn, param: 'paramGrid', expected: 'at least one candidate', received: 'none' });
    }
    for (const c of candidates) base.checkParams(c);
    const { scorers, multimetric } = resolveScoring(fn, this.params.scoring, base);
    const refit = this.params.refit;
    if (multimetric && refit !== false && typeof refit !== 'function' && !(typeof refit === 'string' && scorers.has(refit))) {
      throw new ValidationError({
        code: 'invalid_option',
        estimator: fn,
        param: 'refit',
        expected: `for several metrics, the name of the metric to pick the best candidate by (one of ${[...scorers.keys()].map((k) => `'${k}'`).join(', ')}), a function, or false`,
        received: describeValue(refit),
      });
    }
    const splits = checkCv(this.params.cv, X, yy, getTags(base).estimatorType === 'classifier', fn);
    checkSize(candidates.length * splits.length, { estimator: fn, param: 'cv', limit: MAX_COUNT, what: `fits (${candidates.length} candidates × ${splits.length} splits)` });
    return { fn, base, yy, candidates, scorers, multimetric, refit, splits, errorScore: this.params.errorScore, returnTrainScore: this.params.returnTrainScore };
  }

  /** Ranks the candidates from every fold's results, refits the best and sets the fitted state. */
  private finish(run: ReturnType<BaseSearchCV<P>['prepare']>, X: Indexable, results: FoldResult[]): void {
    const { fn, base, yy, candidates, scorers, multimetric, refit, splits, errorScore, returnTrainScore } = run;
    reportFitFailures(fn, results, errorScore);
    const cvResults = formatResults(fn, candidates, splits.length, results, [...scorers.keys()], returnTrainScore);
    const metric = multimetric ? (refit as string) : 'score';
    let bestIndex: number | null = null;
    let bestScore: number | null = null;
    let bestParams: ParamSet | null = null;
    if (refit !== false || !multimetric) {
      if (typeof refit === 'function') {
        const i = refit(cvResults);
        if (typeof i !== 'number' || !Number.isInteger(i) || i < 0 || i >= candidates.length) {
          throw new ValidationError({ code: 'invalid_option', estimator: fn, param: 'refit', expected: `a function returning a candidate index in [0, ${candidates.length - 1}]`, received: `a function returning ${describeValue(i)}` });
        }
        bestIndex = i;
      } else {
        const ranks = cvResults[`rank_test_${metric}`];
        bestIndex = ranks.indexOf(Math.min(...ranks));
        bestScore = cvResults[`mean_test_${metric}`][bestIndex];
      }
      bestParams = candidates[bestIndex];
    }
    let bestEstimator: FittableEstimator | null = null;
    let refitTime: number | null = null;
    if (refit !== false && bestParams !== null) {
      bestEstimator = base.clone().setParams(cloneParamValue(bestParams) as ParamSet);
      const start = now();
      fitOn(bestEstimator, X, yy as Target | undefined);
      refitTime = now() - start;
    }
    this.state = { cvResults, nSplits: splits.length, multimetric, bestIndex, bestScore, bestParams, bestEstimator, refitTime };
  }

  /** The results of every candidate, keyed as scikit-learn's `cv_results_`. */
  get cvResults_(): CvResults {
    return this.fitted('cvResults_').cvResults;
  }

  /** The number of cross-validation splits. */
  get nSplits_(): number {
    return this.fitted('nSplits_').nSplits;
  }

  /** Whether several metrics were scored. */
  get multimetric_(): boolean {
    return this.fitted('multimetric_').multimetric;
  }

  private need<K extends 'bestIndex' | 'bestScore' | 'bestParams' | 'bestEstimator' | 'refitTime'>(key: K, attr: string, why: string): NonNullable<SearchState[K]> {
    const v = this.fitted(attr)[key];
    if (v === null || v === undefined) {
      throw new ValidationError({ code: 'unsupported', estimator: this.className, message: `${this.className} has no ${attr}: ${why}.` });
    }
    return v as NonNullable<SearchState[K]>;
  }

  /** The index (into `cvResults_`) of the best candidate. */
  get bestIndex_(): number {
    return this.need('bestIndex', 'bestIndex_', 'refit is false and several metrics were scored');
  }

  /** The mean cross-validated score of the best candidate. */
  get bestScore_(): number {
    return this.need('bestScore', 'bestScore_', 'refit is a function or false');
  }

  /** The options of the best candidate. */
  get bestParams_(): ParamSet {
    return { ...this.need('bestParams', 'bestParams_', 'refit is false and several metrics were scored') };
  }

  /** The best candidate refitted on all the data. */
  get bestEstimator_(): E {
    return this.need('bestEstimator', 'bestEstimator_', 'refit is false') as E;
  }

  /** Seconds taken to refit the best candidate. */
  get refitTime_(): number {
    return this.need('refitTime', 'refitTime_', 'refit is false');
  }

  /** The refitted best estimator with the capability `has` tests for, else an 'unsupported' error naming `what`. */
  private best<N extends BaseEstimator>(what: string, has: (e: BaseEstimator) => e is N): N {
    const best = this.need('bestEstimator', what, 'refit is false, so there is no best estimator to use');
    return requireCapability(best, has, what, { estimator: this.className, role: 'best estimator' });
  }

  /** Predictions of the best estimator. */
  predict(X: Indexable): PredictionOf<E>;
  predict(X: Indexable): Label[] | number[] {
    // A multi-output regressor predicts rows; the declared type keeps the common case.
    return this.best('predict', isPredictor).predict(X) as Label[] | number[];
  }

  /** Class probabilities of the best estimator. */
  predictProba(X: Indexable): Matrix {
    return this.best('predictProba', isProbaPredictor).predictProba(X);
  }

  /** Log class probabilities of the best estimator. */
  predictLogProba(X: Indexable): Matrix {
    return this.best('predictLogProba', hasPredictLogProba).predictLogProba(X);
  }

  /** Decision function of the best estimator. */
  decisionFunction(X: Indexable): number[] | Matrix {
    return this.best('decisionFunction', hasDecisionFunction).decisionFunction(X);
  }

  /** Transform by the best estimator. */
  transform(X: Indexable): Matrix {
    return this.best('transform', isTransformer).transform(X);
  }

  /** Inverse transform by the best estimator. */
  inverseTransform(X: Indexable): Matrix {
    // An encoder's inverse gives rows of categories; the declared type keeps the common case.
    return this.best('inverseTransform', isInverseTransformer).inverseTransform(X) as Matrix;
  }

  /**
   * The score of the best estimator on X and y with the search's scorer (the refit metric when
   * several were scored, the estimator's own `score` when `scoring` is null).
   */
  score(X: Indexable, y?: Target | null): number {
    const best = this.need('bestEstimator', 'score', 'refit is false, so there is no best estimator to score');
    const { scorers, multimetric } = resolveScoring(this.className, this.params.scoring, best);
    const refit = this.params.refit;
    const scorer = multimetric ? (typeof refit === 'string' ? scorers.get(refit) : undefined) : scorers.get('score');
    if (!scorer) {
      throw new ValidationError({ code: 'unsupported', estimator: this.className, message: `${this.className} cannot score: with several metrics, refit must name the metric to score with.` });
    }
    return scorer(best, X, y ?? undefined);
  }

  /** The class labels of the best estimator. */
  get classes_(): ClassesOf<E> {
    const best = this.need('bestEstimator', 'classes_', 'refit is false');
    if (!hasClasses(best)) throw new ValidationError({ code: 'unsupported', estimator: this.className, message: `${this.className} has no classes_: its best estimator is not a classifier.` });
    return best.classes_ as ClassesOf<E>;
  }

  /** The number of features the best estimator was fitted on. */
  override get nFeaturesIn_(): number {
    return this.need('bestEstimator', 'bestEstimator', 'refit is false').nFeaturesIn_;
  }
}
