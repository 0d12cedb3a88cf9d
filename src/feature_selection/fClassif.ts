import { TypelearnWarning, warn } from '../core/errors';
import { checkSquaresFinite } from '../core/overflow';
import { fSurvival } from '../core/special';
import { registerFunction } from '../core/serialization';
import type { Label, MatrixLike, Target } from '../core/types';
import { encodeLabels, toLabels, uniqueLabels } from '../core/validation';
import { type RowMajor } from '../core/data/index';
import { registerKernel, scoreInput, toResult, type DenseScores, type ScoreResult } from './_univariate';

/** The one-way ANOVA of every column of X against class labels, on flat data. */
export function fClassifDense(X: RowMajor, y: Target, estimator = 'fClassif'): DenseScores {
  const { data, rows: n, cols: d } = X;
  checkSquaresFinite(estimator, X, true);
  const labels = toLabels(y, { estimator, length: n });
  const classes = uniqueLabels(labels);
  const code = encodeLabels(labels as Label[], classes, estimator);
  const K = classes.length;
  const count = new Float64Array(K);
  const sums = new Float64Array(K * d);
  const sqs = new Float64Array(K * d);
  for (let i = 0; i < n; i++) {
    const k = code[i];
    count[k]++;
    const off = i * d;
    const base = k * d;
    for (let j = 0; j < d; j++) {
      const v = data[off + j];
      sums[base + j] += v;
      sqs[base + j] += v * v;
    }
  }
  const dfbn = K - 1;
  const dfwn = n - K;
  const scores = new Float64Array(d);
  const pvalues = new Float64Array(d);
  const constant: number[] = [];
  let anyZeroMsb = false;
  for (let j = 0; j < d; j++) {
    // Uncentered sums as scikit-learn's f_oneway forms them (same order of operations).
    let ssAll = 0;
    let sumAll = 0;
    for (let k = 0; k < K; k++) {
      ssAll += sqs[k * d + j];
      sumAll += sums[k * d + j];
    }
    const sqOfSums = sumAll * sumAll;
    const sstot = ssAll - sqOfSums / n;
    let ssbn = 0;
    for (let k = 0; k < K; k++) {
      const s = sums[k * d + j];
      ssbn += (s * s) / count[k];
    }
    ssbn -= sqOfSums / n;
    const sswn = sstot - ssbn;
    const msb = ssbn / dfbn;
    const msw = sswn / dfwn;
    if (msw === 0) constant.push(j);
    if (msb === 0) anyZeroMsb = true;
    const f = msb / msw;
    scores[j] = f;
    pvalues[j] = dfbn > 0 && dfwn > 0 ? fSurvival(f, dfbn, dfwn) : NaN;
  }
  if (anyZeroMsb && constant.length) warn(new TypelearnWarning(`Features [${constant.join(', ')}] are constant.`, estimator));
  return { scores, pvalues };
}

/**
 * The ANOVA F-value of each feature against class labels (a one-way analysis of variance per
 * feature), and its p-value. The default score function of the univariate selectors.
 *
 * Returns `{ scores, pvalues }`, one entry per feature. A feature constant within every class has
 * an infinite or NaN score, as in scikit-learn (which warns about it).
 * @example
 * ```ts
 * import { fClassif } from 'typelearn';
 * const { scores, pvalues } = fClassif([[1, 5], [2, 4], [10, 5], [11, 4]], [0, 0, 1, 1]);
 * console.log(scores[0], scores[1]); // 162 0
 * console.log(pvalues![0] < 0.01); // true
 * ```
 */
export function fClassif(X: MatrixLike, y: Target): ScoreResult {
  return toResult(fClassifDense(scoreInput(X, 'fClassif'), y));
}

registerKernel(fClassif, (X, y) => fClassifDense(X, y));
registerFunction('fClassif', fClassif);
