import { ValidationError } from '../core/errors';
import { checkRandomState, type RandomState } from '../core/random';
import { registerEstimator } from '../core/serialization';
import type { Label } from '../core/types';
import { numSamples, type Indexable } from './_indexing';
import { approximateMode } from './_approximateMode';
import { encodeForStratify } from './_labels';
import { BaseSplitter, repeatSplits, type Split } from './_splitter';
import { SHUFFLE_SPLIT_DEFAULTS, SHUFFLE_SPLIT_SCHEMA, type ShuffleSplitOptions } from './ShuffleSplit';
import { validateShuffleSplit } from './_validateShuffleSplit';

/** Sorted classes, each class's sample indices (in data order) and their counts. */
export interface StratifiedLayout {
  classIndices: number[][];
  counts: number[];
}

/** Groups samples by class, checking what scikit-learn's `StratifiedShuffleSplit` checks. */
export function stratifiedLayout(y: unknown, n: number, nTrain: number, nTest: number, fn: string, param: string): StratifiedLayout {
  const { codes, counts } = encodeForStratify(y, n, fn, param, 'sorted');
  const fail = (expected: string, received: string): never => {
    throw new ValidationError({ code: 'invalid_input', estimator: fn, param, expected, received });
  };
  const min = Math.min(...counts);
  if (min < 2) fail('at least 2 members in every class', 'a class with only 1 member');
  if (nTrain < counts.length) fail(`a train size of at least the number of classes (${counts.length})`, `a train size of ${nTrain}`);
  if (nTest < counts.length) fail(`a test size of at least the number of classes (${counts.length})`, `a test size of ${nTest}`);
  const classIndices: number[][] = counts.map(() => []);
  for (let i = 0; i < n; i++) classIndices[codes[i]].push(i);
  return { classIndices, counts };
}

/**
 * One stratified random partition: per-class train and test counts from `approximateMode` (as
 * scikit-learn), then random members of each class, then each set shuffled.
 */
export function stratifiedShuffleIndices(layout: StratifiedLayout, nTrain: number, nTest: number, rng: RandomState): Split {
  const nI = approximateMode(layout.counts, nTrain, rng);
  const remaining = layout.counts.map((c, i) => c - nI[i]);
  const tI = approximateMode(remaining, nTest, rng);
  const train: number[] = [];
  const test: number[] = [];
  layout.classIndices.forEach((members, c) => {
    const perm = rng.permutation(members.length).map((p) => members[p]);
    for (let k = 0; k < nI[c]; k++) train.push(perm[k]);
    for (let k = nI[c]; k < nI[c] + tI[c]; k++) test.push(perm[k]);
  });
  return { train: rng.shuffle(train), test: rng.shuffle(test) };
}

/**
 * Stratified random splits: `nSplits` random train/test partitions that keep each class's share, as
 * scikit-learn's `StratifiedShuffleSplit` (same per-class counts; the indices differ because
 * typelearn has its own generator).
 *
 * Options: `nSplits` (default 10), `testSize` (default null → 0.1), `trainSize` (default null),
 * `randomState` (default null).
 * @example
 * ```ts
 * import { StratifiedShuffleSplit } from 'typelearn';
 * const y = [0, 0, 0, 0, 0, 0, 1, 1, 1, 1];
 * const [s] = new StratifiedShuffleSplit({ nSplits: 1, testSize: 0.5, randomState: 0 }).split(y.map((v) => [v]), y);
 * console.log(s.test.filter((i) => y[i] === 1).length); // 2
 * ```
 */
export class StratifiedShuffleSplit extends BaseSplitter<ShuffleSplitOptions> {
  static override readonly className: string = 'StratifiedShuffleSplit';
  static override readonly defaults: ShuffleSplitOptions = SHUFFLE_SPLIT_DEFAULTS;
  static override readonly paramSchema = SHUFFLE_SPLIT_SCHEMA;

  /** The random splits of X's samples, stratified by the class labels y. */
  split(X: Indexable, y?: ArrayLike<Label> | null): IterableIterator<Split> {
    const n = numSamples(X, this.className);
    const [nTrain, nTest] = validateShuffleSplit(this.className, n, this.params.testSize, this.params.trainSize, 0.1);
    if (y === undefined || y === null) {
      throw new ValidationError({ code: 'invalid_input', estimator: this.className, param: 'y', expected: 'the class labels to stratify by', received: 'undefined' });
    }
    const layout = stratifiedLayout(y, n, nTrain, nTest, this.className, 'y');
    return repeatSplits(this.params.nSplits, checkRandomState(this.params.randomState), (rng) => stratifiedShuffleIndices(layout, nTrain, nTest, rng));
  }

  /** The number of splits. */
  getNSplits(): number {
    return this.params.nSplits;
  }
}

registerEstimator(StratifiedShuffleSplit);
