import { type BaseEstimator } from '../core/base';
import { NotFittedError, ValidationError, describeValue } from '../core/errors';
import { requiredOption, type ParamSpec } from '../core/params';
import { argsort } from '../core/math/argsort';
import { median } from '../core/math/median';
import { registerEstimator } from '../core/serialization';
import type { EstimatorTags, MatrixLike, Target } from '../core/types';
import { toMatrix } from '../core/data/index';
import { estimatorSpec } from '../model_selection/BaseSearchCV';
import { BaseSelector, selectorStateSchema, type SelectorState } from './BaseSelector';
import { featureImportances, importanceGetterSpec, type ImportanceGetter } from './_importance';
import { copyFitted, fitEstimator, innerTags } from './_meta';
import { numberValue, orNull, int, refine, fittedEstimator, type StateSchema } from '../core/stateSchema';

/** A threshold: a number, `'mean'`, `'median'`, or a scaled reference such as `'1.25*mean'`. */
export type SelectFromModelThreshold = number | string | null;

/** Options of {@link SelectFromModel}. */
export interface SelectFromModelOptions {
  /** The estimator whose importances select the features (cloned and fitted unless `prefit`). */
  estimator: BaseEstimator;
  /**
   * Features whose importance is at least this are kept: a number, `'mean'` or `'median'` of the
   * importances, or a scaled one (`'1.25*mean'`, `'0.5*median'`). null: 1e-5 for an L1-penalised
   * estimator (a `penalty: 'l1'` option, or a class whose name contains `Lasso`, or an `ElasticNet`
   * with `l1Ratio` 1), `'mean'` otherwise.
   * @defaultValue null
   */
  threshold: SelectFromModelThreshold;
  /**
   * The estimator is already fitted: `fit` copies it instead of refitting. A clone of a
   * SelectFromModel (as in GridSearchCV or cross-validation) has an unfitted clone of the
   * estimator, so `fit` then fails, as in scikit-learn.
   * @defaultValue false
   */
  prefit: boolean;
  /**
   * The norm order that makes a 2-d importance (one row per class) one value per feature: an integer
   * ≥ 1 or ≤ −1, or ±Infinity (max/min of |w|).
   * @defaultValue 1
   */
  normOrder: number;
  /**
   * At most this many features (the most important ones, before the threshold is applied): an
   * integer ≥ 0, a function of X returning one, or null for no limit. Set `threshold: -Infinity` to
   * select on `maxFeatures` alone.
   * @defaultValue null
   */
  maxFeatures: number | ((X: MatrixLike) => number) | null;
  /** How the importances are read: `'auto'`, an attribute path or a function (see {@link RFE}). @defaultValue 'auto' */
  importanceGetter: ImportanceGetter;
}

interface SelectFromModelState extends SelectorState {
  threshold: number;
  maxFeatures: number | null;
  estimator: BaseEstimator;
}

const REFERENCE = /^\s*(?:(.*?)\s*\*\s*)?(mean|median)\s*$/;

function parseScale(s: string): number {
  const t = s.trim();
  const v = t === '' ? NaN : Number(t);
  return v;
}

/** True for 'mean', 'median' and '<number>*mean' / '<number>*median'. */
function isThresholdString(v: string): boolean {
  const m = REFERENCE.exec(v);
  if (!m) return false;
  return m[1] === undefined || !Number.isNaN(parseScale(m[1]));
}

const thresholdSpec: ParamSpec = {
  description: "null, a number, 'mean', 'median', or a scaled reference such as '1.25*mean'",
  check: (v) => v === null || (typeof v === 'number' && !Number.isNaN(v)) || (typeof v === 'string' && isThresholdString(v)),
};

const normOrderSpec: ParamSpec = {
  description: 'an integer ≥ 1 or ≤ -1, Infinity or -Infinity',
  check: (v) => typeof v === 'number' && (v === Infinity || v === -Infinity || (Number.isInteger(v) && v !== 0)),
};

const maxFeaturesSpec: ParamSpec = {
  description: 'null, an integer ≥ 0 or a function of X returning one',
  check: (v) => v === null || typeof v === 'function' || (typeof v === 'number' && Number.isInteger(v) && v >= 0),
};

function mean(values: Float64Array): number {
  let s = 0;
  for (const v of values) s += v;
  return s / values.length;
}

/** Whether scikit-learn would call this estimator L1-penalised (its threshold default is then 1e-5). */
function isL1Penalised(est: BaseEstimator): boolean {
  const name = est.className;
  const params = est.getParams(false) as Record<string, unknown>;
  if (params.penalty === 'l1' || name.includes('Lasso')) return true;
  if (!name.includes('ElasticNet')) return false;
  const close1 = (v: unknown) => typeof v === 'number' && Math.abs(v - 1) <= 1e-8 + 1e-5;
  const fittedRatio: unknown = 'l1Ratio_' in est ? est.l1Ratio_ : undefined;
  return close1(fittedRatio) || close1(params.l1Ratio);
}

/**
 * Selects the features whose importance in a fitted model (|coef_|, or `featureImportances_`)
 * reaches a threshold, as scikit-learn's `SelectFromModel`. For a 2-d `coef_` (one row per class)
 * the importance of a feature is the `normOrder`-norm of its column.
 *
 * Options: `estimator`, `threshold` (default null: 1e-5 for L1-penalised models, else 'mean'),
 * `prefit` (default false), `normOrder` (default 1), `maxFeatures` (default null),
 * `importanceGetter` (default 'auto').
 * Fitted attributes: `estimator_` (the fitted clone, or a copy of the prefit estimator),
 * `threshold_` (the threshold as a number), `maxFeatures_`, `support_`, `nFeaturesIn_`.
 * @example
 * ```ts
 * import { SelectFromModel, LinearRegression } from 'typelearn';
 * const X = [[1, 5, 0.1], [2, 3, 0.3], [3, 8, 0.2], [4, 1, 0.5], [5, 6, 0.4], [6, 2, 0.6]];
 * const y = X.map(([a, b, c]) => 4 * a + 0.1 * b - 2 * c);
 * const sel = new SelectFromModel({ estimator: new LinearRegression() }).fit(X, y);
 * console.log(+sel.threshold_.toFixed(6)); // 2.033333
 * console.log(sel.getSupport()); // [ true, false, false ]
 * console.log(sel.getFeatureNamesOut(['a', 'b', 'c'])); // [ 'a' ]
 * ```
 */
