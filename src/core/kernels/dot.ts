/**
 * The dot product Σ x[xOffset + i] · y[yOffset + i] over n entries, with four independent
 * accumulators so the additions do not wait on one another.
 */
export function dot(n: number, x: Float64Array, xOffset: number, y: Float64Array, yOffset: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    const a = xOffset + i;
    const b = yOffset + i;
    s0 += x[a] * y[b];
    s1 += x[a + 1] * y[b + 1];
    s2 += x[a + 2] * y[b + 2];
    s3 += x[a + 3] * y[b + 3];
  }
  for (; i < n; i++) s0 += x[xOffset + i] * y[yOffset + i];
  return s0 + s1 + (s2 + s3);
}
