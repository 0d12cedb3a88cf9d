import type { Matrix } from 'ml-matrix';
import { BaseTransformer, oneToOneFeatureNames } from '../core/base';
import { ValidationError } from '../core/errors';
import { arrayOf, bool, num } from '../core/params';
import { registerEstimator } from '../core/serialization';
import type { IncrementalEstimator, MatrixLike, Target } from '../core/types';
import { toMatrix, type RowMajor } from '../core/data/index';
import { handleZerosInScale } from './_scale';
import { nFeaturesIn, int, perFeature, numberArray, refine, upperBoundOf, type StateSchema } from '../core/stateSchema';

/** Options of {@link MinMaxScaler}. */
export interface MinMaxScalerOptions {
  /** The range [min, max] the training data are mapped to; min must be below max. @defaultValue [0, 1] */
  featureRange: [number, number];
  /** Clip transformed values to `featureRange` (values outside the training range would fall outside it). @defaultValue false */
  clip: boolean;
}

interface MinMaxScalerState {
  nFeaturesIn: number;
  nSamplesSeen: number;
  dataMin: Float64Array;
  dataMax: Float64Array;
  /** featureRange at fit time, so that a later setParams does not change what was learnt. */
  featureRange: [number, number];
}

/**
 * Scales each feature to a given range: x · scale + min, with scale = (max − min of the range) /
 * (max − min of the feature). Missing values (NaN) are ignored in fit and kept in transform; a
 * constant feature gets a data range of 1 (scikit-learn's `_handle_zeros_in_scale`), a feature
 * entirely missing at fit NaN statistics (and NaN output). `partialFit` updates the running
 * minimum and maximum batch by batch (a NaN statistic, as from an all-missing first batch, stays
 * NaN, as numpy's `minimum` does in scikit-learn).
 *
 * Fitted attributes: `min_`, `scale_`, `dataMin_`, `dataMax_`, `dataRange_`, `nSamplesSeen_`,
 * `nFeaturesIn_`.
 * @example
 * ```ts
 * import { MinMaxScaler } from 'typelearn';
 * const scaler = new MinMaxScaler().fit([[-1, 2], [-0.5, 6], [0, 10], [1, 18]]);
 * console.log(scaler.dataMin_, scaler.dataMax_); // [ -1, 2 ] [ 1, 18 ]
 * console.log(scaler.transform([[2, 2]]).to2DArray()); // [ [ 1.5, 0 ] ]
 * console.log(new MinMaxScaler({ clip: true }).fit([[0], [4]]).transform([[5]]).to2DArray()); // [ [ 1 ] ]
 * ```
 */
export class MinMaxScaler extends BaseTransformer<MinMaxScalerOptions, MinMaxScalerState> implements IncrementalEstimator {
  static override readonly className = 'MinMaxScaler';
  /** The fitted state's rules, checked when a saved model is loaded. */
  static override readonly stateSchema: StateSchema = {
    nFeaturesIn: nFeaturesIn(),
    nSamplesSeen: int({ min: 1 }),
    dataMin: perFeature({ allowNaN: true }),
    dataMax: upperBoundOf('dataMin'),
    featureRange: refine(numberArray({ length: 2 }), 'with min < max', (v: number[]) => v[0] < v[1]),
  };
  static override readonly defaults: MinMaxScalerOptions = { featureRange: [0, 1], clip: false };
  static override readonly paramSchema = { featureRange: arrayOf(num(), 2), clip: bool() };
  static override readonly tags = { allowNaN: true };

  /** Learns each feature's minimum and maximum, replacing anything learnt before. */
  fit(X: MatrixLike, _y?: Target): this {
    this.checkRange();
    const Xd = this.checkX(X, { reset: true });
    this.state = this.accumulate(undefined, Xd);
    return this;
  }

  /** Updates the minimum and maximum with one more batch (the first call fits from scratch). */
  partialFit(X: MatrixLike, _y?: Target): this {
    this.checkRange();
    const Xd = this.checkX(X);
    this.state = this.accumulate(this.state, Xd);
    return this;
  }

  private checkRange(): void {
    const [lo, hi] = this.params.featureRange;
    if (!(lo < hi)) {
      throw new ValidationError({ code: 'invalid_option', estimator: this.className, param: 'featureRange', expected: 'a pair [min, max] with min < max', received: `[${lo}, ${hi}]` });
    }
  }

