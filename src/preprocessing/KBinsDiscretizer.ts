import type { Matrix } from 'ml-matrix';
import { BaseTransformer, oneToOneFeatureNames } from '../core/base';
import { TypelearnWarning, ValidationError, describeValue, warn } from '../core/errors';
import { arrayOf, int, nullable, oneOf, union, randomStateSpec } from '../core/params';
import { MAX_COUNT, checkSize } from '../core/sizes';
import { checkRandomState } from '../core/random';
import { registerEstimator } from '../core/serialization';
import type { MatrixLike, Target } from '../core/types';
import { matrixFromFlat } from '../core/data/index';
import { kmeans1d } from '../core/math/kmeans1d';
import { percentileSorted } from '../core/math/percentileSorted';
import { linspace } from './_quantile';
import { nFeaturesIn, numberArray, listOf, float64Array, refine, type StateSchema } from '../core/stateSchema';

/** Options of {@link KBinsDiscretizer}. */
export interface KBinsDiscretizerOptions {
  /** The number of bins (≥ 2), one for all features or one per feature. @defaultValue 5 */
  nBins: number | number[];
  /**
   * `'onehot'` / `'onehot-dense'`: one 0/1 column per bin of each feature (typelearn's output is
   * always a dense Matrix, so both give the same result); `'ordinal'`: the bin index.
   * @defaultValue 'onehot'
   */
  encode: 'onehot' | 'onehot-dense' | 'ordinal';
  /**
   * How bin edges are chosen: `'uniform'` (equal widths), `'quantile'` (equal counts, the
   * percentiles as numpy computes them) or `'kmeans'` (edges midway between the centers of a 1-d
   * k-means started from the uniform bins' centers). @defaultValue 'quantile'
   */
  strategy: 'uniform' | 'quantile' | 'kmeans';
  /**
   * With `'quantile'`, the most samples used to compute the quantiles (a random subset above it);
   * null uses every sample (scikit-learn 1.2's behaviour). Only valid with `'quantile'`.
   * @defaultValue null
   */
  subsample: number | null;
  /** Seed of the subsampling (null: a fresh seed). @defaultValue null */
  randomState: number | null;
}

interface KBinsDiscretizerState {
  nFeaturesIn: number;
  encode: KBinsDiscretizerOptions['encode'];
  binEdges: Float64Array[];
  nBins: number[];
}

/**
 * Bins continuous features into intervals. Bin edges per feature come from equal widths, equal
 * counts (quantiles) or 1-d k-means; bins narrower than 1e-8 are merged away (with a warning) and
 * a constant feature gets one bin (−∞, ∞), as in scikit-learn. A value goes to the bin i with
 * edge[i] ≤ value < edge[i + 1] (values beyond the training range go to the first or last bin).
 * Missing values are rejected, as in scikit-learn.
 *
 * The output is always dense, so `'onehot'` and `'onehot-dense'` produce the same Matrix; their
 * feature names are `x0_0`, `x0_1`, … as scikit-learn's. Subsampling (`subsample` below the number
 * of rows) draws with typelearn's generator, so it picks other rows than numpy would.
 *
 * Fitted attributes: `binEdges_` (one array of edges per feature), `nBins_`, `nFeaturesIn_`.
 * @example
 * ```ts
 * import { KBinsDiscretizer } from 'typelearn';
 * const X = [[-2, 1, -4, -1], [-1, 2, -3, -0.5], [0, 3, -2, 0.5], [1, 4, -1, 2]];
 * const est = new KBinsDiscretizer({ nBins: 3, encode: 'ordinal', strategy: 'uniform' }).fit(X);
 * console.log(est.transform(X).to2DArray()); // [ [ 0, 0, 0, 0 ], [ 1, 1, 1, 0 ], [ 2, 2, 2, 1 ], [ 2, 2, 2, 2 ] ]
 * console.log(est.binEdges_[0]); // [ -2, -1, 0, 1 ]
 * console.log(est.inverseTransform([[0, 1, 2, 1]]).to2DArray()); // [ [ -1.5, 2.5, -1.5, 0.5 ] ]
 * ```
 */
