import { ValidationError, describeValue } from '../core/errors';

/** A size option: a count when it is an integer, a fraction of the samples otherwise. */
type Size = number | null | undefined;

function fail(fn: string, param: string, expected: string, received: string): never {
  throw new ValidationError({ code: 'invalid_option', estimator: fn, param, expected, received });
}

function checkOne(fn: string, param: string, v: Size, n: number): void {
  if (v === null || v === undefined) return;
  const expected = `a number of samples (an integer in [1, ${n - 1}]) or a fraction in (0, 1)`;
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(fn, param, expected, describeValue(v));
  if (Number.isInteger(v) ? v <= 0 || v >= n : v <= 0 || v >= 1) fail(fn, param, expected, `${v} with ${n} samples`);
}

/**
 * The train and test sizes, as scikit-learn's `_validate_shuffle_split`: an integer is a count, a
 * non-integer a fraction (test sizes round up, train sizes down); with neither given the test size is
 * `defaultTestSize`, and an unset size takes the rest of the samples.
 */
export function validateShuffleSplit(fn: string, n: number, testSize: Size, trainSize: Size, defaultTestSize: number): [nTrain: number, nTest: number] {
  if ((testSize === null || testSize === undefined) && (trainSize === null || trainSize === undefined)) testSize = defaultTestSize;
  checkOne(fn, 'testSize', testSize, n);
  checkOne(fn, 'trainSize', trainSize, n);
  const isFrac = (v: Size): v is number => typeof v === 'number' && !Number.isInteger(v);
  if (isFrac(testSize) && isFrac(trainSize) && testSize + trainSize > 1) {
    fail(fn, 'testSize', `a fraction that with trainSize (${trainSize}) sums to at most 1`, `${testSize} (sum ${testSize + trainSize})`);
  }
  let nTest = testSize === null || testSize === undefined ? NaN : isFrac(testSize) ? Math.ceil(testSize * n) : testSize;
  let nTrain = trainSize === null || trainSize === undefined ? NaN : isFrac(trainSize) ? Math.floor(trainSize * n) : trainSize;
  if (Number.isNaN(nTrain)) nTrain = n - nTest;
  else if (Number.isNaN(nTest)) nTest = n - nTrain;
  if (nTrain + nTest > n) {
    fail(fn, 'testSize', `with trainSize, at most ${n} samples in all (reduce testSize and/or trainSize)`, `${nTest} test + ${nTrain} train samples`);
  }
  if (nTrain === 0) {
    fail(fn, 'trainSize', `a size leaving a non-empty train set (${n} samples, testSize ${describeValue(testSize)})`, `${describeValue(trainSize)}, giving an empty train set`);
  }
  return [nTrain, nTest];
}
