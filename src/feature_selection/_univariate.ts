/**
 * What univariate selectors share: the score-function types, the flat kernels behind the built-in
 * score functions, and the base class that runs a score function in `fit` and keeps its scores.
 */
import { ValidationError, describeValue } from '../core/errors';
import { func } from '../core/params';
import type { MatrixLike, Target } from '../core/types';
import { toDense } from '../core/validation';
import { matrixFromFlat, type RowMajor } from '../core/data/index';
import { BaseSelector, selectorStateSchema, type SelectorState } from './BaseSelector';
import { perFeature, orNull, type StateSchema } from '../core/stateSchema';

/**
 * What every built-in score function returns: one score per feature (higher = more relevant) and,
 * for the statistical tests, one p-value per feature. `rRegression`, `mutualInfoClassif` and
 * `mutualInfoRegression` return scores only (no `pvalues` key), as scikit-learn's return a bare
 * array.
 */
export interface ScoreResult {
  /** One score per feature (higher is better). */
  scores: number[];
  /** One p-value per feature, for tests that give them. */
  pvalues?: number[];
}

/**
 * A score function as the univariate selectors take it: `(X, y)` → a {@link ScoreResult}, or the
 * scores alone as an array. To save a selector holding your own function, register it with
 * `registerFunction(name, fn)`.
 */
export type ScoreFunc = (X: MatrixLike, y: Target) => ScoreResult | ArrayLike<number>;

/** The flat form of a score function's result. */
export interface DenseScores {
  scores: Float64Array;
  pvalues?: Float64Array;
}

type Kernel = (X: RowMajor, y: Target) => DenseScores;

/** Flat kernels of the built-in score functions, so that selectors skip a second copy of X. */
const KERNELS = new WeakMap<object, Kernel>();

/** Records the flat kernel behind a built-in score function. */
export function registerKernel(fn: ScoreFunc, kernel: Kernel): void {
  KERNELS.set(fn, kernel);
}

/** Validates X for a score function called directly (finite values, at least one row). */
export function scoreInput(X: MatrixLike, estimator: string): RowMajor {
  return toDense(X, { estimator });
}

/** Converts a kernel's result to the public form. */
export function toResult(r: DenseScores): ScoreResult {
  return r.pvalues ? { scores: Array.from(r.scores), pvalues: Array.from(r.pvalues) } : { scores: Array.from(r.scores) };
}

/** Checks that y has one entry per sample; the score function validates the values. */
export function checkYLength(y: unknown, n: number, estimator: string): void {
  const ok = Array.isArray(y) || (ArrayBuffer.isView(y) && !(y instanceof DataView));
  if (!ok) {
    throw new ValidationError({ code: 'invalid_input', estimator, param: 'y', expected: 'a 1-d array with one target per sample (this selector needs y)', received: describeValue(y) });
  }
  const len = (y as ArrayLike<unknown>).length;
  if (len !== n) throw new ValidationError({ code: 'invalid_input', estimator, param: 'y', expected: `the same number of samples as X (${n})`, received: `${len}` });
}

function toFloats(v: unknown, d: number, what: string, estimator: string): Float64Array {
  const ok = Array.isArray(v) || (ArrayBuffer.isView(v) && !(v instanceof DataView));
  if (!ok || (v as ArrayLike<unknown>).length !== d) {
    throw new ValidationError({ code: 'invalid_input', estimator, param: 'scoreFunc', expected: `a score function returning ${what} as an array of ${d} numbers (one per feature)`, received: describeValue(v) });
  }
  const a = v as ArrayLike<unknown>;
  const out = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    const x = a[j];
    if (typeof x !== 'number' && x !== null) {
      throw new ValidationError({ code: 'invalid_input', estimator, param: 'scoreFunc', expected: `${what} that are numbers`, received: `${describeValue(x)} at index ${j}` });
    }
    out[j] = x === null ? NaN : x;
  }
  return out;
}

