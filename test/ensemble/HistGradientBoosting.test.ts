import { describe, expect, it } from 'vitest';
import {
  HistGradientBoostingClassifier,
  HistGradientBoostingRegressor,
  NotFittedError,
  ValidationError,
  loadBreastCancer,
  loadDiabetes,
  loadDigits,
  loadIris,
  loadModel,
  loadWine,
} from '../../src/index';
import type { Label } from '../../src/index';
import { fitBins } from '../../src/ensemble/hist/binning';
import { RandomState } from '../../src/core/random';
import { fixture, nanify } from '../helpers';

interface Fx {
  sklearn: string;
  diabetes: { predict: number[]; thresholds: number[][]; nIter: number };
  diabetesAbsolute: { predict: number[] };
  diabetesPoisson: { predict: number[] };
  diabetesQuantile: { predict: number[] };
  diabetesOptions: { predict: number[] };
  diabetesMonotonic: { cst: number[]; predict: number[] };
  diabetesBins16: { predict: number[]; thresholds: number[][] };
  diabetesEarlyStop: { nIter: number; trainScore: number[] };
  breastCancer: { proba: number[][]; decision: number[]; thresholds: number[][] };
  iris: { proba: number[][] };
  diabetesNaN: { X: Array<Array<number | null>>; predict: number[] };
  breastCancerNaN: { X: Array<Array<number | null>>; proba: number[][] };
  categorical: { X: Array<Array<number | null>>; y: number[]; Xtest: Array<Array<number | null>>; predict: number[]; predictTest: number[] };
  categoricalClf: { y: number[]; proba: number[][]; probaTest: number[][] };
  categoricalNoNaN: { predictTest: number[] };
  heldOutScores: Record<'iris' | 'wine' | 'breastCancer' | 'digits' | 'diabetes', number>;
}

const fx = fixture<Fx>('ensemble/hgb.json');
const diabetes = loadDiabetes();
const cancer = loadBreastCancer();
const iris = loadIris();

/** Predictions agree with scikit-learn 1.2.1's to this relative tolerance (we reach ~1e-15). */
const TOL = 1e-9;

function expectRelClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol = TOL): void {
  expect(actual.length).toBe(expected.length);
  let worst = 0;
  for (let i = 0; i < expected.length; i++) worst = Math.max(worst, Math.abs(actual[i] - expected[i]) / Math.max(1, Math.abs(expected[i])));
  expect(worst).toBeLessThanOrEqual(tol);
}

const flat = (m: { to2DArray(): number[][] }): number[] => m.to2DArray().flat();
const rows = (X: Array<Array<number | null>>): number[][] => nanify(X) as number[][];

describe('histogram binning (scikit-learn _BinMapper)', () => {
  const thresholds = (X: number[][], maxBins: number): Float64Array[] =>
    fitBins(Float64Array.from(X.flat()), X.length, X[0].length, maxBins, [], new RandomState(0)).thresholds;

  it('midpoints between distinct values when there are few (diabetes)', () => {
    thresholds(diabetes.data, 255).forEach((t, j) => expectRelClose(t, fx.diabetes.thresholds[j], 1e-15));
  });

  it("numpy 'midpoint' percentiles when there are more distinct values than bins", () => {
    thresholds(cancer.data, 255).forEach((t, j) => expectRelClose(t, fx.breastCancer.thresholds[j], 1e-15));
    thresholds(diabetes.data, 16).forEach((t, j) => expectRelClose(t, fx.diabetesBins16.thresholds[j], 1e-15));
  });

  it('ignores NaN and gives a constant feature no threshold', () => {
    const X = [[1, NaN], [1, 2], [1, 3], [1, NaN]];
    const m = fitBins(Float64Array.from(X.flat()), 4, 2, 255, [], new RandomState(0));
    expect(Array.from(m.thresholds[0])).toEqual([]);
    expect(Array.from(m.thresholds[1])).toEqual([2.5]);
    expect(Array.from(m.nBinsNonMissing)).toEqual([1, 2]);
  });
});

