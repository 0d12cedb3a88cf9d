import { erf, erfc } from './erf';

/** The standard normal CDF Φ(x), accurate in relative terms in the lower tail. */
export function normCdf(x: number): number {
  if (x !== x) return NaN;
  const z = x / Math.SQRT2;
  if (Math.abs(z) < 0.5) return 0.5 + 0.5 * erf(z);
  const t = 0.5 * erfc(Math.abs(z));
  return x > 0 ? 1 - t : t;
}
