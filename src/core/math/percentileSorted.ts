/**
 * The q-th percentile (q in [0, 100]) of the first `n` values of `sorted` (ascending, no NaN), as
 * numpy computes it by default (`np.percentile`, method `'linear'`): the virtual index
 * (n − 1)·q/100 between its two neighbours, interpolated from the nearer end as numpy's `_lerp`
 * does, so that results agree to the last bit. NaN when n is 0.
 */
export function percentileSorted(sorted: ArrayLike<number>, q: number, n = sorted.length): number {
  if (n === 0) return NaN;
  const virtual = (n - 1) * (q / 100);
  if (virtual >= n - 1) return sorted[n - 1];
  if (virtual < 0) return sorted[0];
  const lo = Math.floor(virtual);
  const gamma = virtual - lo;
  const a = sorted[lo];
  const b = sorted[lo + 1];
  const diff = b - a;
  return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
}
