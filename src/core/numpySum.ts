/**
 * Summation as numpy does it (pairwise, in blocks of eight), so that sums, means and variances
 * agree with scikit-learn to the last bit wherever the order of operations is the same. Shared by
 * the metrics, the k-means and PowerTransformer of preprocessing, and TargetEncoder.
 */

function pairwise(a: ArrayLike<number>, start: number, n: number): number {
  if (n < 8) {
    let res = 0;
    for (let i = 0; i < n; i++) res += a[start + i];
    return res;
  }
  if (n <= 128) {
    let r0 = a[start];
    let r1 = a[start + 1];
    let r2 = a[start + 2];
    let r3 = a[start + 3];
    let r4 = a[start + 4];
    let r5 = a[start + 5];
    let r6 = a[start + 6];
    let r7 = a[start + 7];
    let i = 8;
    const end = n - (n % 8);
    for (; i < end; i += 8) {
      const k = start + i;
      r0 += a[k];
      r1 += a[k + 1];
      r2 += a[k + 2];
      r3 += a[k + 3];
      r4 += a[k + 4];
      r5 += a[k + 5];
      r6 += a[k + 6];
      r7 += a[k + 7];
    }
    let res = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; i < n; i++) res += a[start + i];
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwise(a, start, n2) + pairwise(a, start + n2, n - n2);
}

/** The sum of `a` (numpy's `np.sum`). */
export function sum(a: ArrayLike<number>): number {
  return pairwise(a, 0, a.length);
}

/** The mean of `a`, or its weighted mean when weights are given (numpy's `np.average`). */
export function average(a: ArrayLike<number>, weights?: ArrayLike<number>): number {
  if (!weights) return sum(a) / a.length;
  const prod = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) prod[i] = a[i] * weights[i];
  return sum(prod) / sum(weights);
}

/** np.mean of a 1-d float64 array. */
export function npMean(a: ArrayLike<number>): number {
  return sum(a) / a.length;
}

/** np.var (population) of a 1-d float64 array: the mean of squared deviations from np.mean. */
export function npVar(a: ArrayLike<number>): number {
  const m = npMean(a);
  const d = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) {
    const t = a[i] - m;
    d[i] = t * t;
  }
  return sum(d) / a.length;
}
