import type { Matrix } from 'ml-matrix';
import { BaseTransformer, oneToOneFeatureNames } from '../core/base';
import { ValidationError, describeValue } from '../core/errors';
import { oneOf, type ParamSpec } from '../core/params';
import { registerEstimator } from '../core/serialization';
import type { TableLike } from '../core/tabular';
import type { MatrixLike, Target } from '../core/types';
import { toDense } from '../core/validation';
import { matrixFromFlat } from '../core/data/index';
import { categoriesSpec, categoryListsState, checkBatchCategories, requireDeclaredCategories, columnLabel, encodeTable, fitCategories, inputFeatureNames, readCategorical, type Category } from './_categories';
import { nFeaturesIn, featureNames, numberArray, refine, type StateSchema } from '../core/stateSchema';

/** Options of {@link OrdinalEncoder}. */
export interface OrdinalEncoderOptions {
  /** `'auto'` (the sorted distinct values of each feature) or one list of categories per feature. @defaultValue 'auto' */
  categories: 'auto' | Category[][];
  /** Categories unseen at fit: `'error'`, or `'use_encoded_value'` (encoded as `unknownValue`). @defaultValue 'error' */
  handleUnknown: 'error' | 'use_encoded_value';
  /**
   * The code of unknown categories with `handleUnknown: 'use_encoded_value'` (required then): an
   * integer that no known category uses, or NaN. Must be null otherwise. @defaultValue null
   */
  unknownValue: number | null;
  /** The code of the missing (NaN) category: NaN, or an integer no known category uses. @defaultValue NaN */
  encodedMissingValue: number;
}

interface OrdinalEncoderState {
  nFeaturesIn: number;
  featureNamesIn: string[] | null;
  categories: Category[][];
  /** Per feature, the index of its NaN category, or -1. */
  missingIndex: number[];
}

const intOrNaN = (nullOk: boolean): ParamSpec => ({
  description: nullOk ? 'an integer, NaN or null' : 'an integer or NaN',
  check: (v) => (nullOk && v === null) || (typeof v === 'number' && (Number.isNaN(v) || Number.isInteger(v))),
});

/**
 * Encodes categorical features as integer codes 0 … n_categories − 1 per feature, as
 * scikit-learn's `OrdinalEncoder` (1.2). Takes records, rows of mixed values or numeric
 * matrices; categories are found and sorted as in {@link OneHotEncoder}. The missing category
 * NaN (numeric columns: null, undefined or NaN; object columns: NaN) is encoded as
 * `encodedMissingValue` (NaN by default). As in scikit-learn 1.2, the `None` category of a string
 * column (null or undefined cells) is not treated as missing: it gets its own code, the last
 * before `nan`.
 *
 * Fitted attributes: `categories_`, `featureNamesIn_` (records input), `nFeaturesIn_`.
 * `inverseTransform` returns rows of category values (null for `unknownValue` codes).
 * @example
 * ```ts
 * import { OrdinalEncoder } from 'typelearn';
 * const enc = new OrdinalEncoder({ handleUnknown: 'use_encoded_value', unknownValue: -1 });
 * enc.fit([['male', 1], ['female', 3], ['female', 2]]);
 * console.log(enc.categories_); // [ [ 'female', 'male' ], [ 1, 2, 3 ] ]
 * console.log(enc.transform([['female', 3], ['other', 1]]).to2DArray()); // [ [ 0, 2 ], [ -1, 0 ] ]
 * console.log(enc.inverseTransform([[1, 0], [-1, 2]])); // [ [ 'male', 1 ], [ null, 3 ] ]
 * ```
 */
export class OrdinalEncoder extends BaseTransformer<OrdinalEncoderOptions, OrdinalEncoderState> {
  static override readonly className = 'OrdinalEncoder';
  /** The fitted state's rules, checked when a saved model is loaded. */
  static override readonly stateSchema: StateSchema = {
    nFeaturesIn: nFeaturesIn(),
    featureNamesIn: featureNames(),
    categories: categoryListsState,
    missingIndex: refine(numberArray({ length: 'nFeaturesIn', integer: true, min: -1 }), "each the index of its feature's NaN category, or -1 when it has none", (v: number[], { state }) =>
      v.every((k, j) => k === (state.categories as Category[][])[j].findIndex((c) => typeof c === 'number' && Number.isNaN(c))),
    ),
  };
  static override readonly defaults: OrdinalEncoderOptions = {
    categories: 'auto',
    handleUnknown: 'error',
    unknownValue: null,
    encodedMissingValue: NaN,
  };
  static override readonly paramSchema = {
    categories: categoriesSpec,
    handleUnknown: oneOf('error', 'use_encoded_value'),
    unknownValue: intOrNaN(true),
    encodedMissingValue: intOrNaN(false),
  };
  static override readonly tags = { allowNaN: true, acceptsRecords: true };

