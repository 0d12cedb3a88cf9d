/**
 * Input validation at public entry points. Everything is checked once here, the caller's arrays are
 * copied (never mutated), and hot loops then run over one flat row-major `Float64Array`.
 */
import { Matrix } from 'ml-matrix';
import { ValidationError, describeValue } from './errors';
import { isArrayLike } from './math/isArrayLike';
import { cellError, cellNumber, colMajor, flatOf, rowMajor, toMatrix, type ColMajor, type RowMajor } from './data/index';
import type { Label, MatrixLike } from './types';

/** Options of {@link checkArray} and {@link checkXy}. */
export interface CheckArrayOptions {
  /** The estimator (or function) doing the check, named in errors. */
  estimator?: string;
  /** The argument's name in errors (default `'X'`). */
  name?: string;
  /** Accept NaN (and null) as missing values; Infinity is always rejected. Default false. */
  allowNaN?: boolean;
  /** The number of features the data must have (the fitted `nFeaturesIn_`). */
  nFeatures?: number;
  /** The fewest rows accepted (default 1). */
  minSamples?: number;
  /**
   * Copy the data (default true). With false, input whose rows are consecutive views of one
   * `Float64Array` (as typelearn's own output matrices are) is read in place: use it only where the
   * result is never written to (predict paths).
   */
  copy?: boolean;
  /**
   * Skip the finiteness scan of flat input (default false), for a caller whose own pass over X
   * detects non-finite values (the fused kernel `core/kernels/linearPredict`) and then reports the
   * offending cell with `assertFinite`. Only where NaN is not allowed.
   */
  deferFinite?: boolean;
}

/**
 * True for an ml-matrix Matrix, from this or any other copy of the package.
 * @example
 * ```ts
 * import { Matrix } from 'ml-matrix';
 * import { isMatrix, StandardScaler } from 'typelearn';
 *
 * console.log(isMatrix(new Matrix([[1]])), isMatrix(new StandardScaler().fitTransform([[1], [2]])), isMatrix([[1]])); // true true false
 * ```
 */
export function isMatrix(value: unknown): value is Matrix {
  return Matrix.isMatrix(value);
}

function est(o: CheckArrayOptions): string {
  return o.estimator ?? 'typelearn';
}

/**
 * Validates a 2-d input and copies it into a {@link RowMajor} matrix. Throws {@link ValidationError}
 * for anything that is not a non-empty rectangular array of numbers (NaN only when allowed). Cells
 * follow the one cell rule of `core/data/cell.ts`: null and undefined are missing (NaN); booleans,
 * strings and ±Infinity are rejected.
 */
