import { describe, expect, it } from 'vitest';
import { syrk } from '../../../src/core/kernels/syrk';
import { ODD_SIZES, maxRelError, naiveGemm, randomMatrix } from './_reference';

describe('syrk', () => {
  it('equals Aᵀ A, symmetric, for every shape around the 4 × 4 tiles', () => {
    for (const rows of ODD_SIZES) {
      for (const cols of [...ODD_SIZES, 50]) {
        const a = randomMatrix(rows, cols, rows * 7 + cols);
        const G = syrk(a, rows, cols);
        expect(maxRelError(G, naiveGemm(a, a, cols, cols, rows, true, false))).toBeLessThan(1e-13);
        for (let p = 0; p < cols; p++) for (let q = 0; q < p; q++) expect(G[p * cols + q]).toBe(G[q * cols + p]);
      }
    }
  });

  it('crosses row blocks (512 rows at 64 columns; 32768 at one column)', () => {
    for (const [rows, cols] of [[1100, 64], [1100, 63], [70000, 1]]) {
      const a = randomMatrix(rows, cols, rows + cols);
      expect(maxRelError(syrk(a, rows, cols), naiveGemm(a, a, cols, cols, rows, true, false))).toBeLessThan(1e-12);
    }
  });

  it('overwrites a given output buffer', () => {
    const a = randomMatrix(9, 5, 1);
    const out = new Float64Array(25).fill(3);
    expect(syrk(a, 9, 5, out)).toBe(out);
    expect(maxRelError(out, naiveGemm(a, a, 5, 5, 9, true, false))).toBeLessThan(1e-13);
  });
});
