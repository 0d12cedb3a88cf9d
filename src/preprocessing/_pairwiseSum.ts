/**
 * numpy's pairwise summation (`np.add.reduce` on a contiguous float64 array): blocks of up to 128
 * values summed in eight interleaved accumulators, larger spans split in two. Used where a
 * statistic must equal numpy's bit for bit (np.mean, np.var of a target).
 */
export function pairwiseSum(a: ArrayLike<number>, start = 0, n = a.length - start): number {
  if (n < 8) {
    let res = 0;
    for (let i = 0; i < n; i++) res += a[start + i];
    return res;
  }
  if (n <= 128) {
    const r = [a[start], a[start + 1], a[start + 2], a[start + 3], a[start + 4], a[start + 5], a[start + 6], a[start + 7]];
    let i = 8;
    for (; i < n - (n % 8); i += 8) for (let j = 0; j < 8; j++) r[j] += a[start + i + j];
    let res = (r[0] + r[1] + (r[2] + r[3])) + (r[4] + r[5] + (r[6] + r[7]));
    for (; i < n; i++) res += a[start + i];
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwiseSum(a, start, n2) + pairwiseSum(a, start + n2, n - n2);
}

/** np.mean of a 1-d float64 array. */
export function npMean(a: ArrayLike<number>): number {
  return pairwiseSum(a) / a.length;
}

/** np.var (population) of a 1-d float64 array: the mean of squared deviations from np.mean. */
export function npVar(a: ArrayLike<number>): number {
  const m = npMean(a);
  const d = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) {
    const t = a[i] - m;
    d[i] = t * t;
  }
  return pairwiseSum(d) / a.length;
}
