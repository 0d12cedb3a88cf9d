import { medianSorted } from './medianSorted';

/**
 * The median of `values` in any order, as `np.median`: a sorted copy through
 * {@link medianSorted}; `values` is not modified. Meant for NaN-free values (a NaN sorts after
 * every number). NaN for no values.
 */
export function median(values: ArrayLike<number>): number {
  return medianSorted(Float64Array.from(values).sort());
}
