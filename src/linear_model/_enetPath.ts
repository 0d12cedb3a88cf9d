/**
 * The pieces shared by ElasticNet, Lasso, their CV variants and enetPath: preparing the data for
 * coordinate descent (centring, sample weights, column-major copy), scikit-learn's alpha grid, and
 * running the solver along a decreasing sequence of alphas with warm starts.
 */
import { ConvergenceWarning, warn } from '../core/errors';
import type { RandomState } from '../core/random';
import { colMajor, type ColMajor, type RowMajor } from '../core/data/index';
import { columnGram, enetCoordinateDescent, enetCoordinateDescentGram, type GramProblem } from './coordinateDescent';

/** Data ready for coordinate descent, with what is needed to recover the intercept. */
export interface EnetData {
  X: ColMajor;
  y: Float64Array;
  colNorms: Float64Array;
  /** The (weighted) column means subtracted from X; zeros without an intercept. */
  xMean: Float64Array;
  /** The (weighted) mean subtracted from y; 0 without an intercept. */
  yMean: number;
}

/**
 * Copies the selected rows of X (row-major) into a column-major buffer, centred by the weighted
 * means when `fitIntercept`, and scaled by √weight after the weights are rescaled to sum to the
 * number of rows, as scikit-learn's ElasticNet does (so that α means the same with and without
 * weights).
 * @param rows - the row indices to use (all rows when omitted).
 * @param sampleWeight - one weight per row of X (not per selected row).
 */
export function prepareEnetData(X: RowMajor, y: Float64Array, fitIntercept: boolean, rows?: ArrayLike<number>, sampleWeight?: Float64Array): EnetData {
  const d = X.cols;
  const src = X.data;
  const m = rows ? rows.length : X.rows;
  // Offset of each selected row in the row-major buffer, its target and its (rescaled) weight.
  const rowOff = new Int32Array(m);
  const ySel = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    const r = rows ? rows[k] : k;
    rowOff[k] = r * d;
    ySel[k] = y[r];
  }
  let sw: Float64Array | undefined;
  let root: Float64Array | undefined;
  if (sampleWeight) {
    sw = new Float64Array(m);
    root = new Float64Array(m);
    let total = 0;
    for (let k = 0; k < m; k++) total += sw[k] = sampleWeight[rows ? rows[k] : k];
    const scale = m / total;
    for (let k = 0; k < m; k++) {
      sw[k] *= scale;
      root[k] = Math.sqrt(sw[k]);
    }
  }
  // Transpose the raw rows in blocks (reads and writes stay in cache), summing each column (weighted)
  // on the way; then centre, weight and measure each column in one more pass.
  const data = new Float64Array(m * d);
  const sums = new Float64Array(d);
  const BLOCK = 32;
  for (let k0 = 0; k0 < m; k0 += BLOCK) {
    const k1 = Math.min(m, k0 + BLOCK);
    for (let j = 0; j < d; j++) {
      const col = j * m;
      let sum = 0;
      if (sw) {
        for (let k = k0; k < k1; k++) {
          const v = src[rowOff[k] + j];
          data[col + k] = v;
          sum += sw[k] * v;
        }
      } else {
        for (let k = k0; k < k1; k++) {
          const v = src[rowOff[k] + j];
          data[col + k] = v;
          sum += v;
        }
      }
      sums[j] += sum;
    }
  }
  const xMean = new Float64Array(d);
  const colNorms = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    const col = data.subarray(j * m, (j + 1) * m);
    // With weights rescaled to sum to m, the weighted mean is Σ wₖxₖ / m.
    const mean = fitIntercept ? sums[j] / m : 0;
    let norm = 0;
    if (root) {
      for (let k = 0; k < m; k++) {
        const v = (col[k] - mean) * root[k];
        col[k] = v;
        norm += v * v;
      }
    } else {
      for (let k = 0; k < m; k++) {
        const v = col[k] - mean;
        col[k] = v;
        norm += v * v;
      }
    }
    xMean[j] = mean;
    colNorms[j] = norm;
  }
  let yMean = 0;
  if (fitIntercept) {
    for (let k = 0; k < m; k++) yMean += sw ? sw[k] * ySel[k] : ySel[k];
    yMean /= m;
  }
  const yc = new Float64Array(m);
  for (let k = 0; k < m; k++) yc[k] = root ? (ySel[k] - yMean) * root[k] : ySel[k] - yMean;
  return { X: colMajor(data, m, d), y: yc, colNorms, xMean, yMean };
}

