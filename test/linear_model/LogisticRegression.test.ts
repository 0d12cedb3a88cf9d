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

  it('refuses solver/penalty combinations as scikit-learn 1.2 does, naming both', () => {
    const err = (() => {
      try {
        new LogisticRegression({ penalty: 'l1' }).fit(X, y);
      } catch (e) {
        return e;
      }
    })() as ValidationError;
    expect(err).toBeInstanceOf(ValidationError);
    expect(err).toMatchObject({ code: 'invalid_option', estimator: 'LogisticRegression', param: 'penalty', received: "'l1'" });
    expect(err.message).toMatch(/'l2' or null with solver 'lbfgs'.*solver 'saga'/);
    expect(() => new LogisticRegression({ penalty: 'elasticnet' }).fit(X, y)).toThrow(/penalty.*lbfgs/);
    expect(() => new LogisticRegression({ penalty: 'elasticnet', solver: 'saga' }).fit(X, y)).toThrow(/l1Ratio.*elasticnet/);
    expect(() => new LogisticRegression({ l1Ratio: 1.5 })).toThrow("The 'l1Ratio' option of LogisticRegression must be a number in [0, 1]");
    expect(() => new LogisticRegression({ solver: 'liblinear' as 'saga' })).toThrow(ValidationError);
    const seen: TypelearnWarning[] = [];
    const previous = setWarningHandler((w) => seen.push(w));
    try {
      new LogisticRegression({ solver: 'saga', penalty: 'l1', l1Ratio: 0.5, randomState: 0 }).fit(X, y);
      expect(seen.map((w) => w.message).join('\n')).toMatch(/l1Ratio is only used when penalty is 'elasticnet'/);
    } finally {
      setWarningHandler(previous);
    }
  });

  it('computes log-probabilities in log space (finite where predictProba rounds to 0)', () => {
    const c = cases[2]; // iris multinomial
    const far = c.X.map((r) => r.map((v) => v * 200));
    for (const params of [{}, { multiClass: 'ovr' as const }]) {
      const m = new LogisticRegression(params).fit(c.X, c.y);
      const L = m.predictLogProba(far).to2DArray();
      expect(L.flat().every(Number.isFinite)).toBe(true);
      expect(m.predictProba(far).to2DArray().flat().some((p) => p === 0)).toBe(true);
      const near = m.predictLogProba(c.X).to2DArray();
      expectClose(near, m.predictProba(c.X).to2DArray().map((r) => r.map(Math.log)), 1e-10, 1e-12);
    }
    const bin = new LogisticRegression().fit(X, y);
    expect(bin.predictLogProba([[1e4]]).getRow(0)[0]).toBeLessThan(-1000);
  });

  it('binary multiClass multinomial: one row of coefficients, probabilities softmax(−z, z) = sigmoid(2z)', () => {
    const Xn = [[0], [1], [2], [3], [4], [5], [6], [7]];
    const yn = ['a', 'a', 'b', 'a', 'b', 'a', 'b', 'b'];
    const m = new LogisticRegression({ multiClass: 'multinomial', penalty: null, tol: 1e-10 }).fit(Xn, yn);
    const b = new LogisticRegression({ penalty: null, tol: 1e-10 }).fit(Xn, yn);
    expect(m.coef_.length).toBe(1);
    // Without a penalty the binary optimum u splits as rows (−u/2, u/2): same probabilities, half the coefficient.
    expectClose(m.predictProba(Xn).to2DArray(), b.predictProba(Xn).to2DArray(), 0, 1e-6);
    expectClose(m.coef_[0][0] * 2, b.coef_[0][0], 1e-5);
    const z = m.decisionFunction([[2]]) as number[];
    expect(m.predictProba([[2]]).get(0, 1)).toBeCloseTo(1 / (1 + Math.exp(-2 * z[0])), 12);
  });

  it('saga: reports epochs per one-vs-rest class, warns at maxIter and keeps the iterate', () => {
    const c = cases[3]; // iris ovr
    const seen: TypelearnWarning[] = [];
    const previous = setWarningHandler((w) => seen.push(w));
    try {
      const m = new LogisticRegression({ solver: 'saga', maxIter: 3, multiClass: 'ovr', randomState: 0 }).fit(c.X, c.y);
      expect(seen.map((w) => w.code)).toEqual(['convergence']);
      expect(m.nIter_).toEqual([3, 3, 3]);
      expect(m.coef_.flat().some((v) => v !== 0)).toBe(true);
    } finally {
      setWarningHandler(previous);
    }
  });

  it('warmStart continues from the previous coefficients, and refuses a shape that does not fit', () => {
    const c = cases[0];
    const m = new LogisticRegression({ maxIter: 10000, tol: 1e-10 }).fit(c.X, c.y);
    const coef = m.coef_;
    const cold = m.nIter_[0];
    m.setParams({ warmStart: true });
    m.fit(c.X, c.y);
    expect(m.nIter_[0]).toBeLessThan(cold / 2);
    expectClose(m.coef_, coef, 0, 1e-3);
    expect(() => m.fit(cases[2].X, cases[2].y)).toThrow(/warmStart/);
  });
});

