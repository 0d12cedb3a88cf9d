import { tile4x4 } from './_tile4x4';

/**
 * C = op(A) · op(B) for row-major matrices: op(A) is m × k (A itself, or Aᵀ of a stored k × m A
 * when `transA`), op(B) is k × n (B, or Bᵀ of a stored n × k B when `transB`). C (length ≥ m · n,
 * row-major m × n) is overwritten and returned.
 *
 * Register tiling: C is computed in 4 × 4 blocks ({@link tile4x4}) held in sixteen local
 * accumulators (8 loads feed 16 multiply-adds, no stores in the inner loop). Cache blocking: the shared dimension k is taken
 * in blocks of 256, so the rows of A and B that a block touches stay in cache across the tiles.
 * The transposes are only strides: nothing is copied and nothing is allocated.
 */
export function gemm(
  a: Float64Array,
  b: Float64Array,
  c: Float64Array,
  m: number,
  n: number,
  k: number,
  transA = false,
  transB = false,
): Float64Array {
  // op(A)(i, t) = a[i * sai + t * sat]; op(B)(t, j) = b[t * sbt + j * sbj].
  const sai = transA ? 1 : k;
  const sat = transA ? m : 1;
  const sbt = transB ? 1 : n;
  const sbj = transB ? k : 1;
  c.fill(0, 0, m * n);
  const m4 = m - (m % 4);
  const n4 = n - (n % 4);
  for (let t0 = 0; t0 < k; t0 += KBLOCK) {
    const t1 = Math.min(k, t0 + KBLOCK);
    for (let i = 0; i < m4; i += 4) {
      for (let j = 0; j < n4; j += 4) tile4x4(a, i * sai + t0 * sat, sai, sat, b, t0 * sbt + j * sbj, sbj, sbt, t1 - t0, c, i * n + j, n);
      if (n4 < n) edgeColumns(a, b, c, n, i, n4, t0, t1, sai, sat, sbt, sbj);
    }
    for (let i = m4; i < m; i++) edgeRow(a, b, c, n, i, n4, t0, t1, sai, sat, sbt, sbj);
    if (m4 < m && n4 < n) edge(a, b, c, n, m4, m, n4, n, t0, t1, sai, sat, sbt, sbj);
  }
  return c;
}

/** Shared-dimension block length of {@link gemm}. */
const KBLOCK = 256;

/** Columns [j0, n) of the four rows i … i + 3 of C: four dot products per pass, sharing each load of B. */
function edgeColumns(
  a: Float64Array,
  b: Float64Array,
  c: Float64Array,
  n: number,
  i: number,
  j0: number,
  t0: number,
  t1: number,
  sai: number,
  sat: number,
  sbt: number,
  sbj: number,
): void {
  for (let j = j0; j < n; j++) {
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0; // prettier-ignore
    let pa = i * sai + t0 * sat;
    let pb = t0 * sbt + j * sbj;
    for (let t = t0; t < t1; t++, pa += sat, pb += sbt) {
      const y = b[pb];
      s0 += a[pa] * y;
      s1 += a[pa + sai] * y;
      s2 += a[pa + 2 * sai] * y;
      s3 += a[pa + 3 * sai] * y;
    }
    const g = i * n + j;
    c[g] += s0;
    c[g + n] += s1;
    c[g + 2 * n] += s2;
    c[g + 3 * n] += s3;
  }
}

/** Columns [0, n4) of row i of C (a row below the last 4 × 4 tile): four dot products per pass, sharing each load of A. */
function edgeRow(
  a: Float64Array,
  b: Float64Array,
  c: Float64Array,
  n: number,
  i: number,
  n4: number,
  t0: number,
  t1: number,
  sai: number,
  sat: number,
  sbt: number,
  sbj: number,
): void {
  for (let j = 0; j < n4; j += 4) {
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0; // prettier-ignore
    let pa = i * sai + t0 * sat;
    let pb = t0 * sbt + j * sbj;
    for (let t = t0; t < t1; t++, pa += sat, pb += sbt) {
      const x = a[pa];
      s0 += x * b[pb];
      s1 += x * b[pb + sbj];
      s2 += x * b[pb + 2 * sbj];
      s3 += x * b[pb + 3 * sbj];
    }
    const g = i * n + j;
    c[g] += s0;
    c[g + 1] += s1;
    c[g + 2] += s2;
    c[g + 3] += s3;
  }
}

/** The rows [i0, i1) × columns [j0, j1) of C left over by the 4 × 4 tiles, one dot product each. */
function edge(
  a: Float64Array,
  b: Float64Array,
  c: Float64Array,
  n: number,
  i0: number,
  i1: number,
  j0: number,
  j1: number,
  t0: number,
  t1: number,
  sai: number,
  sat: number,
  sbt: number,
  sbj: number,
): void {
  for (let i = i0; i < i1; i++) {
    for (let j = j0; j < j1; j++) {
      let s = 0;
      let pa = i * sai + t0 * sat;
      let pb = t0 * sbt + j * sbj;
      for (let t = t0; t < t1; t++, pa += sat, pb += sbt) s += a[pa] * b[pb];
      c[i * n + j] += s;
    }
  }
}
