/**
 * Correlation matrices of the columns of a flat matrix, free of the estimator API: Pearson,
 * Spearman (average ranks for ties) and Kendall's tau-b, each on pairwise-complete observations
 * (NaN = missing), as pandas' `DataFrame.corr`. A column that is constant over the rows used gives
 * NaN. NaN-free columns take a fast path: Pearson and Spearman as the Gram matrix of standardized
 * columns (a blocked kernel), Kendall with Knight's O(n log n) algorithm per pair.
 */
import { gram } from '../core/linalg';
import { rankData } from '../core/math/rankData';
import { colMajor, toRowMajor, type RowMajor } from '../core/data/index';

/** The correlation methods. */
export type CorrelationMethod = 'pearson' | 'spearman' | 'kendall';

/** Column-major copy of the columns `cols` of X: column t at [t·n, (t+1)·n). */
function columns(X: RowMajor, cols: number[]): Float64Array {
  const { data, rows: n, cols: d } = X;
  const out = new Float64Array(cols.length * n);
  for (let i = 0; i < n; i++) {
    const off = i * d;
    for (let t = 0; t < cols.length; t++) out[t * n + i] = data[off + cols[t]];
  }
  return out;
}

/** Pearson's r of two equal-length vectors by the two-pass formula; NaN when either is constant. */
function pearsonPair(x: Float64Array, y: Float64Array): number {
  const m = x.length;
  if (m < 2) return NaN;
  let sx = 0;
  let sy = 0;
  let xConst = true;
  let yConst = true;
  for (let i = 0; i < m; i++) {
    sx += x[i];
    sy += y[i];
    if (x[i] !== x[0]) xConst = false;
    if (y[i] !== y[0]) yConst = false;
  }
  if (xConst || yConst) return NaN;
  const mx = sx / m;
  const my = sy / m;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < m; i++) {
    const a = x[i] - mx;
    const b = y[i] - my;
    sxy += a * b;
    sxx += a * a;
    syy += b * b;
  }
  const r = sxy / Math.sqrt(sxx * syy);
  return r > 1 ? 1 : r < -1 ? -1 : r;
}

/**
 * Kendall's tau-b of two rank vectors (dense ranks; x's ranks < nx, y's < ny), by Knight's
 * algorithm: counting sorts by (x, y), then discordant pairs as inversions of y (Fenwick tree).
 */
function kendallPair(xr: Int32Array, yr: Int32Array, nx: number, ny: number): number {
  const m = xr.length;
  if (m < 2) return NaN;
  // Stable counting sort by y, then by x: order by (x, y).
  const byY = countingSort(yr, ny, null);
  const order = countingSort(xr, nx, byY);
  let xtie = 0;
  let ytie = 0;
  let ntie = 0;
  let run = 1;
  let joint = 1;
  for (let t = 1; t <= m; t++) {
    const same = t < m && xr[order[t]] === xr[order[t - 1]];
    if (same) {
      run++;
      if (yr[order[t]] === yr[order[t - 1]]) joint++;
      else {
        ntie += (joint * (joint - 1)) / 2;
        joint = 1;
      }
    } else {
      xtie += (run * (run - 1)) / 2;
      ntie += (joint * (joint - 1)) / 2;
      run = 1;
      joint = 1;
    }
  }
  const ycount = new Float64Array(ny);
  for (let i = 0; i < m; i++) ycount[yr[i]]++;
  for (let r = 0; r < ny; r++) ytie += (ycount[r] * (ycount[r] - 1)) / 2;
  const tot = (m * (m - 1)) / 2;
  if (xtie === tot || ytie === tot) return NaN;
  // Discordant pairs: earlier elements (in (x, y) order) with a strictly larger y.
  const tree = new Float64Array(ny + 1);
  let seen = 0;
  let dis = 0;
  for (let t = 0; t < m; t++) {
    const y = yr[order[t]];
    let le = 0;
    for (let i = y + 1; i > 0; i -= i & -i) le += tree[i];
    dis += seen - le;
    for (let i = y + 1; i <= ny; i += i & -i) tree[i]++;
    seen++;
  }
  const tau = (tot - xtie - ytie + ntie - 2 * dis) / Math.sqrt(tot - xtie) / Math.sqrt(tot - ytie);
  return Math.min(1, Math.max(-1, tau));
}

