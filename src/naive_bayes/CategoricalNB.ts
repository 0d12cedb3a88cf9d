import { BaseNB, type NBState } from './_BaseNB';
import { classLogPriorOf, smoothingAlpha } from './_priors';
import type { RowMajor } from '../core/data/index';
import { ValidationError } from '../core/errors';
import { toRows } from '../core/math/toRows';
import { allFinite, overflowError } from '../core/overflow';
import { arrayOf, bool, int, nullable, num, union } from '../core/params';
import { registerEstimator } from '../core/serialization';
import { checkSize } from '../core/sizes';
import { float64Array, labels, nFeaturesIn, numberArray, stateRule, type StateContext, type StateSchema } from '../core/stateSchema';
import type { Label, MatrixLike } from '../core/types';
import { encodeLabels } from '../core/validation';

/** Options of {@link CategoricalNB}. */
export interface CategoricalNBOptions {
  /** Additive (Laplace/Lidstone) smoothing, ≥ 0. @defaultValue 1 */
  alpha: number;
  /** Keep `alpha` as given even below 1e-10 (else raised to 1e-10 with a warning, scikit-learn 1.2's behaviour). @defaultValue false */
  forceAlpha: boolean;
  /** Learn class priors from the class frequencies; when false, priors are uniform. @defaultValue true */
  fitPrior: boolean;
  /** Prior probabilities of the classes (one per class); when given, `fitPrior` is ignored. @defaultValue null */
  classPrior: number[] | null;
  /** The least number of categories of each feature (one number for all, or one per feature); null: those seen. @defaultValue null */
  minCategories: number | number[] | null;
}

interface CategoricalNBState extends NBState {
  classCount: Float64Array;
  /** Per feature, the number of categories (the width of its tables). */
  nCategories: number[];
  /** Per feature, (weighted) counts of each category in each class, flat nClasses × nCategories[i]. */
  categoryCount: Float64Array[];
  /** Per feature, the log probability of each category in each class, flat as categoryCount. */
  featureLogProb: Float64Array[];
  classLogPrior: Float64Array;
}

/** One Float64Array per feature of nClasses × nCategories[i] values satisfying `ok`. */
function perFeatureTables(words: string, ok: (v: number) => boolean) {
  return stateRule(`one Float64Array per feature of nClasses × nCategories[i] ${words}`, (v: unknown, { state }: StateContext) => {
    const d = state.nFeaturesIn as number;
    const nCat = state.nCategories as number[];
    const K = (state.classes as unknown[]).length;
    return Array.isArray(v) && Array.isArray(nCat) && v.length === d && v.every((t, i) => t instanceof Float64Array && t.length === K * nCat[i] && t.every(ok));
  });
}

/**
 * Categorical naive Bayes: each feature holds category codes 0, 1, 2, … (as OrdinalEncoder
 * outputs), with a categorical distribution per class. As in scikit-learn, X is read as integers
 * (fractions are truncated) and must be non-negative; a code above those seen at fit is a
 * ValidationError at predict (raise `minCategories` to leave room for codes not seen in training).
 * Supports `partialFit`: the tables widen as later batches bring higher codes.
 *
 * Fitted attributes: `classes_`, `classCount_`, `categoryCount_`, `featureLogProb_` (per feature,
 * one row per class), `nCategories_`, `classLogPrior_`, `nFeaturesIn_`.
 * @example
 * ```ts
 * import { CategoricalNB } from 'typelearn';
 * // Features: colour code (0 red, 1 green, 2 blue), size code (0 small, 1 large).
 * const X = [[0, 0], [0, 1], [1, 0], [2, 1], [2, 1], [1, 1]];
 * const nb = new CategoricalNB().fit(X, ['a', 'a', 'a', 'b', 'b', 'b']);
 * console.log(nb.predict([[0, 0], [2, 1]])); // [ 'a', 'b' ]
 * console.log(nb.nCategories_); // [ 3, 2 ]
 * ```
 */
