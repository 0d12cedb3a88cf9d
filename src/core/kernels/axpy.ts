/** y[yOffset + i] += alpha · x[xOffset + i] for i < n, in place (BLAS daxpy). */
export function axpy(n: number, alpha: number, x: Float64Array, xOffset: number, y: Float64Array, yOffset: number): void {
  if (alpha === 0) return;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    const a = xOffset + i;
    const b = yOffset + i;
    y[b] += alpha * x[a];
    y[b + 1] += alpha * x[a + 1];
    y[b + 2] += alpha * x[a + 2];
    y[b + 3] += alpha * x[a + 3];
  }
  for (; i < n; i++) y[yOffset + i] += alpha * x[xOffset + i];
}
