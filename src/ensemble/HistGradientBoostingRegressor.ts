import { ValidationError } from '../core/errors';
import { readFitOptions, type FitOptions } from '../core/fitControl';
import { nullable, num, oneOf } from '../core/params';
import { registerEstimator } from '../core/serialization';
import type { StateSchema } from '../core/stateSchema';
import type { EstimatorTags, MatrixLike } from '../core/types';
import { toSampleWeight, toTarget } from '../core/validation';
import { getScorer } from '../metrics/scorer';
import { powerOfTwoScale } from '../core/math/powerOfTwoScale';
import { r2Score } from '../metrics/r2Score';
import { makeLoss } from './hist/losses';
import {
  BaseHistGradientBoosting,
  baseHistDefaults,
  baseHistSchema,
  histStateSchema,
  type BaseHistGradientBoostingOptions,
  type HistState,
} from './_BaseHistGradientBoosting';

type RegressorState = HistState & { link: 'identity' | 'log' };

/** Options of {@link HistGradientBoostingRegressor}. */
export interface HistGradientBoostingRegressorOptions extends BaseHistGradientBoostingOptions {
  /**
   * The loss: 'squared_error', 'absolute_error' (leaves take the median residual), 'poisson'
   * (log link; targets ≥ 0 with a positive sum) or 'quantile' (pinball loss at `quantile`).
   * @defaultValue 'squared_error'
   */
  loss: 'squared_error' | 'absolute_error' | 'poisson' | 'quantile';
  /** The quantile estimated with loss 'quantile', in (0, 1). @defaultValue null */
  quantile: number | null;
}

/**
 * Histogram-based gradient boosting for regression, as scikit-learn's
 * `HistGradientBoostingRegressor`: features are binned into at most `maxBins` quantile bins, and
 * each iteration grows a tree leaf-wise (best gain first) on the gradient and hessian histograms
 * of the loss. Missing values (NaN) are supported natively: each split learns which side they go
 * to. Categorical features are split on sets of categories.
 *
 * Fitted attributes: `nIter_`, `nTreesPerIteration_`, `trainScore_`, `validationScore_`,
 * `nFeaturesIn_`. `stagedPredict(X)` yields the prediction after each iteration.
 *
 * @example
 * ```ts
 * import { HistGradientBoostingRegressor } from 'typelearn';
 * const X = Array.from({ length: 200 }, (_, i) => [i % 20, i % 7 === 0 ? NaN : i % 3]);
 * const y = X.map(([a]) => (a < 10 ? 1 : 5));
 * const reg = new HistGradientBoostingRegressor({ maxIter: 50 }).fit(X, y);
 * console.log(reg.predict([[3, 1], [15, NaN]]).map((v) => Math.round(v))); // [ 1, 5 ]
 * ```
 */
export class HistGradientBoostingRegressor extends BaseHistGradientBoosting<HistGradientBoostingRegressorOptions, RegressorState> {
  static override readonly className = 'HistGradientBoostingRegressor';
  static override readonly tags: Partial<EstimatorTags> = { estimatorType: 'regressor', requiresY: true, allowNaN: true };
  static override readonly stateSchema: StateSchema = { ...histStateSchema(() => 1), link: oneOf('identity', 'log') };
  static override readonly defaults: HistGradientBoostingRegressorOptions = { loss: 'squared_error', quantile: null, ...baseHistDefaults };
  static override readonly paramSchema = {
    loss: oneOf('squared_error', 'absolute_error', 'poisson', 'quantile'),
    quantile: nullable(num({ min: 0, max: 1, minInclusive: false, maxInclusive: false })),
    ...baseHistSchema,
  };

