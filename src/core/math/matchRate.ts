/**
 * The (weighted) number of positions where `a` and `b` hold the same value, as a share of the
 * total weight (or the count itself with `normalize: false`): the sum behind accuracy.
 */
export function matchRate(a: ArrayLike<unknown>, b: ArrayLike<unknown>, w: ArrayLike<number> | undefined, normalize = true): number {
  let hit = 0;
  let total = 0;
  for (let i = 0; i < a.length; i++) {
    const wi = w ? w[i] : 1;
    if (a[i] === b[i]) hit += wi;
    total += wi;
  }
  return normalize ? hit / total : hit;
}
