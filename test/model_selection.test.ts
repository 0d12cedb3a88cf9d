import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Matrix } from 'ml-matrix';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BaseClassifier, BaseRegressor } from '../src/core/base';
import { ValidationError, setWarningHandler, type TypelearnWarning, type WarningHandler } from '../src/core/errors';
import { RandomState } from '../src/core/random';
import { loadModel, registerEstimator } from '../src/core/serialization';
import type { Label, MatrixLike } from '../src/core/types';
import { LinearRegression } from '../src/linear_model/index';
import { Pipeline } from '../src/pipeline/index';
import { StandardScaler } from '../src/preprocessing/index';
import {
  FitFailedWarning,
  GridSearchCV,
  KFold,
  LeaveOneOut,
  ParameterGrid,
  ParameterSampler,
  RandomizedSearchCV,
  ShuffleSplit,
  StratifiedKFold,
  StratifiedShuffleSplit,
  checkCv,
  crossValScore,
  crossValidate,
  loguniform,
  randint,
  trainTestSplit,
  uniform,
  type Split,
} from '../src/model_selection/index';

const dir = fileURLToPath(new URL('./fixtures/model_selection/', import.meta.url));
const splits = JSON.parse(readFileSync(dir + 'splits.json', 'utf8'));
const search = JSON.parse(readFileSync(dir + 'search.json', 'utf8'));

const warnings: TypelearnWarning[] = [];
let previous: WarningHandler;
beforeEach(() => {
  warnings.length = 0;
  previous = setWarningHandler((w) => warnings.push(w));
});
afterEach(() => {
  setWarningHandler(previous);
});

const rows = (n: number): number[][] => Array.from({ length: n }, (_, i) => [i]);
const close = (a: number[], b: number[], tol: number): void => {
  expect(a.length).toBe(b.length);
  a.forEach((v, i) => expect(Math.abs(v - b[i])).toBeLessThan(tol));
};

/** Nearest centroid (Euclidean), as scikit-learn's NearestCentroid; test-local. */
class Centroids extends BaseClassifier<{ shrink: number }, { classes: Label[]; centroids: number[][]; nFeaturesIn: number }> {
  static override readonly className = 'TestCentroids';
  static override readonly defaults = { shrink: 0 };
  fit(X: MatrixLike, y: ArrayLike<Label>): this {
    const d = this.checkX(X, { reset: true });
    const classes = [...new Set(Array.from(y))].sort();
    const centroids = classes.map((c) => {
      const sum = new Array<number>(d.cols).fill(0);
      let n = 0;
      for (let i = 0; i < d.rows; i++) {
        if (y[i] !== c) continue;
        n++;
        for (let j = 0; j < d.cols; j++) sum[j] += d.data[i * d.cols + j];
      }
      return sum.map((s) => s / n);
    });
    this.state = { classes, centroids, nFeaturesIn: d.cols };
    return this;
  }
  predict(X: MatrixLike): Label[] {
    const s = this.fitted('predict');
    const d = this.checkX(X);
    const out: Label[] = [];
    for (let i = 0; i < d.rows; i++) {
      let best = 0;
      let bestD = Infinity;
      s.centroids.forEach((c, k) => {
        let dist = 0;
        for (let j = 0; j < d.cols; j++) dist += (d.data[i * d.cols + j] - c[j]) ** 2;
        if (dist < bestD) {
          bestD = dist;
          best = k;
        }
      });
      out.push(s.classes[best]);
    }
    return out;
  }
}
registerEstimator(Centroids);

/** Predicts the mean of y; accepts any X (records too) and counts its fits; fails on request. */
let fitCount = 0;
class MeanRegressor extends BaseRegressor<{ failAbove: number }, { mean: number }> {
  static override readonly className = 'TestMeanRegressor';
  static override readonly defaults = { failAbove: Infinity };
  fit(_X: readonly unknown[] | Matrix, y: ArrayLike<number>): this {
    fitCount++;
    let s = 0;
    for (let i = 0; i < y.length; i++) s += y[i];
    if (s / y.length > this.params.failAbove) throw new Error('mean too large');
    this.state = { mean: s / y.length };
    return this;
  }
  predict(X: readonly unknown[] | Matrix): number[] {
    const n = X instanceof Matrix ? X.rows : X.length;
    return new Array<number>(n).fill(this.fitted('predict').mean);
  }
}
registerEstimator(MeanRegressor);

