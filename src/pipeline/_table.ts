/**
 * Column access for the composition classes (ColumnTransformer, FeatureUnion): reads 2-d input of
 * any kind (records, rows of mixed values, matrices) once, validates its shape, and hands out
 * column subsets as numbers (a flat row-major buffer) or in the input's own kind (sub-records,
 * sub-rows). Free of the estimator API; the input is never mutated.
 */
import { Matrix } from 'ml-matrix';
import { ValidationError, describeValue } from '../core/errors';
import { ColumnTable, isRecords } from '../core/tabular';
import type { RecordRows } from '../core/types';
import { isMatrix } from '../core/validation';
import { cellError, cellNumber, flatOf } from '../core/data/index';

/** 2-d input read once: its kind, its shape and (for records) its column names. */
export interface Table {
  kind: 'records' | 'rows' | 'matrix';
  rows: number;
  /** The number of columns: the first record's keys, the row length, or the matrix's columns. */
  width: number;
  /** For records: the first record's keys, in order. */
  names?: string[];
  records?: RecordRows;
  arrayRows?: ReadonlyArray<ArrayLike<unknown>>;
  matrix?: Matrix;
}

/** A column of a table: a key of the records, or an index of the rows / matrix. */
export type ColumnKey = string | number;

const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

function fail(estimator: string, expected: string, received: string, param = 'X'): never {
  throw new ValidationError({ code: 'invalid_input', estimator, param, expected, received });
}

/**
 * Reads X: records (rows as objects; the columns are the first record's keys), rows of mixed values
 * of equal length, or an ml-matrix Matrix. Throws {@link ValidationError} for empty, ragged or
 * malformed input.
 */
export function readTable(X: unknown, estimator: string): Table {
  if (isMatrix(X)) {
    if (X.rows === 0 || X.columns === 0) fail(estimator, 'a non-empty 2-d array', `a ${X.rows} x ${X.columns} matrix`);
    return { kind: 'matrix', rows: X.rows, width: X.columns, matrix: X };
  }
  if (!Array.isArray(X)) return fail(estimator, 'records (an array of objects), a 2-d array or an ml-matrix Matrix', describeValue(X));
  if (X.length === 0) return fail(estimator, 'a non-empty 2-d array or records (at least 1 sample)', 'an empty array');
  if (isRecords(X)) {
    const records = X;
    for (let i = 0; i < records.length; i++) {
      const r: unknown = records[i];
      if (r === null || typeof r !== 'object' || Array.isArray(r) || ArrayBuffer.isView(r)) fail(estimator, 'records: every row an object', `row ${i}: ${describeValue(r)}`);
    }
    const names = Object.keys(records[0]);
    if (names.length === 0) fail(estimator, 'records with at least one field', 'an object with no keys at row 0');
    return { kind: 'records', rows: records.length, width: names.length, names, records };
  }
  const rows = X as ReadonlyArray<unknown>;
  const first = rows[0];
  if (first === null || typeof first !== 'object' || typeof (first as ArrayLike<unknown>).length !== 'number') {
    return fail(estimator, 'a 2-d array (an array of rows) or records', `a 1-d array (first row is ${describeValue(first)})`);
  }
  const width = (first as ArrayLike<unknown>).length;
  if (width === 0) fail(estimator, 'at least 1 feature', '0 features');
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r === null || typeof r !== 'object' || typeof (r as ArrayLike<unknown>).length !== 'number') fail(estimator, 'a 2-d array whose rows are arrays', `row ${i}: ${describeValue(r)}`);
    if ((r as ArrayLike<unknown>).length !== width) fail(estimator, `rows of equal length (${width} columns)`, `row ${i} of length ${(r as ArrayLike<unknown>).length}`);
  }
  return { kind: 'rows', rows: rows.length, width, arrayRows: rows as ReadonlyArray<ArrayLike<unknown>> };
}

/** True when some record has `name` as its own key. */
export function recordsHave(records: RecordRows, name: string): boolean {
  for (let i = 0; i < records.length; i++) if (hasOwn(records[i], name)) return true;
  return false;
}

