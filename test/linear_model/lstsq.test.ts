import { describe, expect, it } from 'vitest';
import { LinearRegression, RidgeCV, ValidationError } from '../../src/index';
import { leastSquares } from '../../src/linear_model/leastSquares';
import { lstsq } from '../../src/linear_model/lstsq';
import { rowMajor } from '../../src/core/data/index';
import { expectClose, fixture } from '../helpers';

interface Reference {
  coef: number[];
  intercept: number;
  rank: number;
}
interface MinNormCase extends Reference {
  name: string;
  fitIntercept: boolean;
  X: number[][];
  y: number[];
  sampleWeight: number[] | null;
  numpy: Reference;
}
interface LstsqFixture {
  x: number[];
  y: number[];
  vandermonde: Array<{ degree: number; rss: number; rank: number; cond: number }>;
  minnorm: MinNormCase[];
}
const f = fixture<LstsqFixture>('linear_model/lstsq.json');

function rss(X: number[][], y: number[], coef: ArrayLike<number>, intercept: number): number {
  let s = 0;
  X.forEach((row, i) => {
    let p = intercept;
    row.forEach((v, j) => (p += v * coef[j]));
    s += (y[i] - p) ** 2;
  });
  return s;
}

const norm = (v: ArrayLike<number>) => Math.hypot(...Array.from(v));

describe('LinearRegression on Vandermonde designs (fixtures: make_lstsq.py, numpy.linalg.lstsq)', () => {
  for (const v of f.vandermonde) {
    it(`degree ${v.degree} (cond ${v.cond.toExponential(1)}): residual within 1.01x of numpy's`, () => {
      const V = f.x.map((t) => Array.from({ length: v.degree + 1 }, (_, p) => t ** p));
      const noIntercept = new LinearRegression({ fitIntercept: false }).fit(V, f.y);
      expect(rss(V, f.y, noIntercept.coef_, 0)).toBeLessThanOrEqual(1.01 * v.rss);
      expect(noIntercept.rank_).toBe(v.rank);
      // The same model space with the constant column as the intercept.
      const V1 = V.map((r) => r.slice(1));
      const withIntercept = new LinearRegression().fit(V1, f.y);
      expect(rss(V1, f.y, withIntercept.coef_, withIntercept.intercept_)).toBeLessThanOrEqual(1.01 * v.rss);
    });
  }

  it('the normal equations alone would not be good enough at degree 14 (the solver choice matters)', () => {
    const v = f.vandermonde[f.vandermonde.length - 1];
    const V = f.x.map((t) => Array.from({ length: v.degree + 1 }, (_, p) => t ** p));
    const forced = leastSquares(rowMajor(Float64Array.from(V.flat()), V.length, V[0].length), Float64Array.from(f.y), { fitIntercept: false, method: 'cholesky' });
    const auto = leastSquares(rowMajor(Float64Array.from(V.flat()), V.length, V[0].length), Float64Array.from(f.y), { fitIntercept: false });
    expect(auto.method).toBe('qr');
    expect(rss(V, f.y, forced.coef, 0)).toBeGreaterThan(1.01 * v.rss);
  });
});

describe('LinearRegression minimum-norm solutions (fixtures: make_lstsq.py, scikit-learn coef_)', () => {
  for (const c of f.minnorm) {
    it(`${c.name}: coef_ and intercept_ to 1e-6`, () => {
      const m = new LinearRegression({ fitIntercept: c.fitIntercept }).fit(c.X, c.y, c.sampleWeight ?? undefined);
      if (c.rank === c.numpy.rank) {
        expectClose(m.coef_, c.coef, 1e-6, 1e-6);
        expectClose(m.intercept_, c.intercept, 1e-6, 1e-6);
        expect(m.rank_).toBe(c.rank);
      } else {
        // scikit-learn (scipy, cond = eps) kept a rounding-level singular value of the centred
        // matrix; typelearn cuts at max(n, d)·eps as numpy does, which gives the smaller norm.
        expectClose(m.coef_, c.numpy.coef, 1e-6, 1e-6);
        expectClose(m.intercept_, c.numpy.intercept, 1e-6, 1e-6);
        expect(m.rank_).toBe(c.numpy.rank);
        expect(norm(m.coef_)).toBeLessThanOrEqual(norm(c.coef));
        expectClose(rss(c.X, c.y, m.coef_, m.intercept_), rss(c.X, c.y, c.coef, c.intercept), 0, 1e-12);
      }
    });
  }
});

