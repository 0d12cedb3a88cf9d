import type { Matrix } from 'ml-matrix';
import { BaseTransformer, oneToOneFeatureNames } from '../core/base';
import { ValidationError } from '../core/errors';
import { bool, int, num, oneOf, union, type ParamSpec, randomStateSpec } from '../core/params';
import { registerEstimator } from '../core/serialization';
import type { TableLike } from '../core/tabular';
import type { Label, Target } from '../core/types';
import { toLabels, toTarget } from '../core/validation';
import { matrixFromFlat } from '../core/data/index';
import { KFold } from '../model_selection/KFold';
import { StratifiedKFold } from '../model_selection/StratifiedKFold';
import { categoriesSpec, categoryListsState, codeLabels, encodeTable, fitCategories, inputFeatureNames, readCategorical, sortedClasses, type Category } from './_categories';
import { npMean, npVar } from '../core/numpySum';
import { nFeaturesIn, featureNames, orNull, labels, numberValue, listOf, float64Array, refine, type StateSchema } from '../core/stateSchema';

/** Options of {@link TargetEncoder}. */
export interface TargetEncoderOptions {
  /** `'auto'` (the sorted distinct values of each feature) or one list of categories per feature. @defaultValue 'auto' */
  categories: 'auto' | Category[][];
  /**
   * `'continuous'` (numeric y), `'binary'` (two classes, the second positive) or `'auto'` (binary
   * for at most two distinct labels that are strings, booleans or integers; continuous for
   * numbers that are not all integers). @defaultValue 'auto'
   */
  targetType: 'auto' | 'continuous' | 'binary';
  /**
   * Shrinkage toward the global target mean: `'auto'` (an empirical Bayes estimate from the
   * variances of y within and across categories) or m ≥ 0, the weight of the global mean in the
   * m-estimate (sum + m·mean) / (count + m). @defaultValue 'auto'
   */
  smooth: 'auto' | number;
  /** The number of folds of the cross fitting in `fitTransform` (KFold, or StratifiedKFold for a binary target). @defaultValue 5 */
  cv: number;
  /** Shuffle the samples before cutting the folds. @defaultValue true */
  shuffle: boolean;
  /** Seed of the shuffle (only used with `shuffle`). @defaultValue null */
  randomState: number | null;
}

interface TargetEncoderState {
  nFeaturesIn: number;
  featureNamesIn: string[] | null;
  categories: Category[][];
  targetType: 'continuous' | 'binary';
  /** The two classes of a binary target, null for a continuous one. */
  classes: Label[] | null;
  targetMean: number;
  /** Per feature, the encoding of each category (learnt on all the data). */
  encodings: Float64Array[];
}

const smoothSpec: ParamSpec = union(oneOf('auto'), num({ min: 0 }));

/** Per-category encodings of one feature's codes (−1 = unknown, not counted). */
function encodeFeature(codes: Int32Array, rows: ArrayLike<number>, y: Float64Array, nCats: number, smooth: 'auto' | number, yMean: number, yVar: number): Float64Array {
  const enc = new Float64Array(nCats);
  const counts = new Float64Array(nCats);
  const sums = new Float64Array(nCats);
  if (smooth !== 'auto') {
    sums.fill(smooth * yMean);
    counts.fill(smooth);
  }
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r];
    const k = codes[i];
    if (k < 0) continue;
    sums[k] += y[i];
    counts[k] += 1;
  }
  if (smooth !== 'auto') {
    for (let k = 0; k < nCats; k++) enc[k] = counts[k] === 0 ? yMean : sums[k] / counts[k];
    return enc;
  }
  // Micci-Barreca's empirical Bayes shrinkage: λ = n·σ² / (n·σ² + σ_c²).
  const means = new Float64Array(nCats);
  for (let k = 0; k < nCats; k++) means[k] = sums[k] / counts[k];
  const ss = new Float64Array(nCats);
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r];
    const k = codes[i];
    if (k < 0) continue;
    const d = y[i] - means[k];
    ss[k] += d * d;
  }
  for (let k = 0; k < nCats; k++) {
    const lambda = (yVar * counts[k]) / (yVar * counts[k] + ss[k] / counts[k]);
    enc[k] = Number.isNaN(lambda) ? yMean : lambda * means[k] + (1 - lambda) * yMean;
  }
  return enc;
}

