import { describe, expect, it } from 'vitest';
import { RandomState } from '../../src/core/random';
import { columnGram, enetCoordinateDescent, enetCoordinateDescentGram, squaredColumnNorms } from '../../src/linear_model/coordinateDescent';
import { colMajor, type ColMajor } from '../../src/core/data/index';
import { gramProblem } from '../../src/linear_model/_enetPath';

/** A random column-major problem: y = X·trueCoef + noise, with a few informative features. */
function problem(n: number, d: number, seed: number): { X: ColMajor; y: Float64Array } {
  const rng = new RandomState(seed);
  const data = new Float64Array(n * d);
  for (let k = 0; k < n * d; k++) data[k] = rng.normal();
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = 0.5 * rng.normal();
    for (let j = 0; j < Math.min(d, 4); j++) y[i] += (j + 1) * (j % 2 ? -1 : 1) * data[j * n + i];
  }
  return { X: colMajor(data, n, d), y };
}

function residual(X: ColMajor, y: Float64Array, w: Float64Array): Float64Array {
  const R = Float64Array.from(y);
  for (let j = 0; j < X.cols; j++) for (let i = 0; i < X.rows; i++) R[i] -= X.data[j * X.rows + i] * w[j];
  return R;
}

function objective(X: ColMajor, y: Float64Array, w: Float64Array, l1: number, l2: number): number {
  const R = residual(X, y, w);
  let v = 0;
  for (const r of R) v += 0.5 * r * r;
  for (const c of w) v += l1 * Math.abs(c) + 0.5 * l2 * c * c;
  return v;
}

/** x_j · R − l2·w_j for each j (the subgradient condition's left side). */
function correlations(X: ColMajor, y: Float64Array, w: Float64Array, l2: number): number[] {
  const R = residual(X, y, w);
  return Array.from({ length: X.cols }, (_, j) => {
    let s = 0;
    for (let i = 0; i < X.rows; i++) s += X.data[j * X.rows + i] * R[i];
    return s - l2 * w[j];
  });
}

const base = { maxIter: 10000, tol: 1e-12, positive: false, random: null };

