import type { Matrix } from 'ml-matrix';
import { isIncremental, type DataInput, type Incremental, type PartialFitOptions } from '../core/capabilities';
import { RowMajorMatrix } from '../core/data/RowMajorMatrix';
import { describeValue, ValidationError } from '../core/errors';
import { isMatrix } from '../core/validation';
import { ColumnTable } from '../core/tabular';
import type { Label, Records, Target } from '../core/types';

/** Flat row-major data without a Matrix around it: element (i, j) at `data[i * cols + j]`. */
export interface FlatRows {
  /** The numbers, row after row: element (i, j) at `data[i * cols + j]`. */
  data: Float64Array;
  /** The number of rows. */
  rows: number;
  /** The number of columns (features). */
  cols: number;
}

/** One batch of a stream: X (rows of numbers, a Matrix, flat rows, records or a ColumnTable), its target and weights. */
export interface StreamBatch {
  /** The batch's samples. */
  X: DataInput | FlatRows;
  /** The batch's targets (required by supervised estimators). */
  y?: Target;
  /** One weight per sample of the batch. */
  sampleWeight?: ArrayLike<number>;
}

/** Batches: any iterable or async iterable, or a function returning a fresh one for each epoch. */
export type BatchSource = Iterable<StreamBatch> | AsyncIterable<StreamBatch> | (() => Iterable<StreamBatch> | AsyncIterable<StreamBatch>);

/** What {@link fitStream} reports after each batch. */
export interface StreamProgress {
  /** Rows learnt so far (all epochs). */
  rows: number;
  /** Batches learnt so far (all epochs). */
  batches: number;
  /** The current epoch, from 1. */
  epoch: number;
  /** The number of epochs asked for. */
  epochs: number;
  /** Milliseconds since fitStream started. */
  elapsedMs: number;
  /** rows / elapsed seconds (0 before any time has passed). */
  rowsPerSecond: number;
}

/** The part of an `AbortSignal` that fitStream uses (Node's and the browsers' both fit). */
export interface AbortSignalLike {
  /** True once the signal has fired. */
  readonly aborted: boolean;
  /** Why it fired (thrown by `fitStream` when set). */
  readonly reason?: unknown;
  /** Calls `listener` when the signal fires. */
  addEventListener(type: 'abort', listener: () => void): void;
  /** Stops calling `listener`. */
  removeEventListener(type: 'abort', listener: () => void): void;
}

/** Options of {@link fitStream}. */
export interface FitStreamOptions {
  /** Passes over the batches; above 1 the source must be re-iterable (an array, or a function returning a fresh iterable). @defaultValue 1 */
  epochs?: number;
  /** Every class label, for a classifier's first `partialFit` (passed on every call). */
  classes?: readonly Label[];
  /** Called after every batch. */
  onProgress?: (progress: StreamProgress) => void;
  /** Cancels the stream: fitStream then rejects with an error named 'AbortError', and the estimator keeps what it learnt up to the last complete batch. */
  signal?: AbortSignalLike;
}

const NAME = 'fitStream';

/** An Error named 'AbortError' (as `fetch` and streams reject with), the signal's reason as its cause. */
function abortError(signal: AbortSignalLike): Error {
  const reason = signal.reason;
  if (reason instanceof Error && reason.name === 'AbortError') return reason;
  const e = new Error('fitStream was aborted.', { cause: reason });
  e.name = 'AbortError';
  return e;
}

function isFlatRows(X: unknown): X is FlatRows {
  if (X === null || typeof X !== 'object' || isMatrix(X) || Array.isArray(X)) return false;
  const o = X as Partial<FlatRows>;
  return o.data instanceof Float64Array && typeof o.rows === 'number' && typeof o.cols === 'number';
}

