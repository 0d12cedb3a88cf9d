import type { Matrix } from 'ml-matrix';
import { BaseTransformer, oneToOneFeatureNames } from '../core/base';
import { arrayOf, nullable, num, oneOf } from '../core/params';
import { registerEstimator } from '../core/serialization';
import type { MatrixLike, Target } from '../core/types';
import { toMatrix } from '../core/data/index';
import { percentileSorted } from '../core/math/percentileSorted';
import { sortedColumn } from './_quantile';
import { checkPercentileRange } from './_scale';
import { nFeaturesIn, perFeature, upperBoundOf, type StateSchema } from '../core/stateSchema';

/** Options of {@link OutlierClipper}. */
export interface OutlierClipperOptions {
  /**
   * `'iqr'`: clip to the fences Q_low − k·(Q_high − Q_low) and Q_high + k·(Q_high − Q_low) (Tukey's
   * fences with the default quartiles); `'quantile'`: clip to the percentiles Q_low and Q_high
   * themselves (winsorizing). @defaultValue 'iqr'
   */
  method: 'iqr' | 'quantile';
  /** The fence multiplier of `'iqr'` (ignored by `'quantile'`). @defaultValue 1.5 */
  k: number;
  /**
   * The percentiles [low, high] (0 ≤ low ≤ high ≤ 100); null means [25, 75] for `'iqr'` and
   * [5, 95] for `'quantile'`. @defaultValue null
   */
  quantileRange: [number, number] | null;
}

interface OutlierClipperState {
  nFeaturesIn: number;
  lower: Float64Array;
  upper: Float64Array;
}

/**
 * Clips each feature to bounds learnt at fit, taming outliers without dropping rows: Tukey's IQR
 * fences (`'iqr'`) or two percentiles (`'quantile'`). Percentiles are computed as numpy's
 * `nanpercentile` (linear interpolation), ignoring missing values. In transform, NaN passes
 * through untouched; a feature entirely missing at fit has NaN bounds and is passed through as
 * it is. Clipping cannot be undone, so there is no `inverseTransform`. (typelearn's own; scikit-learn
 * has no such transformer.)
 *
 * Fitted attributes: `lower_`, `upper_` (the bounds of each feature), `nFeaturesIn_`.
 * @example
 * ```ts
 * import { OutlierClipper } from 'typelearn';
 * const X = [[1], [2], [3], [4], [5], [6], [7], [8], [100]];
 * const clipper = new OutlierClipper().fit(X);
 * console.log(clipper.lower_, clipper.upper_); // [ -3 ] [ 13 ]
 * console.log(clipper.transform([[100], [-20], [4], [NaN]]).to2DArray()); // [ [ 13 ], [ -3 ], [ 4 ], [ NaN ] ]
 * ```
 */
export class OutlierClipper extends BaseTransformer<OutlierClipperOptions, OutlierClipperState> {
  static override readonly className = 'OutlierClipper';
  /** The fitted state's rules, checked when a saved model is loaded. */
  static override readonly stateSchema: StateSchema = { nFeaturesIn: nFeaturesIn(), lower: perFeature({ allowNaN: true }), upper: upperBoundOf('lower') };
  static override readonly defaults: OutlierClipperOptions = { method: 'iqr', k: 1.5, quantileRange: null };
  static override readonly paramSchema = {
    method: oneOf('iqr', 'quantile'),
    k: num({ min: 0 }),
    quantileRange: nullable(arrayOf(num({ min: 0, max: 100 }), 2)),
  };
  static override readonly tags = { allowNaN: true };

  /** Learns the clipping bounds of each feature, replacing anything learnt before. */
  fit(X: MatrixLike, _y?: Target): this {
    const { method, k } = this.params;
    const range = this.params.quantileRange ?? (method === 'iqr' ? [25, 75] : [5, 95]);
    checkPercentileRange(range, this.className);
    const { data, rows, cols } = this.checkX(X, { reset: true });
    const lower = new Float64Array(cols);
    const upper = new Float64Array(cols);
    const buf = new Float64Array(rows);
    for (let j = 0; j < cols; j++) {
      const n = sortedColumn(data, rows, cols, j, buf);
      const qLow = percentileSorted(buf, range[0], n);
      const qHigh = percentileSorted(buf, range[1], n);
      if (method === 'iqr') {
        const iqr = qHigh - qLow;
        lower[j] = qLow - k * iqr;
        upper[j] = qHigh + k * iqr;
      } else {
        lower[j] = qLow;
        upper[j] = qHigh;
      }
    }
    this.state = { nFeaturesIn: cols, lower, upper };
    return this;
  }

  /** Clips each feature to [lower_, upper_]; NaN stays NaN. */
  transform(X: MatrixLike): Matrix {
    const { lower, upper } = this.fitted('transform');
    const Xd = this.checkX(X);
    const { data, rows, cols } = Xd;
    for (let i = 0; i < rows; i++) {
      const off = i * cols;
      for (let j = 0; j < cols; j++) {
        const v = data[off + j];
        // Comparisons with NaN (a missing value or an unknown bound) are false: the value passes.
        if (v < lower[j]) data[off + j] = lower[j];
        else if (v > upper[j]) data[off + j] = upper[j];
      }
    }
    return toMatrix(Xd);
  }

  /** Output feature names: the input names, one to one. */
  getFeatureNamesOut(inputFeatures?: string[]): string[] {
    return oneToOneFeatureNames(this.fitted('getFeatureNamesOut').nFeaturesIn, inputFeatures, undefined, this.className);
  }

  /** The lower bound of each feature (NaN for a feature entirely missing at fit). */
  get lower_(): number[] {
    return Array.from(this.fitted('lower_').lower);
  }

  /** The upper bound of each feature (NaN for a feature entirely missing at fit). */
  get upper_(): number[] {
    return Array.from(this.fitted('upper_').upper);
  }
}

registerEstimator(OutlierClipper);
