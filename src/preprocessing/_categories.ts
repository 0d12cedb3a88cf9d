/**
 * Internal helpers shared by the categorical encoders (OneHotEncoder, OrdinalEncoder,
 * TargetEncoder): reading tabular input into typed columns, finding and sorting categories as
 * scikit-learn does, and mapping cells to category codes.
 *
 * Column kinds, as numpy dtypes: a column of numbers is numeric (null, undefined and NaN are all
 * the one NaN category, as in a float array); a column of strings or of booleans is an "object"
 * column, where null/undefined is scikit-learn's `None` category and NaN its `nan` category, kept
 * apart and placed last in that order (scikit-learn 1.2's `_unique_python`). An all-missing column
 * is numeric. A column mixing numbers, strings and booleans is an error (scikit-learn raises
 * TypeError when it sorts such a column).
 */
import { ValidationError, describeValue } from '../core/errors';
import { hasNamedColumns, isMissing, toColumns, type TableLike } from '../core/tabular';
import { compareCodePoints } from '../core/validation';
import type { Label } from '../core/types';
import { resolveLength, stateRule, type StateSpec } from '../core/stateSchema';

/** A category value: a number (NaN is the missing category of numeric columns), string, boolean or null (`None`). */
export type Category = number | string | boolean | null;

/** What a column holds: numbers, or an object column of strings or booleans. */
export type CategoryKind = 'number' | 'string' | 'boolean';

/** Tabular input read into columns of cells normalized for lookup. */
export interface CategoricalTable {
  rows: number;
  names?: string[];
  /** Column-major cells: numbers (NaN for missing in numeric columns), strings, booleans or null. */
  columns: Category[][];
  kinds: CategoryKind[];
}