describe('enetCoordinateDescent', () => {
  const { X, y } = problem(80, 10, 3);

  it('meets the optimality (KKT) conditions to 1e-6 at tol 1e-12, with a sparse solution', () => {
    const l1 = 15;
    const l2 = 2;
    const w = new Float64Array(10);
    const r = enetCoordinateDescent(X, y, w, { ...base, l1Reg: l1, l2Reg: l2 });
    expect(r.converged).toBe(true);
    expect(r.gap).toBeLessThan(r.gapTol);
    const c = correlations(X, y, w, l2);
    for (let j = 0; j < 10; j++) {
      if (w[j] !== 0) expect(Math.abs(c[j] - l1 * Math.sign(w[j]))).toBeLessThan(1e-6);
      else expect(Math.abs(c[j])).toBeLessThanOrEqual(l1 + 1e-6);
    }
    expect(w.filter((v) => v === 0).length).toBeGreaterThan(0);
    expect(w.filter((v) => v !== 0).length).toBeGreaterThanOrEqual(4);
  });

  it('reaches a minimum: no small step in any coordinate lowers the objective (to 1e-9)', () => {
    const w = new Float64Array(10);
    enetCoordinateDescent(X, y, w, { ...base, l1Reg: 5, l2Reg: 1 });
    const f0 = objective(X, y, w, 5, 1);
    for (let j = 0; j < 10; j++) {
      for (const h of [1e-4, -1e-4]) {
        const v = Float64Array.from(w);
        v[j] += h;
        expect(objective(X, y, v, 5, 1)).toBeGreaterThan(f0 - 1e-9);
      }
    }
  });

  it('returns zeros in one sweep when l1Reg ≥ max|Xᵀy| (gap 0)', () => {
    let max = 0;
    for (let j = 0; j < 10; j++) {
      let s = 0;
      for (let i = 0; i < 80; i++) s += X.data[j * 80 + i] * y[i];
      max = Math.max(max, Math.abs(s));
    }
    const w = new Float64Array(10);
    const r = enetCoordinateDescent(X, y, w, { ...base, l1Reg: max * 1.0001, l2Reg: 0 });
    expect(Array.from(w)).toEqual(new Array(10).fill(0));
    expect(r.nIter).toBe(1);
    expect(r.gap).toBeCloseTo(0, 12);
    const w2 = new Float64Array(10);
    enetCoordinateDescent(X, y, w2, { ...base, l1Reg: max * 0.99, l2Reg: 0 });
    expect(w2.some((v) => v !== 0)).toBe(true);
  });

  it('positive: coefficients ≥ 0 and optimal under the constraint (to 1e-6)', () => {
    const w = new Float64Array(10);
    const r = enetCoordinateDescent(X, y, w, { ...base, l1Reg: 3, l2Reg: 0.5, positive: true });
    expect(r.converged).toBe(true);
    expect(Array.from(w).every((v) => v >= 0)).toBe(true);
    const c = correlations(X, y, w, 0.5);
    for (let j = 0; j < 10; j++) {
      if (w[j] > 0) expect(Math.abs(c[j] - 3)).toBeLessThan(1e-6);
      else expect(c[j]).toBeLessThanOrEqual(3 + 1e-6);
    }
    // The problem has negative true coefficients, so the constraint binds.
    expect(w.filter((v) => v === 0).length).toBeGreaterThan(0);
  });

  it('random selection converges to the cyclic solution (to 1e-8)', () => {
    const a = new Float64Array(10);
    const b = new Float64Array(10);
    enetCoordinateDescent(X, y, a, { ...base, l1Reg: 5, l2Reg: 1 });
    const r = enetCoordinateDescent(X, y, b, { ...base, l1Reg: 5, l2Reg: 1, random: new RandomState(7) });
    expect(r.converged).toBe(true);
    for (let j = 0; j < 10; j++) expect(Math.abs(a[j] - b[j])).toBeLessThan(1e-8);
  });

  it('a warm start at the solution stops after one sweep', () => {
    const w = new Float64Array(10);
    enetCoordinateDescent(X, y, w, { ...base, l1Reg: 5, l2Reg: 1 });
    const r = enetCoordinateDescent(X, y, w, { ...base, l1Reg: 5, l2Reg: 1 });
    expect(r.nIter).toBe(1);
  });

  it('stops at maxIter without converging, reporting the gap of the last sweep', () => {
    const w = new Float64Array(10);
    const r = enetCoordinateDescent(X, y, w, { ...base, l1Reg: 0.01, l2Reg: 0, maxIter: 2, tol: 0 });
    expect(r.converged).toBe(false);
    expect(r.nIter).toBe(2);
    expect(r.gap).toBeGreaterThan(0);
    expect(r.gapTol).toBe(0);
  });

  it('stops on the gap (not only on coefficient changes): the gap test is tol·‖y‖²', () => {
    const w = new Float64Array(10);
    const loose = enetCoordinateDescent(X, y, w, { ...base, l1Reg: 1, l2Reg: 0, tol: 1e-2 });
    let yy = 0;
    for (const v of y) yy += v * v;
    expect(loose.gapTol).toBeCloseTo(1e-2 * yy, 9);
    expect(loose.gap).toBeLessThan(loose.gapTol);
    const w2 = new Float64Array(10);
    const tight = enetCoordinateDescent(X, y, w2, { ...base, l1Reg: 1, l2Reg: 0, tol: 1e-12 });
    expect(tight.nIter).toBeGreaterThan(loose.nIter);
  });

  it('skips all-zero columns and does not modify X or y', () => {
    const data = Float64Array.from(X.data);
    data.fill(0, 2 * 80, 3 * 80);
    const Xz = colMajor(data, 80, 10);
    const before = Float64Array.from(data);
    const yBefore = Float64Array.from(y);
    const w = new Float64Array(10);
    w[2] = 0;
    const r = enetCoordinateDescent(Xz, y, w, { ...base, l1Reg: 1, l2Reg: 0, colNorms: squaredColumnNorms(Xz) });
    expect(r.converged).toBe(true);
    expect(w[2]).toBe(0);
    expect(data).toEqual(before);
    expect(y).toEqual(yBefore);
  });

  it('squaredColumnNorms sums squares per column', () => {
    expect(Array.from(squaredColumnNorms(colMajor(Float64Array.from([1, 2, 3, 0, 0, 4]), 3, 2)))).toEqual([14, 16]);
  });

  it('columnGram equals the column dot products (to 1e-12), for even and odd column counts', () => {
    for (const d of [10, 7, 1]) {
      const Xs = colMajor(X.data.subarray(0, 80 * d), 80, d);
      const G = columnGram(Xs);
      for (let a = 0; a < d; a++) {
        for (let b = 0; b < d; b++) {
          let s = 0;
          for (let i = 0; i < 80; i++) s += X.data[a * 80 + i] * X.data[b * 80 + i];
          expect(Math.abs(G[a * d + b] - s)).toBeLessThan(1e-12 * Math.max(1, Math.abs(s)));
        }
      }
    }
  });

  describe('the Gram form', () => {
    const P = gramProblem({ X, y, colNorms: squaredColumnNorms(X), xMean: new Float64Array(10), yMean: 0 });
    for (const [label, o] of [
      ['lasso', { l1Reg: 15, l2Reg: 0, positive: false }],
      ['elastic net', { l1Reg: 5, l2Reg: 3, positive: false }],
      ['positive', { l1Reg: 3, l2Reg: 0.5, positive: true }],
    ] as const) {
      it(`${label}: same sweeps, coefficients and gap as the residual form (coef to 1e-10)`, () => {
        for (const tol of [1e-4, 1e-12]) {
          const a = new Float64Array(10);
          const b = new Float64Array(10);
          const ra = enetCoordinateDescent(X, y, a, { ...base, ...o, tol });
          const rb = enetCoordinateDescentGram(P, b, { ...base, ...o, tol });
          expect(rb.nIter).toBe(ra.nIter);
          expect(rb.converged).toBe(true);
          for (let j = 0; j < 10; j++) expect(Math.abs(a[j] - b[j])).toBeLessThan(1e-10);
          expect(Math.abs(ra.gap - rb.gap)).toBeLessThan(1e-8 * Math.max(1, ra.gapTol));
          expect(rb.gapTol).toBeCloseTo(ra.gapTol, 9);
        }
      });
    }

    it('warm-started at the solution: one sweep; stopped by maxIter: not converged', () => {
      const w = new Float64Array(10);
      enetCoordinateDescentGram(P, w, { ...base, l1Reg: 5, l2Reg: 1 });
      expect(enetCoordinateDescentGram(P, w, { ...base, l1Reg: 5, l2Reg: 1 }).nIter).toBe(1);
      const r = enetCoordinateDescentGram(P, new Float64Array(10), { ...base, l1Reg: 0.01, l2Reg: 0, maxIter: 2, tol: 0 });
      expect(r.converged).toBe(false);
      expect(r.nIter).toBe(2);
    });
  });
});
