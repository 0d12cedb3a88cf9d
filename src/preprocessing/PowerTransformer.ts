import type { Matrix } from 'ml-matrix';
import { BaseTransformer, oneToOneFeatureNames } from '../core/base';
import { ValidationError } from '../core/errors';
import { bool, oneOf } from '../core/params';
import { registerEstimator } from '../core/serialization';
import type { MatrixLike, Target } from '../core/types';
import { matrixFromFlat, type RowMajor } from '../core/data/index';
import { sum } from '../core/numpySum';
import { brentMinimize } from '../core/math/brentMinimize';
import { StandardScaler } from './StandardScaler';
import { nFeaturesIn, perFeature, orNull, refine, type StateSchema } from '../core/stateSchema';

/** Options of {@link PowerTransformer}. */
export interface PowerTransformerOptions {
  /** `'yeo-johnson'` (any real data) or `'box-cox'` (strictly positive data only). @defaultValue 'yeo-johnson' */
  method: 'yeo-johnson' | 'box-cox';
  /** Standardize the transformed features to zero mean and unit variance. @defaultValue true */
  standardize: boolean;
}

interface PowerTransformerState {
  nFeaturesIn: number;
  method: 'yeo-johnson' | 'box-cox';
  lambdas: Float64Array;
  /** Mean and scale of the transformed training data (null without `standardize`). */
  mean: Float64Array | null;
  scale: Float64Array | null;
}

const SPACING_1 = Number.EPSILON;
const TINY = 2.2250738585072014e-308;

/** Box-Cox of one value, as scipy's `special.boxcox`. */
function boxCox(x: number, lambda: number): number {
  return Math.abs(lambda) < 1e-19 ? Math.log(x) : Math.expm1(lambda * Math.log(x)) / lambda;
}

function boxCoxInverse(y: number, lambda: number): number {
  return lambda === 0 ? Math.exp(y) : (y * lambda + 1) ** (1 / lambda);
}

/** Yeo-Johnson of one value. */
function yeoJohnson(x: number, lambda: number): number {
  if (x >= 0) return Math.abs(lambda) < SPACING_1 ? Math.log1p(x) : ((x + 1) ** lambda - 1) / lambda;
  return Math.abs(lambda - 2) > SPACING_1 ? -((-x + 1) ** (2 - lambda) - 1) / (2 - lambda) : -Math.log1p(-x);
}

function yeoJohnsonInverse(y: number, lambda: number): number {
  if (y >= 0) return Math.abs(lambda) < SPACING_1 ? Math.exp(y) - 1 : (y * lambda + 1) ** (1 / lambda) - 1;
  return Math.abs(lambda - 2) > SPACING_1 ? 1 - (-(2 - lambda) * y + 1) ** (1 / (2 - lambda)) : 1 - Math.exp(-y);
}

/**
 * Population variance as np.var computes it (pairwise sums for the mean and for the squared
 * deviations), so that the likelihood, and with it Brent's path, agrees with scikit-learn's to the
 * last bit wherever the elementary functions do. `work` is scratch space of t's length.
 */
function variance(t: Float64Array, work: Float64Array): number {
  const n = t.length;
  const m = sum(t) / n;
  for (let i = 0; i < n; i++) {
    const d = t[i] - m;
    work[i] = d * d;
  }
  return sum(work) / n;
}

/** The Box-Cox λ maximising the normal log-likelihood (scipy's `boxcox_normmax(method='mle')`). */
function boxCoxLambda(x: Float64Array): number {
  const n = x.length;
  const logx = new Float64Array(n);
  for (let i = 0; i < n; i++) logx[i] = Math.log(x[i]);
  const sumLog = sum(logx);
  const t = new Float64Array(n);
  const work = new Float64Array(n);
  const negLogLik = (lambda: number): number => {
    // scipy's boxcox_llf: the variance of x^λ/λ (the −1/λ offset does not change it).
    if (lambda === 0) t.set(logx);
    else for (let i = 0; i < n; i++) t[i] = x[i] ** lambda / lambda;
    return -((lambda - 1) * sumLog - (n / 2) * Math.log(variance(t, work)));
  };
  return brentMinimize(negLogLik, -2, 2).x;
}

