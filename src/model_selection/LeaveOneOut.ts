import { ValidationError } from '../core/errors';
import { registerEstimator } from '../core/serialization';
import { numSamples, type Indexable } from './_indexing';
import { BaseSplitter, type Split } from './_splitter';

/**
 * Leave-one-out cross-validation: each sample is the test set once, the others train, as
 * scikit-learn's `LeaveOneOut` (the same as `KFold` with one fold per sample). It has no options.
 * @example
 * ```ts
 * import { LeaveOneOut } from 'typelearn';
 * console.log([...new LeaveOneOut().split([[1], [2], [3]])]); // [ { train: [ 1, 2 ], test: [ 0 ] }, { train: [ 0, 2 ], test: [ 1 ] }, { train: [ 0, 1 ], test: [ 2 ] } ]
 * ```
 */
export class LeaveOneOut extends BaseSplitter<object> {
  static override readonly className: string = 'LeaveOneOut';
  static override readonly defaults = {};
  static override readonly paramSchema = {};

  /** One split per sample. */
  split(X: Indexable, _y?: unknown): IterableIterator<Split> {
    return leaveOneOutSplits(this.getNSplits(X));
  }

  /** The number of samples of X (X is required). */
  getNSplits(X?: Indexable): number {
    const n = numSamples(X, this.className);
    if (n <= 1) {
      throw new ValidationError({ code: 'invalid_input', estimator: this.className, param: 'X', expected: 'at least 2 samples', received: `${n} sample${n === 1 ? '' : 's'}` });
    }
    return n;
  }
}

/** The n leave-one-out splits, one at a time. */
function* leaveOneOutSplits(n: number): Generator<Split, void, undefined> {
  for (let i = 0; i < n; i++) {
    const train: number[] = [];
    for (let j = 0; j < n; j++) if (j !== i) train.push(j);
    yield { train, test: [i] };
  }
}

registerEstimator(LeaveOneOut);