describe('KFold and StratifiedKFold', () => {
  it('KFold folds equal scikit-learn', () => {
    for (const c of splits.kfold) {
      const folds = [...new KFold({ nSplits: c.nSplits }).split(rows(c.n))];
      expect(folds).toEqual(c.folds);
      expect(new KFold({ nSplits: c.nSplits }).getNSplits()).toBe(c.nSplits);
    }
  });

  it('StratifiedKFold folds equal scikit-learn (strings, booleans, uneven classes)', () => {
    expect(splits.stratifiedKFold.length).toBeGreaterThan(10);
    for (const c of splits.stratifiedKFold) {
      const folds = [...new StratifiedKFold({ nSplits: c.nSplits }).split(rows(c.y.length), c.y)];
      expect(folds).toEqual(c.folds);
    }
  });

  it('warns when the smallest class is smaller than nSplits, throws when every class is', () => {
    const y = ['a', 'a', 'a', 'a', 'b', 'b'];
    new StratifiedKFold({ nSplits: 3 }).split(rows(6), y);
    expect(warnings.map((w) => w.message).join()).toMatch(/least populated class in y has only 2 members/);
    expect(() => new StratifiedKFold({ nSplits: 5 }).split(rows(6), y)).toThrow(/nSplits=5/);
    expect(() => new StratifiedKFold({ nSplits: 3 }).split(rows(6), [0.5, 1, 2, 3, 4, 5])).toThrow(ValidationError);
  });

  it('rejects nSplits > n, randomState without shuffle, bad nSplits', () => {
    expect(() => new KFold({ nSplits: 6 }).split(rows(5))).toThrow(/at least nSplits=6 samples/);
    expect(() => new StratifiedKFold({ nSplits: 6 }).split(rows(5), [0, 0, 1, 1, 1])).toThrow(ValidationError);
    expect(() => new KFold({ randomState: 0 })).toThrow(/randomState/);
    expect(() => new StratifiedKFold({ randomState: 0 })).toThrow(/randomState/);
    expect(() => new KFold({ nSplits: 1 })).toThrow(/nSplits/);
    expect(() => new KFold({ nSplits: 2.5 })).toThrow(/nSplits/);
  });

  it('shuffles reproducibly, keeping fold sizes and stratification', () => {
    const a = [...new KFold({ nSplits: 3, shuffle: true, randomState: 1 }).split(rows(10))];
    const b = [...new KFold({ nSplits: 3, shuffle: true, randomState: 1 }).split(rows(10))];
    expect(a).toEqual(b);
    expect(a.map((f) => f.test.length)).toEqual([4, 3, 3]);
    expect(a.flatMap((f) => f.test).sort((x, y) => x - y)).toEqual(rows(10).map(([i]) => i));
    expect(a).not.toEqual([...new KFold({ nSplits: 3 }).split(rows(10))]);
    const y = [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1];
    const s = [...new StratifiedKFold({ nSplits: 3, shuffle: true, randomState: 2 }).split(rows(12), y)];
    for (const f of s) expect(f.test.filter((i) => y[i] === 1).length).toBe(2);
  });

  it('LeaveOneOut and ShuffleSplit', () => {
    expect([...new LeaveOneOut().split(rows(3))]).toEqual([
      { train: [1, 2], test: [0] },
      { train: [0, 2], test: [1] },
      { train: [0, 1], test: [2] },
    ]);
    expect(() => new LeaveOneOut().split(rows(1))).toThrow(ValidationError);
    const ss = [...new ShuffleSplit({ nSplits: 4, randomState: 3 }).split(rows(25))];
    expect(ss.length).toBe(4);
    for (const s of ss) {
      expect(s.test.length).toBe(3); // ceil(0.1 * 25)
      expect(s.train.length).toBe(22);
      expect(new Set([...s.train, ...s.test]).size).toBe(25);
    }
    const y = Array.from({ length: 30 }, (_, i) => (i < 20 ? 'a' : 'b'));
    for (const s of new StratifiedShuffleSplit({ nSplits: 3, testSize: 0.3, randomState: 0 }).split(rows(30), y)) {
      expect(s.test.filter((i) => y[i] === 'b').length).toBe(3);
      expect(s.train.filter((i) => y[i] === 'b').length).toBe(7);
    }
  });
});

