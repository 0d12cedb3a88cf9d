import { ValidationError } from '../core/errors';
import { bool, int, type ParamSpec } from '../core/params';
import { seedSpec } from './_splitter';

/** Options of {@link KFold} and {@link StratifiedKFold}. */
export interface KFoldOptions {
  /** The number of folds, at least 2. @defaultValue 5 */
  nSplits: number;
  /** Shuffle the samples (within each class for StratifiedKFold) before cutting folds. @defaultValue false */
  shuffle: boolean;
  /** Seed of the shuffle; only allowed with `shuffle: true`, as in scikit-learn 1.2. @defaultValue null */
  randomState: number | null;
}

export const KFOLD_DEFAULTS: KFoldOptions = { nSplits: 5, shuffle: false, randomState: null };
export const KFOLD_SCHEMA: Record<string, ParamSpec> = { nSplits: int({ min: 2 }), shuffle: bool(), randomState: seedSpec };

/** scikit-learn 1.2 rejects a seed that would have no effect. */
export function checkShuffleSeed(className: string, o: KFoldOptions): void {
  if (!o.shuffle && o.randomState !== null) {
    throw new ValidationError({
      code: 'invalid_option',
      estimator: className,
      param: 'randomState',
      expected: 'null when shuffle is false (setting randomState has no effect since shuffle is false; set shuffle: true to use it)',
      received: String(o.randomState),
    });
  }
}

/** Throws when there are fewer samples than folds. */
export function checkNSplits(className: string, nSplits: number, n: number): void {
  if (nSplits > n) {
    throw new ValidationError({
      code: 'invalid_input',
      estimator: className,
      param: 'X',
      expected: `at least nSplits=${nSplits} samples (cannot have more folds than samples)`,
      received: `${n} samples`,
    });
  }
}
