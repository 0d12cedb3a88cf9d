import { describe, expect, it } from 'vitest';
import { LinearRegression, ValidationError, NotFittedError, loadModel } from '../../src/index';
import { expectClose, fixture } from '../helpers';

interface Case {
  name: string;
  params: { fitIntercept: boolean };
  X: number[][];
  y: number[];
  sampleWeight: number[] | null;
  coef: number[];
  intercept: number;
  rank: number;
  predict: number[];
  score: number;
}
const { cases } = fixture<{ cases: Case[] }>('linear_model/linear_regression.json');

describe('LinearRegression matches scikit-learn (fixtures: make_linear_regression.py)', () => {
  for (const c of cases) {
    it(`${c.name}: coefficients to 1e-8 relative`, () => {
      const m = new LinearRegression(c.params).fit(c.X, c.y, c.sampleWeight ?? undefined);
      // Relative to the largest coefficient: tiny coefficients are compared at that scale.
      const scale = Math.max(...c.coef.map(Math.abs));
      expectClose(m.coef_, c.coef, 1e-8, 1e-8 * scale);
      expectClose(m.intercept_, c.intercept, 1e-8, 1e-8 * Math.abs(c.intercept) + 1e-8);
      expect(m.rank_).toBe(c.rank);
      expectClose(m.predict(c.X.slice(0, 20)), c.predict, 1e-9);
      expectClose(m.score(c.X, c.y), c.score, 1e-10);
    });
  }
});

describe('LinearRegression', () => {
  const X = [[1, 1], [1, 2], [2, 2], [2, 3]];
  const y = [6, 8, 9, 11];

  it('recovers an exact linear relation', () => {
    const m = new LinearRegression().fit(X, y);
    expectClose(m.coef_, [1, 2], 1e-12, 1e-12);
    expectClose(m.intercept_, 3, 1e-12);
  });

  it('gives the minimum-norm solution for duplicated columns', () => {
    const Xd = X.map((r) => [r[0], r[0], r[1]]);
    const m = new LinearRegression().fit(Xd, y);
    expectClose(m.coef_, [0.5, 0.5, 2], 1e-10, 1e-10);
    expect(m.rank_).toBe(2);
  });

  it('handles a constant target', () => {
    const m = new LinearRegression().fit(X, [4, 4, 4, 4]);
    expectClose(m.coef_, [0, 0], 0, 1e-12);
    expectClose(m.intercept_, 4, 1e-12);
  });

  it('rejects bad input with ValidationError and keeps the fitted state', () => {
    const m = new LinearRegression().fit(X, y);
    const before = m.predict(X);
    expect(() => m.fit(X, [1, 2])).toThrow(ValidationError);
    expect(() => m.fit([[1, NaN]], [1])).toThrow(/NaN at row 0, column 1/);
    expect(() => m.fit(X, y, [1, 1, -1, 1])).toThrow(/sampleWeight/);
    expect(m.predict(X)).toEqual(before);
    expect(() => m.predict([[1, 2, 3]])).toThrow('X has 3 features, but LinearRegression is expecting 2 features as input.');
  });

  it('throws NotFittedError before fit', () => {
    expect(() => new LinearRegression().predict(X)).toThrow(NotFittedError);
    expect(() => new LinearRegression().coef_).toThrow(NotFittedError);
  });

  it('saves and loads bit for bit', () => {
    const c = cases[0];
    const m = new LinearRegression().fit(c.X, c.y);
    const again = loadModel<LinearRegression>(JSON.stringify(m));
    const a = m.predict(c.X);
    const b = again.predict(c.X);
    expect(b.every((v, i) => Object.is(v, a[i]))).toBe(true);
  });
});
