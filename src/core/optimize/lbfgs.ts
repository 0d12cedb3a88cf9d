/**
 * Limited-memory BFGS (Nocedal & Wright, "Numerical Optimization", 2nd ed., Alg. 7.4 with the
 * strong-Wolfe line search of Alg. 3.5/3.6), for smooth unconstrained minimisation. Free of the
 * estimator API: logistic regression uses it now, the MLP can later.
 *
 * Stopping rules follow scipy's L-BFGS-B as scikit-learn calls it: the largest gradient component
 * at most `gtol`, or a relative decrease of the objective below `ftol`, or `maxIter` iterations.
 */

/** Computes f(x), writing ∇f(x) into `grad`. */
export type ObjectiveWithGradient = (x: Float64Array, grad: Float64Array) => number;

export interface LbfgsOptions {
  /** Iteration limit. @defaultValue 100 */
  maxIter?: number;
  /** Stop when max |∇f_i| ≤ gtol. @defaultValue 1e-5 */
  gtol?: number;
  /** Stop when (f_k − f_{k+1}) / max(|f_k|, |f_{k+1}|, 1) ≤ ftol. @defaultValue 2.220446049250313e-9 (scipy's) */
  ftol?: number;
  /** Number of correction pairs kept. @defaultValue 10 */
  memory?: number;
  /** Function evaluations allowed per line search. @defaultValue 50 */
  maxLineSearch?: number;
  /** Stop after an iteration once this many function evaluations were made (scipy's maxfun). @defaultValue Infinity */
  maxEval?: number;
  /** Called after every iteration with its number (from 1) and the objective; what it throws ends the run. */
  onIteration?: (iter: number, f: number) => void;
}

export interface LbfgsResult {
  x: Float64Array;
  f: number;
  grad: Float64Array;
  /** Iterations done. */
  nIter: number;
  /** Function evaluations done. */
  nEval: number;
  /** True when a tolerance was met (not the iteration limit, not a failed line search). */
  converged: boolean;
  message: 'gtol' | 'ftol' | 'maxIter' | 'maxEval' | 'lineSearch';
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function maxAbs(a: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    const v = Math.abs(a[i]);
    if (v > m) m = v;
  }
  return m;
}

/** Minimises `fg` from `x0` (not modified). */
export function lbfgs(fg: ObjectiveWithGradient, x0: ArrayLike<number>, options: LbfgsOptions = {}): LbfgsResult {
  const maxIter = options.maxIter ?? 100;
  const gtol = options.gtol ?? 1e-5;
  const ftol = options.ftol ?? 2.220446049250313e-9;
  const m = options.memory ?? 10;
  const maxLs = options.maxLineSearch ?? 50;
  const maxEval = options.maxEval ?? Infinity;
  const n = x0.length;

  let x = Float64Array.from(x0);
  let g = new Float64Array(n);
  let f = fg(x, g);
  let nEval = 1;
  const S: Float64Array[] = [];
  const Y: Float64Array[] = [];
  const rho: number[] = [];
  const alpha = new Float64Array(m);
  const d = new Float64Array(n);
  let xNew = new Float64Array(n);
  let gNew = new Float64Array(n);

  if (maxAbs(g) <= gtol) return { x, f, grad: g, nIter: 0, nEval, converged: true, message: 'gtol' };

  for (let iter = 1; iter <= maxIter; iter++) {
    // Two-loop recursion: d = −H g.
    for (let i = 0; i < n; i++) d[i] = -g[i];
    const k = S.length;
    for (let j = k - 1; j >= 0; j--) {
      alpha[j] = rho[j] * dot(S[j], d);
      const y = Y[j];
      for (let i = 0; i < n; i++) d[i] -= alpha[j] * y[i];
    }
    if (k > 0) {
      const gamma = dot(S[k - 1], Y[k - 1]) / dot(Y[k - 1], Y[k - 1]);
      for (let i = 0; i < n; i++) d[i] *= gamma;
    }
    for (let j = 0; j < k; j++) {
      const beta = rho[j] * dot(Y[j], d);
      const s = S[j];
      for (let i = 0; i < n; i++) d[i] += s[i] * (alpha[j] - beta);
    }
    let dg = dot(d, g);
    if (!(dg < 0)) {
      // Not a descent direction (curvature information went bad): restart from steepest descent.
      S.length = 0;
      Y.length = 0;
      rho.length = 0;
      for (let i = 0; i < n; i++) d[i] = -g[i];
      dg = dot(d, g);
    }
    const step0 = k === 0 ? Math.min(1, 1 / Math.sqrt(dot(g, g))) : 1;
    const ls = lineSearch(fg, x, f, d, dg, step0, xNew, gNew, maxLs);
    nEval += ls.nEval;
    if (!ls.ok) {
      return { x, f, grad: g, nIter: iter - 1, nEval, converged: false, message: 'lineSearch' };
    }
    const fNew = ls.f;
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = xNew[i] - x[i];
      y[i] = gNew[i] - g[i];
    }
    const sy = dot(s, y);
    if (sy > 1e-10 * dot(y, y)) {
      if (S.length === m) {
        S.shift();
        Y.shift();
        rho.shift();
      }
      S.push(s);
      Y.push(y);
      rho.push(1 / sy);
    }
    const fOld = f;
    [x, xNew] = [xNew, x];
    [g, gNew] = [gNew, g];
    f = fNew;
    options.onIteration?.(iter, f);
    if (maxAbs(g) <= gtol) return { x, f, grad: g, nIter: iter, nEval, converged: true, message: 'gtol' };
    if ((fOld - f) / Math.max(Math.abs(fOld), Math.abs(f), 1) <= ftol) {
      return { x, f, grad: g, nIter: iter, nEval, converged: true, message: 'ftol' };
    }
    if (nEval >= maxEval) return { x, f, grad: g, nIter: iter, nEval, converged: false, message: 'maxEval' };
  }
  return { x, f, grad: g, nIter: maxIter, nEval, converged: false, message: 'maxIter' };
}

