import { ValidationError, describeValue } from '../core/errors';
import { MAX_COUNT, checkSize } from '../core/sizes';
import type { Label } from '../core/types';
import type { Indexable } from './_indexing';
import { isClassLabels } from './_labels';
import { KFold } from './KFold';
import { StratifiedKFold } from './StratifiedKFold';
import type { CrossValidator, Split } from './_splitter';

/** What a `cv` option accepts: a number of folds, a splitter, or the splits themselves. */
export type CvInput = number | CrossValidator | Split[];

/** True for anything with a `split` method. */
export function isSplitter(v: unknown): v is CrossValidator {
  return v !== null && typeof v === 'object' && typeof (v as { split?: unknown }).split === 'function';
}

function isSplitList(v: unknown): v is Split[] {
  return (
    Array.isArray(v) &&
    v.every((s) => s !== null && typeof s === 'object' && Array.isArray((s as Split).train) && Array.isArray((s as Split).test))
  );
}

/** Describes what `cv` accepts, for errors and option schemas. */
export const CV_DESCRIPTION = 'an integer ≥ 2 (a number of folds), a splitter (an object with split(X, y)) or an array of { train, test } index arrays';

/** True for a valid `cv` value. */
export function isCvInput(v: unknown): v is CvInput {
  return (typeof v === 'number' && Number.isInteger(v) && v >= 2) || isSplitter(v) || isSplitList(v);
}

function checkIndices(idx: unknown[], n: number, fn: string, where: string): number[] {
  for (const i of idx) {
    if (typeof i !== 'number' || !Number.isInteger(i) || i < 0 || i >= n) {
      throw new ValidationError({ code: 'invalid_option', estimator: fn, param: 'cv', expected: `sample indices in [0, ${n - 1}] in ${where}`, received: describeValue(i) });
    }
  }
  return idx as number[];
}

/**
 * The splits `cv` makes of X (and y), as scikit-learn's `check_cv` followed by `split`: an integer
 * means `StratifiedKFold` when `classifier` is true and y holds class labels, `KFold` otherwise
 * (both unshuffled); a splitter is used as is; a list of splits is checked and copied.
 * @example
 * ```ts
 * import { checkCv } from 'typelearn';
 * const y = ['a', 'a', 'b', 'b'];
 * console.log(checkCv(2, [[0], [1], [2], [3]], y, true).map((s) => s.test)); // [ [ 0, 2 ], [ 1, 3 ] ]
 * console.log(checkCv(2, [[0], [1], [2], [3]], y, false).map((s) => s.test)); // [ [ 0, 1 ], [ 2, 3 ] ]
 * ```
 */
export function checkCv(cv: CvInput, X: Indexable, y: ArrayLike<unknown> | undefined | null, classifier: boolean, fn = 'checkCv'): Split[] {
  if (!isCvInput(cv)) {
    throw new ValidationError({ code: 'invalid_option', estimator: fn, param: 'cv', expected: CV_DESCRIPTION, received: describeValue(cv) });
  }
  const n = Array.isArray(X) ? X.length : (X as { rows: number }).rows;
  let splits: Iterable<Split>;
  if (typeof cv === 'number') {
    const stratified = classifier && y !== undefined && y !== null && isClassLabels(y);
    splits = stratified ? new StratifiedKFold({ nSplits: cv }).split(X, y as ArrayLike<Label>) : new KFold({ nSplits: cv }).split(X);
  } else if (isSplitter(cv)) {
    if (typeof cv.getNSplits === 'function') {
      const count = cv.getNSplits(X, (y ?? undefined) as ArrayLike<Label> | undefined);
      if (typeof count === 'number') checkSize(count, { estimator: fn, param: 'cv', limit: MAX_COUNT, what: 'splits' });
    }
    splits = cv.split(X, (y ?? undefined) as ArrayLike<Label> | undefined);
  } else {
    splits = cv;
  }
  const out: Split[] = [];
  let k = 0;
  for (const s of splits) {
    checkSize(k + 1, { estimator: fn, param: 'cv', limit: MAX_COUNT, what: 'splits' });
    out.push({ train: checkIndices(s.train.slice(), n, fn, `split ${k}'s train`), test: checkIndices(s.test.slice(), n, fn, `split ${k}'s test`) });
    k++;
  }
  if (out.length === 0) {
    throw new ValidationError({ code: 'invalid_option', estimator: fn, param: 'cv', expected: 'at least one split', received: 'no splits' });
  }
  return out;
}
