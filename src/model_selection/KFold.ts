import { checkRandomState } from '../core/random';
import { registerEstimator } from '../core/serialization';
import { numSamples, type Indexable } from './_indexing';
import { BaseSplitter, type Split } from './_splitter';
import { KFOLD_DEFAULTS, KFOLD_SCHEMA, checkNSplits, checkShuffleSeed, type KFoldOptions } from './_kfoldOptions';

export type { KFoldOptions } from './_kfoldOptions';

/**
 * K-fold cross-validation: cuts the samples into `nSplits` consecutive folds (the first `n % nSplits`
 * folds one sample larger), each used once as the test set. Unshuffled, the folds are exactly
 * scikit-learn's `KFold`.
 *
 * Options: `nSplits` (default 5, at least 2), `shuffle` (default false), `randomState` (default null;
 * only with `shuffle: true`).
 * @example
 * ```ts
 * import { KFold } from 'typelearn';
 * const folds = [...new KFold({ nSplits: 3 }).split([[0], [1], [2], [3], [4]])];
 * console.log(folds.map((f) => f.test)); // [ [ 0, 1 ], [ 2, 3 ], [ 4 ] ]
 * console.log(folds[0].train); // [ 2, 3, 4 ]
 * ```
 */
export class KFold extends BaseSplitter<KFoldOptions> {
  static override readonly className: string = 'KFold';
  static override readonly defaults: KFoldOptions = KFOLD_DEFAULTS;
  static override readonly paramSchema = KFOLD_SCHEMA;

  constructor(options?: Partial<KFoldOptions>) {
    super(options);
    checkShuffleSeed(this.className, this.params);
  }

  /** The folds of X's samples (y is ignored). */
  split(X: Indexable, _y?: unknown): IterableIterator<Split> {
    const n = numSamples(X, this.className);
    const k = this.params.nSplits;
    checkNSplits(this.className, k, n);
    const indices = Array.from({ length: n }, (_, i) => i);
    if (this.params.shuffle) checkRandomState(this.params.randomState).shuffle(indices);
    return kFoldSplits(indices, k);
  }

  /** The number of folds. */
  getNSplits(): number {
    return this.params.nSplits;
  }
}

/** The k consecutive folds of `indices`, one at a time (the first n % k folds one larger). */
function* kFoldSplits(indices: number[], k: number): Generator<Split, void, undefined> {
  const n = indices.length;
  let start = 0;
  for (let f = 0; f < k; f++) {
    const size = Math.floor(n / k) + (f < n % k ? 1 : 0);
    yield { test: indices.slice(start, start + size), train: indices.slice(0, start).concat(indices.slice(start + size)) };
    start += size;
  }
}

registerEstimator(KFold);
