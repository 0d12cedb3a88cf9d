/** SVC behaviour and bad input (parity with scikit-learn is in svc.parity.test.ts). */
import { describe, expect, it } from 'vitest';
import { ConvergenceWarning, NuSVC, SVC, SVR, OneClassSVM, ValidationError, loadModel, setWarningHandler, type TypelearnWarning } from '../../src/index';
import { maxAbsDiff, split } from './_data';

const iris = split('iris', true);

describe('SVC bad input', () => {
  it('rejects a single class, naming the estimator and y', () => {
    expect(() => new SVC().fit([[0], [1], [2]], ['a', 'a', 'a'])).toThrow(ValidationError);
    expect(() => new SVC().fit([[0], [1], [2]], ['a', 'a', 'a'])).toThrow(/SVC.*y|y.*SVC/);
  });

  it('fits a class with a single sample (it becomes a support vector)', () => {
    const X = [[0, 0], [0, 1], [1, 0], [1, 1], [5, 5]];
    const y = [0, 0, 0, 0, 1];
    const clf = new SVC({ kernel: 'linear', C: 10 }).fit(X, y);
    expect(clf.nSupport_[1]).toBe(1);
    expect(clf.predict([[5, 5], [0, 0]])).toEqual([1, 0]);
  });

  it('fits all-identical rows (gamma scale falls back to 1; every decision value is the same)', () => {
    const X = Array.from({ length: 6 }, () => [1, 2, 3]);
    const y = [0, 1, 0, 1, 0, 1];
    const clf = new SVC().fit(X, y);
    const dec = clf.decisionFunction([[1, 2, 3], [4, 5, 6]]) as number[];
    expect(dec[0]).toBeCloseTo(0, 12);
    expect(clf.supportVectors_.rows).toBe(6);
  });

  it('rejects NaN and Infinity in X, naming the estimator', () => {
    expect(() => new SVC().fit([[0, NaN], [1, 1]], [0, 1])).toThrow(/SVC.*NaN/);
    expect(() => new SVC().fit([[0, Infinity], [1, 1]], [0, 1])).toThrow(ValidationError);
  });

  it('rejects C <= 0, gamma <= 0, degree < 0 (and fractional degree) at construction, naming the option', () => {
    expect(() => new SVC({ C: 0 })).toThrow(/'C'.*SVC.*\(0, Infinity\)/);
    expect(() => new SVC({ C: -1 })).toThrow(ValidationError);
    expect(() => new SVC({ gamma: 0 })).toThrow(/'gamma'/);
    expect(() => new SVC({ gamma: -0.5 })).toThrow(ValidationError);
    expect(() => new SVC({ degree: -1 })).toThrow(/'degree'/);
    expect(() => new SVC({ degree: 2.5 })).toThrow(ValidationError);
    expect(() => new SVR({ epsilon: -1 })).toThrow(/'epsilon'/);
    expect(() => new NuSVC({ nu: 0 })).toThrow(/'nu'/);
    expect(() => new OneClassSVM({ nu: 1.5 })).toThrow(/'nu'/);
    expect(() => new SVC().setParams({ C: -2 })).toThrow(ValidationError);
  });

  it('refuses predictProba on a model fitted without probability, naming the option', () => {
    const clf = new SVC().fit(iris.XTrain, iris.yTrain);
    expect(() => clf.predictProba(iris.XTest)).toThrow(ValidationError);
    expect(() => clf.predictProba(iris.XTest)).toThrow(/probability/);
    // Turning the option on after fitting is not enough: the Platt parameters come from fit.
    clf.setParams({ probability: true });
    expect(() => clf.predictProba(iris.XTest)).toThrow(/probability/);
  });

  it('gives the same model with a cache too small for the problem (slower, still correct)', () => {
    const a = new SVC().fit(iris.XTrain, iris.yTrain);
    const b = new SVC({ cacheSize: 0.0001 }).fit(iris.XTrain, iris.yTrain);
    expect(b.support_).toEqual(a.support_);
    expect(maxAbsDiff((b.decisionFunction(iris.XTest) as { to2DArray(): number[][] }).to2DArray(), (a.decisionFunction(iris.XTest) as { to2DArray(): number[][] }).to2DArray())).toBeLessThan(1e-12);
  });

  it('rejects a non-square Gram matrix with kernel precomputed, and an infeasible nu', () => {
    expect(() => new SVC({ kernel: 'precomputed' }).fit([[1, 0, 0], [0, 1, 0]], [0, 1])).toThrow(/square Gram/);
    expect(() => new NuSVC({ nu: 0.9 }).fit([[0], [1], [2], [3], [4]], [0, 0, 0, 0, 1])).toThrow(/infeasible/);
  });

  it('rejects breakTies with the ovo shape at predict time', () => {
    const clf = new SVC({ breakTies: true, decisionFunctionShape: 'ovo' }).fit(iris.XTrain, iris.yTrain);
    expect(() => clf.predict(iris.XTest)).toThrow(/breakTies/);
  });

  it('warns with ConvergenceWarning when maxIter stops the solver', () => {
    const seen: TypelearnWarning[] = [];
    const previous = setWarningHandler((w) => seen.push(w));
    try {
      new SVC({ maxIter: 2 }).fit(iris.XTrain, iris.yTrain);
    } finally {
      setWarningHandler(previous);
    }
    expect(seen.some((w) => w instanceof ConvergenceWarning && /maxIter=2/.test(w.message))).toBe(true);
  });

  it('leaves the previous fit intact when a fit fails', () => {
    const clf = new SVC().fit(iris.XTrain, iris.yTrain);
    const before = clf.support_;
    expect(() => clf.fit([[0], [1]], [1, 1])).toThrow(ValidationError);
    expect(clf.support_).toEqual(before);
  });
});

