import { ValidationError, describeValue } from '../core/errors';
import { anything, nullable, num, oneOf } from '../core/params';
import type { Label, MatrixLike } from '../core/types';
import { compareLabels, uniqueLabels } from '../core/validation';
import { type RowMajor } from '../core/data/index';
import { trapezoid } from './auc';
import { readOptions } from '../core/readOptions';
import { checkLabelArray, checkLabelsOption, checkScoreMatrix, checkScores, checkWeights, is2d } from './_checks';
import { rocPoints } from './rocCurve';
import { average as npAverage, sum } from '../core/numpySum';

/** Options of {@link rocAucScore}. */
export interface RocAucScoreOptions {
  /**
   * Multiclass only: `'macro'` (unweighted mean), `'weighted'` (by prevalence), `'micro'` (ovr only:
   * all one-vs-rest decisions pooled) or `null` (ovr only: one score per class). Ignored for binary
   * targets.
   * @defaultValue 'macro'
   */
  average?: 'macro' | 'weighted' | 'micro' | null;
  /** Per-sample weights (not with `multiClass: 'ovo'`). */
  sampleWeight?: ArrayLike<number>;
  /**
   * Binary only: the standardised partial AUC (McClish correction) over false positive rates in
   * [0, maxFpr].
   * @defaultValue null
   */
  maxFpr?: number | null;
  /**
   * Multiclass only: `'ovr'` (each class against the rest), `'ovo'` (each pair of classes, Hand &
   * Till 2001); `'raise'` throws on multiclass targets.
   * @defaultValue 'raise'
   */
  multiClass?: 'raise' | 'ovr' | 'ovo';
  /**
   * Multiclass only: the sorted labels indexing the columns of yScore.
   * @defaultValue the sorted labels of yTrue
   */
  labels?: Label[];
}

const defaults: RocAucScoreOptions = { average: 'macro', sampleWeight: undefined, maxFpr: null, multiClass: 'raise', labels: undefined };
const schema = {
  average: nullable(oneOf('macro', 'weighted', 'micro')),
  sampleWeight: anything(),
  maxFpr: nullable(num({ min: 0, max: 1, minInclusive: false })),
  multiClass: oneOf('raise', 'ovr', 'ovo'),
  labels: anything(),
};

const FN = 'rocAucScore';

/** The (partial) area under the ROC curve of a binary problem, as scikit-learn's `_binary_roc_auc_score`. */
function binaryRocAuc(isPos: boolean[], scores: ArrayLike<number>, w: ArrayLike<number> | undefined, maxFpr: number | null | undefined, what: string): number {
  const hasPos = isPos.includes(true);
  const hasNeg = isPos.includes(false);
  if (!hasPos || !hasNeg) {
    throw new ValidationError({
      code: 'invalid_input',
      estimator: FN,
      param: 'yTrue',
      expected: `two classes${what} (ROC AUC is not defined with only one class present)`,
      received: 'only one class',
    });
  }
  const { fpr, tpr } = rocPoints(FN, isPos, scores, w, true);
  if (maxFpr === null || maxFpr === undefined || maxFpr === 1) return trapezoid(FN, fpr, tpr);
  let stop = 0;
  while (stop < fpr.length && fpr[stop] <= maxFpr) stop++;
  const x0 = fpr[stop - 1];
  const x1 = fpr[stop];
  const y0 = tpr[stop - 1];
  const y1 = tpr[stop];
  const slope = (y1 - y0) / (x1 - x0);
  let yi = slope * (maxFpr - x0) + y0;
  if (Number.isNaN(yi)) yi = slope * (maxFpr - x1) + y1;
  const xs = [...fpr.slice(0, stop), maxFpr];
  const ys = [...tpr.slice(0, stop), yi];
  const partial = trapezoid(FN, xs, ys);
  const minArea = 0.5 * maxFpr ** 2;
  const maxArea = maxFpr;
  return 0.5 * (1 + (partial - minArea) / (maxArea - minArea));
}

function column(d: RowMajor, j: number): Float64Array {
  const out = new Float64Array(d.rows);
  for (let i = 0; i < d.rows; i++) out[i] = d.data[i * d.cols + j];
  return out;
}

