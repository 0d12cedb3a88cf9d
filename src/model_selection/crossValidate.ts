import { ValidationError, describeValue } from '../core/errors';
import { getTags, type BaseEstimator } from '../core/base';
import type { Label } from '../core/types';
import type { Scorer } from '../metrics/scorer';
import { checkLength, numSamples, type Indexable } from './_indexing';
import { requireEstimator, fitAndScore, isErrorScore, reportFitFailures, type ErrorScore, type FoldResult } from './_fitAndScore';
import { resolveScoring, type ResolvedScorer, type ScoringInput } from './scoring';
import { ASYNC_KEYS, checkAsyncOptions, runFolds, type AsyncOptions } from './_runAsync';
import { checkCv, type CvInput } from './checkCv';
import { ProgressReporter, checkControlFields, type FitControl } from '../core/fitControl';

/** Options of {@link crossValidate}; `onProgress` hears of every fold's fit (unit `'fit'`), `signal` stops between them. */
export interface CrossValidateOptions<S extends ScoringInput = ScoringInput> extends FitControl {
  /**
   * The folds: a number of folds (StratifiedKFold for classifiers with class labels, KFold otherwise,
   * both unshuffled), a splitter, or an array of `{ train, test }` index arrays.
   * @defaultValue 5
   */
  cv?: CvInput;
  /** A scorer name or function, an array of names, or an object of named scorers; null uses the estimator's `score`. @defaultValue null */
  scoring?: S;
  /** Also score each fitted estimator on its training rows. @defaultValue false */
  returnTrainScore?: boolean;
  /** Return the fitted estimator of each fold. @defaultValue false */
  returnEstimator?: boolean;
  /** The score of a fold whose fit fails (a warning tells), or `'raise'` to rethrow. @defaultValue NaN */
  errorScore?: ErrorScore;
}

/** Per-fold results for a single metric. */
export interface CrossValidateResult {
  /** The score on each test fold. */
  testScore: number[];
  /** The score on each training fold (with `returnTrainScore: true`). */
  trainScore?: number[];
  /** Seconds spent fitting, per fold. */
  fitTime: number[];
  /** Seconds spent scoring, per fold. */
  scoreTime: number[];
  /** The estimator fitted on each fold (with `returnEstimator: true`). */
  estimator?: BaseEstimator[];
}

/** Per-fold results for several metrics, keyed `test_<name>` and `train_<name>` as scikit-learn. */
export type CrossValidateMultiResult = {
  /** Seconds spent fitting, per fold. */
  fitTime: number[];
  /** Seconds spent scoring, per fold. */
  scoreTime: number[];
  /** The estimator fitted on each fold (with `returnEstimator: true`). */
  estimator?: BaseEstimator[];
} & { [key: `test_${string}` | `train_${string}`]: number[] };

const FN = 'crossValidate';
const KNOWN = new Set(['cv', 'scoring', 'returnTrainScore', 'returnEstimator', 'errorScore', 'onProgress', 'signal']);
const KNOWN_ASYNC = new Set([...KNOWN, ...ASYNC_KEYS]);

/** Checks the options object of crossValidate / crossValScore. */
export function checkCvOptions(fn: string, o: unknown, known: Set<string>): Record<string, unknown> {
  if (o === undefined || o === null) return {};
  if (typeof o !== 'object' || Array.isArray(o)) {
    throw new ValidationError({ code: 'invalid_option', estimator: fn, param: 'options', expected: 'an options object', received: describeValue(o) });
  }
  for (const k of Object.keys(o)) {
    if (!known.has(k)) throw new ValidationError({ code: 'unknown_option', estimator: fn, param: k, expected: [...known].join(', ') });
  }
  const opts = o as Record<string, unknown>;
  for (const k of ['returnTrainScore', 'returnEstimator']) {
    if (opts[k] !== undefined && typeof opts[k] !== 'boolean') {
      throw new ValidationError({ code: 'invalid_option', estimator: fn, param: k, expected: 'a boolean', received: describeValue(opts[k]) });
    }
  }
  if (opts.errorScore !== undefined && !isErrorScore(opts.errorScore)) {
    throw new ValidationError({ code: 'invalid_option', estimator: fn, param: 'errorScore', expected: "a number or 'raise'", received: describeValue(opts.errorScore) });
  }
  checkControlFields(fn, opts);
  return opts;
}

