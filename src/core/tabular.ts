/**
 * Tabular input of any cell type, for the estimators that take categories and records (encoders,
 * imputers of strings, ColumnTransformer): `Records` (rows as objects), rows of mixed values
 * (`string[][]`, `(string | number | null)[][]`), or numeric matrices. Everything is read into
 * columns once, validated, and never mutated.
 */
import { cellError, cellNumber } from './data/cell';
import { ValidationError, describeValue } from './errors';
import type { MatrixLike, RecordRows, Records } from './types';
import { isMatrix } from './validation';

/**
 * Named columns already read out of records (ColumnTransformer hands these to encoders and imputers
 * instead of building a new object per row). Accepted wherever records are; never mutated.
 * @example
 * ```ts
 * import { ColumnTable, OneHotEncoder } from 'typelearn';
 *
 * const table = new ColumnTable(['color'], [['red', 'blue', 'red']], 3);
 * console.log(new OneHotEncoder().fitTransform(table).to2DArray()); // [ [ 0, 1 ], [ 1, 0 ], [ 0, 1 ] ]
 * ```
 */
export class ColumnTable {
  constructor(
    /** The column names. */
    readonly names: readonly string[],
    /** One array of cell values per name (a typed array for a numeric column, e.g. as the Parquet reader decodes it). */
    readonly columns: ReadonlyArray<readonly unknown[] | Float64Array>,
    /** The number of rows. */
    readonly rows: number,
  ) {}
}

/** 2-d data whose cells may be numbers, strings, booleans or missing (`null`, `undefined`, `NaN`). */
export type TableLike = MatrixLike | Records | ReadonlyArray<ReadonlyArray<unknown>> | ColumnTable;

/**
 * True for input whose columns have names: records, or a {@link ColumnTable}.
 * @example
 * ```ts
 * import { hasNamedColumns } from 'typelearn';
 *
 * console.log(hasNamedColumns([{ age: 30 }]), hasNamedColumns([[30]])); // true false
 * ```
 */
export function hasNamedColumns(X: unknown): boolean {
  return X instanceof ColumnTable || isRecords(X);
}

/** Data read into columns. */
export interface Columns {
  /** The number of rows. */
  rows: number;
  /** The column names, when the input was records (every key any record has, in order of first appearance). */
  names?: string[];
  /** Column-major cell values, as given (missing values kept as null, undefined or NaN). */
  columns: unknown[][];
}

/** What kind of values a column holds, ignoring missing cells. */
export type ColumnKind = 'number' | 'string' | 'boolean' | 'mixed' | 'empty';

/**
 * True for a missing cell: null, undefined or NaN.
 * @example
 * ```ts
 * import { isMissing } from 'typelearn';
 *
 * console.log([null, undefined, NaN, 0, ''].map(isMissing)); // [ true, true, true, false, false ]
 * ```
 */
export function isMissing(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v));
}

/**
 * True when X is records: a non-empty array whose first item is a plain object.
 * @example
 * ```ts
 * import { isRecords } from 'typelearn';
 *
 * console.log(isRecords([{ a: 1 }]), isRecords([[1]]), isRecords([])); // true false false
 * ```
 */
export function isRecords(X: unknown): X is RecordRows {
  if (!Array.isArray(X) || X.length === 0) return false;
  const first: unknown = X[0];
  return first !== null && typeof first === 'object' && !Array.isArray(first) && !ArrayBuffer.isView(first) && !isMatrix(first);
}

/** Options of {@link toColumns}. */
export interface ToColumnsOptions {
  /** Named in errors. */
  estimator?: string;
  /** The argument's name in errors (default 'X'). */
  name?: string;
  /** For records: the keys to read, in this order (default: every key, in order of first appearance). */
  columns?: readonly string[];
}

/**
 * Reads 2-d data of any cell type into columns. Throws {@link ValidationError} for empty or ragged
 * input, records that are not objects, and names asked for that no record has.
 * @example
 * ```ts
 * import { toColumns } from 'typelearn';
 *
 * const cols = toColumns([{ city: 'Oslo', temp: 3 }, { city: 'Rome', temp: null }]);
 * console.log(cols.rows, cols.names, cols.columns); // 2 [ 'city', 'temp' ] [ [ 'Oslo', 'Rome' ], [ 3, null ] ]
 * ```
 */
