import { describe, expect, it } from 'vitest';
import { NotFittedError, Ridge, ValidationError, loadModel } from '../../src/index';
import { expectClose } from '../helpers';
import { DATA, TARGETS, fx, scaleOf, weights } from './_ridgeData';

describe('Ridge matches scikit-learn (fixtures: make_ridge.py)', () => {
  for (const c of fx.ridge) {
    const lsqr = c.params.solver === 'lsqr';
    // LSQR stops at its tolerance; run the same iterations as SciPy's, it reaches the same iterate.
    const rtol = lsqr ? 1e-6 : 1e-8;
    it(`${c.name}: coefficients to ${rtol} relative${lsqr ? ', same LSQR iteration count' : ''}`, () => {
      const X = DATA[c.X];
      const y = TARGETS[c.y] as number[] | number[][];
      const m = new Ridge(c.params).fit(X, y, weights(c.sampleWeight));
      const scale = scaleOf(c.coef);
      expectClose(m.coef_, c.coef, rtol, rtol * scale);
      expectClose(m.intercept_, c.intercept, rtol, rtol * scaleOf(c.intercept));
      expectClose(m.predict(X.slice(0, 10)), c.predict, rtol, rtol * scaleOf(c.predict));
      expectClose(m.score(X, y), c.score, 1e-8);
      expect(m.nIter_).toEqual(c.nIter);
    });
  }
});