describe('trainTestSplit', () => {
  it('gives scikit-learn sizes for many (n, testSize, trainSize), and its errors', () => {
    let errors = 0;
    for (const c of splits.sizes) {
      const opts = { testSize: c.testSize, trainSize: c.trainSize, randomState: 0 };
      if (c.result === null) {
        errors++;
        expect(() => trainTestSplit(rows(c.n), opts), JSON.stringify(c)).toThrow(ValidationError);
      } else {
        const { XTrain, XTest } = trainTestSplit(rows(c.n), opts);
        expect([XTrain.length, XTest.length], JSON.stringify(c)).toEqual([c.result.nTrain, c.result.nTest]);
      }
    }
    expect(errors).toBeGreaterThan(10);
  });

  it('gives scikit-learn per-class counts with stratify', () => {
    let deterministic = 0;
    for (const c of splits.stratifiedSplit) {
      const opts = { testSize: c.testSize, trainSize: c.trainSize, stratify: c.y };
      if (c.error) {
        expect(() => trainTestSplit(rows(c.y.length), c.y, { ...opts, randomState: 0 })).toThrow(ValidationError);
        continue;
      }
      if (c.outcomes.length === 1) deterministic++;
      const allowed = c.outcomes.map((o: { train: number[]; test: number[] }) => JSON.stringify(o));
      const seen = new Set<string>();
      for (let seed = 0; seed < 30; seed++) {
        const { yTrain, yTest } = trainTestSplit(rows(c.y.length), c.y as Label[], { ...opts, randomState: seed });
        const count = (ys: Label[]) => c.labels.map((l: Label) => ys.filter((v) => v === l).length);
        const got = JSON.stringify({ train: count(yTrain), test: count(yTest) });
        expect(allowed, JSON.stringify(c)).toContain(got);
        seen.add(got);
      }
      // When scikit-learn breaks ties at random, we do too.
      if (c.outcomes.length > 1) expect(seen.size).toBeGreaterThan(1);
    }
    expect(deterministic).toBeGreaterThan(20);
  });

  it('keeps order without shuffle, and rejects stratify then', () => {
    const X = rows(10);
    const y = X.map(([v]) => v * 10);
    const r = trainTestSplit(X, y, { shuffle: false, testSize: 0.3 });
    expect(r.XTrain).toEqual(rows(7));
    expect(r.yTest).toEqual([70, 80, 90]);
    expect(() => trainTestSplit(X, y, { shuffle: false, stratify: y })).toThrow(/stratify/);
  });

  it('keeps the kind of X and y, pairs rows with labels, never aliases', () => {
    const n = 12;
    const X = rows(n).map(([i]) => [i, 2 * i]);
    const y = new Float64Array(X.map(([i]) => i + 0.5));
    const plain = trainTestSplit(X, y, { randomState: 4 });
    expect(plain.yTrain).toBeInstanceOf(Float64Array);
    plain.XTrain.forEach((row, k) => expect(row[0] + 0.5).toBe(plain.yTrain[k]));
    plain.XTrain[0][0] = -1;
    expect(X.some((r) => r[0] === -1)).toBe(false);
    const typed = trainTestSplit(X.map((r) => Float64Array.from(r)), { randomState: 4 });
    expect(typed.XTrain[0]).toBeInstanceOf(Float64Array);
    expect(typed.XTrain.map((r) => r[0])).toEqual(trainTestSplit(X, { randomState: 4 }).XTrain.map((r) => r[0]));
    const m = trainTestSplit(new Matrix(X), y, { randomState: 4, testSize: 3 });
    expect(m.XTrain).toBeInstanceOf(Matrix);
    expect(m.XTest.rows).toBe(3);
    m.XTest.to2DArray().forEach((row, k) => expect(row[0] + 0.5).toBe(m.yTest[k]));
    const records = X.map(([a, b]) => ({ a, b, name: `r${a}` }));
    const rec = trainTestSplit(records, { randomState: 4 });
    expect(rec.XTest[0]).toHaveProperty('name');
    expect(rec.XTrain.length + rec.XTest.length).toBe(n);
  });

  it('rejects bad sizes and inputs naming the option', () => {
    try {
      trainTestSplit(rows(2), { testSize: 2 });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).param).toBe('testSize');
      expect((e as ValidationError).message).toMatch(/testSize.*trainTestSplit.*\(0, 1\).*2 with 2 samples/);
    }
    expect(() => trainTestSplit(rows(10), { testSize: 1.5 })).toThrow(/testSize/);
    expect(() => trainTestSplit(rows(10), { testSize: -0.2 })).toThrow(/testSize/);
    expect(() => trainTestSplit(rows(10), { testSize: 0.6, trainSize: 0.6 })).toThrow(/sums to at most 1/);
    expect(() => trainTestSplit(rows(10), [1, 2, 3])).toThrow(/y/);
    expect(() => trainTestSplit(rows(10), { tstSize: 0.2 } as never)).toThrow(/tstSize/);
  });
});

