import type { Label } from '../core/types';
import { anything, bool } from '../core/params';
import { readOptions } from '../core/readOptions';
import { checkClassificationTargets, checkWeights } from './_checks';
import { matchRate } from '../core/math/matchRate';

/** Options of {@link accuracyScore}. */
export interface AccuracyScoreOptions {
  /**
   * Return the fraction of correct predictions (true) or their (weighted) count.
   * @defaultValue true
   */
  normalize?: boolean;
  /** Per-sample weights. */
  sampleWeight?: ArrayLike<number>;
}

/**
 * Classification accuracy: the (weighted) fraction of samples whose predicted label equals the true
 * one. scikit-learn's `accuracy_score`.
 * @example
 * ```ts
 * import { accuracyScore } from 'typelearn';
 * console.log(accuracyScore(['a', 'b', 'b'], ['a', 'b', 'a'])); // 0.6666666666666666
 * ```
 */
export function accuracyScore(yTrue: ArrayLike<Label>, yPred: ArrayLike<Label>, options: AccuracyScoreOptions = {}): number {
  const o = readOptions('accuracyScore', options, { normalize: true, sampleWeight: undefined } as AccuracyScoreOptions, {
    normalize: bool(),
    sampleWeight: anything(),
  });
  const [a, b] = checkClassificationTargets('accuracyScore', yTrue, yPred);
  const w = checkWeights('accuracyScore', o.sampleWeight, a.length);
  return matchRate(a, b, w, o.normalize !== false);
}
