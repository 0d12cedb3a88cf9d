import { argsort } from './argsort';

/** How {@link rankData} ranks tied values (scipy's `rankdata` methods). */
export type RankMethod = 'average' | 'min' | 'dense';

/**
 * Ranks of `values` starting at 1, as scipy's `stats.rankdata`: tied values share the mean of
 * their positions (`'average'`), the lowest of them (`'min'`), or the next integer after the
 * previous group of ties (`'dense'`, so ranks run 1 … number of distinct values). Values must be
 * NaN-free.
 */
export function rankData(values: ArrayLike<number>, method: RankMethod = 'average'): Float64Array {
  const n = values.length;
  const idx = argsort(values);
  const out = new Float64Array(n);
  let dense = 0;
  let s = 0;
  while (s < n) {
    let e = s + 1;
    while (e < n && values[idx[e]] === values[idx[s]]) e++;
    dense++;
    const r = method === 'average' ? (s + 1 + e) / 2 : method === 'min' ? s + 1 : dense;
    for (let t = s; t < e; t++) out[idx[t]] = r;
    s = e;
  }
  return out;
}
