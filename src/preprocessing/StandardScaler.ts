import type { Matrix } from 'ml-matrix';
import { overflowError } from '../core/overflow';
import { BaseTransformer, oneToOneFeatureNames } from '../core/base';
import { nanColumnMoments } from '../core/math/nanColumnMoments';
import { bool } from '../core/params';
import { registerEstimator } from '../core/serialization';
import type { IncrementalEstimator, MatrixLike, Target } from '../core/types';
import { toSampleWeight } from '../core/validation';
import { matrixFromFlat, toMatrix, type RowMajor } from '../core/data/index';
import { nFeaturesIn, perFeature, refine, type StateContext, type StateSchema } from '../core/stateSchema';

/** A per-feature statistic may be NaN only where no sample of that feature was seen. */
function nanOnlyUnseen(v: Float64Array, { state }: StateContext): boolean {
  const n = state.nSamplesSeen as Float64Array;
  return v.every((x, j) => !Number.isNaN(x) || n[j] === 0);
}

/** Options of {@link StandardScaler}. */
export interface StandardScalerOptions {
  /** Subtract the mean. @defaultValue true */
  withMean: boolean;
  /** Divide by the standard deviation. @defaultValue true */
  withStd: boolean;
}

interface StandardScalerState {
  nFeaturesIn: number;
  /** Per-feature (weighted) count of non-missing samples seen. */
  nSamplesSeen: Float64Array;
  /** Per-feature running mean and sum of squared deviations (kept for partialFit). */
  mean: Float64Array;
  m2: Float64Array;
}

/**
 * Standardizes features: z = (x − mean) / std, with population statistics learnt at fit. Missing
 * values (NaN) are ignored in fit and kept in transform. Features of zero variance get scale 1, as
 * in scikit-learn. Supports `partialFit` for data that arrives in batches.
 *
 * Fitted attributes: `mean_`, `var_`, `scale_` (null when the option that uses them is off, as in
 * scikit-learn), `nSamplesSeen_`, `nFeaturesIn_`.
 * @example
 * ```ts
 * import { StandardScaler } from 'typelearn';
 * const scaler = new StandardScaler().fit([[0, 0], [0, 0], [1, 1], [1, 1]]);
 * console.log(scaler.mean_, scaler.scale_); // [ 0.5, 0.5 ] [ 0.5, 0.5 ]
 * console.log(scaler.transform([[2, 2]]).to2DArray()); // [ [ 3, 3 ] ]
 * ```
 */
export class StandardScaler extends BaseTransformer<StandardScalerOptions, StandardScalerState> implements IncrementalEstimator {
  static override readonly className = 'StandardScaler';
  /** The fitted state's rules, checked when a saved model is loaded. */
  static override readonly stateSchema: StateSchema = {
    nFeaturesIn: nFeaturesIn(),
    nSamplesSeen: perFeature({ min: 0 }),
    mean: refine(perFeature({ allowNaN: true }), 'NaN only for a feature with no samples seen', nanOnlyUnseen),
    m2: refine(perFeature({ min: 0, allowNaN: true }), 'NaN only for a feature with no samples seen', nanOnlyUnseen),
  };
  static override readonly defaults: StandardScalerOptions = { withMean: true, withStd: true };
  static override readonly paramSchema = { withMean: bool(), withStd: bool() };
  static override readonly tags = { allowNaN: true };

  /** Learns per-feature mean and variance, replacing anything learnt before. */
  fit(X: MatrixLike, _y?: Target, sampleWeight?: ArrayLike<number>): this {
    // The statistics only read X: contiguous Float64Array input is read in place.
    const Xd = this.checkX(X, { reset: true, copy: false });
    const w = sampleWeight === undefined ? undefined : toSampleWeight(sampleWeight, Xd.rows, this.className);
    this.state = this.accumulate(undefined, Xd, w);
    return this;
  }

  /** Updates the statistics with one more batch (the first call fits from scratch). */
  partialFit(X: MatrixLike, _y?: Target, options?: { sampleWeight?: ArrayLike<number> }): this {
    const Xd = this.checkX(X, { copy: false });
    const w = options?.sampleWeight === undefined ? undefined : toSampleWeight(options.sampleWeight, Xd.rows, this.className);
    this.state = this.accumulate(this.state, Xd, w);
    return this;
  }

  /** Merges a batch into running statistics (Chan et al.'s parallel update), never in place. */
  private accumulate(prev: StandardScalerState | undefined, X: RowMajor, w?: Float64Array): StandardScalerState {
    const { data, rows, cols } = X;
    const { count, mean: bMean, m2: bM2 } = nanColumnMoments(data, rows, cols, { weights: w, corrected: true });
    if (!prev) return this.checkStatistics({ nFeaturesIn: cols, nSamplesSeen: count, mean: bMean, m2: bM2 });
    const n = new Float64Array(cols);
    const mean = new Float64Array(cols);
    const m2 = new Float64Array(cols);
    for (let j = 0; j < cols; j++) {
      const na = prev.nSamplesSeen[j];
      const nb = count[j];
      n[j] = na + nb;
      if (nb === 0) {
        mean[j] = prev.mean[j];
        m2[j] = prev.m2[j];
      } else if (na === 0) {
        mean[j] = bMean[j];
        m2[j] = bM2[j];
      } else {
        const delta = bMean[j] - prev.mean[j];
        mean[j] = (na * prev.mean[j] + nb * bMean[j]) / n[j];
        m2[j] = prev.m2[j] + bM2[j] + ((delta * delta * na) / n[j]) * nb;
      }
    }
    return this.checkStatistics({ nFeaturesIn: cols, nSamplesSeen: n, mean, m2 });
  }