/**
 * The area under the ROC curve, from scores. Binary targets take a 1-d array of scores for the
 * greater label (`predictProba` column 1, or `decisionFunction`); multiclass targets take a matrix of
 * probabilities (columns in the order of `labels`, rows summing to 1) and need `multiClass: 'ovr'` or
 * `'ovo'`. scikit-learn's `roc_auc_score`.
 *
 * Options: `average` (default 'macro'), `sampleWeight`, `maxFpr` (default null), `multiClass`
 * (default 'raise'), `labels`.
 * @example
 * ```ts
 * import { rocAucScore } from 'typelearn';
 * console.log(rocAucScore([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])); // 0.75
 * const proba = [[0.6, 0.3, 0.1], [0.3, 0.4, 0.3], [0.2, 0.5, 0.3], [0.5, 0.3, 0.2]];
 * console.log(rocAucScore(['a', 'b', 'c', 'b'], proba, { multiClass: 'ovr' })); // 0.7361111111111112
 * ```
 */
export function rocAucScore(
  yTrue: ArrayLike<Label>,
  yScore: ArrayLike<number> | MatrixLike,
  options: RocAucScoreOptions & { average: null },
): number[];
export function rocAucScore(
  yTrue: ArrayLike<Label>,
  yScore: ArrayLike<number> | MatrixLike,
  options?: RocAucScoreOptions & { average?: 'macro' | 'weighted' | 'micro' },
): number;
export function rocAucScore(yTrue: ArrayLike<Label>, yScore: ArrayLike<number> | MatrixLike, options?: RocAucScoreOptions): number | number[];
export function rocAucScore(yTrue: ArrayLike<Label>, yScore: ArrayLike<number> | MatrixLike, options: RocAucScoreOptions = {}): number | number[] {
  const o = readOptions(FN, options, defaults, schema);
  const yt = checkLabelArray(FN, yTrue, 'yTrue');
  const n = yt.length;
  const w = checkWeights(FN, o.sampleWeight, n);
  const classes = uniqueLabels(yt);
  const matrix = is2d(yScore) ? checkScoreMatrix(FN, yScore, 'yScore', n) : undefined;
  if (classes.length > 2 || (matrix && matrix.cols > 2)) {
    if (!matrix) {
      throw new ValidationError({
        code: 'invalid_input',
        estimator: FN,
        param: 'yScore',
        expected: `a matrix of class probabilities (one column per class) for a multiclass target (${classes.length} classes)`,
        received: 'a 1-d array',
      });
    }
    return multiclassRocAuc(yt, matrix, w, o);
  }
  let scores: Float64Array;
  if (matrix) {
    if (matrix.cols !== 1) {
      throw new ValidationError({
        code: 'invalid_input',
        estimator: FN,
        param: 'yScore',
        expected: 'a 1-d array of scores of the greater label for a binary target (e.g. column 1 of predictProba)',
        received: `a matrix of ${matrix.cols} columns`,
      });
    }
    scores = matrix.data;
  } else {
    scores = checkScores(FN, yScore, 'yScore', n);
  }
  const pos = classes[classes.length - 1];
  const isPos = yt.map((l) => classes.length === 2 && l === pos);
  return binaryRocAuc(isPos, scores, w, o.maxFpr, '');
}

