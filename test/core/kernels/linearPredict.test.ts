import { describe, expect, it } from 'vitest';
import { linearPredict } from '../../../src/core/kernels/linearPredict';
import { ODD_SIZES, maxRelError, randomMatrix } from './_reference';

function reference(x: Float64Array, rows: number, cols: number, coef: Float64Array, b: Float64Array): Float64Array {
  const t = b.length;
  const out = new Float64Array(rows * t);
  for (let i = 0; i < rows; i++) {
    for (let k = 0; k < t; k++) {
      let s = b[k];
      for (let j = 0; j < cols; j++) s += x[i * cols + j] * coef[k * cols + j];
      out[i * t + k] = s;
    }
  }
  return out;
}

describe('linearPredict', () => {
  it('computes X Wᵀ + b for one and several outputs, and reports all scores finite', () => {
    for (const rows of ODD_SIZES) {
      for (const cols of [1, 3, 4, 6, 50]) {
        for (const t of [1, 2, 3, 4, 5, 10]) {
          const x = randomMatrix(rows, cols, rows * 13 + cols);
          const coef = randomMatrix(t, cols, t);
          const b = randomMatrix(1, t, t + 100);
          const out = new Float64Array(rows * t);
          expect(linearPredict(x, rows, cols, coef, b, out)).toBe(-1);
          expect(maxRelError(out, reference(x, rows, cols, coef, b))).toBeLessThan(1e-13);
        }
      }
    }
  });

  it('points at the first row holding NaN or ±Infinity, even against a zero coefficient', () => {
    for (const t of [1, 3]) {
      for (const bad of [NaN, Infinity, -Infinity]) {
        const rows = 9;
        const cols = 5;
        const x = randomMatrix(rows, cols, 1);
        x[6 * cols + 2] = bad;
        x[8 * cols] = NaN;
        const coef = randomMatrix(t, cols, 2);
        for (let k = 0; k < t; k++) coef[k * cols + 2] = 0;
        expect(linearPredict(x, rows, cols, coef, new Float64Array(t), new Float64Array(rows * t))).toBe(6);
      }
    }
  });

  it('points at a row whose finite values overflow, so the caller can tell overflow from bad input', () => {
    const x = Float64Array.of(1, 1, 1e300, 1e300);
    expect(linearPredict(x, 2, 2, Float64Array.of(1e10, 1), new Float64Array(1), new Float64Array(2))).toBe(1);
  });
});