describe('ParameterGrid and ParameterSampler', () => {
  it('iterates in scikit-learn order, and at(i) agrees', () => {
    for (const c of splits.parameterGrid) {
      const g = new ParameterGrid(c.grid);
      const got = g.toArray();
      expect(got).toEqual(c.expected);
      for (const [k, p] of got.entries()) expect(Object.keys(p)).toEqual(Object.keys(c.expected[k]));
      expect(g.length).toBe(c.expected.length);
      got.forEach((p, i) => expect(g.at(i)).toEqual(p));
    }
  });

  it('rejects malformed grids', () => {
    expect(() => new ParameterGrid([])).toThrow(ValidationError);
    expect(() => new ParameterGrid({ a: [] })).toThrow(/non-empty/);
    expect(() => new ParameterGrid({ a: 1 } as never)).toThrow(/wrap a single value/);
  });

  it('samples lists without replacement, distributions within range, reproducibly', () => {
    const grid = { a: [1, 2, 3], b: ['x', 'y'] };
    const s = new ParameterSampler(grid, 6, { randomState: 0 }).toArray();
    expect(new Set(s.map((p) => JSON.stringify(p))).size).toBe(6);
    expect(new ParameterSampler(grid, 9, { randomState: 0 }).toArray().length).toBe(6);
    expect(warnings.map((w) => w.message).join()).toMatch(/smaller than nIter=9/);
    const d = { c: loguniform(1e-2, 1e2), k: randint(1, 4), u: uniform(-1, 2), kind: ['p', 'q'] };
    const draws = new ParameterSampler(d, 200, { randomState: 5 }).toArray();
    expect(draws).toEqual(new ParameterSampler(d, 200, { randomState: 5 }).toArray());
    for (const p of draws) {
      expect(Object.keys(p)).toEqual(['c', 'k', 'kind', 'u']);
      expect(p.c as number).toBeGreaterThanOrEqual(1e-2);
      expect(p.c as number).toBeLessThan(1e2);
      expect([1, 2, 3]).toContain(p.k);
      expect(p.u as number).toBeGreaterThanOrEqual(-1);
      expect(p.u as number).toBeLessThan(1);
    }
    expect(new Set(draws.map((p) => p.k)).size).toBe(3);
    expect(draws.filter((p) => (p.c as number) < 1).length).toBeGreaterThan(60); // log-uniform: half below 1
    expect(() => randint(3, 3)).toThrow(/high/);
    expect(() => loguniform(0, 1)).toThrow(/'a'/);
    expect(uniform(0, 1).rvs(new RandomState(1))).toBeLessThan(1);
  });
});

