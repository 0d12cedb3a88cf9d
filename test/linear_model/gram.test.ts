import { describe, expect, it } from 'vitest';
import { rowMajor } from '../../src/core/data/index';
import { gram } from '../../src/core/linalg';
import { RandomState } from '../../src/core/random';

describe('gram (the blocked XᵀX kernel of src/core/linalg.ts, rewritten for Ridge)', () => {
  // Shapes around the 4 × 2 register blocks and the 256-row chunks: remainders of every kind.
  for (const [n, d] of [[1, 1], [3, 2], [7, 5], [255, 4], [257, 9], [600, 13], [513, 3]]) {
    it(`${n} × ${d}: equals the naive sum of products to 1e-13 relative, symmetric exactly`, () => {
      const rng = new RandomState(n * 31 + d);
      const data = new Float64Array(n * d);
      for (let k = 0; k < data.length; k++) data[k] = rng.normal();
      const G = gram(rowMajor(data, n, d));
      for (let a = 0; a < d; a++) {
        for (let b = 0; b < d; b++) {
          let s = 0;
          let mag = 0;
          for (let i = 0; i < n; i++) {
            s += data[i * d + a] * data[i * d + b];
            mag += Math.abs(data[i * d + a] * data[i * d + b]);
          }
          expect(Math.abs(G[a * d + b] - s)).toBeLessThanOrEqual(1e-13 * mag);
          expect(G[a * d + b]).toBe(G[b * d + a]);
        }
      }
    });
  }
});