function multiclassRocAuc(yt: Label[], S: RowMajor, w: Float64Array | undefined, o: RocAucScoreOptions): number | number[] {
  if (o.maxFpr !== null && o.maxFpr !== undefined && o.maxFpr !== 1) {
    throw new ValidationError({ code: 'invalid_option', estimator: FN, param: 'maxFpr', expected: 'null or 1 for multiclass targets (partial AUC is binary only)', received: `${o.maxFpr}` });
  }
  if (o.multiClass === 'raise') {
    throw new ValidationError({ code: 'invalid_option', estimator: FN, param: 'multiClass', expected: "'ovr' or 'ovo' for multiclass targets", received: "'raise'" });
  }
  const average = o.average === undefined ? 'macro' : o.average;
  if (o.multiClass === 'ovo' && (average === null || average === 'micro')) {
    throw new ValidationError({ code: 'invalid_option', estimator: FN, param: 'average', expected: "'macro' or 'weighted' with multiClass 'ovo'", received: describeValue(average) });
  }
  for (let i = 0; i < S.rows; i++) {
    let s = 0;
    for (let j = 0; j < S.cols; j++) s += S.data[i * S.cols + j];
    if (!(Math.abs(s - 1) <= 1e-8 + 1e-5 * Math.abs(s))) {
      throw new ValidationError({ code: 'invalid_input', estimator: FN, param: 'yScore', expected: 'probabilities for a multiclass target: rows summing to 1 over the classes', received: `a row summing to ${s} (row ${i})` });
    }
  }
  let classes: Label[];
  if (o.labels !== undefined && o.labels !== null) {
    classes = checkLabelsOption(FN, o.labels, yt);
    if (new Set(classes).size !== classes.length) {
      throw new ValidationError({ code: 'invalid_option', estimator: FN, param: 'labels', expected: 'unique labels', received: 'repeated labels' });
    }
    for (let i = 1; i < classes.length; i++) {
      if (compareLabels(classes[i - 1], classes[i]) > 0) {
        throw new ValidationError({ code: 'invalid_option', estimator: FN, param: 'labels', expected: 'labels in sorted order', received: 'unsorted labels' });
      }
    }
    if (classes.length !== S.cols) {
      throw new ValidationError({ code: 'invalid_option', estimator: FN, param: 'labels', expected: `one label per column of yScore (${S.cols})`, received: `${classes.length} labels` });
    }
    const set = new Set(classes);
    const missing = yt.find((l) => !set.has(l));
    if (missing !== undefined) {
      throw new ValidationError({ code: 'invalid_input', estimator: FN, param: 'yTrue', expected: 'labels among the labels option', received: describeValue(missing) });
    }
  } else {
    classes = uniqueLabels(yt);
    if (classes.length !== S.cols) {
      throw new ValidationError({
        code: 'invalid_input',
        estimator: FN,
        param: 'yScore',
        expected: `one column per class of yTrue (${classes.length}); give the labels option when yTrue lacks some classes`,
        received: `${S.cols} columns`,
      });
    }
  }
  const index = new Map<Label, number>();
  classes.forEach((c, i) => index.set(c, i));
  const enc = yt.map((l) => index.get(l) as number);
  const k = classes.length;

  if (o.multiClass === 'ovo') {
    if (w) {
      throw new ValidationError({ code: 'invalid_option', estimator: FN, param: 'sampleWeight', expected: "undefined with multiClass 'ovo' (not supported)", received: 'weights' });
    }
    const present = [...new Set(enc)].sort((a, b) => a - b);
    const pairScores: number[] = [];
    const prevalence: number[] = [];
    for (let ia = 0; ia < present.length; ia++) {
      for (let ib = ia + 1; ib < present.length; ib++) {
        const a = present[ia];
        const b = present[ib];
        const rows: number[] = [];
        for (let i = 0; i < enc.length; i++) if (enc[i] === a || enc[i] === b) rows.push(i);
        prevalence.push(rows.length / enc.length);
        const aTrue = rows.map((i) => enc[i] === a);
        const bTrue = rows.map((i) => enc[i] === b);
        const sa = Float64Array.from(rows, (i) => S.data[i * S.cols + a]);
        const sb = Float64Array.from(rows, (i) => S.data[i * S.cols + b]);
        const scoreA = binaryRocAuc(aTrue, sa, undefined, null, '');
        const scoreB = binaryRocAuc(bTrue, sb, undefined, null, '');
        pairScores.push((scoreA + scoreB) / 2);
      }
    }
    return npAverage(pairScores, average === 'weighted' ? prevalence : undefined);
  }

  // One-vs-rest, as for multilabel indicators.
  if (average === 'micro') {
    const isPos: boolean[] = new Array(enc.length * k);
    const ww = w ? new Float64Array(enc.length * k) : undefined;
    for (let i = 0; i < enc.length; i++) {
      for (let j = 0; j < k; j++) {
        isPos[i * k + j] = enc[i] === j;
        if (ww && w) ww[i * k + j] = w[i];
      }
    }
    return binaryRocAuc(isPos, S.data, ww, null, '');
  }
  const scores = new Float64Array(k);
  const weights = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    const isPos = enc.map((c) => c === j);
    for (let i = 0; i < enc.length; i++) if (isPos[i]) weights[j] += w ? w[i] : 1;
    scores[j] = binaryRocAuc(isPos, column(S, j), w, null, ` in yTrue for class ${describeValue(classes[j])} against the rest`);
  }
  if (average === null) return Array.from(scores);
  if (average === 'weighted') {
    if (Math.abs(sum(weights)) <= 1e-8) return 0;
    for (let j = 0; j < k; j++) if (weights[j] === 0) scores[j] = 0;
    return npAverage(scores, weights);
  }
  return npAverage(scores);
}
