/**
 * The least-squares solver behind LinearRegression, free of the estimator API: minimises
 * ‖W^½ (y − Xw − b)‖² and returns the minimum-norm solution when X is rank-deficient, as LAPACK's
 * gelsd (which scikit-learn calls) does.
 *
 * Method: centre X and y (weighted), form the Gram matrix XᵀWX over the flat buffer, take its
 * symmetric eigen-decomposition (d × d, ml-matrix), solve with the pseudo-inverse, then refine once
 * with the exact residual Xᵀ W (y − Xw), which recovers most of the accuracy the normal equations
 * lose on moderately ill-conditioned data.
 */
import { columnMeans, eigenRank, eigenSolve, gram, scaleRows, subtractColumns, symmetricEigen, timesVector, transposeTimes } from '../core/linalg';
import type { Dense } from '../core/validation';

export interface LeastSquaresResult {
  coef: Float64Array;
  intercept: number;
  /** The numerical rank of the (centred) design matrix. */
  rank: number;
}

export interface LeastSquaresOptions {
  fitIntercept: boolean;
  sampleWeight?: Float64Array;
  /** Relative eigenvalue cut-off of the Gram matrix; default max(n, d) × machine epsilon. */
  rcond?: number;
}

/** Solves least squares. `X` is consumed (centred and scaled in place): pass a copy you own. */
export function leastSquares(X: Dense, y: Float64Array, options: LeastSquaresOptions): LeastSquaresResult {
  const { rows: n, cols: d } = X;
  const w = options.sampleWeight;
  const yc = Float64Array.from(y);
  let xMean: Float64Array | undefined;
  let yMean = 0;
  if (options.fitIntercept) {
    xMean = columnMeans(X, w);
    let sw = 0;
    for (let i = 0; i < n; i++) {
      const wi = w ? w[i] : 1;
      yMean += wi * y[i];
      sw += wi;
    }
    yMean /= sw;
    subtractColumns(X, xMean);
    for (let i = 0; i < n; i++) yc[i] -= yMean;
  }
  if (w) {
    const root = new Float64Array(n);
    for (let i = 0; i < n; i++) root[i] = Math.sqrt(w[i]);
    scaleRows(X, root);
    for (let i = 0; i < n; i++) yc[i] *= root[i];
  }
  const rcond = options.rcond ?? Math.max(n, d) * Number.EPSILON;
  const eig = symmetricEigen(gram(X), d);
  const coef = eigenSolve(eig, transposeTimes(X, yc), rcond);
  // One step of iterative refinement with the exact residual.
  const fitted = timesVector(X, coef);
  for (let i = 0; i < n; i++) fitted[i] = yc[i] - fitted[i];
  const delta = eigenSolve(eig, transposeTimes(X, fitted), rcond);
  for (let j = 0; j < d; j++) coef[j] += delta[j];
  let intercept = 0;
  if (xMean) {
    intercept = yMean;
    for (let j = 0; j < d; j++) intercept -= xMean[j] * coef[j];
  }
  return { coef, intercept, rank: eigenRank(eig, rcond) };
}
