/**
 * Progress and cancellation (FitControl): every long fit reports its units in order, an abort
 * (an already-aborted signal, or one aborted from onProgress) throws the signal's reason, and a
 * throwing onProgress propagates; either way the previous fitted state stays as it was.
 */
import { describe, expect, it } from 'vitest';
import {
  AdaBoostClassifier,
  AdaBoostRegressor,
  BaggingClassifier,
  BaggingRegressor,
  DecisionTreeClassifier,
  ExtraTreesClassifier,
  GradientBoostingClassifier,
  GradientBoostingRegressor,
  GridSearchCV,
  HistGradientBoostingClassifier,
  HistGradientBoostingRegressor,
  MLPClassifier,
  MLPRegressor,
  RandomForestClassifier,
  RandomForestRegressor,
  RandomizedSearchCV,
  Ridge,
  SGDClassifier,
  SGDRegressor,
  SVC,
  SVR,
  ValidationError,
  acceptsSampleWeight,
  crossValScore,
  crossValidate,
  learningCurve,
  makeClassification,
  makeRegression,
  setWarningHandler,
  validationCurve,
  type FitControl,
  type FitProgress,
} from '../../src/index';

setWarningHandler(() => {});

const cls = makeClassification({ nSamples: 60, nFeatures: 4, nInformative: 3, nRedundant: 0, nClasses: 3, randomState: 0 });
const Xc = cls.X as number[][];
const yc = cls.y as number[];
const reg = makeRegression({ nSamples: 60, nFeatures: 4, noise: 1, randomState: 0 });
const Xr = reg.X as number[][];
const yr = reg.y as number[];
// Other data for the fit that is aborted: its state would differ from the first fit's.
const Xc2 = Xc.map((r) => r.map((v) => v * 2 + 1));
const Xr2 = Xr.map((r) => r.map((v) => v * 2 + 1));

interface Fittable {
  toJSON(): unknown;
  setParams(p: Record<string, unknown>): unknown;
}

interface Case {
  name: string;
  unit: FitProgress['unit'];
  make: () => Fittable;
  /** Fits on the first data (control undefined) or the second data (with control). */
  fit: (est: Fittable, second: boolean, control?: FitControl) => void;
  /** Expected total of a fresh fit. */
  total: number;
  /** Expected units reported by a full fresh fit (defaults to total). */
  done?: number;
  /** Options for a warm start continued by the aborted fit. */
  warm?: { first: Record<string, unknown>; second: Record<string, unknown> };
  weighted: boolean;
}

/** Calls a weighted fit as `fit(X, y, { onProgress, signal })`, an unweighted one as `fit(X, y, control)`. */
function fitter(kind: 'c' | 'r') {
  return (est: Fittable, second: boolean, control?: FitControl): void => {
    const X = kind === 'c' ? (second ? Xc2 : Xc) : second ? Xr2 : Xr;
    const y = kind === 'c' ? yc : yr;
    (est as unknown as { fit: (X: number[][], y: number[], c?: FitControl) => unknown }).fit(X, y, control);
  };
}