interface LineSearchResult {
  ok: boolean;
  f: number;
  nEval: number;
}

/**
 * Finds a step t along d satisfying the strong Wolfe conditions (c1 = 1e-4, c2 = 0.9), writing
 * x + t d into `xOut` and its gradient into `gOut`.
 */
function lineSearch(
  fg: ObjectiveWithGradient,
  x: Float64Array,
  f0: number,
  d: Float64Array,
  dg0: number,
  t0: number,
  xOut: Float64Array,
  gOut: Float64Array,
  maxEval: number,
): LineSearchResult {
  const c1 = 1e-4;
  const c2 = 0.9;
  const n = x.length;
  let nEval = 0;
  const evalAt = (t: number): [number, number] => {
    for (let i = 0; i < n; i++) xOut[i] = x[i] + t * d[i];
    const f = fg(xOut, gOut);
    nEval++;
    return [f, dot(gOut, d)];
  };

  let tPrev = 0;
  let fPrev = f0;
  let dgPrev = dg0;
  let t = t0;
  while (nEval < maxEval) {
    const [f, dg] = evalAt(t);
    if (!Number.isFinite(f) || f > f0 + c1 * t * dg0 || (nEval > 1 && f >= fPrev)) {
      return zoom(tPrev, fPrev, dgPrev, t, f, dg);
    }
    if (Math.abs(dg) <= -c2 * dg0) return { ok: true, f, nEval };
    if (dg >= 0) return zoom(t, f, dg, tPrev, fPrev, dgPrev);
    tPrev = t;
    fPrev = f;
    dgPrev = dg;
    t *= 2;
  }
  return { ok: false, f: f0, nEval };

  function zoom(lo: number, fLo: number, dgLo: number, hi: number, fHi: number, dgHi: number): LineSearchResult {
    while (nEval < maxEval) {
      let t = cubicMin(lo, fLo, dgLo, hi, fHi, dgHi);
      const a = Math.min(lo, hi);
      const b = Math.max(lo, hi);
      const margin = 0.1 * (b - a);
      if (!Number.isFinite(fHi) || !(t > a + margin && t < b - margin)) t = (lo + hi) / 2;
      const [f, dg] = evalAt(t);
      if (!Number.isFinite(f) || f > f0 + c1 * t * dg0 || f >= fLo) {
        hi = t;
        fHi = f;
        dgHi = dg;
      } else {
        if (Math.abs(dg) <= -c2 * dg0) return { ok: true, f, nEval };
        if (dg * (hi - lo) >= 0) {
          hi = lo;
          fHi = fLo;
          dgHi = dgLo;
        }
        lo = t;
        fLo = f;
        dgLo = dg;
      }
      if (Math.abs(hi - lo) <= 1e-16 * Math.max(1, Math.abs(lo))) break;
    }
    // Accept the best sufficient-decrease point found, if it improves on f0.
    if (lo > 0 && fLo < f0) {
      const [f] = evalAt(lo);
      return { ok: true, f, nEval };
    }
    return { ok: false, f: f0, nEval };
  }
}

/** The minimiser of the cubic interpolating f and f' at two points (NaN when it has none). */
function cubicMin(a: number, fa: number, da: number, b: number, fb: number, db: number): number {
  const d1 = da + db - (3 * (fa - fb)) / (a - b);
  const disc = d1 * d1 - da * db;
  if (!(disc >= 0)) return NaN;
  const d2 = Math.sign(b - a) * Math.sqrt(disc);
  return b - ((b - a) * (db + d2 - d1)) / (db - da + 2 * d2);
}
