import { describe, expect, it } from 'vitest';
import { nanColumnMoments } from '../../../src/core/math/nanColumnMoments';
import { expectClose, nanify } from '../../helpers';
import { math } from './_fixtures';

const flat = (rows: (number | null)[][]) => Float64Array.from(nanify(rows).flat() as number[]);

describe('nanColumnMoments', () => {
  it("equals numpy's nanmean, nanvar (m2 / count) and non-missing counts (make_math.py)", () => {
    const { X } = math.moments;
    const m = nanColumnMoments(flat(X), X.length, X[0].length);
    expect(Array.from(m.count)).toEqual(math.moments.count);
    expectClose(Array.from(m.mean), math.moments.mean, 1e-14);
    expectClose(Array.from(m.m2, (v, j) => v / m.count[j]), math.moments.var, 1e-13, 1e-15);
  });
  it("with weights and the correction equals scikit-learn's StandardScaler statistics (make_math.py)", () => {
    const { X, w } = math.weighted;
    const m = nanColumnMoments(flat(X), X.length, X[0].length, { weights: w, corrected: true });
    expectClose(Array.from(m.mean), math.weighted.mean, 1e-13);
    expectClose(Array.from(m.m2, (v, j) => v / m.count[j]), math.weighted.var, 1e-12);
  });
  it('takes the same numbers through the NaN-free fast path and the general one', () => {
    const data = Float64Array.from([1.1, 5, 2.3, -7, 0.4, 1e8, 9.9, 3]);
    const fast = nanColumnMoments(data, 4, 2, { corrected: true });
    const general = nanColumnMoments(data, 4, 2, { corrected: true, weights: [1, 1, 1, 1] });
    expect(fast).toEqual(general);
  });
  it('the correction subtracts (Σ(x − mean))² / n and never goes below 0; without it m2 is the plain sum', () => {
    // A constant column whose mean rounds: the plain m2 is a rounding residue, the corrected one 0.
    const data = new Float64Array(10).fill(0.1);
    const plain = nanColumnMoments(data, 10, 1).m2[0];
    const corrected = nanColumnMoments(data, 10, 1, { corrected: true }).m2[0];
    let dev = 0;
    let corr = 0;
    const mean = data.reduce((s, v) => s + v, 0) / 10;
    for (const v of data) {
      dev += (v - mean) ** 2;
      corr += v - mean;
    }
    expect(plain).toBe(dev);
    expect(corrected).toBe(Math.max(0, dev - (corr * corr) / 10));
    expect(corrected).toBeGreaterThanOrEqual(0);
  });
  it('gives NaN mean and m2 (count 0) for an all-missing column or zero weights, and reads only', () => {
    const data = Float64Array.from([NaN, 1, NaN, 3]);
    const m = nanColumnMoments(data, 2, 2);
    expect([m.count[0], m.mean[0], m.m2[0]]).toEqual([0, NaN, NaN]);
    expect([m.count[1], m.mean[1], m.m2[1]]).toEqual([2, 2, 2]);
    expect(Array.from(data)).toEqual([NaN, 1, NaN, 3]);
    const z = nanColumnMoments(Float64Array.from([1, 2]), 2, 1, { weights: [0, 0] });
    expect([z.count[0], z.mean[0], z.m2[0]]).toEqual([0, NaN, NaN]);
  });
});
