import { ValidationError, describeValue, warn, TypelearnWarning } from '../core/errors';
import { getTags, type BaseEstimator } from '../core/base';
import { checkRandomState } from '../core/random';
import type { Label } from '../core/types';
import type { Scorer } from '../metrics/scorer';
import { checkLength, numSamples, type Indexable } from './_indexing';
import { requireEstimator, fitAndScore, isErrorScore, reportFitFailures, type ErrorScore, type FoldResult } from './_fitAndScore';
import { resolveScoring } from './scoring';
import { checkCv, type CvInput } from './checkCv';
import type { Split } from './_splitter';
import { ProgressReporter, checkControlFields, type FitControl } from '../core/fitControl';

/** Options of {@link learningCurve}; `onProgress` hears of every fit (unit `'fit'`), `signal` stops between fits. */
export interface LearningCurveOptions extends FitControl {
  /**
   * Training-set sizes: fractions in (0, 1] of the largest training fold, or absolute counts.
   * @defaultValue [0.1, 0.325, 0.55, 0.775, 1] (scikit-learn's `np.linspace(0.1, 1.0, 5)`)
   */
  trainSizes?: number[];
  /** Folds: a number (stratified for classifiers), a splitter, or `{ train, test }` splits. @defaultValue 5 */
  cv?: CvInput;
  /** A scorer name or function; null uses the estimator's `score`. @defaultValue null */
  scoring?: string | Scorer | null;
  /** Shuffle each training fold before taking its prefixes. @defaultValue false */
  shuffle?: boolean;
  /** Seed of the shuffle. Our generator is not numpy's: shuffled subsets differ from scikit-learn's. */
  randomState?: number | null;
  /** The score of a fit that fails, or `'raise'`. @defaultValue NaN */
  errorScore?: ErrorScore;
}

/** What {@link learningCurve} returns: `trainScores[i][k]` is the score of size i on fold k. */
export interface LearningCurveResult {
  /** The numbers of training samples used, ascending. */
  trainSizes: number[];
  /** Scores on the training subsets: one row per size, one column per split. */
  trainScores: number[][];
  /** Scores on the test folds: one row per size, one column per split. */
  testScores: number[][];
}

/** Options of {@link validationCurve}; `onProgress` hears of every fit (unit `'fit'`), `signal` stops between fits. */
export interface ValidationCurveOptions extends FitControl {
  /** The option to vary (nested keys such as `'clf__alpha'` work as in `setParams`). */
  paramName: string;
  /** The values to try. */
  paramRange: readonly unknown[];
  /** Folds: a number (stratified for classifiers), a splitter, or `{ train, test }` splits. @defaultValue 5 */
  cv?: CvInput;
  /** A scorer name or function; null uses the estimator's `score`. @defaultValue null */
  scoring?: string | Scorer | null;
  /** The score of a fit that fails, or `'raise'`. @defaultValue NaN */
  errorScore?: ErrorScore;
}

/** What {@link validationCurve} returns: `trainScores[i][k]` is the score of value i on fold k. */
export interface ValidationCurveResult {
  /** Scores on the training folds: one row per value of the option, one column per split. */
  trainScores: number[][];
  /** Scores on the test folds: one row per value of the option, one column per split. */
  testScores: number[][];
}

const DEFAULT_SIZES = [0.1, 0.325, 0.55, 0.775, 1.0];

function checkOptions(fn: string, o: unknown, known: string[]): Record<string, unknown> {
  if (o === undefined || o === null) return {};
  if (typeof o !== 'object' || Array.isArray(o)) {
    throw new ValidationError({ code: 'invalid_option', estimator: fn, param: 'options', expected: 'an options object', received: describeValue(o) });
  }
  for (const k of Object.keys(o)) {
    if (!known.includes(k)) throw new ValidationError({ code: 'unknown_option', estimator: fn, param: k, expected: known.join(', ') });
  }
  const opts = o as Record<string, unknown>;
  if (opts.errorScore !== undefined && !isErrorScore(opts.errorScore)) {
    throw new ValidationError({ code: 'invalid_option', estimator: fn, param: 'errorScore', expected: "a number or 'raise'", received: describeValue(opts.errorScore) });
  }
  if (opts.scoring !== undefined && opts.scoring !== null && typeof opts.scoring !== 'string' && typeof opts.scoring !== 'function') {
    throw new ValidationError({ code: 'invalid_option', estimator: fn, param: 'scoring', expected: 'null, a scorer name or a scorer function', received: describeValue(opts.scoring) });
  }
  checkControlFields(fn, opts);
  return opts;
}

