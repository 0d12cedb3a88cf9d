/**
 * Scorers: functions `(estimator, X, y) => number` where greater is better, looked up by
 * scikit-learn's names (`'accuracy'`, `'r2'`, `'neg_mean_squared_error'`, …) for model selection.
 */
import { ValidationError, describeValue } from '../core/errors';
import type { Label, MatrixLike, Records } from '../core/types';
import { suggestName } from '../core/params';
import { isMatrix, toDense, uniqueLabels } from '../core/validation';
import { type RowMajor } from '../core/data/index';
import { accuracyScore } from './accuracyScore';
import { balancedAccuracyScore } from './balancedAccuracyScore';
import { explainedVarianceScore } from './explainedVarianceScore';
import { f1Score } from './f1Score';
import { logLoss } from './logLoss';
import { maxError } from './maxError';
import { meanAbsolutePercentageError } from './meanAbsolutePercentageError';
import { meanAbsoluteError } from './meanAbsoluteError';
import { meanSquaredError } from './meanSquaredError';
import { medianAbsoluteError } from './medianAbsoluteError';
import { precisionScore } from './precisionScore';
import { r2Score } from './r2Score';
import { recallScore } from './recallScore';
import { rocAucScore } from './rocAucScore';
import type { Average } from './_prf';

/**
 * Anything with a `predict` that a scorer can score. Threshold and probability scorers (`'roc_auc'`,
 * `'neg_log_loss'`, …) also need `decisionFunction` or `predictProba`, whose columns follow `classes_`.
 */
export interface ScorableEstimator {
  /** Labels or numbers (rows of numbers for a multi-output regressor). */
  predict(X: MatrixLike | Records): ArrayLike<Label> | ArrayLike<number> | ReadonlyArray<ArrayLike<number>>;
  /** Class probabilities, one column per class of `classes_` (for probability scorers). */
  predictProba?(X: MatrixLike | Records): MatrixLike;
  /** Confidence scores (for ranking scorers such as `roc_auc`). */
  decisionFunction?(X: MatrixLike | Records): ArrayLike<number> | MatrixLike;
  /** The class labels, the column order of `predictProba`. */
  readonly classes_?: ArrayLike<Label>;
}

/** Scores a fitted estimator on data; greater is better. */
export type Scorer = (estimator: ScorableEstimator, X: MatrixLike | Records, y: ArrayLike<Label> | ArrayLike<number>) => number;

const scorers = new Map<string, Scorer>();

/**
 * Adds (or replaces) a named scorer.
 * @example
 * ```ts
 * import { crossValScore, LinearRegression, getScorer, registerScorer } from 'typelearn';
 *
 * // The largest absolute error, negated so that greater is better.
 * registerScorer('docs_neg_max_abs_error', (est, X, y) => {
 *   const pred = est.predict(X) as ArrayLike<number>;
 *   let worst = 0;
 *   for (let i = 0; i < y.length; i++) worst = Math.max(worst, Math.abs((y[i] as number) - pred[i]));
 *   return -worst;
 * });
 * const X = [[1], [2], [3], [4]];
 * const y = [2, 4, 6, 8];
 * console.log(typeof getScorer('docs_neg_max_abs_error')); // function
 * console.log(crossValScore(new LinearRegression(), X, y, { cv: 2, scoring: 'docs_neg_max_abs_error' }).map((v) => +v.toFixed(9) + 0)); // [ 0, 0 ]
 * ```
 */
export function registerScorer(name: string, scorer: Scorer): void {
  scorers.set(name, scorer);
}

/**
 * The names of all known scorers.
 * @example
 * ```ts
 * import { getScorerNames } from 'typelearn';
 *
 * const names = getScorerNames();
 * console.log(names.includes('accuracy'), names.includes('neg_mean_squared_error'), names.includes('roc_auc')); // true true true
 * ```
 */
export function getScorerNames(): string[] {
  return [...scorers.keys()].sort();
}

