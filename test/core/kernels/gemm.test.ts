import { describe, expect, it } from 'vitest';
import { gemm } from '../../../src/core/kernels/gemm';
import { maxRelError, naiveGemm, randomMatrix } from './_reference';

const DIMS = [1, 3, 4, 5, 8, 11];

describe('gemm', () => {
  for (const [transA, transB] of [[false, false], [false, true], [true, false], [true, true]] as const) {
    it(`matches the triple loop with transA=${transA}, transB=${transB} on shapes around the 4 × 4 tiles`, () => {
      for (const m of DIMS) {
        for (const n of DIMS) {
          for (const k of [1, 2, 7, 16]) {
            const a = randomMatrix(m, k, m * 100 + k);
            const b = randomMatrix(k, n, n * 100 + k + 1);
            const c = new Float64Array(m * n + 1).fill(NaN);
            gemm(a, b, c, m, n, k, transA, transB);
            expect(maxRelError(c, naiveGemm(a, b, m, n, k, transA, transB), m * n)).toBeLessThan(1e-13);
            expect(c[m * n]).toBeNaN(); // nothing written past m · n
          }
        }
      }
    });
  }

  it('crosses the shared-dimension blocks (k > 256) in every orientation', () => {
    const m = 6;
    const n = 10;
    const k = 600;
    const a = randomMatrix(m, k, 1);
    const b = randomMatrix(k, n, 2);
    for (const [ta, tb] of [[false, false], [true, false], [false, true], [true, true]] as const) {
      const c = gemm(a, b, new Float64Array(m * n), m, n, k, ta, tb);
      expect(maxRelError(c, naiveGemm(a, b, m, n, k, ta, tb))).toBeLessThan(1e-12);
    }
  });

  it('leaves its inputs unchanged', () => {
    const a = randomMatrix(5, 7, 3);
    const b = randomMatrix(7, 6, 4);
    const a0 = Float64Array.from(a);
    const b0 = Float64Array.from(b);
    gemm(a, b, new Float64Array(30), 5, 6, 7);
    expect(a).toEqual(a0);
    expect(b).toEqual(b0);
  });
});
