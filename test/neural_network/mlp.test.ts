/** MLPClassifier / MLPRegressor against scikit-learn 1.2.1 (test/fixtures/neural_network/make_mlp.py). */
import { describe, expect, it } from 'vitest';
import { MLPClassifier, MLPRegressor, ValidationError, loadDigits, loadDiabetes, loadModel, setWarningHandler, type TypelearnWarning } from '../../src/index';
import { makeNetwork, type HiddenActivation } from '../../src/neural_network/mlpNetwork';
import { lossGradient, makeWorkspace } from '../../src/neural_network/mlpPasses';
import { lossGradient as lossGradient32, makeWorkspace as makeWorkspace32 } from '../../src/neural_network/mlpPassesF32';
import { RandomState } from '../../src/core/random';
import { expectClose, fixture } from '../helpers';

interface BackpropCase {
  kind: 'multiclass' | 'binary' | 'regression';
  activation: HiddenActivation;
  X: number[][];
  y: number[] | number[][];
  coefs: number[][][];
  intercepts: number[][];
  loss: number;
  coefGrads: number[][][];
  interceptGrads: number[][];
  output: number[][];
}
interface Fixture {
  digits: { train: number[]; test: number[]; accuracy: number[] };
  diabetes: { train: number[]; test: number[]; r2: { adam: number[]; lbfgs: number[] } };
  backprop: BackpropCase[];
}
const F = fixture<Fixture>('neural_network/mlp.json');
const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;

/** Runs fn with warnings collected instead of printed. */
function collectWarnings<T>(fn: () => T): { value: T; warnings: TypelearnWarning[] } {
  const warnings: TypelearnWarning[] = [];
  const previous = setWarningHandler((w) => warnings.push(w));
  try {
    return { value: fn(), warnings };
  } finally {
    setWarningHandler(previous);
  }
}

function flatWeights(c: BackpropCase): Float64Array {
  return Float64Array.from([...c.coefs.flat(2), ...c.intercepts.flat()]);
}

/** The fixture's network (4 inputs, hidden 5 and 3) and its targets as the passes take them (one-hot, 0/1 column, or values). */
function networkAndTargets(c: BackpropCase): { net: ReturnType<typeof makeNetwork>; Y: Float64Array } {
  const out = c.kind === 'multiclass' ? 'softmax' : c.kind === 'binary' ? 'logistic' : 'identity';
  const nOut = c.coefs[c.coefs.length - 1][0].length;
  const net = makeNetwork([c.X[0].length, 5, 3, nOut], c.activation, out);
  const Y =
    c.kind === 'regression'
      ? Float64Array.from((c.y as number[][]).flat())
      : c.kind === 'binary'
        ? Float64Array.from(c.y as number[])
        : Float64Array.from((c.y as number[]).flatMap((v) => [0, 1, 2].map((k) => (k === v ? 1 : 0))));
  return { net, Y };
}

describe('forward and backward passes equal scikit-learn _backprop (1e-10)', () => {
  for (const c of F.backprop) {
    it(`${c.kind}, ${c.activation}`, () => {
      const { net, Y } = networkAndTargets(c);
      const w = flatWeights(c);
      const rows = c.X.length;
      const grad = new Float64Array(net.size);
      const loss = lossGradient(net, w, Float64Array.from(c.X.flat()), Y, rows, 0.3, makeWorkspace(net, rows), grad);
      expectClose(loss, c.loss, 1e-10, 1e-12);
      expectClose(Array.from(grad), [...c.coefGrads.flat(2), ...c.interceptGrads.flat()], 1e-9, 1e-12);
    });
  }

  it('predictProba of a loaded sklearn network equals sklearn output', () => {
    const c = F.backprop.find((b) => b.kind === 'multiclass' && b.activation === 'tanh');
    if (!c) throw new Error('fixture case missing');
    const clf = new MLPClassifier({ hiddenLayerSizes: [5, 3], activation: 'tanh', alpha: 0.3, solver: 'lbfgs', maxIter: 1, randomState: 0 });
    collectWarnings(() => clf.fit(c.X, c.y as number[]));
    const saved = JSON.parse(JSON.stringify(clf)) as { state: { weights: { values: number[] } } };
    saved.state.weights.values = Array.from(flatWeights(c));
    const loaded = loadModel<MLPClassifier>(saved);
    expectClose(loaded.predictProba(c.X).to2DArray(), c.output, 1e-10, 1e-13);
  });
});

