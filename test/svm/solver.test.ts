/** The SMO solver, its kernel cache and the kernels, on their own (no estimator API). */
import { describe, expect, it } from 'vitest';
import { KernelCache } from '../../src/svm/kernelCache';
import { ClassificationQ } from '../../src/svm/qMatrix';
import { smo } from '../../src/svm/smo';
import { kernelBlock, kernelFromDot, rowSquaredNorms, type KernelSpec } from '../../src/svm/kernel';
import { coupleProbabilities, sigmoidPredict, sigmoidTrain } from '../../src/svm/platt';
import { RandomState } from '../../src/core/random';

function problem(n: number, d: number, seed: number): { X: Float64Array; y: Int8Array } {
  const rs = new RandomState(seed);
  const X = new Float64Array(n * d);
  const y = new Int8Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = rs.random() < 0.5 ? 1 : -1;
    for (let j = 0; j < d; j++) X[i * d + j] = rs.normal() + (j === 0 ? 0.8 * y[i] : 0);
  }
  return { X, y };
}

const rbf: KernelSpec = { kernel: 'rbf', gamma: 0.5, degree: 3, coef0: 0 };

/** Solves C-SVC and returns α, ρ and the maximal KKT violation recomputed from scratch in double precision. */
function solve(X: Float64Array, y: Int8Array, d: number, C: number, opts: { shrinking?: boolean; cacheMB?: number; tol?: number } = {}) {
  const n = y.length;
  const Q = new ClassificationQ(X, n, d, y, rbf, opts.cacheMB ?? 200);
  const res = smo({ Q, p: new Float64Array(n).fill(-1), y, alpha: new Float64Array(n), C: new Float64Array(n).fill(C) }, { tol: opts.tol ?? 1e-3, shrinking: opts.shrinking ?? true });
  const sq = rowSquaredNorms(X, n, d);
  const K = new Float64Array(n * n);
  kernelBlock(rbf, X, n, X, n, d, sq, sq, K);
  // G = Qα − 1; m(α) = max_{I_up} −yG, M(α) = min_{I_low} −yG.
  let up = -Infinity;
  let low = Infinity;
  let balance = 0;
  for (let i = 0; i < n; i++) {
    let g = -1;
    for (let j = 0; j < n; j++) g += y[i] * y[j] * K[i * n + j] * res.alpha[j];
    const v = -y[i] * g;
    const a = res.alpha[i];
    if ((y[i] === 1 && a < C) || (y[i] === -1 && a > 0)) up = Math.max(up, v);
    if ((y[i] === 1 && a > 0) || (y[i] === -1 && a < C)) low = Math.min(low, v);
    balance += y[i] * a;
  }
  return { res, violation: up - low, balance };
}

describe('smo', () => {
  it('solves the two-point problem exactly (α = 1/‖x₁ − x₂‖²·2, ρ = 0)', () => {
    const X = new Float64Array([-1, 1]);
    const y = new Int8Array([-1, 1]);
    const linear: KernelSpec = { kernel: 'linear', gamma: 1, degree: 3, coef0: 0 };
    const Q = new ClassificationQ(X, 2, 1, y, linear, 1);
    const res = smo({ Q, p: new Float64Array([-1, -1]), y, alpha: new Float64Array(2), C: new Float64Array([10, 10]) });
    expect(res.alpha[0]).toBeCloseTo(0.5, 12);
    expect(res.alpha[1]).toBeCloseTo(0.5, 12);
    expect(res.rho).toBeCloseTo(0, 12);
    expect(res.converged).toBe(true);
  });

  it('stops at a point whose maximal violating pair is below tol, with yᵀα = 0 and 0 ≤ α ≤ C', () => {
    const { X, y } = problem(300, 5, 1);
    for (const tol of [1e-1, 1e-3, 1e-6]) {
      const { res, violation, balance } = solve(X, y, 5, 1, { tol });
      // The solver's gradient is accumulated from 32-bit kernel columns (as libsvm's), so allow float32 rounding.
      expect(violation).toBeLessThan(tol + 1e-4);
      expect(Math.abs(balance)).toBeLessThan(1e-9);
      for (const a of res.alpha) {
        expect(a).toBeGreaterThanOrEqual(0);
        expect(a).toBeLessThanOrEqual(1);
      }
    }
  });

  it('gives the same solution with and without shrinking, and with a cache too small for two columns', () => {
    const { X, y } = problem(400, 4, 2);
    const a = solve(X, y, 4, 2, { shrinking: true }).res;
    const b = solve(X, y, 4, 2, { shrinking: false }).res;
    const c = solve(X, y, 4, 2, { cacheMB: 1e-6 }).res;
    for (let i = 0; i < 400; i++) {
      expect(Math.abs(a.alpha[i] - b.alpha[i])).toBeLessThan(2e-2);
      expect(c.alpha[i]).toBe(a.alpha[i]); // the cache changes speed, never the arithmetic
    }
    expect(Math.abs(a.rho - b.rho)).toBeLessThan(1e-2);
    expect(c.rho).toBe(a.rho);
  });

  it('reports non-convergence at maxIter', () => {
    const { X, y } = problem(200, 3, 3);
    const Q = new ClassificationQ(X, 200, 3, y, rbf, 10);
    const res = smo({ Q, p: new Float64Array(200).fill(-1), y, alpha: new Float64Array(200), C: new Float64Array(200).fill(100) }, { maxIter: 5 });
    expect(res.converged).toBe(false);
    expect(res.nIter).toBe(5);
  });

  it('respects per-sample upper bounds', () => {
    const { X, y } = problem(150, 3, 4);
    const C = Float64Array.from({ length: 150 }, (_, i) => (i % 3 === 0 ? 0.05 : 1));
    const Q = new ClassificationQ(X, 150, 3, y, rbf, 10);
    const res = smo({ Q, p: new Float64Array(150).fill(-1), y, alpha: new Float64Array(150), C });
    res.alpha.forEach((a, i) => expect(a).toBeLessThanOrEqual(C[i]));
    expect(res.alpha.some((a, i) => i % 3 === 0 && a === 0.05)).toBe(true);
  });
});

