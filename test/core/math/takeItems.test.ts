import { describe, expect, it } from 'vitest';
import { takeItems } from '../../../src/core/math/takeItems';

describe('takeItems', () => {
  it('takes the items at the indices, in their order, as the same kind of array', () => {
    expect(takeItems(['a', 'b', 'c'], [2, 0, 2])).toEqual(['c', 'a', 'c']);
    const t = takeItems(Int32Array.from([5, 6, 7]), [1, 2]);
    expect(t).toBeInstanceOf(Int32Array);
    expect(Array.from(t)).toEqual([6, 7]);
    const y = [1, 2];
    const out = takeItems(y, [0, 1]);
    expect(out).not.toBe(y);
  });
});
