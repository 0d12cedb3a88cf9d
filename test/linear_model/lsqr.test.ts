import { describe, expect, it } from 'vitest';
import { rowMajor } from '../../src/core/data/index';
import { lsqr } from '../../src/linear_model/lsqr';
import { RandomState } from '../../src/core/random';
import { expectClose } from '../helpers';

function randomProblem(m: number, n: number, seed: number) {
  const rng = new RandomState(seed);
  const data = new Float64Array(m * n);
  for (let k = 0; k < data.length; k++) data[k] = rng.normal();
  const b = new Float64Array(m);
  for (let i = 0; i < m; i++) b[i] = rng.normal();
  return { A: rowMajor(data, m, n), b };
}

/** (AᵀA + damp² I) x = Aᵀb solved directly (Gaussian elimination), for reference. */
function normalEquations(A: { data: Float64Array; rows: number; cols: number }, b: Float64Array, damp: number): number[] {
  const { data, rows: m, cols: n } = A;
  const M = Array.from({ length: n }, (_, a) => {
    const row = new Array<number>(n + 1).fill(0);
    for (let c = 0; c < n; c++) for (let i = 0; i < m; i++) row[c] += data[i * n + a] * data[i * n + c];
    row[a] += damp * damp;
    for (let i = 0; i < m; i++) row[n] += data[i * n + a] * b[i];
    return row;
  });
  for (let p = 0; p < n; p++) {
    for (let r = p + 1; r < n; r++) {
      const f = M[r][p] / M[p][p];
      for (let c = p; c <= n; c++) M[r][c] -= f * M[p][c];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let v = M[r][n];
    for (let c = r + 1; c < n; c++) v -= M[r][c] * x[c];
    x[r] = v / M[r][r];
  }
  return x;
}

describe('lsqr', () => {
  it('solves a damped least-squares problem to 1e-9 at tight tolerances', () => {
    const { A, b } = randomProblem(40, 6, 1);
    for (const damp of [0, 0.5, 3]) {
      const r = lsqr(A, b, { damp, atol: 1e-14, btol: 1e-14, iterLim: 100 });
      expectClose(r.x, normalEquations(A, b, damp), 1e-9, 1e-12);
      expect(r.istop).toBeGreaterThan(0);
      expect(r.istop).toBeLessThan(7);
    }
  });

  it('finds an exact solution of a compatible system (istop 1) in at most n iterations', () => {
    const { A } = randomProblem(30, 5, 2);
    const x0 = [1, -2, 3, 0.5, -1];
    const b = new Float64Array(30);
    for (let i = 0; i < 30; i++) for (let j = 0; j < 5; j++) b[i] += A.data[i * 5 + j] * x0[j];
    const r = lsqr(A, b, { atol: 1e-12, btol: 1e-12 });
    expectClose(r.x, x0, 1e-9);
    expect(r.istop).toBe(1);
    expect(r.nIter).toBeLessThanOrEqual(6);
    expect(Math.abs(r.r1norm)).toBeLessThan(1e-9);
  });

  it('stops at the iteration limit with istop 7', () => {
    const { A, b } = randomProblem(50, 20, 3);
    const r = lsqr(A, b, { atol: 1e-16, btol: 1e-16, iterLim: 3 });
    expect(r.nIter).toBe(3);
    expect(r.istop).toBe(7);
  });

  it('returns x = 0 for b = 0 without iterating', () => {
    const { A } = randomProblem(10, 3, 4);
    const r = lsqr(A, new Float64Array(10));
    expect(Array.from(r.x)).toEqual([0, 0, 0]);
    expect(r.nIter).toBe(0);
    expect(r.istop).toBe(0);
  });
});