describe('crossValScore and crossValidate', () => {
  const X: number[][] = search.X;
  const y: number[] = search.y;

  it('match scikit-learn for LinearRegression (default score and r2)', () => {
    close(crossValScore(new LinearRegression(), X, y), search.crossValScoreDefault, 1e-9);
    close(crossValScore(new LinearRegression(), X, y, { cv: 5, scoring: 'r2' }), search.crossValScoreR2, 1e-9);
    close(crossValScore(new LinearRegression({ fitIntercept: false }), X, y, { cv: 3 }), search.crossValScoreCv3NoIntercept, 1e-9);
    close(crossValScore(new LinearRegression(), new Matrix(X), Float64Array.from(y)), search.crossValScoreDefault, 1e-9);
    close(crossValScore(new LinearRegression(), X.map((r) => Float64Array.from(r)), y, { cv: new KFold() }), search.crossValScoreDefault, 1e-9);
  });

  it('crossValidate keys and values for several metrics, like scikit-learn', () => {
    const r = crossValidate(new LinearRegression(), X, y, { cv: 4, scoring: ['r2'], returnTrainScore: true });
    close(r.test_r2, search.crossValidateMulti.test_r2, 1e-9);
    close(r.train_r2, search.crossValidateMulti.train_r2, 1e-9);
    expect(Object.keys(r).sort()).toEqual(['fitTime', 'scoreTime', 'test_r2', 'train_r2']);
    const custom = crossValidate(new LinearRegression(), X, y, { cv: 4, scoring: { neg: (est, Xs, ys) => -Math.abs(est.predict(Xs)[0] as number - (ys[0] as number)), r2: 'r2' } });
    expect(Object.keys(custom).sort()).toEqual(['fitTime', 'scoreTime', 'test_neg', 'test_r2']);
    custom.test_neg.forEach((v) => expect(v).toBeLessThanOrEqual(0));
  });

  it('single metric: testScore, trainScore, times and estimators; never fits the given instance', () => {
    const model = new LinearRegression();
    const r = crossValidate(model, X, y, { cv: 5, returnTrainScore: true, returnEstimator: true });
    close(r.testScore, search.crossValScoreDefault, 1e-9);
    expect(r.trainScore?.length).toBe(5);
    expect(r.fitTime.length).toBe(5);
    expect(r.scoreTime.every((t) => t >= 0)).toBe(true);
    expect(r.estimator?.every((e) => e.isFitted() && e !== model)).toBe(true);
    expect(model.isFitted()).toBe(false);
  });

  it('uses stratified folds for classifiers with an integer cv, as scikit-learn', () => {
    const { X: Xc, y: yc } = search.classifier;
    const scores = crossValScore(new Centroids(), Xc, yc, { cv: 3 });
    close(scores, search.classifier.crossValScore, 1e-12);
    const strat = [...new StratifiedKFold({ nSplits: 3 }).split(Xc, yc)];
    expect(checkCv(3, Xc, yc, true)).toEqual(strat);
    expect(checkCv(3, Xc, yc, false)).toEqual([...new KFold({ nSplits: 3 }).split(Xc)]);
    // Unstratified folds of these class-sorted labels would score very differently.
    expect(crossValScore(new Centroids(), Xc, yc, { cv: new KFold({ nSplits: 3 }) })).not.toEqual(scores);
    // A regressor with integer targets still gets KFold.
    expect(checkCv(3, Xc, yc.map((_: string, i: number) => i % 2), false)).toEqual([...new KFold({ nSplits: 3 }).split(Xc)]);
  });

  it('splits records and accepts explicit splits', () => {
    const recs = y.map((v, i) => ({ id: i, v }));
    const cv: Split[] = [
      { train: [0, 1, 2, 3], test: [4, 5] },
      { train: [2, 3, 4, 5], test: [0, 1] },
    ];
    const r = crossValidate(new MeanRegressor(), recs, y, { cv, returnEstimator: true });
    expect(r.testScore.length).toBe(2);
    expect((r.estimator?.[0] as MeanRegressor).predict([{}])[0]).toBeCloseTo((y[0] + y[1] + y[2] + y[3]) / 4, 12);
  });

  it('errorScore: NaN with a FitFailedWarning, or raise', () => {
    const yy = [0, 0, 0, 0, 10, 10, 10, 10];
    const Xs = rows(8);
    const r = crossValScore(new MeanRegressor({ failAbove: 6 }), Xs, yy, { cv: new KFold({ nSplits: 4 }) });
    expect(r.filter(Number.isNaN).length).toBe(2); // folds training on mostly 10s fail
    expect(warnings.some((w) => w instanceof FitFailedWarning)).toBe(true);
    expect(() => crossValScore(new MeanRegressor({ failAbove: 6 }), Xs, yy, { cv: 4, errorScore: 'raise' })).toThrow('mean too large');
    expect(() => crossValScore(new MeanRegressor({ failAbove: -1 }), Xs, yy, { cv: 4 })).toThrow(/all the 4 fits failed/);
  });

  it('rejects cv larger than n, unknown scoring, bad cv and options', () => {
    expect(() => crossValScore(new LinearRegression(), X.slice(0, 4), y.slice(0, 4), { cv: 5 })).toThrow(/at least nSplits=5 samples/);
    expect(() => crossValScore(new LinearRegression(), X, y, { scoring: 'r3' })).toThrow(/did you mean 'r2'/);
    expect(() => crossValScore(new LinearRegression(), X, y, { cv: 1 })).toThrow(/cv/);
    expect(() => crossValScore(new LinearRegression(), X, y.slice(1))).toThrow(/y/);
    expect(() => crossValScore({} as never, X, y)).toThrow(/estimator/);
    expect(() => crossValidate(new LinearRegression(), X, y, { scoring: [] })).toThrow(/scoring/);
  });

  it('rejects a row that is not an array, typed array or record before splitting, naming the function', () => {
    for (const bad of [undefined, null, 3, 'row', new BigInt64Array(2)]) {
      const Xb: unknown[] = X.map((r) => r.slice());
      Xb[3] = bad;
      for (const run of [
        () => crossValScore(new LinearRegression(), Xb as number[][], y),
        () => crossValidate(new LinearRegression(), Xb as number[][], y),
        () => trainTestSplit(Xb as number[][], y),
        () => new KFold().split(Xb as number[][]),
      ]) {
        expect(run).toThrow(ValidationError);
        expect(run).toThrow(/row 3/);
      }
    }
    // records: every row an object
    const recs: unknown[] = X.map((r) => ({ a: r[0] }));
    recs[2] = [1];
    expect(() => trainTestSplit(recs as never, y)).toThrow(/trainTestSplit.*row 2/);
  });
});

