/** True for a JavaScript array or a typed array (not a DataView): a 1-d array of values. */
export function isArrayLike(v: unknown): v is ArrayLike<unknown> {
  return Array.isArray(v) || (ArrayBuffer.isView(v) && !(v instanceof DataView));
}
