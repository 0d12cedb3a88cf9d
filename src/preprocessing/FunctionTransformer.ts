import type { Matrix } from 'ml-matrix';
import { BaseTransformer, oneToOneFeatureNames } from '../core/base';
import { TypelearnWarning, ValidationError, describeValue, warn } from '../core/errors';
import { bool, func, nullable, oneOf, union } from '../core/params';
import { registerEstimator } from '../core/serialization';
import type { EstimatorTags, MatrixLike, Target } from '../core/types';
import { toDense } from '../core/validation';
import { rowMajor, toMatrix, type RowMajor } from '../core/data/index';
import { nFeaturesIn, type StateSchema } from '../core/stateSchema';

/** A function applied to the whole input matrix; it may return any 2-d numeric array or Matrix. */
export type MatrixFunction = (X: Matrix) => MatrixLike;

/** Computes output feature names from the transformer and the input feature names. */
export type FeatureNamesFunction = (transformer: FunctionTransformer, inputFeatures: string[]) => string[];

/** Options of {@link FunctionTransformer}. */
export interface FunctionTransformerOptions {
  /** The forward function; null is the identity. It gets a copy of X as a Matrix. @defaultValue null */
  func: MatrixFunction | null;
  /** The inverse function used by `inverseTransform`; null is the identity. @defaultValue null */
  inverseFunc: MatrixFunction | null;
  /** Reject missing values (NaN) in X, as scikit-learn's `validate=True` does. @defaultValue false */
  validate: boolean;
  /**
   * At fit, when both functions are given, check on a subset of rows (every ⌊n/100⌋-th) that
   * `inverseFunc(func(X))` gives X back (rtol 1e-7, atol 1e-9) and warn if not. @defaultValue true
   */
  checkInverse: boolean;
  /**
   * How `getFeatureNamesOut` names the output: null (it is then unsupported), `'one-to-one'` (the
   * input names) or a function `(transformer, inputFeatures) => names`. @defaultValue null
   */
  featureNamesOut: 'one-to-one' | FeatureNamesFunction | null;
}

interface FunctionTransformerState {
  nFeaturesIn: number;
}

/**
 * Wraps a function of the data as a transformer, so that it can be a step in a pipeline (a log,
 * a ratio of two columns, …). Nothing is learnt: `fit` validates X, records the number of
 * features (checked again at transform, unlike scikit-learn with `validate=False`) and, with
 * `checkInverse`, checks that `inverseFunc` undoes `func`. typelearn always passes the function
 * a validated numeric copy of X as an ml-matrix Matrix; NaN is accepted unless `validate` is true.
 *
 * Saving: `toJSON` can save a model that holds functions only if each was registered with
 * `registerFunction(name, fn)` (it is saved by name, and `loadModel` finds it by that name in the
 * registry of the loading program); an unregistered function makes `toJSON` throw.
 *
 * Fitted attributes: `nFeaturesIn_`.
 * @example
 * ```ts
 * import { FunctionTransformer } from 'typelearn';
 * const log1p = new FunctionTransformer({
 *   func: (X) => X.to2DArray().map((r) => r.map(Math.log1p)),
 *   inverseFunc: (X) => X.to2DArray().map((r) => r.map(Math.expm1)),
 *   featureNamesOut: 'one-to-one',
 * });
 * const T = log1p.fitTransform([[0, 1], [2, 3]]);
 * console.log(T.get(0, 1) === Math.log1p(1)); // true
 * console.log(log1p.inverseTransform(T).to2DArray()[1][1].toFixed(12)); // 3.000000000000
 * console.log(log1p.getFeatureNamesOut(['a', 'b'])); // [ 'a', 'b' ]
 * ```
 */
export class FunctionTransformer extends BaseTransformer<FunctionTransformerOptions, FunctionTransformerState> {
  static override readonly className = 'FunctionTransformer';
  /** The fitted state's rules, checked when a saved model is loaded. */
  static override readonly stateSchema: StateSchema = { nFeaturesIn: nFeaturesIn() };
  static override readonly defaults: FunctionTransformerOptions = { func: null, inverseFunc: null, validate: false, checkInverse: true, featureNamesOut: null };
  static override readonly paramSchema = {
    func: nullable(func()),
    inverseFunc: nullable(func()),
    validate: bool(),
    checkInverse: bool(),
    featureNamesOut: union(oneOf('one-to-one', null), func()),
  };
  static override readonly tags = { allowNaN: true };

