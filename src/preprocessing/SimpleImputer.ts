import type { Matrix } from 'ml-matrix';
import { overflowError } from '../core/overflow';
import { BaseTransformer, oneToOneFeatureNames } from '../core/base';
import { ValidationError, describeValue } from '../core/errors';
import { bool, oneOf, type ParamSpec } from '../core/params';
import { loadModel, registerEstimator } from '../core/serialization';
import { columnKind, hasNamedColumns, isMissing, isRecords, numericColumn, toColumns, type Columns, type TableLike } from '../core/tabular';
import type { MatrixLike, Target } from '../core/types';
import { isMatrix, toDense } from '../core/validation';
import { matrixFromFlat, rowMajor, type RowMajor } from '../core/data/index';
import { medianSorted } from '../core/math/medianSorted';
import { compareCategories } from './_categories';
import { MissingIndicator, indicatorState } from './MissingIndicator';
import { keptState, missingMask, missingValuesSpec, missingValuesState } from './missingMask';
import { nFeaturesIn, featureNames, optional, orNull, listOf, stateRule, perFeature, refine, type StateSchema } from '../core/stateSchema';

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

/** A fill value learnt from string (categorical) data. */
type FillCell = number | string | boolean;

interface SimpleImputerState {
  nFeaturesIn: number;
  /** The column names, when fitted on records. */
  featureNamesIn?: string[] | null;
  /**
   * Per-feature fill values when fitted on string (categorical) columns; then `transform` is
   * unsupported and `transformTable` gives rows of values. Absent or null for numeric data.
   */
  tableStatistics?: FillCell[] | null;
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
 * String (categorical) data — records or `string[][]` with string or boolean columns — is imputed
 * with `'most_frequent'` (the smallest of tied values, by code point) or `'constant'` (`fillValue`,
 * by default `'missing_value'` for string columns and 0 for numeric ones). Missing cells are null,
 * undefined and NaN (with the default `missingValues: NaN`). Its output holds strings, which a
 * Matrix cannot: `transformTable(X)` returns rows of values, and `transform` throws a
 * ValidationError (code `'unsupported'`) saying so. In a `Pipeline`, a step followed by one
 * that takes records or rows (an encoder, tag `acceptsRecords`) hands it `transformTable`'s rows,
 * so `new Pipeline([['impute', new SimpleImputer({ strategy: 'most_frequent' })], ['onehot', new
 * OneHotEncoder()]])` works on string records. Numeric input keeps the numeric path and a Matrix.
 *
 * Fitted attributes: `statistics_`, `indicator_` (the fitted {@link MissingIndicator} or null),
 * `featureNamesIn_` (records input), `nFeaturesIn_`.
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
 *
 * const strings = new SimpleImputer({ strategy: 'most_frequent' }).fit([['a', 'x'], [null, 'y'], ['a', null], ['b', 'y']]);
 * console.log(strings.statistics_); // [ 'a', 'y' ]
 * console.log(strings.transformTable([[null, null]])); // [ [ 'a', 'y' ] ]
 * ```
 */
export class SimpleImputer extends BaseTransformer<SimpleImputerOptions, SimpleImputerState> {
  static override readonly className = 'SimpleImputer';
  /** The fitted state's rules, checked when a saved model is loaded. */
  static override readonly stateSchema: StateSchema = {
    nFeaturesIn: nFeaturesIn(),
    featureNamesIn: optional(featureNames()),
    tableStatistics: optional(orNull(listOf(stateRule('a number, a string or a boolean', (v) => ['number', 'string', 'boolean'].includes(typeof v)), { length: 'nFeaturesIn' }))),
    missingValues: missingValuesState,
    // NaN for a feature entirely missing at fit (dropped unless keepEmptyFeatures), or a NaN fillValue.
    statistics: refine(perFeature({ allowNaN: true }), "NaN only for a feature left out of kept or under strategy 'constant'", (v: Float64Array, { state, params }) => {
      const kept = new Set(state.kept as number[]);
      return params.strategy === 'constant' || v.every((x, j) => !Number.isNaN(x) || !kept.has(j));
    }),
    kept: keptState('statistics'),
    indicator: indicatorState,
  };
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
  static override readonly tags = { allowNaN: true, removesNaN: true, acceptsRecords: true };

  /**
   * Learns each feature's fill value, replacing anything learnt before. Numeric input (matrices,
   * `number[][]`, records whose columns are all numbers) takes the numeric path; input with string
   * or boolean columns (records, `string[][]`) takes the table path, where only `'most_frequent'`
   * and `'constant'` apply.
   */
  fit(X: TableLike, _y?: Target): this {
    if (isNumericInput(X)) {
      this.state = this.fitDense(this.checkX(X as MatrixLike, { reset: true }), null);
      return this;
    }
    const cols = toColumns(X, { estimator: this.className });
    const kinds = cols.columns.map((c) => columnKind(c));
    const bad = kinds.indexOf('mixed');
    if (bad >= 0) this.mixedColumn(cols, bad);
    if (kinds.every((k) => k === 'number' || k === 'empty')) {
      this.state = this.fitDense(this.denseOf(cols), cols.names ?? null);
    } else this.state = this.fitTable(cols, kinds);
    return this;
  }

  /** Fits, then imputes X (numeric data; see {@link transformTable} for string data). */
  override fitTransform(X: TableLike, y?: Target): Matrix {
    return this.fit(X, y).transform(X);
  }

  private mixedColumn(cols: Columns, j: number): never {
    throw new ValidationError({
      code: 'invalid_input',
      estimator: this.className,
      param: 'X',
      expected: `values of one type in column ${cols.names ? `'${cols.names[j]}'` : j} (all numbers, all strings or all booleans, with missing values)`,
      received: 'a mix of types',
    });
  }

  /** Numeric columns as a flat row-major matrix (missing cells NaN; strings and ±Infinity rejected). */
  private denseOf(cols: Columns): RowMajor {
    const p = cols.columns.length;
    const n = cols.rows;
    const data = new Float64Array(n * p);
    for (let j = 0; j < p; j++) {
      const c = numericColumn(cols.columns[j], { estimator: this.className, column: cols.names ? cols.names[j] : j });
      for (let i = 0; i < n; i++) data[i * p + j] = c[i];
    }
    return rowMajor(data, n, p);
  }

  private fitDense(Xd: RowMajor, names: string[] | null): SimpleImputerState {
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
        else statistics[j] = strategy === 'median' ? medianSorted(values.sort()) : mostFrequentOfSorted(values.sort());
        if (n > 0 && !Number.isFinite(statistics[j])) throw overflowError(this.className, `the ${strategy} of feature ${j} overflowed.`);
      }
    }
    const keepAll = strategy === 'constant' || keepEmptyFeatures;
    const kept: number[] = [];
    for (let j = 0; j < cols; j++) if (keepAll || !Number.isNaN(statistics[j])) kept.push(j);
    const indicator = addIndicator ? new MissingIndicator({ missingValues, errorOnNew: false }).fit(matrixFromFlat(data.slice(), rows, cols)) : null;
    return { nFeaturesIn: cols, featureNamesIn: names, tableStatistics: null, missingValues, statistics, kept, indicator };
  }

  /** Whether a cell is missing under the `missingValues` marker (NaN: null, undefined and NaN). */
  private isMissingCell(v: unknown, marker: number): boolean {
    return Number.isNaN(marker) ? isMissing(v) : v === marker;
  }

  /** The table path: most frequent value (smallest of ties) or a constant per column. */
  private fitTable(cols: Columns, kinds: string[]): SimpleImputerState {
    const { missingValues, strategy, fillValue, addIndicator, keepEmptyFeatures } = this.params;
    const p = cols.columns.length;
    if (strategy === 'mean' || strategy === 'median') {
      const j = kinds.findIndex((k) => k === 'string' || k === 'boolean');
      throw new ValidationError({
        code: 'invalid_option',
        estimator: this.className,
        param: 'strategy',
        expected: `'most_frequent' or 'constant' for non-numeric data (column ${cols.names ? `'${cols.names[j]}'` : j} holds ${kinds[j]}s)`,
        received: `'${strategy}'`,
      });
    }
    const values: FillCell[] = [];
    const statistics = new Float64Array(p);
    const maskData = new Float64Array(cols.rows * p);
    for (let j = 0; j < p; j++) {
      const column = cols.columns[j];
      const counts = new Map<FillCell, number>();
      for (let i = 0; i < cols.rows; i++) {
        const v = column[i];
        if (this.isMissingCell(v, missingValues)) maskData[i * p + j] = 1;
        else counts.set(v as FillCell, (counts.get(v as FillCell) ?? 0) + 1);
      }
      const numeric = kinds[j] === 'number' || kinds[j] === 'empty';
      let fill: FillCell;
      if (strategy === 'constant') fill = fillValue ?? (numeric ? 0 : 'missing_value');
      else if (counts.size === 0) fill = keepEmptyFeatures ? 0 : NaN;
      else {
        let best: FillCell | undefined;
        let bestCount = 0;
        for (const [v, c] of counts) {
          if (c > bestCount || (c === bestCount && compareCategories(v, best as FillCell) < 0)) {
            best = v;
            bestCount = c;
          }
        }
        fill = best as FillCell;
      }
      values.push(fill);
      statistics[j] = typeof fill === 'number' ? fill : 0;
    }
    const keepAll = strategy === 'constant' || keepEmptyFeatures;
    const kept: number[] = [];
    for (let j = 0; j < p; j++) if (keepAll || !(typeof values[j] === 'number' && Number.isNaN(values[j]))) kept.push(j);
    // The indicator is fitted on the 0/1 mask of missing cells (marker 1).
    const indicator = addIndicator ? new MissingIndicator({ missingValues: 1, errorOnNew: false }).fit(matrixFromFlat(maskData, cols.rows, p)) : null;
    return { nFeaturesIn: p, featureNamesIn: cols.names ?? null, tableStatistics: values, missingValues, statistics, kept, indicator };
  }

  /** Reads X for transform: the fitted names from records, the feature count checked. */
  private readTable(X: TableLike, s: SimpleImputerState): Columns {
    const names = s.featureNamesIn ?? undefined;
    const cols = toColumns(X, { estimator: this.className, columns: hasNamedColumns(X) && names ? names : undefined });
    if (cols.columns.length !== s.nFeaturesIn) {
      throw new ValidationError({
        code: 'feature_mismatch',
        estimator: this.className,
        param: 'X',
        expected: `${s.nFeaturesIn} features`,
        received: `${cols.columns.length} features`,
        message: `X has ${cols.columns.length} features, but ${this.className} is expecting ${s.nFeaturesIn} features as input.`,
      });
    }
    return cols;
  }

  /**
   * Imputes X and returns rows of values: strings stay strings. Works whatever the imputer was
   * fitted on; it is the way to impute string (categorical) data, whose output a Matrix cannot
   * hold. A `Pipeline` calls it between this step and a next step that takes records or rows
   * (an encoder), so `[imputer, OneHotEncoder]` works on string records.
   */
  transformTable(X: TableLike): unknown[][] {
    const s = this.fitted('transformTable');
    if (!s.tableStatistics) return this.transform(X).to2DArray();
    const cols = this.readTable(X, s);
    const p = s.nFeaturesIn;
    const n = cols.rows;
    const maskData = new Float64Array(n * p);
    const out: unknown[][] = [];
    for (let i = 0; i < n; i++) {
      const row: unknown[] = [];
      for (const j of s.kept) {
        const v = cols.columns[j][i];
        if (this.isMissingCell(v, s.missingValues)) row.push(s.tableStatistics[j]);
        else row.push(v);
      }
      for (let j = 0; j < p; j++) if (this.isMissingCell(cols.columns[j][i], s.missingValues)) maskData[i * p + j] = 1;
      out.push(row);
    }
    if (s.indicator) {
      const flags = s.indicator.features_;
      for (let i = 0; i < n; i++) for (const j of flags) out[i].push(maskData[i * p + j]);
    }
    return out;
  }

  /**
   * Fills the missing values of X with the learnt statistics, drops the features that were
   * entirely missing at fit (unless kept) and appends the indicator columns when `addIndicator`.
   */
  transform(X: TableLike): Matrix {
    const s = this.fitted('transform');
    if (s.tableStatistics) {
      throw new ValidationError({
        code: 'unsupported',
        estimator: this.className,
        message:
          `${this.className} was fitted on string (categorical) columns, so its output holds strings, which a Matrix cannot: ` +
          'use transformTable(X) for rows of values, or put an encoder (OneHotEncoder, OrdinalEncoder) after it in a Pipeline, which hands it those rows.',
      });
    }
    const Xd = isNumericInput(X) ? this.checkX(X as MatrixLike) : this.denseOf(this.readTable(X, s));
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
    if (s.tableStatistics) {
      throw new ValidationError({ code: 'unsupported', estimator: this.className, message: `${this.className}: inverseTransform works only for numeric data; this imputer was fitted on string columns.` });
    }
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
    const names = oneToOneFeatureNames(s.nFeaturesIn, inputFeatures, s.featureNamesIn ?? undefined, this.className);
    const out = s.kept.map((j) => names[j]);
    return s.indicator ? out.concat(s.indicator.getFeatureNamesOut(names)) : out;
  }

  /**
   * Per-feature fill value (NaN for a feature entirely missing at fit, unless it was kept): numbers,
   * or strings and booleans when fitted on string data.
   */
  get statistics_(): Array<number | string | boolean> {
    const s = this.fitted('statistics_');
    return s.tableStatistics ? s.tableStatistics.slice() : Array.from(s.statistics);
  }

  /** A copy of the fitted {@link MissingIndicator} that makes the indicator columns, or null without `addIndicator`. */
  get indicator_(): MissingIndicator | null {
    const ind = this.fitted('indicator_').indicator;
    return ind ? (loadModel(ind.toJSON()) as MissingIndicator) : null;
  }
}

registerEstimator(SimpleImputer);

/** True for input the numeric path reads directly: a Matrix, or rows of numbers (or typed arrays). */
function isNumericInput(X: unknown): boolean {
  if (isMatrix(X)) return true;
  if (!Array.isArray(X) || isRecords(X)) return false;
  for (const row of X as unknown[]) {
    if (ArrayBuffer.isView(row)) continue;
    if (!Array.isArray(row)) return true; // malformed: let the numeric validation report it
    for (const v of row) if (v !== null && v !== undefined && typeof v !== 'number') return false;
  }
  return true;
}
