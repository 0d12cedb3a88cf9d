/**
 * The pool's own contract: warnings of worker tasks reach the caller's handler tagged with their
 * task, results stay those of fit without SharedArrayBuffer (data copied once per worker), the pool
 * fitAsync keeps warm between calls is reused, and a script that is not the worker is refused.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { ConvergenceWarning, GridSearchCV, LogisticRegression, RandomForestClassifier, SVC, TypelearnWarning, crossValidate, crossValidateAsync, loadIris, setWarningHandler, Ridge } from '../../src/index';
import { WorkerPool, canShareMemory } from '../../src/parallel/index';

const iris = loadIris();
const X = iris.data.map((r) => Array.from(r));
const y = Array.from(iris.target);

afterAll(async () => {
  await WorkerPool.terminateKept();
});

/** Runs `f` with every warning collected. */
async function collecting<T>(f: () => Promise<T> | T): Promise<{ result: T; warnings: TypelearnWarning[] }> {
  const warnings: TypelearnWarning[] = [];
  const previous = setWarningHandler((w) => void warnings.push(w));
  try {
    return { result: await f(), warnings };
  } finally {
    setWarningHandler(previous);
  }
}

describe('warnings raised in workers', () => {
  it('reach the caller’s handler as their own class, tagged with the parameter set and split', async () => {
    const grid = { C: [0.1, 10] };
    // maxIter 2: every fit stops early with a ConvergenceWarning.
    const make = (): GridSearchCV => new GridSearchCV(new LogisticRegression({ maxIter: 2 }), grid, { cv: 3 });
    const sync = await collecting(() => make().fit(X, y));
    const par = await collecting(() => make().fitAsync(X, y, { nJobs: 2 }));
    expect(par.result.cvResults_.mean_test_score).toEqual(sync.result.cvResults_.mean_test_score);
    // 6 fits in the workers and the refit in this thread, as fit warns 7 times.
    expect(sync.warnings).toHaveLength(7);
    expect(par.warnings).toHaveLength(7);
    const fromWorkers = par.warnings.filter((w) => w.origin !== undefined);
    expect(fromWorkers).toHaveLength(6);
    for (const w of par.warnings) expect(w).toBeInstanceOf(ConvergenceWarning);
    const tags = fromWorkers.map((w) => `${w.origin?.task} ${JSON.stringify(w.origin?.params)} ${w.origin?.split}`).sort();
    expect(tags).toEqual(['GridSearchCV {"C":0.1} 0', 'GridSearchCV {"C":0.1} 1', 'GridSearchCV {"C":0.1} 2', 'GridSearchCV {"C":10} 0', 'GridSearchCV {"C":10} 1', 'GridSearchCV {"C":10} 2']);
    const w0 = fromWorkers.find((w) => w.origin?.split === 1 && w.origin.params?.C === 10) as ConvergenceWarning;
    const s0 = sync.warnings[0];
    expect(w0.code).toBe('convergence');
    expect(w0.estimator).toBe(s0.estimator);
    expect(w0.message.startsWith(s0.message)).toBe(true);
    expect(w0.message.endsWith('(in a worker: GridSearchCV fit with parameters {"C":10}, split 1)')).toBe(true);
  });

  it('reach the handler from crossValidateAsync too, and the sync run gets no origin', async () => {
    const est = new LogisticRegression({ maxIter: 2 });
    const sync = await collecting(() => crossValidate(est, X, y, { cv: 3 }));
    const par = await collecting(() => crossValidateAsync(est, X, y, { cv: 3, nJobs: 2 }));
    expect(par.result.testScore).toEqual(sync.result.testScore);
    expect(sync.warnings.every((w) => w.origin === undefined)).toBe(true);
    expect(par.warnings.map((w) => w.origin?.split).sort()).toEqual([0, 1, 2]);
    expect(par.warnings.every((w) => w.origin?.params === null && w.origin.task === 'crossValidateAsync')).toBe(true);
  });
});

describe('without SharedArrayBuffer (a page that is not cross-origin isolated)', () => {
  it('sends the data as a copy per worker and gives the results of fit', async () => {
    const saved = globalThis.SharedArrayBuffer;
    const g = globalThis as { SharedArrayBuffer?: unknown };
    g.SharedArrayBuffer = undefined;
    try {
      expect(canShareMemory()).toBe(false);
      const grid = { C: [0.5, 5], gamma: ['scale', 0.2] };
      const search = await new GridSearchCV(new SVC(), grid, { cv: 3 }).fitAsync(X, y, { nJobs: 2 });
      const rf = await new RandomForestClassifier({ nEstimators: 12, randomState: 3 }).fitAsync(X, y, { nJobs: 2 });
      g.SharedArrayBuffer = saved;
      const syncSearch = new GridSearchCV(new SVC(), grid, { cv: 3 }).fit(X, y);
      expect(search.cvResults_.mean_test_score).toEqual(syncSearch.cvResults_.mean_test_score);
      expect(search.bestParams_).toEqual(syncSearch.bestParams_);
      const syncRf = new RandomForestClassifier({ nEstimators: 12, randomState: 3 }).fit(X, y);
      expect(rf.toJSON()).toStrictEqual(syncRf.toJSON());
    } finally {
      g.SharedArrayBuffer = saved;
    }
    expect(canShareMemory()).toBe(true);
  });
});

describe('the pool fitAsync keeps', () => {
  it('is reused between calls with the same nJobs, and shared data is freed after each run', async () => {
    const a = await WorkerPool.acquire({ nJobs: 2 });
    const b = await WorkerPool.acquire({ nJobs: 2 });
    expect(b).toBe(a);
    WorkerPool.release(a);
    WorkerPool.release(b);
    const r = await crossValidateAsync(new Ridge(), X, y, { cv: 3, nJobs: 2 });
    expect(r.testScore).toEqual(crossValidate(new Ridge(), X, y, { cv: 3 }).testScore);
    const c = await WorkerPool.acquire({ nJobs: 2 });
    expect(c).toBe(a);
    WorkerPool.release(c);
    await WorkerPool.terminateKept();
    const d = await WorkerPool.acquire({ nJobs: 2 });
    expect(d).not.toBe(a);
    WorkerPool.release(d);
  });

  it('is terminated by an abort and replaced by the next call', async () => {
    const ac = new AbortController();
    const search = new GridSearchCV(new SVC(), { C: [0.1, 1, 10, 100] }, { cv: 5 });
    await expect(search.fitAsync(X, y, { nJobs: 2, signal: ac.signal, onProgress: () => ac.abort(new Error('stop')) })).rejects.toThrow('stop');
    const again = await new GridSearchCV(new SVC(), { C: [1] }, { cv: 3 }).fitAsync(X, y, { nJobs: 2 });
    expect(again.bestParams_).toEqual({ C: 1 });
  });
});

describe('WorkerPool.create and the worker script', () => {
  it('refuses a script that is not typelearn’s worker, and one that does not load', async () => {
    await expect(WorkerPool.create({ nJobs: 1, workerUrl: new URL('./notAWorker.ts', import.meta.url) })).rejects.toThrow(/is not typelearn's worker.*pass workerUrl/);
    await expect(WorkerPool.create({ nJobs: 1, workerUrl: new URL('./noSuchWorker.ts', import.meta.url) })).rejects.toThrow(/failed to start/);
  });
});
