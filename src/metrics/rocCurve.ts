import { ValidationError, describeValue, warn } from '../core/errors';
import { anything, bool } from '../core/params';
import type { Label } from '../core/types';
import { uniqueLabels } from '../core/validation';
import { binaryClfCurve } from './_binaryClfCurve';
import { readOptions } from '../core/readOptions';
import { checkLabelArray, checkScores, checkWeights, normalizePosLabel } from './_checks';
import { UndefinedMetricWarning } from './UndefinedMetricWarning';

/** Options of {@link rocCurve}. */
export interface RocCurveOptions {
  /**
   * The positive class. Needed unless the labels are {0, 1} or {-1, 1} (or booleans), in which case
   * it is 1.
   */
  posLabel?: Label;
  /** Per-sample weights. */
  sampleWeight?: ArrayLike<number>;
  /**
   * Drop thresholds whose points lie on a straight segment of the curve (they change neither its
   * plot nor its area).
   * @defaultValue true
   */
  dropIntermediate?: boolean;
}

/** A ROC curve: rates at decreasing thresholds; `thresholds[0]` is `max(yScore) + 1` (nothing predicted positive). */
export interface RocCurveResult {
  /** False positive rates, increasing. */
  fpr: number[];
  /** True positive rates, increasing. */
  tpr: number[];
  /** The decision thresholds, decreasing (the first is `max(yScore) + 1`: nothing predicted positive). */
  thresholds: number[];
}

/** The ROC points of a binary problem given as a positive mask. */
export function rocPoints(fn: string, isPos: ArrayLike<boolean>, scores: ArrayLike<number>, w: ArrayLike<number> | undefined, dropIntermediate: boolean): RocCurveResult {
  let { fps, tps, thresholds } = binaryClfCurve(isPos, scores, w);
  if (dropIntermediate && fps.length > 2) {
    const keep: number[] = [0];
    for (let i = 1; i < fps.length - 1; i++) {
      const d2f = fps[i + 1] - fps[i] - (fps[i] - fps[i - 1]);
      const d2t = tps[i + 1] - tps[i] - (tps[i] - tps[i - 1]);
      if (d2f !== 0 || d2t !== 0) keep.push(i);
    }
    keep.push(fps.length - 1);
    fps = Float64Array.from(keep, (i) => fps[i]);
    tps = Float64Array.from(keep, (i) => tps[i]);
    thresholds = Float64Array.from(keep, (i) => thresholds[i]);
  }
  const m = fps.length + 1;
  const lastF = fps[fps.length - 1];
  const lastT = tps[tps.length - 1];
  const fpr = new Array<number>(m);
  const tpr = new Array<number>(m);
  const th = new Array<number>(m);
  if (lastF <= 0) warn(new UndefinedMetricWarning('No negative samples in yTrue, false positive value should be meaningless', fn));
  if (lastT <= 0) warn(new UndefinedMetricWarning('No positive samples in yTrue, true positive value should be meaningless', fn));
  fpr[0] = lastF <= 0 ? NaN : 0 / lastF;
  tpr[0] = lastT <= 0 ? NaN : 0 / lastT;
  th[0] = thresholds[0] + 1;
  for (let i = 1; i < m; i++) {
    fpr[i] = lastF <= 0 ? NaN : fps[i - 1] / lastF;
    tpr[i] = lastT <= 0 ? NaN : tps[i - 1] / lastT;
    th[i] = thresholds[i - 1];
  }
  return { fpr, tpr, thresholds: th };
}

/**
 * The receiver operating characteristic curve of a binary problem: false and true positive rates
 * at each score threshold. scikit-learn's `roc_curve` (with `drop_intermediate=True` by default).
 *
 * Options: `posLabel`, `sampleWeight`, `dropIntermediate` (default true).
 * @example
 * ```ts
 * import { rocCurve } from 'typelearn';
 * const { fpr, tpr, thresholds } = rocCurve([1, 1, 2, 2], [0.1, 0.4, 0.35, 0.8], { posLabel: 2 });
 * console.log(fpr, tpr); // [ 0, 0, 0.5, 0.5, 1 ] [ 0, 0.5, 0.5, 1, 1 ]
 * console.log(thresholds); // [ 1.8, 0.8, 0.4, 0.35, 0.1 ]
 * ```
 */
export function rocCurve(yTrue: ArrayLike<Label>, yScore: ArrayLike<number>, options: RocCurveOptions = {}): RocCurveResult {
  const fn = 'rocCurve';
  const o = readOptions(fn, options, { posLabel: undefined, sampleWeight: undefined, dropIntermediate: true } as RocCurveOptions, {
    posLabel: { description: 'a label (a number, string or boolean)', check: (v) => ['number', 'string', 'boolean'].includes(typeof v) },
    sampleWeight: anything(),
    dropIntermediate: bool(),
  });
  const yt = checkLabelArray(fn, yTrue, 'yTrue');
  const scores = checkScores(fn, yScore, 'yScore', yt.length);
  const w = checkWeights(fn, o.sampleWeight, yt.length);
  const classes = uniqueLabels(yt);
  if (o.posLabel === undefined && classes.length > 2) {
    throw new ValidationError({ code: 'invalid_input', estimator: fn, param: 'yTrue', expected: 'binary labels (or give posLabel)', received: `${classes.length} classes` });
  }
  const pos = resolvePosLabel(fn, o.posLabel, classes);
  const isPos = yt.map((l) => l === pos);
  return rocPoints(fn, isPos, scores, w, o.dropIntermediate as boolean);
}

/** scikit-learn's `_check_pos_label_consistency`: posLabel may be left out only for {0, 1} / {-1, 1} labels. */
export function resolvePosLabel(fn: string, posLabel: Label | undefined, classes: readonly Label[]): Label {
  if (posLabel !== undefined) return normalizePosLabel(posLabel, classes);
  const key = classes.map((c) => Number(c)).join(',');
  const ok = typeof classes[0] !== 'string' && ['0,1', '-1,1', '0', '-1', '1'].includes(key);
  if (!ok) {
    throw new ValidationError({
      code: 'invalid_option',
      estimator: fn,
      param: 'posLabel',
      expected: `a positive label: yTrue takes values in {${classes.map((c) => describeValue(c)).join(', ')}}, not {0, 1} or {-1, 1}`,
      received: 'undefined',
    });
  }
  return normalizePosLabel(1, classes);
}