export function toDense(X: MatrixLike | unknown, options: CheckArrayOptions = {}): RowMajor {
  const name = options.name ?? 'X';
  const estimator = est(options);
  const fail = (expected: string, received: string): never => {
    throw new ValidationError({ code: 'invalid_input', estimator, param: name, expected, received });
  };
  let rows: number;
  let cols: number;
  let source: ArrayLike<ArrayLike<unknown>> | undefined;
  let mat: Matrix | undefined;
  let flat: Float64Array | undefined;
  if (isMatrix(X)) {
    mat = X;
    rows = X.rows;
    cols = X.columns;
    // typelearn's own outputs are read in place; any other matrix through its public `get`.
    flat = flatOf(X);
  } else if (Array.isArray(X)) {
    rows = X.length;
    if (rows === 0) fail('a non-empty 2-d array (at least 1 sample)', 'an empty array');
    const first: unknown = X[0];
    if (first === null || typeof first !== 'object' || (!Array.isArray(first) && !ArrayBuffer.isView(first))) {
      if (first !== null && typeof first === 'object') {
        fail(
          'a 2-d array of numbers (rows of arrays); records (rows as objects) are accepted only by ColumnTransformer and other column selectors',
          'an array of objects',
        );
      }
      fail('a 2-d array (an array of rows)', `a 1-d array (first row is ${describeValue(first)}); reshape it to [[x0], [x1], ...] for a single feature`);
    }
    cols = (first as ArrayLike<unknown>).length;
    source = X as ArrayLike<ArrayLike<unknown>>;
  } else {
    return fail('a 2-d array, rows of typed arrays or an ml-matrix Matrix', describeValue(X));
  }
  const minSamples = options.minSamples ?? 1;
  if (rows < minSamples) fail(`at least ${minSamples} sample${minSamples === 1 ? '' : 's'}`, `${rows}`);
  if (cols === 0) fail('at least 1 feature', '0 features');
  if (options.nFeatures !== undefined) checkFeatureCount(cols, options.nFeatures, estimator, name);
  const span = flat ?? (source ? contiguousSpan(source as ArrayLike<number>[], cols) : undefined);
  const data = span && options.copy === false ? span : new Float64Array(rows * cols);
  // One pass copies and sums v − v, which is 0 for finite values and NaN after any NaN or ±Infinity;
  // only a row flagged so is scanned again for the exact cell to report.
  let flagged = 0;
  if (span) {
    if (data !== span) data.set(span);
    flagged = options.deferFinite ? 0 : nonFiniteFlag(data);
  } else {
    for (let i = 0; i < rows; i++) {
      const off = i * cols;
      if (source) {
        const row = source[i];
        if (row === null || typeof row !== 'object' || typeof row.length !== 'number') {
          fail('a 2-d array whose rows are arrays', `row ${i}: ${describeValue(row)}`);
        }
        if (row.length !== cols) {
          fail(`rows of equal length (a rectangular array of ${cols} columns)`, `row ${i} of length ${row.length}`);
        }
        if (ArrayBuffer.isView(row)) {
          if (row instanceof DataView || row instanceof BigInt64Array || row instanceof BigUint64Array) {
            fail('rows of numbers (arrays or typed arrays of numbers; convert BigInt rows with Float64Array.from(row, Number))', `row ${i}: ${describeValue(row)}`);
          }
          const r = row as unknown as ArrayLike<number>;
          for (let j = 0; j < cols; j++) {
            const v = r[j];
            data[off + j] = v;
            flagged += v - v;
          }
        } else {
          for (let j = 0; j < cols; j++) {
            const v = row[j];
            if (typeof v === 'number') {
              data[off + j] = v;
              flagged += v - v;
            } else if (v === null || v === undefined) {
              data[off + j] = NaN;
              flagged = NaN;
            } else throw cellError(v, { estimator, param: name, where: `row ${i}, column ${j}` });
          }
        }
      } else {
        for (let j = 0; j < cols; j++) {
          const v = (mat as Matrix).get(i, j);
          data[off + j] = v;
          flagged += v - v;
        }
      }
    }
  }
  if (flagged !== 0) assertFinite(data, cols, options);
  return rowMajor(data, rows, cols);
}

/**
 * Throws the {@link ValidationError} of {@link toDense} for the first non-finite value of a flat
 * row-major buffer at or after row `fromRow` (NaN passes when `options.allowNaN`); returns when
 * there is none.
 */
export function assertFinite(data: Float64Array, cols: number, options: CheckArrayOptions = {}, fromRow = 0): void {
  const name = options.name ?? 'X';
  const estimator = est(options);
  const allowNaN = options.allowNaN ?? false;
  for (let k = fromRow * cols; k < data.length; k++) {
    const v = data[k];
    if (v - v === 0) continue;
    const i = Math.floor(k / cols);
    const j = k % cols;
    if (Number.isNaN(v)) {
      if (!allowNaN) {
        throw new ValidationError({
          code: 'invalid_input',
          estimator,
          param: name,
          expected: `finite numbers (${estimator} does not accept missing values; impute them first, e.g. with SimpleImputer)`,
          received: `NaN at row ${i}, column ${j}`,
        });
      }
    } else {
      throw cellError(v, { estimator, param: name, where: `row ${i}, column ${j}` });
    }
  }
}

/**
 * 0 when every value is finite, NaN otherwise: Σ (v − v) over four independent sums, so the adds do
 * not wait on one another.
 */
function nonFiniteFlag(a: Float64Array): number {
  let f0 = 0;
  let f1 = 0;
  let f2 = 0;
  let f3 = 0;
  const n = a.length;
  let k = 0;
  for (; k + 3 < n; k += 4) {
    f0 += a[k] - a[k];
    f1 += a[k + 1] - a[k + 1];
    f2 += a[k + 2] - a[k + 2];
    f3 += a[k + 3] - a[k + 3];
  }
  for (; k < n; k++) f0 += a[k] - a[k];
  return f0 + f1 + f2 + f3;
}

