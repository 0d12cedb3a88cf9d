import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gemmF32 } from '../../../src/core/kernels/gemmF32';
// @ts-expect-error: a plain .mjs script without type declarations
import { twins, twinText } from '../../../scripts/gen-float32.mjs';
import { maxRelError, naiveGemm, randomMatrix } from './_reference';

describe('gemmF32 (the Float32Array twin of gemm)', () => {
  for (const [transA, transB] of [[false, false], [false, true], [true, false], [true, true]] as const) {
    it(`matches the float64 triple loop on the same float32 inputs to float32 rounding, transA=${transA}, transB=${transB}`, () => {
      for (const m of [1, 4, 5, 11]) {
        for (const n of [1, 3, 4, 9]) {
          for (const k of [1, 7, 300]) {
            const a = Float32Array.from(randomMatrix(m, k, m * 100 + k));
            const b = Float32Array.from(randomMatrix(k, n, n * 100 + k + 1));
            const c = new Float32Array(m * n + 1).fill(NaN);
            gemmF32(a, b, c, m, n, k, transA, transB);
            // Each product and sum is rounded to float32 when stored: relative error ~ k · 2⁻²⁴ at worst.
            expect(maxRelError(c, naiveGemm(Float64Array.from(a), Float64Array.from(b), m, n, k, transA, transB), m * n)).toBeLessThan(1e-5);
            expect(c[m * n]).toBeNaN();
          }
        }
      }
    });
  }
});

describe('float32 twins are up to date with their sources (node scripts/gen-float32.mjs)', () => {
  const root = join(__dirname, '..', '..', '..');
  for (const spec of twins as Array<{ source: string; twin: string }>) {
    it(spec.twin, () => {
      const expected = (twinText as (text: string, s: unknown) => string)(readFileSync(join(root, spec.source), 'utf8'), spec);
      expect(readFileSync(join(root, spec.twin), 'utf8')).toBe(expected);
    });
  }
});
