import { ValidationError } from '../core/errors';
import { TypelearnWarning, warn } from '../core/errors';
import { checkRandomState } from '../core/random';
import { registerEstimator } from '../core/serialization';
import type { Label } from '../core/types';
import { numSamples, type Indexable } from './_indexing';
import { encodeForStratify } from './_labels';
import { BaseSplitter, foldsToSplits, type Split } from './_splitter';
import { KFOLD_DEFAULTS, KFOLD_SCHEMA, checkNSplits, checkShuffleSeed, type KFoldOptions } from './_kfoldOptions';

/**
 * Stratified k-fold cross-validation: folds that keep each class's share of the samples. Classes
 * are taken in order of first appearance; each class's samples are dealt to the folds in blocks
 * (in data order unless `shuffle`), with fold sizes from a round robin over the class-sorted labels,
 * exactly as scikit-learn 1.2's `StratifiedKFold` (unshuffled, the folds are identical).
 *
 * Options: `nSplits` (default 5, at least 2), `shuffle` (default false), `randomState` (default null;
 * only with `shuffle: true`). Throws when every class has fewer than `nSplits` members; warns
 * when the smallest one does.
 * @example
 * ```ts
 * import { StratifiedKFold } from 'typelearn';
 * const y = ['a', 'a', 'a', 'b', 'b', 'b'];
 * const folds = [...new StratifiedKFold({ nSplits: 3 }).split(y.map(() => [0]), y)];
 * console.log(folds.map((f) => f.test)); // [ [ 0, 3 ], [ 1, 4 ], [ 2, 5 ] ]
 * ```
 */
export class StratifiedKFold extends BaseSplitter<KFoldOptions> {
  static override readonly className: string = 'StratifiedKFold';
  static override readonly defaults: KFoldOptions = KFOLD_DEFAULTS;
  static override readonly paramSchema = KFOLD_SCHEMA;

  constructor(options?: Partial<KFoldOptions>) {
    super(options);
    checkShuffleSeed(this.className, this.params);
  }

  /** The folds of X's samples, stratified by the class labels y. */
  split(X: Indexable, y?: ArrayLike<Label> | null): IterableIterator<Split> {
    const n = numSamples(X, this.className);
    const k = this.params.nSplits;
    checkNSplits(this.className, k, n);
    if (y === undefined || y === null) {
      throw new ValidationError({ code: 'invalid_input', estimator: this.className, param: 'y', expected: 'the class labels to stratify by', received: 'undefined' });
    }
    const { codes, counts } = encodeForStratify(y, n, this.className, 'y', 'appearance');
    const minCount = Math.min(...counts);
    if (counts.every((c) => k > c)) {
      throw new ValidationError({
        code: 'invalid_input',
        estimator: this.className,
        param: 'y',
        expected: `at least one class with nSplits=${k} members (nSplits cannot be greater than the number of members in each class)`,
        received: `class sizes ${counts.join(', ')}`,
      });
    }
    if (k > minCount) {
      warn(new TypelearnWarning(`The least populated class in y has only ${minCount} members, which is less than nSplits=${k}.`, this.className));
    }
    // allocation[f][c]: how many samples of class c fold f tests, from a round robin over the
    // labels sorted by class (sample j of that order goes to fold j mod k).
    const nClasses = counts.length;
    const allocation = Array.from({ length: k }, () => new Array<number>(nClasses).fill(0));
    let j = 0;
    for (let c = 0; c < nClasses; c++) {
      for (let m = 0; m < counts[c]; m++, j++) allocation[j % k][c] += 1;
    }
    const rng = this.params.shuffle ? checkRandomState(this.params.randomState) : undefined;
    const testFolds = new Int32Array(n);
    for (let c = 0; c < nClasses; c++) {
      const foldsForClass: number[] = [];
      for (let f = 0; f < k; f++) for (let m = 0; m < allocation[f][c]; m++) foldsForClass.push(f);
      if (rng) rng.shuffle(foldsForClass);
      let p = 0;
      for (let i = 0; i < n; i++) if (codes[i] === c) testFolds[i] = foldsForClass[p++];
    }
    return foldsToSplits(testFolds, k);
  }

  /** The number of folds. */
  getNSplits(): number {
    return this.params.nSplits;
  }
}

registerEstimator(StratifiedKFold);
