/**
 * Overflow inside a fit. Inputs are checked to be finite at the entry, but finite values can still
 * be too large to compute with: the sum of [1e308, 1.5e308] or the square of 1e200 is Infinity in
 * double precision. Every estimator reports such an overflow the same way, with the error made
 * here, instead of returning NaN or silently meaningless numbers.
 */
import { ValidationError } from './errors';
import type { RowMajor } from './data/index';

/**
 * The error of a fit that overflowed: `detail` says where (scikit-learn's wording where it has
 * one), and the message says what to do about it.
 */
export function overflowError(estimator: string, detail: string, param = 'X'): ValidationError {
  return new ValidationError({
    code: 'invalid_input',
    estimator,
    param,
    expected: 'values small enough to compute with in double precision',
    received: 'values whose sums or squares overflow',
    message:
      `${estimator}: ${detail} ${param} holds finite values too large to compute with in double precision ` +
      `(their sums or squares overflow to Infinity). Rescale ${param} first, e.g. with MaxAbsScaler or by dividing by a power of 10.`,
  });
}

/** True when every value is finite. */
export function allFinite(values: ArrayLike<number>): boolean {
  for (let i = 0; i < values.length; i++) if (values[i] - values[i] !== 0) return false;
  return true;
}

/** Throws {@link overflowError} unless every value (arrays or single numbers) is finite. */
export function checkFiniteFit(estimator: string, values: ReadonlyArray<ArrayLike<number> | number>, detail: string, param = 'X'): void {
  for (const v of values) {
    if (typeof v === 'number' ? v - v !== 0 : !allFinite(v)) throw overflowError(estimator, detail, param);
  }
}

/**
 * Throws {@link overflowError} when a column's sum of squares (about its mean when `centered`)
 * overflows: a solver working with XᵀX or column norms cannot give a meaningful result then.
 */
export function checkSquaresFinite(estimator: string, X: RowMajor, centered: boolean, param = 'X'): void {
  const { data, rows, cols } = X;
  // Fast path: the plain sum of all squares bounds every column's (centred or not).
  let s0 = 0;
  let s1 = 0;
  let k = 0;
  for (; k + 1 < data.length; k += 2) {
    s0 += data[k] * data[k];
    s1 += data[k + 1] * data[k + 1];
  }
  if (k < data.length) s0 += data[k] * data[k];
  if (s0 + s1 !== Infinity) return; // finite, or NaN from missing values (not an overflow)
  const mean = new Float64Array(cols);
  if (centered) {
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) mean[j] += data[i * cols + j] / rows;
  }
  const ss = new Float64Array(cols);
  for (let i = 0; i < rows; i++) {
    const off = i * cols;
    for (let j = 0; j < cols; j++) {
      const z = data[off + j] - mean[j];
      ss[j] += z * z;
    }
  }
  if (ss.some((v) => v === Infinity)) throw overflowError(estimator, 'the sums of squares of the features overflowed.', param);
}
