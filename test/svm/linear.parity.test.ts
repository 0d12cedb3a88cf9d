/** LinearSVC / LinearSVR (dual coordinate descent) against scikit-learn 1.2.1's liblinear (test/fixtures/svm/make_svm.py). */
import { describe, expect, it } from 'vitest';
import { LinearSVC, LinearSVR, r2Score } from '../../src/index';
import { agreement, fx, maxAbsDiff, split } from './_data';

// Both sides run to tol 1e-5; the coordinate order differs (typelearn's generator vs liblinear's),
// so weights agree to the solver's accuracy, not digit for digit.
describe('LinearSVC', () => {
  for (const loss of ['hinge', 'squared_hinge'] as const) {
    it(`breast cancer, ${loss}: coefficients within 1e-3, predictions ≥ 99% equal`, () => {
      const ref = fx[`breast_cancer_linearsvc_${loss}`];
      const d = split('breast_cancer', true);
      const clf = new LinearSVC({ loss, tol: 1e-5, maxIter: 100000, randomState: 0 }).fit(d.XTrain, d.yTrain);
      expect(maxAbsDiff(clf.coef_, ref.coef)).toBeLessThan(1e-3);
      expect(maxAbsDiff(clf.intercept_, ref.intercept)).toBeLessThan(1e-3);
      expect(agreement(clf.predict(d.XTest), ref.predict as number[])).toBeGreaterThanOrEqual(0.99);
    });
  }

  it('iris, one-vs-rest: coefficients within 1e-3', () => {
    const ref = fx.iris_linearsvc;
    const d = split('iris', true);
    const clf = new LinearSVC({ tol: 1e-5, maxIter: 100000, randomState: 0 }).fit(d.XTrain, d.yTrain);
    expect(maxAbsDiff(clf.coef_, ref.coef)).toBeLessThan(1e-3);
    expect(agreement(clf.predict(d.XTest), ref.predict as number[])).toBeGreaterThanOrEqual(0.99);
  });
});

describe('LinearSVR', () => {
  for (const loss of ['epsilon_insensitive', 'squared_epsilon_insensitive'] as const) {
    it(`diabetes, ${loss}: R² within 0.01 of scikit-learn's, coefficients within 0.5% of the largest`, () => {
      const ref = fx[`diabetes_linearsvr_${loss}`];
      const d = split('diabetes', false);
      const reg = new LinearSVR({ loss, C: 100, tol: 1e-5, maxIter: 100000, randomState: 0 }).fit(d.XTrain, d.yTrain);
      expect(Math.abs(r2Score(d.yTest, reg.predict(d.XTest)) - (ref.r2 as number))).toBeLessThan(0.01);
      const scale = Math.max(...(ref.coef as number[]).map(Math.abs));
      expect(maxAbsDiff(reg.coef_, ref.coef) / scale).toBeLessThan(5e-3);
    });
  }
});