/** The smallest alpha that keeps every coefficient at zero: max|Xᵀy| / (n · l1Ratio), X and y centred when fitIntercept. */
export function alphaMax(X: RowMajor, y: Float64Array, l1Ratio: number, fitIntercept: boolean): number {
  const { rows: n, cols: d, data } = X;
  const xMean = new Float64Array(d);
  let yMean = 0;
  if (fitIntercept) {
    for (let i = 0; i < n; i++) {
      const off = i * d;
      for (let j = 0; j < d; j++) xMean[j] += data[off + j];
      yMean += y[i];
    }
    for (let j = 0; j < d; j++) xMean[j] /= n;
    yMean /= n;
  }
  const xy = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    const off = i * d;
    const yi = y[i] - yMean;
    for (let j = 0; j < d; j++) xy[j] += (data[off + j] - xMean[j]) * yi;
  }
  let max = 0;
  for (let j = 0; j < d; j++) max = Math.max(max, Math.abs(xy[j]));
  return max / (n * l1Ratio);
}

/** float64's "resolution" (numpy's finfo(float).resolution), the floor of the alpha grid. */
const RESOLUTION = 1e-15;

/**
 * scikit-learn's `_alpha_grid`: nAlphas values from alphaMax down to eps·alphaMax, evenly spaced
 * in log scale (largest first). `l1Ratio` must be > 0.
 */
export function alphaGrid(X: RowMajor, y: Float64Array, l1Ratio: number, fitIntercept: boolean, eps: number, nAlphas: number): number[] {
  const aMax = alphaMax(X, y, l1Ratio, fitIntercept);
  if (aMax <= RESOLUTION) return new Array<number>(nAlphas).fill(RESOLUTION);
  const start = Math.log10(aMax * eps);
  const stop = Math.log10(aMax);
  const out = new Array<number>(nAlphas);
  const step = nAlphas > 1 ? (stop - start) / (nAlphas - 1) : 0;
  for (let k = 0; k < nAlphas; k++) out[k] = 10 ** (k * step + start);
  if (nAlphas > 1) out[nAlphas - 1] = 10 ** stop;
  else out[0] = 10 ** start;
  return out.reverse();
}

/** Solver settings that do not change along a path. */
export interface PathSolverOptions {
  maxIter: number;
  tol: number;
  positive: boolean;
  random: RandomState | null;
}

/** One solution per alpha. */
export interface PathResult {
  coefs: Float64Array[];
  /** Duality gaps in scikit-learn's scale (the solver's divided by n). */
  dualGaps: number[];
  nIters: number[];
  /** How many alphas stopped at maxIter, and the last such gap and threshold (solver scale). */
  notConverged: { count: number; gap: number; gapTol: number };
}

/** The Gram form of prepared data: XᵀX, Xᵀy and ‖y‖². */
export function gramProblem(data: EnetData): GramProblem {
  const { X, y } = data;
  const q = new Float64Array(X.cols);
  for (let j = 0; j < X.cols; j++) {
    const off = j * X.rows;
    let s = 0;
    for (let i = 0; i < X.rows; i++) s += X.data[off + i] * y[i];
    q[j] = s;
  }
  let yNorm2 = 0;
  for (let i = 0; i < y.length; i++) yNorm2 += y[i] * y[i];
  return { Q: columnGram(X), q, yNorm2, d: X.cols };
}

/**
 * Runs coordinate descent for each alpha in turn, each solution starting from the previous one
 * (from `coefInit`, or zeros, for the first). With `gram`, the solver works on the Gram form (the
 * same iterates, each step O(d) instead of O(n)): scikit-learn's choice in its CV estimators
 * when there are more samples than features.
 */
export function runEnetPath(data: EnetData, alphas: readonly number[], l1Ratio: number, options: PathSolverOptions, coefInit?: Float64Array, gram = false): PathResult {
  const n = data.X.rows;
  const w = coefInit ? Float64Array.from(coefInit) : new Float64Array(data.X.cols);
  const result: PathResult = { coefs: [], dualGaps: [], nIters: [], notConverged: { count: 0, gap: 0, gapTol: 0 } };
  const P = gram ? gramProblem(data) : undefined;
  for (const alpha of alphas) {
    const cd = {
      l1Reg: alpha * l1Ratio * n,
      l2Reg: alpha * (1 - l1Ratio) * n,
      maxIter: options.maxIter,
      tol: options.tol,
      positive: options.positive,
      random: options.random,
      colNorms: data.colNorms,
    };
    const r = P ? enetCoordinateDescentGram(P, w, cd) : enetCoordinateDescent(data.X, data.y, w, cd);
    result.coefs.push(Float64Array.from(w));
    result.dualGaps.push(r.gap / n);
    result.nIters.push(r.nIter);
    if (!r.converged) result.notConverged = { count: result.notConverged.count + 1, gap: r.gap, gapTol: r.gapTol };
  }
  return result;
}

/** Emits scikit-learn's ConvergenceWarning for a path (or a single fit) that hit maxIter. */
export function warnNotConverged(estimator: string, nc: PathResult['notConverged'], what = ''): void {
  if (nc.count === 0) return;
  warn(
    new ConvergenceWarning(
      `Objective did not converge${what}. You might want to increase the number of iterations (maxIter), check the scale of the ` +
        `features or consider increasing regularisation. Duality gap: ${nc.gap.toExponential(3)}, tolerance: ${nc.gapTol.toExponential(3)}`,
      estimator,
    ),
  );
}