const cases: Case[] = [
  { name: 'MLPClassifier (adam)', unit: 'epoch', make: () => new MLPClassifier({ hiddenLayerSizes: [5], maxIter: 8, randomState: 0 }), fit: fitter('c'), total: 8, weighted: false, warm: { first: { warmStart: true }, second: {} } },
  { name: 'MLPClassifier (lbfgs)', unit: 'iteration', make: () => new MLPClassifier({ hiddenLayerSizes: [5], solver: 'lbfgs', maxIter: 6, randomState: 0 }), fit: fitter('c'), total: 6, weighted: false },
  { name: 'MLPRegressor (sgd)', unit: 'epoch', make: () => new MLPRegressor({ hiddenLayerSizes: [5], solver: 'sgd', maxIter: 7, randomState: 0 }), fit: fitter('r'), total: 7, weighted: false },
  { name: 'SGDClassifier', unit: 'epoch', make: () => new SGDClassifier({ maxIter: 5, tol: null, randomState: 0 }), fit: fitter('c'), total: 15, weighted: true, warm: { first: { warmStart: true }, second: {} } },
  { name: 'SGDRegressor', unit: 'epoch', make: () => new SGDRegressor({ maxIter: 5, tol: null, randomState: 0 }), fit: fitter('r'), total: 5, weighted: true },
  { name: 'RandomForestClassifier', unit: 'tree', make: () => new RandomForestClassifier({ nEstimators: 4, randomState: 0 }), fit: fitter('c'), total: 4, weighted: true, warm: { first: { warmStart: true }, second: { nEstimators: 8 } } },
  { name: 'RandomForestRegressor', unit: 'tree', make: () => new RandomForestRegressor({ nEstimators: 3, randomState: 0 }), fit: fitter('r'), total: 3, weighted: true },
  { name: 'ExtraTreesClassifier', unit: 'tree', make: () => new ExtraTreesClassifier({ nEstimators: 3, randomState: 0 }), fit: fitter('c'), total: 3, weighted: true },
  { name: 'BaggingClassifier', unit: 'estimator', make: () => new BaggingClassifier({ nEstimators: 4, randomState: 0 }), fit: fitter('c'), total: 4, weighted: true, warm: { first: { warmStart: true }, second: { nEstimators: 7 } } },
  { name: 'BaggingRegressor', unit: 'estimator', make: () => new BaggingRegressor({ nEstimators: 3, randomState: 0 }), fit: fitter('r'), total: 3, weighted: true },
  { name: 'GradientBoostingClassifier', unit: 'iteration', make: () => new GradientBoostingClassifier({ nEstimators: 5, randomState: 0 }), fit: fitter('c'), total: 5, weighted: true, warm: { first: { warmStart: true }, second: { nEstimators: 9 } } },
  { name: 'GradientBoostingRegressor', unit: 'iteration', make: () => new GradientBoostingRegressor({ nEstimators: 4, randomState: 0 }), fit: fitter('r'), total: 4, weighted: true },
  { name: 'HistGradientBoostingClassifier', unit: 'iteration', make: () => new HistGradientBoostingClassifier({ maxIter: 5, randomState: 0 }), fit: fitter('c'), total: 5, weighted: true, warm: { first: { warmStart: true }, second: { maxIter: 9 } } },
  { name: 'HistGradientBoostingRegressor', unit: 'iteration', make: () => new HistGradientBoostingRegressor({ maxIter: 4, randomState: 0 }), fit: fitter('r'), total: 4, weighted: true },
  { name: 'AdaBoostClassifier', unit: 'iteration', make: () => new AdaBoostClassifier({ nEstimators: 4, estimator: new DecisionTreeClassifier({ maxDepth: 1 }), randomState: 0 }), fit: fitter('c'), total: 4, weighted: true },
  { name: 'AdaBoostRegressor', unit: 'iteration', make: () => new AdaBoostRegressor({ nEstimators: 4, randomState: 0 }), fit: fitter('r'), total: 4, weighted: true },
  { name: 'SVC', unit: 'chunk', make: () => new SVC({ C: 10 }), fit: fitter('c'), total: NaN, weighted: true },
  { name: 'SVR', unit: 'chunk', make: () => new SVR({ C: 10 }), fit: fitter('r'), total: NaN, weighted: true },
  {
    name: 'GridSearchCV',
    unit: 'fit',
    make: () => new GridSearchCV(new Ridge(), { alpha: [0.1, 1, 10] }, { cv: 3 }),
    fit: fitter('r'),
    total: 9,
    weighted: false,
  },
  {
    name: 'RandomizedSearchCV',
    unit: 'fit',
    make: () => new RandomizedSearchCV(new Ridge(), { alpha: [0.1, 1, 10, 100] }, { nIter: 2, cv: 2, randomState: 0 }),
    fit: fitter('r'),
    total: 4,
    weighted: false,
  },
];

function snapshot(est: Fittable): string {
  return JSON.stringify(est.toJSON());
}