/** When rows are consecutive `Float64Array` views of one buffer (a flat buffer cut into rows), that span. */
function contiguousSpan(rows: ArrayLike<number>[], cols: number): Float64Array | undefined {
  const first = rows[0];
  if (!(first instanceof Float64Array)) return undefined;
  const buf = first.buffer;
  const base = first.byteOffset;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (!(r instanceof Float64Array) || r.buffer !== buf || r.byteOffset !== base + i * cols * 8 || r.length !== cols) return undefined;
  }
  return new Float64Array(buf, base, rows.length * cols);
}

/** Options of {@link columnsToColMajor}: those of {@link CheckArrayOptions} and the storage type. */
export interface ColumnsOptions<T extends Float64Array | Float32Array> extends Omit<CheckArrayOptions, 'copy'> {
  /** The typed array to store into (default `Float64Array`; `Float32Array` keeps float32 data float32). */
  storage?: new (length: number) => T;
}

/**
 * Validates data given as columns (one array per feature, as Arrow and other columnar sources hold
 * it) and copies them into one {@link ColMajor} buffer, without a row-major round trip. Cells follow
 * the same rule as {@link toDense} (and report the same "row i, column j"); with
 * `storage: Float32Array` the values are stored as float32, and a finite number too large for
 * float32 is rejected.
 */
export function columnsToColMajor<T extends Float64Array | Float32Array = Float64Array>(
  columns: ReadonlyArray<ArrayLike<unknown>>,
  options: ColumnsOptions<T> = {},
): ColMajor<T> {
  const name = options.name ?? 'X';
  const estimator = est(options);
  const fail = (expected: string, received: string): never => {
    throw new ValidationError({ code: 'invalid_input', estimator, param: name, expected, received });
  };
  if (!Array.isArray(columns)) return fail('an array of columns (one array of numbers per feature)', describeValue(columns));
  const cols = columns.length;
  if (cols === 0) fail('at least 1 feature', '0 columns');
  const first: unknown = columns[0];
  if (first === null || typeof first !== 'object' || typeof (first as ArrayLike<unknown>).length !== 'number') {
    fail('an array of columns (one array of numbers per feature)', `column 0: ${describeValue(first)}`);
  }
  const rows = (first as ArrayLike<unknown>).length;
  const minSamples = options.minSamples ?? 1;
  if (rows < minSamples) fail(`at least ${minSamples} sample${minSamples === 1 ? '' : 's'}`, `${rows}`);
  if (options.nFeatures !== undefined) checkFeatureCount(cols, options.nFeatures, estimator, name);
  const Storage = options.storage ?? (Float64Array as unknown as new (length: number) => T);
  const data = new Storage(rows * cols);
  const allowNaN = options.allowNaN ?? false;
  for (let j = 0; j < cols; j++) {
    const c: unknown = columns[j];
    if (c === null || typeof c !== 'object' || typeof (c as ArrayLike<unknown>).length !== 'number') {
      fail('an array of columns (one array of numbers per feature)', `column ${j}: ${describeValue(c)}`);
    }
    const col = c as ArrayLike<unknown>;
    if (col.length !== rows) fail(`columns of equal length (${rows} rows)`, `column ${j} of length ${col.length}`);
    const off = j * rows;
    for (let i = 0; i < rows; i++) {
      const v = col[i];
      const x = cellNumber(v);
      if (x === undefined) throw cellError(v, { estimator, param: name, where: `row ${i}, column ${j}` });
      data[off + i] = x;
      const stored = data[off + i];
      if (stored - stored !== 0) {
        if (Number.isNaN(stored)) {
          if (!allowNaN) {
            fail(`finite numbers (${estimator} does not accept missing values; impute them first, e.g. with SimpleImputer)`, `NaN at row ${i}, column ${j}`);
          }
        } else fail('finite numbers that fit the storage type', `${describeValue(v)} at row ${i}, column ${j}`);
      }
    }
  }
  return colMajor(data, rows, cols);
}

/**
 * Validates a 2-d input and returns a copy as an ml-matrix `Matrix`. For use in custom estimators.
 * @example
 * ```ts
 * import { checkArray } from 'typelearn';
 * const X = checkArray([[1, 2], [3, 4]]);
 * console.log(X.rows, X.columns); // 2 2
 * ```
 */
export function checkArray(X: MatrixLike, options: CheckArrayOptions = {}): Matrix {
  return toMatrix(toDense(X, options));
}

