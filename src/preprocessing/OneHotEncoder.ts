import type { Matrix } from 'ml-matrix';
import { checkSize } from '../core/sizes';
import { BaseTransformer } from '../core/base';
import { TypelearnWarning, ValidationError, warn } from '../core/errors';
import { argsort } from '../core/math/argsort';
import { int, nullable, num, oneOf, union, type ParamSpec } from '../core/params';
import { registerEstimator } from '../core/serialization';
import type { TableLike } from '../core/tabular';
import type { MatrixLike, Target } from '../core/types';
import { toDense } from '../core/validation';
import { matrixFromFlat } from '../core/data/index';
import { CsrMatrix } from '../core/data/CsrMatrix';
import {
  categoriesSpec,
  checkBatchCategories,
  requireDeclaredCategories,
  categoryIndex,
  categoryListsState,
  categoryName,
  columnLabel,
  describeCategory,
  encodeTable,
  fitCategories,
  inputFeatureNames,
  readCategorical,
  type Category,
} from './_categories';
import { nFeaturesIn, featureNames, listOf, orNull, stateRule, refine, type StateSchema } from '../core/stateSchema';

/** Options of {@link OneHotEncoder}. */
export interface OneHotEncoderOptions {
  /**
   * `'auto'` (the sorted distinct values of each feature at fit) or one list of categories per
   * feature (numeric lists sorted, NaN last; string lists in any order, kept as given).
   * @defaultValue 'auto'
   */
  categories: 'auto' | Category[][];
  /**
   * Drop one column per feature: `null` (keep all), `'first'`, `'if_binary'` (only for features
   * with exactly two output columns), or one category per feature to drop (null in the list means
   * the `None` category; NaN the missing category). @defaultValue null
   */
  drop: null | 'first' | 'if_binary' | Category[];
  /**
   * Categories unseen at fit: `'error'`, `'ignore'` (all-zero columns) or `'infrequent_if_exist'`
   * (the infrequent column when the feature has one, else all zeros). @defaultValue 'error'
   */
  handleUnknown: 'error' | 'ignore' | 'infrequent_if_exist';
  /**
   * Categories seen fewer times than this are grouped as infrequent: an integer count (≥ 1) or a
   * fraction of the samples in (0, 1). @defaultValue null
   */
  minFrequency: number | null;
  /** At most this many output columns per feature, the infrequent one included. @defaultValue null */
  maxCategories: number | null;
}

interface OneHotEncoderState {
  nFeaturesIn: number;
  featureNamesIn: string[] | null;
  categories: Category[][];
  /** Per feature, the indices (into categories) of the infrequent categories, or null. */
  infrequent: Array<number[] | null>;
  /** Per feature, the drop index into the transformed categories (infrequent grouped), or null; null when nothing is dropped. */
  dropIdx: Array<number | null> | null;
}

const dropSpec: ParamSpec = {
  description: "null, 'first', 'if_binary' or an array with one category per feature",
  check: (v) =>
    v === null ||
    v === 'first' ||
    v === 'if_binary' ||
    (Array.isArray(v) && v.every((c) => c === null || typeof c === 'string' || typeof c === 'boolean' || typeof c === 'number')),
};

const INFREQUENT = 'infrequent_sklearn';

/**
 * Encodes categorical features as one-hot columns, as scikit-learn's `OneHotEncoder` (1.2), dense.
 * Takes records, rows of mixed values (`string[][]`) or numeric matrices; with records, the column
 * names are kept (`featureNamesIn_`) and transform reads those keys. Categories are sorted as
 * scikit-learn sorts them: numbers numerically, strings by code point, false before true. Missing
 * values are a category of their own, placed last: in numeric columns null, undefined and NaN are
 * the one `nan` category; in string (object) columns null/undefined is scikit-learn's `None` and
 * NaN its `nan`, two categories, `None` first. A column mixing numbers and strings is an error.
 * Infrequent categories (`minFrequency`, `maxCategories`) are grouped into one column named
 * `<feature>_infrequent_sklearn`.
 *
 * Fitted attributes: `categories_`, `dropIdx_`, `infrequentCategories_`, `featureNamesIn_` (when
 * fitted on records), `nFeaturesIn_`. `inverseTransform` returns rows of category values
 * (`Category[][]`), since categories may be strings; rows of unknown categories give null.
 * @example
 * ```ts
 * import { OneHotEncoder } from 'typelearn';
 * const rows = [{ island: 'Dream', sex: 'male' }, { island: 'Biscoe', sex: null }, { island: 'Dream', sex: 'female' }];
 * const enc = new OneHotEncoder({ handleUnknown: 'ignore' }).fit(rows);
 * console.log(enc.categories_); // [ [ 'Biscoe', 'Dream' ], [ 'female', 'male', null ] ]
 * console.log(enc.getFeatureNamesOut()); // [ 'island_Biscoe', 'island_Dream', 'sex_female', 'sex_male', 'sex_None' ]
 * console.log(enc.transform([{ island: 'Torgersen', sex: 'male' }]).to2DArray()); // [ [ 0, 0, 0, 1, 0 ] ]
 * console.log(enc.inverseTransform([[1, 0, 0, 0, 1]])); // [ [ 'Biscoe', null ] ]
 * ```
 */
