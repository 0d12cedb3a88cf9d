/**
 * The register-tiled micro-kernel shared by {@link gemm} and {@link syrk}: one 4 × 4 block of
 * C += op(A) · op(B) over `count` steps of the shared dimension, in sixteen local accumulators
 * (8 loads feed 16 multiply-adds; nothing is stored inside the loop). Element r of the block's
 * rows at step t is `a[pa + r·sai + t·sat]`, element s of its columns `b[pb + s·sbj + t·sbt]`;
 * the block is added to `c[g …]` with row stride `ldc`.
 */
export function tile4x4(
  a: Float64Array,
  pa: number,
  sai: number,
  sat: number,
  b: Float64Array,
  pb: number,
  sbj: number,
  sbt: number,
  count: number,
  c: Float64Array,
  g: number,
  ldc: number,
): void {
  let c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0; // prettier-ignore
  let c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0; // prettier-ignore
  for (let t = 0; t < count; t++, pa += sat, pb += sbt) {
    const x0 = a[pa];
    const x1 = a[pa + sai];
    const x2 = a[pa + 2 * sai];
    const x3 = a[pa + 3 * sai];
    const y0 = b[pb];
    const y1 = b[pb + sbj];
    const y2 = b[pb + 2 * sbj];
    const y3 = b[pb + 3 * sbj];
    c00 += x0 * y0;
    c01 += x0 * y1;
    c02 += x0 * y2;
    c03 += x0 * y3;
    c10 += x1 * y0;
    c11 += x1 * y1;
    c12 += x1 * y2;
    c13 += x1 * y3;
    c20 += x2 * y0;
    c21 += x2 * y1;
    c22 += x2 * y2;
    c23 += x2 * y3;
    c30 += x3 * y0;
    c31 += x3 * y1;
    c32 += x3 * y2;
    c33 += x3 * y3;
  }
  c[g] += c00;
  c[g + 1] += c01;
  c[g + 2] += c02;
  c[g + 3] += c03;
  g += ldc;
  c[g] += c10;
  c[g + 1] += c11;
  c[g + 2] += c12;
  c[g + 3] += c13;
  g += ldc;
  c[g] += c20;
  c[g + 1] += c21;
  c[g + 2] += c22;
  c[g + 3] += c23;
  g += ldc;
  c[g] += c30;
  c[g + 1] += c31;
  c[g + 2] += c32;
  c[g + 3] += c33;
}