  private accumulate(prev: MinMaxScalerState | undefined, X: RowMajor): MinMaxScalerState {
    const { data, rows, cols } = X;
    const lo = new Float64Array(cols).fill(Infinity);
    const hi = new Float64Array(cols).fill(-Infinity);
    for (let i = 0; i < rows; i++) {
      const off = i * cols;
      for (let j = 0; j < cols; j++) {
        const v = data[off + j];
        if (v < lo[j]) lo[j] = v;
        if (v > hi[j]) hi[j] = v;
      }
    }
    for (let j = 0; j < cols; j++) {
      // nanmin of an all-NaN column is NaN.
      if (lo[j] === Infinity) lo[j] = NaN;
      if (hi[j] === -Infinity) hi[j] = NaN;
      if (prev) {
        // np.minimum / np.maximum propagate NaN.
        lo[j] = Number.isNaN(prev.dataMin[j]) || Number.isNaN(lo[j]) ? NaN : Math.min(prev.dataMin[j], lo[j]);
        hi[j] = Number.isNaN(prev.dataMax[j]) || Number.isNaN(hi[j]) ? NaN : Math.max(prev.dataMax[j], hi[j]);
      }
    }
    const [a, b] = this.params.featureRange;
    return { nFeaturesIn: cols, nSamplesSeen: (prev?.nSamplesSeen ?? 0) + rows, dataMin: lo, dataMax: hi, featureRange: [a, b] };
  }

  private scaleAndMin(s: MinMaxScalerState): { scale: Float64Array; min: Float64Array } {
    const [a, b] = s.featureRange;
    const range = new Float64Array(s.nFeaturesIn);
    for (let j = 0; j < range.length; j++) range[j] = s.dataMax[j] - s.dataMin[j];
    handleZerosInScale(range);
    const scale = new Float64Array(range.length);
    const min = new Float64Array(range.length);
    for (let j = 0; j < range.length; j++) {
      scale[j] = (b - a) / range[j];
      min[j] = a - s.dataMin[j] * scale[j];
    }
    return { scale, min };
  }

  /** Scales X to the feature range; NaN stays NaN. */
  transform(X: MatrixLike): Matrix {
    const s = this.fitted('transform');
    const Xd = this.checkX(X);
    const { data, rows, cols } = Xd;
    const { scale, min } = this.scaleAndMin(s);
    const [a, b] = s.featureRange;
    const clip = this.params.clip;
    for (let i = 0; i < rows; i++) {
      const off = i * cols;
      for (let j = 0; j < cols; j++) {
        let v = data[off + j] * scale[j] + min[j];
        if (clip) v = v < a ? a : v > b ? b : v;
        data[off + j] = v;
      }
    }
    return toMatrix(Xd);
  }

  /** Maps scaled data back to the original units. */
  inverseTransform(X: MatrixLike): Matrix {
    const s = this.fitted('inverseTransform');
    const Xd = this.checkX(X);
    const { data, rows, cols } = Xd;
    const { scale, min } = this.scaleAndMin(s);
    for (let i = 0; i < rows; i++) {
      const off = i * cols;
      for (let j = 0; j < cols; j++) data[off + j] = (data[off + j] - min[j]) / scale[j];
    }
    return toMatrix(Xd);
  }

  /** Output feature names: the input names, one to one. */
  getFeatureNamesOut(inputFeatures?: string[]): string[] {
    return oneToOneFeatureNames(this.fitted('getFeatureNamesOut').nFeaturesIn, inputFeatures, undefined, this.className);
  }

  /** Per-feature adjustment: featureRange[0] − dataMin_ · scale_. */
  get min_(): number[] {
    return Array.from(this.scaleAndMin(this.fitted('min_')).min);
  }

  /** Per-feature scale: (featureRange[1] − featureRange[0]) / dataRange_ (a zero range counts as 1). */
  get scale_(): number[] {
    return Array.from(this.scaleAndMin(this.fitted('scale_')).scale);
  }

  /** Per-feature minimum seen (NaN ignored). */
  get dataMin_(): number[] {
    return Array.from(this.fitted('dataMin_').dataMin);
  }

  /** Per-feature maximum seen (NaN ignored). */
  get dataMax_(): number[] {
    return Array.from(this.fitted('dataMax_').dataMax);
  }

  /** Per-feature range dataMax_ − dataMin_. */
  get dataRange_(): number[] {
    const s = this.fitted('dataRange_');
    return Array.from(s.dataMax, (v, j) => v - s.dataMin[j]);
  }

  /** The number of samples seen (all batches). */
  get nSamplesSeen_(): number {
    return this.fitted('nSamplesSeen_').nSamplesSeen;
  }
}

registerEstimator(MinMaxScaler);