describe('KernelCache', () => {
  it('keeps at most its budget, evicting the least recently used column', () => {
    // 4 columns of length 10 = 40 floats; the budget allows max(budget, 2n) floats.
    const cache = new KernelCache(10, (2 * 10 + (10 * 32) / 4) * 4);
    const a = cache.get(0, 10);
    expect(cache.filled).toBe(0);
    a.fill(1);
    cache.get(1, 10).fill(2);
    cache.get(0, 10);
    expect(cache.filled).toBe(10); // still cached; now most recent
    cache.get(2, 10); // evicts column 1 (least recently used) and reuses its array
    cache.get(0, 10);
    expect(cache.filled).toBe(10);
    cache.get(1, 10);
    expect(cache.filled).toBe(0);
  });

  it('extends a shorter column and swaps positions inside cached columns', () => {
    const cache = new KernelCache(4, 1 << 20);
    cache.get(0, 2).set([5, 6]);
    const longer = cache.get(0, 4);
    expect(cache.filled).toBe(2);
    expect(Array.from(longer.subarray(0, 2))).toEqual([5, 6]);
    longer.set([7, 8], 2);
    cache.swap(1, 3);
    expect(Array.from(cache.get(0, 4))).toEqual([5, 8, 7, 6]);
    // A column covering only one of the swapped positions is dropped.
    cache.get(2, 2).set([1, 2]);
    cache.swap(1, 3);
    cache.get(2, 2);
    expect(cache.filled).toBe(0);
  });
});

describe('kernels', () => {
  it('evaluate linear, poly, rbf and sigmoid as scikit-learn defines them', () => {
    const x = new Float64Array([1, 2, 3]);
    const z = new Float64Array([0.5, -1, 2]);
    const dot = 0.5 - 2 + 6;
    const sqx = 14;
    const sqz = 5.25;
    const dist2 = 0.25 + 9 + 1;
    expect(kernelFromDot({ kernel: 'linear', gamma: 0.1, degree: 3, coef0: 1 }, dot, sqx, sqz)).toBe(dot);
    expect(kernelFromDot({ kernel: 'poly', gamma: 0.1, degree: 3, coef0: 1 }, dot, sqx, sqz)).toBeCloseTo((0.1 * dot + 1) ** 3, 12);
    expect(kernelFromDot({ kernel: 'rbf', gamma: 0.1, degree: 3, coef0: 1 }, dot, sqx, sqz)).toBeCloseTo(Math.exp(-0.1 * dist2), 12);
    expect(kernelFromDot({ kernel: 'sigmoid', gamma: 0.1, degree: 3, coef0: 1 }, dot, sqx, sqz)).toBeCloseTo(Math.tanh(0.1 * dot + 1), 12);
    const out = new Float64Array(1);
    kernelBlock(rbf, x, 1, z, 1, 3, new Float64Array([sqx]), new Float64Array([sqz]), out);
    expect(out[0]).toBeCloseTo(Math.exp(-0.5 * dist2), 12);
  });
});

describe('platt', () => {
  it('fits a sigmoid whose probabilities increase with the decision value and are calibrated on separable data', () => {
    const dec = Float64Array.from({ length: 200 }, (_, i) => (i - 100) / 25);
    const y = Int8Array.from(dec, (v, i) => (v + Math.sin(i) > 0 ? 1 : -1));
    const { A, B } = sigmoidTrain(dec, y);
    expect(A).toBeLessThan(0);
    expect(sigmoidPredict(3, A, B)).toBeGreaterThan(0.9);
    expect(sigmoidPredict(-3, A, B)).toBeLessThan(0.1);
  });

  it('couples consistent pairwise probabilities back into the class probabilities', () => {
    const p = [0.5, 0.3, 0.2];
    const k = 3;
    const r = new Float64Array(9);
    for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) if (i !== j) r[i * k + j] = p[i] / (p[i] + p[j]);
    const out = new Float64Array(3);
    coupleProbabilities(r, k, out);
    for (let i = 0; i < k; i++) expect(out[i]).toBeCloseTo(p[i], 2);
  });
});