/** The Yeo-Johnson λ maximising the normal log-likelihood (scikit-learn's `_yeo_johnson_optimize`). */
function yeoJohnsonLambda(x: Float64Array): number {
  const n = x.length;
  const t = new Float64Array(n);
  const work = new Float64Array(n);
  for (let i = 0; i < n; i++) t[i] = Math.sign(x[i]) * Math.log1p(Math.abs(x[i]));
  const signedLog = sum(t);
  const negLogLik = (lambda: number): number => {
    for (let i = 0; i < n; i++) t[i] = yeoJohnson(x[i], lambda);
    const v = n === 0 ? NaN : variance(t, work);
    if (v < TINY) return Infinity;
    return -((-n / 2) * Math.log(v) + (lambda - 1) * signedLog);
  };
  return brentMinimize(negLogLik, -2, 2).x;
}

/**
 * Makes each feature more Gaussian-like with a monotonic power transform, Yeo-Johnson (any real
 * values) or Box-Cox (strictly positive values), whose λ is fitted per feature by maximum
 * likelihood (Brent's method from the bracket (−2, 2), as scipy's `optimize.brent`). With
 * `standardize` the result is then scaled to zero mean and unit variance. Missing values (NaN)
 * are ignored in fit and kept in transform.
 *
 * Box-Cox rejects data with a value ≤ 0 and constant features, as scikit-learn does. Yeo-Johnson
 * gives a constant feature λ = 1 (the identity); scikit-learn returns wherever its optimiser stops
 * on a likelihood made of rounding noise. The standardized output (0) is the same.
 *
 * λ agrees with scikit-learn's to about 1e-6: both optimise the same function with the same steps,
 * but the likelihood is itself computed with rounding noise (cancellation in (x + 1)^λ − 1 when
 * λ·log(x) is large), which limits how well either locates the optimum.
 *
 * Fitted attributes: `lambdas_`, `nFeaturesIn_`.
 * @example
 * ```ts
 * import { PowerTransformer } from 'typelearn';
 * const pt = new PowerTransformer().fit([[1, 2], [3, 2], [4, 5]]);
 * console.log(pt.lambdas_.map((l) => l.toFixed(4))); // [ '1.3867', '-3.1005' ]
 * console.log(pt.transform([[1, 2]]).to2DArray()[0].map((v) => v.toFixed(4))); // [ '-1.3162', '-0.7071' ]
 * ```
 */
export class PowerTransformer extends BaseTransformer<PowerTransformerOptions, PowerTransformerState> {
  static override readonly className = 'PowerTransformer';
  /** The fitted state's rules, checked when a saved model is loaded. */
  static override readonly stateSchema: StateSchema = {
    nFeaturesIn: nFeaturesIn(),
    method: oneOf('yeo-johnson', 'box-cox'),
    // NaN for a feature entirely missing at fit (Yeo-Johnson only: Box-Cox refuses such a feature).
    lambdas: perFeature({ allowNaN: true }),
    mean: orNull(perFeature({ allowNaN: true })),
    scale: refine(orNull(perFeature({ allowNaN: true })), 'null exactly when mean is', (v: Float64Array | null, { state }) => (v === null) === (state.mean === null)),
  };
  static override readonly defaults: PowerTransformerOptions = { method: 'yeo-johnson', standardize: true };
  static override readonly paramSchema = { method: oneOf('yeo-johnson', 'box-cox'), standardize: bool() };
  static override readonly tags = { allowNaN: true };