export class OneHotEncoder extends BaseTransformer<OneHotEncoderOptions, OneHotEncoderState> {
  static override readonly className = 'OneHotEncoder';
  /** The fitted state's rules, checked when a saved model is loaded. */
  static override readonly stateSchema: StateSchema = {
    nFeaturesIn: nFeaturesIn(),
    featureNamesIn: featureNames(),
    categories: categoryListsState,
    infrequent: refine(listOf(orNull(stateRule('an array of indices', Array.isArray)), { length: 'nFeaturesIn' }), 'per feature null or ascending indices into its categories', (v: Array<number[] | null>, { state }) =>
      v.every((l, j) => l === null || l.every((i, k) => Number.isInteger(i) && i >= 0 && i < (state.categories as Category[][])[j].length && (k === 0 || i > l[k - 1]))),
    ),
    dropIdx: refine(orNull(listOf(stateRule('null or an integer ≥ 0', (d) => d === null || (Number.isInteger(d) && (d as number) >= 0)), { length: 'nFeaturesIn' })), 'each below its feature’s number of categories', (v: Array<number | null> | null, { state }) =>
      v === null || v.every((d, j) => d === null || d < (state.categories as Category[][])[j].length),
    ),
  };
  static override readonly defaults: OneHotEncoderOptions = {
    categories: 'auto',
    drop: null,
    handleUnknown: 'error',
    minFrequency: null,
    maxCategories: null,
  };
  static override readonly paramSchema = {
    categories: categoriesSpec,
    drop: dropSpec,
    handleUnknown: oneOf('error', 'ignore', 'infrequent_if_exist'),
    minFrequency: nullable(union(int({ min: 1 }), num({ min: 0, max: 1, minInclusive: false, maxInclusive: false }))),
    maxCategories: nullable(int({ min: 1 })),
  };
  static override readonly tags = { allowNaN: true, acceptsRecords: true };

  private infrequentEnabled(): boolean {
    return this.params.minFrequency !== null || this.params.maxCategories !== null;
  }

  /** Learns the categories of each feature, replacing anything learnt before. */
  fit(X: TableLike, _y?: Target): this {
    const table = readCategorical(X, { estimator: this.className });
    const { categories, counts } = fitCategories(table, this.params.categories, this.params.handleUnknown === 'error', this.className);
    const infrequent = categories.map((_, j) => (this.infrequentEnabled() ? this.identifyInfrequent(counts[j], table.rows) : null));
    const dropIdx = this.computeDropIdx(categories, infrequent, table.names);
    this.state = { nFeaturesIn: table.columns.length, featureNamesIn: table.names ?? null, categories, infrequent, dropIdx };
    return this;
  }

  /**
   * Streams with declared `categories` (no first pass over the data): the first call fits; later
   * calls check the batch (its columns, and with `handleUnknown: 'error'` that every value is a
   * declared category) and change nothing, since the output columns are fixed by the categories.
   * Needs `categories` given and no infrequent grouping (which needs the counts of all rows).
   */
  partialFit(X: TableLike, _y?: Target): this {
    requireDeclaredCategories(this.params.categories, this.className);
    if (this.infrequentEnabled()) {
      throw new ValidationError({
        code: 'unsupported',
        estimator: this.className,
        param: this.params.minFrequency !== null ? 'minFrequency' : 'maxCategories',
        expected: 'null with partialFit (infrequent categories need the counts of all rows)',
        received: String(this.params.minFrequency ?? this.params.maxCategories),
      });
    }
    if (this.state === undefined) return this.fit(X);
    checkBatchCategories(X, this.state, this.params.handleUnknown === 'error', this.className);
    return this;
  }

