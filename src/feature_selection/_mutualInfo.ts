/**
 * Nearest-neighbour estimators of mutual information, free of the estimator API: Kraskov,
 * Stögbauer & Grassberger (Phys. Rev. E 69, 2004) for two continuous variables, Ross (PLoS ONE 9,
 * 2014) for a continuous and a discrete one, and the plug-in estimate for two discrete ones. All
 * distances are max-norm (Chebyshev); radii are the k-th neighbour distance shrunk by one ulp, so
 * neighbour counts are strictly inside, as in scikit-learn.
 */
import { argsort } from '../core/math/argsort';
import { digamma } from '../core/special';

const F64 = new Float64Array(1);
const U64 = new BigUint64Array(F64.buffer);

/** The largest double below a positive x (x itself when x ≤ 0): numpy's nextafter(x, 0). */
export function nextDown(x: number): number {
  if (!(x > 0) || x === Infinity) return x;
  F64[0] = x;
  U64[0] -= 1n;
  return F64[0];
}

/** How many values of sorted `s` lie within `r` of `c` (|s[j] − c| ≤ r). */
function countWithin(s: Float64Array, c: number, r: number): number {
  // |s[j] − c| is monotone on each side of c, so both ends are found by bisection.
  let lo = 0;
  let hi = s.length;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (s[m] < c && c - s[m] > r) lo = m + 1;
    else hi = m;
  }
  const left = lo;
  lo = left;
  hi = s.length;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (s[m] <= c || s[m] - c <= r) lo = m + 1;
    else hi = m;
  }
  return lo - left;
}

/** Distance from sorted position p of `s` to its k-th nearest other value (1-d), k < s.length. */
function kthDistance1d(s: Float64Array, p: number, k: number): number {
  let l = p - 1;
  let r = p + 1;
  let dist = 0;
  for (let t = 0; t < k; t++) {
    const dl = l >= 0 ? s[p] - s[l] : Infinity;
    const dr = r < s.length ? s[r] - s[p] : Infinity;
    if (dl <= dr) {
      dist = dl;
      l--;
    } else {
      dist = dr;
      r++;
    }
  }
  return dist;
}

/** Mutual information (nats) of two continuous variables (KSG estimator 1), at least 0. */
export function miContinuousContinuous(x: Float64Array, y: Float64Array, k: number): number {
  const n = x.length;
  const order = argsort(x);
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    xs[i] = x[order[i]];
    ys[i] = y[order[i]];
  }
  const ySorted = Float64Array.from(y).sort();
  const best = new Float64Array(k);
  let sumX = 0;
  let sumY = 0;
  for (let p = 0; p < n; p++) {
    // The k smallest max-norm distances to point p, kept sorted; scan outwards in x order and stop
    // once |dx| alone reaches the current k-th distance.
    best.fill(Infinity);
    let l = p - 1;
    let r = p + 1;
    const x0 = xs[p];
    const y0 = ys[p];
    for (;;) {
      const dl = l >= 0 ? x0 - xs[l] : Infinity;
      const dr = r < n ? xs[r] - x0 : Infinity;
      let q: number;
      let dx: number;
      if (dl <= dr) {
        q = l--;
        dx = dl;
      } else {
        q = r++;
        dx = dr;
      }
      if (!(dx < best[k - 1])) break;
      const dy = Math.abs(ys[q] - y0);
      const dist = dx > dy ? dx : dy;
      if (dist < best[k - 1]) {
        let t = k - 1;
        while (t > 0 && best[t - 1] > dist) {
          best[t] = best[t - 1];
          t--;
        }
        best[t] = dist;
      }
    }
    const radius = nextDown(best[k - 1]);
    sumX += digamma(countWithin(xs, x0, radius));
    sumY += digamma(countWithin(ySorted, y0, radius));
  }
  const mi = digamma(n) + digamma(k) - sumX / n - sumY / n;
  return Math.max(0, mi);
}

/**
 * Mutual information (nats) of a continuous variable `c` and discrete codes `d` (0..nCodes−1),
 * Ross's estimator; samples whose code occurs once are left out. At least 0.
 */
