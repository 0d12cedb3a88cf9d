import type { Matrix } from 'ml-matrix';
import { BaseTransformer, oneToOneFeatureNames } from '../core/base';
import { ValidationError, describeValue } from '../core/errors';
import { bool, oneOf, type ParamSpec } from '../core/params';
import { RESTORE_STATE, loadModel, registerEstimator } from '../core/serialization';
import type { MatrixLike, Target } from '../core/types';
import { matrixFromFlat, toDense } from '../core/validation';
import { MissingIndicator } from './MissingIndicator';
import { missingMask, missingValuesSpec } from './missingMask';

/** How {@link SimpleImputer} computes each feature's fill value. */
export type ImputeStrategy = 'mean' | 'median' | 'most_frequent' | 'constant';

/** Options of {@link SimpleImputer}. */
export interface SimpleImputerOptions {
  /** The value that marks a missing cell (`NaN`, or a number such as -1). @defaultValue NaN */
  missingValues: number;
  /**
   * `'mean'`, `'median'` (the mean of the two middle values for an even count), `'most_frequent'`
   * (the smallest of tied values) of each feature's non-missing values, or `'constant'`
   * (`fillValue`). @defaultValue 'mean'
   */
  strategy: ImputeStrategy;
  /**
   * The fill value of the `'constant'` strategy; `null` means 0 for numeric data. A string is
   * accepted as an option but is an error at `fit` on numeric data, as in scikit-learn.
   * @defaultValue null
   */
  fillValue: number | string | null;
  /** Append {@link MissingIndicator} columns (features with missing values at fit) after the imputed ones. @defaultValue false */
  addIndicator: boolean;
  /**
   * Keep features that are entirely missing at fit (imputed with 0, or `fillValue` for
   * `'constant'`) instead of dropping them from the output. The `'constant'` strategy always
   * keeps them. @defaultValue false
   */
  keepEmptyFeatures: boolean;
}

interface SimpleImputerState {
  nFeaturesIn: number;
  /** The marker in force at fit time. */
  missingValues: number;
  /** Per-feature fill value; NaN for an all-missing feature (unless kept). */
  statistics: Float64Array;
  /** Input features that appear in the output, ascending. */
  kept: number[];
  /** The fitted indicator when `addIndicator` was on at fit time. */
  indicator: MissingIndicator | null;
}

const fillValueSpec: ParamSpec = {
  description: 'a number, a string or null',
  check: (v) => v === null || typeof v === 'number' || typeof v === 'string',
};

/** Sequential sum / count, in row order (numpy's column reduction adds row by row). */
function meanOf(values: Float64Array): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i];
  return s / values.length;
}

/** Median of sorted values: the middle one, or the mean of the two middle ones. */
function medianOfSorted(values: Float64Array): number {
  const n = values.length;
  const h = n >> 1;
  return n % 2 === 1 ? values[h] : (values[h - 1] + values[h]) / 2;
}

/** The most frequent of sorted values; ties go to the smallest. */
function mostFrequentOfSorted(values: Float64Array): number {
  let best = values[0];
  let bestCount = 0;
  let i = 0;
  while (i < values.length) {
    let j = i + 1;
    while (j < values.length && values[j] === values[i]) j++;
    if (j - i > bestCount) {
      bestCount = j - i;
      best = values[i];
    }
    i = j;
  }
  return best;
}

