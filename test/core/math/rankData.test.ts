import { describe, expect, it } from 'vitest';
import { rankData } from '../../../src/core/math/rankData';
import { math } from './_fixtures';

describe('rankData', () => {
  it("equals scipy's rankdata for each method, with many ties (make_math.py)", () => {
    for (const c of math.rank) {
      expect(Array.from(rankData(c.values, 'average'))).toEqual(c.average);
      expect(Array.from(rankData(c.values, 'min'))).toEqual(c.min);
      expect(Array.from(rankData(c.values, 'dense'))).toEqual(c.dense);
    }
  });
  it('defaults to average ranks; handles no values', () => {
    expect(Array.from(rankData(Float64Array.from([3, 1, 3, 2, 3])))).toEqual([4, 1, 4, 2, 4]);
    expect(rankData([])).toHaveLength(0);
  });
});
