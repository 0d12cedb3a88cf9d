import type { Matrix } from 'ml-matrix';

/** Rows of a flat row-major buffer as Float64Array views (no copy): typelearn's fastest input form. */
export function rowViews(X: Float64Array, n: number, d: number): Float64Array[] {
  const rows = new Array<Float64Array>(n);
  for (let i = 0; i < n; i++) rows[i] = X.subarray(i * d, (i + 1) * d);
  return rows;
}

/** An ml-matrix Matrix flattened row-major. */
export function flatten(m: Matrix): Float64Array {
  const out = new Float64Array(m.rows * m.columns);
  for (let i = 0; i < m.rows; i++) {
    const row = m.getRow(i);
    out.set(row, i * m.columns);
  }
  return out;
}
