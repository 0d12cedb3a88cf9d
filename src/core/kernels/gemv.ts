/**
 * y = A x + bias (the bias added after the sum, as numpy's `X @ w + b`) for a row-major `rows × cols` matrix A (element (i, j) at `a[i * cols + j]`).
 * Four rows at a time: each load of x[j] feeds four products, and the four sums are independent.
 * `y` (length ≥ rows) is overwritten and returned.
 */
export function gemv(a: Float64Array, rows: number, cols: number, x: Float64Array, y: Float64Array, bias = 0): Float64Array {
  gemvRows(a, rows, cols, x, y, bias);
  return y;
}

/**
 * The loop behind {@link gemv}; returns Σ (yᵢ − yᵢ), which is 0 when every yᵢ is finite and NaN
 * otherwise (the fused finiteness check of `gemvFinite`, at the cost of one add per row).
 */
export function gemvRows(a: Float64Array, rows: number, cols: number, x: Float64Array, y: Float64Array, bias: number): number {
  let flag = 0;
  let i = 0;
  for (; i + 3 < rows; i += 4) {
    const o0 = i * cols;
    const o1 = o0 + cols;
    const o2 = o1 + cols;
    const o3 = o2 + cols;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let j = 0; j < cols; j++) {
      const v = x[j];
      s0 += a[o0 + j] * v;
      s1 += a[o1 + j] * v;
      s2 += a[o2 + j] * v;
      s3 += a[o3 + j] * v;
    }
    s0 += bias;
    s1 += bias;
    s2 += bias;
    s3 += bias;
    y[i] = s0;
    y[i + 1] = s1;
    y[i + 2] = s2;
    y[i + 3] = s3;
    flag += s0 - s0 + (s1 - s1) + (s2 - s2) + (s3 - s3);
  }
  for (; i < rows; i++) {
    const o = i * cols;
    let s = 0;
    for (let j = 0; j < cols; j++) s += a[o + j] * x[j];
    s += bias;
    y[i] = s;
    flag += s - s;
  }
  return flag;
}
