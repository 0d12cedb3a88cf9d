import { getTags, type BaseEstimator } from '../core/base';
import { ValidationError, describeValue } from '../core/errors';
import { int, requiredOption, type ParamSpec } from '../core/params';
import { registerEstimator } from '../core/serialization';
import type { Label, MatrixLike, Target } from '../core/types';
import type { Scorer } from '../metrics/scorer';
import { estimatorSpec } from '../model_selection/BaseSearchCV';
import { takeItems } from '../core/math/takeItems';
import { resolveScoring, singleScoringSpec } from '../model_selection/scoring';
import { CV_DESCRIPTION, checkCv, isCvInput, type CvInput } from '../model_selection/checkCv';
import { importanceGetterSpec, type ImportanceGetter } from './_importance';
import { takeColumns, takeDenseRows } from './_meta';
import { recursiveElimination, stepSize, stepSpec } from './_rfe';
import { RfeBase, type RfeBaseOptions, type RfeState } from './_rfeBase';
import { stateRule, type StateSchema } from '../core/stateSchema';

/** Options of {@link RFECV}. */
export interface RFECVOptions extends RfeBaseOptions {
  /** The estimator whose importances rank the features; cloned for every fit, never fitted itself. */
  estimator: BaseEstimator;
  /**
   * How many features each round removes: an integer ≥ 1, or a fraction in (0, 1) of all the
   * features (rounded down, at least 1).
   * @defaultValue 1
   */
  step: number;
  /** The fewest features to keep; this count is always scored. @defaultValue 1 */
  minFeaturesToSelect: number;
  /** A number of folds (stratified for classifiers), a splitter, or `{ train, test }` splits. @defaultValue 5 */
  cv: CvInput;
  /** A scorer name or function; null uses the estimator's `score`. @defaultValue null */
  scoring: string | Scorer | null;
  /** How the importances are read: `'auto'`, an attribute path or a function (see {@link RFE}). @defaultValue 'auto' */
  importanceGetter: ImportanceGetter;
}

/** Cross-validation results of RFECV, with scikit-learn 1.2's keys; entry i is for `minFeaturesToSelect` + i·step features (the last entry: all). */
export type RFECVResults = Record<string, number[]>;

/** Whether a loaded `cvResults` has RFECV's keys, each an equally long array of numbers (NaN for a failed score). */
function isCvResults(v: unknown): boolean {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const r = v as Record<string, unknown>;
  const keys = Object.keys(r);
  const len = Array.isArray(r.mean_test_score) ? r.mean_test_score.length : 0;
  return (
    len > 0 &&
    keys.includes('std_test_score') &&
    keys.every((k) => (k === 'mean_test_score' || k === 'std_test_score' || /^split\d+_test_score$/.test(k)) && Array.isArray(r[k]) && (r[k] as unknown[]).length === len && (r[k] as unknown[]).every((x) => typeof x === 'number'))
  );
}

interface RFECVState extends RfeState {
  cvResults: RFECVResults;
}

/** numpy's argmax: the first NaN if any, else the first maximum. */
function argmax(v: readonly number[]): number {
  let best = 0;
  for (let i = 0; i < v.length; i++) {
    if (Number.isNaN(v[i])) return i;
    if (v[i] > v[best]) best = i;
  }
  return best;
}

/**
 * Recursive feature elimination with the number of features chosen by cross-validation, as
 * scikit-learn's `RFECV`: on every fold, RFE runs down to `minFeaturesToSelect` features, scoring
 * the estimator of each round on the fold's test part; the feature count with the best total score
 * wins (among equal totals, the smallest count, as scikit-learn 1.2 picks it); then RFE with that
 * count runs on all the data. `predict` & co. use `estimator_` on the selected columns.
 *
 * Options: `estimator`, `step` (default 1), `minFeaturesToSelect` (default 1), `cv` (default 5,
 * stratified for classifiers), `scoring` (default null: the estimator's `score`),
 * `importanceGetter` (default 'auto').
 * Fitted attributes: `cvResults_` (`mean_test_score`, `std_test_score`, `split0_test_score`, …, one
 * entry per feature count from the fewest to all), `nFeatures_`, `support_`, `ranking_`,
 * `estimator_`, `nFeaturesIn_`, and `classes_` for classifiers.
 * @example
 * ```ts
 * import { RFECV, LinearRegression } from 'typelearn';
 * const X = [[1, 5, 2], [2, 3, 1], [3, 8, 5], [4, 1, 3], [5, 6, 4], [6, 2, 7], [7, 9, 1], [8, 4, 6]];
 * const y = X.map(([a, , c]) => 3 * a - 2 * c + 1);
 * const sel = new RFECV({ estimator: new LinearRegression(), cv: 4 }).fit(X, y);
 * console.log(sel.nFeatures_); // 2
 * console.log(sel.support_); // [ true, false, true ]
 * console.log(sel.cvResults_.mean_test_score.length); // 3
 * ```
 */
