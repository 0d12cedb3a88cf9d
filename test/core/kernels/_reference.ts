/** Naive reference implementations and seeded data for the kernel tests. */
import { RandomState } from '../../../src/core/random';

/** A seeded rows × cols row-major matrix of values in [−1, 1), with a few exact zeros. */
export function randomMatrix(rows: number, cols: number, seed: number): Float64Array {
  const r = new RandomState(seed);
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < out.length; i++) out[i] = i % 11 === 5 ? 0 : 2 * r.random() - 1;
  return out;
}

/** op(A) · op(B) by the textbook triple loop. */
export function naiveGemm(a: Float64Array, b: Float64Array, m: number, n: number, k: number, transA: boolean, transB: boolean): Float64Array {
  const c = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let t = 0; t < k; t++) s += (transA ? a[t * m + i] : a[i * k + t]) * (transB ? b[j * k + t] : b[t * n + j]);
      c[i * n + j] = s;
    }
  }
  return c;
}

/** |x − y| ≤ tol · (1 + |y|) elementwise over the first `length` entries. */
export function maxRelError(x: ArrayLike<number>, y: ArrayLike<number>, length = y.length): number {
  let worst = 0;
  for (let i = 0; i < length; i++) worst = Math.max(worst, Math.abs(x[i] - y[i]) / (1 + Math.abs(y[i])));
  return worst;
}

/** Row and column counts around the 4-wide tiles: below, at and above multiples of four. */
export const ODD_SIZES = [1, 2, 3, 4, 5, 7, 8, 9, 13];
