import { int } from '../core/params';
import { checkRandomState, type RandomState } from '../core/random';
import { registerEstimator } from '../core/serialization';
import { numSamples, type Indexable } from './_indexing';
import { BaseSplitter, repeatSplits, seedSpec, sizeSpec, type Split } from './_splitter';
import { validateShuffleSplit } from './_validateShuffleSplit';

/** Options of {@link ShuffleSplit} and {@link StratifiedShuffleSplit}. */
export interface ShuffleSplitOptions {
  /** The number of random splits. @defaultValue 10 */
  nSplits: number;
  /** Test set size: a count (integer) or a fraction in (0, 1); null for the complement of trainSize, or 0.1 when both are null. @defaultValue null */
  testSize: number | null;
  /** Train set size, as testSize; null for the complement of the test set. @defaultValue null */
  trainSize: number | null;
  /** Seed; the same seed gives the same splits. @defaultValue null */
  randomState: number | null;
}

export const SHUFFLE_SPLIT_DEFAULTS: ShuffleSplitOptions = { nSplits: 10, testSize: null, trainSize: null, randomState: null };
export const SHUFFLE_SPLIT_SCHEMA = { nSplits: int({ min: 1 }), testSize: sizeSpec, trainSize: sizeSpec, randomState: seedSpec };

/** One random partition: the first nTest of a permutation test, the next nTrain train. */
export function shuffleSplitIndices(n: number, nTrain: number, nTest: number, rng: RandomState): Split {
  const p = rng.permutation(n);
  return { train: p.slice(nTest, nTest + nTrain), test: p.slice(0, nTest) };
}

/**
 * Random permutation cross-validation: `nSplits` independent random train/test partitions, with
 * sizes as scikit-learn's `ShuffleSplit` (the indices differ: typelearn has its own generator).
 *
 * Options: `nSplits` (default 10), `testSize` (default null → 0.1), `trainSize` (default null),
 * `randomState` (default null).
 * @example
 * ```ts
 * import { ShuffleSplit } from 'typelearn';
 * const splits = [...new ShuffleSplit({ nSplits: 3, testSize: 0.25, randomState: 0 }).split(Array.from({ length: 8 }, (_, i) => [i]))];
 * console.log(splits.length, splits[0].train.length, splits[0].test.length); // 3 6 2
 * ```
 */
export class ShuffleSplit extends BaseSplitter<ShuffleSplitOptions> {
  static override readonly className: string = 'ShuffleSplit';
  static override readonly defaults: ShuffleSplitOptions = SHUFFLE_SPLIT_DEFAULTS;
  static override readonly paramSchema = SHUFFLE_SPLIT_SCHEMA;

  /** The random splits of X's samples (y is ignored). */
  split(X: Indexable, _y?: unknown): IterableIterator<Split> {
    const n = numSamples(X, this.className);
    const [nTrain, nTest] = validateShuffleSplit(this.className, n, this.params.testSize, this.params.trainSize, 0.1);
    return repeatSplits(this.params.nSplits, checkRandomState(this.params.randomState), (rng) => shuffleSplitIndices(n, nTrain, nTest, rng));
  }

  /** The number of splits. */
  getNSplits(): number {
    return this.params.nSplits;
  }
}

registerEstimator(ShuffleSplit);
