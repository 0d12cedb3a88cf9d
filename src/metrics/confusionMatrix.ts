import { ValidationError } from '../core/errors';
import { checkSize } from '../core/sizes';
import { anything, nullable, oneOf } from '../core/params';
import type { Label } from '../core/types';
import { uniqueLabels } from '../core/validation';
import { readOptions } from '../core/readOptions';
import { checkClassificationTargets, checkLabelsOption, checkWeights } from './_checks';
import { sum } from '../core/numpySum';

/** Options of {@link confusionMatrix}. */
export interface ConfusionMatrixOptions {
  /**
   * The labels indexing the rows and columns, in this order; samples whose true or predicted label is
   * not among them are left out.
   * @defaultValue the labels of yTrue and yPred, sorted
   */
  labels?: Label[];
  /** Per-sample weights. */
  sampleWeight?: ArrayLike<number>;
  /**
   * Divide by the row sums (`'true'`), the column sums (`'pred'`) or the total (`'all'`); `null`
   * keeps counts. Empty rows or columns give zeros.
   * @defaultValue null
   */
  normalize?: 'true' | 'pred' | 'all' | null;
}

const defaults: ConfusionMatrixOptions = { labels: undefined, sampleWeight: undefined, normalize: null };
const schema = { labels: anything(), sampleWeight: anything(), normalize: nullable(oneOf('true', 'pred', 'all')) };

/**
 * The confusion matrix C: `C[i][j]` counts the samples of true label i predicted as label j.
 * scikit-learn's `confusion_matrix`.
 *
 * Options: `labels`, `sampleWeight`, `normalize` (default null).
 * @example
 * ```ts
 * import { confusionMatrix } from 'typelearn';
 * console.log(confusionMatrix([2, 0, 2, 2, 0, 1], [0, 0, 2, 2, 0, 2])); // [ [ 2, 0, 0 ], [ 0, 0, 1 ], [ 1, 0, 2 ] ]
 * console.log(confusionMatrix(['a', 'b', 'a', 'b'], ['a', 'a', 'a', 'b'], { normalize: 'true' })); // [ [ 1, 0 ], [ 0.5, 0.5 ] ]
 * ```
 */
export function confusionMatrix(yTrue: ArrayLike<Label>, yPred: ArrayLike<Label>, options: ConfusionMatrixOptions = {}): number[][] {
  return confusionMatrixFor('confusionMatrix', yTrue, yPred, options);
}

/** {@link confusionMatrix}, reporting errors under the name of the calling function `fn`. */
export function confusionMatrixFor(fn: string, yTrue: ArrayLike<Label>, yPred: ArrayLike<Label>, options: ConfusionMatrixOptions): number[][] {
  const o = readOptions(fn, options, defaults, schema);
  const [yt, yp] = checkClassificationTargets(fn, yTrue, yPred);
  const w = checkWeights(fn, o.sampleWeight, yt.length);
  let labels: Label[];
  if (o.labels === undefined || o.labels === null) {
    labels = uniqueLabels([...yt, ...yp]);
  } else {
    labels = checkLabelsOption(fn, o.labels, yt);
    const trueSet = new Set(yt);
    if (!labels.some((l) => trueSet.has(l))) {
      throw new ValidationError({ code: 'invalid_option', estimator: fn, param: 'labels', expected: 'at least one label that occurs in yTrue', received: 'none of them' });
    }
  }
  const k = labels.length;
  checkSize(k * k, { estimator: fn, param: o.labels === undefined || o.labels === null ? 'yTrue' : 'labels', input: true, what: `matrix cells (${k} labels × ${k} labels)` });
  // As scikit-learn's label-to-index dict: a repeated label maps to its last position.
  const index = new Map<Label, number>();
  labels.forEach((l, i) => index.set(l, i));
  const cm = new Float64Array(k * k);
  for (let s = 0; s < yt.length; s++) {
    const i = index.get(yt[s]);
    const j = index.get(yp[s]);
    if (i === undefined || j === undefined) continue;
    cm[i * k + j] += w ? w[s] : 1;
  }
  if (o.normalize === 'true') {
    for (let i = 0; i < k; i++) {
      const row = cm.subarray(i * k, (i + 1) * k);
      const total = sum(row);
      for (let j = 0; j < k; j++) row[j] = total === 0 ? 0 : row[j] / total;
    }
  } else if (o.normalize === 'pred') {
    const totals = new Float64Array(k);
    for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) totals[j] += cm[i * k + j];
    for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) cm[i * k + j] = totals[j] === 0 ? 0 : cm[i * k + j] / totals[j];
  } else if (o.normalize === 'all') {
    const total = sum(cm);
    for (let t = 0; t < cm.length; t++) cm[t] = total === 0 ? 0 : cm[t] / total;
  }
  const out: number[][] = [];
  for (let i = 0; i < k; i++) out.push(Array.from(cm.subarray(i * k, (i + 1) * k)));
  return out;
}