describe.each(cases)('$name', (c) => {
  it('reports its units in order, with the elapsed time, and keeps its options free of the control', () => {
    const est = c.make();
    const params = JSON.stringify(est.toJSON());
    const seen: FitProgress[] = [];
    c.fit(est, false, { onProgress: (p) => seen.push(p) });
    expect(seen.length).toBeGreaterThan(0);
    seen.forEach((p, k) => {
      expect(p.unit).toBe(c.unit);
      expect(p.done).toBe(k + 1);
      expect(p.elapsedMs).toBeGreaterThanOrEqual(0);
      if (Number.isNaN(c.total)) expect(p.total).toBeNaN();
      else {
        expect(p.total).toBe(c.total);
        expect(p.done).toBeLessThanOrEqual(p.total);
      }
    });
    if (!Number.isNaN(c.total) && c.unit !== 'iteration') expect(seen.length).toBe(c.done ?? c.total);
    // The control is an argument of this fit only: the params saved are those of the unfitted model.
    expect(JSON.stringify((JSON.parse(snapshot(est)) as { params: unknown }).params)).toBe(JSON.stringify((JSON.parse(params) as { params: unknown }).params));
  });

  it('an abort from onProgress throws the signal’s reason and keeps the previous fit', () => {
    const est = c.make();
    c.fit(est, false);
    const before = snapshot(est);
    const ac = new AbortController();
    const reason = new Error('stop here');
    let calls = 0;
    expect(() =>
      c.fit(est, true, {
        signal: ac.signal,
        onProgress: () => {
          calls++;
          ac.abort(reason);
        },
      }),
    ).toThrow(reason);
    expect(calls).toBe(1);
    expect(snapshot(est)).toBe(before);
  });

  it('an already-aborted signal throws a DOMException named AbortError before any unit', () => {
    const est = c.make();
    c.fit(est, false);
    const before = snapshot(est);
    let calls = 0;
    let err: unknown;
    try {
      c.fit(est, true, { signal: AbortSignal.abort(), onProgress: () => calls++ });
    } catch (e) {
      err = e;
    }
    expect((err as Error).name).toBe('AbortError');
    expect(calls).toBe(0);
    expect(snapshot(est)).toBe(before);
  });

  it('a throwing onProgress propagates and keeps the previous fit', () => {
    const est = c.make();
    c.fit(est, false);
    const before = snapshot(est);
    expect(() =>
      c.fit(est, true, {
        onProgress: () => {
          throw new RangeError('from the callback');
        },
      }),
    ).toThrow(RangeError);
    expect(snapshot(est)).toBe(before);
  });

  if (c.warm) {
    it('an aborted warm-start continuation keeps the model it would have extended', () => {
      const est = c.make();
      est.setParams(c.warm!.first);
      c.fit(est, false);
      const before = snapshot(est);
      est.setParams(c.warm!.second);
      const ac = new AbortController();
      expect(() => c.fit(est, false, { signal: ac.signal, onProgress: () => ac.abort() })).toThrow();
      est.setParams(Object.fromEntries(Object.keys(c.warm!.second).map((k) => [k, (JSON.parse(before) as { params: Record<string, unknown> }).params[k]])));
      expect(snapshot(est)).toBe(before);
    });
  }

  it('refuses a malformed control with a ValidationError, and fit.length still tells sample weights', () => {
    const est = c.make();
    expect(() => c.fit(est, false, { onProgress: 3 } as unknown as FitControl)).toThrow(ValidationError);
    expect(() => c.fit(est, false, { signal: {} } as unknown as FitControl)).toThrow(ValidationError);
    expect(() => c.fit(est, false, { onProgres: () => {} } as unknown as FitControl)).toThrow(ValidationError);
    expect(acceptsSampleWeight(est)).toBe(c.weighted);
  });
});

describe('weighted fits take sample weights positionally or in the options object', () => {
  it('RandomForestRegressor: fit(X, y, w) equals fit(X, y, { sampleWeight: w, onProgress })', () => {
    const w = yr.map((_, i) => 1 + (i % 3));
    const a = new RandomForestRegressor({ nEstimators: 3, randomState: 1 }).fit(Xr, yr, w);
    let n = 0;
    const b = new RandomForestRegressor({ nEstimators: 3, randomState: 1 }).fit(Xr, yr, { sampleWeight: w, onProgress: () => n++ });
    expect(b.predict(Xr)).toEqual(a.predict(Xr));
    expect(n).toBe(3);
  });
});

