/**
 * The median of the first `n` values of `sorted` (ascending, no NaN) as `np.median` computes it:
 * the middle value, or the mean (a + b) / 2 of the two middle ones. NaN when n is 0.
 *
 * This is not `percentileSorted(sorted, 50)`: numpy's percentile interpolates as b − (b − a)/2,
 * which can differ from (a + b) / 2 in the last bit.
 */
export function medianSorted(sorted: ArrayLike<number>, n = sorted.length): number {
  if (n === 0) return NaN;
  const h = n >> 1;
  return n % 2 === 1 ? sorted[h] : (sorted[h - 1] + sorted[h]) / 2;
}