describe('HistGradientBoostingRegressor matches scikit-learn 1.2.1', () => {
  it('squared_error at the defaults (diabetes)', () => {
    const m = new HistGradientBoostingRegressor().fit(diabetes.data, diabetes.target);
    expectRelClose(m.predict(diabetes.data), fx.diabetes.predict);
    expect(m.nIter_).toBe(fx.diabetes.nIter);
    expect(m.nTreesPerIteration_).toBe(1);
    expect(m.trainScore_).toEqual([]);
  });

  it.each([
    ['absolute_error', {}, 'diabetesAbsolute'],
    ['poisson', {}, 'diabetesPoisson'],
    ['quantile', { quantile: 0.8 }, 'diabetesQuantile'],
  ] as const)('loss %s', (loss, extra, key) => {
    const m = new HistGradientBoostingRegressor({ loss, ...extra }).fit(diabetes.data, diabetes.target);
    expectRelClose(m.predict(diabetes.data), fx[key].predict);
  });

  it('maxDepth, l2Regularization, unlimited leaves, minSamplesLeaf, learningRate, maxIter', () => {
    const m = new HistGradientBoostingRegressor({ maxDepth: 3, l2Regularization: 1, maxLeafNodes: null, minSamplesLeaf: 5, learningRate: 0.3, maxIter: 30 }).fit(diabetes.data, diabetes.target);
    expectRelClose(m.predict(diabetes.data), fx.diabetesOptions.predict);
  });

  it('monotonic constraints, and the prediction is monotonic in a constrained feature', () => {
    const m = new HistGradientBoostingRegressor({ monotonicCst: fx.diabetesMonotonic.cst }).fit(diabetes.data, diabetes.target);
    expectRelClose(m.predict(diabetes.data), fx.diabetesMonotonic.predict);
    const base = diabetes.data[0];
    const grid = Array.from({ length: 40 }, (_, k) => -0.1 + k * 0.005);
    const up = m.predict(grid.map((v) => base.map((x, j) => (j === 2 ? v : x))));
    const down = m.predict(grid.map((v) => base.map((x, j) => (j === 6 ? v : x))));
    for (let k = 1; k < grid.length; k++) {
      expect(up[k]).toBeGreaterThanOrEqual(up[k - 1]);
      expect(down[k]).toBeLessThanOrEqual(down[k - 1]);
    }
  });

  it('maxBins 16', () => {
    const m = new HistGradientBoostingRegressor({ maxBins: 16, maxIter: 20 }).fit(diabetes.data, diabetes.target);
    expectRelClose(m.predict(diabetes.data), fx.diabetesBins16.predict);
  });

  it('early stopping on the training loss (validationFraction null): the same scores and iterations', () => {
    const m = new HistGradientBoostingRegressor({ earlyStopping: true, validationFraction: null, nIterNoChange: 5, learningRate: 0.5 }).fit(diabetes.data, diabetes.target);
    expect(m.nIter_).toBe(fx.diabetesEarlyStop.nIter);
    expectRelClose(m.trainScore_, fx.diabetesEarlyStop.trainScore);
    expect(m.validationScore_).toEqual([]);
  });

  it('missing values (15% NaN): the side each split sends them is learnt', () => {
    const X = rows(fx.diabetesNaN.X);
    const m = new HistGradientBoostingRegressor().fit(X, diabetes.target);
    expectRelClose(m.predict(X), fx.diabetesNaN.predict);
  });

  it('categorical features, with unseen categories, negative values and NaN at predict time treated as missing', () => {
    const c = fx.categorical;
    const m = new HistGradientBoostingRegressor({ categoricalFeatures: [0] }).fit(rows(c.X), c.y);
    expectRelClose(m.predict(rows(c.X)), c.predict);
    expectRelClose(m.predict(rows(c.Xtest)), c.predictTest);
    const p = m.predict(rows(c.Xtest));
    // Rows 3 (NaN), 4 (15), 5 (-1) and 7 (200) differ only in the category: all treated as missing.
    const missing = m.predict([[NaN, 0]])[0];
    expect(p[4]).toBe(missing);
    expect(p[5]).toBe(missing);
    expect(m.predict([[0.5, 0]])[0]).toBe(missing);
  });

  it('categorical features without NaN at fit: missing and unseen categories go to the larger child', () => {
    const c = fx.categorical;
    const X = rows(c.X).map((r) => [Number.isNaN(r[0]) ? 5 : r[0], r[1]]);
    const m = new HistGradientBoostingRegressor({ categoricalFeatures: [0] }).fit(X, c.y);
    expectRelClose(m.predict(rows(c.Xtest)), fx.categoricalNoNaN.predictTest);
  });
});

