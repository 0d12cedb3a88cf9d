/**
 * The quantile helpers of the preprocessing family beside core's `percentileSorted`: a column's
 * sorted non-missing values, numpy's `linspace` and `np.interp`. Shared by RobustScaler,
 * QuantileTransformer, KBinsDiscretizer and OutlierClipper.
 */

/**
 * Copies the non-NaN values of column `j` of a flat row-major matrix into `buf` (at least `rows`
 * long), sorts them ascending and returns how many there are.
 */
export function sortedColumn(data: Float64Array, rows: number, cols: number, j: number, buf: Float64Array): number {
  let n = 0;
  for (let i = 0; i < rows; i++) {
    const v = data[i * cols + j];
    if (v === v) buf[n++] = v;
  }
  buf.subarray(0, n).sort();
  return n;
}

/** `np.linspace(start, stop, num)`: start + i·((stop − start)/(num − 1)), the last value exactly stop. */
export function linspace(start: number, stop: number, num: number): Float64Array {
  const out = new Float64Array(num);
  if (num === 1) {
    out[0] = start;
    return out;
  }
  const div = num - 1;
  const delta = stop - start;
  const step = delta / div;
  for (let i = 0; i < num; i++) out[i] = step === 0 ? (i / div) * delta + start : i * step + start;
  out[num - 1] = stop;
  return out;
}

/**
 * `np.interp(x, xp, fp)` for one x: xp ascending (repeats allowed); below xp[0] gives fp[0], above
 * the last gives the last fp; otherwise the segment starting at the last xp ≤ x, as numpy picks it.
 */
export function interp(x: number, xp: Float64Array, fp: Float64Array): number {
  const n = xp.length;
  if (x !== x) return x;
  if (x < xp[0]) return fp[0];
  if (x > xp[n - 1]) return fp[n - 1];
  // The last index j with xp[j] <= x.
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (x >= xp[mid]) lo = mid + 1;
    else hi = mid;
  }
  const j = lo - 1;
  if (j === n - 1 || xp[j] === x) return fp[j];
  const slope = (fp[j + 1] - fp[j]) / (xp[j + 1] - xp[j]);
  let r = slope * (x - xp[j]) + fp[j];
  if (r !== r) {
    r = slope * (x - xp[j + 1]) + fp[j + 1];
    if (r !== r && fp[j] === fp[j + 1]) r = fp[j];
  }
  return r;
}