/** Throws naming the first of `names` that no record has. */
export function requireColumns(table: Table, names: readonly string[], estimator: string, why: string): void {
  const records = table.records as RecordRows;
  const absent = names.filter((n) => !hasOwn(records[0], n) && !recordsHave(records, n));
  if (absent.length) {
    fail(
      estimator,
      `records with the column${absent.length > 1 ? 's' : ''} ${absent.map((k) => `'${k}'`).join(', ')} (${why})`,
      `records whose keys are ${Object.keys(records[0]).map((k) => `'${k}'`).join(', ')}`,
    );
  }
}

/** One cell: a record's own value (inherited properties read as missing), or a row's / matrix's value. */
function cell(table: Table, i: number, key: ColumnKey): unknown {
  if (table.kind === 'records') {
    const r = (table.records as RecordRows)[i];
    const v = r[key as string];
    return v === undefined || hasOwn(r, key as string) ? v : undefined;
  }
  if (table.kind === 'rows') return (table.arrayRows as ReadonlyArray<ArrayLike<unknown>>)[i][key as number];
  return (table.matrix as Matrix).get(i, key as number);
}

/** One column's values, as given. */
export function columnValues(table: Table, key: ColumnKey): unknown[] {
  const out = new Array<unknown>(table.rows);
  if (table.kind === 'records') {
    // One key per pass; only a key that Object.prototype also has (e.g. 'constructor') needs the
    // own-property check that keeps inherited values out.
    const records = table.records as RecordRows;
    const name = key as string;
    const inheritable = name in Object.prototype;
    for (let i = 0; i < records.length; i++) {
      const r = records[i];
      const v = r[name];
      out[i] = inheritable && v !== undefined && !hasOwn(r, name) ? undefined : v;
    }
    return out;
  }
  for (let i = 0; i < table.rows; i++) out[i] = cell(table, i, key);
  return out;
}

/** Words naming a column in errors. */
export function describeKey(key: ColumnKey): string {
  return typeof key === 'string' ? `'${key}'` : String(key);
}

/**
 * The columns `keys` as numbers in one flat row-major buffer (rows × keys.length): missing cells
 * (null, undefined, NaN) become NaN. A boolean, string or object, or ±Infinity, is a
 * {@link ValidationError} naming the column, the row and `consumer` (who the column goes to), as
 * everywhere else (the one cell rule of `core/data/cell.ts`).
 */
export function numericBlock(table: Table, keys: readonly ColumnKey[], estimator: string, consumer: string): Float64Array {
  const n = table.rows;
  const k = keys.length;
  const out = new Float64Array(n * k);
  const bad = (i: number, j: number, v: unknown): never => {
    throw cellError(v, {
      estimator,
      where: `row ${i}`,
      hint: `in column ${describeKey(keys[j])}, which goes to ${consumer}, a transformer of numbers`,
    });
  };
  if (table.kind === 'matrix') {
    const m = table.matrix as Matrix;
    for (let i = 0; i < n; i++) {
      const off = i * k;
      for (let j = 0; j < k; j++) {
        const v = m.get(i, keys[j] as number);
        if (v === Infinity || v === -Infinity) bad(i, j, v);
        out[off + j] = v;
      }
    }
    return out;
  }
  if (table.kind === 'records') {
    // Four columns per pass over the records, each read at its own property-access site: a site
    // that always sees the same key stays monomorphic (about 5x faster than one site cycling
    // through every key).
    const records = table.records as RecordRows;
    for (let j0 = 0; j0 < k; j0 += 4) {
      const m = Math.min(4, k - j0);
      const a = keys[j0] as string;
      const b = (m > 1 ? keys[j0 + 1] : a) as string;
      const c = (m > 2 ? keys[j0 + 2] : a) as string;
      const d = (m > 3 ? keys[j0 + 3] : a) as string;
      for (let i = 0; i < n; i++) {
        const r = records[i];
        const o = i * k + j0;
        let v = r[a];
        out[o] = typeof v === 'number' && v - v === 0 ? v : convertOther(v, r, a, i, j0, bad);
        if (m > 1) {
          v = r[b];
          out[o + 1] = typeof v === 'number' && v - v === 0 ? v : convertOther(v, r, b, i, j0 + 1, bad);
        }
        if (m > 2) {
          v = r[c];
          out[o + 2] = typeof v === 'number' && v - v === 0 ? v : convertOther(v, r, c, i, j0 + 2, bad);
        }
        if (m > 3) {
          v = r[d];
          out[o + 3] = typeof v === 'number' && v - v === 0 ? v : convertOther(v, r, d, i, j0 + 3, bad);
        }
      }
    }
    return out;
  }
  const rows = table.arrayRows as ReadonlyArray<ArrayLike<unknown>>;
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    const o = i * k;
    for (let j = 0; j < k; j++) {
      const v = row[keys[j] as number];
      out[o + j] = typeof v === 'number' && v - v === 0 ? v : convertOther(v, undefined, '', i, j, bad);
    }
  }
  return out;
}

