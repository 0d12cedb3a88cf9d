import { ValidationError, describeValue } from '../core/errors';
import { assembleBatch, resolveColumns, type BatchForm, type ColumnSelection, type ColumnValues, type DataBatch } from './batch';

/** What readCsvBatches reads: text or bytes in chunks (a Node stream is one), a Blob/File, or a web ReadableStream. */
export type CsvSource =
  | AsyncIterable<string | Uint8Array>
  | Iterable<string | Uint8Array>
  | {
      /** The bytes as a web stream (a `Blob` or `File`). */
      stream(): ReadableStream<Uint8Array>;
    }
  | ReadableStream<Uint8Array | string>
  | string;

/** Options of {@link readCsvBatches}. */
export interface CsvOptions extends ColumnSelection {
  /** Rows per batch. @defaultValue 65536 */
  batchRows?: number;
  /** Cells that mean "missing": NaN in numeric columns, null in text columns. @defaultValue ['', 'NA', 'NaN', 'null'] */
  missing?: string[];
  /** Column types; columns not named here are inferred from the first batch (numeric when every present cell is a number). */
  types?: Record<string, 'number' | 'string'>;
  /** The field separator. @defaultValue ',' */
  delimiter?: string;
}

const NAME = 'readCsvBatches';

function fail(param: string, expected: string, received: string): never {
  throw new ValidationError({ code: 'invalid_input', estimator: NAME, param, expected, received });
}

function isReadableStream(s: unknown): s is ReadableStream<Uint8Array | string> {
  return typeof s === 'object' && s !== null && typeof (s as ReadableStream).getReader === 'function';
}

/**
 * The source as text chunks, without a leading byte-order mark: TextDecoder drops it from bytes, but
 * text given as a string (or string chunks) keeps it, and the first column's name would start with it.
 */
async function* textChunks(source: CsvSource): AsyncGenerator<string> {
  let first = true;
  for await (const chunk of decodedChunks(source)) {
    if (first && chunk.length > 0) {
      first = false;
      const rest = chunk.charCodeAt(0) === 0xfeff ? chunk.slice(1) : chunk;
      if (rest.length > 0) yield rest;
    } else if (chunk.length > 0) {
      yield chunk;
    }
  }
}