describe('HistGradientBoostingClassifier matches scikit-learn 1.2.1', () => {
  it('binary log loss (breast cancer): probabilities and decision function', () => {
    const m = new HistGradientBoostingClassifier().fit(cancer.data, cancer.target);
    expectRelClose(flat(m.predictProba(cancer.data)), fx.breastCancer.proba.flat());
    expectRelClose(m.decisionFunction(cancer.data) as number[], fx.breastCancer.decision);
  });

  it('multinomial log loss (iris): one tree per class per iteration', () => {
    const m = new HistGradientBoostingClassifier().fit(iris.data, iris.target);
    expectRelClose(flat(m.predictProba(iris.data)), fx.iris.proba.flat());
    expect(m.nTreesPerIteration_).toBe(3);
    expect((m.decisionFunction(iris.data.slice(0, 2)) as { rows: number }).rows).toBe(2);
  });

  it('missing values (15% NaN, breast cancer)', () => {
    const X = rows(fx.breastCancerNaN.X);
    const m = new HistGradientBoostingClassifier().fit(X, cancer.target);
    expectRelClose(flat(m.predictProba(X)), fx.breastCancerNaN.proba.flat());
  });

  it('categorical features (boolean mask), 3 classes', () => {
    const c = fx.categorical;
    const m = new HistGradientBoostingClassifier({ categoricalFeatures: [true, false] }).fit(rows(c.X), fx.categoricalClf.y);
    expectRelClose(flat(m.predictProba(rows(c.X))), fx.categoricalClf.proba.flat());
    expectRelClose(flat(m.predictProba(rows(c.Xtest))), fx.categoricalClf.probaTest.flat());
  });

  it('keeps the labels as given', () => {
    const y = cancer.target.map((v) => (v === 1 ? 'benign' : 'malignant'));
    const m = new HistGradientBoostingClassifier({ maxIter: 5 }).fit(cancer.data, y);
    expect(m.classes_).toEqual(['benign', 'malignant']);
    expect(new Set(m.predict(cancer.data))).toEqual(new Set(['benign', 'malignant']));
  });
});

describe('held-out scores at the defaults: at least scikit-learn minus 2 points', () => {
  const split = <T>(a: T[]) => ({ train: a.filter((_, i) => i % 4 !== 0), test: a.filter((_, i) => i % 4 === 0) });
  it.each([
    ['iris', loadIris],
    ['wine', loadWine],
    ['breastCancer', loadBreastCancer],
    ['digits', loadDigits],
  ] as const)('%s', (name, load) => {
    const { data, target } = load();
    const X = split(data);
    const y = split(target as Label[]);
    const m = new HistGradientBoostingClassifier().fit(X.train, y.train);
    expect(m.score(X.test, y.test)).toBeGreaterThanOrEqual(fx.heldOutScores[name] - 0.02);
  }, 60_000);
  it('diabetes', () => {
    const X = split(diabetes.data);
    const y = split(diabetes.target);
    const m = new HistGradientBoostingRegressor().fit(X.train, y.train);
    expect(m.score(X.test, y.test)).toBeGreaterThanOrEqual(fx.heldOutScores.diabetes - 0.02);
  });
});