/**
 * Validates a numeric 1-d target and copies it into a `Float64Array`.
 * @example
 * ```ts
 * import { toTarget } from 'typelearn';
 *
 * console.log(toTarget([1, 2.5])); // Float64Array(2) [ 1, 2.5 ]
 * ```
 */
export function toTarget(y: unknown, options: { estimator?: string; name?: string; length?: number } = {}): Float64Array {
  const estimator = options.estimator ?? 'typelearn';
  const name = options.name ?? 'y';
  const fail = (expected: string, received: string): never => {
    throw new ValidationError({ code: 'invalid_input', estimator, param: name, expected, received });
  };
  if (!isArrayLike(y)) return fail('a 1-d array of numbers', describeValue(y));
  if (options.length !== undefined && y.length !== options.length) {
    fail(`the same number of samples as X (${options.length})`, `${y.length}`);
  }
  if (y.length === 0) fail('a non-empty array', 'an empty array');
  const out = new Float64Array(y.length);
  for (let i = 0; i < y.length; i++) {
    const v = y[i];
    if (typeof v !== 'number') {
      fail('numbers (a 1-d array; for several targets use one model per target)', `${describeValue(v)} at index ${i}`);
    }
    if (!Number.isFinite(v)) fail('finite numbers', `${v} at index ${i}`);
    out[i] = v as number;
  }
  return out;
}

/**
 * Validates a 1-d array of class labels (numbers, strings or booleans) and copies it.
 * @example
 * ```ts
 * import { toLabels } from 'typelearn';
 *
 * console.log(toLabels(['cat', 'dog'])); // [ 'cat', 'dog' ]
 * try {
 *   toLabels([1, null], { estimator: 'MyClassifier' });
 * } catch (e) {
 *   console.log((e as Error).name); // ValidationError
 * }
 * ```
 */
export function toLabels(y: unknown, options: { estimator?: string; name?: string; length?: number } = {}): Label[] {
  const estimator = options.estimator ?? 'typelearn';
  const name = options.name ?? 'y';
  const fail = (expected: string, received: string): never => {
    throw new ValidationError({ code: 'invalid_input', estimator, param: name, expected, received });
  };
  if (!isArrayLike(y)) return fail('a 1-d array of labels', describeValue(y));
  if (options.length !== undefined && y.length !== options.length) {
    fail(`the same number of samples as X (${options.length})`, `${y.length}`);
  }
  if (y.length === 0) fail('a non-empty array', 'an empty array');
  const out = new Array<Label>(y.length);
  let kind: string | undefined;
  for (let i = 0; i < y.length; i++) {
    const v = y[i];
    const t = typeof v;
    if (t !== 'number' && t !== 'string' && t !== 'boolean') {
      fail('labels that are numbers, strings or booleans', `${describeValue(v)} at index ${i}`);
    }
    if (t === 'number' && !Number.isFinite(v)) fail('finite labels', `${v} at index ${i}`);
    if (kind === undefined) kind = t;
    else if (kind !== t) fail('labels all of one type', `a mix of ${kind} and ${t} labels`);
    out[i] = v as Label;
  }
  return out;
}

/** Compares strings by Unicode code point, as Python and numpy do (JS `<` compares UTF-16 units). */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return (a.codePointAt(i) as number) - (b.codePointAt(i) as number);
  }
  return a.length - b.length;
}

/**
 * Compares labels the way numpy sorts them: numbers numerically, strings by code point, false < true.
 * @example
 * ```ts
 * import { compareLabels } from 'typelearn';
 *
 * console.log([10, 9, 2].sort(compareLabels), ['b', 'B', 'a'].sort(compareLabels)); // [ 2, 9, 10 ] [ 'B', 'a', 'b' ]
 * ```
 */
