import { isTypedArray, type TypedArray } from '../typedArray';

/** The items of a 1-d array at `idx`, as the same kind of array (typed arrays stay typed). */
export function takeItems<Y extends ArrayLike<unknown>>(y: Y, idx: readonly number[]): Y;
export function takeItems(y: ArrayLike<unknown>, idx: readonly number[]): ArrayLike<unknown> {
  if (!isTypedArray(y)) return idx.map((i) => y[i]);
  const out: TypedArray = Reflect.construct(y.constructor, [idx.length]); // y's own kind of typed array
  for (let k = 0; k < idx.length; k++) out[k] = y[idx[k]];
  return out;
}
