import { bool, int, num, randomStateSpec } from '../core/params';
import { checkSize } from '../core/sizes';
import { RandomState } from '../core/random';
import { toRows } from '../core/math/toRows';
import { fillStandardNormal, permutation } from './_dense';
import { readOptions } from '../core/readOptions';
import { optionError } from './_options';

/** Options of {@link makeRegression}. */
export interface MakeRegressionOptions {
  /** The number of samples. @defaultValue 100 */
  nSamples: number;
  /** The number of features. @defaultValue 100 */
  nFeatures: number;
  /** The number of features with a non-zero coefficient (capped at `nFeatures`). @defaultValue 10 */
  nInformative: number;
  /**
   * The number of targets. Only single-target problems are generated: a value other than 1 is
   * rejected with a `ValidationError`.
   * @defaultValue 1
   */
  nTargets: number;
  /** The intercept of the linear model. @defaultValue 0 */
  bias: number;
  /** The standard deviation of the Gaussian noise added to y. @defaultValue 0 */
  noise: number;
  /** Put the informative features at random columns (otherwise they are the first ones). @defaultValue true */
  shuffle: boolean;
  /** Also return the coefficients of the linear model. @defaultValue false */
  coef: boolean;
  /** Seed of the random numbers; `null` draws a fresh seed. @defaultValue null */
  randomState: number | null;
}

/** What {@link makeRegression} returns. */
export interface RegressionData {
  /** The samples, nSamples rows of nFeatures. */
  X: number[][];
  /** The targets. */
  y: number[];
}

/** The same data as flat buffers: X row-major, nSamples × nFeatures. Internal (benchmarks). */
export interface DenseRegressionData {
  X: Float64Array;
  y: Float64Array;
  coef: Float64Array;
  nSamples: number;
  nFeatures: number;
}

const defaults: MakeRegressionOptions = {
  nSamples: 100,
  nFeatures: 100,
  nInformative: 10,
  nTargets: 1,
  bias: 0,
  noise: 0,
  shuffle: true,
  coef: false,
  randomState: null,
};

const schema = {
  nSamples: int({ min: 1 }),
  nFeatures: int({ min: 1 }),
  nInformative: int({ min: 0 }),
  nTargets: int({ min: 1 }),
  bias: num(),
  noise: num({ min: 0 }),
  shuffle: bool(),
  coef: bool(),
  randomState: randomStateSpec,
};

/**
 * The generator behind {@link makeRegression}, on flat buffers (fast enough for millions of rows).
 * Not part of the public API: benchmarks use it.
 */
export function makeRegressionDense(options?: Partial<MakeRegressionOptions>, fn = 'makeRegression'): DenseRegressionData {
  const o = readOptions<MakeRegressionOptions>(fn, options, defaults, schema);
  if (o.nTargets !== 1) optionError(fn, 'nTargets', '1 (only single-target problems are generated)', o.nTargets);
  const n = o.nSamples;
  const d = o.nFeatures;
  const k = Math.min(o.nInformative, d);
  checkSize(n * d, { estimator: fn, param: d >= n ? 'nFeatures' : 'nSamples', what: `elements of X (${n} samples × ${d} features)` });
  const rng = new RandomState(o.randomState ?? undefined);
  // The samples are i.i.d., so scikit-learn's shuffling of rows changes nothing in distribution;
  // shuffling the features amounts to placing the informative ones at random columns.
  const X = new Float64Array(n * d);
  fillStandardNormal(rng, X);
  const coef = new Float64Array(d);
  const columns = o.shuffle ? permutation(rng, d) : null;
  for (let j = 0; j < k; j++) coef[columns ? columns[j] : j] = 100 * rng.random();
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const off = i * d;
    let s = 0;
    for (let j = 0; j < d; j++) s += X[off + j] * coef[j];
    y[i] = s + o.bias;
  }
  if (o.noise > 0) for (let i = 0; i < n; i++) y[i] += o.noise * rng.normal();
  return { X, y, coef, nSamples: n, nFeatures: d };
}

/**
 * Generates a random linear regression problem, as scikit-learn's `make_regression`: X is standard
 * normal, `nInformative` features get a coefficient drawn uniformly from [0, 100), the others 0, and
 * y = X·coef + bias (+ Gaussian noise of standard deviation `noise`). With `noise: 0` the relation is
 * exact: y[i] equals Σⱼ X[i][j]·coef[j] + bias computed in column order. The numbers come from
 * typelearn's own seeded generator, so they differ from scikit-learn's for the same seed; shapes,
 * distributions and the model are the same. Only single-target problems (`nTargets: 1`) are made,
 * and `effectiveRank` (low-rank inputs) is not offered.
 *
 * Options: `nSamples` (100), `nFeatures` (100), `nInformative` (10), `nTargets` (1), `bias` (0),
 * `noise` (0), `shuffle` (true), `coef` (false: when true the coefficients are returned too),
 * `randomState` (null).
 * @example
 * ```ts
 * import { makeRegression } from 'typelearn';
 * const { X, y, coef } = makeRegression({ nSamples: 50, nFeatures: 5, nInformative: 2, bias: 3, coef: true, randomState: 0 });
 * console.log(X.length, X[0].length, y.length); // 50 5 50
 * console.log(coef.filter((c) => c !== 0).length); // 2
 * const yHat = X[0].reduce((s, x, j) => s + x * coef[j], 0) + 3;
 * console.log(yHat === y[0]); // true
 * ```
 */
export function makeRegression(options: Partial<MakeRegressionOptions> & { coef: true }): RegressionData & {
  /** The coefficients of the underlying linear model. */
  coef: number[];
};
export function makeRegression(options?: Partial<MakeRegressionOptions>): RegressionData & {
  /** The coefficients of the underlying linear model (with `coef: true`). */
  coef?: number[];
};
export function makeRegression(options?: Partial<MakeRegressionOptions>): RegressionData & { coef?: number[] } {
  const r = makeRegressionDense(options);
  const out: RegressionData & { coef?: number[] } = { X: toRows(r.X, r.nSamples, r.nFeatures), y: Array.from(r.y) };
  if (options?.coef === true) out.coef = Array.from(r.coef);
  return out;
}
