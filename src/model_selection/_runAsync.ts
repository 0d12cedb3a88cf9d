/**
 * The folds of a search or of cross-validation, run in a {@link WorkerPool} (or in this thread for
 * `nJobs: 1`). The estimator's JSON form, X (one flat Float64Array, shared where memory can be) and y
 * go to each worker once; each fold sends the candidate's options and the split's indices. Without
 * a pool from the caller, the run borrows the pool kept warm between calls (`WorkerPool.acquire`).
 */
import { ValidationError, describeValue, warn } from '../core/errors';
import { cloneParamValue } from '../core/base';
import { encodeValue, loadModel } from '../core/serialization';
import { toDense } from '../core/validation';
import { isRecords } from '../core/tabular';
import { WorkerPool, WorkerTaskError, acquirePool } from '../parallel/pool';
import { shareable } from '../parallel/share';
import { tagWarning } from '../parallel/warnings';
import type { FoldData, FoldReply, FoldTask } from './foldTask';
import { fitAndScore, isFittableEstimator, type ErrorScore, type FittableEstimator, type FoldResult } from './_fitAndScore';
import type { Indexable } from './_indexing';
import type { ResolvedScorer, ScoringInput } from './scoring';
import type { Split } from './_splitter';
import type { ParamSet } from './ParameterGrid';
import { checkControlFields, throwIfAborted, type FitProgress } from '../core/fitControl';

/** The fitted estimator a worker sent back, checked to be of the base estimator's class. */
function loadReturned(fn: string, saved: object, base: FittableEstimator): FittableEstimator {
  const est = loadModel(saved);
  if (!isFittableEstimator(est) || est.constructor !== base.constructor) {
    throw new ValidationError({ code: 'invalid_model', estimator: fn, message: `${fn}: a worker sent back a ${describeValue(est)} where a fitted ${base.className} was expected.` });
  }
  return est;
}

/** Options of the asynchronous runs: `fitAsync` and `crossValidateAsync`. */
export interface AsyncOptions {
  /** Workers to run fits in; 1 runs every fit in this thread. @defaultValue 2 */
  nJobs?: number;
  /** Aborting terminates the workers and rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Called after every finished fit (unit `'fit'`) with how many are done out of how many, as the synchronous fits report. */
  onProgress?: (progress: FitProgress) => void;
  /** A pool to run in (kept open afterwards) instead of one made and closed for this call. */
  pool?: WorkerPool;
  /** The worker script, for bundlers (see {@link WorkerPool}). */
  workerUrl?: string | URL;
  /** Modules each worker imports first: they register custom estimator classes. */
  imports?: ReadonlyArray<string | URL>;
}

export const ASYNC_KEYS = ['nJobs', 'signal', 'onProgress', 'pool', 'workerUrl', 'imports'];

/** Checks the options every asynchronous run shares. */
export function checkAsyncOptions(fn: string, o: AsyncOptions): void {
  if (o.nJobs !== undefined && (!Number.isInteger(o.nJobs) || o.nJobs < 1)) {
    throw new ValidationError({ code: 'invalid_option', estimator: fn, param: 'nJobs', expected: 'a positive integer', received: describeValue(o.nJobs) });
  }
  checkControlFields(fn, o);
}

/** One fold to run: the candidate's options (null: the estimator as is) and the split. */
export interface FoldJob {
  params: ParamSet | null;
  split: Split;
  /** The split's index, for error messages. */
  fold: number;
}

interface RunSettings {
  fn: string;
  base: FittableEstimator;
  X: Indexable;
  y: ArrayLike<unknown> | undefined;
  scoring: ScoringInput;
  scorers: Map<string, ResolvedScorer>;
  returnTrainScore: boolean;
  errorScore: ErrorScore;
  returnEstimator: boolean;
}

function describeParams(p: ParamSet | null): string {
  if (p === null) return 'the estimator as given';
  try {
    return JSON.stringify(encodeValue(p, 'params'));
  } catch {
    return Object.keys(p).join(', ');
  }
}

/** Only names (or null) can be rebuilt in a worker: a scorer function cannot cross. */
function checkPortableScoring(fn: string, scoring: ScoringInput): void {
  const ok = scoring === null || scoring === undefined || typeof scoring === 'string' || (Array.isArray(scoring) && scoring.every((s) => typeof s === 'string')) ||
    (typeof scoring === 'object' && !Array.isArray(scoring) && Object.values(scoring).every((s) => typeof s === 'string'));
  if (!ok) {
    throw new ValidationError({ code: 'unsupported', estimator: fn, param: 'scoring', message: `${fn}: with nJobs > 1, scoring must be scorer names (a function cannot be sent to a worker); use nJobs: 1 for custom scorer functions.` });
  }
}

