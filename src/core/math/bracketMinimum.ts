/**
 * The downhill bracket search of scipy's `optimize.bracket` (scipy 1.10), step for step, the first
 * stage of its `optimize.brent(func, brack=(a, b))`.
 */

/** A bracket (a, b, c) with f(b) below f(a) and f(c), and the values there. */
export interface Bracket {
  xa: number;
  xb: number;
  xc: number;
  fa: number;
  fb: number;
  fc: number;
}

const GOLD = 1.618034;
const VERY_SMALL = 1e-21;

/**
 * Walks downhill from (xa, xb) with golden-ratio steps and parabolic extrapolation (each step at
 * most `growLimit` times the last) until the function rises again.
 */
export function bracketMinimum(f: (x: number) => number, xa: number, xb: number, growLimit = 110, maxIter = 1000): Bracket {
  let fa = f(xa);
  let fb = f(xb);
  if (fa < fb) {
    [xa, xb] = [xb, xa];
    [fa, fb] = [fb, fa];
  }
  let xc = xb + GOLD * (xb - xa);
  let fc = f(xc);
  let iter = 0;
  while (fc < fb) {
    const tmp1 = (xb - xa) * (fb - fc);
    const tmp2 = (xb - xc) * (fb - fa);
    const val = tmp2 - tmp1;
    const denom = Math.abs(val) < VERY_SMALL ? 2 * VERY_SMALL : 2 * val;
    let w = xb - ((xb - xc) * tmp2 - (xb - xa) * tmp1) / denom;
    const wlim = xb + growLimit * (xc - xb);
    if (iter > maxIter) throw new Error('bracketMinimum: too many iterations');
    iter++;
    let fw: number;
    if ((w - xc) * (xb - w) > 0) {
      fw = f(w);
      if (fw < fc) {
        return { xa: xb, xb: w, xc, fa: fb, fb: fw, fc };
      } else if (fw > fb) {
        return { xa, xb, xc: w, fa, fb, fc: fw };
      }
      w = xc + GOLD * (xc - xb);
      fw = f(w);
    } else if ((w - wlim) * (wlim - xc) >= 0) {
      w = wlim;
      fw = f(w);
    } else if ((w - wlim) * (xc - w) > 0) {
      fw = f(w);
      if (fw < fc) {
        xb = xc;
        xc = w;
        w = xc + GOLD * (xc - xb);
        fb = fc;
        fc = fw;
        fw = f(w);
      }
    } else {
      w = xc + GOLD * (xc - xb);
      fw = f(w);
    }
    // Shift the points down, each with its value.
    [xa, fa] = [xb, fb];
    [xb, fb] = [xc, fc];
    [xc, fc] = [w, fw];
  }
  return { xa, xb, xc, fa, fb, fc };
}