/** Runs a score function on validated data: its flat kernel when it is a built-in, else the function itself. */
export function runScoreFunc(fn: ScoreFunc, X: RowMajor, y: Target, estimator: string): { scores: Float64Array; pvalues: Float64Array | null } {
  const kernel = KERNELS.get(fn);
  if (kernel) {
    const r = kernel(X, y);
    return { scores: r.scores, pvalues: r.pvalues ?? null };
  }
  const out = fn(matrixFromFlat(X.data.slice(), X.rows, X.cols), y);
  const d = X.cols;
  if (out !== null && typeof out === 'object' && !Array.isArray(out) && !ArrayBuffer.isView(out) && 'scores' in out) {
    const r = out as ScoreResult;
    return { scores: toFloats(r.scores, d, 'scores', estimator), pvalues: r.pvalues === undefined || r.pvalues === null ? null : toFloats(r.pvalues, d, 'pvalues', estimator) };
  }
  return { scores: toFloats(out, d, 'scores', estimator), pvalues: null };
}

/** scikit-learn's _clean_nans: NaN scores rank below every number. */
export function cleanNaNs(scores: Float64Array): Float64Array {
  const out = scores.slice();
  for (let j = 0; j < out.length; j++) if (Number.isNaN(out[j])) out[j] = -Number.MAX_VALUE;
  return out;
}

/** Options every univariate selector has. */
export interface UnivariateOptions {
  /** The score function, `(X, y)` → `{ scores, pvalues? }` or the scores alone. @defaultValue fClassif */
  scoreFunc: ScoreFunc;
}

/** Fitted state of a univariate selector. */
export interface UnivariateState extends SelectorState {
  scores: Float64Array;
  /** null when the score function gives no p-values. */
  pvalues: Float64Array | null;
}

/** The score function option's rule. */
export const scoreFuncSpec = func();

/**
 * Base of the univariate selectors (scikit-learn's _BaseFilter): `fit` runs the score function once
 * and the subclass turns scores and p-values into a support mask.
 */
export abstract class UnivariateSelector<P extends UnivariateOptions = UnivariateOptions> extends BaseSelector<P, UnivariateState> {
  static override readonly className: string = 'UnivariateSelector';
  /** The fitted state's rules, checked when a saved model is loaded. */
  static override readonly stateSchema: StateSchema = {
    ...selectorStateSchema,
    // NaN for a constant feature, Infinity for a perfectly separating one (as scikit-learn's F-test).
    scores: perFeature({ allowNaN: true, allowInfinity: true }),
    pvalues: orNull(perFeature({ allowNaN: true, min: 0, max: 1 })),
  };
  static override readonly tags = { requiresY: true };

  /** Chooses the kept features from the scores and p-values (n features ≥ 1). */
  protected abstract selectSupport(scores: Float64Array, pvalues: Float64Array | null, X: RowMajor): boolean[];

  /** Checks the options against the data before scoring (e.g. k ≤ number of features). */
  protected checkFitParams(_X: RowMajor): void {
    /* most selectors have nothing to check */
  }

  /** Scores every feature against y and keeps those the selector's rule chooses. */
  fit(X: MatrixLike, y?: Target): this {
    const Xd = this.checkX(X, { reset: true });
    checkYLength(y, Xd.rows, this.className);
    this.checkFitParams(Xd);
    const { scores, pvalues } = runScoreFunc(this.params.scoreFunc, Xd, y as Target, this.className);
    const support = this.selectSupport(scores, pvalues, Xd);
    this.state = { nFeaturesIn: Xd.cols, support, scores, pvalues };
    return this;
  }

  /** The p-values, required by the selectors that test them. */
  protected requirePvalues(pvalues: Float64Array | null): Float64Array {
    if (!pvalues) {
      throw new ValidationError({ code: 'invalid_input', estimator: this.className, param: 'scoreFunc', expected: 'a score function that returns p-values ({ scores, pvalues })', received: 'scores only' });
    }
    return pvalues;
  }

  /** One score per feature, as the score function returned them. */
  get scores_(): number[] {
    return Array.from(this.fitted('scores_').scores);
  }

  /** One p-value per feature, or null when the score function gives none. */
  get pvalues_(): number[] | null {
    const p = this.fitted('pvalues_').pvalues;
    return p ? Array.from(p) : null;
  }
}