/**
 * Evaluates an estimator by cross-validation, as scikit-learn's `cross_validate`: for each split,
 * fits a clone of the estimator (never the one passed) on the train rows and scores it on the test
 * rows, timing both. X may be `number[][]`, rows of typed arrays, a `Matrix` or records; y any array.
 *
 * Options: `cv` (default 5), `scoring` (default null: the estimator's `score`), `returnTrainScore`
 * (default false), `returnEstimator` (default false), `errorScore` (default NaN).
 * @example
 * ```ts
 * import { crossValidate, LinearRegression } from 'typelearn';
 * const X = [[0], [1], [2], [3], [4], [5]];
 * const y = [1, 3, 5, 7, 9, 11];
 * const one = crossValidate(new LinearRegression(), X, y, { cv: 3 });
 * console.log(one.testScore.map((s) => +s.toFixed(6))); // [ 1, 1, 1 ]
 * const many = crossValidate(new LinearRegression(), X, y, { cv: 2, scoring: ['r2'], returnTrainScore: true });
 * console.log(Object.keys(many)); // [ 'fitTime', 'scoreTime', 'test_r2', 'train_r2' ]
 * ```
 */
export function crossValidate(estimator: BaseEstimator, X: Indexable, y?: ArrayLike<Label> | ArrayLike<number> | null, options?: CrossValidateOptions<string | Scorer | null | undefined>): CrossValidateResult;
/** Evaluates an estimator by cross-validation with several metrics, keyed `test_<name>`. */
export function crossValidate(estimator: BaseEstimator, X: Indexable, y: ArrayLike<Label> | ArrayLike<number> | null | undefined, options: CrossValidateOptions<string[] | Record<string, Scorer | string>>): CrossValidateMultiResult;
export function crossValidate(
  estimator: BaseEstimator,
  X: Indexable,
  y?: ArrayLike<Label> | ArrayLike<number> | null,
  options?: CrossValidateOptions,
): CrossValidateResult | CrossValidateMultiResult {
  return runCrossValidate(FN, estimator, X, y, checkCvOptions(FN, options, KNOWN) as CrossValidateOptions);
}

/** The work of crossValidate, with the calling function's name for errors. */
export function runCrossValidate(
  fn: string,
  estimator: BaseEstimator,
  X: Indexable,
  y: ArrayLike<Label> | ArrayLike<number> | null | undefined,
  options: CrossValidateOptions,
): CrossValidateResult | CrossValidateMultiResult {
  const est = requireEstimator(fn, estimator);
  const n = numSamples(X, fn);
  const yy = y === null || y === undefined ? undefined : checkLength(y, n, fn, 'y');
  const { scorers, multimetric } = resolveScoring(fn, options.scoring, est);
  const splits = checkCv(options.cv ?? 5, X, yy, getTags(est).estimatorType === 'classifier', fn);
  const errorScore = options.errorScore ?? NaN;
  const returnTrainScore = options.returnTrainScore ?? false;
  const progress = new ProgressReporter(options, 'fit', splits.length);
  const results = splits.map((split, k) => {
    const r = fitAndScore(fn, est.clone(), X, yy, split, scorers, { returnTrainScore, errorScore });
    progress.step(k + 1);
    return r;
  });
  return assemble(fn, results, scorers, multimetric, options);
}

