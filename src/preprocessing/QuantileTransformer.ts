import type { Matrix } from 'ml-matrix';
import { BaseTransformer, oneToOneFeatureNames } from '../core/base';
import { ValidationError, TypelearnWarning, warn } from '../core/errors';
import { int, oneOf, randomStateSpec } from '../core/params';
import { checkRandomState } from '../core/random';
import { registerEstimator } from '../core/serialization';
import type { MatrixLike, Target } from '../core/types';
import { toMatrix } from '../core/data/index';
import { normCdf } from '../core/math/normCdf';
import { normPpf } from '../core/math/normPpf';
import { percentileSorted } from '../core/math/percentileSorted';
import { interp, linspace } from './_quantile';
import { nFeaturesIn, float64Array, refine, type StateSchema } from '../core/stateSchema';

/** Options of {@link QuantileTransformer}. */
export interface QuantileTransformerOptions {
  /** The number of quantiles learnt per feature (capped at the number of samples). @defaultValue 1000 */
  nQuantiles: number;
  /** The output distribution: `'uniform'` on [0, 1] or standard `'normal'`. @defaultValue 'uniform' */
  outputDistribution: 'uniform' | 'normal';
  /**
   * The most samples used to estimate the quantiles of each feature; above it, a random subset
   * of this size (drawn per feature from `randomState`) is used. @defaultValue 100000
   */
  subsample: number;
  /** Seed of the subsampling (null: a fresh seed). @defaultValue null */
  randomState: number | null;
}

interface QuantileTransformerState {
  nFeaturesIn: number;
  nQuantiles: number;
  outputDistribution: 'uniform' | 'normal';
  /** nQuantiles × nFeatures, row-major. */
  quantiles: Float64Array;
  references: Float64Array;
}

/** scikit-learn's BOUNDS_THRESHOLD: how close to the ends a value counts as at the end. */
const BOUNDS = 1e-7;

/**
 * Maps each feature through its empirical CDF to a uniform or normal distribution, so that
 * outliers and skew lose their grip. The quantiles are learnt at fit as numpy's `nanpercentile`
 * at `nQuantiles` evenly spaced levels; transform interpolates between them exactly as
 * scikit-learn (the mean of an interpolation on increasing and one on decreasing values, so that
 * repeated quantiles map to the middle of their range), sets values at or beyond the training
 * extremes to 0 and 1, and for normal output clips to Φ⁻¹(1e-7 − ε) and Φ⁻¹(1 − (1e-7 − ε)).
 * Missing values (NaN) are ignored in fit and kept in transform; a feature entirely missing at
 * fit has NaN quantiles and transforms to NaN.
 *
 * Subsampling (more than `subsample` rows) uses typelearn's generator, whose draws differ from
 * numpy's, so the learnt quantiles then differ from scikit-learn's (they agree otherwise).
 *
 * Fitted attributes: `quantiles_` (nQuantiles_ rows × nFeatures), `references_`, `nQuantiles_`,
 * `nFeaturesIn_`.
 * @example
 * ```ts
 * import { QuantileTransformer } from 'typelearn';
 * const X = [[1], [2], [3], [10], [100]];
 * const qt = new QuantileTransformer({ nQuantiles: 5 }).fit(X);
 * console.log(qt.transform([[2], [6.5], [1000]]).to2DArray()); // [ [ 0.25 ], [ 0.625 ], [ 1 ] ]
 * console.log(qt.inverseTransform([[0.625]]).to2DArray()); // [ [ 6.5 ] ]
 * ```
 */
export class QuantileTransformer extends BaseTransformer<QuantileTransformerOptions, QuantileTransformerState> {
  static override readonly className = 'QuantileTransformer';
  /** The fitted state's rules, checked when a saved model is loaded. */
  static override readonly stateSchema: StateSchema = {
    nFeaturesIn: nFeaturesIn(),
    nQuantiles: int({ min: 1 }),
    outputDistribution: oneOf('uniform', 'normal'),
    // NaN for a feature entirely missing at fit.
    quantiles: refine(
      float64Array({ length: (c) => (c.state.nQuantiles as number) * (c.state.nFeaturesIn as number), allowNaN: true }),
      'non-decreasing down each feature',
      (v: Float64Array, { state }) => {
        const d = state.nFeaturesIn as number;
        for (let i = d; i < v.length; i++) if (v[i] < v[i - d]) return false;
        return true;
      },
    ),
    references: refine(float64Array({ length: (c) => c.state.nQuantiles as number, min: 0, max: 1 }), 'ascending', (v: Float64Array) => v.every((x, i) => i === 0 || x > v[i - 1])),
  };
  static override readonly defaults: QuantileTransformerOptions = { nQuantiles: 1000, outputDistribution: 'uniform', subsample: 100000, randomState: null };
  static override readonly paramSchema = {
    nQuantiles: int({ min: 1 }),
    outputDistribution: oneOf('uniform', 'normal'),
    subsample: int({ min: 1 }),
    randomState: randomStateSpec,
  };
  static override readonly tags = { allowNaN: true };

