/**
 * The least-squares solver behind LinearRegression, free of the estimator API: minimises
 * ‖W^½ (y − Xw − b)‖² and returns the minimum-norm solution when X is rank-deficient, as LAPACK's
 * gelsd (which scikit-learn calls) does.
 *
 * Method: centre X and y (weighted) and scale rows by √w (`_preprocess.ts`), form the Gram matrix XᵀWX over the flat buffer, take its
 * symmetric eigen-decomposition (d × d, ml-matrix), solve with the pseudo-inverse, then refine once
 * with the exact residual Xᵀ W (y − Xw), which recovers most of the accuracy the normal equations
 * lose on moderately ill-conditioned data.
 */
import { eigenRank, eigenSolve, gram, symmetricEigen, timesVector, transposeTimes } from '../core/linalg';
import { interceptsOf, preprocessData } from './_preprocess';
import type { RowMajor } from '../core/data/index';

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
export function leastSquares(X: RowMajor, y: Float64Array, options: LeastSquaresOptions): LeastSquaresResult {
  const { rows: n, cols: d } = X;
  const yc = Float64Array.from(y);
  const pre = preprocessData(X, yc, 1, options.fitIntercept, options.sampleWeight);
  const rcond = options.rcond ?? Math.max(n, d) * Number.EPSILON;
  const eig = symmetricEigen(gram(X), d);
  const coef = eigenSolve(eig, transposeTimes(X, yc), rcond);
  // One step of iterative refinement with the exact residual.
  const fitted = timesVector(X, coef);
  for (let i = 0; i < n; i++) fitted[i] = yc[i] - fitted[i];
  const delta = eigenSolve(eig, transposeTimes(X, fitted), rcond);
  for (let j = 0; j < d; j++) coef[j] += delta[j];
  const intercept = interceptsOf(pre, coef, d)[0];
  return { coef, intercept, rank: eigenRank(eig, rcond) };
}
