import { describe, expect, it } from 'vitest';
import { toRows } from '../../../src/core/math/toRows';

describe('toRows', () => {
  it('splits a flat row-major buffer into fresh number[] rows', () => {
    const data = Float64Array.from([1, 2, 3, 4, 5, -0]);
    const rows = toRows(data, 2, 3);
    expect(rows).toEqual([[1, 2, 3], [4, 5, -0]]);
    expect(Object.is(rows[1][2], -0)).toBe(true);
    expect(Array.isArray(rows[0])).toBe(true);
    rows[0][0] = 99;
    expect(data[0]).toBe(1);
    expect(toRows(data, 3, 2)).toEqual([[1, 2], [3, 4], [5, -0]]);
    expect(toRows(data, 0, 3)).toEqual([]);
  });
});
