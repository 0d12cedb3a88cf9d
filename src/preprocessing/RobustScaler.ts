import type { Matrix } from 'ml-matrix';
import { BaseTransformer, oneToOneFeatureNames } from '../core/base';
import { arrayOf, bool, num } from '../core/params';
import { registerEstimator } from '../core/serialization';
import type { MatrixLike, Target } from '../core/types';
import { toMatrix } from '../core/data/index';
import { medianSorted } from '../core/math/medianSorted';
import { normPpf } from '../core/math/normPpf';
import { percentileSorted } from '../core/math/percentileSorted';
import { sortedColumn } from './_quantile';
import { checkPercentileRange, handleZerosInScale } from './_scale';
import { nFeaturesIn, perFeature, orNull, type StateSchema } from '../core/stateSchema';

/** Options of {@link RobustScaler}. */
export interface RobustScalerOptions {
  /** Subtract the median. @defaultValue true */
  withCentering: boolean;
  /** Divide by the interquantile range. @defaultValue true */
  withScaling: boolean;
  /** The percentiles [low, high] whose difference is the scale, 0 ≤ low ≤ high ≤ 100. @defaultValue [25, 75] */
  quantileRange: [number, number];
  /**
   * Divide the scale further by Φ⁻¹(high/100) − Φ⁻¹(low/100), so that normally distributed data
   * end with unit variance. @defaultValue false
   */
  unitVariance: boolean;
}

interface RobustScalerState {
  nFeaturesIn: number;
  center: Float64Array | null;
  scale: Float64Array | null;
}

/**
 * Scales features with statistics robust to outliers: (x − median) / (Q_high − Q_low), the
 * percentiles computed as numpy's `nanpercentile` (linear interpolation). Missing values (NaN) are
 * ignored in fit and kept in transform; a feature of zero interquantile range gets scale 1, a
 * feature entirely missing at fit NaN statistics.
 *
 * Fitted attributes: `center_`, `scale_` (null when the option that uses them is off),
 * `nFeaturesIn_`.
 * @example
 * ```ts
 * import { RobustScaler } from 'typelearn';
 * const scaler = new RobustScaler().fit([[1, -2], [2, 0], [3, 2], [4, 4], [100, 6]]);
 * console.log(scaler.center_, scaler.scale_); // [ 3, 2 ] [ 2, 4 ]
 * console.log(scaler.transform([[100, 6]]).to2DArray()); // [ [ 48.5, 1 ] ]
 * ```
 */
export class RobustScaler extends BaseTransformer<RobustScalerOptions, RobustScalerState> {
  static override readonly className = 'RobustScaler';
  /** The fitted state's rules, checked when a saved model is loaded. */
  static override readonly stateSchema: StateSchema = { nFeaturesIn: nFeaturesIn(), center: orNull(perFeature({ allowNaN: true })), scale: orNull(perFeature({ allowNaN: true })) };
  static override readonly defaults: RobustScalerOptions = { withCentering: true, withScaling: true, quantileRange: [25, 75], unitVariance: false };
  static override readonly paramSchema = {
    withCentering: bool(),
    withScaling: bool(),
    quantileRange: arrayOf(num({ min: 0, max: 100 }), 2),
    unitVariance: bool(),
  };
  static override readonly tags = { allowNaN: true };

  /** Learns each feature's median and interquantile range, replacing anything learnt before. */
  fit(X: MatrixLike, _y?: Target): this {
    const { withCentering, withScaling, quantileRange, unitVariance } = this.params;
    checkPercentileRange(quantileRange, this.className);
    const { data, rows, cols } = this.checkX(X, { reset: true });
    const center = withCentering ? new Float64Array(cols) : null;
    const scale = withScaling ? new Float64Array(cols) : null;
    const buf = new Float64Array(rows);
    for (let j = 0; j < cols; j++) {
      const n = sortedColumn(data, rows, cols, j, buf);
      // np.nanmedian: the middle value, or the mean of the two middle values.
      if (center) center[j] = medianSorted(buf, n);
      if (scale) scale[j] = percentileSorted(buf, quantileRange[1], n) - percentileSorted(buf, quantileRange[0], n);
    }
    if (scale) {
      handleZerosInScale(scale);
      if (unitVariance) {
        const adjust = normPpf(quantileRange[1] / 100) - normPpf(quantileRange[0] / 100);
        for (let j = 0; j < cols; j++) scale[j] /= adjust;
      }
    }
    this.state = { nFeaturesIn: cols, center, scale };
    return this;
  }

  /** Centers and scales X; NaN stays NaN. */
  transform(X: MatrixLike): Matrix {
    const { center, scale } = this.fitted('transform');
    const Xd = this.checkX(X);
    const { data, rows, cols } = Xd;
    for (let i = 0; i < rows; i++) {
      const off = i * cols;
      for (let j = 0; j < cols; j++) {
        let v = data[off + j];
        if (center) v -= center[j];
        if (scale) v /= scale[j];
        data[off + j] = v;
      }
    }
    return toMatrix(Xd);
  }

  /** Maps scaled data back to the original units. */
  inverseTransform(X: MatrixLike): Matrix {
    const { center, scale } = this.fitted('inverseTransform');
    const Xd = this.checkX(X);
    const { data, rows, cols } = Xd;
    for (let i = 0; i < rows; i++) {
      const off = i * cols;
      for (let j = 0; j < cols; j++) {
        let v = data[off + j];
        if (scale) v *= scale[j];
        if (center) v += center[j];
        data[off + j] = v;
      }
    }
    return toMatrix(Xd);
  }

  /** Output feature names: the input names, one to one. */
  getFeatureNamesOut(inputFeatures?: string[]): string[] {
    return oneToOneFeatureNames(this.fitted('getFeatureNamesOut').nFeaturesIn, inputFeatures, undefined, this.className);
  }

  /** Per-feature median (null when `withCentering` is false). */
  get center_(): number[] | null {
    const c = this.fitted('center_').center;
    return c ? Array.from(c) : null;
  }

  /** Per-feature scale (null when `withScaling` is false). */
  get scale_(): number[] | null {
    const s = this.fitted('scale_').scale;
    return s ? Array.from(s) : null;
  }
}

registerEstimator(RobustScaler);
