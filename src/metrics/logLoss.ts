import { ValidationError, describeValue } from '../core/errors';
import { anything, bool, num, oneOf, union } from '../core/params';
import type { Label, MatrixLike } from '../core/types';
import { uniqueLabels } from '../core/validation';
import { readOptions } from '../core/readOptions';
import { checkLabelArray, checkLabelsOption, checkPositiveSum, checkProbabilities, checkScoreMatrix, checkScores, checkWeights, is2d } from './_checks';
import { average, sum } from '../core/numpySum';

/** Options of {@link logLoss}. */
export interface LogLossOptions {
  /**
   * Probabilities are clipped to [eps, 1 − eps]; `'auto'` uses the float64 machine epsilon
   * (2.220446049250313e-16).
   * @defaultValue 'auto'
   */
  eps?: 'auto' | number;
  /**
   * Return the mean loss per sample (true) or the sum of the losses.
   * @defaultValue true
   */
  normalize?: boolean;
  /** Per-sample weights. */
  sampleWeight?: ArrayLike<number>;
  /**
   * The classes, whose sorted order indexes the columns of yPred.
   * @defaultValue the sorted labels of yTrue
   */
  labels?: Label[];
}

const defaults: LogLossOptions = { eps: 'auto', normalize: true, sampleWeight: undefined, labels: undefined };
const schema = {
  eps: union(oneOf('auto'), num({ min: 0, max: 1, maxInclusive: false })),
  normalize: bool(),
  sampleWeight: anything(),
  labels: anything(),
};

/**
 * Log loss (cross-entropy): the negative log-likelihood of the true labels under the predicted
 * probabilities. yPred is a matrix of probabilities whose columns follow the sorted classes, or for
 * two classes a 1-d array of probabilities of the greater one. Rows are clipped to [eps, 1 − eps]
 * and renormalised. scikit-learn's `log_loss` (version 1.2).
 *
 * Options: `eps` (default 'auto'), `normalize` (default true), `sampleWeight`, `labels`.
 * @example
 * ```ts
 * import { logLoss } from 'typelearn';
 * console.log(logLoss(['spam', 'ham', 'ham', 'spam'], [[0.1, 0.9], [0.9, 0.1], [0.8, 0.2], [0.35, 0.65]])); // 0.21616187468057912
 * console.log(logLoss([0, 1, 1], [0.2, 0.7, 0.9])); // 0.22839300363692283
 * ```
 */
export function logLoss(yTrue: ArrayLike<Label>, yPred: ArrayLike<number> | MatrixLike, options: LogLossOptions = {}): number {
  const fn = 'logLoss';
  const o = readOptions(fn, options, defaults, schema);
  const yt = checkLabelArray(fn, yTrue, 'yTrue');
  const n = yt.length;
  const w = checkWeights(fn, o.sampleWeight, n);
  if (o.normalize !== false) checkPositiveSum(fn, w);
  const eps = o.eps === 'auto' || o.eps === undefined ? Number.EPSILON : o.eps;
  const classes = o.labels !== undefined && o.labels !== null ? uniqueLabels(checkLabelsOption(fn, o.labels, yt)) : uniqueLabels(yt);
  if (classes.length < 2) {
    throw new ValidationError({
      code: 'invalid_input',
      estimator: fn,
      param: o.labels ? 'labels' : 'yTrue',
      expected: o.labels ? 'at least two labels' : 'at least two classes (give the labels option when yTrue holds only one)',
      received: `only ${describeValue(classes[0])}`,
    });
  }
  const index = new Map<Label, number>();
  classes.forEach((c, i) => index.set(c, i));
  const truth = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const k = index.get(yt[i]);
    if (k === undefined) {
      throw new ValidationError({ code: 'invalid_input', estimator: fn, param: 'yTrue', expected: 'labels among the labels option', received: `${describeValue(yt[i])} at index ${i}` });
    }
    truth[i] = k;
  }
  const clip = (p: number) => Math.min(Math.max(p, eps), 1 - eps);
  let P: Float64Array;
  let k: number;
  const mat = is2d(yPred) ? checkScoreMatrix(fn, yPred, 'yPred', n) : undefined;
  if (mat && mat.cols > 1) {
    checkProbabilities(fn, 'yPred', mat.data);
    k = mat.cols;
    P = Float64Array.from(mat.data, clip);
  } else {
    const p = mat ? mat.data : checkScores(fn, yPred, 'yPred', n);
    checkProbabilities(fn, 'yPred', p);
    k = 2;
    P = new Float64Array(2 * n);
    for (let i = 0; i < n; i++) {
      const c = clip(p[i]);
      P[2 * i] = 1 - c;
      P[2 * i + 1] = c;
    }
  }
  if (k !== classes.length) {
    throw new ValidationError({
      code: 'invalid_input',
      estimator: fn,
      param: 'yPred',
      expected: `one column per class (${classes.length}: ${classes.map((c) => describeValue(c)).join(', ')})${o.labels ? '' : '; give the labels option when yTrue lacks some classes'}`,
      received: `${k} columns`,
    });
  }
  const loss = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const rowSum = sum(P.subarray(i * k, (i + 1) * k));
    loss[i] = -Math.log(P[i * k + truth[i]] / rowSum);
  }
  if (o.normalize !== false) return average(loss, w);
  if (w) {
    let s = 0;
    for (let i = 0; i < n; i++) s += loss[i] * w[i];
    return s;
  }
  return sum(loss);
}
