import { ValidationError, describeValue } from '../core/errors';
import { randomStateSpec } from '../core/params';
import { checkRandomState } from '../core/random';
import { isArrayLike } from '../core/math/isArrayLike';
import { takeItems } from '../core/math/takeItems';
import { checkLength, numSamples, takeRows, type Indexable } from './_indexing';
import { shuffleSplitIndices } from './ShuffleSplit';
import { stratifiedLayout, stratifiedShuffleIndices } from './StratifiedShuffleSplit';
import { validateShuffleSplit } from './_validateShuffleSplit';

/** Options of {@link trainTestSplit}. */
export interface TrainTestSplitOptions {
  /**
   * Test set size: a number of samples (an integer) or a fraction in (0, 1) (rounded up). Unset,
   * the complement of `trainSize`, or 0.25 when both are unset.
   * @defaultValue null
   */
  testSize?: number | null;
  /** Train set size: a number of samples or a fraction in (0, 1) (rounded down). Unset, the rest. @defaultValue null */
  trainSize?: number | null;
  /** Shuffle before splitting; when false the first samples train and the next ones test. @defaultValue true */
  shuffle?: boolean;
  /** Class labels to stratify by (needs `shuffle`): each class keeps its share in both sets. @defaultValue null */
  stratify?: ArrayLike<unknown> | null;
  /** Seed of the shuffle. @defaultValue null */
  randomState?: number | null;
}

/** The result of splitting X and y. */
export interface TrainTestSplitResult<X, Y> {
  /** The training rows of X. */
  XTrain: X;
  /** The test rows of X. */
  XTest: X;
  /** The targets of the training rows. */
  yTrain: Y;
  /** The targets of the test rows. */
  yTest: Y;
}

const FN = 'trainTestSplit';
const KNOWN = new Set(['testSize', 'trainSize', 'shuffle', 'stratify', 'randomState']);

function checkOptions(o: unknown): TrainTestSplitOptions {
  if (o === undefined || o === null) return {};
  if (typeof o !== 'object' || Array.isArray(o)) {
    throw new ValidationError({ code: 'invalid_option', estimator: FN, param: 'options', expected: 'an options object', received: describeValue(o) });
  }
  for (const k of Object.keys(o)) {
    if (!KNOWN.has(k)) throw new ValidationError({ code: 'unknown_option', estimator: FN, param: k, expected: [...KNOWN].join(', ') });
  }
  const opts = o as TrainTestSplitOptions;
  if (opts.shuffle !== undefined && typeof opts.shuffle !== 'boolean') {
    throw new ValidationError({ code: 'invalid_option', estimator: FN, param: 'shuffle', expected: 'a boolean', received: describeValue(opts.shuffle) });
  }
  if (opts.randomState !== undefined && !randomStateSpec.check(opts.randomState)) {
    throw new ValidationError({ code: 'invalid_option', estimator: FN, param: 'randomState', expected: randomStateSpec.description, received: describeValue(opts.randomState) });
  }
  return opts;
}

/**
 * Splits X (and y) into random train and test subsets, as scikit-learn's `train_test_split`: the
 * same sizes (test fractions round up, train fractions down, 25% test by default), the same
 * per-class counts with `stratify`, and with `shuffle: false` the first samples train. Each part
 * keeps its input's kind (`number[][]`, rows of typed arrays, `Matrix` or records; y arrays or typed
 * arrays). The indices themselves come from typelearn's own seeded generator.
 *
 * Options: `testSize` (default 0.25 when `trainSize` is unset too), `trainSize`, `shuffle` (default
 * true), `stratify` (default null), `randomState` (default null).
 * @example
 * ```ts
 * import { trainTestSplit } from 'typelearn';
 * const X = [[0], [1], [2], [3], [4], [5], [6], [7]];
 * const y = [0, 0, 0, 0, 1, 1, 1, 1];
 * const { XTrain, XTest, yTrain, yTest } = trainTestSplit(X, y, { testSize: 0.5, stratify: y, randomState: 1 });
 * console.log(XTrain.length, XTest.length); // 4 4
 * console.log(yTest.filter((v) => v === 1).length); // 2
 * const head = trainTestSplit(X, { testSize: 2, shuffle: false });
 * console.log(head.XTest); // [ [ 6 ], [ 7 ] ]
 * ```
 */
export function trainTestSplit<X extends Indexable, Y extends ArrayLike<unknown>>(X: X, y: Y, options?: TrainTestSplitOptions): TrainTestSplitResult<X, Y>;
/** Splits X alone into random train and test subsets. */
export function trainTestSplit<X extends Indexable>(
  X: X,
  options?: TrainTestSplitOptions,
): {
  /** The training rows of X. */
  XTrain: X;
  /** The test rows of X. */
  XTest: X;
};
export function trainTestSplit<X extends Indexable, Y extends ArrayLike<unknown>>(
  X: X,
  yOrOptions?: Y | TrainTestSplitOptions,
  maybeOptions?: TrainTestSplitOptions,
): TrainTestSplitResult<X, Y> | { XTrain: X; XTest: X } {
  const hasY = isArrayLike(yOrOptions);
  const options = checkOptions(hasY ? maybeOptions : yOrOptions);
  const n = numSamples(X, FN);
  if (n === 0) throw new ValidationError({ code: 'invalid_input', estimator: FN, param: 'X', expected: 'at least 1 sample', received: 'an empty array' });
  const y = hasY ? (checkLength(yOrOptions, n, FN, 'y') as Y) : undefined;
  const [nTrain, nTest] = validateShuffleSplit(FN, n, options.testSize, options.trainSize, 0.25);
  const stratify = options.stratify ?? null;
  let train: number[];
  let test: number[];
  if (options.shuffle === false) {
    if (stratify !== null) {
      throw new ValidationError({ code: 'invalid_option', estimator: FN, param: 'stratify', expected: 'null when shuffle is false (stratified splits need shuffling)', received: describeValue(stratify) });
    }
    train = Array.from({ length: nTrain }, (_, i) => i);
    test = Array.from({ length: nTest }, (_, i) => nTrain + i);
  } else {
    const rng = checkRandomState(options.randomState);
    if (stratify !== null) {
      checkLength(stratify, n, FN, 'stratify');
      ({ train, test } = stratifiedShuffleIndices(stratifiedLayout(stratify, n, nTrain, nTest, FN, 'stratify'), nTrain, nTest, rng));
    } else {
      ({ train, test } = shuffleSplitIndices(n, nTrain, nTest, rng));
    }
  }
  const XTrain = takeRows(X, train);
  const XTest = takeRows(X, test);
  if (y === undefined) return { XTrain, XTest };
  return { XTrain, XTest, yTrain: takeItems(y, train), yTest: takeItems(y, test) };
}
