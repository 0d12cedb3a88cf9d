/** SVR, NuSVR, NuSVC, OneClassSVM and SVC probabilities against scikit-learn 1.2.1 (test/fixtures/svm/make_svm.py). */
import { describe, expect, it } from 'vitest';
import { NuSVC, NuSVR, OneClassSVM, SVC, SVR, r2Score } from '../../src/index';
import { agreement, fx, maxAbsDiff, split } from './_data';

describe('SVR / NuSVR on diabetes', () => {
  for (const kernel of ['rbf', 'linear'] as const) {
    it(`SVR ${kernel}: R² within 0.01, predictions within 1e-2, support vectors within 3%`, () => {
      const ref = fx[`diabetes_svr_${kernel}`];
      const d = split('diabetes', false);
      const reg = new SVR({ kernel, C: 100, epsilon: 1 }).fit(d.XTrain, d.yTrain);
      const pred = reg.predict(d.XTest);
      expect(Math.abs(r2Score(d.yTest, pred) - (ref.r2 as number))).toBeLessThan(0.01);
      expect(maxAbsDiff(pred, ref.predict)).toBeLessThan(1e-2);
      expect(Math.abs(reg.support_.length - (ref.nSupport as number)) / (ref.nSupport as number)).toBeLessThanOrEqual(0.03);
      expect(maxAbsDiff(reg.intercept_, ref.intercept)).toBeLessThan(1e-2);
    });
  }

  it('NuSVR rbf: R² within 0.01, support vectors within 3%', () => {
    const ref = fx.diabetes_nusvr;
    const d = split('diabetes', false);
    const reg = new NuSVR({ nu: 0.5, C: 100 }).fit(d.XTrain, d.yTrain);
    const pred = reg.predict(d.XTest);
    expect(Math.abs(r2Score(d.yTest, pred) - (ref.r2 as number))).toBeLessThan(0.01);
    expect(maxAbsDiff(pred, ref.predict)).toBeLessThan(1e-2);
    expect(Math.abs(reg.support_.length - (ref.nSupport as number)) / (ref.nSupport as number)).toBeLessThanOrEqual(0.03);
  });
});

describe('NuSVC and OneClassSVM', () => {
  it('NuSVC on breast cancer: predictions ≥ 99% equal, decision values within 1e-2', () => {
    const ref = fx.breast_cancer_nusvc;
    const d = split('breast_cancer', true);
    const clf = new NuSVC({ nu: 0.3 }).fit(d.XTrain, d.yTrain);
    expect(agreement(clf.predict(d.XTest), ref.predict as number[])).toBeGreaterThanOrEqual(0.99);
    expect(maxAbsDiff(clf.decisionFunction(d.XTest) as number[], ref.decision)).toBeLessThan(1e-2);
    expect(clf.nSupport_).toEqual(ref.nSupport);
    expect(maxAbsDiff(clf.intercept_, ref.intercept)).toBeLessThan(1e-2);
  });

  it('OneClassSVM on scaled iris: decision values within 1e-2, same inliers', () => {
    const ref = fx.iris_oneclass;
    const d = split('iris', true);
    const det = new OneClassSVM({ nu: 0.1 }).fit(d.XTrain);
    expect(maxAbsDiff(det.decisionFunction(d.XTest), ref.decision)).toBeLessThan(1e-2);
    expect(det.predict(d.XTest)).toEqual(ref.predict);
    expect(det.support_.length).toBe(ref.nSupport);
    expect(Math.abs(det.offset_ - (ref.offset as number))).toBeLessThan(1e-2);
    const ss = det.scoreSamples(d.XTest);
    det.decisionFunction(d.XTest).forEach((v, i) => expect(ss[i] - det.offset_).toBeCloseTo(v, 12));
  });
});

describe('SVC probabilities (Platt scaling + pairwise coupling)', () => {
  // The internal 5-fold cross-validation draws its folds from typelearn's generator, not libsvm's,
  // so the Platt parameters differ slightly: measured max |Δp| 0.016 (breast cancer) and 0.020 (iris).
  const TOL = 0.05;
  for (const [name, data, scale] of [['breast_cancer_rbf_proba', 'breast_cancer', true], ['iris_rbf_proba', 'iris', false]] as const) {
    it(`${name}: probabilities within ${TOL} of scikit-learn's, rows sum to 1, seeded`, () => {
      const ref = fx[name];
      expect(ref.scale).toBe(scale);
      const d = split(data, scale);
      const clf = new SVC({ probability: true, randomState: 0 }).fit(d.XTrain, d.yTrain);
      const P = clf.predictProba(d.XTest);
      expect(maxAbsDiff(P.to2DArray(), ref.proba)).toBeLessThan(TOL);
      for (const row of P.to2DArray()) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
      expect(agreement(clf.predict(d.XTest), ref.predict as number[])).toBeGreaterThanOrEqual(0.99);
      const again = new SVC({ probability: true, randomState: 0 }).fit(d.XTrain, d.yTrain).predictProba(d.XTest);
      expect(again.to2DArray()).toEqual(P.to2DArray());
      const logP = clf.predictLogProba(d.XTest).to2DArray();
      expect(maxAbsDiff(logP.flat().map(Math.exp), P.to2DArray().flat())).toBeLessThan(1e-12);
    });
  }
});