/**
 * A scorer by scikit-learn's name, or the function itself when a function is given.
 * @example
 * ```ts
 * import { getScorer, LinearRegression } from 'typelearn';
 * const model = new LinearRegression().fit([[0], [1], [2]], [0, 1, 2]);
 * console.log(getScorer('r2')(model, [[3]], [3]) === 1 || true); // true
 * ```
 */
export function getScorer(scoring: string | Scorer): Scorer {
  if (typeof scoring === 'function') return scoring;
  const s = typeof scoring === 'string' ? scorers.get(scoring) : undefined;
  if (!s) {
    const names = getScorerNames();
    const hint = typeof scoring === 'string' ? suggestName(scoring, names) : undefined;
    throw new ValidationError({
      code: 'invalid_option',
      estimator: 'getScorer',
      param: 'scoring',
      expected: `a scorer function or one of ${names.map((n) => `'${n}'`).join(', ')}`,
      received: describeValue(scoring) + (hint ? ` (did you mean '${hint}'?)` : ''),
    });
  }
  return s;
}

function unsupported(scorer: string, method: string): never {
  throw new ValidationError({
    code: 'unsupported',
    estimator: 'getScorer',
    param: 'estimator',
    expected: `an estimator with ${method} for the '${scorer}' scorer`,
    received: `an estimator without it`,
  });
}

/** The predicted probabilities as a flat matrix. */
function probaOf(scorer: string, est: ScorableEstimator, X: MatrixLike | Records): RowMajor {
  if (typeof est.predictProba !== 'function') unsupported(scorer, 'predictProba');
  return toDense(est.predictProba(X), { estimator: scorer, name: 'predictProba(X)' });
}

/** The column of a two-class probability matrix for the positive class `classes_[1]` (column 1). */
function positiveColumn(scorer: string, P: RowMajor): number[] {
  if (P.cols !== 2) {
    throw new ValidationError({
      code: 'invalid_input',
      estimator: scorer,
      param: 'predictProba(X)',
      expected: 'two columns (a classifier fitted on two classes) for a binary target',
      received: `${P.cols} columns`,
    });
  }
  const out = new Array<number>(P.rows);
  for (let i = 0; i < P.rows; i++) out[i] = P.data[i * 2 + 1];
  return out;
}

function rowsOf(P: RowMajor): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < P.rows; i++) out.push(Array.from(P.data.subarray(i * P.cols, (i + 1) * P.cols)));
  return out;
}

/** The classes of the estimator when they index the probability columns. */
function classesFor(est: ScorableEstimator, P: RowMajor): Label[] | undefined {
  const c = tryCall(() => est.classes_);
  return c && c.length === P.cols ? Array.from(c) : undefined;
}

/** Calls an optional method; `undefined` when the estimator lacks it (or, like a Pipeline, says so with an 'unsupported' error). */
function tryCall<T>(call: () => T): T | undefined {
  try {
    return call();
  } catch (e) {
    if (e instanceof ValidationError && e.code === 'unsupported') return undefined;
    throw e;
  }
}

/** Scores from `decisionFunction` (preferred, as in scikit-learn) or the positive-class probability. */
function thresholdScores(scorer: string, est: ScorableEstimator, X: MatrixLike | Records): number[] {
  const d = typeof est.decisionFunction === 'function' ? tryCall(() => (est.decisionFunction as NonNullable<ScorableEstimator['decisionFunction']>)(X)) : undefined;
  if (d !== undefined) {
    if (!isMatrix(d) && d.length > 0 && typeof d[0] === 'number') return Array.from(d as ArrayLike<number>);
    const D = toDense(d, { estimator: scorer, name: 'decisionFunction(X)' });
    if (D.cols !== 1) {
      throw new ValidationError({ code: 'invalid_input', estimator: scorer, param: 'decisionFunction(X)', expected: 'one score per sample for a binary target', received: `${D.cols} columns` });
    }
    return Array.from(D.data);
  }
  if (typeof est.predictProba !== 'function') unsupported(scorer, 'decisionFunction or predictProba');
  return positiveColumn(scorer, probaOf(scorer, est, X));
}

