import type { Matrix } from 'ml-matrix';
import { BaseTransformer, oneToOneFeatureNames } from '../core/base';
import { oneOf } from '../core/params';
import { registerEstimator } from '../core/serialization';
import type { MatrixLike, Target } from '../core/types';
import { toMatrix } from '../core/data/index';
import { nFeaturesIn, type StateSchema } from '../core/stateSchema';

/** Options of {@link Normalizer}. */
export interface NormalizerOptions {
  /** The norm each row is divided by: `'l1'` (sum of absolute values), `'l2'` (Euclidean) or `'max'` (largest absolute value). @defaultValue 'l2' */
  norm: 'l1' | 'l2' | 'max';
}

interface NormalizerState {
  nFeaturesIn: number;
}

/**
 * Rescales each sample (row) to unit norm, independently of the others. Nothing is learnt: `fit`
 * only validates X and records the number of features (scikit-learn's Normalizer can transform
 * without fit; typelearn's, like every estimator, needs fit first). A row of norm 0 (below 10·ε) is left as
 * it is. Missing values are rejected, as in scikit-learn.
 *
 * Fitted attributes: `nFeaturesIn_`.
 * @example
 * ```ts
 * import { Normalizer } from 'typelearn';
 * const X = [[3, 4], [1, -1], [0, 0]];
 * console.log(new Normalizer().fitTransform(X).to2DArray()); // [ [ 0.6, 0.8 ], [ 0.7071067811865475, -0.7071067811865475 ], [ 0, 0 ] ]
 * console.log(new Normalizer({ norm: 'l1' }).fitTransform([[3, 1]]).to2DArray()); // [ [ 0.75, 0.25 ] ]
 * ```
 */
export class Normalizer extends BaseTransformer<NormalizerOptions, NormalizerState> {
  static override readonly className = 'Normalizer';
  /** The fitted state's rules, checked when a saved model is loaded. */
  static override readonly stateSchema: StateSchema = { nFeaturesIn: nFeaturesIn() };
  static override readonly defaults: NormalizerOptions = { norm: 'l2' };
  static override readonly paramSchema = { norm: oneOf('l1', 'l2', 'max') };

  /** Validates X and records its number of features. */
  fit(X: MatrixLike, _y?: Target): this {
    const { cols } = this.checkX(X, { reset: true });
    this.state = { nFeaturesIn: cols };
    return this;
  }

  /** Divides each row by its norm. */
  transform(X: MatrixLike): Matrix {
    this.fitted('transform');
    const Xd = this.checkX(X);
    const { data, rows, cols } = Xd;
    const norm = this.params.norm;
    for (let i = 0; i < rows; i++) {
      const off = i * cols;
      let s = 0;
      for (let j = 0; j < cols; j++) {
        const v = data[off + j];
        if (norm === 'l1') s += Math.abs(v);
        else if (norm === 'l2') s += v * v;
        else if (Math.abs(v) > s) s = Math.abs(v);
      }
      if (norm === 'l2') s = Math.sqrt(s);
      // Finite values whose sum or sum of squares overflows (1e200 squared): the same norm, computed
      // on the row divided by its largest magnitude, then scaled back.
      if (s === Infinity && norm !== 'max') {
        scaledNormalize(data, off, cols, norm);
        continue;
      }
      // scikit-learn's _handle_zeros_in_scale: a norm below 10·ε leaves the row as it is.
      if (s < 10 * Number.EPSILON) continue;
      for (let j = 0; j < cols; j++) data[off + j] /= s;
    }
    return toMatrix(Xd);
  }

  /** Output feature names: the input names, one to one. */
  getFeatureNamesOut(inputFeatures?: string[]): string[] {
    return oneToOneFeatureNames(this.fitted('getFeatureNamesOut').nFeaturesIn, inputFeatures, undefined, this.className);
  }
}

/**
 * Divides data[off, off + cols) by its l1 or l2 norm without overflow, even when the norm itself
 * is beyond the largest double: each value is first divided by m = max |x|, then by ‖x / m‖.
 */
function scaledNormalize(data: Float64Array, off: number, cols: number, norm: 'l1' | 'l2'): void {
  let m = 0;
  for (let j = 0; j < cols; j++) m = Math.max(m, Math.abs(data[off + j]));
  let s = 0;
  for (let j = 0; j < cols; j++) {
    const v = data[off + j] / m;
    data[off + j] = v;
    s += norm === 'l1' ? Math.abs(v) : v * v;
  }
  if (norm === 'l2') s = Math.sqrt(s);
  for (let j = 0; j < cols; j++) data[off + j] /= s;
}

registerEstimator(Normalizer);
