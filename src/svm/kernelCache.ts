/**
 * A least-recently-used cache of kernel columns, bounded by a number of bytes, as libsvm's.
 * Column i holds Q(i, j) for j < len(i) in 32-bit floats (libsvm's Qfloat); a column is extended
 * when a longer one is asked for and the least recently used columns are dropped to make room.
 * Memory stays O(cache size), never O(n²). Positions can be swapped (the solver's shrinking moves
 * active variables to the front), which swaps the entries of every cached column or drops the
 * columns that hold only one of the two.
 */
export class KernelCache {
  private readonly cols: Array<Float32Array | undefined>;
  private readonly lens: Int32Array;
  /** LRU list over positions, with sentinel n: next[n] is the least recently used. */
  private readonly prev: Int32Array;
  private readonly next: Int32Array;
  private readonly n: number;
  /** Floats still free. */
  private free: number;

  /**
   * @param n - the number of columns (and the full column length).
   * @param bytes - the budget; at least two full columns are always allowed (libsvm's minimum), so a
   *   tiny budget stays correct, only slower.
   */
  constructor(n: number, bytes: number) {
    this.n = n;
    this.cols = new Array<Float32Array | undefined>(n).fill(undefined);
    this.lens = new Int32Array(n);
    this.prev = new Int32Array(n + 1);
    this.next = new Int32Array(n + 1);
    this.prev[n] = n;
    this.next[n] = n;
    // Bookkeeping per column (the two links, the length and the array object) counts against the budget.
    const floats = Math.floor(bytes / 4) - Math.ceil((n * 32) / 4);
    this.free = Math.max(floats, 2 * n);
  }

  private unlink(i: number): void {
    this.next[this.prev[i]] = this.next[i];
    this.prev[this.next[i]] = this.prev[i];
  }

  private append(i: number): void {
    const n = this.n;
    this.next[i] = n;
    this.prev[i] = this.prev[n];
    this.next[this.prev[n]] = i;
    this.prev[n] = i;
  }

  /** Drops column i from the cache; returns its array (free for reuse). */
  private drop(i: number): Float32Array | undefined {
    const data = this.cols[i];
    this.unlink(i);
    if (data !== undefined) this.free += data.length;
    this.cols[i] = undefined;
    this.lens[i] = 0;
    return data;
  }

  /** How many leading entries of the column returned by the last {@link get} were already filled. */
  filled = 0;

  /**
   * Column i with room for `len` entries, marked most recently used; `filled` tells how many leading
   * entries are already valid (the caller fills [filled, len)). Arrays of dropped columns are reused,
   * so a full cache allocates nothing.
   */
  get(i: number, len: number): Float32Array {
    const have = this.lens[i];
    let data = this.cols[i];
    if (data !== undefined) this.unlink(i);
    if (data === undefined || data.length < len) {
      if (data !== undefined) this.free += data.length;
      let spare: Float32Array | undefined;
      while (this.free < len) {
        const lru = this.next[this.n];
        if (lru === this.n) break;
        const dropped = this.drop(lru);
        if (dropped !== undefined && dropped.length >= len && (spare === undefined || dropped.length < spare.length)) spare = dropped;
      }
      const grown = spare ?? new Float32Array(len);
      if (data !== undefined && have > 0) grown.set(data.subarray(0, have));
      data = grown;
      this.cols[i] = data;
      this.free -= data.length;
    }
    if (len > have) this.lens[i] = len;
    this.append(i);
    this.filled = Math.min(have, len);
    return data;
  }

  /** Swaps positions i and j in every cached column (and the columns themselves). */
  swap(a: number, b: number): void {
    if (a === b) return;
    if (this.lens[a] > 0) this.unlink(a);
    if (this.lens[b] > 0) this.unlink(b);
    const ca = this.cols[a];
    this.cols[a] = this.cols[b];
    this.cols[b] = ca;
    const la = this.lens[a];
    this.lens[a] = this.lens[b];
    this.lens[b] = la;
    if (this.lens[a] > 0) this.append(a);
    if (this.lens[b] > 0) this.append(b);
    const i = Math.min(a, b);
    const j = Math.max(a, b);
    const n = this.n;
    for (let h = this.next[n]; h !== n; ) {
      const after = this.next[h];
      const len = this.lens[h];
      if (len > i) {
        const col = this.cols[h] as Float32Array;
        if (len > j) {
          const t = col[i];
          col[i] = col[j];
          col[j] = t;
        } else {
          this.drop(h);
        }
      }
      h = after;
    }
  }
}