/** Stable counting sort of positions (all, or the given order) by key. */
function countingSort(key: Int32Array, nKeys: number, within: Int32Array | null): Int32Array {
  const m = key.length;
  const start = new Int32Array(nKeys + 1);
  for (let i = 0; i < m; i++) start[key[i] + 1]++;
  for (let r = 0; r < nKeys; r++) start[r + 1] += start[r];
  const out = new Int32Array(m);
  for (let t = 0; t < m; t++) {
    const i = within ? within[t] : t;
    out[start[key[i]]++] = i;
  }
  return out;
}

/** Standardizes the columns of a column-major block in place (centred, unit norm); constant columns are flagged. */
function standardize(block: Float64Array, n: number, m: number): Uint8Array {
  const constant = new Uint8Array(m);
  for (let t = 0; t < m; t++) {
    const o = t * n;
    let s = 0;
    let same = true;
    for (let i = 0; i < n; i++) {
      s += block[o + i];
      if (block[o + i] !== block[o]) same = false;
    }
    const mean = s / n;
    let ss = 0;
    for (let i = 0; i < n; i++) {
      const v = block[o + i] - mean;
      block[o + i] = v;
      ss += v * v;
    }
    if (same || n < 2 || ss === 0) {
      constant[t] = 1;
      continue;
    }
    const inv = 1 / Math.sqrt(ss);
    for (let i = 0; i < n; i++) block[o + i] *= inv;
  }
  return constant;
}

/** Gram-path correlations among NaN-free columns (already in the transformed scale: values or ranks). */
function gramCorrelation(block: Float64Array, n: number, m: number): Float64Array {
  const constant = standardize(block, n, m);
  // gram() wants row-major rows; the block is column-major, so lay it out row-major.
  const G = gram(toRowMajor(colMajor(block, n, m)));
  for (let a = 0; a < m; a++) {
    for (let b = 0; b < m; b++) {
      const k = a * m + b;
      if (constant[a] || constant[b]) G[k] = NaN;
      else if (a === b) G[k] = 1;
      else G[k] = G[k] > 1 ? 1 : G[k] < -1 ? -1 : G[k];
    }
  }
  return G;
}

/** Standardizes the columns of a row-major matrix in place (centred, unit norm); flags constant columns. */
function standardizeRows(X: RowMajor): Uint8Array {
  const { data, rows: n, cols: d } = X;
  const sum = new Float64Array(d);
  const constant = new Uint8Array(d).fill(1);
  for (let i = 0; i < n; i++) {
    const off = i * d;
    for (let j = 0; j < d; j++) {
      const v = data[off + j];
      sum[j] += v;
      if (v !== data[j]) constant[j] = 0;
    }
  }
  const mean = sum.map((s) => s / n);
  const ss = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    const off = i * d;
    for (let j = 0; j < d; j++) {
      const v = data[off + j] - mean[j];
      data[off + j] = v;
      ss[j] += v * v;
    }
  }
  const inv = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    if (n < 2 || ss[j] === 0) constant[j] = 1;
    inv[j] = constant[j] ? 0 : 1 / Math.sqrt(ss[j]);
  }
  for (let i = 0; i < n; i++) {
    const off = i * d;
    for (let j = 0; j < d; j++) data[off + j] *= inv[j];
  }
  return constant;
}

/**
 * The d × d correlation matrix (row-major) of the columns of X by `method`, NaN-safe. X's buffer
 * is used as scratch space and overwritten (pass a copy).
 */