  /** NaN is accepted unless `validate` is on. */
  instanceTags(): Partial<EstimatorTags> {
    return { allowNaN: !this.params.validate };
  }

  /** Validates X, records its width and (with `checkInverse`) checks that the functions are inverses. */
  fit(X: MatrixLike, _y?: Target): this {
    const Xd = this.checkX(X, { reset: true });
    const { func: f, inverseFunc, checkInverse } = this.params;
    if (checkInverse && f && inverseFunc) this.checkRoundTrip(Xd, f, inverseFunc);
    this.state = { nFeaturesIn: Xd.cols };
    return this;
  }

  private checkRoundTrip(Xd: RowMajor, f: MatrixFunction, inv: MatrixFunction): void {
    const { data, rows, cols } = Xd;
    const step = Math.max(1, Math.floor(rows / 100));
    const picked = Math.ceil(rows / step);
    const sub = new Float64Array(picked * cols);
    for (let k = 0; k < picked; k++) sub.set(data.subarray(k * step * cols, (k * step + 1) * cols), k * cols);
    const back = this.apply(inv, this.apply(f, toMatrix(rowMajor(sub.slice(), picked, cols)), 'func'), 'inverseFunc');
    let close = back.rows === picked && back.columns === cols;
    for (let k = 0; close && k < sub.length; k++) {
      const a = back.get(Math.floor(k / cols), k % cols);
      const b = sub[k];
      // np.allclose(X, round trip, rtol=1e-7, atol=1e-9); NaN is never close.
      if (!(Math.abs(a - b) <= 1e-9 + 1e-7 * Math.abs(b))) close = false;
    }
    if (!close) {
      warn(new TypelearnWarning("The provided functions are not strictly inverse of each other. If you are sure you want to proceed regardless, set 'checkInverse: false'.", this.className));
    }
  }

  /** Calls a user function on a Matrix and validates what it returns. */
  private apply(f: MatrixFunction | null, M: Matrix, name: 'func' | 'inverseFunc'): Matrix {
    if (!f) return M;
    const out = f(M);
    return toMatrix(toDense(out, { estimator: this.className, name: `the result of ${name}`, allowNaN: true }));
  }

  /** Applies `func` (the identity when null) to X. */
  transform(X: MatrixLike): Matrix {
    this.fitted('transform');
    return this.apply(this.params.func, toMatrix(this.checkX(X)), 'func');
  }

  /** Applies `inverseFunc` (the identity when null) to X; X may have any number of columns. */
  inverseTransform(X: MatrixLike): Matrix {
    this.fitted('inverseTransform');
    const Xd = toDense(X, { estimator: this.className, allowNaN: !this.params.validate });
    return this.apply(this.params.inverseFunc, toMatrix(Xd), 'inverseFunc');
  }

  /** Output feature names from `featureNamesOut`; unsupported (a ValidationError) when it is null. */
  getFeatureNamesOut(inputFeatures?: string[]): string[] {
    const s = this.fitted('getFeatureNamesOut');
    const how = this.params.featureNamesOut;
    if (how === null) {
      throw new ValidationError({ code: 'unsupported', estimator: this.className, message: "FunctionTransformer has getFeatureNamesOut only when featureNamesOut is 'one-to-one' or a function." });
    }
    const names = oneToOneFeatureNames(s.nFeaturesIn, inputFeatures, undefined, this.className);
    if (how === 'one-to-one') return names;
    const out = how(this, names);
    if (!Array.isArray(out) || !out.every((v) => typeof v === 'string')) {
      throw new ValidationError({ code: 'invalid_option', estimator: this.className, param: 'featureNamesOut', expected: 'a function returning an array of strings', received: `a function returning ${describeValue(out)}` });
    }
    return out.slice();
  }
}

registerEstimator(FunctionTransformer);