/**
 * The number for a cell that is not a finite number, under the one cell rule (`core/data/cell.ts`):
 * NaN for missing; booleans, strings, objects and ±Infinity are errors.
 */
function convertOther(v: unknown, r: Record<string, unknown> | undefined, name: string, i: number, j: number, bad: (i: number, j: number, v: unknown) => never): number {
  const x = cellNumber(v);
  if (x !== undefined) return x;
  // An inherited property (e.g. 'constructor') of a record that lacks the key is a missing cell.
  if (r !== undefined && !hasOwn(r, name)) return NaN;
  return bad(i, j, v);
}

/** The records keeping only `names` (in that order); absent keys stay absent. */
export function subRecords(table: Table, names: readonly string[]): RecordRows {
  const records = table.records as RecordRows;
  const out: RecordRows = new Array(records.length);
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    const o: Record<string, unknown> = {};
    for (const name of names) if (hasOwn(r, name)) o[name] = r[name];
    out[i] = o;
  }
  return out;
}

/** The values at `keys`: named columns for records input (no object per row), rows of values otherwise. */
export function subTable(table: Table, keys: readonly ColumnKey[]): ColumnTable | unknown[][] {
  if (table.kind === 'records') {
    const names = keys as string[];
    return new ColumnTable(names, names.map((k) => columnValues(table, k)), table.rows);
  }
  const out: unknown[][] = new Array(table.rows);
  for (let i = 0; i < table.rows; i++) {
    const row = new Array<unknown>(keys.length);
    for (let j = 0; j < keys.length; j++) row[j] = cell(table, i, keys[j]);
    out[i] = row;
  }
  return out;
}

/** A transformer's output as a flat buffer, checking it is a 2-d numeric result with `rows` rows. */
export function outputBlock(out: unknown, rows: number, estimator: string, who: string): Block {
  if (!isMatrix(out)) {
    return fail(estimator, `${who} to return an ml-matrix Matrix from transform`, describeValue(out), 'transform output');
  }
  if (out.rows !== rows) fail(estimator, `${who} to return one row per sample (${rows})`, `${out.rows} rows`, 'transform output');
  return { data: contiguous(out), m: out, cols: out.columns };
}

/** The flat row-major buffer behind one of typelearn's output matrices, else null (read through `get`). */
function contiguous(m: Matrix): Float64Array | null {
  return flatOf(m) ?? null;
}

/** A block of output columns: a flat row-major buffer when there is one, else the Matrix. */
export interface Block {
  data: Float64Array | null;
  m: Matrix | null;
  cols: number;
}

/** Concatenates blocks side by side into one flat buffer (rows × total columns), each scaled by its weight. */
export function hstack(blocks: readonly Block[], rows: number, weights?: readonly number[]): { data: Float64Array; cols: number } {
  const total = blocks.reduce((s, b) => s + b.cols, 0);
  const out = new Float64Array(rows * total);
  let start = 0;
  blocks.forEach((b, t) => {
    const w = weights ? weights[t] : 1;
    const c = b.cols;
    if (b.data) {
      const src = b.data;
      for (let i = 0; i < rows; i++) {
        const o = i * total + start;
        const s = i * c;
        if (w === 1) for (let j = 0; j < c; j++) out[o + j] = src[s + j];
        else for (let j = 0; j < c; j++) out[o + j] = src[s + j] * w;
      }
    } else {
      for (let i = 0; i < rows; i++) {
        const o = i * total + start;
        for (let j = 0; j < c; j++) out[o + j] = (b.m as Matrix).get(i, j) * w;
      }
    }
    start += c;
  });
  return { data: out, cols: total };
}

/** An n × 0 matrix (the output when every column is dropped). */
export function emptyOutput(rows: number): Matrix {
  return new Matrix(rows, 0);
}
