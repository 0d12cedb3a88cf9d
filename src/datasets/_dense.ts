/** Flat-buffer helpers shared by the synthetic data generators. */
import type { RandomState } from '../core/random';

/** Fills data[from..to) with standard normal deviates. */
export function fillStandardNormal(rng: RandomState, data: Float64Array, from = 0, to = data.length): void {
  for (let i = from; i < to; i++) data[i] = rng.normal();
}

/**
 * A new buffer whose row i is row rowPerm[i] of `data`, with its columns reordered by colPerm
 * (column j of the result is column colPerm[j] of the source) when given.
 */
export function permuteRowsAndColumns(data: Float64Array, rows: number, cols: number, rowPerm: ArrayLike<number>, colPerm?: ArrayLike<number>): Float64Array {
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    const src = rowPerm[i] * cols;
    const dst = i * cols;
    if (colPerm) for (let j = 0; j < cols; j++) out[dst + j] = data[src + colPerm[j]];
    else out.set(data.subarray(src, src + cols), dst);
  }
  return out;
}

/** The random permutation of 0..n-1 as an Int32Array (Fisher–Yates). */
export function permutation(rng: RandomState, n: number): Int32Array {
  const p = new Int32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  return rng.shuffle(p);
}