/**
 * Absolute training sizes from `trainSizes`, as scikit-learn's `_translate_train_sizes`: fractions
 * (all ≤ 1) scale the largest training fold and are floored, then clipped to at least 1; counts must
 * lie in [1, nMax]. Duplicates are removed (with a warning) and the sizes sorted.
 */
export function translateTrainSizes(trainSizes: readonly number[], nMax: number, fn = 'learningCurve'): number[] {
  if (!Array.isArray(trainSizes) || trainSizes.length === 0 || !trainSizes.every((v) => typeof v === 'number' && Number.isFinite(v))) {
    throw new ValidationError({ code: 'invalid_option', estimator: fn, param: 'trainSizes', expected: 'a non-empty array of finite numbers', received: describeValue(trainSizes) });
  }
  const lo = Math.min(...trainSizes);
  const hi = Math.max(...trainSizes);
  let abs: number[];
  if (hi <= 1) {
    if (lo <= 0) {
      throw new ValidationError({ code: 'invalid_option', estimator: fn, param: 'trainSizes', expected: 'fractions within (0, 1]', received: `[${lo}, ${hi}]` });
    }
    abs = trainSizes.map((v) => Math.min(nMax, Math.max(1, Math.floor(v * nMax))));
  } else {
    if (lo <= 0 || hi > nMax || !trainSizes.every(Number.isInteger)) {
      throw new ValidationError({ code: 'invalid_option', estimator: fn, param: 'trainSizes', expected: `integer sizes within [1, ${nMax}]`, received: `[${lo}, ${hi}]` });
    }
    abs = [...trainSizes];
  }
  const unique = [...new Set(abs)].sort((a, b) => a - b);
  if (unique.length < abs.length) {
    warn(new TypelearnWarning(`Removed duplicate entries from 'trainSizes'. Number of ticks will be less than the size of 'trainSizes': ${unique.length} instead of ${abs.length}.`, fn));
  }
  return unique;
}

/** Reshapes fold-major results (fold k, item i at k * m + i) into item-major rows. */
function byItem(results: FoldResult[], m: number, nFolds: number, key: 'testScores' | 'trainScores'): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < m; i++) {
    const row: number[] = [];
    for (let k = 0; k < nFolds; k++) row.push((results[k * m + i][key] as Record<string, number>).score);
    out.push(row);
  }
  return out;
}

/**
 * Train and test scores for growing training sets, as scikit-learn's `learning_curve`: each fold's
 * training rows are cut to the first n rows for every size n (after a seeded shuffle when `shuffle`
 * is true), a clone is fitted on them and scored on those rows and on the fold's test rows.
 * @example
 * ```ts
 * import { learningCurve, LinearRegression } from 'typelearn';
 * const X = [[0], [1], [2], [3], [4], [5], [6], [7]];
 * const y = [1, 3, 5, 7, 9, 11, 13, 15];
 * const r = learningCurve(new LinearRegression(), X, y, { trainSizes: [2, 4, 6], cv: 4, scoring: 'neg_mean_absolute_error' });
 * console.log(r.trainSizes); // [ 2, 4, 6 ]
 * console.log(r.testScores.length, r.testScores[0].length); // 3 4
 * ```
 */