/**
 * {@link crossValidate} with the folds spread over `nJobs` workers (see `typelearn/parallel`): the
 * same scores (and fitted estimators, rebuilt from their JSON form, with `returnEstimator`); only
 * the times differ. `nJobs: 1` runs in this thread. With `nJobs > 1`, X must be numeric and
 * `scoring` names; custom estimator classes need a module that registers them, passed as `imports`.
 * Aborting `signal` terminates the workers and rejects.
 * @example
 * ```ts
 * import { crossValidateAsync, LinearRegression } from 'typelearn';
 * const X = [[0], [1], [2], [3], [4], [5]];
 * const y = [1, 3, 5, 7, 9, 11];
 * const r = await crossValidateAsync(new LinearRegression(), X, y, { cv: 3, nJobs: 2 });
 * console.log(r.testScore.map((s) => +s.toFixed(6))); // [ 1, 1, 1 ]
 * ```
 */
export async function crossValidateAsync(
  estimator: BaseEstimator,
  X: Indexable,
  y?: ArrayLike<Label> | ArrayLike<number> | null,
  options?: CrossValidateOptions<string | null | undefined> & AsyncOptions,
): Promise<CrossValidateResult>;
/** crossValidateAsync with several metrics, keyed `test_<name>`. */
export async function crossValidateAsync(
  estimator: BaseEstimator,
  X: Indexable,
  y: ArrayLike<Label> | ArrayLike<number> | null | undefined,
  options: CrossValidateOptions<string[] | Record<string, string>> & AsyncOptions,
): Promise<CrossValidateMultiResult>;
export async function crossValidateAsync(
  estimator: BaseEstimator,
  X: Indexable,
  y?: ArrayLike<Label> | ArrayLike<number> | null,
  options?: CrossValidateOptions & AsyncOptions,
): Promise<CrossValidateResult | CrossValidateMultiResult> {
  const fn = 'crossValidateAsync';
  const opts = checkCvOptions(fn, options, KNOWN_ASYNC) as CrossValidateOptions & AsyncOptions;
  checkAsyncOptions(fn, opts);
  const est = requireEstimator(fn, estimator);
  const n = numSamples(X, fn);
  const yy = y === null || y === undefined ? undefined : checkLength(y, n, fn, 'y');
  const { scorers, multimetric } = resolveScoring(fn, opts.scoring, est);
  const splits = checkCv(opts.cv ?? 5, X, yy, getTags(est).estimatorType === 'classifier', fn);
  const results = await runFolds(
    { fn, base: est, X, y: yy, scoring: opts.scoring ?? null, scorers, returnTrainScore: opts.returnTrainScore ?? false, errorScore: opts.errorScore ?? NaN, returnEstimator: opts.returnEstimator ?? false },
    splits.map((split, fold) => ({ params: null, split, fold })),
    opts,
  );
  return assemble(fn, results, scorers, multimetric, opts);
}

/** crossValidate's result object from the folds' results. */
function assemble(fn: string, results: FoldResult[], scorers: Map<string, ResolvedScorer>, multimetric: boolean, options: CrossValidateOptions): CrossValidateResult | CrossValidateMultiResult {
  const errorScore = options.errorScore ?? NaN;
  const returnTrainScore = options.returnTrainScore ?? false;
  reportFitFailures(fn, results, errorScore);
  const fitTime = results.map((r) => r.fitTime);
  const scoreTime = results.map((r) => r.scoreTime);
  const estimators = options.returnEstimator ? results.map((r) => r.estimator) : undefined;
  if (!multimetric) {
    const out: CrossValidateResult = { testScore: results.map((r) => r.testScores.score), fitTime, scoreTime };
    if (returnTrainScore) out.trainScore = results.map((r) => (r.trainScores as Record<string, number>).score);
    if (estimators) out.estimator = estimators;
    return out;
  }
  const out: CrossValidateMultiResult = { fitTime, scoreTime };
  if (estimators) out.estimator = estimators;
  for (const name of scorers.keys()) {
    out[`test_${name}`] = results.map((r) => r.testScores[name]);
    if (returnTrainScore) out[`train_${name}`] = results.map((r) => (r.trainScores as Record<string, number>)[name]);
  }
  return out;
}