  /** Learns the categories of each feature, replacing anything learnt before. */
  fit(X: TableLike, _y?: Target): this {
    const { handleUnknown, unknownValue, encodedMissingValue } = this.params;
    if (handleUnknown === 'use_encoded_value' && unknownValue === null) {
      throw new ValidationError({
        code: 'invalid_option',
        estimator: this.className,
        param: 'unknownValue',
        expected: "an integer or NaN when handleUnknown is 'use_encoded_value'",
        received: 'null',
      });
    }
    if (handleUnknown === 'error' && unknownValue !== null) {
      throw new ValidationError({
        code: 'invalid_option',
        estimator: this.className,
        param: 'unknownValue',
        expected: "null unless handleUnknown is 'use_encoded_value'",
        received: describeValue(unknownValue),
      });
    }
    const table = readCategorical(X, { estimator: this.className });
    const { categories } = fitCategories(table, this.params.categories, handleUnknown === 'error', this.className);
    if (handleUnknown === 'use_encoded_value' && unknownValue !== null && !Number.isNaN(unknownValue)) {
      if (categories.some((c) => unknownValue >= 0 && unknownValue < c.length)) {
        throw new ValidationError({
          code: 'invalid_option',
          estimator: this.className,
          param: 'unknownValue',
          expected: 'a code that no known category uses (negative, at least the number of categories, or NaN)',
          received: `${unknownValue}, already the code of a category seen in fit`,
        });
      }
    }
    // Only NaN categories count as missing (scikit-learn 1.2 does not treat None so).
    const missingIndex = categories.map((c) => c.findIndex((v) => typeof v === 'number' && Number.isNaN(v)));
    if (!Number.isNaN(encodedMissingValue)) {
      const bad = categories.map((c, j) => j).filter((j) => missingIndex[j] >= 0 && encodedMissingValue >= 0 && encodedMissingValue < categories[j].length);
      if (bad.length) {
        throw new ValidationError({
          code: 'invalid_option',
          estimator: this.className,
          param: 'encodedMissingValue',
          expected: 'a code that no known category uses',
          received: `${encodedMissingValue}, already the code of a known category in ${bad.map((j) => columnLabel(j, table.names)).join(', ')}`,
        });
      }
    }
    this.state = { nFeaturesIn: table.columns.length, featureNamesIn: table.names ?? null, categories, missingIndex };
    return this;
  }

  /**
   * Streams with declared `categories` (no first pass over the data): the first call fits; later
   * calls check the batch (its columns, and with `handleUnknown: 'error'` that every value is a
   * declared category) and change nothing. Needs `categories` given.
   */
  partialFit(X: TableLike, _y?: Target): this {
    requireDeclaredCategories(this.params.categories, this.className);
    if (this.state === undefined) return this.fit(X);
    checkBatchCategories(X, this.state, this.params.handleUnknown === 'error', this.className);
    return this;
  }

  /** Fits, then encodes X. */
  override fitTransform(X: TableLike, y?: Target): Matrix {
    return this.fit(X, y).transform(X);
  }

  /** Encodes X as category codes (floats: NaN codes are possible). */
  transform(X: TableLike): Matrix {
    const s = this.fitted('transform');
    const table = readCategorical(X, { estimator: this.className, names: s.featureNamesIn ?? undefined, nFeatures: s.nFeaturesIn });
    const codes = encodeTable(table, s.categories, this.params.handleUnknown === 'error', this.className, s.featureNamesIn ?? undefined);
    const rows = table.rows;
    const p = s.nFeaturesIn;
    const out = new Float64Array(rows * p);
    const unknownValue = this.params.unknownValue ?? NaN;
    const emv = this.params.encodedMissingValue;
    for (let j = 0; j < p; j++) {
      const c = codes[j];
      const mi = s.missingIndex[j];
      for (let i = 0; i < rows; i++) {
        const k = c[i];
        out[i * p + j] = k < 0 ? unknownValue : k === mi ? emv : k;
      }
    }
    return matrixFromFlat(out, rows, p);
  }

  /** Maps codes back to category values; `unknownValue` codes give null, `encodedMissingValue` the NaN category. */
  inverseTransform(X: MatrixLike): Category[][] {
    const s = this.fitted('inverseTransform');
    const p = s.nFeaturesIn;
    const { data, rows } = toDense(X, { estimator: this.className, allowNaN: true, nFeatures: p });
    const useUnknown = this.params.handleUnknown === 'use_encoded_value';
    const unknownValue = this.params.unknownValue ?? NaN;
    const emv = this.params.encodedMissingValue;
    const same = (a: number, b: number) => a === b || (Number.isNaN(a) && Number.isNaN(b));
    const out: Category[][] = [];
    for (let i = 0; i < rows; i++) {
      const row = new Array<Category>(p);
      for (let j = 0; j < p; j++) {
        let v = data[i * p + j];
        const mi = s.missingIndex[j];
        if (mi >= 0 && same(v, emv)) v = mi;
        if (useUnknown && same(v, unknownValue)) {
          row[j] = null;
          continue;
        }
        const k = Math.trunc(v);
        const cats = s.categories[j];
        if (!(k >= 0 && k < cats.length)) {
          throw new ValidationError({
            code: 'invalid_input',
            estimator: this.className,
            param: 'X',
            expected: `codes in [0, ${cats.length - 1}] for ${columnLabel(j, s.featureNamesIn ?? undefined)}`,
            received: `${data[i * p + j]} at row ${i}`,
          });
        }
        row[j] = cats[k];
      }
      out.push(row);
    }
    return out;
  }

  /** Output feature names: the input names, one to one. */
  getFeatureNamesOut(inputFeatures?: string[]): string[] {
    const s = this.fitted('getFeatureNamesOut');
    if (inputFeatures !== undefined) return inputFeatureNames(s.nFeaturesIn, this.className, inputFeatures, s.featureNamesIn ?? undefined);
    return oneToOneFeatureNames(s.nFeaturesIn, undefined, s.featureNamesIn ?? undefined, this.className);
  }

  /** The categories of each feature, sorted as scikit-learn sorts them (or as given). */
  get categories_(): Category[][] {
    return this.fitted('categories_').categories.map((c) => c.slice());
  }
}

registerEstimator(OrdinalEncoder);