/** The batch's X as the estimator takes it (flat rows wrapped, not copied) and its column signature. */
function readBatch(batch: unknown, index: number): { X: DataInput; rows: number; columns: string } {
  const param = `batches[${index}]`;
  if (batch === null || typeof batch !== 'object' || !('X' in batch)) {
    throw new ValidationError({ code: 'invalid_input', estimator: NAME, param, expected: 'a batch { X, y?, sampleWeight? }', received: describeValue(batch) });
  }
  const X = (batch as StreamBatch).X;
  if (isFlatRows(X)) {
    if (!Number.isInteger(X.rows) || !Number.isInteger(X.cols) || X.rows < 0 || X.cols < 1 || X.data.length !== X.rows * X.cols) {
      throw new ValidationError({ code: 'invalid_input', estimator: NAME, param: `${param}.X`, expected: 'flat rows whose data holds rows × cols numbers', received: `rows ${X.rows}, cols ${X.cols}, ${X.data.length} numbers` });
    }
    return { X: RowMajorMatrix.fromFlat(X.data, X.rows, X.cols) as Matrix, rows: X.rows, columns: `${X.cols} columns` };
  }
  if (isMatrix(X)) return { X, rows: X.rows, columns: `${X.columns} columns` };
  if (X instanceof ColumnTable) return { X, rows: X.rows, columns: `the columns ${[...X.names].sort().join(', ')}` };
  if (Array.isArray(X)) {
    const first: unknown = X[0];
    if (first !== null && typeof first === 'object' && !Array.isArray(first) && !ArrayBuffer.isView(first)) {
      return { X: X as Records, rows: X.length, columns: `the columns ${Object.keys(first).sort().join(', ')}` };
    }
    const width = first !== null && typeof first === 'object' && 'length' in first ? (first as ArrayLike<unknown>).length : undefined;
    return { X: X as DataInput, rows: X.length, columns: width === undefined ? describeValue(first) : `${width} columns` };
  }
  throw new ValidationError({ code: 'invalid_input', estimator: NAME, param: `${param}.X`, expected: 'rows of numbers, a Matrix, flat rows { data, rows, cols }, records or a ColumnTable', received: describeValue(X) });
}

/** Resolves on the next macrotask, so that timers and abort events can run between batches. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * The iterator's next result, or a rejection as soon as the signal aborts (a source waiting for
 * data need not deliver first). The abort listener lives for this one call only: a long-lived
 * promise raced against every batch would keep every batch reachable.
 */