/** Orders categories of one kind as scikit-learn sorts them: values ascending, then None, then NaN. */
export function compareCategories(a: Category, b: Category): number {
  const rank = (v: Category) => (v === null ? 1 : typeof v === 'number' && Number.isNaN(v) ? 2 : 0);
  const ra = rank(a);
  const rb = rank(b);
  if (ra || rb) return ra - rb;
  if (typeof a === 'string' && typeof b === 'string') return compareCodePoints(a, b);
  const x = Number(a);
  const y = Number(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** A category as scikit-learn's `str()` writes it in feature names: `None`, `nan`, `True`, `3.5`. */
export function categoryName(c: Category): string {
  if (c === null) return 'None';
  if (typeof c === 'number' && Number.isNaN(c)) return 'nan';
  if (typeof c === 'boolean') return c ? 'True' : 'False';
  return String(c);
}

/** Describes a category in an error message: `'Biscoe'`, `3`, `None`, `nan`. */
export function describeCategory(c: Category): string {
  return c === null ? 'None' : typeof c === 'number' && Number.isNaN(c) ? 'nan' : describeValue(c);
}

/** Names a column in errors: `'island' (column 0)` or `column 0`. */
export function columnLabel(j: number, names?: readonly string[]): string {
  return names ? `'${names[j]}' (column ${j})` : `column ${j}`;
}

/** The kind of a column; a mix of kinds or a cell that is no category (object, Infinity) is a ValidationError. */
export function categoryKind(column: readonly unknown[], estimator: string, label: string): CategoryKind {
  let kind: CategoryKind | undefined;
  let firstRow = -1;
  for (let i = 0; i < column.length; i++) {
    const v = column[i];
    if (isMissing(v)) continue;
    const t = typeof v;
    if (t !== 'number' && t !== 'string' && t !== 'boolean') {
      throw new ValidationError({
        code: 'invalid_input',
        estimator,
        param: 'X',
        expected: `numbers, strings, booleans or missing values (null, undefined, NaN) in ${label}`,
        received: `${describeValue(v)} at row ${i}`,
      });
    }
    if (v === Infinity || v === -Infinity) {
      throw new ValidationError({ code: 'invalid_input', estimator, param: 'X', expected: `finite numbers in ${label}`, received: `${v} at row ${i}` });
    }
    const k = t as CategoryKind;
    if (kind === undefined) {
      kind = k;
      firstRow = i;
    } else if (kind !== k) {
      throw new ValidationError({
        code: 'invalid_input',
        estimator,
        param: 'X',
        expected: `values of one type in ${label} (all numbers, all strings or all booleans; scikit-learn cannot sort a mix either)`,
        received: `${describeValue(column[firstRow])} (${kind}) at row ${firstRow} and ${describeValue(v)} (${k}) at row ${i}`,
      });
    }
  }
  return kind ?? 'number';
}

/** A cell normalized for lookup in a column of the given kind. */
export function normalizeCell(v: unknown, kind: CategoryKind): Category {
  if (kind === 'number') return v === null || v === undefined ? NaN : (v as Category);
  return v === undefined ? null : (v as Category);
}

/** Reading options: the names and feature count seen at fit (at transform time). */
export interface ReadOptions {
  estimator: string;
  /** Column names to read from records (those seen at fit). */
  names?: readonly string[];
  /** The feature count seen at fit; a different width is a `feature_mismatch` ValidationError. */
  nFeatures?: number;
}

/** Reads and validates tabular input for an encoder; nothing is mutated. */
export function readCategorical(X: TableLike, options: ReadOptions): CategoricalTable {
  const { estimator, nFeatures } = options;
  const records = hasNamedColumns(X);
  const cols = toColumns(X, { estimator, columns: records && options.names ? options.names : undefined });
  const width = cols.columns.length;
  if (nFeatures !== undefined && width !== nFeatures) {
    throw new ValidationError({
      code: 'feature_mismatch',
      estimator,
      param: 'X',
      expected: `${nFeatures} features`,
      received: `${width} features`,
      message: `X has ${width} features, but ${estimator} is expecting ${nFeatures} features as input.`,
    });
  }
  const kinds: CategoryKind[] = [];
  const columns: Category[][] = [];
  for (let j = 0; j < width; j++) {
    const raw = cols.columns[j];
    const kind = categoryKind(raw, estimator, columnLabel(j, cols.names));
    kinds.push(kind);
    const out = new Array<Category>(raw.length);
    for (let i = 0; i < raw.length; i++) out[i] = normalizeCell(raw[i], kind);
    columns.push(out);
  }
  return { rows: cols.rows, names: cols.names, columns, kinds };
}

/** The sorted distinct categories of a column and how often each occurs. */
export function uniqueCategories(column: readonly Category[]): { categories: Category[]; counts: number[] } {
  const counts = new Map<Category, number>();
  for (const v of column) counts.set(v, (counts.get(v) ?? 0) + 1);
  const categories = [...counts.keys()].sort(compareCategories);
  return { categories, counts: categories.map((c) => counts.get(c) as number) };
}

/** A lookup from category to its index (NaN finds NaN: Map keys compare by SameValueZero). */
export function categoryIndex(categories: readonly Category[]): Map<Category, number> {
  const m = new Map<Category, number>();
  categories.forEach((c, i) => m.set(c, i));
  return m;
}

/** The kind of a list of categories given as an option; a mix is an error. */
function listKind(list: readonly Category[]): CategoryKind | 'empty' {
  let kind: CategoryKind | 'empty' = 'empty';
  for (const c of list) {
    if (c === null || (typeof c === 'number' && Number.isNaN(c))) continue;
    const t = typeof c as CategoryKind;
    if (kind === 'empty') kind = t;
    else if (kind !== t) return 'mixed' as CategoryKind;
  }
  return kind;
}

/** A category value: a number (NaN is the missing category), a string, a boolean or null (None). */
function isCategory(c: unknown): c is Category {
  return c === null || typeof c === 'string' || typeof c === 'boolean' || (typeof c === 'number' && c !== Infinity && c !== -Infinity);
}

/** Rule for the `categories` option: `'auto'` or one non-empty list of categories per feature. */
export const categoriesSpec = {
  description: "'auto' or an array with one non-empty array of categories (numbers, strings, booleans or null) per feature",
  check(v: unknown): boolean {
    if (v === 'auto') return true;
    if (!Array.isArray(v)) return false;
    return v.every(
      (list) =>
        Array.isArray(list) &&
        list.length > 0 &&
        list.every(isCategory),
    );
  },
};

/**
 * The categories of each feature: learnt from the data (`'auto'`), or the given lists checked
 * against the data as scikit-learn does. Returns the categories and each one's count in the data.
 * With `handleUnknown: 'error'`, values outside given categories are an error at fit.
 */
export function fitCategories(
  table: CategoricalTable,
  option: 'auto' | Category[][],
  unknownIsError: boolean,
  estimator: string,
): { categories: Category[][]; counts: number[][] } {
  const p = table.columns.length;
  if (option !== 'auto' && option.length !== p) {
    throw new ValidationError({
      code: 'invalid_option',
      estimator,
      param: 'categories',
      expected: `one list of categories per feature (${p}), as X has ${p} features`,
      received: `${option.length} lists`,
    });
  }
  const categories: Category[][] = [];
  const counts: number[][] = [];
  for (let j = 0; j < p; j++) {
    const column = table.columns[j];
    if (option === 'auto') {
      const u = uniqueCategories(column);
      categories.push(u.categories);
      counts.push(u.counts);
      continue;
    }
    const label = columnLabel(j, table.names);
    const kind = table.kinds[j];
    const given = option[j].map((c) => normalizeCell(c, kind));
    const gk = listKind(given);
    if ((gk as string) === 'mixed') {
      throw new ValidationError({ code: 'invalid_option', estimator, param: 'categories', expected: `categories of one type for ${label}`, received: `[${given.map(describeCategory).join(', ')}]` });
    }
    const index = categoryIndex(given);
    if (index.size !== given.length) {
      throw new ValidationError({ code: 'invalid_option', estimator, param: 'categories', expected: `distinct categories for ${label}`, received: `[${given.map(describeCategory).join(', ')}]` });
    }
    if (kind === 'number' && gk !== 'string' && gk !== 'boolean') {
      // Numeric categories must be sorted, NaN last (scikit-learn: "Unsorted categories are not supported").
      const sorted = given.slice().sort(compareCategories);
      if (sorted.some((c, i) => !Object.is(c, given[i]) && !(c === given[i]))) {
        throw new ValidationError({
          code: 'invalid_option',
          estimator,
          param: 'categories',
          expected: `sorted numeric categories for ${label} (NaN last): unsorted categories are not supported for numerical categories`,
          received: `[${given.map(describeCategory).join(', ')}]`,
        });
      }
    }
    const n = new Array<number>(given.length).fill(0);
    const unknown = new Set<Category>();
    for (const v of column) {
      const k = index.get(v);
      if (k === undefined) unknown.add(v);
      else n[k]++;
    }
    if (unknownIsError && unknown.size) throw unknownCategoriesError(estimator, j, table.names, [...unknown], 'fit', given);
    categories.push(given);
    counts.push(n);
  }
  return { categories, counts };
}

/** The error for values outside a column's categories: names the column and the categories. */
export function unknownCategoriesError(
  estimator: string,
  j: number,
  names: readonly string[] | undefined,
  unknown: Category[],
  when: 'fit' | 'transform',
  known: readonly Category[],
): ValidationError {
  const shown = unknown.slice().sort(compareCategories);
  const list = shown.slice(0, 10).map(describeCategory).join(', ') + (shown.length > 10 ? `, … (${shown.length} in all)` : '');
  const knownList = known.slice(0, 20).map(describeCategory).join(', ') + (known.length > 20 ? ', …' : '');
  return new ValidationError({
    code: 'invalid_input',
    estimator,
    param: 'X',
    message:
      `${estimator} found unknown categories [${list}] in ${columnLabel(j, names)} during ${when}. ` +
      `Known categories: [${knownList}]. Set handleUnknown to accept unknown categories.`,
  });
}

/**
 * Codes every cell: the index of its category, or -1 for an unknown one. With `unknownIsError`,
 * the first column holding unknown values is a ValidationError naming it and them.
 */
export function encodeTable(
  table: CategoricalTable,
  categories: readonly Category[][],
  unknownIsError: boolean,
  estimator: string,
  names?: readonly string[],
): Int32Array[] {
  const out: Int32Array[] = [];
  for (let j = 0; j < table.columns.length; j++) {
    const index = categoryIndex(categories[j]);
    const column = table.columns[j];
    const codes = new Int32Array(column.length);
    let unknown: Set<Category> | undefined;
    for (let i = 0; i < column.length; i++) {
      const k = index.get(column[i]);
      if (k === undefined) {
        codes[i] = -1;
        (unknown ??= new Set()).add(column[i]);
      } else codes[i] = k;
    }
    if (unknown && unknownIsError) throw unknownCategoriesError(estimator, j, names ?? table.names, [...unknown], 'transform', categories[j]);
    out.push(codes);
  }
  return out;
}

/** Output names `<feature>_<category>` base names: given names (checked), names seen at fit, or `x0, x1, …`. */
export function inputFeatureNames(nFeatures: number, estimator: string, inputFeatures?: readonly string[], featureNamesIn?: readonly string[]): string[] {
  if (inputFeatures !== undefined) {
    if (!Array.isArray(inputFeatures) || inputFeatures.length !== nFeatures || !inputFeatures.every((s) => typeof s === 'string')) {
      throw new ValidationError({ code: 'invalid_input', estimator, param: 'inputFeatures', expected: `an array of ${nFeatures} names`, received: describeValue(inputFeatures) });
    }
    if (featureNamesIn && inputFeatures.some((s, i) => s !== featureNamesIn[i])) {
      throw new ValidationError({
        code: 'invalid_input',
        estimator,
        param: 'inputFeatures',
        expected: `the feature names seen at fit [${featureNamesIn.join(', ')}]`,
        received: `[${inputFeatures.join(', ')}]`,
      });
    }
    return inputFeatures.slice();
  }
  if (featureNamesIn) return featureNamesIn.slice();
  return Array.from({ length: nFeatures }, (_, i) => `x${i}`);
}

/**
 * State rule for the learnt categories: one non-empty list of distinct categories per feature
 * (NaN is the missing category of a numeric column, so it may appear once).
 */
export const categoryListsState: StateSpec = stateRule(
  'an array of nFeaturesIn non-empty arrays of distinct categories (numbers, strings, booleans or null)',
  (v, ctx) => Array.isArray(v) && v.length === resolveLength('nFeaturesIn', ctx) && v.every((l) => Array.isArray(l) && l.length > 0 && l.every(isCategory) && new Set(l).size === l.length),
  // The categories of a feature are free (given by the user, or whatever fit saw).
  { allowNaN: true, anyRowLength: true },
);

/** The sorted distinct labels (numbers numerically, strings by code point, false before true). */
export function sortedClasses(y: readonly Label[]): Label[] {
  return [...new Set(y)].sort(compareCategories);
}

/** Codes labels by their index in `classes`; unseen labels are a ValidationError listing them. */
export function codeLabels(y: readonly Label[], classes: readonly Label[], estimator: string): number[] {
  const index = new Map<Label, number>();
  classes.forEach((c, i) => index.set(c, i));
  const out = new Array<number>(y.length);
  const unseen = new Set<Label>();
  for (let i = 0; i < y.length; i++) {
    const k = index.get(y[i]);
    if (k === undefined) unseen.add(y[i]);
    else out[i] = k;
  }
  if (unseen.size) {
    throw new ValidationError({
      code: 'invalid_input',
      estimator,
      param: 'y',
      expected: `labels among the classes seen in fit [${classes.map(describeValue).join(', ')}]`,
      received: `previously unseen labels [${[...unseen].sort(compareCategories).map(describeValue).join(', ')}]`,
    });
  }
  return out;
}


/**
 * The check behind the encoders' `partialFit`: categories must be declared up front (with
 * `'auto'` every batch could add categories and change the output width), so a stream needs no
 * first pass.
 */
export function requireDeclaredCategories(option: 'auto' | Category[][], estimator: string): void {
  if (option !== 'auto') return;
  throw new ValidationError({
    code: 'unsupported',
    estimator,
    param: 'categories',
    expected: 'one list of categories per feature, declared up front, for partialFit (a stream must not change the output columns)',
    received: "'auto'",
  });
}

/**
 * A later `partialFit` batch of an encoder with declared categories: checks the column count
 * (or names) and, when unknown categories are errors, that every value is declared. Nothing is learnt.
 */
export function checkBatchCategories(
  X: TableLike,
  s: { nFeaturesIn: number; featureNamesIn: string[] | null; categories: Category[][] },
  unknownIsError: boolean,
  estimator: string,
): void {
  const table = readCategorical(X, { estimator, names: s.featureNamesIn ?? undefined, nFeatures: s.nFeaturesIn });
  if (unknownIsError) encodeTable(table, s.categories, true, estimator, s.featureNamesIn ?? undefined);
}
