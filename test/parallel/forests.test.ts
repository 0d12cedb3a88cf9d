import { describe, expect, it } from 'vitest';
import { ExtraTreesClassifier, ExtraTreesRegressor, RandomForestClassifier, RandomForestRegressor, ValidationError, loadDiabetes, makeClassification } from '../../src/index';
import { WorkerPool, WorkerTaskError } from '../../src/parallel/index';
import { handleWorkerMessage } from '../../src/parallel/worker';

const cls = makeClassification({ nSamples: 240, nFeatures: 8, nInformative: 5, nClasses: 3, randomState: 3 });
const Xc = cls.X.map((r) => Array.from(r));
const yc = Array.from(cls.y);
const diabetes = loadDiabetes();
const Xr = diabetes.data.slice(0, 220).map((r) => Array.from(r));
const yr = Array.from(diabetes.target).slice(0, 220);
const XcTest = Xc.slice(0, 40).map((r) => r.map((v) => v + 0.05));
const XrTest = Xr.slice(0, 40).map((r) => r.map((v) => v * 1.1));

type Forest = RandomForestClassifier | ExtraTreesClassifier | RandomForestRegressor | ExtraTreesRegressor;

/** Everything a fitted forest shows, to compare with toStrictEqual (numbers compared with Object.is). */
function fitted(f: Forest, classifier: boolean): Record<string, unknown> {
  const XT = classifier ? XcTest : XrTest;
  const out: Record<string, unknown> = { predict: f.predict(XT), importances: f.featureImportances_, apply: f.apply(XT) };
  if (f instanceof RandomForestClassifier || f instanceof ExtraTreesClassifier) out.proba = f.predictProba(XT).to2DArray();
  if (f.getParams().oobScore !== false) out.oob = f.oobScore_;
  return out;
}

const cases = [
  { name: 'RandomForestClassifier', make: (o: object) => new RandomForestClassifier({ nEstimators: 13, oobScore: true, randomState: 5, ...o }), classifier: true },
  { name: 'ExtraTreesClassifier', make: (o: object) => new ExtraTreesClassifier({ nEstimators: 13, bootstrap: true, oobScore: true, classWeight: 'balanced_subsample', randomState: 5, ...o }), classifier: true },
  { name: 'RandomForestRegressor', make: (o: object) => new RandomForestRegressor({ nEstimators: 13, oobScore: true, maxSamples: 0.7, randomState: 5, ...o }), classifier: false },
  { name: 'ExtraTreesRegressor', make: (o: object) => new ExtraTreesRegressor({ nEstimators: 13, maxFeatures: 0.5, randomState: 5, ...o }), classifier: false },
] as const;

describe.each(cases)('$name#fitAsync', ({ make, classifier }) => {
  const X = classifier ? Xc : Xr;
  const y = classifier ? yc : yr;
  const sw = X.map((_, i) => 1 + (i % 3));

  it('gives the forest fit gives (predictions, probabilities, importances, oob), nJobs 2 and 1', async () => {
    const sync = make({}).fit(X, y, sw);
    const two = await make({}).fitAsync(X, y, { nJobs: 2, sampleWeight: sw });
    const one = await make({}).fitAsync(X, y, { nJobs: 1, sampleWeight: sw });
    const expected = fitted(sync, classifier);
    expect(fitted(two, classifier)).toStrictEqual(expected);
    expect(fitted(one, classifier)).toStrictEqual(expected);
    expect(two.toJSON()).toStrictEqual(sync.toJSON());
  });

  it('warm-starts as fit does, in a pool the caller keeps', async () => {
    const sync = make({ warmStart: true, nEstimators: 6 }).fit(X, y);
    sync.setParams({ nEstimators: 13 }).fit(X, y);
    const pool = await WorkerPool.create({ nJobs: 2 });
    try {
      const par = make({ warmStart: true, nEstimators: 6 });
      await par.fitAsync(X, y, { pool });
      await par.setParams({ nEstimators: 13 }).fitAsync(X, y, { pool });
      expect(fitted(par, classifier)).toStrictEqual(fitted(sync, classifier));
      expect(fitted(par, classifier)).toStrictEqual(fitted(make({}).fit(X, y), classifier));
    } finally {
      await pool.terminate();
    }
  });
});

describe('forest fitAsync: aborts, failures, bad options', () => {
  it('an abort rejects with the reason and keeps the previous fit', async () => {
    const rf = new RandomForestClassifier({ nEstimators: 10, randomState: 1 }).fit(Xc, yc);
    const before = rf.toJSON().state;
    rf.setParams({ nEstimators: 400, randomState: 2 });
    for (const nJobs of [2, 1]) {
      const ac = new AbortController();
      const p = rf.fitAsync(Xc, yc, { nJobs, signal: ac.signal });
      setTimeout(() => ac.abort(new Error('stop now')), 30);
      await expect(p).rejects.toThrow('stop now');
      expect(rf.toJSON().state).toStrictEqual(before);
      const ac2 = new AbortController();
      const p2 = rf.fitAsync(Xc, yc, { nJobs, signal: ac2.signal });
      ac2.abort(new Error('at once'));
      await expect(p2).rejects.toThrow('at once');
      expect(rf.toJSON().state).toStrictEqual(before);
    }
  });

  it('rejects with a clear error when a worker dies, and keeps the previous fit', async () => {
    const rf = new RandomForestRegressor({ nEstimators: 4, randomState: 1 }).fit(Xr, yr);
    const before = rf.toJSON().state;
    const pool = await WorkerPool.create({ nJobs: 2, imports: [new URL('./failingForestWorker.ts', import.meta.url)] });
    try {
      const err = await rf.setParams({ nEstimators: 8 }).fitAsync(Xr, yr, { pool }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(WorkerTaskError);
      expect((err as Error).message).toMatch(/^RandomForestRegressor: growing trees \d+\.\.\d+ failed in a worker: WorkerExit: a worker died: exit code 7$/);
      expect(rf.toJSON().state).toStrictEqual(before);
    } finally {
      await pool.terminate();
    }
  });

  it('a malformed task fails in the worker with a message, and bad options are refused before any work', async () => {
    const r = await handleWorkerMessage({ id: 1, kind: 'forestTrees', payload: { seeds: 3 } });
    expect(r).toEqual({ id: 1, ok: false, error: { name: 'Error', message: 'forestTrees task: expected { seeds } and the shared { data, options }' } });
    const et = new ExtraTreesRegressor({ nEstimators: 3 });
    await expect(et.fitAsync(Xr, yr, { nJobs: 0 })).rejects.toThrow(ValidationError);
    await expect(et.fitAsync(Xr, yr, { nJobs: 2, sampleWeights: [] } as never)).rejects.toThrow(/sampleWeights/);
    await expect(et.fitAsync(Xr, yr.slice(1), { nJobs: 2 })).rejects.toThrow(ValidationError);
    expect(et.isFitted()).toBe(false);
  });
});
