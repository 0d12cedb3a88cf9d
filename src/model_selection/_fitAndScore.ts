import { ValidationError, describeValue, warn } from '../core/errors';
import { isEstimator, type BaseEstimator } from '../core/base';
import { fitOn, isFittable, type Fittable } from '../core/capabilities';
import { FitFailedWarning } from './FitFailedWarning';
import { takeItems } from '../core/math/takeItems';
import { takeRows, type Indexable } from './_indexing';
import type { ResolvedScorer } from './scoring';
import type { Split } from './_splitter';
import type { Target } from '../core/types';

/** What a failed fit or score is replaced by: a number (NaN by default) or `'raise'` to rethrow. */
export type ErrorScore = number | 'raise';

/** The outcome of fitting and scoring one estimator on one split. */
export interface FoldResult {
  testScores: Record<string, number>;
  trainScores?: Record<string, number>;
  fitTime: number;
  scoreTime: number;
  estimator: BaseEstimator;
  fitError?: string;
}

/** Seconds from a monotonic clock when there is one. */
export function now(): number {
  const perf = (globalThis as { performance?: { now(): number } }).performance;
  return (perf ? perf.now() : Date.now()) / 1000;
}

/** A typelearn estimator with a `fit` method: what cross-validation and the searches fit. */
export type FittableEstimator = BaseEstimator & Fittable;

/** True for a typelearn estimator with a `fit` method. */
export function isFittableEstimator(v: unknown): v is FittableEstimator {
  return isEstimator(v) && isFittable(v);
}

/** Checks that `estimator` is a typelearn estimator with a `fit` method. */
export function requireEstimator(fn: string, estimator: unknown): FittableEstimator {
  if (!isFittableEstimator(estimator)) {
    throw new ValidationError({ code: 'invalid_input', estimator: fn, param: 'estimator', expected: 'a typelearn estimator (with fit and clone)', received: describeValue(estimator) });
  }
  return estimator;
}

function scoreAll(scorers: Map<string, ResolvedScorer>, est: BaseEstimator, X: Indexable, y: ArrayLike<unknown> | undefined, errorScore: ErrorScore, fn: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, scorer] of scorers) {
    try {
      out[name] = scorer(est, X, y as ArrayLike<number> | undefined);
    } catch (e) {
      if (errorScore === 'raise') throw e;
      warn(new FitFailedWarning(`Scoring failed. The score on this train-test partition for these parameters will be set to ${errorScore}. Details: ${(e as Error).message}`, fn));
      out[name] = errorScore;
    }
    if (typeof out[name] !== 'number') {
      throw new ValidationError({ code: 'invalid_option', estimator: fn, param: 'scoring', expected: `a scorer returning a number (scorer '${name}')`, received: describeValue(out[name]) });
    }
  }
  return out;
}

/**
 * Fits `estimator` (an unfitted clone, which this takes over) on the train rows of one split and
 * scores it on the test (and maybe train) rows, as scikit-learn's `_fit_and_score`. A failing fit
 * gives `errorScore` for every score, or is rethrown when `errorScore` is `'raise'`.
 */
export function fitAndScore(
  fn: string,
  estimator: FittableEstimator,
  X: Indexable,
  y: ArrayLike<unknown> | undefined,
  split: Split,
  scorers: Map<string, ResolvedScorer>,
  options: { returnTrainScore: boolean; errorScore: ErrorScore },
): FoldResult {
  const XTrain = takeRows(X, split.train);
  const yTrain = y === undefined ? undefined : takeItems(y, split.train);
  const start = now();
  try {
    fitOn(estimator, XTrain, yTrain as Target | undefined);
  } catch (e) {
    if (options.errorScore === 'raise') throw e;
    const fitTime = now() - start;
    const fill = (): Record<string, number> => Object.fromEntries([...scorers.keys()].map((k) => [k, options.errorScore as number]));
    return {
      testScores: fill(),
      trainScores: options.returnTrainScore ? fill() : undefined,
      fitTime,
      scoreTime: 0,
      estimator,
      fitError: `${(e as Error).name}: ${(e as Error).message}`,
    };
  }
  const fitTime = now() - start;
  const scoreStart = now();
  const XTest = takeRows(X, split.test);
  const yTest = y === undefined ? undefined : takeItems(y, split.test);
  const testScores = scoreAll(scorers, estimator, XTest, yTest, options.errorScore, fn);
  const scoreTime = now() - scoreStart;
  const trainScores = options.returnTrainScore ? scoreAll(scorers, estimator, XTrain, yTrain, options.errorScore, fn) : undefined;
  return { testScores, trainScores, fitTime, scoreTime, estimator };
}

/**
 * Throws when every fit failed and warns when some did, as scikit-learn's
 * `_warn_or_raise_about_fit_failures`.
 */
export function reportFitFailures(fn: string, results: FoldResult[], errorScore: ErrorScore): void {
  const errors = results.map((r) => r.fitError).filter((e): e is string => e !== undefined);
  if (errors.length === 0) return;
  const counts = new Map<string, number>();
  for (const e of errors) counts.set(e, (counts.get(e) ?? 0) + 1);
  const summary = [...counts].map(([e, c]) => `${c} fits failed with the following error: ${e}`).join('\n');
  if (errors.length === results.length) {
    throw new ValidationError({
      code: 'invalid_input',
      estimator: fn,
      param: 'estimator',
      message: `${fn}: all the ${results.length} fits failed. It is very likely that your model is misconfigured. You can try to debug the error by setting errorScore: 'raise'.\n${summary}`,
    });
  }
  warn(
    new FitFailedWarning(
      `${errors.length} fits failed out of a total of ${results.length}. The score on these train-test partitions for these parameters will be set to ${errorScore}. If these failures are not expected, you can try to debug them by setting errorScore: 'raise'.\n${summary}`,
      fn,
    ),
  );
}

/** True for a valid `errorScore`: a number (NaN included) or `'raise'`. */
export function isErrorScore(v: unknown): v is ErrorScore {
  return typeof v === 'number' || v === 'raise';
}