/**
 * Encodes each category by a shrunk mean of the target over the samples of that category, as
 * scikit-learn 1.3's `TargetEncoder` (binary and continuous targets; multiclass targets arrived in
 * 1.4 and are not supported). `fit(X, y).transform(X)` encodes with statistics of all the data;
 * `fitTransform(X, y)` uses cross fitting instead: each fold's rows are encoded with statistics
 * learnt on the other folds, which keeps the target of a row out of its own encoding (so the two
 * differ, by design). Categories unseen at fit are encoded as the target mean. Missing values are
 * a category, as in {@link OneHotEncoder}.
 *
 * Fitted attributes: `encodings_` (per feature, one value per category of `categories_`),
 * `categories_`, `targetMean_`, `targetType_`, `classes_` (binary targets; null otherwise),
 * `featureNamesIn_` (records input), `nFeaturesIn_`.
 * @example
 * ```ts
 * import { TargetEncoder } from 'typelearn';
 * const X = [['a'], ['a'], ['b'], ['b'], ['b'], ['c']];
 * const y = [1, 3, 10, 12, 14, 5];
 * const te = new TargetEncoder({ targetType: 'continuous', smooth: 0 }).fit(X, y);
 * console.log(te.encodings_); // [ [ 2, 12, 5 ] ]
 * console.log(te.transform([['b'], ['z']]).to2DArray()); // [ [ 12 ], [ 7.5 ] ]
 * ```
 */
export class TargetEncoder extends BaseTransformer<TargetEncoderOptions, TargetEncoderState> {
  static override readonly className = 'TargetEncoder';
  /** The fitted state's rules, checked when a saved model is loaded. */
  static override readonly stateSchema: StateSchema = {
    nFeaturesIn: nFeaturesIn(),
    featureNamesIn: featureNames(),
    categories: categoryListsState,
    targetType: oneOf('continuous', 'binary'),
    classes: refine(orNull(labels({ minLength: 1 })), 'the (one or two) classes of a binary target, null for a continuous one', (v: Label[] | null, { state }) =>
      state.targetType === 'binary' ? v !== null && v.length <= 2 : v === null,
    ),
    targetMean: numberValue(),
    encodings: refine(listOf(float64Array(), { length: 'nFeaturesIn' }), 'one encoding per category of each feature', (v: Float64Array[], { state }) =>
      v.every((e, j) => e.length === (state.categories as Category[][])[j].length),
    ),
  };
  static override readonly defaults: TargetEncoderOptions = {
    categories: 'auto',
    targetType: 'auto',
    smooth: 'auto',
    cv: 5,
    shuffle: true,
    randomState: null,
  };
  static override readonly paramSchema = {
    categories: categoriesSpec,
    targetType: oneOf('auto', 'continuous', 'binary'),
    smooth: smoothSpec,
    cv: int({ min: 2 }),
    shuffle: bool(),
    randomState: randomStateSpec,
  };
  static override readonly tags = { allowNaN: true, acceptsRecords: true, requiresY: true };

  /** Reads y as numbers (continuous) or as 0/1 codes of two classes (binary). */
  private readTarget(y: Target | undefined, n: number): { type: 'continuous' | 'binary'; classes: Label[] | null; values: Float64Array } {
    if (y === undefined || y === null) {
      throw new ValidationError({ code: 'invalid_input', estimator: this.className, param: 'y', expected: 'the target (one value per sample)', received: 'undefined' });
    }
    let type = this.params.targetType;
    const labels = toLabels(y, { estimator: this.className, length: n });
    if (type === 'auto') {
      const classes = sortedClasses(labels);
      const numeric = typeof labels[0] === 'number';
      if (numeric && !labels.every((v) => Number.isInteger(v))) type = 'continuous';
      else if (classes.length <= 2) type = 'binary';
      else {
        throw new ValidationError({
          code: 'invalid_input',
          estimator: this.className,
          param: 'y',
          expected: "a binary or continuous target (multiclass targets are not supported; set targetType: 'continuous' to encode integer targets as numbers)",
          received: `${classes.length} classes`,
        });
      }
    }
    if (type === 'continuous') return { type, classes: null, values: toTarget(y, { estimator: this.className, length: n }) };
    const classes = sortedClasses(labels);
    if (classes.length > 2) {
      throw new ValidationError({ code: 'invalid_input', estimator: this.className, param: 'y', expected: 'at most two classes for a binary target', received: `${classes.length} classes` });
    }
    return { type, classes, values: Float64Array.from(codeLabels(labels, classes, this.className)) };
  }