  /**
   * Fits the model.
   * @param sampleWeightOrOptions - optional non-negative weight per sample, or
   *   `{ sampleWeight?, onProgress?, signal? }`: `onProgress` after every iteration (unit
   *   `'iteration'`, total maxIter, an upper bound), `signal` checked between them; an abort keeps
   *   the previous fit.
   */
  fit(X: MatrixLike, y: ArrayLike<number>, sampleWeightOrOptions?: ArrayLike<number> | FitOptions): this {
    const { sampleWeight, control } = readFitOptions(this.className, sampleWeightOrOptions);
    const name = this.className;
    // Read in place (no copy of X): the fit only reads it; binning makes its own Uint8Array.
    const Xr = this.checkX(X, { reset: true, copy: false });
    const n = Xr.rows;
    const yv = toTarget(y, { estimator: name, length: n });
    const p = this.params;
    if (p.loss === 'poisson') {
      let sum = 0;
      for (let i = 0; i < n; i++) {
        if (yv[i] < 0) throw new ValidationError({ code: 'invalid_input', estimator: name, param: 'y', expected: "non-negative values with loss 'poisson'", received: `${yv[i]} at index ${i}` });
        sum += yv[i];
      }
      if (!(sum > 0)) throw new ValidationError({ code: 'invalid_input', estimator: name, param: 'y', expected: "a positive sum with loss 'poisson'", received: 'all zeros' });
    }
    if (p.loss === 'quantile' && p.quantile === null) {
      throw new ValidationError({ code: 'invalid_option', estimator: name, param: 'quantile', expected: "a number in (0, 1) with loss 'quantile'", received: 'null' });
    }
    const w = sampleWeight === undefined ? null : toSampleWeight(sampleWeight, n, name);
    // Targets so large that float32 gradients would overflow are fitted multiplied by a power of
    // two (exact), and the model is scaled back: the splits are the same (up to l2Regularization),
    // the identity link's values divide by the factor, the log link's baseline shifts by its log.
    const scale = powerOfTwoScale(yv);
    if (scale !== 1) for (let i = 0; i < n; i++) yv[i] *= scale;
    const loss = makeLoss(p.loss, 1, p.quantile ?? 0.5);
    const poisson = p.loss === 'poisson';
    const scoring = p.scoring;
    let scorer = null;
    if (scoring !== 'loss') {
      const score = scoring === null ? null : getScorer(scoring);
      scorer = (raw: Float64Array, set: { X: Float64Array; n: number; y: Float64Array; w: Float64Array | null }): number => {
        const pred = Array.from(raw, (r) => (poisson ? Math.exp(r) : r));
        if (score === null) return r2Score(set.y, pred, { sampleWeight: set.w ?? undefined });
        const d = Xr.cols;
        const rows = Array.from({ length: set.n }, (_, i) => set.X.subarray(i * d, (i + 1) * d));
        return score({ predict: () => pred }, rows, set.y);
      };
    }
    const compatible = (s: HistState): boolean => scale === 1 && s.baseline.length === 1 && (s as RegressorState).link === (poisson ? 'log' : 'identity');
    return this.fitHist({ X: Xr, y: yv, w, loss, stratify: null, scorer, compatible, control }, (s) => {
      if (scale !== 1) {
        if (poisson) s.baseline[0] -= Math.log(scale);
        else {
          s.baseline[0] /= scale;
          for (let k = 0; k < s.trees.value.length; k++) s.trees.value[k] /= scale;
        }
      }
      return { ...s, link: poisson ? 'log' : 'identity' };
    });
  }

  /** The predicted targets (the exponential of the raw prediction with loss 'poisson'). */
  predict(X: MatrixLike): number[] {
    const { s, raw } = this.raw(X, 'predict');
    return link(s, raw);
  }

  /** The predictions after each iteration, in turn. */
  *stagedPredict(X: MatrixLike): Generator<number[]> {
    for (const { s, raw } of this.stagedRaw(X, 'stagedPredict')) yield link(s, raw);
  }

  /** The coefficient of determination R² of the prediction (weighted by `sampleWeight` when given). */
  score(X: MatrixLike, y: ArrayLike<number>, sampleWeight?: ArrayLike<number>): number {
    return r2Score(y, this.predict(X), { sampleWeight });
  }
}

registerEstimator(HistGradientBoostingRegressor);

/** Predictions from raw predictions: the inverse of the fitted loss's link. */
function link(s: RegressorState, raw: Float64Array): number[] {
  return s.link === 'log' ? Array.from(raw, Math.exp) : Array.from(raw);
}