export function miContinuousDiscrete(c: Float64Array, d: Int32Array, nCodes: number, k: number): number {
  const n = c.length;
  const counts = new Int32Array(nCodes);
  for (let i = 0; i < n; i++) counts[d[i]]++;
  // Sorted values of each code, and the sorted values of all kept samples.
  const groups: Float64Array[] = [];
  const fill = new Int32Array(nCodes);
  for (let g = 0; g < nCodes; g++) groups.push(new Float64Array(counts[g]));
  for (let i = 0; i < n; i++) groups[d[i]][fill[d[i]]++] = c[i];
  let kept = 0;
  for (let g = 0; g < nCodes; g++) {
    groups[g].sort();
    if (counts[g] > 1) kept += counts[g];
  }
  if (kept === 0) return 0;
  const all = new Float64Array(kept);
  let t = 0;
  for (let g = 0; g < nCodes; g++) if (counts[g] > 1) for (const v of groups[g]) all[t++] = v;
  all.sort();
  let sumK = 0;
  let sumLabel = 0;
  let sumM = 0;
  for (let g = 0; g < nCodes; g++) {
    const m = counts[g];
    if (m <= 1) continue;
    const kk = Math.min(k, m - 1);
    const s = groups[g];
    const psiK = digamma(kk);
    const psiM = digamma(m);
    for (let p = 0; p < m; p++) {
      const radius = nextDown(kthDistance1d(s, p, kk));
      sumK += psiK;
      sumLabel += psiM;
      sumM += digamma(countWithin(all, s[p], radius));
    }
  }
  const mi = digamma(kept) + sumK / kept - sumLabel / kept - sumM / kept;
  return Math.max(0, mi);
}

/**
 * Plug-in mutual information (nats) of two discrete code vectors, as scikit-learn's mutual_info_score.
 * The contingency table is dense while it is small, sparse (scikit-learn's choice too) when nA × nB
 * would dwarf the samples, e.g. two columns of 1e5 distinct values; either way the cells are summed
 * in row-major order, so both give the same bits.
 */
export function miDiscreteDiscrete(a: Int32Array, nA: number, b: Int32Array, nB: number): number {
  const n = a.length;
  const ca = new Float64Array(nA);
  const cb = new Float64Array(nB);
  for (let i = 0; i < n; i++) {
    ca[a[i]]++;
    cb[b[i]]++;
  }
  const logN = Math.log(n);
  let mi = 0;
  const add = (i: number, j: number, nij: number): void => {
    const p = nij / n;
    const term = p * (Math.log(nij) - logN) + p * (-Math.log(ca[i] * cb[j]) + logN + logN);
    if (Math.abs(term) >= Number.EPSILON) mi += term;
  };
  if (nA * nB <= Math.max(4 * n, 1 << 16)) {
    const table = new Float64Array(nA * nB);
    for (let i = 0; i < n; i++) table[a[i] * nB + b[i]]++;
    for (let i = 0; i < nA; i++) for (let j = 0; j < nB; j++) if (table[i * nB + j] !== 0) add(i, j, table[i * nB + j]);
  } else {
    const cells = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const key = a[i] * nB + b[i];
      cells.set(key, (cells.get(key) ?? 0) + 1);
    }
    for (const key of [...cells.keys()].sort((x, y) => x - y)) add(Math.floor(key / nB), key % nB, cells.get(key) as number);
  }
  return Math.max(0, mi);
}

/** Codes 0..m−1 for the distinct values of `v` (in sorted order), and m. */
export function codesOf(v: Float64Array): { codes: Int32Array; n: number } {
  const distinct = [...new Set(v)].sort((a, b) => a - b);
  const index = new Map<number, number>();
  distinct.forEach((x, i) => index.set(x, i));
  const codes = new Int32Array(v.length);
  for (let i = 0; i < v.length; i++) codes[i] = index.get(v[i]) as number;
  return { codes, n: distinct.length };
}