  private fitAll(X: TableLike, y: Target | undefined): { state: TargetEncoderState; codes: Int32Array[]; yv: Float64Array } {
    const table = readCategorical(X, { estimator: this.className });
    const target = this.readTarget(y, table.rows);
    const { categories } = fitCategories(table, this.params.categories, false, this.className);
    const codes = encodeTable(table, categories, false, this.className);
    const yv = target.values;
    const all = Array.from({ length: table.rows }, (_, i) => i);
    const mean = npMean(yv);
    const variance = this.params.smooth === 'auto' ? npVar(yv) : 0;
    const encodings = codes.map((c, j) => encodeFeature(c, all, yv, categories[j].length, this.params.smooth, mean, variance));
    const state: TargetEncoderState = {
      nFeaturesIn: table.columns.length,
      featureNamesIn: table.names ?? null,
      categories,
      targetType: target.type,
      classes: target.classes,
      targetMean: mean,
      encodings,
    };
    return { state, codes, yv };
  }

  /** Learns the encodings from all of X and y, replacing anything learnt before. */
  fit(X: TableLike, y?: Target): this {
    this.state = this.fitAll(X, y).state;
    return this;
  }

  /** Fits on all the data and returns the cross-fitted encoding of X (see the class notes). */
  override fitTransform(X: TableLike, y?: Target): Matrix {
    const { state, codes, yv } = this.fitAll(X, y);
    const n = yv.length;
    const p = state.nFeaturesIn;
    const { cv, shuffle, randomState } = this.params;
    const options = { nSplits: cv, shuffle, randomState: shuffle ? randomState : null };
    const index = Array.from({ length: n }, (_, i) => [i]);
    const splits =
      state.targetType === 'binary' ? new StratifiedKFold(options).split(index, Array.from(yv)) : new KFold(options).split(index);
    const out = new Float64Array(n * p);
    for (const { train, test } of splits) {
      const yTrain = Float64Array.from(train, (i) => yv[i]);
      const mean = npMean(yTrain);
      const variance = this.params.smooth === 'auto' ? npVar(yTrain) : 0;
      for (let j = 0; j < p; j++) {
        const enc = encodeFeature(codes[j], train, yv, state.categories[j].length, this.params.smooth, mean, variance);
        for (const i of test) {
          const k = codes[j][i];
          out[i * p + j] = k < 0 ? mean : enc[k];
        }
      }
    }
    this.state = state;
    return matrixFromFlat(out, n, p);
  }

  /** Encodes X with the encodings learnt on all the data; unseen categories get `targetMean_`. */
  transform(X: TableLike): Matrix {
    const s = this.fitted('transform');
    const table = readCategorical(X, { estimator: this.className, names: s.featureNamesIn ?? undefined, nFeatures: s.nFeaturesIn });
    const codes = encodeTable(table, s.categories, false, this.className);
    const p = s.nFeaturesIn;
    const out = new Float64Array(table.rows * p);
    for (let j = 0; j < p; j++) {
      const c = codes[j];
      const enc = s.encodings[j];
      for (let i = 0; i < table.rows; i++) out[i * p + j] = c[i] < 0 ? s.targetMean : enc[c[i]];
    }
    return matrixFromFlat(out, table.rows, p);
  }

  /** Output feature names: the input names, one to one. */
  getFeatureNamesOut(inputFeatures?: string[]): string[] {
    const s = this.fitted('getFeatureNamesOut');
    if (inputFeatures !== undefined) return inputFeatureNames(s.nFeaturesIn, this.className, inputFeatures, s.featureNamesIn ?? undefined);
    return oneToOneFeatureNames(s.nFeaturesIn, undefined, s.featureNamesIn ?? undefined, this.className);
  }

  /** Per feature, the encoding of each category of `categories_`. */
  get encodings_(): number[][] {
    return this.fitted('encodings_').encodings.map((e) => Array.from(e));
  }

  /** The categories of each feature. */
  get categories_(): Category[][] {
    return this.fitted('categories_').categories.map((c) => c.slice());
  }

  /** The mean of the target (of its 0/1 codes for a binary target). */
  get targetMean_(): number {
    return this.fitted('targetMean_').targetMean;
  }

  /** The target type used: `'continuous'` or `'binary'`. */
  get targetType_(): 'continuous' | 'binary' {
    return this.fitted('targetType_').targetType;
  }

  /** The two classes of a binary target (the second is coded 1), null for a continuous target. */
  get classes_(): Label[] | null {
    const c = this.fitted('classes_').classes;
    return c ? c.slice() : null;
  }
}

registerEstimator(TargetEncoder);