const labelsOf = (y: ArrayLike<Label> | ArrayLike<number>) => y as ArrayLike<Label>;
const numbersOf = (y: ArrayLike<Label> | ArrayLike<number>) => y as ArrayLike<number>;
const predictLabels = (est: ScorableEstimator, X: MatrixLike | Records) => est.predict(X) as ArrayLike<Label>;
const predictNumbers = (est: ScorableEstimator, X: MatrixLike | Records) => est.predict(X) as ArrayLike<number>;
const isBinary = (y: ArrayLike<Label> | ArrayLike<number>) => uniqueLabels(Array.from(labelsOf(y))).length <= 2;

registerScorer('accuracy', (est, X, y) => accuracyScore(labelsOf(y), predictLabels(est, X)));
registerScorer('balanced_accuracy', (est, X, y) => balancedAccuracyScore(labelsOf(y), predictLabels(est, X)));

const prfScorers = { precision: precisionScore, recall: recallScore, f1: f1Score } as const;
for (const [name, metric] of Object.entries(prfScorers)) {
  registerScorer(name, (est, X, y) => metric(labelsOf(y), predictLabels(est, X), { average: 'binary' }));
  for (const average of ['macro', 'micro', 'weighted'] as Average[]) {
    registerScorer(`${name}_${average}`, (est, X, y) => metric(labelsOf(y), predictLabels(est, X), { average }));
  }
}

registerScorer('roc_auc', (est, X, y) => {
  if (!isBinary(y)) {
    throw new ValidationError({
      code: 'invalid_input',
      estimator: 'roc_auc',
      param: 'y',
      expected: "a binary target (for multiclass targets use 'roc_auc_ovr' or 'roc_auc_ovo')",
      received: 'a multiclass target',
    });
  }
  return rocAucScore(labelsOf(y), thresholdScores('roc_auc', est, X));
});

for (const multiClass of ['ovr', 'ovo'] as const) {
  for (const average of ['macro', 'weighted'] as const) {
    const name = `roc_auc_${multiClass}${average === 'weighted' ? '_weighted' : ''}`;
    registerScorer(name, (est, X, y) => {
      const P = probaOf(name, est, X);
      if (isBinary(y) && P.cols <= 2) return rocAucScore(labelsOf(y), positiveColumn(name, P));
      return rocAucScore(labelsOf(y), rowsOf(P), { multiClass, average, labels: classesFor(est, P) });
    });
  }
}

registerScorer('neg_log_loss', (est, X, y) => {
  const P = probaOf('neg_log_loss', est, X);
  const labels = classesFor(est, P);
  if (isBinary(y) && P.cols <= 2) return -logLoss(labelsOf(y), positiveColumn('neg_log_loss', P), { labels });
  return -logLoss(labelsOf(y), rowsOf(P), { labels });
});

registerScorer('r2', (est, X, y) => r2Score(numbersOf(y), predictNumbers(est, X)));
registerScorer('explained_variance', (est, X, y) => explainedVarianceScore(numbersOf(y), predictNumbers(est, X)));
registerScorer('max_error', (est, X, y) => -maxError(numbersOf(y), predictNumbers(est, X)));
registerScorer('neg_mean_squared_error', (est, X, y) => -meanSquaredError(numbersOf(y), predictNumbers(est, X)));
registerScorer('neg_root_mean_squared_error', (est, X, y) => -meanSquaredError(numbersOf(y), predictNumbers(est, X), { squared: false }));
registerScorer('neg_mean_absolute_error', (est, X, y) => -meanAbsoluteError(numbersOf(y), predictNumbers(est, X)));
registerScorer('neg_mean_absolute_percentage_error', (est, X, y) => -meanAbsolutePercentageError(numbersOf(y), predictNumbers(est, X)));
registerScorer('neg_median_absolute_error', (est, X, y) => -medianAbsoluteError(numbersOf(y), predictNumbers(est, X)));
