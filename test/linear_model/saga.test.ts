import { describe, expect, it } from 'vitest';
import { RandomState } from '../../src/core/random';
import { lbfgs } from '../../src/core/optimize/lbfgs';
import { saga, sagaStepSize } from '../../src/linear_model/saga';
import { binaryLogisticObjective, multinomialLogisticObjective } from '../../src/linear_model/logisticLoss';
import { rowMajor, type RowMajor } from '../../src/core/data/index';
import { expectClose } from '../helpers';

/** A noisy (not separable) problem: n × d Gaussian X, labels from a linear score plus noise. */
function problem(n: number, d: number, K: number, seed: number): { X: RowMajor; y: Int32Array } {
  const rng = new RandomState(seed);
  const data = new Float64Array(n * d);
  for (let i = 0; i < data.length; i++) data[i] = rng.normal();
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    let bestScore = -Infinity;
    for (let k = 0; k < K; k++) {
      const s = data[i * d + (k % d)] * (k + 1) * 0.7 + 1.5 * rng.normal();
      if (s > bestScore) [best, bestScore] = [k, s];
    }
    y[i] = K === 1 ? (data[i * d] + rng.normal() > 0 ? 1 : 0) : best;
  }
  return { X: rowMajor(data, n, d), y };
}

describe('saga', () => {
  it("uses scikit-learn's SAGA step size 1 / (2L + min(2nα/n, L))", () => {
    // L = 0.25·(10 + 1) + 0.01 = 2.76; min(2·100·0.01, 2.76) = 2
    expect(sagaStepSize(10, 0.01, true, 100)).toBeCloseTo(1 / (2 * 2.76 + 2), 15);
    expect(sagaStepSize(10, 0, false, 100)).toBeCloseTo(1 / 5, 15);
  });

  it('binary L2 and no penalty: reaches the lbfgs optimum (coefficients to 1e-6)', () => {
    const { X, y } = problem(300, 5, 1, 1);
    const yf = Float64Array.from(y);
    const sw = new Float64Array(300).fill(1);
    for (const alpha of [1, 0]) {
      const ref = lbfgs(binaryLogisticObjective(X, yf, sw, alpha, true), new Float64Array(6), { gtol: 1e-12, maxIter: 1000, ftol: 0 });
      const res = saga(X, yf, { loss: 'log', alpha, beta: 0, fitIntercept: true, maxIter: 100000, tol: 1e-12, random: new RandomState(0) });
      expect(res.converged).toBe(true);
      expectClose(res.coef, ref.x.subarray(0, 5), 0, 1e-6);
      expectClose(res.intercept[0], ref.x[5], 0, 1e-6);
    }
  });

  it('multinomial L2 with sample weights: reaches the lbfgs optimum (coefficients to 1e-6)', () => {
    const K = 3;
    const { X, y } = problem(240, 4, K, 2);
    const rng = new RandomState(5);
    const sw = Float64Array.from({ length: 240 }, () => 0.5 + rng.random());
    const ref = lbfgs(multinomialLogisticObjective(X, y, K, sw, 2, true), new Float64Array(K * 5), { gtol: 1e-12, maxIter: 1000, ftol: 0 });
    const res = saga(X, y, { loss: 'multinomial', nClasses: K, sampleWeight: sw, alpha: 2, beta: 0, fitIntercept: true, maxIter: 100000, tol: 1e-12, random: new RandomState(3) });
    expect(res.converged).toBe(true);
    for (let k = 0; k < K; k++) {
      expectClose(res.coef.subarray(k * 4, k * 4 + 4), ref.x.subarray(k * 5, k * 5 + 4), 0, 1e-6);
      expectClose(res.intercept[k], ref.x[k * 5 + 4], 0, 1e-6);
    }
  });

  it('L1 and elastic net: the result meets the optimality (KKT) conditions to 1e-6', () => {
    const { X, y } = problem(400, 8, 1, 4);
    const yf = Float64Array.from(y);
    const sw = new Float64Array(400).fill(1);
    for (const [alpha, beta] of [[0, 20], [5, 10]]) {
      const res = saga(X, yf, { loss: 'log', alpha, beta, fitIntercept: true, maxIter: 100000, tol: 1e-12, random: new RandomState(1) });
      // Gradient of the smooth part (loss + α/2‖w‖²) at the result.
      const x = new Float64Array(9);
      x.set(res.coef);
      x[8] = res.intercept[0];
      const g = new Float64Array(9);
      binaryLogisticObjective(X, yf, sw, alpha, true)(x, g);
      let zeros = 0;
      for (let j = 0; j < 8; j++) {
        if (res.coef[j] === 0) {
          zeros++;
          expect(Math.abs(g[j])).toBeLessThanOrEqual(beta + 1e-6);
        } else expect(Math.abs(g[j] + beta * Math.sign(res.coef[j]))).toBeLessThan(1e-6);
      }
      expect(Math.abs(g[8])).toBeLessThan(1e-6);
      expect(zeros).toBeGreaterThan(0);
    }
  });

  it('stops at maxIter without converging, and starts from coefInit / interceptInit', () => {
    const { X, y } = problem(200, 3, 1, 6);
    const yf = Float64Array.from(y);
    const base = { loss: 'log' as const, alpha: 1, beta: 0, fitIntercept: true, tol: 1e-12 };
    const short = saga(X, yf, { ...base, maxIter: 2, random: new RandomState(0) });
    expect(short).toMatchObject({ nIter: 2, converged: false });
    const full = saga(X, yf, { ...base, maxIter: 100000, random: new RandomState(0) });
    const none = saga(X, yf, { ...base, maxIter: 0, random: new RandomState(9), coefInit: full.coef, interceptInit: full.intercept });
    expect(Array.from(none.coef)).toEqual(Array.from(full.coef));
    expect(none.intercept[0]).toBe(full.intercept[0]);
    const warm = saga(X, yf, { ...base, maxIter: 100000, random: new RandomState(9), coefInit: full.coef, interceptInit: full.intercept });
    expectClose(warm.coef, full.coef, 0, 1e-8);
  });

  it('is reproducible for a seed and does not modify X', () => {
    const { X, y } = problem(100, 3, 3, 7);
    const copy = Float64Array.from(X.data);
    const opts = { loss: 'multinomial' as const, nClasses: 3, alpha: 1, beta: 0.5, fitIntercept: true, maxIter: 5, tol: 0 };
    const a = saga(X, y, { ...opts, random: new RandomState(11) });
    const b = saga(X, y, { ...opts, random: new RandomState(11) });
    expect(Array.from(a.coef)).toEqual(Array.from(b.coef));
    expect(Array.from(X.data)).toEqual(Array.from(copy));
  });
});
