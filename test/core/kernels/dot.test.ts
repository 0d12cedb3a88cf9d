import { describe, expect, it } from 'vitest';
import { dot } from '../../../src/core/kernels/dot';
import { ODD_SIZES, randomMatrix } from './_reference';

describe('dot', () => {
  it('equals the plain sum of products at every length and offset', () => {
    for (const n of [0, ...ODD_SIZES, 100, 1001]) {
      for (const [xo, yo] of [[0, 0], [3, 1], [1, 6]]) {
        const x = randomMatrix(1, n + xo, n);
        const y = randomMatrix(1, n + yo, n + 1);
        let ref = 0;
        for (let i = 0; i < n; i++) ref += x[xo + i] * y[yo + i];
        expect(Math.abs(dot(n, x, xo, y, yo) - ref)).toBeLessThanOrEqual(1e-13 * (1 + Math.abs(ref)));
      }
    }
  });

  it('propagates NaN and infinities', () => {
    expect(dot(5, Float64Array.of(1, 2, 3, 4, NaN), 0, Float64Array.of(1, 1, 1, 1, 1), 0)).toBeNaN();
    expect(dot(3, Float64Array.of(1, Infinity, 3), 0, Float64Array.of(1, 0, 1), 0)).toBeNaN();
    expect(dot(2, Float64Array.of(1, Infinity), 0, Float64Array.of(1, 2), 0)).toBe(Infinity);
  });
});