/**
 * Completes missing values with a per-feature statistic learnt at fit (mean, median, most frequent
 * value) or a constant, as scikit-learn's `SimpleImputer` (1.2). Features that are entirely
 * missing at fit get a NaN statistic and are dropped from the output, unless `keepEmptyFeatures`
 * or the `'constant'` strategy keeps them. With `addIndicator`, 0/1 missing-value indicators are
 * appended after the imputed columns.
 *
 * Fitted attributes: `statistics_`, `indicator_` (the fitted {@link MissingIndicator} or null),
 * `nFeaturesIn_`.
 * @example
 * ```ts
 * import { SimpleImputer } from 'typelearn';
 * const imp = new SimpleImputer({ strategy: 'mean' }).fit([[7, 2, 3], [4, NaN, 6], [10, 5, 9]]);
 * console.log(imp.statistics_); // [ 7, 3.5, 6 ]
 * console.log(imp.transform([[NaN, 2, 3], [4, NaN, 6]]).to2DArray()); // [ [ 7, 2, 3 ], [ 4, 3.5, 6 ] ]
 *
 * const withIndicator = new SimpleImputer({ strategy: 'median', addIndicator: true });
 * console.log(withIndicator.fitTransform([[1, NaN], [3, 4], [NaN, 8]]).to2DArray());
 * // [ [ 1, 6, 0, 1 ], [ 3, 4, 0, 0 ], [ 2, 8, 1, 0 ] ]
 * console.log(withIndicator.getFeatureNamesOut());
 * // [ 'x0', 'x1', 'missingindicator_x0', 'missingindicator_x1' ]
 * ```
 */
export class SimpleImputer extends BaseTransformer<SimpleImputerOptions, SimpleImputerState> {
  static override readonly className = 'SimpleImputer';
  static override readonly defaults: SimpleImputerOptions = {
    missingValues: NaN,
    strategy: 'mean',
    fillValue: null,
    addIndicator: false,
    keepEmptyFeatures: false,
  };
  static override readonly paramSchema = {
    missingValues: missingValuesSpec,
    strategy: oneOf('mean', 'median', 'most_frequent', 'constant'),
    fillValue: fillValueSpec,
    addIndicator: bool(),
    keepEmptyFeatures: bool(),
  };
  static override readonly tags = { allowNaN: true, removesNaN: true };

  /** Learns each feature's fill value, replacing anything learnt before. */
  fit(X: MatrixLike, _y?: Target): this {
    const Xd = this.checkX(X, { reset: true });
    const { missingValues, strategy, fillValue, addIndicator, keepEmptyFeatures } = this.params;
    if (strategy === 'constant' && fillValue !== null && typeof fillValue !== 'number') {
      throw new ValidationError({
        code: 'invalid_option',
        estimator: this.className,
        param: 'fillValue',
        expected: "a number (or null for 0) when imputing numeric data with strategy 'constant'",
        received: describeValue(fillValue),
      });
    }
    const { data, rows, cols } = Xd;
    const { mask } = missingMask(Xd, missingValues, this.className);
    const statistics = new Float64Array(cols);
    if (strategy === 'constant') {
      statistics.fill(typeof fillValue === 'number' ? fillValue : 0);
    } else {
      const buf = new Float64Array(rows);
      for (let j = 0; j < cols; j++) {
        let n = 0;
        for (let i = 0; i < rows; i++) {
          const k = i * cols + j;
          if (mask[k] === 0) buf[n++] = data[k];
        }
        const values = buf.subarray(0, n);
        if (n === 0) statistics[j] = keepEmptyFeatures ? 0 : NaN;
        else if (strategy === 'mean') statistics[j] = meanOf(values);
        else statistics[j] = strategy === 'median' ? medianOfSorted(values.sort()) : mostFrequentOfSorted(values.sort());
      }
    }
    const keepAll = strategy === 'constant' || keepEmptyFeatures;
    const kept: number[] = [];
    for (let j = 0; j < cols; j++) if (keepAll || !Number.isNaN(statistics[j])) kept.push(j);
    const indicator = addIndicator ? new MissingIndicator({ missingValues, errorOnNew: false }).fit(X) : null;
    this.state = { nFeaturesIn: cols, missingValues, statistics, kept, indicator };
    return this;
  }

  /**
   * Fills the missing values of X with the learnt statistics, drops the features that were
   * entirely missing at fit (unless kept) and appends the indicator columns when `addIndicator`.
   */
  transform(X: MatrixLike): Matrix {
    const s = this.fitted('transform');
    const Xd = this.checkX(X);
    const { data, rows, cols } = Xd;
    const { mask } = missingMask(Xd, s.missingValues, this.className);
    const kept = s.kept;
    const flags = s.indicator ? s.indicator.features_ : [];
    const nk = kept.length;
    const width = nk + flags.length;
    const out = new Float64Array(rows * width);
    const stats = s.statistics;
    for (let i = 0; i < rows; i++) {
      const src = i * cols;
      const dst = i * width;
      for (let c = 0; c < nk; c++) {
        const j = kept[c];
        out[dst + c] = mask[src + j] ? stats[j] : data[src + j];
      }
      for (let c = 0; c < flags.length; c++) out[dst + nk + c] = mask[src + flags[c]];
    }
    return matrixFromFlat(out, rows, width);
  }

