import { describe, expect, it } from 'vitest';
import { median } from '../../../src/core/math/median';
import { math } from './_fixtures';

describe('median', () => {
  it('equals np.median of unsorted samples to the last bit (make_math.py)', () => {
    for (const c of math.order) expect(median(c.values)).toBe(c.median);
  });
  it('leaves its input unsorted; NaN for no values', () => {
    const v = Float64Array.from([3, 1, 2, 10]);
    expect(median(v)).toBe(2.5);
    expect(Array.from(v)).toEqual([3, 1, 2, 10]);
    expect(median([])).toBeNaN();
  });
});
