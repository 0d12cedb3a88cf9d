/**
 * Feature binning for histogram gradient boosting, as scikit-learn's `_BinMapper`: each numeric
 * feature is cut into at most `maxBins` bins at quantile thresholds (the midpoints between
 * distinct values when there are few, otherwise numpy's 'midpoint' percentiles on a subsample of
 * at most 200 000 rows), a categorical feature gets one bin per category seen at fit, and missing
 * values (NaN) go to one extra bin whose index is `maxBins`. Binned data is a column-major
 * `Uint8Array`.
 */
import type { RandomState } from '../../core/random';

/** scikit-learn clips thresholds to this value so that +Infinity is never a threshold. */
const ALMOST_INF = 1e300;
/** The rows used to find thresholds when there are more (scikit-learn's `subsample=2e5`). */
export const BINNING_SUBSAMPLE = 200000;

/** What binning learns about the features. */
export interface BinMapping {
  /** The largest number of bins for non-missing values; also the index of the missing-value bin. */
  maxBins: number;
  /** Per feature: the increasing thresholds (numeric), or the sorted categories seen (categorical). */
  thresholds: Float64Array[];
  /** Per feature: whether it is categorical. */
  isCategorical: Uint8Array;
  /** Per feature: the number of bins used by non-missing values. */
  nBinsNonMissing: Int32Array;
}

/**
 * numpy's `percentile(values, p, method='midpoint')` on sorted values: the value at index
 * (n-1)·q when that is a whole number, otherwise the midpoint of its two neighbours, computed as
 * numpy does (`b - (b - a) * 0.5`).
 */
function midpointPercentile(sorted: Float64Array, q: number): number {
  const n = sorted.length;
  const pos = (n - 1) * q;
  const virtual = 0.5 * (Math.floor(pos) + Math.ceil(pos));
  const lo = Math.floor(virtual);
  if (virtual % 1 === 0) return sorted[lo];
  const a = sorted[lo];
  const b = sorted[Math.min(lo + 1, n - 1)];
  return b - (b - a) * 0.5;
}

/** The thresholds of one numeric feature: distinct-value midpoints or midpoint percentiles. */
function numericThresholds(values: Float64Array, maxBins: number): Float64Array {
  values.sort();
  let distinct = 0;
  for (let i = 0; i < values.length; i++) if (i === 0 || values[i] !== values[i - 1]) distinct++;
  let out: Float64Array;
  if (distinct <= maxBins) {
    out = new Float64Array(Math.max(0, distinct - 1));
    let k = 0;
    let prev = NaN;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (i > 0 && v === prev) continue;
      if (i > 0) out[k++] = (prev + v) * 0.5;
      prev = v;
    }
  } else {
    out = new Float64Array(maxBins - 1);
    const step = 100 / maxBins;
    for (let i = 1; i < maxBins; i++) out[i - 1] = midpointPercentile(values, (i * step) / 100);
  }
  for (let i = 0; i < out.length; i++) if (out[i] > ALMOST_INF) out[i] = ALMOST_INF;
  return out;
}

/**
 * Learns the bins of each column of row-major X (n x d). `categories[j]` gives the sorted
 * categories of a categorical feature (undefined for numeric ones). With more than
 * {@link BINNING_SUBSAMPLE} rows, the numeric thresholds come from that many rows drawn without
 * replacement by `rng`.
 */
export function fitBins(
  X: Float64Array,
  n: number,
  d: number,
  maxBins: number,
  categories: ReadonlyArray<Float64Array | undefined>,
  rng: RandomState,
): BinMapping {
  let rows: Uint32Array | undefined;
  if (n > BINNING_SUBSAMPLE) {
    // A partial Fisher-Yates shuffle: the first BINNING_SUBSAMPLE entries are a uniform draw.
    const perm = new Uint32Array(n);
    for (let i = 0; i < n; i++) perm[i] = i;
    for (let i = 0; i < BINNING_SUBSAMPLE; i++) {
      const j = i + rng.randint(n - i);
      const t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    rows = perm.subarray(0, BINNING_SUBSAMPLE);
  }
  const m = rows === undefined ? n : rows.length;
  // The (sub)sampled values, gathered column by column in one pass over the rows (X is row-major:
  // a pass per feature would stride through all of X once per feature).
  const numeric: number[] = [];
  for (let j = 0; j < d; j++) if (categories[j] === undefined) numeric.push(j);
  const cols = numeric.map(() => new Float64Array(m));
  const counts = new Int32Array(numeric.length);
  for (let r = 0; r < m; r++) {
    const off = (rows === undefined ? r : rows[r]) * d;
    for (let k = 0; k < numeric.length; k++) {
      const v = X[off + numeric[k]];
      if (v === v) cols[k][counts[k]++] = v;
    }
  }
  const thresholds: Float64Array[] = [];
  const isCategorical = new Uint8Array(d);
  const nBinsNonMissing = new Int32Array(d);
  let k = 0;
  for (let j = 0; j < d; j++) {
    const cats = categories[j];
    if (cats !== undefined) {
      isCategorical[j] = 1;
      thresholds.push(cats.slice());
      nBinsNonMissing[j] = cats.length;
      continue;
    }
    const t = numericThresholds(cols[k].subarray(0, counts[k]), maxBins);
    k++;
    thresholds.push(t);
    nBinsNonMissing[j] = t.length + 1;
  }
  return { maxBins, thresholds, isCategorical, nBinsNonMissing };
}

/** The bin of value `v` against increasing thresholds: the first index whose threshold is ≥ v. */
function searchLeft(t: Float64Array, v: number): number {
  let lo = 0;
  let hi = t.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (v <= t[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Bins row-major X (n x d) into a column-major Uint8Array (n per column). NaN goes to the missing
 * bin `maxBins`; so does a category that was not seen at fit.
 */
export function applyBins(X: Float64Array, n: number, d: number, mapping: BinMapping): Uint8Array {
  const out = new Uint8Array(n * d);
  const missing = mapping.maxBins;
  const { thresholds, isCategorical } = mapping;
  // Rows outer, features inner: X is read once, in order.
  for (let i = 0; i < n; i++) {
    const row = i * d;
    for (let j = 0; j < d; j++) {
      const v = X[row + j];
      const t = thresholds[j];
      let b: number;
      if (v !== v) b = missing;
      else if (isCategorical[j] === 1) {
        b = searchLeft(t, v);
        if (!(b < t.length && t[b] === v)) b = missing;
      } else {
        // The number of thresholds below v: a lower bound whose steps depend on the length only,
        // so the comparison can compile to a conditional move instead of a mispredicted branch.
        let len = t.length;
        b = 0;
        if (len > 0) {
          while (len > 1) {
            const half = len >>> 1;
            b = t[b + half - 1] < v ? b + half : b;
            len -= half;
          }
          if (t[b] < v) b++;
        }
      }
      out[j * n + i] = b;
    }
  }
  return out;
}
