import { describe, expect, it } from 'vitest';
import { gemv } from '../../../src/core/kernels/gemv';
import { gemvT } from '../../../src/core/kernels/gemvT';
import { ODD_SIZES, maxRelError, randomMatrix } from './_reference';

const SHAPES = ODD_SIZES.flatMap((r) => ODD_SIZES.map((c) => [r, c] as const)).concat([[1000, 50], [37, 301]]);

describe('gemv', () => {
  it('computes A x + bias for every shape around the four-row blocks', () => {
    for (const [rows, cols] of SHAPES) {
      const a = randomMatrix(rows, cols, rows * 31 + cols);
      const x = randomMatrix(1, cols, cols);
      const ref = new Float64Array(rows);
      for (let i = 0; i < rows; i++) {
        let s = 0.25;
        for (let j = 0; j < cols; j++) s += a[i * cols + j] * x[j];
        ref[i] = s;
      }
      const y = new Float64Array(rows + 2).fill(7);
      expect(gemv(a, rows, cols, x, y, 0.25)).toBe(y);
      expect(maxRelError(y, ref)).toBeLessThan(1e-13);
      expect([y[rows], y[rows + 1]]).toEqual([7, 7]);
    }
  });
});

describe('gemvT', () => {
  it('computes Aᵀ x without forming Aᵀ, for every shape', () => {
    for (const [rows, cols] of SHAPES) {
      const a = randomMatrix(rows, cols, rows * 17 + cols);
      const x = randomMatrix(1, rows, rows);
      const ref = new Float64Array(cols);
      for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) ref[j] += a[i * cols + j] * x[i];
      const y = new Float64Array(cols).fill(NaN);
      expect(gemvT(a, rows, cols, x, y)).toBe(y);
      expect(maxRelError(y, ref)).toBeLessThan(1e-13);
    }
  });
});