/** The digits model of the parity test (hiddenLayerSizes [100], maxIter 300, seed 0), fitted once per dtype. */
const digitsModels = new Map<string, { clf: MLPClassifier; warnings: TypelearnWarning[] }>();
function digitsModel(dtype: 'float64' | 'float32'): { clf: MLPClassifier; warnings: TypelearnWarning[] } {
  let m = digitsModels.get(dtype);
  if (!m) {
    const { data, target } = loadDigits();
    const X = data.map((r) => r.map((v) => v / 16));
    const clf = new MLPClassifier({ hiddenLayerSizes: [100], maxIter: 300, randomState: 0, dtype });
    const { warnings } = collectWarnings(() => clf.fit(F.digits.train.map((i) => X[i]), F.digits.train.map((i) => target[i])));
    m = { clf, warnings };
    digitsModels.set(dtype, m);
  }
  return m;
}

describe('accuracy against scikit-learn', () => {
  it('digits (pixels / 16, 75/25 split): accuracy at least scikit-learn mean minus 2 points', () => {
    const { data, target } = loadDigits();
    const X = data.map((r) => r.map((v) => v / 16));
    const pick = <T>(a: T[], idx: number[]) => idx.map((i) => a[i]);
    const { clf, warnings } = digitsModel('float64');
    const acc = clf.score(pick(X, F.digits.test), pick(target, F.digits.test));
    expect(acc).toBeGreaterThanOrEqual(mean(F.digits.accuracy) - 0.02);
    expect(clf.lossCurve_.length).toBe(clf.nIter_);
    expect(clf.tIter_).toBe(clf.nIter_ * F.digits.train.length);
    expect(clf.bestLoss_).toBe(Math.min(...clf.lossCurve_));
    expect(warnings.every((w) => w.code === 'convergence')).toBe(true);
    expect(clf.coefs_.map((c) => [c.length, c[0].length])).toEqual([
      [64, 100],
      [100, 10],
    ]);
  });

  it('diabetes regression (adam, 2000 epochs): R² at least scikit-learn mean minus 0.05', () => {
    const { data, target } = loadDiabetes();
    const pick = <T>(a: T[], idx: number[]) => idx.map((i) => a[i]);
    const reg = new MLPRegressor({ hiddenLayerSizes: [100], maxIter: 2000, learningRateInit: 0.01, randomState: 0 });
    collectWarnings(() => reg.fit(pick(data, F.diabetes.train), pick(target as number[], F.diabetes.train)));
    const r2 = reg.score(pick(data, F.diabetes.test), pick(target as number[], F.diabetes.test));
    expect(r2).toBeGreaterThanOrEqual(mean(F.diabetes.r2.adam) - 0.05);
  });
});