export function correlationMatrix(X: RowMajor, method: CorrelationMethod): Float64Array {
  const { data, rows: n, cols: d } = X;
  const hasNaN = new Uint8Array(d);
  let anyNaN = false;
  for (let t = 0; t < data.length; t++) {
    if (data[t] !== data[t]) {
      hasNaN[t % d] = 1;
      anyNaN = true;
    }
  }
  if (!anyNaN && method !== 'kendall') {
    // The fast path: standardize in place (ranks first for Spearman) and take the Gram matrix.
    if (method === 'spearman') {
      const c = new Float64Array(n);
      for (let j = 0; j < d; j++) {
        for (let i = 0; i < n; i++) c[i] = data[i * d + j];
        const r = rankData(c, 'average');
        for (let i = 0; i < n; i++) data[i * d + j] = r[i];
      }
    }
    const constant = standardizeRows(X);
    const G = gram(X);
    for (let a = 0; a < d; a++) {
      for (let b = 0; b < d; b++) {
        const k = a * d + b;
        if (constant[a] || constant[b]) G[k] = NaN;
        else if (a === b) G[k] = 1;
        else G[k] = G[k] > 1 ? 1 : G[k] < -1 ? -1 : G[k];
      }
    }
    return G;
  }
  const all = Array.from({ length: d }, (_, j) => j);
  const cols = columns(X, all);
  const clean = all.filter((j) => !hasNaN[j]);
  const R = new Float64Array(d * d).fill(NaN);
  const col = (j: number) => cols.subarray(j * n, (j + 1) * n);

  if (method === 'kendall') {
    const ranks: Int32Array[] = [];
    const nRanks = new Int32Array(d);
    for (let j = 0; j < d; j++) {
      const c = col(j);
      // Ranks of the non-missing values (missing ones get −1 and are dropped pairwise).
      const r = new Int32Array(n).fill(-1);
      const present: number[] = [];
      for (let i = 0; i < n; i++) if (c[i] === c[i]) present.push(i);
      // Dense ranks from 0 (equal values share a rank).
      const dr = rankData(Float64Array.from(present, (i) => c[i]), 'dense');
      let top = 0;
      present.forEach((i, t) => {
        r[i] = dr[t] - 1;
        if (dr[t] > top) top = dr[t];
      });
      ranks.push(r);
      nRanks[j] = top;
    }
    for (let a = 0; a < d; a++) {
      for (let b = a; b < d; b++) {
        let xr = ranks[a];
        let yr = ranks[b];
        if (hasNaN[a] || hasNaN[b]) {
          const keep: number[] = [];
          for (let i = 0; i < n; i++) if (xr[i] >= 0 && yr[i] >= 0) keep.push(i);
          xr = Int32Array.from(keep, (i) => ranks[a][i]);
          yr = Int32Array.from(keep, (i) => ranks[b][i]);
        }
        // pandas sets the diagonal to 1 whenever there is an observation.
        const v = a === b ? (xr.length >= 1 ? 1 : NaN) : kendallPair(xr, yr, nRanks[a], nRanks[b]);
        R[a * d + b] = v;
        R[b * d + a] = v;
      }
    }
    return R;
  }

  // Pearson and Spearman: the Gram path over NaN-free columns...
  if (clean.length) {
    const m = clean.length;
    const block = new Float64Array(m * n);
    clean.forEach((j, t) => {
      const c = col(j);
      block.set(method === 'spearman' ? rankData(c, 'average') : c, t * n);
    });
    const G = gramCorrelation(block, n, m);
    for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) R[clean[a] * d + clean[b]] = G[a * m + b];
  }
  // ...and pairwise-complete observations for pairs that involve a column with missing values.
  for (let a = 0; a < d; a++) {
    for (let b = a; b < d; b++) {
      if (!hasNaN[a] && !hasNaN[b]) continue;
      const ca = col(a);
      const cb = col(b);
      const keep: number[] = [];
      for (let i = 0; i < n; i++) if (ca[i] === ca[i] && cb[i] === cb[i]) keep.push(i);
      let x: Float64Array = Float64Array.from(keep, (i) => ca[i]);
      let y: Float64Array = Float64Array.from(keep, (i) => cb[i]);
      if (method === 'spearman') {
        x = rankData(x, 'average');
        y = rankData(y, 'average');
      }
      let v = pearsonPair(x, y);
      if (a === b && !Number.isNaN(v)) v = 1;
      R[a * d + b] = v;
      R[b * d + a] = v;
    }
  }
  return R;
}