describe('fitting behaviour', () => {
  it('save / load predicts bit for bit, and the saved form is plain JSON', () => {
    const c = fx.categorical;
    const m = new HistGradientBoostingClassifier({ categoricalFeatures: [0], maxIter: 10 }).fit(rows(c.X), fx.categoricalClf.y);
    const again = loadModel(JSON.stringify(m)) as HistGradientBoostingClassifier;
    expect(flat(again.predictProba(rows(c.Xtest)))).toEqual(flat(m.predictProba(rows(c.Xtest))));
    const r = new HistGradientBoostingRegressor({ loss: 'poisson', maxIter: 10 }).fit(diabetes.data, diabetes.target);
    expect((loadModel(JSON.parse(JSON.stringify(r))) as HistGradientBoostingRegressor).predict(diabetes.data)).toEqual(r.predict(diabetes.data));
  });

  it('warm start continues to maxIter and equals one longer fit', () => {
    const m = new HistGradientBoostingRegressor({ maxIter: 10, warmStart: true }).fit(diabetes.data, diabetes.target);
    m.setParams({ maxIter: 25 }).fit(diabetes.data, diabetes.target);
    expect(m.nIter_).toBe(25);
    const straight = new HistGradientBoostingRegressor({ maxIter: 25 }).fit(diabetes.data, diabetes.target);
    expect(m.predict(diabetes.data)).toEqual(straight.predict(diabetes.data));
    m.setParams({ maxIter: 5 });
    expect(() => m.fit(diabetes.data, diabetes.target)).toThrow(/maxIter/);
    expect(m.nIter_).toBe(25);
  });

  it('stagedPredict ends at predict and starts from one iteration', () => {
    const m = new HistGradientBoostingClassifier({ maxIter: 4 }).fit(iris.data, iris.target);
    const staged = [...m.stagedPredictProba(iris.data)];
    expect(staged.length).toBe(4);
    expect(flat(staged[3])).toEqual(flat(m.predictProba(iris.data)));
    expect([...m.stagedPredict(iris.data)][3]).toEqual(m.predict(iris.data));
    const r = new HistGradientBoostingRegressor({ maxIter: 3 }).fit(diabetes.data, diabetes.target);
    expect([...r.stagedPredict(diabetes.data)][2]).toEqual(r.predict(diabetes.data));
  });

  it("earlyStopping 'auto' is on above 10 000 samples and holds out validationFraction", () => {
    const n = 10_001;
    const rng = new RandomState(1);
    const X = Array.from({ length: n }, () => [rng.random(), rng.random()]);
    const y = X.map(([a, b]) => (a + 0.2 * b > 0.6 ? 1 : 0));
    const m = new HistGradientBoostingClassifier({ maxIter: 30, randomState: 0 }).fit(X, y);
    expect(m.validationScore_.length).toBe(m.nIter_ + 1);
    expect(m.trainScore_.length).toBe(m.nIter_ + 1);
    const again = new HistGradientBoostingClassifier({ maxIter: 30, randomState: 0 }).fit(X, y);
    expect(again.validationScore_).toEqual(m.validationScore_);
    const off = new HistGradientBoostingClassifier({ maxIter: 3, earlyStopping: false }).fit(X.slice(0, 2000), y.slice(0, 2000));
    expect(off.trainScore_).toEqual([]);
  }, 60_000);

  it('early stopping by a scorer', () => {
    const m = new HistGradientBoostingClassifier({ earlyStopping: true, scoring: 'accuracy', nIterNoChange: 3, randomState: 0 }).fit(cancer.data, cancer.target);
    expect(m.validationScore_.length).toBe(m.nIter_ + 1);
    expect(m.validationScore_.every((s) => s >= 0 && s <= 1)).toBe(true);
    expect(m.nIter_).toBeLessThan(100);
    const r = new HistGradientBoostingRegressor({ earlyStopping: true, scoring: null, randomState: 0 }).fit(diabetes.data, diabetes.target);
    expect(r.trainScore_.length).toBe(r.nIter_ + 1);
  });

  it("classWeight 'balanced' weighs the rare class up (as sampleWeight n / (k · count))", () => {
    const X = cancer.data;
    const y = cancer.target;
    const counts = [0, 0];
    for (const v of y) counts[v]++;
    const w = y.map((v) => X.length / (2 * counts[v]));
    const a = new HistGradientBoostingClassifier({ maxIter: 10, classWeight: 'balanced' }).fit(X, y);
    const b = new HistGradientBoostingClassifier({ maxIter: 10 }).fit(X, y, w);
    expect(flat(a.predictProba(X))).toEqual(flat(b.predictProba(X)));
    const plain = new HistGradientBoostingClassifier({ maxIter: 10 }).fit(X, y);
    expect(flat(a.predictProba(X))).not.toEqual(flat(plain.predictProba(X)));
  });

  it('sample weights: integer weights equal repeated rows', () => {
    const X = iris.data.slice(0, 100);
    const y = iris.target.slice(0, 100);
    const w = X.map((_, i) => (i % 3 === 0 ? 2 : 1));
    const Xr: number[][] = [];
    const yr: number[] = [];
    X.forEach((row, i) => {
      for (let k = 0; k < w[i]; k++) {
        Xr.push(row);
        yr.push(y[i]);
      }
    });
    const a = new HistGradientBoostingRegressor({ maxIter: 10, minSamplesLeaf: 1 }).fit(X, y.map(Number), w);
    const b = new HistGradientBoostingRegressor({ maxIter: 10, minSamplesLeaf: 1 }).fit(Xr, yr.map(Number));
    expectRelClose(a.predict(X), b.predict(X), 1e-6);
  });
});

