/** Per-column statistics of a matrix; see {@link nanColumnMoments}. */
export interface ColumnMoments {
  /** The (weighted) number of non-missing values. */
  count: Float64Array;
  /** Their (weighted) mean; NaN where the count is not positive. */
  mean: Float64Array;
  /** Their (weighted) sum of squared deviations from the mean; NaN where the count is not positive. */
  m2: Float64Array;
}

/** Options of {@link nanColumnMoments}. */
export interface ColumnMomentsOptions {
  /** One weight per row (a row counts `weights[i]` times). @defaultValue all 1 */
  weights?: ArrayLike<number>;
  /**
   * Subtract (Σ w(x − mean))² / count from m2 and clamp it at 0: the rounding correction of the
   * two-pass algorithm, as scikit-learn's `_incremental_mean_and_var` (StandardScaler). Off,
   * m2 is the plain Σ w(x − mean)² of numpy's `nanvar` (VarianceThreshold). @defaultValue false
   */
  corrected?: boolean;
}

/**
 * Count, mean and sum of squared deviations of each column of a flat row-major `rows` × `cols`
 * matrix, skipping missing (NaN) cells: numpy's `nanmean` and `nanvar`·count, by two passes in
 * row order (the mean first, then the deviations from it). Variance = m2 / count.
 */
export function nanColumnMoments(data: Float64Array, rows: number, cols: number, options: ColumnMomentsOptions = {}): ColumnMoments {
  const { weights, corrected = false } = options;
  const { count, sum } = (!weights && denseSums(data, rows, cols)) || nanSums(data, rows, cols, weights);
  const mean = new Float64Array(cols);
  for (let j = 0; j < cols; j++) mean[j] = count[j] > 0 ? sum[j] / count[j] : NaN;
  const corr = new Float64Array(cols);
  const dev = new Float64Array(cols);
  centeredSums(data, rows, cols, weights, mean, corr, dev);
  const m2 = new Float64Array(cols);
  for (let j = 0; j < cols; j++) {
    const n = count[j];
    m2[j] = !(n > 0) ? NaN : corrected ? Math.max(0, dev[j] - (corr[j] * corr[j]) / n) : dev[j];
  }
  return { count, mean, m2 };
}

/**
 * Column sums without weights in one branch-free pass (the common case, and the fast one);
 * undefined when a column's sum is NaN, that is when it may hold a missing value.
 */
function denseSums(data: Float64Array, rows: number, cols: number): { count: Float64Array; sum: Float64Array } | undefined {
  const sum = new Float64Array(cols);
  for (let i = 0; i < rows; i++) {
    const off = i * cols;
    for (let j = 0; j < cols; j++) sum[j] += data[off + j];
  }
  for (let j = 0; j < cols; j++) if (Number.isNaN(sum[j])) return undefined;
  return { count: new Float64Array(cols).fill(rows), sum };
}

/** Column counts and sums of the non-missing cells, weighted when weights are given. */
function nanSums(data: Float64Array, rows: number, cols: number, weights: ArrayLike<number> | undefined): { count: Float64Array; sum: Float64Array } {
  const count = new Float64Array(cols);
  const sum = new Float64Array(cols);
  // Centred at 0, x − 0 is x itself (−0 included), so s1 is exactly Σ w·x.
  centeredSums(data, rows, cols, weights, new Float64Array(cols), sum, new Float64Array(cols), count);
  return { count, sum };
}

/**
 * Adds, per column over the non-missing cells, Σ w(x − c) to s1 and Σ w(x − c)² to s2, and Σ w
 * to `count` when given: the one loop of both passes.
 */
function centeredSums(
  data: Float64Array,
  rows: number,
  cols: number,
  weights: ArrayLike<number> | undefined,
  center: Float64Array,
  s1: Float64Array,
  s2: Float64Array,
  count?: Float64Array,
): void {
  for (let i = 0; i < rows; i++) {
    const wi = weights ? weights[i] : 1;
    const off = i * cols;
    for (let j = 0; j < cols; j++) {
      const v = data[off + j];
      if (v === v) {
        const t = v - center[j];
        s1[j] += wi * t;
        s2[j] += wi * t * t;
        if (count) count[j] += wi;
      }
    }
  }
}
