/**
 * The indices 0 … n−1 of `values` ordered by ascending value, equal values in index order (a
 * stable argsort, numpy's `argsort(kind='stable')`). Infinite values are ordered as numbers; a NaN
 * compares equal to everything, so give NaN-free values.
 */
export function argsort(values: ArrayLike<number>): Int32Array {
  const idx = new Int32Array(values.length);
  for (let i = 0; i < idx.length; i++) idx[i] = i;
  return idx.sort((a, b) => values[a] - values[b] || a - b);
}
