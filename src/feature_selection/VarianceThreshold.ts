import { ValidationError } from '../core/errors';
import { nanColumnMoments } from '../core/math/nanColumnMoments';
import { num } from '../core/params';
import { registerEstimator } from '../core/serialization';
import type { MatrixLike, Target } from '../core/types';
import { BaseSelector, selectorStateSchema, type SelectorState } from './BaseSelector';
import { perFeature, refine, type StateSchema } from '../core/stateSchema';

/** Options of {@link VarianceThreshold}. */
export interface VarianceThresholdOptions {
  /** Features whose (population) variance is at most this are dropped. @defaultValue 0 */
  threshold: number;
}

interface VarianceThresholdState extends SelectorState {
  variances: Float64Array;
}

/**
 * Drops features whose variance does not exceed a threshold; by default, the constant features.
 * Unsupervised (y is ignored). Missing values (NaN) are ignored, as numpy's `nanvar`; with the
 * default threshold 0, a feature's "variance" is the smaller of its variance and its range, so
 * that rounding never keeps a constant feature (as in scikit-learn). Throws a `ValidationError`
 * when no feature passes.
 *
 * Fitted attributes: `variances_`, `nFeaturesIn_`; `getSupport()`.
 * @example
 * ```ts
 * import { VarianceThreshold } from 'typelearn';
 * const X = [[0, 2, 0, 3], [0, 1, 4, 3], [0, 1, 1, 3]];
 * const sel = new VarianceThreshold().fit(X);
 * console.log(sel.getSupport()); // [ false, true, true, false ]
 * console.log(sel.transform(X).to2DArray()); // [ [ 2, 0 ], [ 1, 4 ], [ 1, 1 ] ]
 * ```
 */
export class VarianceThreshold extends BaseSelector<VarianceThresholdOptions, VarianceThresholdState> {
  static override readonly className = 'VarianceThreshold';
  /** The fitted state's rules, checked when a saved model is loaded. */
  static override readonly stateSchema: StateSchema = {
    nFeaturesIn: selectorStateSchema.nFeaturesIn,
    // NaN for a feature entirely missing at fit.
    variances: perFeature({ allowNaN: true, min: 0 }),
    support: refine(selectorStateSchema.support, 'true exactly where the variance exceeds the threshold', (v: boolean[], { state, params }) =>
      v.every((kept, j) => kept === (state.variances as Float64Array)[j] > (params.threshold as number)),
    ),
  };
  static override readonly defaults: VarianceThresholdOptions = { threshold: 0 };
  static override readonly paramSchema = { threshold: num({ min: 0 }) };
  static override readonly tags = { allowNaN: true };

  /** Learns each feature's variance and keeps those above the threshold. */
  fit(X: MatrixLike, _y?: Target): this {
    const { data, rows: n, cols: d } = this.checkX(X, { reset: true });
    const { threshold } = this.params;
    // numpy's nanvar: the plain two-pass m2 / count, without scikit-learn's rounding correction.
    const { count, m2 } = nanColumnMoments(data, n, d);
    const variances = new Float64Array(d);
    for (let j = 0; j < d; j++) variances[j] = count[j] > 0 ? m2[j] / count[j] : NaN;
    if (threshold === 0) {
      // At threshold 0 a feature's variance is capped by its range (numpy's ptp), so that rounding
      // never keeps a constant feature. NaN cells fail both comparisons below; ptp is NaN for a
      // column with a missing value (count < n), so nanmin keeps the variance there.
      const min = new Float64Array(d).fill(Infinity);
      const max = new Float64Array(d).fill(-Infinity);
      for (let i = 0; i < n; i++) {
        const off = i * d;
        for (let j = 0; j < d; j++) {
          const v = data[off + j];
          if (v < min[j]) min[j] = v;
          if (v > max[j]) max[j] = v;
        }
      }
      for (let j = 0; j < d; j++) if (count[j] === n && !(variances[j] <= max[j] - min[j])) variances[j] = max[j] - min[j];
    }
    const support = Array.from(variances, (v) => v > threshold);
    if (!support.some(Boolean)) {
      throw new ValidationError({
        code: 'invalid_input',
        estimator: this.className,
        param: 'X',
        message: `No feature in X meets the variance threshold ${threshold.toFixed(5)}${n === 1 ? ' (X contains only one sample)' : ''}.`,
      });
    }
    this.state = { nFeaturesIn: d, support, variances };
    return this;
  }

  /** Each feature's variance (NaN for an all-missing feature). */
  get variances_(): number[] {
    return Array.from(this.fitted('variances_').variances);
  }
}

registerEstimator(VarianceThreshold);