describe('cross-validation functions take onProgress and signal in their options', () => {
  const fns: Array<[string, (o: FitControl) => unknown, number]> = [
    ['crossValScore', (o) => crossValScore(new Ridge(), Xr, yr, { cv: 4, ...o }), 4],
    ['crossValidate', (o) => crossValidate(new Ridge(), Xr, yr, { cv: 3, ...o }), 3],
    ['learningCurve', (o) => learningCurve(new Ridge(), Xr, yr, { cv: 3, trainSizes: [0.5, 1], ...o }), 6],
    ['validationCurve', (o) => validationCurve(new Ridge(), Xr, yr, { cv: 2, paramName: 'alpha', paramRange: [1, 2, 3], ...o }), 6],
  ];
  it.each(fns)('%s reports every fit and stops on abort', (_, run, total) => {
    const seen: FitProgress[] = [];
    run({ onProgress: (p) => seen.push(p) });
    expect(seen.map((p) => [p.unit, p.done, p.total])).toEqual(Array.from({ length: total }, (_, k) => ['fit', k + 1, total]));
    const ac = new AbortController();
    let calls = 0;
    expect(() =>
      run({
        signal: ac.signal,
        onProgress: () => {
          calls++;
          if (calls === 2) ac.abort();
        },
      }),
    ).toThrow(expect.objectContaining({ name: 'AbortError' }));
    expect(calls).toBe(2);
    expect(() => run({ onProgress: 'x' } as unknown as FitControl)).toThrow(ValidationError);
  });
});

describe('asynchronous variants report the same progress shape', () => {
  it('GridSearchCV#fitAsync with nJobs 1 reports fits and observes an abort between them', async () => {
    const seen: FitProgress[] = [];
    await new GridSearchCV(new Ridge(), { alpha: [1, 2] }, { cv: 2 }).fitAsync(Xr, yr, { nJobs: 1, onProgress: (p) => seen.push(p) });
    expect(seen.map((p) => [p.unit, p.done, p.total])).toEqual([
      ['fit', 1, 4],
      ['fit', 2, 4],
      ['fit', 3, 4],
      ['fit', 4, 4],
    ]);
    const ac = new AbortController();
    const search = new GridSearchCV(new Ridge(), { alpha: [1, 2] }, { cv: 2 });
    await expect(search.fitAsync(Xr, yr, { nJobs: 1, signal: ac.signal, onProgress: () => ac.abort() })).rejects.toMatchObject({ name: 'AbortError' });
    expect(search.isFitted()).toBe(false);
  });

  it('RandomForestClassifier#fitAsync with nJobs 1 reports trees', async () => {
    const seen: number[] = [];
    await new RandomForestClassifier({ nEstimators: 3, randomState: 0 }).fitAsync(Xc, yc, { nJobs: 1, onProgress: (p) => seen.push(p.done) });
    expect(seen).toEqual([1, 2, 3]);
  });

  it('RandomForestClassifier#fitAsync in workers reports the trees as tasks return; an abort from onProgress rejects and keeps the previous fit', async () => {
    const seen: FitProgress[] = [];
    const rf = new RandomForestClassifier({ nEstimators: 10, randomState: 0 });
    await rf.fitAsync(Xc, yc, { nJobs: 2, onProgress: (p) => seen.push(p) });
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.every((p, k) => p.unit === 'tree' && p.total === 10 && (k === 0 || p.done > seen[k - 1].done))).toBe(true);
    expect(seen[seen.length - 1].done).toBe(10);
    const before = snapshot(rf);
    const ac = new AbortController();
    await expect(rf.fitAsync(Xc2, yc, { nJobs: 2, signal: ac.signal, onProgress: () => ac.abort() })).rejects.toMatchObject({ name: 'AbortError' });
    expect(snapshot(rf)).toBe(before);
  });

  it('GridSearchCV#fitAsync in workers reports every fit', async () => {
    const seen: number[] = [];
    await new GridSearchCV(new Ridge(), { alpha: [1, 2, 3] }, { cv: 2 }).fitAsync(Xr, yr, { nJobs: 2, onProgress: (p) => seen.push(p.done) });
    expect(seen).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