  /** Fits, then one-hot encodes X. */
  override fitTransform(X: TableLike, y?: Target): Matrix {
    return this.fit(X, y).transform(X);
  }

  /** Indices of the infrequent categories of one feature (scikit-learn's `_identify_infrequent`). */
  private identifyInfrequent(counts: number[], nSamples: number): number[] | null {
    const { minFrequency, maxCategories } = this.params;
    const mask = counts.map(() => false);
    if (minFrequency !== null) {
      // An integer is a count; a number in (0, 1) a fraction of the samples.
      const threshold = Number.isInteger(minFrequency) ? minFrequency : nSamples * minFrequency;
      counts.forEach((c, i) => (mask[i] = c < threshold));
    }
    const nCurrent = counts.length - mask.filter(Boolean).length + 1;
    if (maxCategories !== null && maxCategories < nCurrent) {
      // The smallest counts (stable order) beyond the maxCategories − 1 kept; maxCategories 1 keeps all
      // (numpy's [: -1 + 1] is an empty slice), as in scikit-learn.
      const order = argsort(counts);
      const m = maxCategories === 1 ? 0 : counts.length - (maxCategories - 1);
      for (let k = 0; k < m; k++) mask[order[k]] = true;
    }
    const out: number[] = [];
    mask.forEach((b, i) => b && out.push(i));
    return out.length ? out : null;
  }

  /** Per feature: category index → transformed index (infrequent grouped last), or null. */
  private static mapping(nCats: number, infrequent: number[] | null): Int32Array | null {
    if (!infrequent) return null;
    const map = new Int32Array(nCats);
    const isInf = new Set(infrequent);
    const nFrequent = nCats - infrequent.length;
    let k = 0;
    for (let i = 0; i < nCats; i++) map[i] = isInf.has(i) ? nFrequent : k++;
    return map;
  }

  private computeDropIdx(categories: Category[][], infrequent: Array<number[] | null>, names?: string[]): Array<number | null> | null {
    const drop = this.params.drop;
    if (drop === null) return null;
    if (drop === 'first') return categories.map(() => 0);
    if (drop === 'if_binary') {
      return categories.map((c, j) => {
        const inf = infrequent[j];
        const n = c.length - (inf ? inf.length - 1 : 0);
        return n === 2 ? 0 : null;
      });
    }
    if (drop.length !== categories.length) {
      throw new ValidationError({
        code: 'invalid_option',
        estimator: this.className,
        param: 'drop',
        expected: `one category per feature (${categories.length})`,
        received: `an array of length ${drop.length}`,
      });
    }
    const missing: string[] = [];
    const out = categories.map((cats, j) => {
      const d = drop[j];
      const idx = categoryIndex(cats).get(d === undefined ? null : d);
      if (idx === undefined) {
        missing.push(`${describeCategory(d)} in ${columnLabel(j, names)}`);
        return null;
      }
      const inf = infrequent[j];
      if (!inf) return idx;
      if (inf.includes(idx)) {
        throw new ValidationError({
          code: 'invalid_option',
          estimator: this.className,
          param: 'drop',
          message: `${this.className}: unable to drop category ${describeCategory(d)} from ${columnLabel(j, names)} because it is infrequent.`,
        });
      }
      return (OneHotEncoder.mapping(cats.length, inf) as Int32Array)[idx];
    });
    if (missing.length) {
      throw new ValidationError({
        code: 'invalid_option',
        estimator: this.className,
        param: 'drop',
        expected: 'categories found in the training data',
        received: missing.join('; '),
      });
    }
    return out;
  }

  /** The categories of each feature after grouping the infrequent ones (before dropping). */
  private transformedCategories(s: OneHotEncoderState, j: number): Category[] {
    const cats = s.categories[j];
    const inf = s.infrequent[j];
    if (!inf) return cats.slice();
    const isInf = new Set(inf);
    return [...cats.filter((_, i) => !isInf.has(i)), INFREQUENT];
  }

