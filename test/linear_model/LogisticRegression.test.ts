import { describe, expect, it } from 'vitest';
import { LogisticRegression, ValidationError, setWarningHandler, loadModel, type Label } from '../../src/index';
import type { TypelearnWarning } from '../../src/core/errors';
import { expectClose, fixture } from '../helpers';

interface Case {
  name: string;
  params: Record<string, unknown>;
  X: number[][];
  y: Label[];
  sampleWeight: number[] | null;
  classes: Label[];
  coef: number[][];
  intercept: number[];
  proba: number[][];
  predict: Label[];
}
const { cases } = fixture<{ cases: Case[] }>('linear_model/logistic_regression.json');

describe('LogisticRegression (lbfgs) matches scikit-learn (fixtures: make_logistic_regression.py)', () => {
  for (const c of cases) {
    it(`${c.name}: probabilities to 1e-4`, () => {
      const m = new LogisticRegression({ ...c.params, maxIter: 10000, tol: 1e-10 }).fit(c.X, c.y, c.sampleWeight ?? undefined);
      expect(m.classes_).toEqual(c.classes);
      expectClose(m.predictProba(c.X).to2DArray(), c.proba, 0, 1e-4);
      const scale = Math.max(...c.coef.flat().map(Math.abs));
      expectClose(m.coef_, c.coef, 0, 1e-3 * Math.max(1, scale));
      expectClose(m.intercept_, c.intercept, 0, 1e-3 * Math.max(1, scale));
      const pred = m.predict(c.X);
      const agree = pred.filter((p, i) => p === c.predict[i]).length / pred.length;
      expect(agree).toBeGreaterThanOrEqual(0.995);
    });
  }
});

describe('LogisticRegression', () => {
  const X = [[0], [1], [2], [3], [4], [5]];
  const y = ['no', 'no', 'no', 'yes', 'yes', 'yes'];

  it('keeps the user labels and orders probability columns like classes_', () => {
    const m = new LogisticRegression().fit(X, y);
    expect(m.classes_).toEqual(['no', 'yes']);
    expect(m.predict([[0], [5]])).toEqual(['no', 'yes']);
    const P = m.predictProba([[0]]);
    expect(P.get(0, 0)).toBeGreaterThan(0.5);
    const d = m.decisionFunction([[0], [5]]) as number[];
    expect(d[0]).toBeLessThan(0);
    expect(d[1]).toBeGreaterThan(0);
    expectClose(m.predictLogProba([[1]]).to2DArray(), m.predictProba([[1]]).to2DArray().map((r) => r.map(Math.log)), 1e-12);
  });

  it('rejects a single class, bad C and unknown classWeight keys', () => {
    expect(() => new LogisticRegression().fit(X, ['a', 'a', 'a', 'a', 'a', 'a'])).toThrow(/at least 2 classes/);
    expect(() => new LogisticRegression({ C: 0 })).toThrow("The 'C' option of LogisticRegression must be a number in (0, Infinity). Got 0.");
    expect(() => new LogisticRegression({ classWeight: { maybe: 2 } }).fit(X, y)).toThrow(ValidationError);
  });

  it('warns through the hook when it hits maxIter, keeping the result', () => {
    const seen: TypelearnWarning[] = [];
    const previous = setWarningHandler((w) => seen.push(w));
    try {
      const c = cases[0];
      const m = new LogisticRegression({ maxIter: 2 }).fit(c.X, c.y);
      expect(seen.map((w) => w.code)).toEqual(['convergence']);
      expect(m.nIter_).toEqual([2]);
      expect(m.predict(c.X).length).toBe(c.X.length);
    } finally {
      setWarningHandler(previous);
    }
  });

  it('saves and loads bit for bit', () => {
    const c = cases[2];
    const m = new LogisticRegression().fit(c.X, c.y);
    const again = loadModel<LogisticRegression>(JSON.stringify(m));
    const a = m.predictProba(c.X).to1DArray();
    const b = again.predictProba(c.X).to1DArray();
    expect(b.every((v, i) => Object.is(v, a[i]))).toBe(true);
    expect(again.predict(c.X)).toEqual(m.predict(c.X));
  });
});