export class SelectFromModel<E extends BaseEstimator = BaseEstimator> extends BaseSelector<SelectFromModelOptions, SelectFromModelState> {
  static override readonly className = 'SelectFromModel';
  /** The fitted state's rules, checked when a saved model is loaded. */
  static override readonly stateSchema: StateSchema = {
    ...selectorStateSchema,
    // -Infinity when only maxFeatures selects.
    threshold: numberValue({ allowInfinity: true }),
    maxFeatures: refine(orNull(int({ min: 0 })), 'at most nFeaturesIn', (v: number | null, { state }) => v === null || v <= (state.nFeaturesIn as number)),
    estimator: fittedEstimator({ nFeaturesIn: 'nFeaturesIn' }),
  };
  static override readonly defaults: SelectFromModelOptions = {
    estimator: requiredOption<BaseEstimator>(),
    threshold: null,
    prefit: false,
    normOrder: 1,
    maxFeatures: null,
    importanceGetter: 'auto',
  };
  static override readonly paramSchema = {
    estimator: estimatorSpec,
    threshold: thresholdSpec,
    prefit: { description: 'a boolean', check: (v: unknown) => typeof v === 'boolean' } as ParamSpec,
    normOrder: normOrderSpec,
    maxFeatures: maxFeaturesSpec,
    importanceGetter: importanceGetterSpec,
  };

  /** @param options - `estimator` is required. */
  constructor(options?: Partial<SelectFromModelOptions> & { estimator?: E }) {
    super(options);
    if (!this.params.estimator) {
      throw new ValidationError({ code: 'invalid_option', estimator: 'SelectFromModel', param: 'estimator', expected: estimatorSpec.description, received: 'undefined' });
    }
  }

  /** NaN in X is accepted when the estimator accepts it; y is required when the estimator requires it. */
  instanceTags(): Partial<EstimatorTags> {
    return innerTags(this.params.estimator);
  }

  /**
   * Fits a clone of the estimator on X and y (or, with `prefit`, copies the fitted estimator) and
   * selects the features whose importance reaches the threshold.
   */
  fit(X: MatrixLike, y?: Target): this {
    const fn = this.className;
    const Xd = this.checkX(X, { reset: true });
    const n = Xd.cols;
    const { maxFeatures: mf, prefit } = this.params;
    let maxFeatures: number | null = null;
    if (mf !== null) {
      const v = typeof mf === 'function' ? mf(X) : mf;
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > n) {
        throw new ValidationError({ code: 'invalid_option', estimator: fn, param: 'maxFeatures', expected: `an integer in [0, ${n}] (the number of features)`, received: describeValue(v) });
      }
      maxFeatures = v;
    }
    let estimator: BaseEstimator;
    if (prefit) {
      if (!this.params.estimator.isFitted()) {
        const e = new NotFittedError(this.params.estimator.className);
        e.message = `When prefit is true, the estimator of ${fn} must be fitted already (${this.params.estimator.className} is not). A clone of a prefit ${fn} (in a search or cross-validation) holds an unfitted clone: use prefit: false there.`;
        throw e;
      }
      estimator = copyFitted(this.params.estimator);
    } else {
      estimator = this.params.estimator.clone();
      fitEstimator(fn, estimator, toMatrix(Xd), y);
    }
    const scores = featureImportances(estimator, this.params.importanceGetter, { kind: 'norm', order: this.params.normOrder }, n, fn);
    const threshold = this.computeThreshold(estimator, scores);
    const support = new Array<boolean>(n).fill(maxFeatures === null);
    if (maxFeatures !== null) {
      // The maxFeatures largest importances; equal ones in index order (a stable sort, as scikit-learn's mergesort).
      const order = argsort(scores.map((s) => -s));
      for (let r = 0; r < maxFeatures; r++) support[order[r]] = true;
    }
    for (let j = 0; j < n; j++) if (scores[j] < threshold) support[j] = false;
    this.state = { nFeaturesIn: n, support, threshold, maxFeatures, estimator };
    return this;
  }

  private computeThreshold(estimator: BaseEstimator, scores: Float64Array): number {
    let t = this.params.threshold;
    if (t === null) t = isL1Penalised(estimator) ? 1e-5 : 'mean';
    if (typeof t === 'number') return t;
    const m = REFERENCE.exec(t)!;
    const reference = m[2] === 'mean' ? mean(scores) : median(scores);
    return m[1] === undefined ? reference : parseScale(m[1]) * reference;
  }

  /** The threshold the importances were compared with, as a number. */
  get threshold_(): number {
    return this.fitted('threshold_').threshold;
  }

  /** The feature limit used (the value `maxFeatures` gave), or null. */
  get maxFeatures_(): number | null {
    return this.fitted('maxFeatures_').maxFeatures;
  }

  /** The fitted estimator (a clone, or a copy of the prefit estimator). */
  get estimator_(): E {
    return this.fitted('estimator_').estimator as E;
  }

  /** One boolean per input feature: true when selected. */
  get support_(): boolean[] {
    return this.fitted('support_').support.slice();
  }
}

registerEstimator(SelectFromModel);
