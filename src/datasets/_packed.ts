/**
 * The packed form of the shipped toy data sets (written by scripts/build-datasets.mjs) and its
 * decoder. Each data set is one string in its own module, decoded once, on first use, into a flat
 * row-major `Float64Array` (features, then the target, in each row).
 */

/** How a {@link PackedTable}'s `values` string is written. */
export type Packing =
  /**
   * Comma-separated base-36 integers, row-major; column j's value is the integer / 10^decimals[j]
   * (exact: both are exact doubles and IEEE division rounds correctly). A token starting with '~'
   * is decimal text, read with `Number`.
   */
  | { readonly kind: 'scaled36'; readonly decimals: readonly number[] }
  /** One character per integer 0..16 ('0'-'9', 'a'-'g'); 'h'..'z' stand for runs of 2..20 zeros. */
  | { readonly kind: 'rle17' };

/** A data set as shipped in the package. */
export interface PackedTable {
  readonly rows: number;
  /** Features plus one target column (the last). */
  readonly cols: number;
  readonly featureNames: readonly string[];
  readonly targetNames?: readonly string[];
  readonly packing: Packing;
  readonly values: string;
}

const RUN_FIRST = 'h'.charCodeAt(0);

function decodeScaled36(values: string, decimals: readonly number[], out: Float64Array): number {
  const cols = decimals.length;
  const divisors = decimals.map((k) => 10 ** k);
  let pos = 0;
  let start = 0;
  const n = values.length;
  for (let i = 0; i <= n; i++) {
    if (i < n && values.charCodeAt(i) !== 44 /* ',' */) continue;
    const token = values.slice(start, i);
    start = i + 1;
    out[pos] = token.charCodeAt(0) === 126 /* '~' */ ? Number(token.slice(1)) : parseInt(token, 36) / divisors[pos % cols];
    pos++;
  }
  return pos;
}

function decodeRle17(values: string, out: Float64Array): number {
  let pos = 0;
  for (let i = 0; i < values.length; i++) {
    const c = values.charCodeAt(i);
    if (c >= RUN_FIRST) pos += c - RUN_FIRST + 2; // out is zero-filled already
    else out[pos++] = c <= 57 ? c - 48 : c - 87; // '0'-'9' → 0..9, 'a'-'g' → 10..16
  }
  return pos;
}

/** Decodes a packed table into a new flat row-major buffer of rows × cols values. */
export function decodeTable(table: PackedTable): Float64Array {
  const out = new Float64Array(table.rows * table.cols);
  const count = table.packing.kind === 'scaled36' ? decodeScaled36(table.values, table.packing.decimals, out) : decodeRle17(table.values, out);
  if (count !== out.length) {
    // Only a hand-edited data module can get here; the build script checks every value.
    throw new Error(`typelearn datasets: packed data holds ${count} values, expected ${out.length}`);
  }
  return out;
}

/** What every loader returns: fresh arrays the caller may change freely. */
export interface LoadedTable {
  data: number[][];
  target: number[];
  featureNames: string[];
}

/** Splits a decoded buffer into fresh `data` rows and `target`. */
export function unpackTable(table: PackedTable, flat: Float64Array): LoadedTable {
  const { rows, cols } = table;
  const d = cols - 1;
  const data = new Array<number[]>(rows);
  const target = new Array<number>(rows);
  for (let i = 0; i < rows; i++) {
    const off = i * cols;
    const row = new Array<number>(d);
    for (let j = 0; j < d; j++) row[j] = flat[off + j];
    data[i] = row;
    target[i] = flat[off + d];
  }
  return { data, target, featureNames: table.featureNames.slice() };
}

/** A loader's decoder with its cache: the string is decoded on the first call only. */
export function lazyTable(table: PackedTable): () => Float64Array {
  let cache: Float64Array | undefined;
  return () => (cache ??= decodeTable(table));
}