export function toColumns(X: TableLike, options: ToColumnsOptions = {}): Columns {
  const estimator = options.estimator ?? 'typelearn';
  const param = options.name ?? 'X';
  const fail = (expected: string, received: string): never => {
    throw new ValidationError({ code: 'invalid_input', estimator, param, expected, received });
  };
  if (X instanceof ColumnTable) {
    if (X.rows === 0 || X.columns.length === 0) fail('a non-empty table', `${X.rows} rows and ${X.columns.length} columns`);
    // Typed-array columns are read as plain arrays of numbers (what every reader of Columns expects).
    const plain = (c: readonly unknown[] | Float64Array): unknown[] => (c instanceof Float64Array ? Array.from(c) : (c as unknown[]));
    if (!options.columns) return { rows: X.rows, names: [...X.names], columns: X.columns.map(plain) };
    const columns = options.columns.map((name) => {
      const j = X.names.indexOf(name);
      if (j < 0) {
        throw new ValidationError({
          code: 'invalid_input',
          estimator,
          param,
          expected: `a table with the column '${name}'`,
          received: `columns ${X.names.map((k) => `'${k}'`).join(', ')}`,
        });
      }
      return plain(X.columns[j]);
    });
    return { rows: X.rows, names: [...options.columns], columns };
  }
  if (isMatrix(X)) {
    const columns: unknown[][] = [];
    for (let j = 0; j < X.columns; j++) columns.push(X.getColumn(j));
    if (X.rows === 0 || X.columns === 0) fail('a non-empty 2-d array', `a ${X.rows} x ${X.columns} matrix`);
    return { rows: X.rows, columns };
  }
  if (!Array.isArray(X)) return fail('records (an array of objects), a 2-d array or an ml-matrix Matrix', describeValue(X));
  if (X.length === 0) return fail('a non-empty 2-d array (at least 1 sample)', 'an empty array');
  if (isRecords(X)) {
    const records = X as RecordRows;
    const names = options.columns ? [...options.columns] : recordKeys(records);
    if (names.length === 0) fail('records with at least one field', 'an object with no keys');
    const columns = names.map(() => new Array<unknown>(records.length));
    const seen = new Set<string>();
    for (let i = 0; i < records.length; i++) {
      const r = records[i];
      if (r === null || typeof r !== 'object' || Array.isArray(r)) fail('records: every row an object', `row ${i}: ${describeValue(r)}`);
      for (let j = 0; j < names.length; j++) {
        const k = names[j];
        if (Object.prototype.hasOwnProperty.call(r, k)) {
          seen.add(k);
          columns[j][i] = r[k];
        } else columns[j][i] = undefined;
      }
    }
    const absent = names.filter((k) => !seen.has(k));
    if (absent.length) {
      throw new ValidationError({
        code: 'invalid_input',
        estimator,
        param,
        expected: `records with the column${absent.length > 1 ? 's' : ''} ${absent.map((k) => `'${k}'`).join(', ')}`,
        received: `records whose keys are ${Object.keys(records[0]).map((k) => `'${k}'`).join(', ')}`,
      });
    }
    return { rows: records.length, names, columns };
  }
  const arr = X as ReadonlyArray<unknown>;
  const first: unknown = arr[0];
  if (first === null || typeof first !== 'object' || typeof (first as ArrayLike<unknown>).length !== 'number') {
    return fail('a 2-d array (an array of rows)', `a 1-d array (first row is ${describeValue(first)})`);
  }
  const width = (first as ArrayLike<unknown>).length;
  if (width === 0) fail('at least 1 feature', '0 features');
  const columns = Array.from({ length: width }, () => new Array<unknown>(arr.length));
  for (let i = 0; i < arr.length; i++) {
    const row: unknown = arr[i];
    if (row === null || typeof row !== 'object' || typeof (row as ArrayLike<unknown>).length !== 'number') {
      fail('a 2-d array whose rows are arrays', `row ${i}: ${describeValue(row)}`);
    }
    const r = row as ArrayLike<unknown>;
    if (r.length !== width) fail(`rows of equal length (${width} columns)`, `row ${i} of length ${r.length}`);
    for (let j = 0; j < width; j++) columns[j][i] = r[j];
  }
  return { rows: arr.length, columns };
}

/** Every key of the records, in order of first appearance (records may omit keys they have no value for). */
function recordKeys(records: Records): string[] {
  const seen = new Set<string>();
  for (const r of records) {
    if (r === null || typeof r !== 'object') continue;
    for (const k in r) if (Object.prototype.hasOwnProperty.call(r, k)) seen.add(k);
  }
  return [...seen];
}

/**
 * The kind of values in a column, ignoring missing cells.
 * @example
 * ```ts
 * import { columnKind } from 'typelearn';
 *
 * console.log(columnKind([1, null, 2]), columnKind(['a', 1]), columnKind([null])); // number mixed empty
 * ```
 */
export function columnKind(column: readonly unknown[]): ColumnKind {
  let kind: ColumnKind = 'empty';
  for (const v of column) {
    if (isMissing(v)) continue;
    const t = typeof v;
    const k: ColumnKind = t === 'number' ? 'number' : t === 'string' ? 'string' : t === 'boolean' ? 'boolean' : 'mixed';
    if (kind === 'empty') kind = k;
    else if (kind !== k) return 'mixed';
    if (k === 'mixed') return 'mixed';
  }
  return kind;
}

/**
 * A column as numbers (missing cells → NaN), under the one cell rule of `core/data/cell.ts`: a
 * string, boolean or object in it is a {@link ValidationError} naming the column and row; ±Infinity too.
 * @example
 * ```ts
 * import { numericColumn } from 'typelearn';
 *
 * console.log(numericColumn([1, null, 2.5])); // Float64Array(3) [ 1, NaN, 2.5 ]
 * try {
 *   numericColumn([1, 'two'], { estimator: 'MyScaler', column: 'age' });
 * } catch (e) {
 *   console.log((e as Error).name); // ValidationError
 * }
 * ```
 */
export function numericColumn(column: readonly unknown[], options: { estimator?: string; column?: string | number } = {}): Float64Array {
  const out = new Float64Array(column.length);
  for (let i = 0; i < column.length; i++) {
    const v = column[i];
    const x = cellNumber(v);
    if (x === undefined) {
      throw cellError(v, {
        estimator: options.estimator,
        where: `row ${i}`,
        hint: `in column ${describeColumn(options.column)}`,
      });
    }
    out[i] = x;
  }
  return out;
}

function describeColumn(c: string | number | undefined): string {
  return c === undefined ? '?' : typeof c === 'string' ? `'${c}'` : String(c);
}
