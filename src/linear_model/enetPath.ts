import { ValidationError } from '../core/errors';
import { arrayOf, bool, int, nullable, num, oneOf, type ParamSpec, randomStateSpec } from '../core/params';
import { MAX_COUNT, checkSize } from '../core/sizes';
import { checkRandomState } from '../core/random';
import type { MatrixLike } from '../core/types';
import { toDense, toTarget } from '../core/validation';
import { readOptions } from '../core/readOptions';
import { alphaGrid, prepareEnetData, runEnetPath, warnNotConverged } from './_enetPath';

/** Options of {@link enetPath}. */
export interface EnetPathOptions {
  /** The share of the L1 penalty, in [0, 1] (0 needs explicit `alphas`). @defaultValue 0.5 */
  l1Ratio: number;
  /** The length of the automatic path: alphaMin / alphaMax, > 0. @defaultValue 1e-3 */
  eps: number;
  /** The number of alphas on the automatic path, ≥ 1. @defaultValue 100 */
  nAlphas: number;
  /** The alphas (sorted largest first before use); null: the automatic path. @defaultValue null */
  alphas: number[] | null;
  /** The coefficients the first fit starts from (one per feature); null: zeros. @defaultValue null */
  coefInit: number[] | null;
  /** Constrain the coefficients to be ≥ 0. @defaultValue false */
  positive: boolean;
  /** The maximum number of coordinate-descent sweeps per alpha, ≥ 1. @defaultValue 1000 */
  maxIter: number;
  /** The tolerance of coordinate descent, ≥ 0 (see Lasso's `tol`). @defaultValue 1e-4 */
  tol: number;
  /** 'cyclic' or 'random' order of the coordinate updates. @defaultValue 'cyclic' */
  selection: 'cyclic' | 'random';
  /** Seed of the generator used with `selection: 'random'`; null draws a fresh seed. @defaultValue null */
  randomState: number | null;
}

/** What {@link enetPath} and {@link lassoPath} return. */
export interface EnetPathResult {
  /** The alphas, largest first. */
  alphas: number[];
  /** The coefficients: one row per feature, one column per alpha (scikit-learn's layout). */
  coefs: number[][];
  /** The duality gap at the end of each fit. */
  dualGaps: number[];
  /** The coordinate-descent sweeps of each fit. */
  nIters: number[];
}

const alphaList: ParamSpec = {
  description: 'a non-empty array of numbers ≥ 0',
  check: (v) => Array.isArray(v) && v.length > 0 && v.every((a) => typeof a === 'number' && Number.isFinite(a) && a >= 0),
};

export const ENET_PATH_DEFAULTS: EnetPathOptions = {
  l1Ratio: 0.5,
  eps: 1e-3,
  nAlphas: 100,
  alphas: null,
  coefInit: null,
  positive: false,
  maxIter: 1000,
  tol: 1e-4,
  selection: 'cyclic',
  randomState: null,
};

const SCHEMA = {
  l1Ratio: num({ min: 0, max: 1 }),
  eps: num({ min: 0, minInclusive: false }),
  nAlphas: int({ min: 1, max: MAX_COUNT }),
  alphas: nullable(alphaList),
  coefInit: nullable(arrayOf(num())),
  positive: bool(),
  maxIter: int({ min: 1 }),
  tol: num({ min: 0 }),
  selection: oneOf('cyclic', 'random'),
  randomState: randomStateSpec,
};

/**
 * The elastic-net regularisation path by coordinate descent, as scikit-learn's `enet_path`: fits
 * (1 / (2n))·‖y − Xw‖² + α·l1Ratio·‖w‖₁ + ½·α·(1 − l1Ratio)·‖w‖² for each α, largest first, each
 * fit starting from the previous solution. Like scikit-learn's function it fits **no intercept**:
 * centre X and y first (ElasticNet, ElasticNetCV do it for you). The automatic grid runs from
 * alphaMax = max|Xᵀy| / (n·l1Ratio), where every coefficient is zero, down to eps·alphaMax.
 * One target (1-d y) only. A fit that reaches `maxIter` emits a `ConvergenceWarning`.
 * @example
 * ```ts
 * import { enetPath } from 'typelearn';
 * const X = [[1, -1], [-1, 1], [2, 0], [-2, 0]];
 * const { alphas, coefs } = enetPath(X, [1, -1, 3, -3], { l1Ratio: 0.5, nAlphas: 3 });
 * console.log(alphas.map((a) => +a.toFixed(4))); // [ 7, 0.2214, 0.007 ]
 * console.log(coefs[0].map((c) => +c.toFixed(4))); // [ 0, 1.3125, 1.493 ]
 * ```
 */
export function enetPath(X: MatrixLike, y: ArrayLike<number>, options?: Partial<EnetPathOptions>): EnetPathResult {
  return computePath('enetPath', X, y, options);
}

/** enetPath's work, with the public function's name (enetPath or lassoPath) for its errors and warnings. */
export function computePath(fn: string, X: MatrixLike, y: ArrayLike<number>, options: unknown): EnetPathResult {
  const o = readOptions<EnetPathOptions>(fn, options as Partial<EnetPathOptions> | undefined, ENET_PATH_DEFAULTS, SCHEMA);
  const Xd = toDense(X, { estimator: fn });
  const yv = toTarget(y, { estimator: fn, length: Xd.rows });
  if (o.coefInit !== null && o.coefInit.length !== Xd.cols) {
    throw new ValidationError({ code: 'invalid_option', estimator: fn, param: 'coefInit', expected: `an array of ${Xd.cols} numbers (one per feature)`, received: `an array of length ${o.coefInit.length}` });
  }
  let alphas: number[];
  if (o.alphas !== null) alphas = o.alphas.slice().sort((a, b) => b - a);
  else if (o.l1Ratio === 0) {
    throw new ValidationError({ code: 'invalid_option', estimator: fn, param: 'alphas', message: `${fn}: automatic alpha grid generation is not supported for l1Ratio=0. Please supply a grid with the 'alphas' option.` });
  } else alphas = alphaGrid(Xd, yv, o.l1Ratio, false, o.eps, o.nAlphas);
  checkSize(alphas.length * Xd.cols, { estimator: fn, param: o.alphas !== null ? 'alphas' : 'nAlphas', what: `path coefficients (${alphas.length} alphas × ${Xd.cols} features)` });
  const data = prepareEnetData(Xd, yv, false);
  const random = o.selection === 'random' ? checkRandomState(o.randomState) : null;
  const init = o.coefInit === null ? undefined : Float64Array.from(o.coefInit);
  const path = runEnetPath(data, alphas, o.l1Ratio, { maxIter: o.maxIter, tol: o.tol, positive: o.positive, random }, init);
  warnNotConverged(fn, path.notConverged, path.notConverged.count > 1 ? ` for ${path.notConverged.count} alphas` : '');
  const coefs = Array.from({ length: Xd.cols }, (_, j) => path.coefs.map((c) => c[j]));
  return { alphas, coefs, dualGaps: path.dualGaps, nIters: path.nIters };
}
