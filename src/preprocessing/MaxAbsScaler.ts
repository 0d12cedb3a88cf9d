import type { Matrix } from 'ml-matrix';
import { BaseTransformer, oneToOneFeatureNames } from '../core/base';
import { registerEstimator } from '../core/serialization';
import type { IncrementalEstimator, MatrixLike, Target } from '../core/types';
import { toMatrix, type RowMajor } from '../core/data/index';
import { handleZerosInScale } from './_scale';
import { nFeaturesIn, int, perFeature, type StateSchema } from '../core/stateSchema';

/** Options of {@link MaxAbsScaler}: none. */
export type MaxAbsScalerOptions = object;

interface MaxAbsScalerState {
  nFeaturesIn: number;
  nSamplesSeen: number;
  maxAbs: Float64Array;
}

/**
 * Scales each feature by its maximum absolute value, so that the training data fall in [−1, 1]
 * without shifting them (zeros stay zeros). Missing values (NaN) are ignored in fit and kept in
 * transform; an all-zero feature gets scale 1, a feature entirely missing at fit a NaN scale.
 * `partialFit` updates the running maximum batch by batch.
 *
 * Fitted attributes: `maxAbs_`, `scale_`, `nSamplesSeen_`, `nFeaturesIn_`.
 * @example
 * ```ts
 * import { MaxAbsScaler } from 'typelearn';
 * const scaler = new MaxAbsScaler().fit([[1, -1, 2], [2, 0, 0], [0, 1, -1]]);
 * console.log(scaler.maxAbs_); // [ 2, 1, 2 ]
 * console.log(scaler.transform([[1, -1, 2]]).to2DArray()); // [ [ 0.5, -1, 1 ] ]
 * ```
 */
export class MaxAbsScaler extends BaseTransformer<MaxAbsScalerOptions, MaxAbsScalerState> implements IncrementalEstimator {
  static override readonly className = 'MaxAbsScaler';
  /** The fitted state's rules, checked when a saved model is loaded. */
  static override readonly stateSchema: StateSchema = { nFeaturesIn: nFeaturesIn(), nSamplesSeen: int({ min: 1 }), maxAbs: perFeature({ min: 0, allowNaN: true }) };
  static override readonly defaults: MaxAbsScalerOptions = {};
  static override readonly tags = { allowNaN: true };

  /** Learns each feature's maximum absolute value, replacing anything learnt before. */
  fit(X: MatrixLike, _y?: Target): this {
    this.state = this.accumulate(undefined, this.checkX(X, { reset: true }));
    return this;
  }

  /** Updates the maximum absolute values with one more batch (the first call fits from scratch). */
  partialFit(X: MatrixLike, _y?: Target): this {
    this.state = this.accumulate(this.state, this.checkX(X));
    return this;
  }

  private accumulate(prev: MaxAbsScalerState | undefined, X: RowMajor): MaxAbsScalerState {
    const { data, rows, cols } = X;
    const m = new Float64Array(cols).fill(-Infinity);
    for (let i = 0; i < rows; i++) {
      const off = i * cols;
      for (let j = 0; j < cols; j++) {
        const v = Math.abs(data[off + j]);
        if (v > m[j]) m[j] = v;
      }
    }
    for (let j = 0; j < cols; j++) {
      if (m[j] === -Infinity) m[j] = NaN;
      if (prev) m[j] = Number.isNaN(prev.maxAbs[j]) || Number.isNaN(m[j]) ? NaN : Math.max(prev.maxAbs[j], m[j]);
    }
    return { nFeaturesIn: cols, nSamplesSeen: (prev?.nSamplesSeen ?? 0) + rows, maxAbs: m };
  }

  private scale(s: MaxAbsScalerState): Float64Array {
    return handleZerosInScale(s.maxAbs.slice());
  }

  /** Divides each feature by its scale; NaN stays NaN. */
  transform(X: MatrixLike): Matrix {
    const s = this.fitted('transform');
    const Xd = this.checkX(X);
    const { data, rows, cols } = Xd;
    const scale = this.scale(s);
    for (let i = 0; i < rows; i++) {
      const off = i * cols;
      for (let j = 0; j < cols; j++) data[off + j] /= scale[j];
    }
    return toMatrix(Xd);
  }

  /** Multiplies each feature back by its scale. */
  inverseTransform(X: MatrixLike): Matrix {
    const s = this.fitted('inverseTransform');
    const Xd = this.checkX(X);
    const { data, rows, cols } = Xd;
    const scale = this.scale(s);
    for (let i = 0; i < rows; i++) {
      const off = i * cols;
      for (let j = 0; j < cols; j++) data[off + j] *= scale[j];
    }
    return toMatrix(Xd);
  }

  /** Output feature names: the input names, one to one. */
  getFeatureNamesOut(inputFeatures?: string[]): string[] {
    return oneToOneFeatureNames(this.fitted('getFeatureNamesOut').nFeaturesIn, inputFeatures, undefined, this.className);
  }

  /** Per-feature maximum absolute value seen (NaN ignored). */
  get maxAbs_(): number[] {
    return Array.from(this.fitted('maxAbs_').maxAbs);
  }

  /** Per-feature scale: maxAbs_ with zeros replaced by 1. */
  get scale_(): number[] {
    return Array.from(this.scale(this.fitted('scale_')));
  }

  /** The number of samples seen (all batches). */
  get nSamplesSeen_(): number {
    return this.fitted('nSamplesSeen_').nSamplesSeen;
  }
}

registerEstimator(MaxAbsScaler);
