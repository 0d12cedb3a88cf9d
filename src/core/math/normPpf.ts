import { erf } from './erf';
import { normCdf } from './normCdf';

/**
 * The standard normal quantile function (scipy's `stats.norm.ppf`) to about 1e-15 relative. It
 * starts from Acklam's rational approximation (relative error < 1.2e-9) and is polished with
 * Halley steps on the accurate CDF (on erf in the central region, where Φ − p would be limited by
 * the rounding of Φ near 1/2).
 */

const SQRT2 = Math.SQRT2;
const SQRT_2PI = Math.sqrt(2 * Math.PI);

const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
const P_LOW = 0.02425;

/** Acklam's rational approximation of Φ⁻¹(p), 0 < p ≤ 0.5 (lower half). */
function acklamLower(p: number): number {
  if (p < P_LOW) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return ((((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q) / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
}

/** The standard normal quantile Φ⁻¹(p): −Infinity at 0, Infinity at 1, NaN outside [0, 1]. */
export function normPpf(p: number): number {
  if (!(p >= 0 && p <= 1)) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  if (p > 0.25 && p < 0.75) {
    // Central region: solve erf(x/√2) = 2p − 1 (exact here), erf being accurate relative to its
    // small values, where Φ(x) − p would be limited by the rounding of Φ near 1/2.
    const t = 2 * p - 1;
    let x = acklamLower(p <= 0.5 ? p : 1 - p) * (p <= 0.5 ? 1 : -1);
    for (let it = 0; it < 4; it++) {
      const e = erf(x / SQRT2) - t;
      const u = (e / 2) * SQRT_2PI * Math.exp((x * x) / 2);
      const step = u / (1 + (x * u) / 2);
      x -= step;
      if (Math.abs(step) <= 1e-17 * Math.abs(x)) break;
    }
    return x;
  }
  // Tails: work in the lower half, where p is held without cancellation; 1 − p is exact for p ≥ 0.5.
  const upper = p > 0.5;
  const q = upper ? 1 - p : p;
  let x = acklamLower(q);
  for (let it = 0; it < 4; it++) {
    const e = normCdf(x) - q;
    const u = e * SQRT_2PI * Math.exp((x * x) / 2);
    const step = u / (1 + (x * u) / 2);
    x -= step;
    if (Math.abs(step) <= 1e-16 * Math.abs(x)) break;
  }
  return upper ? -x : x;
}
