/** SVC against scikit-learn 1.2.1 (fixtures from test/fixtures/svm/make_svm.py). */
import { describe, expect, it } from 'vitest';
import { SVC } from '../../src/index';
import type { SVCOptions } from '../../src/svm/index';
import { agreement, fx, maxAbsDiff, split } from './_data';

type Case = { name: string; data: 'breast_cancer' | 'iris' | 'wine' | 'digits'; options: Partial<SVCOptions> };

const cases: Case[] = [
  { name: 'breast_cancer_rbf', data: 'breast_cancer', options: { kernel: 'rbf' } },
  { name: 'breast_cancer_sigmoid', data: 'breast_cancer', options: { kernel: 'sigmoid' } },
  { name: 'breast_cancer_rbf_balanced', data: 'breast_cancer', options: { kernel: 'rbf', C: 3, classWeight: 'balanced' } },
  { name: 'iris_linear', data: 'iris', options: { kernel: 'linear' } },
  { name: 'wine_poly', data: 'wine', options: { kernel: 'poly', degree: 3, coef0: 1 } },
  { name: 'digits_rbf', data: 'digits', options: { kernel: 'rbf' } },
];

describe('SVC parity with scikit-learn 1.2.1', () => {
  for (const c of cases) {
    it(`${c.name}: predictions ≥ 99% equal, support vectors within 3%, decision values within 1e-2`, () => {
      const ref = fx[c.name];
      const d = split(c.data, ref.scale as boolean);
      const clf = new SVC(c.options).fit(d.XTrain, d.yTrain);
      const pred = clf.predict(d.XTest);
      expect(agreement(pred, ref.predict as number[])).toBeGreaterThanOrEqual(0.99);
      const nSV = clf.nSupport_;
      const refSV = ref.nSupport as number[];
      const total = nSV.reduce((a, b) => a + b, 0);
      const refTotal = refSV.reduce((a, b) => a + b, 0);
      expect(Math.abs(total - refTotal) / refTotal).toBeLessThanOrEqual(0.03);
      const dec = clf.decisionFunction(d.XTest);
      const decArr = Array.isArray(dec) ? dec : dec.to2DArray();
      expect(maxAbsDiff(decArr, ref.decision)).toBeLessThan(1e-2);
      expect(maxAbsDiff(clf.intercept_, ref.intercept)).toBeLessThan(1e-2);
      if (ref.decisionOvo) {
        const ovo = new SVC({ ...c.options, decisionFunctionShape: 'ovo' }).fit(d.XTrain, d.yTrain).decisionFunction(d.XTest);
        expect(maxAbsDiff(Array.isArray(ovo) ? ovo : ovo.to2DArray(), ref.decisionOvo)).toBeLessThan(1e-2);
      }
      if (ref.coef) expect(maxAbsDiff(clf.coef_, ref.coef)).toBeLessThan(1e-2);
      if (total === refTotal) {
        expect(clf.support_).toEqual(ref.support);
        expect(maxAbsDiff(clf.dualCoef_, ref.dualCoef)).toBeLessThan(1e-2);
      }
    });
  }
});
