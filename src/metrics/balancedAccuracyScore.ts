import { TypelearnWarning, warn } from '../core/errors';
import { anything, bool } from '../core/params';
import type { Label } from '../core/types';
import { readOptions } from '../core/readOptions';
import { sum } from '../core/numpySum';
import { confusionMatrixFor } from './confusionMatrix';

/** Options of {@link balancedAccuracyScore}. */
export interface BalancedAccuracyScoreOptions {
  /** Per-sample weights. */
  sampleWeight?: ArrayLike<number>;
  /**
   * Rescale so that random guessing scores 0 and a perfect prediction 1.
   * @defaultValue false
   */
  adjusted?: boolean;
}

/**
 * Balanced accuracy: the mean of the recall of each class, which accounts for imbalanced classes.
 * scikit-learn's `balanced_accuracy_score`. Classes predicted but absent from yTrue are left out, with
 * a warning.
 * @example
 * ```ts
 * import { balancedAccuracyScore } from 'typelearn';
 * console.log(balancedAccuracyScore([0, 1, 0, 0, 1, 0], [0, 1, 0, 0, 0, 1])); // 0.625
 * ```
 */
export function balancedAccuracyScore(yTrue: ArrayLike<Label>, yPred: ArrayLike<Label>, options: BalancedAccuracyScoreOptions = {}): number {
  const fn = 'balancedAccuracyScore';
  const o = readOptions(fn, options, { sampleWeight: undefined, adjusted: false } as BalancedAccuracyScoreOptions, {
    sampleWeight: anything(),
    adjusted: bool(),
  });
  const C = confusionMatrixFor(fn, yTrue, yPred, { sampleWeight: o.sampleWeight });
  const perClass: number[] = [];
  let absent = false;
  for (let i = 0; i < C.length; i++) {
    const rowSum = sum(C[i]);
    const r = C[i][i] / rowSum;
    if (Number.isNaN(r)) absent = true;
    else perClass.push(r);
  }
  if (absent) warn(new TypelearnWarning('yPred contains classes not in yTrue', fn));
  let score = sum(perClass) / perClass.length;
  if (o.adjusted) {
    const chance = 1 / perClass.length;
    score -= chance;
    score /= 1 - chance;
  }
  return score;
}