export function compareLabels(a: Label, b: Label): number {
  if (typeof a === 'string' && typeof b === 'string') return compareCodePoints(a, b);
  const x = Number(a);
  const y = Number(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * The sorted distinct labels of `y`, as scikit-learn's `np.unique`.
 * @example
 * ```ts
 * import { uniqueLabels } from 'typelearn';
 *
 * console.log(uniqueLabels(['b', 'a', 'b']), uniqueLabels([true, false, true])); // [ 'a', 'b' ] [ false, true ]
 * ```
 */
export function uniqueLabels(y: ArrayLike<Label>): Label[] {
  const seen = new Set<Label>();
  for (let i = 0; i < y.length; i++) seen.add(y[i]);
  return [...seen].sort(compareLabels);
}

/**
 * A classifier's y, checked: one label per sample, at least two classes. The labels as given, the
 * sorted classes and each sample's class index.
 */
export function classTarget(y: unknown, length: number, estimator: string): { labels: Label[]; classes: Label[]; codes: Int32Array } {
  const labels = toLabels(y, { estimator, length });
  const classes = uniqueLabels(labels);
  requireTwoClasses(classes, estimator);
  return { labels, classes, codes: encodeLabels(labels, classes, estimator) };
}

/** Throws the `feature_mismatch` {@link ValidationError} when data has `cols` features, not `expected`. */
function checkFeatureCount(cols: number, expected: number, estimator: string, name: string): void {
  if (cols === expected) return;
  throw new ValidationError({
    code: 'feature_mismatch',
    estimator,
    param: name,
    expected: `${expected} features`,
    received: `${cols} features`,
    message: `${name} has ${cols} features, but ${estimator} is expecting ${expected} features as input.`,
  });
}

/** Throws the {@link ValidationError} of a classifier fitted on fewer than two classes. */
export function requireTwoClasses(classes: readonly Label[], estimator: string): void {
  if (classes.length >= 2) return;
  throw new ValidationError({
    code: 'invalid_input',
    estimator,
    param: 'y',
    expected: 'samples of at least 2 classes',
    received: `only one class (${JSON.stringify(classes[0])})`,
  });
}

/**
 * Maps each label of `y` to its index in `classes` (which must contain it).
 * @example
 * ```ts
 * import { encodeLabels } from 'typelearn';
 *
 * console.log(encodeLabels(['b', 'a', 'b'], ['a', 'b'])); // Int32Array(3) [ 1, 0, 1 ]
 * ```
 */
export function encodeLabels(y: ArrayLike<Label>, classes: readonly Label[], estimator = 'typelearn'): Int32Array {
  const index = new Map<Label, number>();
  classes.forEach((c, i) => index.set(c, i));
  const out = new Int32Array(y.length);
  for (let i = 0; i < y.length; i++) {
    const k = index.get(y[i]);
    if (k === undefined) {
      throw new ValidationError({
        code: 'invalid_input',
        estimator,
        param: 'y',
        expected: `labels among the known classes [${classes.map((c) => describeValue(c)).join(', ')}]`,
        received: `${describeValue(y[i])} at index ${i}`,
      });
    }
    out[i] = k;
  }
  return out;
}

/** Validates per-sample weights: finite, non-negative, one per sample, not all zero. */
export function toSampleWeight(w: unknown, n: number, estimator = 'typelearn'): Float64Array {
  const out = toTarget(w, { estimator, name: 'sampleWeight', length: n });
  let sum = 0;
  for (let i = 0; i < n; i++) {
    if (out[i] < 0) {
      throw new ValidationError({
        code: 'invalid_input',
        estimator,
        param: 'sampleWeight',
        expected: 'non-negative weights',
        received: `${out[i]} at index ${i}`,
      });
    }
    sum += out[i];
  }
  if (!(sum > 0)) {
    throw new ValidationError({ code: 'invalid_input', estimator, param: 'sampleWeight', expected: 'weights with a positive sum', received: 'all zeros' });
  }
  return out;
}

/**
 * Validates X and a numeric y together (same number of samples, finite values) and returns copies.
 * For use in custom regressors.
 * @example
 * ```ts
 * import { checkXy } from 'typelearn';
 * const [X, y] = checkXy([[1], [2], [3]], [2, 4, 6]);
 * console.log(X.rows, y.length); // 3 3
 * ```
 */
export function checkXy(X: MatrixLike, y: ArrayLike<number>, options?: CheckArrayOptions): [Matrix, Float64Array];
/** Validates X and class labels together; for use in custom classifiers. */
export function checkXy(X: MatrixLike, y: ArrayLike<Label>, options: CheckArrayOptions & { labels: true }): [Matrix, Label[]];
export function checkXy(
  X: MatrixLike,
  y: ArrayLike<Label>,
  options: CheckArrayOptions & { labels?: boolean } = {},
): [Matrix, Float64Array | Label[]] {
  const d = toDense(X, options);
  const yy = options.labels
    ? toLabels(y, { estimator: options.estimator, length: d.rows })
    : toTarget(y, { estimator: options.estimator, length: d.rows });
  return [toMatrix(d), yy];
}