describe('LinearRegression on extreme magnitudes', () => {
  const X = [[1, 2], [2, 1], [3, 5], [4, 3], [5, 8]];
  const y = [3, 1, 4, 1, 5];
  const base = new LinearRegression().fit(X, y);

  for (const s of [1e200, 1e-200, 1e300]) {
    it(`X × ${s}: the same fit, scaled (no overflow or underflow)`, () => {
      const m = new LinearRegression().fit(X.map((r) => r.map((v) => v * s)), y);
      expectClose(m.coef_.map((c) => c * s), base.coef_, 1e-10, 1e-10);
      expectClose(m.intercept_, base.intercept_, 1e-10, 1e-10);
      expectClose(m.predict(X.map((r) => r.map((v) => v * s))), base.predict(X), 1e-10, 1e-10);
    });
    it(`y × ${s}: the same fit, scaled`, () => {
      const m = new LinearRegression().fit(X, y.map((v) => v * s));
      expectClose(m.coef_.map((c) => c / s), base.coef_, 1e-10, 1e-10);
      expectClose(m.intercept_ / s, base.intercept_, 1e-10, 1e-10);
    });
  }

  it('a column of 1e200 beside ordinary columns', () => {
    const Xm = X.map((r, i) => [r[0], r[1] * 1e200, i % 2]);
    const m = new LinearRegression().fit(Xm, y);
    expect(m.coef_.every(Number.isFinite)).toBe(true);
    expect(m.predict(Xm).every(Number.isFinite)).toBe(true);
  });

  it('sample weights of 1e308 give the unweighted fit (weights are rescaled exactly)', () => {
    const m = new LinearRegression().fit(X, y, new Array(X.length).fill(1e308));
    expectClose(m.coef_, base.coef_, 1e-12, 1e-12);
    expectClose(m.intercept_, base.intercept_, 1e-12, 1e-12);
  });

  it('X near 1e-320 with y near 1e300: coefficients beyond the double range are a ValidationError, not NaN', () => {
    const Xt = X.map((r) => r.map((v) => v * 1e-320));
    expect(() => new LinearRegression().fit(Xt, y.map((v) => v * 1e300))).toThrow(ValidationError);
  });

  it('RidgeCV with sample weights of 1e308 (weighted means overflow): a ValidationError', () => {
    expect(() => new RidgeCV().fit(X, y, new Array(X.length).fill(1e308))).toThrow(ValidationError);
  });

  it('RidgeCV on X × 1e200 fits or says why, never a TypeError', () => {
    const Xh = X.map((r) => r.map((v) => v * 1e200));
    let outcome: unknown;
    try {
      outcome = new RidgeCV().fit(Xh, y).predict(Xh);
    } catch (e) {
      outcome = e;
    }
    if (outcome instanceof Error) expect(outcome).toBeInstanceOf(ValidationError);
    else expect((outcome as number[]).every(Number.isFinite)).toBe(true);
  });
});

describe('lstsq (QR with column pivoting + Jacobi SVD)', () => {
  it('solves a square system exactly and a wide one with the minimum norm', () => {
    const A = Float64Array.from([2, 1, 1, 3]);
    const { x, rank } = lstsq(A, 2, 2, Float64Array.from([3, 5]), 1e-15);
    expectClose(Array.from(x), [0.8, 1.4], 1e-14, 1e-14);
    expect(rank).toBe(2);
    // x1 + x2 = 2: the minimum-norm solution is (1, 1).
    const wide = lstsq(Float64Array.from([1, 1]), 1, 2, Float64Array.from([2]), 1e-15);
    expectClose(Array.from(wide.x), [1, 1], 1e-14, 1e-14);
    expect(wide.rank).toBe(1);
  });

  it('returns zeros for a zero matrix', () => {
    const { x, rank } = lstsq(new Float64Array(6), 3, 2, Float64Array.from([1, 2, 3]), 1e-15);
    expect(Array.from(x)).toEqual([0, 0]);
    expect(rank).toBe(0);
  });

  it('30 x 1000 takes the QR path and interpolates', () => {
    const n = 30;
    const d = 1000;
    const X = Array.from({ length: n }, (_, i) => Array.from({ length: d }, (_, j) => Math.sin(i * 7 + j * 13 + i * j)));
    const y = X.map((r) => r[0] - 2 * r[1] + 1);
    const m = new LinearRegression().fit(X, y);
    expectClose(m.predict(X), y, 1e-9, 1e-9);
    expect(m.rank_).toBe(n - 1);
  });
});

describe('lstsq: the complete orthogonal decomposition path (large R) agrees with the Jacobi SVD path', () => {
  for (const c of f.minnorm) {
    it(`${c.name}: numpy's minimum-norm solution to 1e-9`, () => {
      const n = c.X.length;
      const d = c.X[0].length;
      const w = c.sampleWeight ?? new Array<number>(n).fill(1);
      const sw = w.reduce((a, b) => a + b, 0);
      const xm = Array.from({ length: d }, (_, j) => (c.fitIntercept ? c.X.reduce((a, r, i) => a + w[i] * r[j], 0) / sw : 0));
      const ym = c.fitIntercept ? c.y.reduce((a, v, i) => a + w[i] * v, 0) / sw : 0;
      const A = Float64Array.from(c.X.flatMap((r, i) => r.map((v, j) => (v - xm[j]) * Math.sqrt(w[i]))));
      const b = Float64Array.from(c.y.map((v, i) => (v - ym) * Math.sqrt(w[i])));
      const rcond = Math.max(n, d) * Number.EPSILON;
      const cod = lstsq(A, n, d, b, rcond, 0);
      const svd = lstsq(A, n, d, b, rcond, Infinity);
      expectClose(Array.from(cod.x), c.numpy.coef, 1e-9, 1e-9);
      expectClose(Array.from(svd.x), c.numpy.coef, 1e-9, 1e-9);
      expect(cod.rank).toBe(c.numpy.rank);
      expect(svd.rank).toBe(c.numpy.rank);
    });
  }

  it("Vandermonde degree 14: residual within 1.01x of numpy's on both paths", () => {
    const v = f.vandermonde[f.vandermonde.length - 1];
    const V = f.x.map((t) => Array.from({ length: v.degree + 1 }, (_, p) => t ** p));
    const A = Float64Array.from(V.flat());
    for (const jacobiMaxRank of [0, Infinity]) {
      const { x, rank } = lstsq(A, V.length, v.degree + 1, Float64Array.from(f.y), 50 * Number.EPSILON, jacobiMaxRank);
      expect(rss(V, f.y, x, 0)).toBeLessThanOrEqual(1.01 * v.rss);
      expect(rank).toBe(v.rank);
    }
  });
});
