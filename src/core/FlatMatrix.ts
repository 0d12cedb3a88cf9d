/**
 * An ml-matrix `Matrix` over one flat row-major `Float64Array`, for typelearn's outputs. ml-matrix
 * keeps one typed array per row; making a million of them (even as views) costs more than a
 * scaler's whole transform. This subclass keeps the flat buffer and answers `get`/`set` from it;
 * the per-row views are made only if something reaches for the rows (ml-matrix's own row-level
 * methods do), after which it behaves exactly like a plain `Matrix` over those views.
 */
import { Matrix } from 'ml-matrix';

const FLAT: unique symbol = Symbol('typelearn.flat');

interface WithFlat {
  [FLAT]: Float64Array | undefined;
}

export class FlatMatrix extends Matrix {
  constructor(flat: Float64Array, rows: number, cols: number) {
    super(0, cols);
    const self = this as unknown as WithFlat;
    Object.defineProperty(this, FLAT, { value: flat, writable: true, enumerable: false, configurable: false });
    let views: Float64Array[] | undefined;
    // Replace ml-matrix's `data` field with an accessor that makes the row views on first use.
    Object.defineProperty(this, 'data', {
      configurable: true,
      enumerable: false,
      get: () => {
        if (!views) {
          const n = this.rows;
          const d = this.columns;
          const buf = self[FLAT] as Float64Array;
          views = new Array<Float64Array>(n);
          for (let i = 0; i < n; i++) views[i] = buf.subarray(i * d, (i + 1) * d);
        }
        // From here on the rows are the truth (row methods may reshape them).
        self[FLAT] = undefined;
        return views;
      },
      set: (v: Float64Array[]) => {
        views = v;
        self[FLAT] = undefined;
      },
    });
    (this as unknown as { rows: number }).rows = rows;
  }

  override get(rowIndex: number, columnIndex: number): number {
    const flat = (this as unknown as WithFlat)[FLAT];
    return flat ? flat[rowIndex * this.columns + columnIndex] : super.get(rowIndex, columnIndex);
  }

  override set(rowIndex: number, columnIndex: number, value: number): this {
    const flat = (this as unknown as WithFlat)[FLAT];
    if (flat) {
      flat[rowIndex * this.columns + columnIndex] = value;
      return this;
    }
    return super.set(rowIndex, columnIndex, value);
  }
}

// Printed as what it is to users: an ml-matrix Matrix.
Object.defineProperty(FlatMatrix, 'name', { value: 'Matrix' });

/** The flat row-major buffer behind a FlatMatrix whose rows have not been materialised, else undefined. */
export function flatBuffer(m: unknown): Float64Array | undefined {
  return m instanceof FlatMatrix ? (m as unknown as WithFlat)[FLAT] : undefined;
}