describe('bad input', () => {
  it('NaN is accepted, Infinity is refused', () => {
    expect(() => new HistGradientBoostingRegressor({ maxIter: 2 }).fit([[NaN], [1], [2]], [1, 2, 3])).not.toThrow();
    expect(() => new HistGradientBoostingRegressor().fit([[Infinity], [1], [2]], [1, 2, 3])).toThrow(ValidationError);
    const m = new HistGradientBoostingRegressor({ maxIter: 2 }).fit([[0], [1], [2]], [1, 2, 3]);
    expect(() => m.predict([[-Infinity]])).toThrow(ValidationError);
  });

  it('maxIter 0, maxLeafNodes < 2, maxBins > 255 are refused', () => {
    expect(() => new HistGradientBoostingRegressor({ maxIter: 0 })).toThrow(/maxIter/);
    expect(() => new HistGradientBoostingClassifier({ maxLeafNodes: 1 })).toThrow(/maxLeafNodes/);
    expect(() => new HistGradientBoostingClassifier({ maxBins: 256 })).toThrow(/maxBins/);
    expect(() => new HistGradientBoostingRegressor({ loss: 'log_loss' as 'poisson' })).toThrow(/loss/);
    expect(() => new HistGradientBoostingClassifier({ scoring: 'no_such_scorer' })).toThrow(/scoring/);
    expect(() => new HistGradientBoostingClassifier({ validationFraction: 1.5 })).toThrow(/validationFraction/);
  });

  it('a single sample: the model predicts its target (baseline only)', () => {
    const m = new HistGradientBoostingRegressor().fit([[1, 2]], [3]);
    expect(m.predict([[5, 5]])).toEqual([3]);
    expect(() => new HistGradientBoostingClassifier().fit([[1, 2]], [0])).toThrow(ValidationError);
  });

  it('constant features: no split, the mean is predicted', () => {
    const X = Array.from({ length: 50 }, () => [7, 7]);
    const y = X.map((_, i) => i);
    const m = new HistGradientBoostingRegressor().fit(X, y);
    for (const v of m.predict([[7, 7], [0, 100]])) expect(v).toBeCloseTo(24.5, 12);
  });

  it('categorical values must be integers in [0, maxBins); the options are checked against X', () => {
    expect(() => new HistGradientBoostingRegressor({ categoricalFeatures: [0] }).fit([[0.5], [1], [2]], [1, 2, 3])).toThrow(/categories of feature 0/);
    expect(() => new HistGradientBoostingRegressor({ categoricalFeatures: [0], maxBins: 10 }).fit([[10], [1], [2]], [1, 2, 3])).toThrow(/maxBins/);
    expect(() => new HistGradientBoostingRegressor({ categoricalFeatures: [3] }).fit([[0], [1], [2]], [1, 2, 3])).toThrow(/categoricalFeatures/);
    expect(() => new HistGradientBoostingRegressor({ categoricalFeatures: [true, false] }).fit([[0], [1], [2]], [1, 2, 3])).toThrow(/categoricalFeatures/);
    expect(() => new HistGradientBoostingRegressor({ monotonicCst: [1, 0] }).fit([[0], [1], [2]], [1, 2, 3])).toThrow(/monotonicCst/);
    expect(() => new HistGradientBoostingRegressor({ monotonicCst: [1], categoricalFeatures: [0] }).fit([[0], [1], [2]], [1, 2, 3])).toThrow(/monotonicCst/);
    expect(() => new HistGradientBoostingClassifier({ monotonicCst: [1, 0, 0, 0] }).fit(iris.data, iris.target)).toThrow(/multiclass/);
  });

  it('loss-specific targets', () => {
    expect(() => new HistGradientBoostingRegressor({ loss: 'poisson' }).fit([[0], [1]], [-1, 2])).toThrow(/non-negative/);
    expect(() => new HistGradientBoostingRegressor({ loss: 'quantile' }).fit([[0], [1]], [1, 2])).toThrow(/quantile/);
  });

  it('a failed fit leaves the previous model intact; predict before fit throws NotFittedError', () => {
    const m = new HistGradientBoostingRegressor({ maxIter: 3 });
    expect(() => m.predict([[0]])).toThrow(NotFittedError);
    m.fit([[0], [1], [2]], [1, 2, 3]);
    const before = m.predict([[0.5]]);
    expect(() => m.fit([[Infinity], [1], [2]], [1, 2, 3])).toThrow(ValidationError);
    expect(m.predict([[0.5]])).toEqual(before);
  });

  it('inputs are not mutated', () => {
    const X = rows(fx.diabetesNaN.X).slice(0, 100);
    const y = diabetes.target.slice(0, 100);
    const copyX = JSON.stringify(X);
    const copyY = y.slice();
    new HistGradientBoostingRegressor({ maxIter: 3 }).fit(X, y).predict(X);
    expect(JSON.stringify(X)).toBe(copyX);
    expect(y).toEqual(copyY);
  });
});