export class CategoricalNB<L extends Label = Label> extends BaseNB<CategoricalNBOptions, CategoricalNBState, L> { // eslint-disable-line @typescript-eslint/no-unsafe-declaration-merging -- the interface CategoricalNB below only types fit and predict
  static override readonly className = 'CategoricalNB';
  /** The fitted state's rules, checked when a saved model is loaded. */
  static override readonly stateSchema: StateSchema = {
    nFeaturesIn: nFeaturesIn(),
    classes: labels(),
    classCount: float64Array({ min: 0, length: 'nClasses' }),
    nCategories: numberArray({ integer: true, min: 1, length: 'nFeaturesIn' }),
    categoryCount: perFeatureTables('finite counts ≥ 0', (x) => x >= 0 && Number.isFinite(x)),
    featureLogProb: perFeatureTables('log probabilities ≤ 0 (−Infinity allowed)', (x) => x <= 0),
    classLogPrior: float64Array({ allowInfinity: true, length: 'nClasses' }),
  };
  static override readonly defaults: CategoricalNBOptions = { alpha: 1, forceAlpha: false, fitPrior: true, classPrior: null, minCategories: null };
  static override readonly paramSchema = {
    alpha: num({ min: 0 }),
    forceAlpha: bool(),
    fitPrior: bool(),
    classPrior: nullable(arrayOf(num({ min: 0 }))),
    minCategories: nullable(union(int({ min: 1 }), arrayOf(int({ min: 1 })))),
  };

  /** X as non-negative integer codes (fractions truncated, as numpy's cast to int). */
  private codes(X: MatrixLike, reset: boolean): RowMajor {
    const Xd = this.checkX(X, { reset, copy: true });
    const { data } = Xd;
    for (let i = 0; i < data.length; i++) {
      const v = Math.trunc(data[i]);
      if (!(v >= 0)) {
        throw new ValidationError({ code: 'invalid_input', estimator: this.className, param: 'X', expected: 'non-negative category codes', received: `${data[i]} at row ${Math.floor(i / Xd.cols)}, column ${i % Xd.cols}` });
      }
      data[i] = v;
    }
    return Xd;
  }

  protected checkFitX(X: MatrixLike, reset: boolean): RowMajor {
    return this.codes(X, reset);
  }

  protected override checkPredictX(X: MatrixLike): RowMajor {
    const Xd = this.codes(X, false);
    const s = this.fitted('predict');
    for (let i = 0; i < Xd.data.length; i++) {
      const j = i % Xd.cols;
      if (Xd.data[i] >= s.nCategories[j]) {
        throw new ValidationError({
          code: 'invalid_input',
          estimator: this.className,
          param: 'X',
          expected: `category codes below ${s.nCategories[j]} in column ${j} (those seen at fit, or minCategories)`,
          received: `${Xd.data[i]} at row ${Math.floor(i / Xd.cols)}`,
        });
      }
    }
    return Xd;
  }

  protected update(prev: CategoricalNBState | undefined, X: RowMajor, y: Label[], classes: Label[], w: Float64Array | undefined): CategoricalNBState {
    const name = this.className;
    const { data, rows, cols: d } = X;
    const K = classes.length;
    const codes = encodeLabels(y, classes, name);
    const alpha = smoothingAlpha(this.params.alpha, 1, this.params.forceAlpha, name)[0];
    const minCat = this.params.minCategories;
    if (Array.isArray(minCat) && minCat.length !== d) {
      throw new ValidationError({ code: 'invalid_option', estimator: name, param: 'minCategories', expected: `a number or one per feature (${d})`, received: `${minCat.length} values` });
    }
    // Each feature's width: the largest code seen so far + 1, at least minCategories.
    const nCategories = new Array<number>(d);
    for (let j = 0; j < d; j++) {
      let max = -1;
      for (let i = 0; i < rows; i++) max = Math.max(max, data[i * d + j]);
      const floor = minCat === null ? 0 : typeof minCat === 'number' ? minCat : minCat[j];
      nCategories[j] = Math.max(max + 1, floor, prev?.nCategories[j] ?? 0);
      checkSize(K * nCategories[j], { estimator: name, param: 'X', input: true, what: `category counts (${K} classes × ${nCategories[j]} categories of column ${j})` });
    }
    const classCount = prev ? prev.classCount.slice() : new Float64Array(K);
    const categoryCount = nCategories.map((n, j) => {
      const t = new Float64Array(K * n);
      const old = prev?.categoryCount[j];
      if (old) {
        const m = (prev as CategoricalNBState).nCategories[j];
        for (let k = 0; k < K; k++) t.set(old.subarray(k * m, (k + 1) * m), k * n);
      }
      return t;
    });
    for (let i = 0; i < rows; i++) {
      const k = codes[i];
      const wi = w === undefined ? 1 : w[i];
      classCount[k] += wi;
      for (let j = 0; j < d; j++) categoryCount[j][k * nCategories[j] + data[i * d + j]] += wi;
    }
    if (!allFinite(classCount) || !categoryCount.every(allFinite)) {
      throw overflowError(name, 'the (weighted) category counts overflowed.', w === undefined ? 'X' : 'sampleWeight');
    }
    const featureLogProb = categoryCount.map((t, j) => {
      const n = nCategories[j];
      const out = new Float64Array(K * n);
      for (let k = 0; k < K; k++) {
        let total = 0;
        for (let c = 0; c < n; c++) total += t[k * n + c] + alpha;
        const logTotal = Math.log(total);
        for (let c = 0; c < n; c++) out[k * n + c] = Math.log(t[k * n + c] + alpha) - logTotal;
      }
      return out;
    });
    const classLogPrior = classLogPriorOf(classCount, this.params, name);
    return { nFeaturesIn: d, classes, classCount, nCategories, categoryCount, featureLogProb, classLogPrior };
  }