/** The source as text chunks, decoded as UTF-8 across chunk boundaries. */
async function* decodedChunks(source: CsvSource): AsyncGenerator<string> {
  if (typeof source === 'string') {
    yield source;
    return;
  }
  const decoder = new TextDecoder('utf-8');
  const decode = (c: string | Uint8Array): string => (typeof c === 'string' ? c : decoder.decode(c, { stream: true }));
  if (isReadableStream(source)) {
    const reader = source.getReader();
    try {
      for (;;) {
        const r = await reader.read();
        if (r.done) break;
        yield decode(r.value);
      }
    } finally {
      reader.releaseLock();
    }
  } else if (typeof (source as { stream?: unknown }).stream === 'function') {
    yield* decodedChunks((source as { stream(): ReadableStream<Uint8Array> }).stream());
    return;
  } else if (typeof (source as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function' || typeof (source as Iterable<unknown>)[Symbol.iterator] === 'function') {
    for await (const c of source as AsyncIterable<string | Uint8Array>) {
      if (typeof c !== 'string' && !(c instanceof Uint8Array)) fail('source', 'chunks of text or bytes', describeValue(c));
      yield decode(c);
    }
  } else {
    fail('source', 'a string, a Blob/File, a web ReadableStream or an (async) iterable of text or bytes (e.g. a Node stream)', describeValue(source));
  }
  const tail = decoder.decode();
  if (tail) yield tail;
}

/**
 * Splits CSV text (RFC 4180: quoted fields, "" inside quotes, CRLF or LF) into records of fields,
 * across chunk boundaries. Yields arrays of complete records per chunk.
 */
async function* csvRecords(source: CsvSource, delimiter: string): AsyncGenerator<string[][]> {
  const d = delimiter.charCodeAt(0);
  let field = '';
  let rec: string[] = [];
  let inQuotes = false;
  let quotePending = false; // saw a quote inside quotes: either the close or the first of ""
  let sawAny = false;
  for await (const chunk of textChunks(source)) {
    const out: string[][] = [];
    let start = 0; // start of the unquoted run being accumulated into field
    const n = chunk.length;
    for (let i = 0; i < n; i++) {
      const c = chunk.charCodeAt(i);
      if (inQuotes) {
        if (quotePending) {
          quotePending = false;
          if (c === 34) {
            field += '"';
            start = i + 1;
            continue;
          }
          inQuotes = false; // the pending quote closed the field; fall through to unquoted handling
          start = i;
        } else {
          if (c === 34) {
            field += chunk.slice(start, i);
            quotePending = true;
          }
          continue;
        }
      }
      sawAny = true;
      if (c === 34 && i === start && field === '') {
        inQuotes = true;
        start = i + 1;
      } else if (c === d) {
        rec.push(field + chunk.slice(start, i));
        field = '';
        start = i + 1;
      } else if (c === 10 || c === 13) {
        rec.push(field + chunk.slice(start, i));
        field = '';
        if (c === 13 && chunk.charCodeAt(i + 1) === 10) i++;
        start = i + 1;
        if (!(rec.length === 1 && rec[0] === '')) out.push(rec); // skip blank lines
        rec = [];
        sawAny = false;
      }
    }
    if (inQuotes) {
      if (!quotePending) field += chunk.slice(start);
    } else {
      field += chunk.slice(start);
    }
    if (out.length > 0) yield out;
  }
  if (inQuotes && !quotePending) fail('source', 'a closing quote for every quoted field', 'the end of the input inside a quoted field');
  if (sawAny || rec.length > 0 || field !== '') {
    rec.push(field);
    if (!(rec.length === 1 && rec[0] === '')) yield [rec];
  }
}

const NUMBER = /^\s*[+-]?(\d+\.?\d*([eE][+-]?\d+)?|\.\d+([eE][+-]?\d+)?|Infinity)\s*$/;

/**
 * Reads CSV in batches of `batchRows` rows, from a Node stream, a `Blob`/`File`, a web
 * `ReadableStream` or a string, with a header line. Column types are taken from `types` or
 * inferred from the first batch (a column is numeric when every present cell is a number); a later
 * cell that is not a number in a numeric column is an error naming the batch, row and column.
 * Missing-value markers become NaN (numbers) or null (text). Each batch is `{ X, y, columns,
 * rows }`, the shape `fitStream` takes.
 *
 * @example
 * ```ts
 * import { readCsvBatches } from 'typelearn/io';
 * const csv = 'a,b,city\n1,2,Oslo\n3,NA,Rome\n5,6,\n';
 * for await (const batch of readCsvBatches(csv, { batchRows: 2, target: 'city' })) {
 *   console.log(batch.rows); // 2
 *   break;
 * }
 * ```
 */
export async function* readCsvBatches(source: CsvSource, options: CsvOptions = {}): AsyncGenerator<DataBatch> {
  const batchRows = options.batchRows ?? 65536;
  if (!Number.isInteger(batchRows) || batchRows < 1) {
    throw new ValidationError({ code: 'invalid_option', estimator: NAME, param: 'batchRows', expected: 'an integer >= 1', received: describeValue(batchRows) });
  }
  const delimiter = options.delimiter ?? ',';
  if (typeof delimiter !== 'string' || delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
    throw new ValidationError({ code: 'invalid_option', estimator: NAME, param: 'delimiter', expected: 'one character other than a quote or a line break', received: describeValue(delimiter) });
  }
  const missing = new Set(options.missing ?? ['', 'NA', 'NaN', 'null']);
  const form: BatchForm = options.as ?? 'auto';

  let header: string[] | undefined;
  let picks: number[] = [];
  let features: string[] = [];
  let targetIdx = -1;
  let numeric: boolean[] = []; // per picked column (features then target)
  let pending: string[][] = [];
  let row = 1; // data rows, from 1
  let batchIndex = 0;

  const flush = (rows: string[][], firstLine: number): DataBatch => {
    const m = rows.length;
    if (batchIndex === 0 && numeric.length === 0) {
      numeric = picks.map((j) => {
        const name = header![j];
        const declared = options.types?.[name];
        if (declared !== undefined) {
          if (declared !== 'number' && declared !== 'string') fail(`types.${name}`, "'number' or 'string'", describeValue(declared));
          return declared === 'number';
        }
        for (let i = 0; i < m; i++) {
          const s = rows[i][j];
          if (missing.has(s)) continue;
          if (!NUMBER.test(s)) return false;
        }
        return true; // all missing in the first batch: numeric (NaN); declare `types` otherwise
      });
    }
    const cols: ColumnValues[] = picks.map((j, k) => {
      if (numeric[k]) {
        const out = new Float64Array(m);
        for (let i = 0; i < m; i++) {
          const s = rows[i][j];
          if (missing.has(s)) out[i] = NaN;
          else if (NUMBER.test(s)) out[i] = Number(s);
          else {
            fail('source', `a number or a missing-value marker in numeric column ${JSON.stringify(header![j])}`, `${describeValue(s)} in batch ${batchIndex}, row ${firstLine + i}`);
          }
        }
        return out;
      }
      const out: Array<string | null> = new Array(m);
      for (let i = 0; i < m; i++) {
        const s = rows[i][j];
        out[i] = missing.has(s) ? null : s;
      }
      return out;
    });
    const y = targetIdx >= 0 ? cols.pop() : undefined;
    const batch = assembleBatch(NAME, features, cols, m, y, form);
    batchIndex++;
    return batch;
  };

  let batchFirstLine = 1;
  for await (const records of csvRecords(source, delimiter)) {
    for (const rec of records) {
      if (header === undefined) {
        header = rec;
        const dup = header.find((h, i) => header!.indexOf(h) !== i);
        if (dup !== undefined) fail('source', 'a header of distinct column names', `${JSON.stringify(dup)} twice`);
        const sel = resolveColumns(NAME, header, options as ColumnSelection);
        features = sel.features;
        picks = features.map((f) => header!.indexOf(f));
        if (sel.target !== undefined) {
          targetIdx = header.indexOf(sel.target);
          picks.push(targetIdx);
        }
        continue;
      }
      if (rec.length !== header.length) {
        fail('source', `${header.length} fields per row (the header's column set)`, `${rec.length} fields in batch ${batchIndex}, row ${row}`);
      }
      pending.push(rec);
      row++;
      if (pending.length === batchRows) {
        yield flush(pending, batchFirstLine);
        pending = [];
        batchFirstLine = row;
      }
    }
  }
  if (header === undefined) fail('source', 'a header line', 'empty input');
  if (pending.length > 0) yield flush(pending, batchFirstLine);
}