/** Runs every fold, in order of `jobs` in the result. */
export async function runFolds(s: RunSettings, jobs: FoldJob[], o: AsyncOptions): Promise<FoldResult[]> {
  const { fn } = s;
  o.signal?.throwIfAborted();
  const nJobs = o.pool ? o.pool.nJobs : (o.nJobs ?? 2);
  const total = jobs.length;
  let done = 0;
  const start = performance.now();
  const tick = (): void => {
    done++;
    o.onProgress?.({ unit: 'fit', done, total, elapsedMs: performance.now() - start });
  };
  if (nJobs === 1 && !o.pool) {
    const out: FoldResult[] = [];
    for (const job of jobs) {
      o.signal?.throwIfAborted();
      const est = job.params === null ? s.base.clone() : s.base.clone().setParams(cloneParamValue(job.params) as ParamSet);
      out.push(fitAndScore(fn, est, s.X, s.y, job.split, s.scorers, { returnTrainScore: s.returnTrainScore, errorScore: s.errorScore }));
      tick();
      // Let the event loop see an abort between fits.
      await new Promise((r) => setTimeout(r, 0));
    }
    return out;
  }
  if (Array.isArray(s.X) && isRecords(s.X)) {
    throw new ValidationError({ code: 'unsupported', estimator: fn, param: 'X', message: `${fn}: with nJobs > 1, X must be numeric (an array of rows, typed-array rows or a Matrix); encode records first (a Pipeline with a ColumnTransformer runs on the rows it is given), or use nJobs: 1.` });
  }
  checkPortableScoring(fn, s.scoring);
  const dense = toDense(s.X, { estimator: fn, allowNaN: true });
  // Every fold of the run reads the same X, y and estimator: each worker receives them once (X in
  // a SharedArrayBuffer where memory can be shared, else copied once per worker).
  const data: FoldData = {
    fn,
    model: s.base.clone().toJSON(),
    flat: shareable(dense.data),
    rows: dense.rows,
    cols: dense.cols,
    y: s.y === undefined ? null : Array.from(s.y),
    scoring: s.scoring,
    returnTrainScore: s.returnTrainScore,
    errorScore: s.errorScore,
    returnEstimator: s.returnEstimator,
  };
  const pool = o.pool ?? (await acquirePool({ nJobs, workerUrl: o.workerUrl, imports: o.imports }, o.signal));
  // An abort stops the pool (kept or given): its workers may be mid-fit.
  const stop = (): void => void pool.terminate(o.signal?.reason);
  o.signal?.addEventListener('abort', stop, { once: true });
  const ref = pool.share(data);
  try {
    const replies = await Promise.all(
      jobs.map(async (job) => {
        const params = job.params === null ? null : (encodeValue(job.params, 'params') as Record<string, unknown>);
        const task: FoldTask = { params, train: Array.from(job.split.train), test: Array.from(job.split.test) };
        const where = `${fn} fit with parameters ${describeParams(job.params)}, split ${job.fold}`;
        try {
          const r = await pool.run<FoldReply>('fold', task, {
            data: ref,
            onWarning: (w) => warn(tagWarning(w, { task: fn, params, split: job.fold }, where)),
          });
          tick();
          return r;
        } catch (e) {
          throwIfAborted(o.signal);
          if (e instanceof WorkerTaskError) {
            const err = new WorkerTaskError(`${fn}: the fit with parameters ${describeParams(job.params)} (split ${job.fold}) failed in a worker: ${e.workerErrorName}: ${e.message}`, e.workerErrorName);
            (err as { params?: ParamSet | null }).params = job.params;
            throw err;
          }
          throw e;
        }
      }),
    );
    return replies.map((r, k) => {
      const job = jobs[k];
      const estimator = r.estimator ? loadReturned(fn, r.estimator, s.base) : job.params === null ? s.base.clone() : s.base.clone().setParams(cloneParamValue(job.params) as ParamSet);
      return { testScores: r.testScores, trainScores: r.trainScores, fitTime: r.fitTime, scoreTime: r.scoreTime, fitError: r.fitError, estimator };
    });
  } finally {
    o.signal?.removeEventListener('abort', stop);
    pool.unshare(ref);
    if (!o.pool) WorkerPool.release(pool);
  }
}
