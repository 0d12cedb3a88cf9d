import { describe, expect, it } from 'vitest';
import { percentile } from '../../../src/core/math/percentile';
import { math } from './_fixtures';

describe('percentile', () => {
  it('equals np.percentile of unsorted samples to the last bit (make_math.py)', () => {
    for (const c of math.order) expect(c.q.map((q) => percentile(c.values, q))).toEqual(c.percentile);
  });
  it('leaves its input unsorted and takes plain arrays', () => {
    const v = Float64Array.from([4, 1, 3, 2]);
    expect(percentile(v, 50)).toBe(2.5);
    expect(Array.from(v)).toEqual([4, 1, 3, 2]);
    expect(percentile([], 50)).toBeNaN();
  });
});
