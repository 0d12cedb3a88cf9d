/** Results as strings that hold every bit, so equal strings mean equal predictions. */
export type Encodable = number | string | boolean | null | undefined | Encodable[] | ArrayLike<number> | { to2DArray(): number[][] } | { [k: string]: Encodable };

/** A string that holds every bit of `v`: numbers as the hex of their float64 bytes. */
export function encode(v: unknown): string {
  if (typeof v === 'number') {
    const b = new Uint8Array(new Float64Array([v]).buffer);
    let s = 'f';
    for (const x of b) s += x.toString(16).padStart(2, '0');
    return s;
  }
  if (v === null || v === undefined || typeof v === 'string' || typeof v === 'boolean') return JSON.stringify(v ?? null);
  if (typeof (v as { to2DArray?: unknown }).to2DArray === 'function') return encode((v as { to2DArray(): number[][] }).to2DArray());
  if (Array.isArray(v) || ArrayBuffer.isView(v)) return `[${Array.from(v as ArrayLike<unknown>, encode).join(',')}]`;
  if (typeof v === 'object') return `{${Object.keys(v as object).sort().map((k) => `${JSON.stringify(k)}:${encode((v as Record<string, unknown>)[k])}`).join(',')}}`;
  throw new Error(`cannot encode ${typeof v}`);
}