  protected jointLogLikelihood(s: CategoricalNBState, X: RowMajor): Float64Array {
    const { data, rows, cols: d } = X;
    const K = s.classes.length;
    const out = new Float64Array(rows * K);
    for (let i = 0; i < rows; i++) {
      for (let k = 0; k < K; k++) {
        let z = s.classLogPrior[k];
        for (let j = 0; j < d; j++) z += s.featureLogProb[j][k * s.nCategories[j] + data[i * d + j]];
        out[i * K + k] = z;
      }
    }
    return out;
  }

  /** (Weighted) number of samples seen per class. */
  get classCount_(): number[] {
    return Array.from(this.fitted('classCount_').classCount);
  }

  /** Per feature, the (weighted) count of each category (columns) in each class (rows). */
  get categoryCount_(): number[][][] {
    const s = this.fitted('categoryCount_');
    return s.categoryCount.map((t, j) => toRows(t, s.classes.length, s.nCategories[j]));
  }

  /** Per feature, the log probability of each category (columns) in each class (rows). */
  get featureLogProb_(): number[][][] {
    const s = this.fitted('featureLogProb_');
    return s.featureLogProb.map((t, j) => toRows(t, s.classes.length, s.nCategories[j]));
  }

  /** Per feature, the number of categories: the largest code seen + 1, at least `minCategories`. */
  get nCategories_(): number[] {
    return this.fitted('nCategories_').nCategories.slice();
  }

  /** Log prior probability of each class. */
  get classLogPrior_(): number[] {
    return Array.from(this.fitted('classLogPrior_').classLogPrior);
  }
}

/**
 * `fit` and `predict` of CategoricalNB, typed with its labels: `fit` returns the same object typed with
 * the labels of y. The implementation is inherited; this declaration only narrows the types.
 */
export interface CategoricalNB<L extends Label = Label> {
  /** Learns from X and the labels y; returns this classifier, typed with the labels of y (`classes_` is `T[]`). */
  fit<T extends Label>(X: MatrixLike, y: ArrayLike<T>, sampleWeight?: ArrayLike<number>): CategoricalNB<T>;
  /** The first batch, with `classes`: returns this classifier, typed with the labels of `classes` and y. */
  partialFit<T extends Label>(X: MatrixLike, y: ArrayLike<T>, options: { classes: readonly T[]; sampleWeight?: ArrayLike<number> }): CategoricalNB<T>;
  /** A later batch (labels among `classes_`): returns this classifier. */
  partialFit(X: MatrixLike, y: ArrayLike<L>, options?: { classes?: readonly L[]; sampleWeight?: ArrayLike<number> }): this;
  /** One label per row of X, from `classes_`. */
  predict(X: MatrixLike): L[];
}

registerEstimator(CategoricalNB);
