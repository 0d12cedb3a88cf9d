import type { Matrix } from 'ml-matrix';
import { matrixFromFlat } from '../core/data';
import { ValidationError } from '../core/errors';
import { ColumnTable } from '../core/tabular';
import type { Records } from '../core/types';

/** One column as the readers hold it: numbers (missing = NaN) or strings (missing = null). */
export type ColumnValues = Float64Array | Array<string | null>;

/**
 * How a reader hands out X: a numeric matrix, records (rows as objects), named columns (a
 * `ColumnTable` of the decoded column arrays, no per-row work), or whichever of the first two fits.
 */
export type BatchForm = 'matrix' | 'records' | 'columns' | 'auto';

/** Options shared by {@link fromArrow}, `readParquetBatches` and `readCsvBatches`. */
export interface ColumnSelection {
  /** The feature columns, in this order (default: every column but the target). */
  columns?: string[];
  /** The target column, returned as `y` (numbers as a Float64Array, strings as an array). */
  target?: string;
  /**
   * `'matrix'`: X is a numeric Matrix (a string column is an error); `'records'`: X is rows as
   * objects (for ColumnTransformer); `'auto'` (default): a matrix when every feature is numeric,
   * records otherwise; `'columns'`: X is a `ColumnTable` (one `Float64Array` per numeric column, one
   * array of strings per text column, as decoded: the fastest form, which the encoders, imputers and
   * `ColumnTransformer` take as they take records).
   */
  as?: BatchForm;
}

/** One batch of rows, in the shape `fitStream` and `partialFit` take. */
export interface DataBatch {
  /** The features: a Matrix over one flat row-major buffer, records, or named columns (`as: 'columns'`). */
  X: Matrix | Records | ColumnTable;
  /** The target column, when one was asked for. */
  y?: Float64Array | Array<string | null>;
  /** The feature names, in the order of X's columns. */
  columns: string[];
  /** The number of rows. */
  rows: number;
}

/** The feature and target names a selection resolves to, checked against the available names. */
export function resolveColumns(source: string, available: string[], sel: ColumnSelection): { features: string[]; target?: string } {
  const have = new Set(available);
  const fail = (param: string, expected: string, received: string): never => {
    throw new ValidationError({ code: 'invalid_input', estimator: source, param, expected, received });
  };
  if (sel.target !== undefined && !have.has(sel.target)) {
    fail('target', `one of the columns ${available.join(', ')}`, JSON.stringify(sel.target));
  }
  const features = sel.columns ?? available.filter((c) => c !== sel.target);
  if (features.length === 0) fail('columns', 'at least 1 feature column', '0 columns');
  for (const c of features) {
    if (!have.has(c)) fail('columns', `names among ${available.join(', ')}`, JSON.stringify(c));
  }
  return { features, target: sel.target };
}

/**
 * Builds a batch from whole columns: a numeric matrix is filled column by column into one flat
 * row-major buffer (the only copy), records are built row by row (their nature).
 */
export function assembleBatch(
  source: string,
  names: string[],
  cols: ColumnValues[],
  rows: number,
  y: ColumnValues | undefined,
  form: BatchForm = 'auto',
): DataBatch {
  if (form === 'columns') {
    const out: DataBatch = { X: new ColumnTable(names.slice(), cols, rows), columns: names, rows };
    if (y !== undefined) out.y = y;
    return out;
  }
  const allNumeric = cols.every((c) => c instanceof Float64Array);
  const asMatrix = form === 'matrix' || (form === 'auto' && allNumeric);
  const out: DataBatch = { X: [], columns: names, rows };
  if (y !== undefined) out.y = y;
  if (asMatrix) {
    const p = names.length;
    const data = new Float64Array(rows * p);
    for (let j = 0; j < p; j++) {
      const c = cols[j];
      if (!(c instanceof Float64Array)) {
        throw new ValidationError({
          code: 'invalid_input',
          estimator: source,
          param: 'columns',
          expected: `numeric columns for as: 'matrix' (use as: 'records' and an encoder for text)`,
          received: `column ${JSON.stringify(names[j])} of strings`,
        });
      }
      for (let i = 0, k = j; i < rows; i++, k += p) data[k] = c[i];
    }
    out.X = matrixFromFlat(data, rows, p);
    return out;
  }
  const records: Records = new Array(rows);
  for (let i = 0; i < rows; i++) {
    const r: Record<string, unknown> = {};
    for (let j = 0; j < names.length; j++) r[names[j]] = cols[j][i];
    records[i] = r;
  }
  out.X = records;
  return out;
}

/** Rows [start, end) of a column: a view for numbers (no copy), a slice for strings. */
export function sliceColumn(c: ColumnValues, start: number, end: number): ColumnValues {
  return c instanceof Float64Array ? c.subarray(start, end) : c.slice(start, end);
}
