import { describe, expect, it } from 'vitest';
import { axpy } from '../../../src/core/kernels/axpy';
import { ODD_SIZES, randomMatrix } from './_reference';

describe('axpy', () => {
  it('adds alpha·x to y in place at every length and offset, leaving the rest of y alone', () => {
    for (const n of [0, ...ODD_SIZES, 101]) {
      for (const [xo, yo] of [[0, 0], [2, 5]]) {
        const x = randomMatrix(1, n + xo, n);
        const y = randomMatrix(1, n + yo + 3, n + 7);
        const ref = Float64Array.from(y);
        for (let i = 0; i < n; i++) ref[yo + i] += -1.5 * x[xo + i];
        const xBefore = Float64Array.from(x);
        axpy(n, -1.5, x, xo, y, yo);
        expect(Array.from(y)).toEqual(Array.from(ref));
        expect(Array.from(x)).toEqual(Array.from(xBefore));
      }
    }
  });

  it('leaves y unchanged when alpha is 0', () => {
    const y = Float64Array.of(1, 2, 3);
    axpy(3, 0, Float64Array.of(NaN, NaN, NaN), 0, y, 0);
    expect(Array.from(y)).toEqual([1, 2, 3]);
  });
});
