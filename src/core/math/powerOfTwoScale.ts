/** Magnitudes outside [2^-SAFE_EXPONENT, 2^SAFE_EXPONENT] are rescaled by {@link powerOfTwoScale}. */
export const SAFE_EXPONENT = 250;

/**
 * 1, or the power of two that brings the largest |v| near 1 when it is outside
 * [2^-{@link SAFE_EXPONENT}, 2^{@link SAFE_EXPONENT}]. Multiplying by a power of two is exact, so
 * solvers use it to keep values near the ends of the double range from overflowing (or
 * underflowing) once they are summed or squared. Zero and non-finite maxima give 1.
 */
export function powerOfTwoScale(v: ArrayLike<number>): number {
  let max = 0;
  for (let i = 0; i < v.length; i++) {
    const a = Math.abs(v[i]);
    if (a > max) max = a;
  }
  if (max === 0 || !Number.isFinite(max)) return 1;
  const e = Math.floor(Math.log2(max));
  if (e < SAFE_EXPONENT && e > -SAFE_EXPONENT) return 1;
  // 2^-e in two steps: 2^±1023 alone would overflow or lose precision for the largest exponents.
  return 2 ** -Math.trunc(e / 2) * 2 ** -(e - Math.trunc(e / 2));
}