describe('SVC options', () => {
  it('precomputed linear Gram matrix = linear kernel', () => {
    const gram = (A: number[][], B: number[][]) => A.map((a) => B.map((b) => a.reduce((s, v, k) => s + v * b[k], 0)));
    const lin = new SVC({ kernel: 'linear' }).fit(iris.XTrain, iris.yTrain);
    const pre = new SVC({ kernel: 'precomputed' }).fit(gram(iris.XTrain, iris.XTrain), iris.yTrain);
    expect(pre.support_).toEqual(lin.support_);
    const a = (lin.decisionFunction(iris.XTest) as { to2DArray(): number[][] }).to2DArray();
    const b = (pre.decisionFunction(gram(iris.XTest, iris.XTrain)) as { to2DArray(): number[][] }).to2DArray();
    expect(maxAbsDiff(a, b)).toBeLessThan(1e-6);
    expect(pre.supportVectors_.columns).toBe(0);
  });

  it('a sample weight of 2 equals the sample twice; weight 0 equals leaving it out', () => {
    const X = iris.XTrain.slice(0, 60);
    const y = iris.yTrain.slice(0, 60);
    const w = X.map((_, i) => (i === 3 ? 2 : i === 7 ? 0 : 1));
    const weighted = new SVC().fit(X, y, w);
    const X2 = X.filter((_, i) => i !== 7).concat([X[3]]);
    const y2 = y.filter((_, i) => i !== 7).concat([y[3]]);
    const duplicated = new SVC().fit(X2, y2);
    const a = weighted.decisionFunction(iris.XTest);
    const b = duplicated.decisionFunction(iris.XTest);
    expect(maxAbsDiff(Array.isArray(a) ? a : a.to2DArray(), Array.isArray(b) ? b : b.to2DArray())).toBeLessThan(2e-2);
    expect(weighted.support_).not.toContain(7);
  });

  it('classWeight as a map scales C per class like the same sample weights', () => {
    const a = new SVC({ classWeight: { 1: 3 } }).fit(iris.XTrain, iris.yTrain);
    const b = new SVC().fit(iris.XTrain, iris.yTrain, iris.yTrain.map((c) => (c === 1 ? 3 : 1)));
    expect(a.support_).toEqual(b.support_);
    expect(maxAbsDiff(a.dualCoef_, b.dualCoef_)).toBeLessThan(1e-12);
    expect(a.classWeight_).toEqual([1, 3, 1]);
    expect(b.classWeight_).toEqual([1, 1, 1]);
    const counts = [0, 1, 2].map((c) => iris.yTrain.filter((v) => v === c).length);
    const balanced = new SVC({ classWeight: 'balanced' }).fit(iris.XTrain, iris.yTrain).classWeight_;
    balanced.forEach((w, k) => expect(w).toBeCloseTo(iris.yTrain.length / (3 * counts[k]), 12));
    expect(() => new SVC({ classWeight: { 7: 2 } }).fit(iris.XTrain, iris.yTrain)).toThrow(/classWeight/);
  });

  it('breakTies predicts the argmax of the ovr decision function; ovo gives one column per pair', () => {
    const clf = new SVC({ breakTies: true }).fit(iris.XTrain, iris.yTrain);
    const D = (clf.decisionFunction(iris.XTest) as { to2DArray(): number[][] }).to2DArray();
    const argmax = D.map((r) => r.indexOf(Math.max(...r)));
    expect(clf.predict(iris.XTest)).toEqual(argmax.map((k) => clf.classes_[k]));
    const ovo = new SVC({ decisionFunctionShape: 'ovo' }).fit(iris.XTrain, iris.yTrain).decisionFunction(iris.XTest) as { columns: number };
    expect(ovo.columns).toBe(3);
  });

  it('keeps string labels, binary signs as scikit-learn (positive decision = classes_[1])', () => {
    const X = [[0], [1], [2], [5], [6], [7]];
    const y = ['no', 'no', 'no', 'yes', 'yes', 'yes'];
    const clf = new SVC({ kernel: 'linear' }).fit(X, y);
    expect(clf.classes_).toEqual(['no', 'yes']);
    const dec = clf.decisionFunction([[0], [7]]) as number[];
    expect(dec[0]).toBeLessThan(0);
    expect(dec[1]).toBeGreaterThan(0);
    expect(clf.coef_[0][0]).toBeGreaterThan(0);
    // decision = coef·x + intercept for the linear kernel
    expect(dec[1]).toBeCloseTo(clf.coef_[0][0] * 7 + clf.intercept_[0], 10);
    expect(() => new SVC().fit(X, y).coef_).toThrow(/linear kernel/);
  });

  it('saves and loads with identical predictions and probabilities', () => {
    const clf = new SVC({ probability: true, randomState: 1 }).fit(iris.XTrain, iris.yTrain);
    const again = loadModel(JSON.stringify(clf)) as SVC;
    expect(again.predict(iris.XTest)).toEqual(clf.predict(iris.XTest));
    expect(again.predictProba(iris.XTest).to2DArray()).toEqual(clf.predictProba(iris.XTest).to2DArray());
  });
});