function nextOrAbort(it: Iterator<StreamBatch> | AsyncIterator<StreamBatch>, signal: AbortSignalLike | undefined): IteratorResult<StreamBatch> | Promise<IteratorResult<StreamBatch>> {
  const next = it.next();
  if (signal === undefined || !(next instanceof Promise)) return next;
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(abortError(signal));
    signal.addEventListener('abort', onAbort);
    next.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

function isIterator(v: object): boolean {
  const it = v as { [Symbol.iterator]?: () => unknown; [Symbol.asyncIterator]?: () => unknown };
  const sync = it[Symbol.iterator];
  const async = it[Symbol.asyncIterator];
  return (typeof sync === 'function' && sync.call(v) === v) || (typeof async === 'function' && async.call(v) === v);
}

function iteratorOf(source: Iterable<StreamBatch> | AsyncIterable<StreamBatch>): Iterator<StreamBatch> | AsyncIterator<StreamBatch> {
  const s = source as Partial<Iterable<StreamBatch> & AsyncIterable<StreamBatch>>;
  const async = s[Symbol.asyncIterator];
  if (typeof async === 'function') return async.call(source);
  const sync = s[Symbol.iterator];
  if (typeof sync === 'function') return sync.call(source);
  throw new ValidationError({ code: 'invalid_input', estimator: NAME, param: 'batches', expected: 'an Iterable or AsyncIterable of batches, or a function returning one', received: describeValue(source) });
}

/**
 * Trains an incremental estimator (anything with `partialFit`: scalers, SGD, naive Bayes, MLP, a
 * Pipeline of them) on a stream of batches, so data larger than memory is learnt batch by batch.
 * The batches come from any Iterable or AsyncIterable (an array, a generator, a Node stream of
 * parsed rows), or from a function that returns a fresh one for each epoch. Each batch is
 * `{ X, y?, sampleWeight? }`, X as rows, a Matrix, flat rows `{ data: Float64Array, rows, cols }`
 * (wrapped without a copy), records or a `ColumnTable` (the readers' `as: 'columns'`). A batch whose columns differ from the first batch's is a
 * ValidationError naming the batch's index. Resolves to the estimator.
 *
 * With `signal`, an abort rejects the promise with an error named 'AbortError'; the estimator keeps
 * the state of the last complete batch (each `partialFit` is synchronous and all-or-nothing).
 * @example
 * ```ts
 * import { fitStream, SGDRegressor } from 'typelearn';
 * function* batches() {
 *   for (let b = 0; b < 20; b++) {
 *     const X = Array.from({ length: 50 }, (_, i) => [((b * 50 + i) % 100) / 100]);
 *     yield { X, y: X.map(([x]) => 3 * x + 1) };
 *   }
 * }
 * const sgd = await fitStream(new SGDRegressor({ randomState: 0 }), batches, { epochs: 5 });
 * console.log(Math.round(sgd.predict([[0.5]])[0] * 10) / 10); // 2.5
 * ```
 */
export async function fitStream<E extends object>(estimator: E, batches: BatchSource, options: FitStreamOptions = {}): Promise<E> {
  if (!isIncremental(estimator)) {
    const name = (estimator as { className?: unknown }).className;
    throw new ValidationError({ code: 'unsupported', estimator: NAME, param: 'estimator', expected: 'an estimator with partialFit', received: typeof name === 'string' ? `${name}, which has no partialFit` : describeValue(estimator) });
  }
  const inc: Incremental = estimator;
  const epochs = options.epochs ?? 1;
  if (!Number.isInteger(epochs) || epochs < 1) {
    throw new ValidationError({ code: 'invalid_option', estimator: NAME, param: 'epochs', expected: 'an integer ≥ 1', received: describeValue(epochs) });
  }
  const { signal, onProgress, classes } = options;
  const start = performance.now();
  let lastYield = start;
  let rows = 0;
  let count = 0;
  let signature: string | undefined;
  for (let epoch = 1; epoch <= epochs; epoch++) {
      const source = typeof batches === 'function' ? batches() : batches;
      if (epochs > 1 && typeof batches !== 'function' && source !== null && typeof source === 'object' && isIterator(source) && epoch === 1) {
        throw new ValidationError({
          code: 'invalid_input',
          estimator: NAME,
          param: 'batches',
          expected: `with epochs ${epochs}, a re-iterable source (an array) or a function returning a fresh iterable per epoch`,
          received: 'an iterator, which can be read once',
        });
      }
      const it = iteratorOf(source);
      try {
        for (;;) {
          if (signal?.aborted) throw abortError(signal);
          const next = await nextOrAbort(it, signal);
          if (next.done) break;
          const { X, rows: n, columns } = readBatch(next.value, count);
          if (signature === undefined) signature = columns;
          else if (columns !== signature) {
            throw new ValidationError({ code: 'feature_mismatch', estimator: NAME, param: `batches[${count}]`, expected: `${signature}, as the first batch`, received: columns });
          }
          if (signal?.aborted) throw abortError(signal);
          const fitOptions: PartialFitOptions = {};
          if (classes !== undefined) fitOptions.classes = classes;
          if (next.value.sampleWeight !== undefined) fitOptions.sampleWeight = next.value.sampleWeight;
          inc.partialFit(X, next.value.y, fitOptions);
          rows += n;
          count += 1;
          const now = performance.now();
          const elapsedMs = now - start;
          onProgress?.({ rows, batches: count, epoch, epochs, elapsedMs, rowsPerSecond: elapsedMs > 0 ? (rows * 1000) / elapsedMs : 0 });
          // A synchronous source never yields by itself: let timers and abort events in now and then.
          if (now - lastYield > 20) {
            await nextTask();
            lastYield = performance.now();
          }
        }
      } catch (e) {
        await it.return?.();
        throw e;
      }
  }
  return estimator;
}