  /**
   * Puts the missing-value marker back where the indicator columns say values were missing
   * (needs `addIndicator`). Imputed values of features without an indicator stay imputed, and
   * features dropped at fit come back entirely missing.
   *
   * scikit-learn 1.2 guesses which features were dropped from indicator columns that are all ones,
   * which fails (IndexError) when a kept feature is missing in every given row, e.g. one row with a
   * missing value; typelearn maps the kept features exactly, and agrees wherever scikit-learn works.
   */
  inverseTransform(X: MatrixLike): Matrix {
    const s = this.fitted('inverseTransform');
    if (!s.indicator) {
      throw new ValidationError({
        code: 'unsupported',
        estimator: this.className,
        message: `${this.className}: inverseTransform works only when the imputer was fitted with addIndicator: true. Got addIndicator: false.`,
      });
    }
    const flags = s.indicator.features_;
    const kept = s.kept;
    const nk = kept.length;
    const Xd = toDense(X, { estimator: this.className, allowNaN: true, nFeatures: nk + flags.length });
    const { data, rows, cols } = Xd;
    const n = s.nFeaturesIn;
    const marker = s.missingValues;
    const out = new Float64Array(rows * n).fill(marker);
    for (let i = 0; i < rows; i++) {
      const src = i * cols;
      const dst = i * n;
      for (let c = 0; c < nk; c++) out[dst + kept[c]] = data[src + c];
      for (let c = 0; c < flags.length; c++) if (data[src + nk + c] !== 0) out[dst + flags[c]] = marker;
    }
    return matrixFromFlat(out, rows, n);
  }

  /** Output feature names: the kept input names, then `missingindicator_<name>` for each indicator column. */
  getFeatureNamesOut(inputFeatures?: string[]): string[] {
    const s = this.fitted('getFeatureNamesOut');
    const names = oneToOneFeatureNames(s.nFeaturesIn, inputFeatures, undefined, this.className);
    const out = s.kept.map((j) => names[j]);
    return s.indicator ? out.concat(s.indicator.getFeatureNamesOut(names)) : out;
  }

  /** Per-feature fill value (NaN for a feature entirely missing at fit, unless it was kept). */
  get statistics_(): number[] {
    return Array.from(this.fitted('statistics_').statistics);
  }

  /** A copy of the fitted {@link MissingIndicator} that makes the indicator columns, or null without `addIndicator`. */
  get indicator_(): MissingIndicator | null {
    const ind = this.fitted('indicator_').indicator;
    return ind ? loadModel<MissingIndicator>(ind.toJSON()) : null;
  }

  /** Checks a loaded state before installing it. */
  override [RESTORE_STATE](state: unknown): void {
    const s = state as Partial<SimpleImputerState> | null;
    const n = s?.nFeaturesIn;
    const ok =
      s !== null &&
      typeof s === 'object' &&
      typeof n === 'number' &&
      Number.isInteger(n) &&
      n > 0 &&
      typeof s.missingValues === 'number' &&
      s.statistics instanceof Float64Array &&
      s.statistics.length === n &&
      Array.isArray(s.kept) &&
      s.kept.every((j, i, a) => Number.isInteger(j) && j >= 0 && j < n && (i === 0 || j > a[i - 1])) &&
      (s.indicator === null || (s.indicator instanceof MissingIndicator && s.indicator.isFitted() && s.indicator.nFeaturesIn_ === n));
    if (!ok) {
      throw new ValidationError({
        code: 'invalid_model',
        param: `${this.className} state`,
        expected: '{ nFeaturesIn, missingValues, statistics, kept, indicator } consistent with one another',
        received: describeValue(state),
      });
    }
    super[RESTORE_STATE](state);
  }
}

registerEstimator(SimpleImputer);
