import { gemm } from './gemm';
import { gemvRows } from './gemv';

/**
 * The scores of a linear model, fused with the finiteness check of its input: out = X Wᵀ + b for
 * a row-major `rows × cols` X, t rows of coefficients W (t × cols, row-major) and t intercepts
 * (out is rows × t, row-major, overwritten).
 *
 * Returns −1 when every score is finite, else the first row whose score is not. Since NaN and ±∞
 * propagate through products and sums (0 · ∞ is NaN), a non-finite value in row i of X makes
 * that row's scores non-finite whenever W is finite; a finite row gives a non-finite score only
 * by overflow. So a caller validates X by rescanning just the rows this points to, and a predict
 * path needs no separate validation pass over X.
 */
export function linearPredict(
  x: Float64Array,
  rows: number,
  cols: number,
  coef: Float64Array,
  intercept: Float64Array,
  out: Float64Array,
): number {
  const t = intercept.length;
  if (t === 1) {
    if (gemvRows(x, rows, cols, coef, out, intercept[0]) === 0) return -1;
    return firstNonFiniteRow(out, rows, 1);
  }
  gemm(x, coef, out, rows, t, cols, false, true);
  let flag = 0;
  for (let i = 0, o = 0; i < rows; i++) {
    for (let k = 0; k < t; k++, o++) {
      const v = out[o] + intercept[k];
      out[o] = v;
      flag += v - v;
    }
  }
  return flag === 0 ? -1 : firstNonFiniteRow(out, rows, t);
}

function firstNonFiniteRow(out: Float64Array, rows: number, t: number): number {
  for (let i = 0; i < rows; i++) {
    for (let k = 0; k < t; k++) {
      const v = out[i * t + k];
      if (v - v !== 0) return i;
    }
  }
  return -1;
}
