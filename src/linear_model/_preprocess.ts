/**
 * Centring and sample weighting shared by the least-squares solvers (LinearRegression, Ridge,
 * RidgeCV, RidgeClassifier), as scikit-learn's `_preprocess_data` followed by `_rescale_data`:
 * subtract the (weighted) column means of X and of each target, then multiply row i of both by
 * √wᵢ, so that the weighted problem becomes a plain least-squares one. The intercept is recovered
 * afterwards from the means.
 */
import { columnMeans, scaleRows, subtractColumns } from '../core/linalg';
import { rowMajor, type RowMajor } from '../core/data/index';

export interface Preprocessed {
  /** The (weighted) column means of X, or undefined without an intercept. */
  xMean: Float64Array | undefined;
  /** The (weighted) mean of each target (zeros without an intercept). */
  yMean: Float64Array;
  /** √w per sample, or undefined without weights. */
  sqrtW: Float64Array | undefined;
  /** The centred and weighted X: the input itself when centred in place (or when there was nothing to do). */
  X: RowMajor;
}

/**
 * Centres (when `fitIntercept`) and weights X (n × d) and Y (n × t, flat row-major). Y is changed
 * in place, so pass a copy you own. X is changed in place by default; with `inPlace` false it is
 * only read (it may be the caller's own buffer, validated without a copy) and the centred,
 * weighted matrix is written to a new buffer in one pass, which saves a copy and a pass over X.
 */
export function preprocessData(
  X: RowMajor,
  Y: Float64Array,
  t: number,
  fitIntercept: boolean,
  sampleWeight?: Float64Array,
  inPlace = true,
): Preprocessed {
  const n = X.rows;
  const w = sampleWeight;
  const yMean = new Float64Array(t);
  let xMean: Float64Array | undefined;
  let sqrtW: Float64Array | undefined;
  if (w) {
    sqrtW = new Float64Array(n);
    for (let i = 0; i < n; i++) sqrtW[i] = Math.sqrt(w[i]);
  }
  if (fitIntercept) {
    xMean = columnMeans(X, w);
    let sw = 0;
    for (let i = 0; i < n; i++) {
      const wi = w ? w[i] : 1;
      sw += wi;
      for (let k = 0; k < t; k++) yMean[k] += wi * Y[i * t + k];
    }
    for (let k = 0; k < t; k++) yMean[k] /= sw;
    for (let i = 0; i < n; i++) for (let k = 0; k < t; k++) Y[i * t + k] -= yMean[k];
  }
  if (sqrtW) for (let i = 0; i < n; i++) for (let k = 0; k < t; k++) Y[i * t + k] *= sqrtW[i];
  let Xw = X;
  if (inPlace) {
    if (xMean) subtractColumns(X, xMean);
    if (sqrtW) scaleRows(X, sqrtW);
  } else if (xMean || sqrtW) {
    Xw = centredCopy(X, xMean, sqrtW);
  }
  return { xMean, yMean, sqrtW, X: Xw };
}

/** (X − mean) · diag(f) row by row, into a new buffer: the same arithmetic as the in-place passes. */
function centredCopy(X: RowMajor, mean: Float64Array | undefined, f: Float64Array | undefined): RowMajor {
  const { data, rows, cols } = X;
  const out = new Float64Array(rows * cols);
  const m = mean ?? new Float64Array(cols);
  if (f) {
    for (let i = 0, o = 0; i < rows; i++, o += cols) {
      const fi = f[i];
      for (let j = 0; j < cols; j++) out[o + j] = (data[o + j] - m[j]) * fi;
    }
  } else {
    for (let i = 0, o = 0; i < rows; i++, o += cols) {
      for (let j = 0; j < cols; j++) out[o + j] = data[o + j] - m[j];
    }
  }
  return rowMajor(out, rows, cols);
}

/** The intercept of each target: ȳₖ − x̄ · coefₖ (zeros without an intercept). `coef` is t × d, flat. */
export function interceptsOf(p: Preprocessed, coef: Float64Array, d: number): Float64Array {
  const t = p.yMean.length;
  const out = new Float64Array(t);
  if (!p.xMean) return out;
  for (let k = 0; k < t; k++) {
    let v = p.yMean[k];
    for (let j = 0; j < d; j++) v -= p.xMean[j] * coef[k * d + j];
    out[k] = v;
  }
  return out;
}
