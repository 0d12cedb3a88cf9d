/**
 * Internal helper shared by {@link SimpleImputer} and {@link MissingIndicator}: which cells of a
 * validated matrix hold the missing-value marker.
 */
import { indices, refine, type StateSpec } from '../core/stateSchema';
import { ValidationError } from '../core/errors';
import type { ParamSpec } from '../core/params';
import type { RowMajor } from '../core/data/index';

/** The option rule for `missingValues`: every number, NaN (the default marker) included. */
export const missingValuesSpec: ParamSpec = {
  description: 'a number (NaN, the default, or a marker such as -1)',
  check: (v) => typeof v === 'number',
};

/** A missing-value mask (1 = missing, row-major like the data) and the count of missing values per feature. */
export interface MissingMask {
  readonly mask: Uint8Array;
  readonly counts: Int32Array;
}

/**
 * The mask of cells equal to `missingValues` (NaN matches NaN). When the marker is a number other
 * than NaN, NaN cells are rejected, as scikit-learn then requires finite input.
 */
export function missingMask(X: RowMajor, missingValues: number, estimator: string, name = 'X'): MissingMask {
  const { data, rows, cols } = X;
  const mask = new Uint8Array(data.length);
  const counts = new Int32Array(cols);
  const markerIsNaN = Number.isNaN(missingValues);
  for (let i = 0; i < rows; i++) {
    const off = i * cols;
    for (let j = 0; j < cols; j++) {
      const v = data[off + j];
      if (v !== v) {
        if (!markerIsNaN) {
          throw new ValidationError({
            code: 'invalid_input',
            estimator,
            param: name,
            expected: `finite numbers (missing values are marked by missingValues = ${missingValues}; set missingValues: NaN to treat NaN as missing)`,
            received: `NaN at row ${i}, column ${j}`,
          });
        }
        mask[off + j] = 1;
        counts[j]++;
      } else if (v === missingValues) {
        mask[off + j] = 1;
        counts[j]++;
      }
    }
  }
  return { mask, counts };
}

/** The missing-value marker recorded in an imputer's fitted state (NaN, the default, is legitimate). */
export const missingValuesState: StateSpec = { ...missingValuesSpec, allowNaN: true };

/**
 * State rule of an imputer's `kept` features: ascending indices that list every feature whose
 * fitted statistic (under `statKey`) is not NaN; a feature entirely missing at fit may be left out.
 */
export function keptState(statKey: string): StateSpec {
  const rule = refine(indices({ below: 'nFeaturesIn' }), `listing every feature whose ${statKey} entry is not NaN`, (v: number[], { state }) => {
    const keep = new Set(v);
    const stats = state[statKey];
    return stats instanceof Float64Array && stats.every((x, j) => Number.isNaN(x) || keep.has(j));
  });
  return { ...rule, anyLength: false };
}