  /** Fits λ per feature (and the standardization), replacing anything learnt before. */
  fit(X: MatrixLike, _y?: Target): this {
    const Xd = this.checkX(X, { reset: true });
    const { method, standardize } = this.params;
    if (method === 'box-cox') this.checkPositive(Xd);
    const { data, rows, cols } = Xd;
    const lambdas = new Float64Array(cols);
    const buf = new Float64Array(rows);
    for (let j = 0; j < cols; j++) {
      let n = 0;
      for (let i = 0; i < rows; i++) {
        const v = data[i * cols + j];
        if (v === v) buf[n++] = v;
      }
      const x = buf.slice(0, n);
      if (method === 'box-cox') {
        if (n === 0) this.fail('X', `feature ${j} has no non-missing value`, 'at least one non-missing value per feature for Box-Cox');
        if (x.every((v) => v === x[0])) this.fail('X', `feature ${j} is constant`, 'non-constant features for Box-Cox (scipy.stats.boxcox)');
        lambdas[j] = boxCoxLambda(x);
      } else if (n > 0 && x.every((v) => v === x[0])) {
        // A constant feature: its likelihood is rounding noise (scikit-learn's λ is wherever its
        // optimiser stops on that noise); λ = 1, the identity, is the honest answer.
        lambdas[j] = 1;
      } else {
        lambdas[j] = yeoJohnsonLambda(x);
      }
    }
    let mean: Float64Array | null = null;
    let scale: Float64Array | null = null;
    if (standardize) {
      const T = this.power(Xd, method, lambdas);
      const sc = new StandardScaler().fit(matrixFromFlat(T.data, rows, cols));
      mean = Float64Array.from(sc.mean_ ?? []);
      scale = Float64Array.from(sc.scale_ ?? []);
    }
    this.state = { nFeaturesIn: cols, method, lambdas, mean, scale };
    return this;
  }

  private fail(param: string, received: string, expected: string): never {
    throw new ValidationError({ code: 'invalid_input', estimator: this.className, param, expected, received });
  }

  private checkPositive(Xd: RowMajor): void {
    const d = Xd.data;
    for (let k = 0; k < d.length; k++) {
      if (d[k] <= 0) this.fail('X', `${d[k]} at row ${Math.floor(k / Xd.cols)}, column ${k % Xd.cols}`, 'strictly positive data (the Box-Cox transformation is defined for x > 0)');
    }
  }

  /** Applies the power transform in place (NaN stays NaN) and returns the same buffer. */
  private power(Xd: RowMajor, method: PowerTransformerState['method'], lambdas: Float64Array): RowMajor {
    const { data, rows, cols } = Xd;
    const f = method === 'box-cox' ? boxCox : yeoJohnson;
    for (let i = 0; i < rows; i++) {
      const off = i * cols;
      for (let j = 0; j < cols; j++) data[off + j] = f(data[off + j], lambdas[j]);
    }
    return Xd;
  }

  /** Applies the fitted power transform (and standardization); NaN stays NaN. */
  transform(X: MatrixLike): Matrix {
    const s = this.fitted('transform');
    const Xd = this.checkX(X);
    if (s.method === 'box-cox') this.checkPositive(Xd);
    const { data, rows, cols } = this.power(Xd, s.method, s.lambdas);
    if (s.mean && s.scale) {
      for (let i = 0; i < rows; i++) {
        const off = i * cols;
        for (let j = 0; j < cols; j++) data[off + j] = (data[off + j] - s.mean[j]) / s.scale[j];
      }
    }
    return matrixFromFlat(data, rows, cols);
  }

  /** Undoes the standardization and the power transform. */
  inverseTransform(X: MatrixLike): Matrix {
    const s = this.fitted('inverseTransform');
    const { data, rows, cols } = this.checkX(X);
    const inv = s.method === 'box-cox' ? boxCoxInverse : yeoJohnsonInverse;
    for (let i = 0; i < rows; i++) {
      const off = i * cols;
      for (let j = 0; j < cols; j++) {
        let v = data[off + j];
        if (s.mean && s.scale) v = v * s.scale[j] + s.mean[j];
        data[off + j] = inv(v, s.lambdas[j]);
      }
    }
    return matrixFromFlat(data, rows, cols);
  }

  /** Output feature names: the input names, one to one. */
  getFeatureNamesOut(inputFeatures?: string[]): string[] {
    return oneToOneFeatureNames(this.fitted('getFeatureNamesOut').nFeaturesIn, inputFeatures, undefined, this.className);
  }

  /** The fitted λ of each feature. */
  get lambdas_(): number[] {
    return Array.from(this.fitted('lambdas_').lambdas);
  }
}

registerEstimator(PowerTransformer);
