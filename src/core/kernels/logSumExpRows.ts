/**
 * Row-wise log-sum-exp of a row-major `rows × cols` matrix Z: out[i] = log Σⱼ exp(Z[i, j]),
 * computed as max + log Σ exp(z − max) so that no exponential overflows. With `softmax`, row i of
 * Z is overwritten by its softmax exp(z − out[i]) in the same pass (the exponentials are reused).
 * A row holding NaN gives NaN, a row whose maximum is ±Infinity gives ±Infinity (and a softmax
 * of NaN). `out` (length ≥
 * rows) is returned.
 */
export function logSumExpRows(z: Float64Array, rows: number, cols: number, out: Float64Array, softmax = false): Float64Array {
  for (let i = 0; i < rows; i++) {
    const o = i * cols;
    let max = -Infinity;
    for (let j = 0; j < cols; j++) {
      const v = z[o + j];
      if (v > max || v !== v) max = v;
    }
    if (max === -Infinity || max === Infinity || max !== max) {
      // All −∞ (log 0), or an infinite / NaN score: no finite shift exists (numpy gives NaN too).
      out[i] = max;
      if (softmax) z.fill(NaN, o, o + cols);
      continue;
    }
    let sum = 0;
    if (softmax) {
      for (let j = 0; j < cols; j++) sum += z[o + j] = Math.exp(z[o + j] - max);
      for (let j = 0; j < cols; j++) z[o + j] /= sum;
    } else {
      for (let j = 0; j < cols; j++) sum += Math.exp(z[o + j] - max);
    }
    out[i] = max + Math.log(sum);
  }
  return out;
}
