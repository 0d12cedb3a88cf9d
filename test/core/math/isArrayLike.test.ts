import { describe, expect, it } from 'vitest';
import { isArrayLike } from '../../../src/core/math/isArrayLike';

describe('isArrayLike', () => {
  it('is true for arrays and typed arrays only', () => {
    expect([[], [1], new Float64Array(2), new Uint8Array(0)].map(isArrayLike)).toEqual([true, true, true, true]);
    const others: unknown[] = [new DataView(new ArrayBuffer(4)), 'abc', { length: 2 }, null, undefined, 3, new Set([1])];
    expect(others.map(isArrayLike)).toEqual(others.map(() => false));
  });
});
