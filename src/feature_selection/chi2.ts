import { ValidationError } from '../core/errors';
import { chi2Survival } from '../core/special';
import { registerFunction } from '../core/serialization';
import type { Label, MatrixLike, Target } from '../core/types';
import { encodeLabels, toLabels, uniqueLabels } from '../core/validation';
import { type RowMajor } from '../core/data/index';
import { registerKernel, scoreInput, toResult, type DenseScores, type ScoreResult } from './_univariate';

/** Chi-squared statistics of non-negative features against class labels, on flat data. */
export function chi2Dense(X: RowMajor, y: Target, estimator = 'chi2'): DenseScores {
  const { data, rows: n, cols: d } = X;
  for (let t = 0; t < data.length; t++) {
    if (data[t] < 0) {
      throw new ValidationError({ code: 'invalid_input', estimator, param: 'X', expected: 'non-negative values (counts, frequencies, booleans)', received: `${data[t]} at row ${Math.floor(t / d)}, column ${t % d}` });
    }
  }
  const labels = toLabels(y, { estimator, length: n });
  const classes = uniqueLabels(labels);
  const code = encodeLabels(labels as Label[], classes, estimator);
  // A single class is binarized as two columns (1 − Y, Y), one of them empty, as scikit-learn does.
  const K = Math.max(classes.length, 2);
  const count = new Float64Array(K);
  const observed = new Float64Array(K * d);
  const featureCount = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    const k = classes.length === 1 ? 0 : code[i];
    count[k]++;
    const off = i * d;
    const base = k * d;
    for (let j = 0; j < d; j++) {
      observed[base + j] += data[off + j];
      featureCount[j] += data[off + j];
    }
  }
  const scores = new Float64Array(d);
  const pvalues = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    let chisq = 0;
    for (let k = 0; k < K; k++) {
      const expected = (count[k] / n) * featureCount[j];
      const diff = observed[k * d + j] - expected;
      chisq += (diff * diff) / expected;
    }
    scores[j] = chisq;
    pvalues[j] = chi2Survival(chisq, K - 1);
  }
  return { scores, pvalues };
}

/**
 * Chi-squared statistic of each non-negative feature (counts, frequencies, booleans) against class
 * labels, and its p-value: features independent of the class score low.
 *
 * Returns `{ scores, pvalues }`, one entry per feature; an all-zero feature scores NaN, as in
 * scikit-learn. Negative values throw a `ValidationError`.
 * @example
 * ```ts
 * import { chi2 } from 'typelearn';
 * const { scores } = chi2([[1, 1], [2, 1], [0, 1], [0, 1]], [1, 1, 0, 0]);
 * console.log(scores); // [ 3, 0 ]
 * ```
 */
export function chi2(X: MatrixLike, y: Target): ScoreResult {
  return toResult(chi2Dense(scoreInput(X, 'chi2'), y));
}

registerKernel(chi2, (X, y) => chi2Dense(X, y));
registerFunction('chi2', chi2);