export class RFECV<E extends BaseEstimator = BaseEstimator> extends RfeBase<RFECVOptions, RFECVState, E> {
  static override readonly className = 'RFECV';
  /** The fitted state's rules, checked when a saved model is loaded. */
  static override readonly stateSchema: StateSchema = {
    ...RfeBase.stateSchema,
    cvResults: stateRule('an object of equally long, non-empty arrays of scores (mean_test_score, std_test_score, split<i>_test_score)', isCvResults),
  };
  static override readonly defaults: RFECVOptions = {
    estimator: requiredOption<BaseEstimator>(),
    step: 1,
    minFeaturesToSelect: 1,
    cv: 5,
    scoring: null,
    importanceGetter: 'auto',
  };
  static override readonly paramSchema = {
    estimator: estimatorSpec,
    step: stepSpec,
    minFeaturesToSelect: int({ min: 1 }),
    cv: { description: CV_DESCRIPTION, check: isCvInput } as ParamSpec,
    scoring: singleScoringSpec,
    importanceGetter: importanceGetterSpec,
  };

  /** @param options - `estimator` is required. */
  constructor(options?: Partial<RFECVOptions> & { estimator?: E }) {
    super(options);
    if (!this.params.estimator) {
      throw new ValidationError({ code: 'invalid_option', estimator: 'RFECV', param: 'estimator', expected: estimatorSpec.description, received: 'undefined' });
    }
  }

  /** Cross-validates every feature count, then eliminates down to the best on all of X and y. */
  fit(X: MatrixLike, y: Target): this {
    const fn = this.className;
    const Xd = this.checkX(X, { reset: true });
    const n = Xd.cols;
    if (n < 2) {
      throw new ValidationError({ code: 'invalid_input', estimator: fn, param: 'X', expected: 'at least 2 features', received: `${n} feature` });
    }
    if (y === undefined || y === null || typeof (y as ArrayLike<unknown>).length !== 'number' || y.length !== Xd.rows) {
      throw new ValidationError({ code: 'invalid_input', estimator: fn, param: 'y', expected: `one target per sample of X (${Xd.rows})`, received: describeValue(y) });
    }
    const { estimator: base, step, minFeaturesToSelect, importanceGetter } = this.params;
    const scorer = resolveScoring(fn, this.params.scoring, base).scorers.get('score')!;
    const splits = checkCv(this.params.cv, X, y as ArrayLike<Label>, getTags(base).estimatorType === 'classifier', fn);
    const foldScores: number[][] = [];
    for (const { train, test } of splits) {
      const XTest = takeDenseRows(Xd, test);
      const yTest = takeItems(y as ArrayLike<Label>, test);
      const result = recursiveElimination(base, takeDenseRows(Xd, train), takeItems(y as ArrayLike<Label>, train), minFeaturesToSelect, step, importanceGetter, fn, (est, features) =>
        scorer(est, takeColumns(XTest, features), yTest),
      );
      foldScores.push(result.scores);
    }
    const nSteps = foldScores[0].length;
    // The total over folds, added fold by fold (as numpy's sum over axis 0), for each round.
    const totals = new Array<number>(nSteps).fill(0);
    for (const s of foldScores) for (let r = 0; r < nSteps; r++) totals[r] += s[r];
    // Rounds run from all features down; the reversed argmax picks the fewest features among ties.
    const best = nSteps - 1 - argmax(totals.slice().reverse());
    const nToSelect = Math.max(n - best * stepSize(step, n), minFeaturesToSelect);
    const { support, ranking, estimator } = recursiveElimination(base, Xd, y, nToSelect, step, importanceGetter, fn);

    const k = foldScores.length;
    const reversed = foldScores.map((s) => s.slice().reverse());
    const mean = new Array<number>(nSteps).fill(0);
    const std = new Array<number>(nSteps).fill(0);
    for (let r = 0; r < nSteps; r++) {
      let sum = 0;
      for (const s of reversed) sum += s[r];
      mean[r] = sum / k;
      let ss = 0;
      for (const s of reversed) ss += (s[r] - mean[r]) ** 2;
      std[r] = Math.sqrt(ss / k);
    }
    const cvResults: RFECVResults = { mean_test_score: mean, std_test_score: std };
    reversed.forEach((s, i) => {
      cvResults[`split${i}_test_score`] = s;
    });
    this.state = { nFeaturesIn: n, support, ranking, nFeatures: support.filter(Boolean).length, estimator, cvResults };
    return this;
  }

  /**
   * The cross-validated scores of every feature count, keyed as scikit-learn 1.2's `cv_results_`:
   * `mean_test_score`, `std_test_score` and `split<i>_test_score`, each from the fewest features to all.
   */
  get cvResults_(): RFECVResults {
    const r = this.fitted('cvResults_').cvResults;
    return Object.fromEntries(Object.entries(r).map(([key, v]) => [key, v.slice()]));
  }
}

registerEstimator(RFECV);
