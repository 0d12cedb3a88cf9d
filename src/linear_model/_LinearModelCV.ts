/**
 * What LassoCV and ElasticNetCV share (scikit-learn's LinearModelCV): the regularisation path on
 * each cross-validation fold, the choice of α (and l1Ratio) with the lowest mean test MSE, and the
 * final fit on all the data.
 */
import { BaseRegressor } from '../core/base';
import { ValidationError } from '../core/errors';
import { checkSquaresFinite } from '../core/overflow';
import { bool, int, nullable, num, oneOf, type ParamSpec, randomStateSpec } from '../core/params';
import { MAX_COUNT, checkSize } from '../core/sizes';
import { checkRandomState } from '../core/random';
import type { MatrixLike } from '../core/types';
import { toSampleWeight, toTarget } from '../core/validation';
import { CV_DESCRIPTION, checkCv, isCvInput, type CvInput } from '../model_selection/checkCv';
import { checkFinite, interceptOf } from './_BaseElasticNet';
import { alphaGrid, prepareEnetData, runEnetPath, warnNotConverged, type PathResult, type PathSolverOptions } from './_enetPath';
import { numberValue, matrixRows, listOf, refine, type StateSchema } from '../core/stateSchema';
import { linearRegressorState } from './_stateRules';
import { PREDICT_CHECK, linearScores, toNumberArray } from './_scores';

/** The options LassoCV and ElasticNetCV share. */
export interface LinearModelCVOptions {
  /** The length of the automatic path: alphaMin / alphaMax, > 0. @defaultValue 1e-3 */
  eps: number;
  /** The number of alphas on the automatic path, ≥ 1. @defaultValue 100 */
  nAlphas: number;
  /** The alphas to try (sorted largest first before use); null: the automatic path. @defaultValue null */
  alphas: number[] | null;
  /** Fit an intercept (by centring X and y). @defaultValue true */
  fitIntercept: boolean;
  /** The maximum number of coordinate-descent sweeps per alpha, ≥ 1. @defaultValue 1000 */
  maxIter: number;
  /** The tolerance of coordinate descent, ≥ 0 (see Lasso's `tol`). @defaultValue 1e-4 */
  tol: number;
  /**
   * The folds: a number of unshuffled KFold folds (≥ 2), a splitter, or explicit { train, test }
   * index arrays. @defaultValue 5
   */
  cv: CvInput;
  /** Constrain the coefficients to be ≥ 0. @defaultValue false */
  positive: boolean;
  /** Seed of the generator used with `selection: 'random'`; null draws a fresh seed. @defaultValue null */
  randomState: number | null;
  /** 'cyclic' or 'random' order of the coordinate updates. @defaultValue 'cyclic' */
  selection: 'cyclic' | 'random';
}

/** The fitted state of LassoCV and ElasticNetCV. */
export interface LinearModelCVState {
  nFeaturesIn: number;
  coef: Float64Array;
  intercept: number;
  nIter: number;
  dualGap: number;
  alpha: number;
  l1Ratio: number;
  /** The alphas tried, one list per l1Ratio. */
  alphas: number[][];
  /** Mean squared test error per l1Ratio, alpha and fold: [l1Ratio][alpha][fold]. */
  msePath: number[][][];
  /** Whether `alphas` were given (then `alphas_` is a single list, as in scikit-learn). */
  explicitAlphas: boolean;
}

const nonEmptyAlphas: ParamSpec = {
  description: 'a non-empty array of numbers ≥ 0',
  check: (v) => Array.isArray(v) && v.length > 0 && v.every((a) => typeof a === 'number' && a >= 0 && Number.isFinite(a)),
};

export const CV_DEFAULTS: LinearModelCVOptions = {
  eps: 1e-3,
  nAlphas: 100,
  alphas: null,
  fitIntercept: true,
  maxIter: 1000,
  tol: 1e-4,
  cv: 5,
  positive: false,
  randomState: null,
  selection: 'cyclic',
};

