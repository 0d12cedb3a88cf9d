import { bracketMinimum } from './bracketMinimum';

/**
 * Minimisation of a function of one variable by Brent's method (parabolic interpolation with
 * golden-section safeguards) after a downhill bracket search, following the steps of scipy's
 * `optimize.brent(func, brack=(a, b))` (scipy 1.10, which scikit-learn's PowerTransformer uses), so
 * that both evaluate the function at the same points and stop at the same iterate.
 */

/** The result of {@link brentMinimize}. */
export interface BrentResult {
  x: number;
  fx: number;
  iterations: number;
}

const CGOLD = 0.381966;
const MINTOL = 1e-11;

/**
 * Minimises `f` starting from the bracket search `bracketMinimum(f, a, b)`; stops when the
 * interval around the best point is below `tol`·|x| + 1e-11 (scipy's `brent`, `tol` 1.48e-8).
 */
export function brentMinimize(f: (x: number) => number, a0: number, b0: number, tol = 1.48e-8, maxIter = 500): BrentResult {
  const br = bracketMinimum(f, a0, b0);
  let x = br.xb;
  let w = x;
  let v = x;
  let fx = br.fb;
  let fw = fx;
  let fv = fx;
  let a = br.xa < br.xc ? br.xa : br.xc;
  let b = br.xa < br.xc ? br.xc : br.xa;
  let deltax = 0;
  let rat = 0;
  let iter = 0;
  while (iter < maxIter) {
    const tol1 = tol * Math.abs(x) + MINTOL;
    const tol2 = 2 * tol1;
    const xmid = 0.5 * (a + b);
    if (Math.abs(x - xmid) < tol2 - 0.5 * (b - a)) break;
    if (Math.abs(deltax) <= tol1) {
      deltax = x >= xmid ? a - x : b - x;
      rat = CGOLD * deltax;
    } else {
      const tmp1 = (x - w) * (fx - fv);
      let tmp2 = (x - v) * (fx - fw);
      let p = (x - v) * tmp2 - (x - w) * tmp1;
      tmp2 = 2 * (tmp2 - tmp1);
      if (tmp2 > 0) p = -p;
      tmp2 = Math.abs(tmp2);
      const dxTemp = deltax;
      deltax = rat;
      if (p > tmp2 * (a - x) && p < tmp2 * (b - x) && Math.abs(p) < Math.abs(0.5 * tmp2 * dxTemp)) {
        rat = p / tmp2;
        const u = x + rat;
        if (u - a < tol2 || b - u < tol2) rat = xmid - x >= 0 ? tol1 : -tol1;
      } else {
        deltax = x >= xmid ? a - x : b - x;
        rat = CGOLD * deltax;
      }
    }
    const u = Math.abs(rat) < tol1 ? (rat >= 0 ? x + tol1 : x - tol1) : x + rat;
    const fu = f(u);
    if (fu > fx) {
      if (u < x) a = u;
      else b = u;
      if (fu <= fw || w === x) {
        [v, fv] = [w, fw];
        [w, fw] = [u, fu];
      } else if (fu <= fv || v === x || v === w) {
        [v, fv] = [u, fu];
      }
    } else {
      if (u >= x) a = x;
      else b = x;
      // u is the new best point: the older ones shift down, each with its value.
      [v, fv] = [w, fw];
      [w, fw] = [x, fx];
      [x, fx] = [u, fu];
    }
    iter++;
  }
  return { x, fx, iterations: iter };
}
