import { describe, expect, it } from 'vitest';
import { medianSorted } from '../../../src/core/math/medianSorted';
import { percentileSorted } from '../../../src/core/math/percentileSorted';

describe('medianSorted', () => {
  it('is the middle value, or the mean of the two middle values of the first n', () => {
    expect(medianSorted([1, 2, 9])).toBe(2);
    expect(medianSorted([1, 2, 4, 9])).toBe(3);
    expect(medianSorted(Float64Array.from([1, 2, 4, 9, -1]), 4)).toBe(3);
    expect(medianSorted(Float64Array.from([5, 7, 0]), 1)).toBe(5);
  });
  it('is NaN for no values', () => {
    expect(medianSorted([])).toBeNaN();
    expect(medianSorted(Float64Array.from([1]), 0)).toBeNaN();
  });
  it("averages as np.median, (a + b) / 2, which can differ from np.percentile's 50th in the last bit", () => {
    const [a, b] = [-1.5740761374424528, 9.415177046935348];
    const v = [a, b];
    expect(medianSorted(v)).toBe((a + b) / 2);
    expect(percentileSorted(v, 50)).toBe(b - (b - a) * 0.5);
    expect(medianSorted(v)).not.toBe(percentileSorted(v, 50));
  });
});
