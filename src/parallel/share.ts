/** Data for several workers: shared memory where the environment allows it, copies otherwise. */

/**
 * Whether data can be shared between threads: `SharedArrayBuffer` exists and, in a browser, the
 * page is cross-origin isolated (served with COOP `same-origin` and COEP `require-corp`). Otherwise
 * shared data goes to each worker as a copy.
 * @example
 * ```ts
 * import { canShareMemory } from 'typelearn/parallel';
 *
 * // In Node, SharedArrayBuffer is there; in a browser only on a cross-origin isolated page.
 * console.log(canShareMemory()); // true
 * ```
 */
export function canShareMemory(): boolean {
  const g = globalThis as { SharedArrayBuffer?: unknown; crossOriginIsolated?: boolean };
  return typeof g.SharedArrayBuffer === 'function' && g.crossOriginIsolated !== false;
}

/**
 * A copy of `a` that every worker reads in place (in a SharedArrayBuffer) when memory can be
 * shared, else `a` itself (each worker then gets its own copy, once, with the shared data).
 */
export function shareable<T extends Float32Array | Float64Array | Int32Array>(a: T): T {
  if (!canShareMemory()) return a;
  const Ctor = a.constructor as new (b: SharedArrayBuffer) => T;
  const out = new Ctor(new SharedArrayBuffer(a.byteLength));
  out.set(a);
  return out;
}