export const CV_SCHEMA = {
  eps: num({ min: 0, minInclusive: false }),
  nAlphas: int({ min: 1, max: MAX_COUNT }),
  alphas: nullable(nonEmptyAlphas),
  fitIntercept: bool(),
  maxIter: int({ min: 1 }),
  tol: num({ min: 0 }),
  cv: { description: CV_DESCRIPTION, check: isCvInput } as ParamSpec,
  positive: bool(),
  randomState: randomStateSpec,
  selection: oneOf('cyclic', 'random'),
};

/** The base of {@link LassoCV} and {@link ElasticNetCV}. */
export abstract class LinearModelCV<P extends LinearModelCVOptions> extends BaseRegressor<P, LinearModelCVState> {
  static override readonly className: string = 'LinearModelCV';
  /** The fitted state's rules, checked when a saved model is loaded. */
  static override readonly stateSchema: StateSchema = {
    ...linearRegressorState,
    nIter: int({ min: 0 }),
    dualGap: numberValue(),
    alpha: num({ min: 0 }),
    l1Ratio: num({ min: 0, max: 1 }),
    // One list per l1Ratio (LassoCV has one); each as long as the alphas given or nAlphas.
    alphas: matrixRows({ min: 0, rows: (c) => (Array.isArray(c.params.l1Ratio) ? c.params.l1Ratio.length : 1), anyRowLength: true }),
    msePath: refine(listOf(matrixRows({ min: 0 }), { length: (c) => (c.state.alphas as unknown[]).length }), 'one [alpha][fold] table per l1Ratio, one row per alpha tried', (v: number[][][], { state }) =>
      v.every((t, i) => t.length === (state.alphas as number[][])[i].length && t.every((row) => row.length === t[0].length && row.length > 0)),
    ),
    explicitAlphas: bool(),
  };

  /** The l1Ratio values to try, in the given order. */
  protected abstract l1Ratios(): number[];

  /**
   * Fits the path on each fold, picks the alpha (and l1Ratio) with the lowest mean test MSE, then
   * refits on all the data with it.
   * @param y - one target value per sample (multi-output targets are not supported).
   * @param sampleWeight - optional non-negative weights, used in the fits (rescaled to sum to the
   *   number of training samples) and in each fold's test MSE; the folds' MSEs are then averaged
   *   without weights, as in scikit-learn.
   */
  fit(X: MatrixLike, y: ArrayLike<number>, sampleWeight?: ArrayLike<number>): this {
    const name = this.className;
    const Xd = this.checkX(X, { reset: true });
    checkSquaresFinite(this.className, Xd, this.params.fitIntercept);
    const yv = toTarget(y, { estimator: name, length: Xd.rows });
    const sw = sampleWeight === undefined ? undefined : toSampleWeight(sampleWeight, Xd.rows, name);
    const { eps, nAlphas, fitIntercept, maxIter, tol, positive, selection, randomState } = this.params;
    const l1Ratios = this.l1Ratios();
    const explicit = this.params.alphas;
    const alphas: number[][] = l1Ratios.map((r) => {
      if (explicit) return explicit.slice().sort((a, b) => b - a);
      if (r === 0) {
        throw new ValidationError({
          code: 'invalid_option',
          estimator: name,
          param: 'alphas',
          message: `${name}: automatic alpha grid generation is not supported for l1Ratio=0. Please supply a grid with the 'alphas' option.`,
        });
      }
      return alphaGrid(Xd, yv, r, fitIntercept, eps, nAlphas);
    });
    const splits = checkCv(this.params.cv, X, yv, false, name);
    const nGrid = alphas[0].length;
    checkSize(l1Ratios.length * nGrid * splits.length, { estimator: name, param: explicit ? 'alphas' : 'nAlphas', limit: MAX_COUNT, what: `path fits (${l1Ratios.length} l1Ratio × ${nGrid} alphas × ${splits.length} folds)` });
    checkSize(nGrid * Xd.cols, { estimator: name, param: explicit ? 'alphas' : 'nAlphas', what: `path coefficients (${nGrid} alphas × ${Xd.cols} features)` });
    const solver = (): PathSolverOptions => ({ maxIter, tol, positive, random: selection === 'random' ? checkRandomState(randomState) : null });

    const notConverged: PathResult['notConverged'] = { count: 0, gap: 0, gapTol: 0 };
    const msePath: number[][][] = [];
    let best = { mse: Infinity, alpha: alphas[0][0], l1Ratio: l1Ratios[0] };
    l1Ratios.forEach((l1Ratio, r) => {
      const grid = alphas[r];
      const perFold = splits.map(({ train, test }) => {
        const data = prepareEnetData(Xd, yv, fitIntercept, train, sw);
        // Like scikit-learn (precompute='auto'), the Gram form when there are more samples than features.
        const path = runEnetPath(data, grid, l1Ratio, solver(), undefined, train.length > Xd.cols);
        if (path.notConverged.count > 0) {
          notConverged.count += path.notConverged.count;
          notConverged.gap = path.notConverged.gap;
          notConverged.gapTol = path.notConverged.gapTol;
        }
        return path.coefs.map((coef) => testMse(Xd.data, Xd.cols, yv, test, sw, coef, interceptOf(data.xMean, data.yMean, coef)));
      });
      const rows = grid.map((_, k) => perFold.map((f) => f[k]));
      msePath.push(rows);
      // The first alpha with the lowest mean MSE; an l1Ratio replaces the best only when strictly better.
      let kBest = 0;
      let mBest = Infinity;
      rows.forEach((row, k) => {
        const mean = row.reduce((s, v) => s + v, 0) / row.length;
        if (mean < mBest) {
          mBest = mean;
          kBest = k;
        }
      });
      if (mBest < best.mse) best = { mse: mBest, alpha: grid[kBest], l1Ratio };
    });
    warnNotConverged(name, notConverged, ` in ${notConverged.count} of the cross-validation path fits`);

    const data = prepareEnetData(Xd, yv, fitIntercept, undefined, sw);
    const final = runEnetPath(data, [best.alpha], best.l1Ratio, solver());
    warnNotConverged(name, final.notConverged);
    const coef = final.coefs[0];
    const intercept = fitIntercept ? interceptOf(data.xMean, data.yMean, coef) : 0;
    checkFinite(name, coef, intercept);
    this.state = {
      nFeaturesIn: Xd.cols,
      coef,
      intercept,
      nIter: final.nIters[0],
      dualGap: final.dualGaps[0],
      alpha: best.alpha,
      l1Ratio: best.l1Ratio,
      alphas,
      msePath,
      explicitAlphas: explicit !== null,
    };
    return this;
  }

