import { describe, expect, it } from 'vitest';
import { interp, linspace, sortedColumn } from '../../src/preprocessing/_quantile';
import { fixture } from '../helpers';

// percentileSorted, the normal CDF and quantile, Brent and the 1-d k-means moved to src/core/math
// and are tested, on this file's fixture too, under test/core/math.
interface Kernels {
  interp: { xp: number[]; fp: number[]; x: number[]; expected: number[] };
}
const k = fixture<Kernels>('preprocessing/scaler_kernels.json');

describe('numpy interp and linspace, sorted columns (fixtures: make_scaler_kernels.py)', () => {
  it('sortedColumn drops NaN and sorts', () => {
    const buf = new Float64Array(3);
    const n = sortedColumn(Float64Array.from([5, 0, NaN, 1, 2, 0]), 3, 2, 0, buf);
    expect([n, Array.from(buf.subarray(0, n))]).toEqual([2, [2, 5]]);
  });
  it('interp equals np.interp with repeated xp to the last bit', () => {
    const xp = Float64Array.from(k.interp.xp);
    const fp = Float64Array.from(k.interp.fp);
    expect(k.interp.x.map((x) => interp(x, xp, fp))).toEqual(k.interp.expected);
    expect(interp(NaN, xp, fp)).toBeNaN();
  });
  it('linspace ends exactly at its bounds', () => {
    expect(Array.from(linspace(0, 100, 5))).toEqual([0, 25, 50, 75, 100]);
    expect(Array.from(linspace(2, 2, 3))).toEqual([2, 2, 2]);
    expect(Array.from(linspace(1, 3, 1))).toEqual([1]);
  });
});