describe('options and attributes', () => {
  const rng = new RandomState(0);
  const X = Array.from({ length: 120 }, () => [rng.normal(), rng.normal(), rng.normal()]);
  const y = X.map((r) => (r[0] + r[1] > 0 ? 'b' : r[2] > 0.5 ? 'c' : 'a'));
  const yReg = X.map((r) => [r[0] - r[1], 2 * r[2]]);

  for (const solver of ['sgd', 'adam', 'lbfgs'] as const) {
    for (const activation of ['relu', 'tanh', 'logistic', 'identity'] as const) {
      it(`${solver} / ${activation} learns a 3-class problem`, () => {
        const clf = new MLPClassifier({ hiddenLayerSizes: [16], solver, activation, learningRateInit: 0.05, maxIter: 150, randomState: 1 });
        collectWarnings(() => clf.fit(X, y));
        expect(clf.score(X, y)).toBeGreaterThan(activation === 'identity' ? 0.75 : 0.85);
        const P = clf.predictProba(X);
        for (let i = 0; i < 5; i++) expect(P.getRow(i).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
        expectClose(clf.predictLogProba(X.slice(0, 5)).to2DArray(), P.log().to2DArray().slice(0, 5), 1e-9, 1e-12);
      });
    }
  }

  it('sgd schedules: invscaling and adaptive run; adaptive divides the rate on plateaus', () => {
    for (const learningRate of ['constant', 'invscaling', 'adaptive'] as const) {
      const clf = new MLPClassifier({ hiddenLayerSizes: [8], solver: 'sgd', learningRate, learningRateInit: 0.1, maxIter: 60, randomState: 0, nesterovsMomentum: learningRate !== 'constant' });
      collectWarnings(() => clf.fit(X, y));
      expect(clf.score(X, y)).toBeGreaterThan(0.7);
    }
  });

  it('binary classification uses one logistic output; predictProba has two columns', () => {
    const yb = y.map((v) => v === 'b');
    const clf = new MLPClassifier({ hiddenLayerSizes: [8], randomState: 0, maxIter: 300 });
    collectWarnings(() => clf.fit(X, yb));
    expect(clf.nOutputs_).toBe(1);
    expect(clf.outActivation_).toBe('logistic');
    expect(clf.predictProba(X).columns).toBe(2);
    expectClose(clf.predictLogProba(X).to2DArray(), clf.predictProba(X).log().to2DArray(), 1e-9, 1e-12);
    expect(clf.score(X, yb)).toBeGreaterThan(0.85);
  });

  it('multi-output regression: predict returns rows, score averages R²; save/load predicts identically', () => {
    const reg = new MLPRegressor({ hiddenLayerSizes: [20], solver: 'lbfgs', maxIter: 300, randomState: 0 });
    collectWarnings(() => reg.fit(X, yReg));
    const pred = reg.predict(X) as number[][];
    expect(pred[0].length).toBe(2);
    expect(reg.score(X, yReg)).toBeGreaterThan(0.95);
    expect(reg.lossCurve_).toEqual([]);
    const again = loadModel<MLPRegressor>(JSON.stringify(reg));
    expect(again.predict(X)).toEqual(pred);
  });

  it('lbfgs stops at maxFun loss evaluations with a ConvergenceWarning', () => {
    const { value, warnings } = collectWarnings(() => new MLPRegressor({ hiddenLayerSizes: [20], solver: 'lbfgs', maxFun: 5, randomState: 0 }).fit(X, yReg));
    expect(value.nIter_).toBeLessThanOrEqual(5);
    expect(warnings.map((w) => w.message).join()).toMatch(/lbfgs failed to converge/);
  });

  it('early stopping keeps the best validation weights and records validation scores', () => {
    const clf = new MLPClassifier({ hiddenLayerSizes: [16], earlyStopping: true, nIterNoChange: 5, maxIter: 500, learningRateInit: 0.01, randomState: 0 });
    clf.fit(X, y);
    const scores = clf.validationScores_;
    expect(scores.length).toBe(clf.nIter_);
    expect(clf.nIter_).toBeLessThan(500);
    expect(clf.bestValidationScore_).toBe(Math.max(...scores));
    expect(clf.bestLoss_).toBeNull();
    expect(() => new MLPClassifier({ maxIter: 5, randomState: 0 }).fit(X, y).validationScores_).toThrow(ValidationError);
  });

  it('warmStart continues training; randomState makes fits repeatable', () => {
    const a = new MLPClassifier({ hiddenLayerSizes: [8], maxIter: 10, randomState: 0, warmStart: true });
    collectWarnings(() => a.fit(X, y).fit(X, y));
    expect(a.nIter_).toBe(20);
    expect(a.lossCurve_.length).toBe(20);
    const b = new MLPClassifier({ hiddenLayerSizes: [8], maxIter: 10, randomState: 0 });
    const c = new MLPClassifier({ hiddenLayerSizes: [8], maxIter: 10, randomState: 0 });
    collectWarnings(() => {
      b.fit(X, y);
      c.fit(X, y);
    });
    expect(b.coefs_).toEqual(c.coefs_);
  });

  it('partialFit: one epoch per call, classes on the first call, optimizer state carried on', () => {
    const clf = new MLPClassifier({ hiddenLayerSizes: [16], randomState: 0, learningRateInit: 0.01 });
    for (let e = 0; e < 40; e++) clf.partialFit(X.slice(0, 60), y.slice(0, 60), { classes: ['a', 'b', 'c'] }).partialFit(X.slice(60), y.slice(60));
    expect(clf.nIter_).toBe(80);
    expect(clf.tIter_).toBe(80 * 60);
    expect(clf.score(X, y)).toBeGreaterThan(0.85);
    const reg = new MLPRegressor({ hiddenLayerSizes: [8], randomState: 0 });
    reg.partialFit(X, yReg).partialFit(X, yReg);
    expect(reg.nIter_).toBe(2);
  });
});

describe('bad input', () => {
  const X = [[0, 1], [1, 0], [1, 1], [0, 0], [2, 1], [1, 2]];
  const y = [0, 1, 1, 0, 1, 0];

  it('empty or non-positive hiddenLayerSizes are rejected at construction and in setParams', () => {
    expect(() => new MLPClassifier({ hiddenLayerSizes: [] })).toThrow(/hiddenLayerSizes.*non-empty array of positive integers/);
    expect(() => new MLPRegressor({ hiddenLayerSizes: [10, 0] })).toThrow(ValidationError);
    expect(() => new MLPRegressor({ hiddenLayerSizes: [-3] })).toThrow(ValidationError);
    expect(() => new MLPClassifier().setParams({ hiddenLayerSizes: [2.5] })).toThrow(ValidationError);
    expect(() => new MLPClassifier({ solver: 'newton' as 'adam' })).toThrow(/solver/);
  });

  it('batchSize larger than n is clipped with a warning', () => {
    const { warnings, value } = collectWarnings(() => new MLPClassifier({ hiddenLayerSizes: [4], batchSize: 50, maxIter: 5, randomState: 0 }).fit(X, y));
    expect(warnings.some((w) => /batchSize 50.*clipped to 6/.test(w.message))).toBe(true);
    expect(value.tIter_).toBe(5 * 6);
  });

  it('divergence to NaN stops, warns and keeps the last finite weights', () => {
    const big = X.map((r) => r.map((v) => v * 1e150));
    const { warnings, value } = collectWarnings(() =>
      new MLPRegressor({ hiddenLayerSizes: [4], solver: 'sgd', learningRateInit: 10, maxIter: 50, randomState: 0 }).fit(big, y.map((v) => v * 1e150)),
    );
    expect(warnings.some((w) => /non-finite/.test(w.message))).toBe(true);
    for (const layer of value.coefs_) for (const row of layer) for (const v of row) expect(Number.isFinite(v)).toBe(true);
    expect(value.lossCurve_.every(Number.isFinite)).toBe(true);
    expect(value.nIter_).toBeLessThan(50);
  });

  it('finite values whose squares overflow are refused with a ValidationError', () => {
    expect(() => new MLPRegressor({ hiddenLayerSizes: [4] }).fit([[1e200, 0], [0, 1], [1, 1]], [1, 2, 3])).toThrow(/too large/);
    expect(() => new MLPRegressor({ hiddenLayerSizes: [4] }).fit([[1, 0], [0, 1], [1, 1]], [1e200, 2, 3])).toThrow(ValidationError);
  });

  it('partialFit rejects new classes, a missing classes list, changed classes and lbfgs', () => {
    const clf = new MLPClassifier({ hiddenLayerSizes: [4], randomState: 0 });
    expect(() => clf.partialFit(X, y)).toThrow(/classes/);
    clf.partialFit(X, y, { classes: [0, 1] });
    const before = clf.coefs_;
    expect(() => clf.partialFit(X, [0, 1, 2, 0, 1, 0])).toThrow(/new classes \[2\]/);
    expect(() => clf.partialFit(X, y, { classes: [0, 1, 2] })).toThrow(ValidationError);
    expect(clf.coefs_).toEqual(before);
    expect(() => new MLPClassifier({ solver: 'lbfgs' }).partialFit(X, y, { classes: [0, 1] })).toThrow(/partialFit/);
  });

  it('one class, wrong feature count, and warmStart with other classes are rejected', () => {
    expect(() => new MLPClassifier().fit(X, y.map(() => 1))).toThrow(/at least 2 classes/);
    const clf = new MLPClassifier({ hiddenLayerSizes: [4], maxIter: 3, randomState: 0, warmStart: true });
    collectWarnings(() => clf.fit(X, y));
    expect(() => clf.predict([[1, 2, 3]])).toThrow(ValidationError);
    expect(() => clf.fit(X, [0, 1, 2, 0, 1, 0])).toThrow(/warmStart/);
  });
});

describe("dtype: 'float32'", () => {
  it('loss and gradients equal the float64 passes (scikit-learn fixture) within float32 rounding (relative 1e-5)', () => {
    for (const c of F.backprop) {
      const { net, Y } = networkAndTargets(c);
      const rows = c.X.length;
      const grad = new Float32Array(net.size);
      const loss = lossGradient32(net, Float32Array.from(flatWeights(c)), Float32Array.from(c.X.flat()), Y, rows, 0.3, makeWorkspace32(net, rows), grad);
      expectClose(loss, c.loss, 1e-5, 1e-6);
      expectClose(Array.from(grad), [...c.coefGrads.flat(2), ...c.interceptGrads.flat()], 1e-4, 1e-5);
    }
  });

  it('digits: accuracy within 1 point of the float64 fit with the same seed; weights are float32 values saved as numbers', () => {
    const { data, target } = loadDigits();
    const X = data.map((r) => r.map((v) => v / 16));
    const pick = <T>(a: T[], idx: number[]) => idx.map((i) => a[i]);
    const c64 = digitsModel('float64').clf;
    const c32 = digitsModel('float32').clf;
    const acc64 = c64.score(pick(X, F.digits.test), pick(target, F.digits.test));
    const acc32 = c32.score(pick(X, F.digits.test), pick(target, F.digits.test));
    expect(Math.abs(acc32 - acc64)).toBeLessThanOrEqual(0.01);
    expect(acc32).toBeGreaterThanOrEqual(mean(F.digits.accuracy) - 0.02);
    for (const layer of c32.coefs_) for (const row of layer) for (const v of row) expect(Math.fround(v)).toBe(v);
    const json = JSON.parse(JSON.stringify(c32)) as { params: { dtype: string }; state: { weights: { values: unknown[] } } };
    expect(json.params.dtype).toBe('float32');
    expect(json.state.weights.values.every((v) => typeof v === 'number')).toBe(true);
    const loaded = loadModel<MLPClassifier>(json);
    expect(loaded.predictProba(X).to2DArray()).toEqual(c32.predictProba(X).to2DArray());
  });

  it('every solver, early stopping, warmStart and partialFit run under float32 and give finite float32 weights', () => {
    const rng = new RandomState(1);
    const X = Array.from({ length: 150 }, () => [rng.normal(), rng.normal(), rng.normal()]);
    const y = X.map((r) => (r[0] + r[1] > 0 ? 1 : 0));
    const yReg = X.map((r) => r[0] - 2 * r[2]);
    const finite32 = (coefs: number[][][]) => coefs.every((l) => l.every((r) => r.every((v) => Number.isFinite(v) && Math.fround(v) === v)));
    for (const solver of ['adam', 'sgd', 'lbfgs'] as const) {
      const clf = collectWarnings(() => new MLPClassifier({ hiddenLayerSizes: [8], solver, maxIter: 200, learningRateInit: 0.01, randomState: 0, dtype: 'float32' }).fit(X, y)).value;
      expect(clf.score(X, y)).toBeGreaterThan(0.9);
      expect(finite32(clf.coefs_)).toBe(true);
      const reg = collectWarnings(() => new MLPRegressor({ hiddenLayerSizes: [8], solver, maxIter: 200, learningRateInit: 0.01, randomState: 0, dtype: 'float32' }).fit(X, yReg)).value;
      expect(reg.score(X, yReg)).toBeGreaterThan(0.9);
      expect(finite32(reg.coefs_)).toBe(true);
    }
    const es = collectWarnings(() => new MLPClassifier({ hiddenLayerSizes: [8], earlyStopping: true, maxIter: 300, learningRateInit: 0.01, randomState: 0, dtype: 'float32' }).fit(X, y)).value;
    expect(es.validationScores_.length).toBe(es.nIter_);
    const warm = new MLPClassifier({ hiddenLayerSizes: [8], maxIter: 5, randomState: 0, warmStart: true, dtype: 'float32' });
    collectWarnings(() => warm.fit(X, y).fit(X, y));
    expect(warm.nIter_).toBe(10);
    const inc = new MLPClassifier({ hiddenLayerSizes: [8], randomState: 0, dtype: 'float32' }).partialFit(X, y, { classes: [0, 1] }).partialFit(X, y);
    expect(inc.nIter_).toBe(2);
    expect(finite32(inc.coefs_)).toBe(true);
  });

  it('divergence under float32 stops, warns and keeps the last finite weights; a bad dtype is refused', () => {
    const X = [[0, 1], [1, 0], [1, 1], [0, 0], [2, 1], [1, 2]].map((r) => r.map((v) => v * 1e30));
    const { warnings, value } = collectWarnings(() =>
      new MLPRegressor({ hiddenLayerSizes: [4], solver: 'sgd', learningRateInit: 10, maxIter: 50, randomState: 0, dtype: 'float32' }).fit(X, [0, 1, 1, 0, 1, 0].map((v) => v * 1e30)),
    );
    expect(warnings.some((w) => /non-finite/.test(w.message))).toBe(true);
    for (const layer of value.coefs_) for (const row of layer) for (const v of row) expect(Number.isFinite(v)).toBe(true);
    expect(() => new MLPClassifier({ dtype: 'float16' as 'float32' })).toThrow(/The 'dtype' option of MLPClassifier/);
  });
});
