import { describe, expect, it } from 'vitest';
import { percentileSorted } from '../../../src/core/math/percentileSorted';
import { kernels } from './_fixtures';

describe('percentileSorted', () => {
  it('equals np.percentile (linear) of sorted samples to the last bit (make_scaler_kernels.py)', () => {
    for (const c of kernels.percentile) {
      const v = Float64Array.from(c.values);
      expect(c.q.map((q) => percentileSorted(v, q))).toEqual(c.expected);
    }
  });
  it('reads only the first n values, and gives NaN for none', () => {
    const buf = Float64Array.from([1, 2, 3, 100, -5]);
    expect([percentileSorted(buf, 0, 3), percentileSorted(buf, 50, 3), percentileSorted(buf, 100, 3)]).toEqual([1, 2, 3]);
    expect(percentileSorted(buf, 50, 0)).toBeNaN();
    expect(percentileSorted([], 50)).toBeNaN();
  });
  it('interpolates from the nearer end, as numpy does', () => {
    // gamma < 0.5: a + (b − a)·gamma; gamma ≥ 0.5: b − (b − a)(1 − gamma).
    expect(percentileSorted([0, 1], 25)).toBe(0.25);
    expect(percentileSorted([0.1, 0.7], 75)).toBe(0.7 - (0.7 - 0.1) * 0.25);
  });
});
