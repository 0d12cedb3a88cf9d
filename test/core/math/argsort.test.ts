import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { argsort } from '../../../src/core/math/argsort';

describe('argsort', () => {
  it('orders indices by ascending value, ties in index order (stable)', () => {
    expect(Array.from(argsort([3, 1, 2, 1, 3, -Infinity, Infinity]))).toEqual([5, 1, 3, 2, 0, 4, 6]);
    expect(Array.from(argsort(Float64Array.from([0, -0, 0])))).toEqual([0, 1, 2]);
    expect(argsort([])).toHaveLength(0);
  });
  it('is a permutation that sorts, stable, for any finite values', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 5 }), { maxLength: 60 }), (v) => {
        const idx = Array.from(argsort(v));
        expect([...idx].sort((a, b) => a - b)).toEqual(v.map((_, i) => i));
        for (let t = 1; t < idx.length; t++) {
          const [a, b] = [idx[t - 1], idx[t]];
          expect(v[a] < v[b] || (v[a] === v[b] && a < b)).toBe(true);
        }
      }),
    );
  });
});
