import { tile4x4 } from './_tile4x4';

/**
 * AᵀA for a row-major `rows × cols` matrix A (XᵀX, the Gram matrix of the columns), as a full
 * symmetric `cols × cols` row-major array.
 *
 * Register tiling: the upper triangle is computed in 4 × 4 blocks ({@link tile4x4}), each held in
 * sixteen local accumulators while a block of rows streams past (8 loads feed 16 multiply-adds,
 * and nothing is stored in the inner loop). Cache blocking: rows are taken in blocks of about 256 KB, so each
 * block is read from memory once and then from cache by every 4 × 4 tile. No allocation besides
 * the result. Read directly from the row-major buffer: each row contributes two short runs of four
 * consecutive values per tile, which measured as fast as transposing every row block first.
 *
 * `out` (length ≥ cols², overwritten) is returned; a new array when omitted.
 */
export function syrk(a: Float64Array, rows: number, cols: number, out?: Float64Array): Float64Array {
  const d = cols;
  const G = out ?? new Float64Array(d * d);
  G.fill(0, 0, d * d);
  const block = Math.max(16, Math.floor(32768 / Math.max(1, d)));
  for (let start = 0; start < rows; start += block) {
    const end = Math.min(rows, start + block);
    const first = start * d;
    let p = 0;
    for (; p + 3 < d; p += 4) {
      let q = p;
      for (; q + 3 < d; q += 4) tile4x4(a, first + p, 1, d, a, first + q, 1, d, end - start, G, p * d + q, d);
      // The last (cols mod 4) columns against this block of four.
      for (; q < d; q++) {
        let c0 = 0, c1 = 0, c2 = 0, c3 = 0; // prettier-ignore
        for (let o = first, i = start; i < end; i++, o += d) {
          const y = a[o + q];
          c0 += a[o + p] * y;
          c1 += a[o + p + 1] * y;
          c2 += a[o + p + 2] * y;
          c3 += a[o + p + 3] * y;
        }
        const g = p * d + q;
        G[g] += c0;
        G[g + d] += c1;
        G[g + 2 * d] += c2;
        G[g + 3 * d] += c3;
      }
    }
    // The last (cols mod 4) rows of the triangle.
    for (; p < d; p++) {
      for (let q = p; q < d; q++) {
        let c = 0;
        for (let o = first, i = start; i < end; i++, o += d) c += a[o + p] * a[o + q];
        G[p * d + q] += c;
      }
    }
  }
  // A 4 × 4 block on the diagonal also fills a few entries below it: mirror the upper triangle.
  for (let p = 0; p < d; p++) for (let q = 0; q < p; q++) G[p * d + q] = G[q * d + p];
  return G;
}
