import type { Label } from '../core/types';
import { computePrf, readPrfOptions, type PrfOptions } from './_prf';

/** Options of {@link precisionRecallFscoreSupport}. */
export interface PrecisionRecallFscoreSupportOptions extends PrfOptions {
  /**
   * The weight of recall against precision in the F-score (`Infinity` gives recall).
   * @defaultValue 1
   */
  beta?: number;
}

/** Per-label scores (when `average` is null). */
export interface PrecisionRecallFscoreSupportPerLabel {
  /** Precision of each label: tp / (tp + fp). */
  precision: number[];
  /** Recall of each label: tp / (tp + fn). */
  recall: number[];
  /** F-beta score of each label. */
  fScore: number[];
  /** The (weighted) number of true samples of each label. */
  support: number[];
}

/** Averaged scores. */
export interface PrecisionRecallFscoreSupportAveraged {
  /** The averaged precision. */
  precision: number;
  /** The averaged recall. */
  recall: number;
  /** The averaged F-beta score. */
  fScore: number;
  /** Always null for an average, as in scikit-learn. */
  support: null;
}

/**
 * Precision, recall, F-beta score and support of each label, or their average. scikit-learn's
 * `precision_recall_fscore_support`; as there, `average` defaults to `null` (per-label arrays).
 *
 * Options: `labels`, `posLabel` (default 1), `average` (default null), `beta` (default 1),
 * `sampleWeight`, `zeroDivision` (default 'warn').
 * @example
 * ```ts
 * import { precisionRecallFscoreSupport } from 'typelearn';
 * const yTrue = ['cat', 'dog', 'pig', 'cat', 'dog', 'pig'];
 * const yPred = ['cat', 'pig', 'dog', 'cat', 'cat', 'dog'];
 * const r = precisionRecallFscoreSupport(yTrue, yPred, { labels: ['pig', 'dog', 'cat'] });
 * console.log(r.recall, r.support); // [ 0, 0, 1 ] [ 2, 2, 2 ]
 * console.log(precisionRecallFscoreSupport(yTrue, yPred, { average: 'micro' }).fScore); // 0.3333333333333333
 * ```
 */
export function precisionRecallFscoreSupport(
  yTrue: ArrayLike<Label>,
  yPred: ArrayLike<Label>,
  options?: PrecisionRecallFscoreSupportOptions & { average?: null },
): PrecisionRecallFscoreSupportPerLabel;
export function precisionRecallFscoreSupport(
  yTrue: ArrayLike<Label>,
  yPred: ArrayLike<Label>,
  options: PrecisionRecallFscoreSupportOptions & { average: Exclude<PrfOptions['average'], null | undefined> },
): PrecisionRecallFscoreSupportAveraged;
export function precisionRecallFscoreSupport(
  yTrue: ArrayLike<Label>,
  yPred: ArrayLike<Label>,
  options?: PrecisionRecallFscoreSupportOptions,
): PrecisionRecallFscoreSupportPerLabel | PrecisionRecallFscoreSupportAveraged;
export function precisionRecallFscoreSupport(
  yTrue: ArrayLike<Label>,
  yPred: ArrayLike<Label>,
  options: PrecisionRecallFscoreSupportOptions = {},
): PrecisionRecallFscoreSupportPerLabel | PrecisionRecallFscoreSupportAveraged {
  const fn = 'precisionRecallFscoreSupport';
  const o = readPrfOptions(fn, options, null, true);
  return computePrf(fn, yTrue, yPred, o, ['precision', 'recall', 'f-score']) as
    | PrecisionRecallFscoreSupportPerLabel
    | PrecisionRecallFscoreSupportAveraged;
}
