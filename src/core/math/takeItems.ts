/** The items of a 1-d array at `idx`, as the same kind of array (typed arrays stay typed). */
export function takeItems<Y extends ArrayLike<unknown>>(y: Y, idx: readonly number[]): Y {
  if (Array.isArray(y)) return idx.map((i) => y[i]) as unknown as Y;
  const Ctor = (y as unknown as { constructor: new (n: number) => { [i: number]: unknown } }).constructor;
  const out = new Ctor(idx.length);
  for (let k = 0; k < idx.length; k++) out[k] = y[idx[k]];
  return out as unknown as Y;
}
