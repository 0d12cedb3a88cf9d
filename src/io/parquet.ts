import { ValidationError, describeValue } from '../core/errors';
import { assembleBatch, resolveColumns, sliceColumn, type ColumnSelection, type ColumnValues, type DataBatch } from './batch';

/** A file that can hand out byte ranges (hyparquet's AsyncBuffer; `typelearn/node` makes one from a path). */
export interface AsyncBufferLike {
  /** The size of the file in bytes. */
  byteLength: number;
  /** The bytes in [start, end) (to the end when `end` is omitted). */
  slice(start: number, end?: number): ArrayBuffer | Promise<ArrayBuffer>;
}

/** What readParquetBatches reads: an ArrayBuffer, a Blob/File, or an async buffer. */
export type ParquetSource = ArrayBuffer | Uint8Array | Blob | AsyncBufferLike;

/** Options of {@link readParquetBatches}. */
export interface ParquetOptions extends ColumnSelection {
  /** Rows per batch at most; a row group is cut into batches of this size (batches never span row groups). @defaultValue 65536 */
  batchRows?: number;
}

const NAME = 'readParquetBatches';

/** Timestamps and dates as milliseconds since 1970 (numbers), never as Date objects (one per value). */
const TIME_AS_NUMBER = {
  timestampFromMilliseconds: (ms: bigint): number => Number(ms),
  timestampFromMicroseconds: (us: bigint): number => Number(us) / 1e3,
  timestampFromNanoseconds: (ns: bigint): number => Number(ns) / 1e6,
  dateFromDays: (days: number): number => days * 86_400_000,
};

function isBlob(s: unknown): s is Blob {
  return typeof Blob !== 'undefined' && s instanceof Blob;
}

function toAsyncBuffer(source: ParquetSource): AsyncBufferLike {
  if (source instanceof ArrayBuffer) return source;
  if (source instanceof Uint8Array) {
    const whole = source.byteOffset === 0 && source.byteLength === source.buffer.byteLength && source.buffer instanceof ArrayBuffer;
    return whole ? (source.buffer as ArrayBuffer) : source.slice().buffer;
  }
  if (isBlob(source)) {
    return { byteLength: source.size, slice: (start, end) => source.slice(start, end).arrayBuffer() };
  }
  const o = source as Partial<AsyncBufferLike> | null;
  if (o !== null && typeof o === 'object' && typeof o.byteLength === 'number' && typeof o.slice === 'function') return o as AsyncBufferLike;
  throw new ValidationError({
    code: 'invalid_input',
    estimator: NAME,
    param: 'source',
    expected: 'an ArrayBuffer, a Uint8Array, a Blob/File or an async buffer ({ byteLength, slice })',
    received: describeValue(source),
  });
}

/** A decoded Parquet column as numbers (nulls → NaN; bigints, booleans and timestamps (ms since 1970) → numbers) or strings. */
function toColumn(values: ArrayLike<unknown>): ColumnValues {
  const n = values.length;
  if (values instanceof Float64Array) return values;
  if (ArrayBuffer.isView(values)) {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = Number(values[i]);
    return out;
  }
  if (Array.isArray(values)) {
    // Text as decoded (strings and nulls only): kept as it is, no copy. The reader owns this array.
    let text = n > 0;
    let any = false;
    for (let i = 0; i < n && text; i++) {
      const v: unknown = values[i];
      if (typeof v === 'string') any = true;
      else if (v !== null) text = false;
    }
    if (text && any) return values as Array<string | null>;
  }
  let first: unknown;
  for (let i = 0; i < n && first === undefined; i++) if (values[i] !== null && values[i] !== undefined) first = values[i];
  if (first === undefined || typeof first === 'number' || typeof first === 'bigint' || typeof first === 'boolean' || first instanceof Date) {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v = values[i];
      out[i] = v === null || v === undefined ? NaN : v instanceof Date ? v.getTime() : Number(v);
    }
    return out;
  }
  const out: Array<string | null> = new Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    out[i] = v === null || v === undefined ? null : String(v);
  }
  return out;
}

