import { ValidationError, describeValue } from '../core/errors';
import { assembleBatch, resolveColumns, type ColumnSelection, type ColumnValues, type DataBatch } from './batch';

/** The public part of an Arrow `Vector` that fromArrow reads (apache-arrow's Vector fits). */
export interface ArrowVectorLike {
  /** The number of values. */
  readonly length: number;
  /** How many values are null. */
  readonly nullCount: number;
  /** The value at `index` (null when missing). */
  get(index: number): unknown;
  /** False where the value is null. */
  isValid(index: number): boolean;
  /** The values as one array (a typed array for numeric columns). */
  toArray(): unknown;
}

/** The public part of an Arrow `Table` or `RecordBatch` that fromArrow reads (both fit). */
export interface ArrowTableLike {
  /** The number of rows. */
  readonly numRows: number;
  /** The column descriptions. */
  readonly schema: {
    /** One per column, in order. */
    readonly fields: ReadonlyArray<{
      /** The column's name. */
      readonly name: string;
    }>;
  };
  /** The column of that name, or null. */
  getChild(name: string): ArrowVectorLike | null;
}

const NAME = 'fromArrow';

function isTypedNumbers(a: unknown): a is ArrayLike<number> | ArrayLike<bigint> {
  return ArrayBuffer.isView(a) && !(a instanceof DataView);
}

/**
 * One Arrow column as numbers or strings. A float64 column without nulls in one chunk is returned
 * as a view of Arrow's own buffer (no copy); other numeric columns are converted in one typed pass
 * (nulls become NaN); text and dictionary columns become strings (nulls stay null).
 * @example
 * ```ts
 * import { tableFromArrays } from 'apache-arrow';
 * import { arrowColumn } from 'typelearn/io';
 *
 * const table = tableFromArrays({ x: new Float64Array([1, 2, 3]), city: ['Oslo', 'Rome', 'Oslo'] });
 * console.log(arrowColumn(table.getChild('x')!), arrowColumn(table.getChild('city')!)); // Float64Array(3) [ 1, 2, 3 ] [ 'Oslo', 'Rome', 'Oslo' ]
 * ```
 */
export function arrowColumn(vector: ArrowVectorLike, name = 'column'): ColumnValues {
  const n = vector.length;
  const arr = vector.toArray();
  if (isTypedNumbers(arr) && arr.length === n) {
    let out: Float64Array;
    if (arr instanceof Float64Array) {
      if (vector.nullCount === 0) return arr;
      out = Float64Array.from(arr);
    } else if (arr instanceof BigInt64Array || arr instanceof BigUint64Array) {
      out = new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = Number(arr[i]);
    } else {
      out = Float64Array.from(arr as ArrayLike<number>);
    }
    if (vector.nullCount > 0) {
      for (let i = 0; i < n; i++) if (!vector.isValid(i)) out[i] = NaN;
    }
    return out;
  }
  // Booleans, text, dictionaries and anything else: read value by value.
  const first = firstValid(vector);
  if (typeof first === 'boolean' || typeof first === 'number' || typeof first === 'bigint') {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v = vector.get(i);
      out[i] = v === null || v === undefined ? NaN : Number(v);
    }
    return out;
  }
  if (first !== undefined && typeof first !== 'string') {
    throw new ValidationError({
      code: 'invalid_input',
      estimator: NAME,
      param: 'table',
      expected: 'numeric, boolean, text or dictionary columns',
      received: `column ${JSON.stringify(name)} holding ${describeValue(first)}`,
    });
  }
  const out: Array<string | null> = new Array(n);
  for (let i = 0; i < n; i++) {
    const v = vector.get(i);
    out[i] = v === null || v === undefined ? null : String(v);
  }
  return out;
}

function firstValid(vector: ArrowVectorLike): unknown {
  for (let i = 0; i < vector.length; i++) {
    const v = vector.get(i);
    if (v !== null && v !== undefined) return v;
  }
  return undefined;
}

function isArrowTable(t: unknown): t is ArrowTableLike {
  if (t === null || typeof t !== 'object') return false;
  const o = t as Partial<ArrowTableLike>;
  return typeof o.numRows === 'number' && typeof o.getChild === 'function' && typeof o.schema === 'object' && o.schema !== null && Array.isArray(o.schema.fields);
}

/**
 * Reads an Apache Arrow `Table` or `RecordBatch` (from the `apache-arrow` package, DuckDB,
 * Polars, …) as one batch: X as a numeric Matrix or as records (see `as`), and the target as `y`.
 * float64 columns without nulls are read through typed-array views of Arrow's buffers, never row
 * by row; nulls become NaN in numeric columns and null in text columns.
 *
 * @example
 * ```ts
 * import { tableFromArrays } from 'apache-arrow';
 * import { fromArrow } from 'typelearn/io';
 * const table = tableFromArrays({ x: new Float64Array([1, 2, 3]), y: new Float64Array([2, 4, 6]) });
 * const { X, y, columns } = fromArrow(table, { target: 'y' });
 * console.log(columns, Array.isArray(X)); // [ 'x' ] false
 * console.log(y); // Float64Array(3) [ 2, 4, 6 ]
 * ```
 */
export function fromArrow(table: ArrowTableLike, options: ColumnSelection = {}): DataBatch {
  if (!isArrowTable(table)) {
    throw new ValidationError({
      code: 'invalid_input',
      estimator: NAME,
      param: 'table',
      expected: 'an Apache Arrow Table or RecordBatch',
      received: describeValue(table),
    });
  }
  const names = table.schema.fields.map((f) => f.name);
  const { features, target } = resolveColumns(NAME, names, options);
  const read = (name: string): ColumnValues => {
    const v = table.getChild(name);
    if (v === null) {
      throw new ValidationError({ code: 'invalid_input', estimator: NAME, param: 'columns', expected: `names among ${names.join(', ')}`, received: JSON.stringify(name) });
    }
    return arrowColumn(v, name);
  };
  const cols = features.map(read);
  const y = target === undefined ? undefined : read(target);
  return assembleBatch(NAME, features, cols, table.numRows, y, options.as);
}

/**
 * The named columns of an Arrow table as numbers or strings, without assembling a matrix: float64
 * columns without nulls are views of Arrow's buffers (no copy). For column-wise code and for
 * `columnsToColMajor`.
 * @example
 * ```ts
 * import { tableFromArrays } from 'apache-arrow';
 * import { arrowColumns } from 'typelearn/io';
 *
 * const table = tableFromArrays({ a: new Float64Array([1, 2]), b: new Int32Array([3, 4]) });
 * console.log(arrowColumns(table)); // { a: Float64Array(2) [ 1, 2 ], b: Float64Array(2) [ 3, 4 ] }
 * ```
 */
export function arrowColumns(table: ArrowTableLike, columns?: string[]): Record<string, ColumnValues> {
  const names = columns ?? table.schema.fields.map((f) => f.name);
  const out: Record<string, ColumnValues> = {};
  for (const n of names) {
    const v = table.getChild(n);
    if (v === null) {
      throw new ValidationError({ code: 'invalid_input', estimator: 'arrowColumns', param: 'columns', expected: 'names of the table\'s columns', received: JSON.stringify(n) });
    }
    out[n] = arrowColumn(v, n);
  }
  return out;
}
