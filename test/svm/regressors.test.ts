/** SVR, NuSVR, OneClassSVM, LinearSVC and LinearSVR behaviour and bad input. */
import { describe, expect, it } from 'vitest';
import { LinearSVC, LinearSVR, NuSVR, OneClassSVM, SVR, ValidationError, loadModel } from '../../src/index';
import { maxAbsDiff, split } from './_data';

const diabetes = split('diabetes', false);

describe('SVR and NuSVR', () => {
  it('linear-kernel coef_ reproduces the predictions; other kernels refuse coef_', () => {
    const reg = new SVR({ kernel: 'linear', C: 100, epsilon: 1 }).fit(diabetes.XTrain, diabetes.yTrain);
    const w = reg.coef_[0];
    const b = reg.intercept_[0];
    const manual = diabetes.XTest.map((x) => x.reduce((s, v, j) => s + v * w[j], b));
    expect(maxAbsDiff(manual, reg.predict(diabetes.XTest))).toBeLessThan(1e-8);
    expect(reg.dualCoef_[0].length).toBe(reg.support_.length);
    expect(reg.supportVectors_.rows).toBe(reg.support_.length);
    expect(() => new SVR().fit(diabetes.XTrain, diabetes.yTrain).coef_).toThrow(/linear kernel/);
  });

  it('every dual coefficient lies in [−C, C] and the support vectors are the rows outside the ε-tube or on it', () => {
    const C = 10;
    const reg = new SVR({ C, epsilon: 20 }).fit(diabetes.XTrain, diabetes.yTrain);
    for (const a of reg.dualCoef_[0]) expect(Math.abs(a)).toBeLessThanOrEqual(C + 1e-12);
    const pred = reg.predict(diabetes.XTrain);
    const inside = new Set(reg.support_);
    diabetes.yTrain.forEach((y, i) => {
      // tol 1e-3 on the dual: rows well inside the tube are never support vectors
      if (Math.abs(y - pred[i]) < 20 - 0.5) expect(inside.has(i)).toBe(false);
    });
  });

  it('rejects NaN targets and bad options, and saves/loads exactly', () => {
    expect(() => new SVR().fit([[0], [1]], [0, NaN])).toThrow(ValidationError);
    expect(() => new SVR({ C: 0 })).toThrow(/'C'/);
    expect(() => new NuSVR({ nu: 0 })).toThrow(/'nu'/);
    const reg = new NuSVR({ C: 10 }).fit(diabetes.XTrain, diabetes.yTrain);
    const again = loadModel(JSON.stringify(reg)) as NuSVR;
    expect(again.predict(diabetes.XTest)).toEqual(reg.predict(diabetes.XTest));
  });
});

describe('OneClassSVM', () => {
  it('leaves about a nu fraction of the training rows outside', () => {
    const iris = split('iris', true);
    for (const nu of [0.05, 0.2, 0.5]) {
      const det = new OneClassSVM({ nu }).fit(iris.XTrain);
      const out = det.predict(iris.XTrain).filter((v) => v === -1).length / iris.XTrain.length;
      expect(out).toBeLessThanOrEqual(nu + 0.03);
      expect(det.support_.length / iris.XTrain.length).toBeGreaterThanOrEqual(nu - 0.03);
    }
  });
});

describe('LinearSVC and LinearSVR', () => {
  it('reject one class and bad options', () => {
    expect(() => new LinearSVC().fit([[0], [1]], [1, 1])).toThrow(/at least 2 classes/);
    expect(() => new LinearSVC({ C: -1 })).toThrow(/'C'/);
    expect(() => new LinearSVC({ loss: 'log' as 'hinge' })).toThrow(/'loss'/);
    expect(() => new LinearSVR({ epsilon: -1 })).toThrow(/'epsilon'/);
  });

  it('the same randomState gives the same weights; decisionFunction = coef·x + intercept', () => {
    const bc = split('breast_cancer', true);
    const a = new LinearSVC({ randomState: 3 }).fit(bc.XTrain, bc.yTrain);
    const b = new LinearSVC({ randomState: 3 }).fit(bc.XTrain, bc.yTrain);
    expect(a.coef_).toEqual(b.coef_);
    const dec = a.decisionFunction(bc.XTest.slice(0, 5)) as number[];
    bc.XTest.slice(0, 5).forEach((x, i) => expect(dec[i]).toBeCloseTo(x.reduce((s, v, j) => s + v * a.coef_[0][j], a.intercept_[0]), 10));
  });
});
