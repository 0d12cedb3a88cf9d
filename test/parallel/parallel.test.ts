import { describe, expect, it } from 'vitest';
import { GridSearchCV, RandomizedSearchCV, crossValidate, crossValidateAsync, LogisticRegression, Ridge, SVC, loadIris, uniform, ValidationError } from '../../src/index';
import { WorkerPool, WorkerTaskError } from '../../src/parallel/index';
import { ShiftedMean } from './customEstimator';

const iris = loadIris();
const X = iris.data.map((r) => Array.from(r));
const y = Array.from(iris.target);
const XReg = X.map((r) => [r[0], r[1], r[2]]);
const yReg = X.map((r) => r[3]);

describe('WorkerPool', () => {
  it('runs tasks in workers and survives a task that throws', async () => {
    const pool = await WorkerPool.create({ nJobs: 2 });
    try {
      await expect(pool.run('nonsense', null)).rejects.toThrow(/unknown task kind 'nonsense'/);
      const r = await crossValidateAsync(new Ridge(), XReg, yReg, { cv: 3, pool });
      expect(r.testScore).toEqual(crossValidate(new Ridge(), XReg, yReg, { cv: 3 }).testScore);
    } finally {
      await pool.terminate();
    }
    await expect(pool.run('fold', null)).rejects.toThrow(/terminated/);
  });

  it('rejects when aborted while it is still locating the worker script (no workers left running)', async () => {
    const ac = new AbortController();
    const p = WorkerPool.create({ nJobs: 2, signal: ac.signal });
    ac.abort(new Error('during create'));
    const outcome = await p.then(
      async (pool) => {
        await pool.terminate();
        return 'created';
      },
      (e: Error) => e.message,
    );
    expect(outcome).toBe('during create');
  });

  it('refuses a bad nJobs', async () => {
    await expect(WorkerPool.create({ nJobs: 0 })).rejects.toThrow(ValidationError);
  });
});

describe('crossValidateAsync', () => {
  it('gives the scores and fitted estimators of crossValidate', async () => {
    const est = new LogisticRegression({ maxIter: 500 });
    const sync = crossValidate(est, X, y, { cv: 5, scoring: ['accuracy', 'f1_macro'], returnTrainScore: true, returnEstimator: true });
    for (const nJobs of [1, 2]) {
      const par = await crossValidateAsync(est, X, y, { cv: 5, scoring: ['accuracy', 'f1_macro'], returnTrainScore: true, returnEstimator: true, nJobs });
      for (const k of ['test_accuracy', 'test_f1_macro', 'train_accuracy', 'train_f1_macro']) expect(par[k as 'test_accuracy']).toEqual(sync[k as 'test_accuracy']);
      expect(par.estimator?.map((e) => (e as LogisticRegression).predict(X))).toEqual(sync.estimator?.map((e) => (e as LogisticRegression).predict(X)));
    }
  });

  it('reports progress and refuses what cannot cross to a worker', async () => {
    const seen: number[] = [];
    await crossValidateAsync(new Ridge(), XReg, yReg, { cv: 4, nJobs: 2, onProgress: (p) => seen.push(p.total * 100 + p.done) });
    expect(seen.sort()).toEqual([401, 402, 403, 404]);
    const records = XReg.map((r) => ({ a: r[0], b: r[1] }));
    await expect(crossValidateAsync(new Ridge(), records, yReg, { cv: 3, nJobs: 2 })).rejects.toThrow(/X must be numeric/);
    await expect(crossValidateAsync(new Ridge(), XReg, yReg, { cv: 3, nJobs: 0 })).rejects.toThrow(/nJobs/);
  });
});

describe('GridSearchCV#fitAsync and RandomizedSearchCV#fitAsync', () => {
  it('match fit: cvResults_ scores, bestParams_ and the best estimator’s predictions', async () => {
    const grid = { C: [0.1, 1, 10], gamma: ['scale', 0.1] };
    const sync = new GridSearchCV(new SVC(), grid, { cv: 3 }).fit(X, y);
    const par = await new GridSearchCV(new SVC(), grid, { cv: 3 }).fitAsync(X, y, { nJobs: 2 });
    for (const k of ['mean_test_score', 'std_test_score', 'rank_test_score', 'split0_test_score', 'split2_test_score', 'params'] as const) expect(par.cvResults_[k]).toEqual(sync.cvResults_[k]);
    expect(par.bestParams_).toEqual(sync.bestParams_);
    expect(par.predict(X)).toEqual(sync.predict(X));

    const dists = { alpha: uniform(0.01, 10) };
    const rs = new RandomizedSearchCV(new Ridge(), dists, { nIter: 6, cv: 3, randomState: 7 }).fit(XReg, yReg);
    const rp = await new RandomizedSearchCV(new Ridge(), dists, { nIter: 6, cv: 3, randomState: 7 }).fitAsync(XReg, yReg, { nJobs: 2 });
    expect(rp.cvResults_.mean_test_score).toEqual(rs.cvResults_.mean_test_score);
    expect(rp.bestParams_).toEqual(rs.bestParams_);
    expect(rp.predict(XReg)).toEqual(rs.predict(XReg));
  });

  it('rejects naming the parameter set of a failing fit, and keeps the previous fit', async () => {
    const search = new GridSearchCV(new Ridge(), { alpha: [1, 2] }, { cv: 3 });
    await search.fitAsync(XReg, yReg, { nJobs: 2 });
    const before = search.bestParams_;
    const bad = new GridSearchCV(new LogisticRegression(), { C: [1], maxIter: [100] }, { cv: 3, errorScore: 'raise' });
    // A single-class target makes every fit throw inside the worker.
    const err = await bad.fitAsync(X, y.map(() => 0), { nJobs: 2 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkerTaskError);
    expect(String((err as Error).message)).toMatch(/parameters \{"C":1,"maxIter":100\}.*failed in a worker: ValidationError/);
    expect(search.bestParams_).toEqual(before);
  });

  it('aborts: the workers are terminated and the promise rejects with the reason', async () => {
    const ac = new AbortController();
    const search = new GridSearchCV(new SVC(), { C: [0.1, 1, 10, 100] }, { cv: 5 });
    const p = search.fitAsync(X, y, { nJobs: 2, signal: ac.signal, onProgress: () => ac.abort(new Error('stop now')) });
    await expect(p).rejects.toThrow('stop now');
    expect(search.isFitted()).toBe(false);
    const ac2 = new AbortController();
    ac2.abort(new Error('before'));
    await expect(search.fitAsync(X, y, { nJobs: 1, signal: ac2.signal })).rejects.toThrow('before');
  });

  it('builds a custom estimator from a registering module, and says how when it is missing', async () => {
    const grid = { shift: [0.5, 5] };
    const sync = new GridSearchCV(new ShiftedMean(), grid, { cv: 3 }).fit(XReg, yReg);
    const imports = [new URL('./customEstimator.ts', import.meta.url)];
    const par = await new GridSearchCV(new ShiftedMean(), grid, { cv: 3 }).fitAsync(XReg, yReg, { nJobs: 2, imports });
    expect(par.cvResults_.mean_test_score).toEqual(sync.cvResults_.mean_test_score);
    await expect(new GridSearchCV(new ShiftedMean(), grid, { cv: 3 }).fitAsync(XReg, yReg, { nJobs: 2 })).rejects.toThrow(/cannot build 'TestShiftedMean'.*registerEstimator\(TestShiftedMean\).*'imports'/);
  });
});