export function learningCurve(
  estimator: BaseEstimator,
  X: Indexable,
  y?: ArrayLike<Label> | ArrayLike<number> | null,
  options?: LearningCurveOptions,
): LearningCurveResult {
  const fn = 'learningCurve';
  const o = checkOptions(fn, options, ['trainSizes', 'cv', 'scoring', 'shuffle', 'randomState', 'errorScore', 'onProgress', 'signal']) as LearningCurveOptions;
  if (o.shuffle !== undefined && typeof o.shuffle !== 'boolean') {
    throw new ValidationError({ code: 'invalid_option', estimator: fn, param: 'shuffle', expected: 'a boolean', received: describeValue(o.shuffle) });
  }
  const est = requireEstimator(fn, estimator);
  const n = numSamples(X, fn);
  const yy = y === null || y === undefined ? undefined : checkLength(y, n, fn, 'y');
  const { scorers } = resolveScoring(fn, o.scoring, est);
  let splits: Split[] = checkCv(o.cv ?? 5, X, yy, getTags(est).estimatorType === 'classifier', fn);
  const sizes = translateTrainSizes(o.trainSizes ?? DEFAULT_SIZES, splits[0].train.length, fn);
  if (o.shuffle) {
    const rng = checkRandomState(o.randomState, fn);
    splits = splits.map((s) => ({ train: rng.permutation(s.train.length).map((i) => s.train[i]), test: s.test }));
  }
  const errorScore = o.errorScore ?? NaN;
  const results: FoldResult[] = [];
  const progress = new ProgressReporter(o, 'fit', splits.length * sizes.length);
  for (const s of splits) {
    for (const size of sizes) {
      results.push(fitAndScore(fn, est.clone(), X, yy, { train: s.train.slice(0, size), test: s.test }, scorers, { returnTrainScore: true, errorScore }));
      progress.step(results.length);
    }
  }
  reportFitFailures(fn, results, errorScore);
  return {
    trainSizes: sizes,
    trainScores: byItem(results, sizes.length, splits.length, 'trainScores'),
    testScores: byItem(results, sizes.length, splits.length, 'testScores'),
  };
}

/**
 * Train and test scores as one option varies, as scikit-learn's `validation_curve`: for each fold
 * and each value of `paramRange`, a clone with `paramName` set to the value is fitted on the train
 * rows and scored on them and on the test rows.
 * @example
 * ```ts
 * import { validationCurve, Ridge } from 'typelearn';
 * const X = [[0], [1], [2], [3], [4], [5]];
 * const y = [0, 2, 4, 6, 8, 10];
 * const r = validationCurve(new Ridge(), X, y, { paramName: 'alpha', paramRange: [0.01, 100], cv: 3 });
 * console.log(r.testScores.length, r.testScores[0].length); // 2 3
 * console.log(r.trainScores[0][0] > r.trainScores[1][0]); // true
 * ```
 */
export function validationCurve(
  estimator: BaseEstimator,
  X: Indexable,
  y: ArrayLike<Label> | ArrayLike<number> | null | undefined,
  options: ValidationCurveOptions,
): ValidationCurveResult {
  const fn = 'validationCurve';
  const o = checkOptions(fn, options, ['paramName', 'paramRange', 'cv', 'scoring', 'errorScore', 'onProgress', 'signal']) as unknown as ValidationCurveOptions;
  if (typeof o.paramName !== 'string' || o.paramName === '') {
    throw new ValidationError({ code: 'invalid_option', estimator: fn, param: 'paramName', expected: 'the name of an option', received: describeValue(o.paramName) });
  }
  if (!Array.isArray(o.paramRange) || o.paramRange.length === 0) {
    throw new ValidationError({ code: 'invalid_option', estimator: fn, param: 'paramRange', expected: 'a non-empty array of values', received: describeValue(o.paramRange) });
  }
  const est = requireEstimator(fn, estimator);
  const n = numSamples(X, fn);
  const yy = y === null || y === undefined ? undefined : checkLength(y, n, fn, 'y');
  const { scorers } = resolveScoring(fn, o.scoring, est);
  const splits = checkCv(o.cv ?? 5, X, yy, getTags(est).estimatorType === 'classifier', fn);
  // Check every value before fitting anything.
  const candidates = o.paramRange.map((v) => est.clone().setParams({ [o.paramName]: v }));
  const errorScore = o.errorScore ?? NaN;
  const results: FoldResult[] = [];
  const progress = new ProgressReporter(o, 'fit', splits.length * candidates.length);
  for (const s of splits) {
    for (const c of candidates) {
      results.push(fitAndScore(fn, c.clone(), X, yy, s, scorers, { returnTrainScore: true, errorScore }));
      progress.step(results.length);
    }
  }
  reportFitFailures(fn, results, errorScore);
  const m = candidates.length;
  return { trainScores: byItem(results, m, splits.length, 'trainScores'), testScores: byItem(results, m, splits.length, 'testScores') };
}