describe('Ridge', () => {
  const X = [[0, 0], [0, 1], [1, 0], [1, 1], [2, 1]];
  const y = [1, 3, 2, 4, 5];

  it('the three solvers agree to 1e-10 (lsqr at tol 1e-14)', () => {
    const a = new Ridge({ alpha: 0.7, solver: 'cholesky' }).fit(X, y);
    const b = new Ridge({ alpha: 0.7, solver: 'svd' }).fit(X, y);
    const c = new Ridge({ alpha: 0.7, solver: 'lsqr', tol: 1e-14 }).fit(X, y);
    expectClose(b.coef_, a.coef_, 1e-10, 1e-12);
    expectClose(c.coef_, a.coef_, 1e-10, 1e-12);
    expectClose(c.intercept_, a.intercept_, 1e-10);
  });

  it('alpha = 0 equals ordinary least squares; growing alpha shrinks the coefficients', () => {
    const ols = new Ridge({ alpha: 0 }).fit(X, y).coef_ as number[];
    let prev = Math.hypot(...ols);
    for (const alpha of [0.1, 1, 10, 100]) {
      const norm = Math.hypot(...(new Ridge({ alpha }).fit(X, y).coef_ as number[]));
      expect(norm).toBeLessThan(prev);
      prev = norm;
    }
  });

  it('huge sample weights: only their ratio to alpha matters, no overflow to NaN', () => {
    const r = [1, 0.5, 2, 0.25, 1.5];
    const Y2 = y.map((v) => [v, 2 - v]);
    for (const solver of ['cholesky', 'svd', 'lsqr'] as const) {
      // weights c·r with alpha c·α solve the same problem as weights r with alpha α
      const big = new Ridge({ alpha: 1e307, solver, tol: 1e-14 }).fit(X, Y2, r.map((v) => v * 1e307));
      const ref = new Ridge({ alpha: 1, solver, tol: 1e-14 }).fit(X, Y2, r);
      expectClose(big.coef_, ref.coef_, 1e-9, 1e-12);
      expectClose(big.intercept_, ref.intercept_, 1e-9, 1e-12);
    }
    // all weights 1e308 with alpha 1 (the fuzz case: a constant column, two targets): finite, and
    // the fit of a vanishing penalty
    const Xc = X.map((row) => [row[0], 3, row[1]]);
    const Yc = Xc.map((row) => [row[0] + 2 * row[2], row[0] + 2 * row[2]]);
    const m = new Ridge().fit(Xc, Yc, Xc.map(() => 1e308));
    const pred = m.predict(Xc) as number[][];
    expect(pred.flat().every(Number.isFinite)).toBe(true);
    expectClose(pred, Yc, 1e-9, 1e-9);
  });

  it('solves collinear X with alpha > 0 (duplicated columns share the weight)', () => {
    const Xd = X.map((r) => [r[0], r[0], r[1]]);
    for (const solver of ['cholesky', 'svd', 'lsqr'] as const) {
      const coef = new Ridge({ alpha: 1, solver, tol: 1e-12 }).fit(Xd, y).coef_ as number[];
      expectClose(coef[0], coef[1], 1e-9);
      expect(Number.isFinite(coef[2])).toBe(true);
    }
    // alpha = 0 on singular XᵀX: Cholesky falls back to the SVD's minimum-norm solution.
    const a = new Ridge({ alpha: 0, solver: 'cholesky' }).fit(Xd, y).coef_;
    const b = new Ridge({ alpha: 0, solver: 'svd' }).fit(Xd, y).coef_;
    expectClose(a, b, 1e-9, 1e-12);
  });

  it('a constant target gives zero coefficients and the constant as intercept', () => {
    for (const solver of ['cholesky', 'svd', 'lsqr'] as const) {
      const m = new Ridge({ solver }).fit(X, [4, 4, 4, 4, 4]);
      expectClose(m.coef_, [0, 0], 0, 1e-14);
      expect(m.intercept_).toBe(4);
    }
  });

  it('2-d y: coef_ is targets × features, predict gives rows, a single column stays 2-d', () => {
    const Y = y.map((v, i) => [v, -2 * v + i]);
    const m = new Ridge({ alpha: [0.5, 2] }).fit(X, Y);
    const coef = m.coef_ as number[][];
    expect(coef.length).toBe(2);
    expectClose(coef[0], new Ridge({ alpha: 0.5 }).fit(X, y).coef_, 1e-12);
    expectClose(coef[1], new Ridge({ alpha: 2 }).fit(X, Y.map((r) => r[1])).coef_, 1e-12);
    expect((m.predict([[1, 1]]) as number[][])[0].length).toBe(2);
    const one = new Ridge().fit(X, y.map((v) => [v]));
    expect(Array.isArray((one.coef_ as number[][])[0])).toBe(true);
    expect(one.intercept_).toHaveLength(1);
  });

  it('rejects alpha < 0, a per-target alpha of the wrong length, bad y and weights', () => {
    expect(() => new Ridge({ alpha: -1 })).toThrow(ValidationError);
    expect(() => new Ridge({ alpha: [1, -1] })).toThrow(/'alpha' option of Ridge/);
    expect(() => new Ridge({ solver: 'sag' as 'svd' })).toThrow(/solver/);
    const m = new Ridge().fit(X, y);
    const before = m.predict(X);
    expect(() => m.setParams({ alpha: [1, 2] }).fit(X, y)).toThrow(/alpha.*one value or one per target \(1\).*Got 2 values/);
    expect(() => m.setParams({ alpha: [1, 2, 3] }).fit(X, y.map((v) => [v, v]))).toThrow(ValidationError);
    m.setParams({ alpha: 1 });
    expect(() => m.fit(X, [1, 2])).toThrow(/same number of samples/);
    expect(() => m.fit(X, y.map((v) => [v, v]).slice(1))).toThrow(/same number of samples/);
    expect(() => m.fit(X, ['a', 'b', 'c', 'd', 'e'] as unknown as number[])).toThrow(ValidationError);
    expect(() => m.fit(X, y, [1, 1, -1, 1, 1])).toThrow(/sampleWeight/);
    expect(m.predict(X)).toEqual(before);
    expect(() => m.predict([[1, 2, 3]])).toThrow('X has 3 features, but Ridge is expecting 2 features as input.');
  });

  it('does not mutate its inputs', () => {
    const Xc = X.map((r) => r.slice());
    const yc = y.slice();
    const w = [1, 2, 1, 2, 1];
    new Ridge({ solver: 'lsqr' }).fit(Xc, yc, w);
    expect(Xc).toEqual(X);
    expect(yc).toEqual(y);
    expect(w).toEqual([1, 2, 1, 2, 1]);
  });

  it('throws NotFittedError before fit', () => {
    expect(() => new Ridge().predict(X)).toThrow(NotFittedError);
    expect(() => new Ridge().coef_).toThrow(NotFittedError);
  });

  it('saves and loads bit for bit (multi-output too)', () => {
    const Y = y.map((v, i) => [v, i]);
    for (const m of [new Ridge({ solver: 'lsqr' }).fit(X, y), new Ridge().fit(X, Y)]) {
      const again = loadModel<Ridge>(JSON.stringify(m));
      expect(JSON.stringify(again.predict(X))).toBe(JSON.stringify(m.predict(X)));
      expect(again.nIter_).toEqual(m.nIter_);
    }
  });
});
