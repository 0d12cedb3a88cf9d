import { describe, expect, it } from 'vitest';
import { logSumExpRows } from '../../../src/core/kernels/logSumExpRows';
import { ODD_SIZES, maxRelError, randomMatrix } from './_reference';

describe('logSumExpRows', () => {
  it('equals log Σ exp per row, and the softmax in place', () => {
    for (const rows of ODD_SIZES) {
      for (const cols of ODD_SIZES) {
        const z = randomMatrix(rows, cols, rows * 3 + cols).map((v) => 20 * v);
        const ref = new Float64Array(rows);
        for (let i = 0; i < rows; i++) {
          let s = 0;
          for (let j = 0; j < cols; j++) s += Math.exp(z[i * cols + j]);
          ref[i] = Math.log(s);
        }
        const zBefore = Float64Array.from(z);
        expect(maxRelError(logSumExpRows(z, rows, cols, new Float64Array(rows)), ref)).toBeLessThan(1e-14);
        expect(z).toEqual(zBefore);
        const out = new Float64Array(rows);
        logSumExpRows(z, rows, cols, out, true);
        for (let i = 0; i < rows * cols; i++) expect(Math.abs(z[i] - Math.exp(zBefore[i] - ref[Math.floor(i / cols)]))).toBeLessThan(1e-14);
      }
    }
  });

  it('does not overflow on large scores', () => {
    const z = Float64Array.of(1000, 1000, -1000, 800);
    const out = logSumExpRows(z, 2, 2, new Float64Array(2), true);
    expect(out[0]).toBeCloseTo(1000 + Math.LN2, 12);
    expect(out[1]).toBeCloseTo(800, 12);
    expect(Array.from(z)).toEqual([0.5, 0.5, 0, 1]);
  });

  it('gives NaN for a NaN row, ±Infinity for an infinite maximum, −Infinity for an all −∞ row', () => {
    const z = Float64Array.of(1, NaN, Infinity, 2, -Infinity, -Infinity);
    expect(Array.from(logSumExpRows(z, 3, 2, new Float64Array(3)))).toEqual([NaN, Infinity, -Infinity]);
    logSumExpRows(z, 3, 2, new Float64Array(3), true);
    expect(Array.from(z).every(Number.isNaN)).toBe(true);
  });
});