  /** Refuses statistics that overflowed (finite input too large to sum or square), leaving the fitted state as it was. */
  private checkStatistics(s: StandardScalerState): StandardScalerState {
    for (let j = 0; j < s.nFeaturesIn; j++) {
      if (s.nSamplesSeen[j] > 0 && !(Number.isFinite(s.mean[j]) && Number.isFinite(s.m2[j]))) {
        throw overflowError(this.className, `the mean or variance of feature ${j} overflowed.`);
      }
    }
    return s;
  }

  private variance(s: StandardScalerState): Float64Array {
    const v = new Float64Array(s.nFeaturesIn);
    for (let j = 0; j < v.length; j++) v[j] = s.nSamplesSeen[j] > 0 ? s.m2[j] / s.nSamplesSeen[j] : NaN;
    return v;
  }

  private scale(s: StandardScalerState): Float64Array {
    const v = this.variance(s);
    const out = new Float64Array(v.length);
    for (let j = 0; j < v.length; j++) {
      const n = s.nSamplesSeen[j];
      const m = s.mean[j];
      // scikit-learn's _is_constant_feature: a variance within rounding error of zero counts as zero.
      const bound = n * Number.EPSILON * v[j] + (n * m * Number.EPSILON) ** 2;
      const sd = Math.sqrt(v[j]);
      // An all-missing feature keeps NaN statistics, as in scikit-learn.
      out[j] = Number.isNaN(sd) ? NaN : !(v[j] > bound) || sd === 0 ? 1 : sd;
    }
    return out;
  }

  /** Standardizes X with the learnt statistics; NaN stays NaN. */
  transform(X: MatrixLike): Matrix {
    const s = this.fitted('transform');
    return this.standardize(s, this.checkX(X, { copy: false }));
  }

  /** Fits and standardizes the same data, validating it once. */
  override fitTransform(X: MatrixLike, _y?: Target, sampleWeight?: ArrayLike<number>): Matrix {
    const Xd = this.checkX(X, { reset: true, copy: false });
    const w = sampleWeight === undefined ? undefined : toSampleWeight(sampleWeight, Xd.rows, this.className);
    const s = this.accumulate(undefined, Xd, w);
    const out = this.standardize(s, Xd);
    this.state = s;
    return out;
  }

  /** (x − mean) / scale into a fresh buffer (the input is only read). */
  private standardize(s: StandardScalerState, X: RowMajor): Matrix {
    const { data, rows, cols } = X;
    const mean = this.params.withMean ? s.mean : new Float64Array(cols);
    const scale = this.params.withStd ? this.scale(s) : new Float64Array(cols).fill(1);
    const out = new Float64Array(rows * cols);
    for (let i = 0; i < rows; i++) {
      const off = i * cols;
      for (let j = 0; j < cols; j++) out[off + j] = (data[off + j] - mean[j]) / scale[j];
    }
    return matrixFromFlat(out, rows, cols);
  }

  /** Maps standardized data back to the original units. */
  inverseTransform(X: MatrixLike): Matrix {
    const s = this.fitted('inverseTransform');
    const Xd = this.checkX(X);
    const { data, rows, cols } = Xd;
    const scale = this.params.withStd ? this.scale(s) : undefined;
    for (let i = 0; i < rows; i++) {
      const off = i * cols;
      for (let j = 0; j < cols; j++) {
        let v = data[off + j];
        if (scale) v *= scale[j];
        if (this.params.withMean) v += s.mean[j];
        data[off + j] = v;
      }
    }
    return toMatrix(Xd);
  }

  /** Output feature names: the input names, one to one. */
  getFeatureNamesOut(inputFeatures?: string[]): string[] {
    return oneToOneFeatureNames(this.fitted('getFeatureNamesOut').nFeaturesIn, inputFeatures, undefined, this.className);
  }

  /** Per-feature mean (null when both `withMean` and `withStd` are false, as in scikit-learn). */
  get mean_(): number[] | null {
    const s = this.fitted('mean_');
    return !this.params.withMean && !this.params.withStd ? null : Array.from(s.mean);
  }

  /** Per-feature population variance (null when `withStd` is false). */
  get var_(): number[] | null {
    const s = this.fitted('var_');
    return this.params.withStd ? Array.from(this.variance(s)) : null;
  }

  /** Per-feature scale, the standard deviation with zeros replaced by 1 (null when `withStd` is false). */
  get scale_(): number[] | null {
    const s = this.fitted('scale_');
    return this.params.withStd ? Array.from(this.scale(s)) : null;
  }

  /** Samples seen: a number, or one per feature when features had different numbers of missing values. */
  get nSamplesSeen_(): number | number[] {
    const n = Array.from(this.fitted('nSamplesSeen_').nSamplesSeen);
    return n.every((v) => v === n[0]) ? n[0] : n;
  }
}

registerEstimator(StandardScaler);