export class KBinsDiscretizer extends BaseTransformer<KBinsDiscretizerOptions, KBinsDiscretizerState> {
  static override readonly className = 'KBinsDiscretizer';
  /** The fitted state's rules, checked when a saved model is loaded. */
  static override readonly stateSchema: StateSchema = {
    nFeaturesIn: nFeaturesIn(),
    encode: oneOf('onehot', 'onehot-dense', 'ordinal'),
    nBins: numberArray({ length: 'nFeaturesIn', integer: true, min: 1 }),
    // A constant feature has the edges [-Infinity, Infinity].
    binEdges: refine(
      listOf(float64Array({ allowInfinity: true }), { length: 'nFeaturesIn' }),
      'each of nBins + 1 ascending edges',
      (v: Float64Array[], { state }) => v.every((e, j) => e.length === (state.nBins as number[])[j] + 1 && e.every((x, i) => i === 0 || x >= e[i - 1])),
    ),
  };
  static override readonly defaults: KBinsDiscretizerOptions = { nBins: 5, encode: 'onehot', strategy: 'quantile', subsample: null, randomState: null };
  static override readonly paramSchema = {
    nBins: union(int({ min: 2, max: MAX_COUNT }), arrayOf(int({ min: 2, max: MAX_COUNT }))),
    encode: oneOf('onehot', 'onehot-dense', 'ordinal'),
    strategy: oneOf('uniform', 'quantile', 'kmeans'),
    subsample: nullable(int({ min: 1 })),
    randomState: randomStateSpec,
  };

  private fail(param: string, expected: string, received: string, code: 'invalid_option' | 'invalid_input' = 'invalid_option'): never {
    throw new ValidationError({ code, estimator: this.className, param, expected, received });
  }