  private outputCategories(s: OneHotEncoderState, j: number): Category[] {
    const t = this.transformedCategories(s, j);
    const d = s.dropIdx?.[j];
    if (d !== null && d !== undefined) t.splice(d, 1);
    return t;
  }

  /** One-hot encodes X: one column per (kept) category of each feature, in `getFeatureNamesOut()` order. */
  transform(X: TableLike): Matrix {
    const { rows, width, columns } = this.encode(X, 'transform');
    checkSize(rows * width, { estimator: this.className, param: 'X', input: true, what: `output elements (${rows} rows × ${width} one-hot columns; maxCategories bounds the columns)` });
    const out = new Float64Array(rows * width);
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < columns.length; j++) {
        const c = columns[j][i];
        if (c >= 0) out[i * width + c] = 1;
      }
    }
    return matrixFromFlat(out, rows, width);
  }

  /**
   * One-hot encodes X as a sparse {@link CsrMatrix} (scikit-learn's `sparse_output=True`): the
   * same columns as `transform`, but only the ones are stored, at most one per feature and row, so
   * its size grows with the rows, not with rows × categories. `SGDRegressor` and `SGDClassifier`
   * learn from it directly, in O(nonzeros) per sample; `hstackCsr` puts dense columns (a scaler's
   * output) beside it.
   * @example
   * ```ts
   * import { OneHotEncoder } from 'typelearn';
   * const enc = new OneHotEncoder({ categories: [['a', 'b', 'c'], ['x', 'y']] }).fit([['a', 'x']]);
   * const S = enc.transformSparse([['c', 'x'], ['b', 'y']]);
   * console.log(Array.from(S.indices), Array.from(S.indptr)); // [ 2, 3, 1, 4 ] [ 0, 2, 4 ]
   * console.log(S.toDense().to2DArray()); // [ [ 0, 0, 1, 1, 0 ], [ 0, 1, 0, 0, 1 ] ]
   * ```
   */
  transformSparse(X: TableLike): CsrMatrix {
    const { rows, width, columns } = this.encode(X, 'transformSparse');
    const indptr = new Int32Array(rows + 1);
    let nnz = 0;
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < columns.length; j++) if (columns[j][i] >= 0) nnz++;
      indptr[i + 1] = nnz;
    }
    const indices = new Int32Array(nnz);
    for (let i = 0, k = 0; i < rows; i++) {
      for (let j = 0; j < columns.length; j++) {
        const c = columns[j][i];
        if (c >= 0) indices[k++] = c;
      }
    }
    return new CsrMatrix({ data: new Float64Array(nnz).fill(1), indices, indptr }, [rows, width]);
  }

  /**
   * Reads and checks X, and gives per input feature the output column of each row (−1 for none:
   * an ignored unknown category or a dropped one), with the output width.
   */
  private encode(X: TableLike, method: string): { rows: number; width: number; columns: Int32Array[] } {
    const s = this.fitted(method);
    const table = readCategorical(X, { estimator: this.className, names: s.featureNamesIn ?? undefined, nFeatures: s.nFeaturesIn });
    const handle = this.params.handleUnknown;
    const codes = encodeTable(table, s.categories, handle === 'error', this.className, s.featureNamesIn ?? undefined);
    const widths = s.categories.map((_, j) => this.outputCategories(s, j).length);
    const width = widths.reduce((a, b) => a + b, 0);
    const rows = table.rows;
    const columns: Int32Array[] = [];
    const withUnknown: number[] = [];
    let offset = 0;
    for (let j = 0; j < s.nFeaturesIn; j++) {
      const c = codes[j];
      const inf = s.infrequent[j];
      const map = OneHotEncoder.mapping(s.categories[j].length, inf);
      const drop = s.dropIdx?.[j] ?? null;
      let sawUnknown = false;
      const out = new Int32Array(rows);
      for (let i = 0; i < rows; i++) {
        let k = c[i];
        let valid = k >= 0;
        if (!valid) {
          sawUnknown = true;
          if (inf) {
            k = inf[0];
            valid = handle === 'infrequent_if_exist';
          } else k = 0;
        }
        if (map) k = map[k];
        if (drop !== null) {
          if (k === drop) valid = false;
          else if (k > drop) k--;
        }
        out[i] = valid ? offset + k : -1;
      }
      columns.push(out);
      if (sawUnknown) withUnknown.push(j);
      offset += widths[j];
    }
    if (withUnknown.length && this.params.drop !== null) {
      warn(
        new TypelearnWarning(
          `Found unknown categories in columns [${withUnknown.join(', ')}] during transform. These unknown categories will be encoded as all zeros`,
          this.className,
        ),
      );
    }
    return { rows, width, columns };
  }

  /**
   * Maps one-hot rows back to category values (rows of `Category`): the category of each
   * feature's largest column; an all-zero block gives the dropped category when there is one,
   * else null with `handleUnknown: 'ignore'` (an unknown category), else a ValidationError.
   * Infrequent columns give `'infrequent_sklearn'`.
   */
  inverseTransform(X: MatrixLike): Category[][] {
    const s = this.fitted('inverseTransform');
    const blocks = s.categories.map((_, j) => this.outputCategories(s, j));
    const width = blocks.reduce((a, b) => a + b.length, 0);
    const Xd = toDense(X, { estimator: this.className, nFeatures: width });
    const { data, rows, cols } = Xd;
    const out: Category[][] = Array.from({ length: rows }, () => new Array<Category>(s.nFeaturesIn));
    const handle = this.params.handleUnknown;
    let offset = 0;
    for (let j = 0; j < s.nFeaturesIn; j++) {
      const block = blocks[j];
      const n = block.length;
      const drop = s.dropIdx?.[j] ?? null;
      if (n === 0) {
        for (let i = 0; i < rows; i++) out[i][j] = s.categories[j][drop as number];
        continue;
      }
      const zeroMeansUnknown = handle === 'ignore' || (handle === 'infrequent_if_exist' && !s.infrequent[j]);
      const allZero: number[] = [];
      for (let i = 0; i < rows; i++) {
        const off = i * cols + offset;
        let best = 0;
        let sum = 0;
        for (let k = 0; k < n; k++) {
          const v = data[off + k];
          sum += v;
          if (v > data[off + best]) best = k;
        }
        out[i][j] = block[best];
        if (sum === 0) {
          allZero.push(i);
          if (zeroMeansUnknown) out[i][j] = drop === null ? null : s.categories[j][drop];
          else if (drop !== null) out[i][j] = this.transformedCategories(s, j)[drop];
        }
      }
      if (allZero.length && !zeroMeansUnknown && drop === null) {
        throw new ValidationError({
          code: 'invalid_input',
          estimator: this.className,
          param: 'X',
          message: `${this.className}: samples [${allZero.slice(0, 10).join(', ')}${allZero.length > 10 ? ', …' : ''}] cannot be inverted: their columns for ${columnLabel(j, s.featureNamesIn ?? undefined)} are all zeros, and no category is dropped or unknown (handleUnknown: '${handle}').`,
        });
      }
      offset += n;
    }
    return out;
  }

  /** Output names `<feature>_<category>` (`island_Biscoe`, `x0_a`, `x0_infrequent_sklearn`, `sex_None`, `x1_nan`). */
  getFeatureNamesOut(inputFeatures?: string[]): string[] {
    const s = this.fitted('getFeatureNamesOut');
    const names = inputFeatureNames(s.nFeaturesIn, this.className, inputFeatures, s.featureNamesIn ?? undefined);
    const out: string[] = [];
    for (let j = 0; j < s.nFeaturesIn; j++) for (const c of this.outputCategories(s, j)) out.push(`${names[j]}_${categoryName(c)}`);
    return out;
  }

  /** The categories of each feature, sorted as scikit-learn sorts them (or as given). */
  get categories_(): Category[][] {
    return this.fitted('categories_').categories.map((c) => c.slice());
  }

  /**
   * Per feature, the index of the dropped category (into the categories after infrequent ones are
   * grouped, as scikit-learn's `drop_idx_`), null for a feature that drops nothing; null when
   * `drop` is null.
   */
  get dropIdx_(): Array<number | null> | null {
    const d = this.fitted('dropIdx_').dropIdx;
    return d ? d.slice() : null;
  }

  /** Per feature, the infrequent categories, or null for a feature without any (null entries when infrequent grouping is off). */
  get infrequentCategories_(): Array<Category[] | null> {
    const s = this.fitted('infrequentCategories_');
    return s.infrequent.map((inf, j) => (inf ? inf.map((i) => s.categories[j][i]) : null));
  }
}

registerEstimator(OneHotEncoder);
