/**
 * y = Aᵀ x for a row-major `rows × cols` matrix A, without forming Aᵀ: y[j] = Σᵢ a[i * cols + j] · x[i].
 * Four rows at a time, so each load and store of y[j] carries four products. `y` (length ≥ cols)
 * is overwritten and returned.
 */
export function gemvT(a: Float64Array, rows: number, cols: number, x: Float64Array, y: Float64Array): Float64Array {
  y.fill(0, 0, cols);
  let i = 0;
  for (; i + 3 < rows; i += 4) {
    const o0 = i * cols;
    const o1 = o0 + cols;
    const o2 = o1 + cols;
    const o3 = o2 + cols;
    const v0 = x[i];
    const v1 = x[i + 1];
    const v2 = x[i + 2];
    const v3 = x[i + 3];
    for (let j = 0; j < cols; j++) y[j] += a[o0 + j] * v0 + a[o1 + j] * v1 + (a[o2 + j] * v2 + a[o3 + j] * v3);
  }
  for (; i < rows; i++) {
    const o = i * cols;
    const v = x[i];
    if (v === 0) continue;
    for (let j = 0; j < cols; j++) y[j] += a[o + j] * v;
  }
  return y;
}