  /** Predicts Xw + b with the refitted model. */
  predict(X: MatrixLike): number[] {
    const s = this.fitted('predict');
    return toNumberArray(linearScores(this.checkX(X, PREDICT_CHECK), s.coef, Float64Array.of(s.intercept), this.className));
  }

  /** The alpha chosen by cross-validation. */
  get alpha_(): number {
    return this.fitted('alpha_').alpha;
  }

  /** The coefficients of the model refitted on all the data with the chosen alpha. */
  get coef_(): number[] {
    return Array.from(this.fitted('coef_').coef);
  }

  /** The intercept of the refitted model (0 when `fitIntercept` is false). */
  get intercept_(): number {
    return this.fitted('intercept_').intercept;
  }

  /** The sweeps coordinate descent ran in the final fit. */
  get nIter_(): number {
    return this.fitted('nIter_').nIter;
  }

  /** The duality gap at the end of the final fit. */
  get dualGap_(): number {
    return this.fitted('dualGap_').dualGap;
  }
}

/** The (weighted) mean squared error on the test rows of the model (coef, intercept). */
function testMse(X: Float64Array, d: number, y: Float64Array, test: readonly number[], sw: Float64Array | undefined, coef: Float64Array, intercept: number): number {
  // Only the non-zero coefficients count: along a lasso path most are zero.
  const active: number[] = [];
  for (let j = 0; j < d; j++) if (coef[j] !== 0) active.push(j);
  let num = 0;
  let den = 0;
  for (const i of test) {
    let r = intercept - y[i];
    const off = i * d;
    for (const j of active) r += X[off + j] * coef[j];
    const wi = sw ? sw[i] : 1;
    num += wi * r * r;
    den += wi;
  }
  return num / den;
}
