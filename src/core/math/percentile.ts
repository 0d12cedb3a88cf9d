import { percentileSorted } from './percentileSorted';

/**
 * The q-th percentile (q in [0, 100]) of `values` in any order, numpy's `np.percentile` (method
 * `'linear'`): a sorted copy through {@link percentileSorted}; `values` is not modified. Meant for
 * NaN-free values (a NaN sorts after every number). NaN for no values.
 */
export function percentile(values: ArrayLike<number>, q: number): number {
  return percentileSorted(Float64Array.from(values).sort(), q);
}