  /** Learns the quantiles of each feature, replacing anything learnt before. */
  fit(X: MatrixLike, _y?: Target): this {
    const { nQuantiles, subsample, randomState, outputDistribution } = this.params;
    if (nQuantiles > subsample) {
      throw new ValidationError({
        code: 'invalid_option',
        estimator: this.className,
        param: 'nQuantiles',
        expected: `at most subsample (${subsample}): the number of quantiles cannot be greater than the number of samples used`,
        received: String(nQuantiles),
      });
    }
    const { data, rows, cols } = this.checkX(X, { reset: true });
    if (nQuantiles > rows) {
      warn(new TypelearnWarning(`n_quantiles (${nQuantiles}) is greater than the total number of samples (${rows}). nQuantiles is set to the number of samples.`, this.className));
    }
    const nq = Math.max(1, Math.min(nQuantiles, rows));
    const references = linspace(0, 1, nq);
    // scikit-learn asks numpy for the percentiles references·100 (numpy then divides by 100).
    const percents = references.map((r) => r * 100);
    const quantiles = new Float64Array(nq * cols);
    const rng = subsample < rows ? checkRandomState(randomState) : undefined;
    const buf = new Float64Array(rows);
    for (let j = 0; j < cols; j++) {
      let n = 0;
      if (rng) {
        const idx = rng.permutation(rows);
        for (let k = 0; k < subsample; k++) {
          const v = data[idx[k] * cols + j];
          if (v === v) buf[n++] = v;
        }
      } else {
        for (let i = 0; i < rows; i++) {
          const v = data[i * cols + j];
          if (v === v) buf[n++] = v;
        }
      }
      const sorted = buf.subarray(0, n).sort();
      let prev = -Infinity;
      for (let q = 0; q < nq; q++) {
        let v = percentileSorted(sorted, percents[q], n);
        // np.maximum.accumulate: keep the quantiles non-decreasing (NaN propagates).
        if (prev !== prev || v < prev) v = prev !== prev ? NaN : Math.max(prev, v);
        quantiles[q * cols + j] = v;
        prev = v;
      }
    }
    this.state = { nFeaturesIn: cols, nQuantiles: nq, outputDistribution, quantiles, references };
    return this;
  }

  private column(s: QuantileTransformerState, j: number): Float64Array {
    const q = new Float64Array(s.nQuantiles);
    for (let k = 0; k < q.length; k++) q[k] = s.quantiles[k * s.nFeaturesIn + j];
    return q;
  }

  /** Maps X to the output distribution; NaN stays NaN. */
  transform(X: MatrixLike): Matrix {
    const s = this.fitted('transform');
    const Xd = this.checkX(X);
    const { data, rows, cols } = Xd;
    const normal = s.outputDistribution === 'normal';
    const refs = s.references;
    const nq = s.nQuantiles;
    const negRefsRev = new Float64Array(nq);
    for (let k = 0; k < nq; k++) negRefsRev[k] = -refs[nq - 1 - k];
    const clipMin = normPpf(BOUNDS - Number.EPSILON);
    const clipMax = normPpf(1 - (BOUNDS - Number.EPSILON));
    for (let j = 0; j < cols; j++) {
      const q = this.column(s, j);
      const negQRev = new Float64Array(nq);
      for (let k = 0; k < nq; k++) negQRev[k] = -q[nq - 1 - k];
      const lo = q[0];
      const hi = q[nq - 1];
      const unknown = lo !== lo; // a feature entirely missing at fit: NaN out, as scikit-learn
      for (let i = 0; i < rows; i++) {
        const k = i * cols + j;
        const x = data[k];
        if (unknown) data[k] = NaN;
        if (x !== x || unknown) continue;
        let y = 0.5 * (interp(x, q, refs) - interp(-x, negQRev, negRefsRev));
        if (normal ? x + BOUNDS > hi : x === hi) y = 1;
        if (normal ? x - BOUNDS < lo : x === lo) y = 0;
        if (normal) {
          y = normPpf(y);
          y = y < clipMin ? clipMin : y > clipMax ? clipMax : y;
        }
        data[k] = y;
      }
    }
    return toMatrix(Xd);
  }

  /** Maps values of the output distribution back to the original units. */
  inverseTransform(X: MatrixLike): Matrix {
    const s = this.fitted('inverseTransform');
    const Xd = this.checkX(X);
    const { data, rows, cols } = Xd;
    const normal = s.outputDistribution === 'normal';
    for (let j = 0; j < cols; j++) {
      const q = this.column(s, j);
      const lo = q[0];
      const hi = q[q.length - 1];
      const unknown = lo !== lo;
      for (let i = 0; i < rows; i++) {
        const k = i * cols + j;
        let u = data[k];
        if (unknown) data[k] = NaN;
        if (u !== u || unknown) continue;
        if (normal) u = normCdf(u);
        let y = interp(u, s.references, q);
        if (normal ? u + BOUNDS > 1 : u === 1) y = hi;
        if (normal ? u - BOUNDS < 0 : u === 0) y = lo;
        data[k] = y;
      }
    }
    return toMatrix(Xd);
  }

  /** Output feature names: the input names, one to one. */
  getFeatureNamesOut(inputFeatures?: string[]): string[] {
    return oneToOneFeatureNames(this.fitted('getFeatureNamesOut').nFeaturesIn, inputFeatures, undefined, this.className);
  }

  /** The learnt quantiles: nQuantiles_ rows, one column per feature. */
  get quantiles_(): number[][] {
    const s = this.fitted('quantiles_');
    return Array.from({ length: s.nQuantiles }, (_, k) => Array.from(s.quantiles.subarray(k * s.nFeaturesIn, (k + 1) * s.nFeaturesIn)));
  }

  /** The quantile levels, evenly spaced on [0, 1]. */
  get references_(): number[] {
    return Array.from(this.fitted('references_').references);
  }

  /** The number of quantiles actually used (nQuantiles capped at the number of samples). */
  get nQuantiles_(): number {
    return this.fitted('nQuantiles_').nQuantiles;
  }
}

registerEstimator(QuantileTransformer);
