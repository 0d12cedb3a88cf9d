import type { Matrix } from 'ml-matrix';
import { BaseTransformer, oneToOneFeatureNames } from '../core/base';
import { ValidationError } from '../core/errors';
import { bool, oneOf } from '../core/params';
import { registerEstimator } from '../core/serialization';
import type { MatrixLike, Target } from '../core/types';
import { matrixFromFlat } from '../core/data/index';
import { missingMask, missingValuesSpec, missingValuesState } from './missingMask';
import { fittedEstimator, indices, nFeaturesIn, orNull, type StateSchema, type StateSpec } from '../core/stateSchema';

/** Options of {@link MissingIndicator}. */
export interface MissingIndicatorOptions {
  /** The value that marks a missing cell (`NaN`, or a number such as -1). @defaultValue NaN */
  missingValues: number;
  /**
   * `'missing-only'`: one indicator column per feature that had missing values in `fit`;
   * `'all'`: one per feature. @defaultValue 'missing-only'
   */
  features: 'missing-only' | 'all';
  /**
   * With `features: 'missing-only'`, throw in `transform` when a feature that had no missing values
   * in `fit` has some. @defaultValue true
   */
  errorOnNew: boolean;
}

interface MissingIndicatorState {
  nFeaturesIn: number;
  /** The marker in force at fit time. */
  missingValues: number;
  /** Indices of the features that get an indicator column, ascending. */
  features: number[];
}

/**
 * Binary indicators of missing values: one 0/1 column per feature that had missing values in
 * `fit` (or per feature, with `features: 'all'`), as scikit-learn's `MissingIndicator`. Usually
 * combined with an imputer (`SimpleImputer({ addIndicator: true })` does it for you) so that a
 * model can learn from missingness itself.
 *
 * Fitted attributes: `features_` (indices of the features with an indicator column), `nFeaturesIn_`.
 * @example
 * ```ts
 * import { MissingIndicator } from 'typelearn';
 * const mi = new MissingIndicator().fit([[NaN, 1, 3], [4, 0, NaN], [8, 1, 0]]);
 * console.log(mi.features_); // [ 0, 2 ]
 * console.log(mi.transform([[5, 1, NaN], [NaN, 2, 3]]).to2DArray()); // [ [ 0, 1 ], [ 1, 0 ] ]
 * console.log(mi.getFeatureNamesOut()); // [ 'missingindicator_x0', 'missingindicator_x2' ]
 * ```
 */
export class MissingIndicator extends BaseTransformer<MissingIndicatorOptions, MissingIndicatorState> {
  static override readonly className = 'MissingIndicator';
  /** The fitted state's rules, checked when a saved model is loaded. */
  static override readonly stateSchema: StateSchema = { nFeaturesIn: nFeaturesIn(), missingValues: missingValuesState, features: indices({ below: 'nFeaturesIn', anyLength: true }) };
  static override readonly defaults: MissingIndicatorOptions = { missingValues: NaN, features: 'missing-only', errorOnNew: true };
  static override readonly paramSchema = {
    missingValues: missingValuesSpec,
    features: oneOf('missing-only', 'all'),
    errorOnNew: bool(),
  };
  static override readonly tags = { allowNaN: true, removesNaN: true };

  /** Records which features have missing values, replacing anything learnt before. */
  fit(X: MatrixLike, _y?: Target): this {
    const Xd = this.checkX(X, { reset: true });
    const missingValues = this.params.missingValues;
    const { counts } = missingMask(Xd, missingValues, this.className);
    const features: number[] = [];
    for (let j = 0; j < Xd.cols; j++) if (this.params.features === 'all' || counts[j] > 0) features.push(j);
    this.state = { nFeaturesIn: Xd.cols, missingValues, features };
    return this;
  }

  /** The 0/1 indicator matrix of X: one column per entry of `features_`. */
  transform(X: MatrixLike): Matrix {
    const s = this.fitted('transform');
    const Xd = this.checkX(X);
    const { mask, counts } = missingMask(Xd, s.missingValues, this.className);
    if (this.params.features === 'missing-only' && this.params.errorOnNew) {
      const known = new Set(s.features);
      const fresh: number[] = [];
      for (let j = 0; j < Xd.cols; j++) if (counts[j] > 0 && !known.has(j)) fresh.push(j);
      if (fresh.length > 0) {
        throw new ValidationError({
          code: 'invalid_input',
          estimator: this.className,
          param: 'X',
          expected: 'missing values only in features that had missing values in fit',
          received: `missing values in features [${fresh.join(', ')}]`,
          message:
            `${this.className}: the features [${fresh.join(', ')}] have missing values in transform but had none in fit. ` +
            `Refit on data that shows them, use features: 'all', or set errorOnNew: false to ignore them.`,
        });
      }
    }
    const { rows, cols } = Xd;
    const f = s.features;
    const k = f.length;
    const out = new Float64Array(rows * k);
    for (let i = 0; i < rows; i++) {
      const src = i * cols;
      const dst = i * k;
      for (let c = 0; c < k; c++) out[dst + c] = mask[src + f[c]];
    }
    return matrixFromFlat(out, rows, k);
  }

  /** Output feature names: `missingindicator_<name>` for each feature in `features_`. */
  getFeatureNamesOut(inputFeatures?: string[]): string[] {
    const s = this.fitted('getFeatureNamesOut');
    const names = oneToOneFeatureNames(s.nFeaturesIn, inputFeatures, undefined, this.className);
    return s.features.map((j) => `missingindicator_${names[j]}`);
  }

  /** Indices of the features that get an indicator column (all features with `features: 'all'`). */
  get features_(): number[] {
    return this.fitted('features_').features.slice();
  }
}

registerEstimator(MissingIndicator);

/** State rule of an imputer's `indicator`: null, or a fitted MissingIndicator over the same features. */
export const indicatorState: StateSpec = orNull(
  fittedEstimator({ nFeaturesIn: 'nFeaturesIn', is: { description: 'a MissingIndicator', check: (e) => e instanceof MissingIndicator } }),
);