describe('GridSearchCV and RandomizedSearchCV', () => {
  const X: number[][] = search.X;
  const y: number[] = search.y;
  const camel: Record<string, string> = {
    scale__with_mean: 'scale__withMean',
    scale__with_std: 'scale__withStd',
    linearregression__fit_intercept: 'linearregression__fitIntercept',
  };
  const toCamel = (p: Record<string, unknown>) => Object.fromEntries(Object.entries(p).map(([k, v]) => [camel[k], v]));
  const pipe = () => new Pipeline([['scale', new StandardScaler()], ['linearregression', new LinearRegression()]]);

  it('matches scikit-learn over a StandardScaler → LinearRegression pipeline', () => {
    const ref = search.gridSearch;
    const gs = new GridSearchCV(pipe(), { scale__withMean: [true, false], linearregression__fitIntercept: [true, false] }, { returnTrainScore: true }).fit(X, y);
    const r = gs.cvResults_;
    expect(r.params).toEqual(ref.params.map(toCamel));
    close(r.mean_test_score, ref.mean_test_score, 1e-9);
    close(r.std_test_score, ref.std_test_score, 1e-9);
    close(r.split0_test_score, ref.split0_test_score, 1e-9);
    close(r.mean_train_score, ref.mean_train_score, 1e-9);
    const keys = Object.keys(r).map((k) => (k.startsWith('param_') ? `param_${Object.keys(camel).find((s) => camel[s] === k.slice(6))}` : k));
    expect(keys.sort()).toEqual(ref.keys);
    // The first two candidates tie up to rounding; the best must be one of the equal best.
    const top = Math.max(...ref.mean_test_score);
    expect(Math.abs(r.mean_test_score[gs.bestIndex_] - top)).toBeLessThan(1e-9);
    expect(gs.bestScore_).toBeCloseTo(ref.best_score, 9);
    expect(gs.bestParams_.linearregression__fitIntercept).toBe(ref.best_params.linearregression__fit_intercept);
    expect(r.param_scale__withMean).toEqual([true, false, true, false]);
    expect(gs.nSplits_).toBe(5);
    close(gs.predict(X.slice(0, 5)) as number[], ref.predict, 1e-9);
    expect(gs.score(X, y)).toBeCloseTo((gs.bestEstimator_ as Pipeline).score(X, y), 12);
  });

  it('picks the same best params as scikit-learn on a list of grids, ranks with ties as "min"', () => {
    const ref = search.gridSearchList;
    const gs = new GridSearchCV({
      estimator: pipe(),
      paramGrid: [
        { linearregression__fitIntercept: [false], scale__withMean: [true, false], scale__withStd: [true, false] },
        { linearregression__fitIntercept: [true] },
      ],
    }).fit(X, y);
    expect(gs.cvResults_.params).toEqual(ref.params.map(toCamel));
    close(gs.cvResults_.mean_test_score, ref.mean_test_score, 1e-9);
    expect(gs.bestParams_).toEqual(toCamel(ref.best_params));
    expect(gs.bestIndex_).toBe(ref.best_index);
    expect(gs.bestScore_).toBeCloseTo(ref.best_score, 9);
    expect(gs.cvResults_.param_scale__withStd).toEqual([true, false, true, false, null]);
    // Candidates 0 and 1 differ only by a feature scaling that leaves the fit unchanged in exact
    // arithmetic: their scores tie in scikit-learn's run, and in ours agree to rounding. Ranks use
    // exact equality ("min" on ties), as scikit-learn's rankdata does.
    const [s0, s1] = gs.cvResults_.mean_test_score as number[];
    expect(Math.abs(s0 - s1)).toBeLessThanOrEqual(1e-12 * Math.abs(s1));
    const [r0, r1] = gs.cvResults_.rank_test_score as number[];
    if (s0 === s1) expect(r0).toBe(r1);
    else expect(Math.abs(r0 - r1)).toBe(1);
  });

  it('the first of equal best scores wins', () => {
    const gs = new GridSearchCV(new MeanRegressor(), { failAbove: [1e9, 2e9, 3e9] }, { cv: 3 }).fit(rows(9), rows(9).map(([v]) => v));
    expect(gs.cvResults_.rank_test_score).toEqual([1, 1, 1]);
    expect(gs.bestIndex_).toBe(0);
  });

  it('validates every candidate before fitting, and rejects empty grids', () => {
    fitCount = 0;
    expect(() => new GridSearchCV(new MeanRegressor(), [{ failAbove: [1] }, { failabove: [2] }]).fit(rows(10), rows(10).map(([v]) => v))).toThrow(/no option 'failabove'.*Did you mean 'failAbove'/);
    expect(fitCount).toBe(0);
    expect(() => new GridSearchCV(pipe(), { scale__withMan: [true] }).fit(X, y)).toThrow(/withMan/);
    expect(() => new GridSearchCV(pipe(), { svc__C: [1] }).fit(X, y)).toThrow(/no nested estimator 'svc'/);
    expect(() => new GridSearchCV(pipe(), { scale__withMean: [1] }).fit(X, y)).toThrow(/withMean/);
    expect(() => new GridSearchCV(pipe(), [])).toThrow(/paramGrid/);
    expect(() => new GridSearchCV(pipe(), { scale__withMean: [] })).toThrow(/paramGrid/);
    expect(() => new GridSearchCV(pipe(), { a: [1] }, { cv: 0 })).toThrow(/cv/);
    expect(() => new GridSearchCV(undefined, { a: [1] })).toThrow(/estimator/);
    expect(() => new GridSearchCV(pipe(), {}, { scoring: 'nope' }).fit(X, y)).toThrow(/scoring/);
  });

  it('rejects hostile rows of X with a ValidationError naming the search (undefined, null, nested arrays)', () => {
    const y2 = y.map((v) => [v, -v]);
    for (const bad of [undefined, null]) {
      const Xb: unknown[] = X.map((r) => r.slice());
      Xb[5] = bad;
      const grid = () => new GridSearchCV(pipe(), { scale__withMean: [true, false] }).fit(Xb as number[][], y);
      expect(grid).toThrow(ValidationError);
      expect(grid).toThrow(/GridSearchCV.*row 5/);
      const rand = () => new RandomizedSearchCV(new LinearRegression(), { fitIntercept: [true, false] }, { nIter: 2, randomState: 0 }).fit(Xb as number[][], y2 as never);
      expect(rand).toThrow(/RandomizedSearchCV.*row 5/);
    }
    // a cell that is not a number reaches the estimator, which refuses it with a ValidationError
    const Xn: unknown[] = X.map((r) => r.slice());
    Xn[4] = [[1], ...X[4].slice(1)];
    expect(() => new GridSearchCV(new LinearRegression(), { fitIntercept: [true] }).fit(Xn as number[][], y)).toThrow(ValidationError);
  });

  it('an empty grid {} evaluates the estimator as it is', () => {
    const gs = new GridSearchCV(new LinearRegression(), {}).fit(X, y);
    expect(gs.cvResults_.params).toEqual([{}]);
    close(gs.cvResults_.mean_test_score, [search.crossValScoreDefault.reduce((a: number, b: number) => a + b) / 5], 1e-9);
  });

  it('is an estimator: clone, getParams, setParams, tags, stratified cv for classifiers', () => {
    const gs = new GridSearchCV(pipe(), { scale__withMean: [true, false] }, { cv: 3 });
    const params = gs.getParams();
    expect(params.estimator__scale__withMean).toBe(true);
    const c = gs.clone();
    expect(c).not.toBe(gs);
    expect(c.getParams(false).estimator).not.toBe(gs.getParams(false).estimator);
    gs.setParams({ estimator__linearregression__fitIntercept: false });
    expect(gs.getParams().estimator__linearregression__fitIntercept).toBe(false);
    const { X: Xc, y: yc } = search.classifier;
    const cls = new GridSearchCV(new Centroids(), { shrink: [0] }, { cv: 3 }).fit(Xc, yc);
    close([cls.cvResults_.split0_test_score[0], cls.cvResults_.split1_test_score[0], cls.cvResults_.split2_test_score[0]], search.classifier.crossValScore, 1e-12);
    expect(cls.classes_).toEqual(['a', 'b', 'c']);
    expect(crossValScore(cls, Xc, yc, { cv: 3 }).length).toBe(3); // nested: the search is a classifier
    const model = pipe();
    new GridSearchCV(model, { scale__withMean: [true] }).fit(X, y);
    expect(model.isFitted()).toBe(false);
  });

  it('several metrics need refit to name one; refit false has no best estimator', () => {
    const scoring = { r2: 'r2', neg: (est: { predict(X: MatrixLike): ArrayLike<number> | ArrayLike<Label> }, Xs: MatrixLike, ys: ArrayLike<number> | ArrayLike<Label>) => -Math.abs((est.predict(Xs)[0] as number) - (ys[0] as number)) };
    expect(() => new GridSearchCV(pipe(), { linearregression__fitIntercept: [true, false] }, { scoring: scoring as never }).fit(X, y)).toThrow(/refit/);
    const gs = new GridSearchCV(pipe(), { linearregression__fitIntercept: [true, false] }, { scoring: scoring as never, refit: 'r2', returnTrainScore: true }).fit(X, y);
    expect(Object.keys(gs.cvResults_)).toContain('rank_test_neg');
    expect(Object.keys(gs.cvResults_)).toContain('mean_train_r2');
    expect(gs.bestScore_).toBeCloseTo(Math.max(...search.gridSearch.mean_test_score), 9);
    const noRefit = new GridSearchCV(pipe(), { linearregression__fitIntercept: [true, false] }, { refit: false }).fit(X, y);
    expect(noRefit.bestParams_).toEqual({ linearregression__fitIntercept: true });
    expect(() => noRefit.bestEstimator_).toThrow(/refit is false/);
    expect(() => noRefit.predict(X)).toThrow(/refit is false/);
    expect(() => new GridSearchCV(pipe(), { linearregression__fitIntercept: [true] }).predict(X)).toThrow(/not fitted/);
  });

  it('errorScore NaN ranks failing candidates last; raise rethrows', () => {
    const Xs = rows(8);
    const yy = [0, 0, 0, 0, 10, 10, 10, 10];
    const gs = new GridSearchCV(new MeanRegressor(), { failAbove: [-1, 1e9] }, { cv: 4 }).fit(Xs, yy);
    expect(Number.isNaN(gs.cvResults_.mean_test_score[0])).toBe(true);
    expect(gs.cvResults_.rank_test_score).toEqual([2, 1]);
    expect(gs.bestIndex_).toBe(1);
    expect(warnings.some((w) => w instanceof FitFailedWarning)).toBe(true);
    expect(() => new GridSearchCV(new MeanRegressor(), { failAbove: [-1, 1e9] }, { cv: 4, errorScore: 'raise' }).fit(Xs, yy)).toThrow('mean too large');
  });

  it('survives save and load, predicting the same', () => {
    const gs = new GridSearchCV(pipe(), { scale__withMean: [true, false], linearregression__fitIntercept: [true, false] }, { cv: new KFold({ nSplits: 4 }) }).fit(X, y);
    const again = loadModel<GridSearchCV>(JSON.stringify(gs));
    expect(again).toBeInstanceOf(GridSearchCV);
    expect(again.predict(X)).toEqual(gs.predict(X));
    expect(again.bestParams_).toEqual(gs.bestParams_);
    expect(again.cvResults_.mean_test_score).toEqual(gs.cvResults_.mean_test_score);
    expect(again.getParams(false).cv).toBeInstanceOf(KFold);
    expect(again.clone().fit(X, y).predict(X)).toEqual(gs.predict(X));
  });

  it('RandomizedSearchCV samples candidates, reproducibly, and saves', () => {
    const opts = { nIter: 4, randomState: 3, cv: 3 };
    const dist = { linearregression__fitIntercept: [true, false], scale__withMean: [true, false] };
    const rs = new RandomizedSearchCV(pipe(), dist, opts).fit(X, y);
    expect(rs.cvResults_.params.length).toBe(4);
    expect(new Set(rs.cvResults_.params.map((p) => JSON.stringify(p))).size).toBe(4);
    expect(new RandomizedSearchCV(pipe(), dist, opts).fit(X, y).cvResults_.params).toEqual(rs.cvResults_.params);
    expect(rs.bestParams_.linearregression__fitIntercept).toBe(true);
    const withDist = new RandomizedSearchCV(new MeanRegressor(), { failAbove: uniform(100, 10) }, { nIter: 3, randomState: 0, cv: 3 }).fit(X, y);
    for (const p of withDist.cvResults_.params) expect(p.failAbove as number).toBeGreaterThanOrEqual(100);
    const again = loadModel<RandomizedSearchCV>(JSON.stringify(withDist));
    expect(again.predict(X.slice(0, 3))).toEqual(withDist.predict(X.slice(0, 3)));
    expect(again.clone().fit(X, y).cvResults_.params).toEqual(withDist.cvResults_.params);
    expect(() => new RandomizedSearchCV(pipe(), { scale__withMean: 'yes' } as never)).toThrow(/paramDistributions/);
  });
});
