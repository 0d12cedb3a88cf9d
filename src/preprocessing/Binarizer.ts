import type { Matrix } from 'ml-matrix';
import { BaseTransformer, oneToOneFeatureNames } from '../core/base';
import { num } from '../core/params';
import { registerEstimator } from '../core/serialization';
import type { MatrixLike, Target } from '../core/types';
import { toMatrix } from '../core/data/index';
import { nFeaturesIn, type StateSchema } from '../core/stateSchema';

/** Options of {@link Binarizer}. */
export interface BinarizerOptions {
  /** Values strictly above it become 1, the others 0. @defaultValue 0 */
  threshold: number;
}

interface BinarizerState {
  nFeaturesIn: number;
}

/**
 * Maps each value to 1 when it is strictly greater than `threshold` and to 0 otherwise. Nothing
 * is learnt: `fit` only validates X and records the number of features (typelearn needs fit
 * before transform, unlike scikit-learn's stateless Binarizer). Missing values are rejected, as in
 * scikit-learn.
 *
 * Fitted attributes: `nFeaturesIn_`.
 * @example
 * ```ts
 * import { Binarizer } from 'typelearn';
 * const X = [[1, -1, 2], [2, 0, 0], [0, 1.5, -1]];
 * console.log(new Binarizer().fitTransform(X).to2DArray()); // [ [ 1, 0, 1 ], [ 1, 0, 0 ], [ 0, 1, 0 ] ]
 * console.log(new Binarizer({ threshold: 1 }).fitTransform(X).to2DArray()); // [ [ 0, 0, 1 ], [ 1, 0, 0 ], [ 0, 1, 0 ] ]
 * ```
 */
export class Binarizer extends BaseTransformer<BinarizerOptions, BinarizerState> {
  static override readonly className = 'Binarizer';
  /** The fitted state's rules, checked when a saved model is loaded. */
  static override readonly stateSchema: StateSchema = { nFeaturesIn: nFeaturesIn() };
  static override readonly defaults: BinarizerOptions = { threshold: 0 };
  static override readonly paramSchema = { threshold: num() };

  /** Validates X and records its number of features. */
  fit(X: MatrixLike, _y?: Target): this {
    const { cols } = this.checkX(X, { reset: true });
    this.state = { nFeaturesIn: cols };
    return this;
  }

  /** 1 where X > threshold, else 0. */
  transform(X: MatrixLike): Matrix {
    this.fitted('transform');
    const Xd = this.checkX(X);
    const t = this.params.threshold;
    const d = Xd.data;
    for (let k = 0; k < d.length; k++) d[k] = d[k] > t ? 1 : 0;
    return toMatrix(Xd);
  }

  /** Output feature names: the input names, one to one. */
  getFeatureNamesOut(inputFeatures?: string[]): string[] {
    return oneToOneFeatureNames(this.fitted('getFeatureNamesOut').nFeaturesIn, inputFeatures, undefined, this.className);
  }
}

registerEstimator(Binarizer);