/**
 * Reads a Parquet file row group by row group, as batches of at most `batchRows` rows, with the
 * pure-JavaScript reader `hyparquet` (snappy, zstd, gzip, brotli, lz4 through
 * `hyparquet-compressors`): no native build, in Node and in browsers. Only the asked-for columns'
 * bytes are read. Each batch is `{ X, y, columns, rows }`, the shape `fitStream` takes. A damaged
 * file rejects with an error naming the row group.
 *
 * Needs the optional peer dependencies `hyparquet` and `hyparquet-compressors`.
 * @example
 * ```ts
 * import { parquetWriteBuffer } from 'hyparquet-writer';
 * import { readParquetBatches } from 'typelearn/io';
 *
 * // A small Parquet file in memory (a Blob, a File or a file on disk through typelearn/node work alike).
 * const file = parquetWriteBuffer({
 *   columnData: [
 *     { name: 'x', data: new Float64Array([1, 2, 3]), type: 'DOUBLE', nullable: false },
 *     { name: 'y', data: new Float64Array([2, 4, 6]), type: 'DOUBLE', nullable: false },
 *   ],
 * });
 * for await (const batch of readParquetBatches(file, { target: 'y', batchRows: 2 })) {
 *   console.log(batch.rows, batch.columns); // 2 [ 'x' ]
 *   break;
 * }
 * ```
 */
export async function* readParquetBatches(source: ParquetSource, options: ParquetOptions = {}): AsyncGenerator<DataBatch> {
  const batchRows = options.batchRows ?? 65536;
  if (!Number.isInteger(batchRows) || batchRows < 1) {
    throw new ValidationError({ code: 'invalid_option', estimator: NAME, param: 'batchRows', expected: 'an integer >= 1', received: describeValue(batchRows) });
  }
  const file = toAsyncBuffer(source);
  const [{ parquetMetadataAsync, parquetRead, parquetSchema }, { compressors }] = await Promise.all([import('hyparquet'), import('hyparquet-compressors')]);
  let metadata;
  try {
    metadata = await parquetMetadataAsync(file);
  } catch (e) {
    throw new Error(`${NAME}: not a readable Parquet file (${e instanceof Error ? e.message : String(e)})`, { cause: e });
  }
  const names = parquetSchema(metadata).children.map((c) => c.element.name);
  const { features, target } = resolveColumns(NAME, names, options);
  const wanted = target === undefined ? features : [...features, target];
  let groupStart = 0;
  for (let g = 0; g < metadata.row_groups.length; g++) {
    const groupRows = Number(metadata.row_groups[g].num_rows);
    const chunks = new Map<string, ArrayLike<unknown>>();
    try {
      await parquetRead({
        file,
        metadata,
        columns: wanted,
        rowStart: groupStart,
        rowEnd: groupStart + groupRows,
        compressors,
        parsers: TIME_AS_NUMBER,
        onChunk: (chunk) => {
          // One chunk per column and row group when the whole group is read.
          if (chunk.rowStart === groupStart && chunk.rowEnd - chunk.rowStart === groupRows) chunks.set(chunk.columnName, chunk.columnData);
          else chunks.set(chunk.columnName, Array.from(chunk.columnData as ArrayLike<unknown>).slice(groupStart - chunk.rowStart, groupStart - chunk.rowStart + groupRows));
        },
      });
    } catch (e) {
      throw new Error(`${NAME}: row group ${g} (rows ${groupStart}-${groupStart + groupRows - 1}) is damaged or unreadable: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
    }
    const cols = wanted.map((name) => {
      const c = chunks.get(name);
      if (c === undefined || c.length !== groupRows) {
        throw new Error(`${NAME}: row group ${g} gave ${c === undefined ? 'no' : c.length} values for column ${JSON.stringify(name)}, expected ${groupRows}`);
      }
      return toColumn(c);
    });
    const y = target === undefined ? undefined : cols.pop();
    for (let s = 0; s < groupRows; s += batchRows) {
      const e = Math.min(groupRows, s + batchRows);
      yield assembleBatch(
        NAME,
        features,
        cols.map((c) => sliceColumn(c, s, e)),
        e - s,
        y === undefined ? undefined : sliceColumn(y, s, e),
        options.as,
      );
    }
    groupStart += groupRows;
  }
}