  /** Learns the bin edges of each feature, replacing anything learnt before. */
  fit(X: MatrixLike, _y?: Target): this {
    const { nBins, strategy, subsample, randomState, encode } = this.params;
    if (subsample !== null && strategy !== 'quantile') this.fail('subsample', "null unless strategy is 'quantile'", String(subsample));
    const Xd = this.checkX(X, { reset: true });
    let { data, rows } = Xd;
    const cols = Xd.cols;
    if (Array.isArray(nBins) && nBins.length !== cols) this.fail('nBins', `a number or an array of ${cols} numbers (one per feature)`, describeValue(nBins));
    if (strategy === 'quantile' && subsample !== null && rows > subsample) {
      const idx = checkRandomState(randomState).permutation(rows).slice(0, subsample);
      const sub = new Float64Array(subsample * cols);
      for (let k = 0; k < subsample; k++) sub.set(data.subarray(idx[k] * cols, (idx[k] + 1) * cols), k * cols);
      data = sub;
      rows = subsample;
    }
    const counts = Array.from({ length: cols }, (_, j) => (Array.isArray(nBins) ? nBins[j] : nBins));
    checkSize(counts.reduce((a, b) => a + b + 1, 0), { estimator: this.className, param: 'nBins', what: `bin edges (over ${cols} features)` });
    const binEdges: Float64Array[] = [];
    const column = new Float64Array(rows);
    for (let j = 0; j < cols; j++) {
      let lo = Infinity;
      let hi = -Infinity;
      for (let i = 0; i < rows; i++) {
        const v = data[i * cols + j];
        column[i] = v;
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
      if (lo === hi) {
        warn(new TypelearnWarning(`Feature ${j} is constant and will be replaced with 0.`, this.className));
        counts[j] = 1;
        binEdges.push(Float64Array.from([-Infinity, Infinity]));
        continue;
      }
      const k = counts[j];
      let edges: Float64Array;
      if (strategy === 'uniform') {
        edges = linspace(lo, hi, k + 1);
      } else if (strategy === 'quantile') {
        const sorted = column.slice().sort();
        edges = linspace(0, 100, k + 1).map((q) => percentileSorted(sorted, q));
      } else {
        const uniform = linspace(lo, hi, k + 1);
        const init = new Float64Array(k);
        for (let c = 0; c < k; c++) init[c] = (uniform[c + 1] + uniform[c]) * 0.5;
        const centers = kmeans1d(column, init).sort();
        edges = new Float64Array(k + 1);
        edges[0] = lo;
        for (let c = 0; c < k - 1; c++) edges[c + 1] = (centers[c + 1] + centers[c]) * 0.5;
        edges[k] = hi;
      }
      if (strategy !== 'uniform') {
        // Drop edges closer than 1e-8 to the previous one (always keeping the first).
        const kept: number[] = [edges[0]];
        for (let e = 1; e < edges.length; e++) if (edges[e] - edges[e - 1] > 1e-8) kept.push(edges[e]);
        if (kept.length - 1 !== k) {
          warn(new TypelearnWarning(`Bins whose width are too small (i.e., <= 1e-8) in feature ${j} are removed. Consider decreasing the number of bins.`, this.className));
          counts[j] = kept.length - 1;
          edges = Float64Array.from(kept);
        }
      }
      binEdges.push(edges);
    }
    this.state = { nFeaturesIn: cols, encode, binEdges, nBins: counts };
    return this;
  }

  /** The bin index of each value, one-hot encoded unless `encode` is 'ordinal'. */
  transform(X: MatrixLike): Matrix {
    const s = this.fitted('transform');
    const { data, rows, cols } = this.checkX(X);
    const onehot = s.encode !== 'ordinal';
    const width = onehot ? s.nBins.reduce((a, b) => a + b, 0) : cols;
    checkSize(rows * width, { estimator: this.className, param: 'X', input: true, what: `output elements (${rows} rows × ${width} one-hot columns)` });
    const out = new Float64Array(rows * width);
    let base = 0;
    for (let j = 0; j < cols; j++) {
      const edges = s.binEdges[j];
      const inner = edges.length - 2;
      for (let i = 0; i < rows; i++) {
        const v = data[i * cols + j];
        // searchsorted(edges[1:-1], v, side='right'): the number of inner edges <= v.
        let a = 0;
        let b = inner;
        while (a < b) {
          const mid = (a + b) >>> 1;
          if (edges[mid + 1] <= v) a = mid + 1;
          else b = mid;
        }
        if (onehot) out[i * width + base + a] = 1;
        else out[i * width + j] = a;
      }
      base += s.nBins[j];
    }
    return matrixFromFlat(out, rows, width);
  }

  /** Maps bin indices (or one-hot rows) to the centers of the bins. */
  inverseTransform(X: MatrixLike): Matrix {
    const s = this.fitted('inverseTransform');
    const nf = s.nFeaturesIn;
    const onehot = s.encode !== 'ordinal';
    const width = onehot ? s.nBins.reduce((a, b) => a + b, 0) : nf;
    const { data, rows } = this.checkX(X, { nFeatures: width });
    const out = new Float64Array(rows * nf);
    for (let i = 0; i < rows; i++) {
      let base = 0;
      for (let j = 0; j < nf; j++) {
        let bin: number;
        if (onehot) {
          // The first largest entry of the feature's block, as OneHotEncoder's argmax.
          bin = 0;
          for (let c = 1; c < s.nBins[j]; c++) if (data[i * width + base + c] > data[i * width + base + bin]) bin = c;
          if (data[i * width + base + bin] === 0) this.fail('X', `a one-hot row with a 1 in every feature's block`, `row ${i} with no 1 for feature ${j}`, 'invalid_input');
          base += s.nBins[j];
        } else {
          const v = data[i * width + j];
          bin = Math.trunc(v);
          if (!(bin >= 0 && bin < s.nBins[j])) this.fail('X', `bin indices in [0, ${s.nBins[j] - 1}] for feature ${j}`, `${v} at row ${i}`, 'invalid_input');
        }
        const e = s.binEdges[j];
        out[i * nf + j] = (e[bin + 1] + e[bin]) * 0.5;
      }
    }
    return matrixFromFlat(out, rows, nf);
  }

  /** Output feature names: `x0_0`, `x0_1`, … per bin for one-hot encoding, the input names for ordinal. */
  getFeatureNamesOut(inputFeatures?: string[]): string[] {
    const s = this.fitted('getFeatureNamesOut');
    const names = oneToOneFeatureNames(s.nFeaturesIn, inputFeatures, undefined, this.className);
    if (s.encode === 'ordinal') return names;
    const out: string[] = [];
    names.forEach((name, j) => {
      for (let c = 0; c < s.nBins[j]; c++) out.push(`${name}_${c}.0`);
    });
    return out;
  }

  /** The bin edges of each feature (nBins_[j] + 1 values, ascending). */
  get binEdges_(): number[][] {
    return this.fitted('binEdges_').binEdges.map((e) => Array.from(e));
  }

  /** The number of bins of each feature (after merging too-narrow bins; 1 for a constant feature). */
  get nBins_(): number[] {
    return this.fitted('nBins_').nBins.slice();
  }
}

registerEstimator(KBinsDiscretizer);
