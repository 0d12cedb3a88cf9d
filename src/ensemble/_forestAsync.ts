/**
 * The trees of a forest's `fitAsync`, grown in a {@link WorkerPool} (or in this thread for
 * `nJobs: 1`). The main thread checks and prepares everything and draws the seeds, as `fit` does;
 * the data crosses once to each worker (in SharedArrayBuffers where memory can be shared); each task is a range of tree indices, and its trees
 * come back with their buffers transferred, then sit in index order: the forest is `fit`'s, bit for bit.
 */
import type { TreeArrays } from '../tree/buildTree';
import { WorkerPool, WorkerTaskError, acquirePool } from '../parallel/pool';
import { tagWarning } from '../parallel/warnings';
import { ValidationError, describeValue, warn } from '../core/errors';
import { fitForestTree } from './_forestBuild';
import { shareForestData, type ForestTreesData, type ForestTreesTask } from './forestTask';
import type { PreparedForest } from './_forestCommon';
import { checkControlFields, throwIfAborted, type FitProgress } from '../core/fitControl';

/** Options of the forests' `fitAsync`. */
export interface ForestAsyncOptions {
  /** Workers to grow trees in; 1 grows them in this thread. @defaultValue 2 */
  nJobs?: number;
  /** Aborting terminates the workers and rejects with the signal's reason; the previous fit stays. */
  signal?: AbortSignal;
  /** A pool to run in (kept open afterwards) instead of one made and closed for this call. */
  pool?: WorkerPool;
  /** The worker script, for bundlers (see {@link WorkerPool}). */
  workerUrl?: string | URL;
  /** Optional non-negative weight per sample, as `fit`'s `sampleWeight`. */
  sampleWeight?: ArrayLike<number>;
  /** Called as trees come back (unit `'tree'`): after each tree in this thread, after each worker task's trees otherwise. */
  onProgress?: (progress: FitProgress) => void;
}

const KEYS = new Set(['nJobs', 'signal', 'pool', 'workerUrl', 'sampleWeight', 'onProgress']);

/** Checks `fitAsync`'s options (before anything is prepared). */
export function checkForestAsyncOptions(estimator: string, o: unknown): ForestAsyncOptions {
  if (o === undefined) return {};
  if (typeof o !== 'object' || o === null || Array.isArray(o)) {
    throw new ValidationError({ code: 'invalid_option', estimator, param: 'options', expected: 'an object of fitAsync options', received: describeValue(o) });
  }
  for (const k of Object.keys(o)) {
    if (!KEYS.has(k)) throw new ValidationError({ code: 'invalid_option', estimator, param: k, expected: `one of ${[...KEYS].join(', ')}`, received: 'an unknown option' });
  }
  const opts = o as ForestAsyncOptions;
  if (opts.nJobs !== undefined && (!Number.isInteger(opts.nJobs) || opts.nJobs < 1)) {
    throw new ValidationError({ code: 'invalid_option', estimator, param: 'nJobs', expected: 'a positive integer', received: describeValue(opts.nJobs) });
  }
  checkControlFields(estimator, opts);
  if (opts.pool !== undefined && !(opts.pool instanceof WorkerPool)) {
    throw new ValidationError({ code: 'invalid_option', estimator, param: 'pool', expected: 'a WorkerPool', received: describeValue(opts.pool) });
  }
  return opts;
}

/** The tree index ranges [start, end) of `count` trees split into about `parts` even tasks. */
function ranges(count: number, parts: number): Array<[number, number]> {
  const k = Math.max(1, Math.min(count, parts));
  const out: Array<[number, number]> = [];
  for (let i = 0; i < k; i++) out.push([Math.floor((i * count) / k), Math.floor(((i + 1) * count) / k)]);
  return out;
}

/** Grows the prepared forest's new trees, in seed order. */
export async function growTreesAsync(estimator: string, prep: PreparedForest, o: ForestAsyncOptions): Promise<TreeArrays[]> {
  o.signal?.throwIfAborted();
  const nJobs = o.pool ? o.pool.nJobs : (o.nJobs ?? 2);
  const seeds = prep.newSeeds;
  if (seeds.length === 0) return [];
  const start = performance.now();
  let done = 0;
  const tick = (trees: number): void => {
    done += trees;
    o.onProgress?.({ unit: 'tree', done, total: seeds.length, elapsedMs: performance.now() - start });
  };
  if (nJobs === 1 && !o.pool) {
    const out: TreeArrays[] = [];
    for (const seed of seeds) {
      o.signal?.throwIfAborted();
      out.push(fitForestTree(seed, prep.data, prep.options));
      tick(1);
      // Let the event loop see an abort between trees.
      await new Promise((r) => setTimeout(r, 0));
    }
    o.signal?.throwIfAborted();
    return out;
  }
  const pool = o.pool ?? (await acquirePool({ nJobs, workerUrl: o.workerUrl }, o.signal));
  // An abort stops the pool (kept or given): its workers may be mid-tree.
  const stop = (): void => void pool.terminate(o.signal?.reason);
  o.signal?.addEventListener('abort', stop, { once: true });
  // The data and options go to each worker once; each task names only its seeds.
  const shared: ForestTreesData = { data: shareForestData(prep.data), options: prep.options };
  const ref = pool.share(shared);
  try {
    // A few tasks per worker: a worker that finishes early takes the next range.
    const parts = await Promise.all(
      ranges(seeds.length, nJobs * 4).map(async ([a, b]) => {
        const task: ForestTreesTask = { seeds: seeds.slice(a, b) };
        const first = prep.kept.length + a;
        const last = prep.kept.length + b - 1;
        try {
          const trees = await pool.run<TreeArrays[]>('forestTrees', task, {
            data: ref,
            onWarning: (w) => warn(tagWarning(w, { task: estimator, trees: [first, last] }, `${estimator} trees ${first}..${last}`)),
          });
          tick(trees.length);
          return trees;
        } catch (e) {
          throwIfAborted(o.signal);
          if (e instanceof WorkerTaskError) {
            throw new WorkerTaskError(`${estimator}: growing trees ${first}..${last} failed in a worker: ${e.workerErrorName}: ${e.message}`, e.workerErrorName);
          }
          throw e;
        }
      }),
    );
    o.signal?.throwIfAborted();
    return parts.flat();
  } finally {
    o.signal?.removeEventListener('abort', stop);
    pool.unshare(ref);
    if (!o.pool) WorkerPool.release(pool);
  }
}
