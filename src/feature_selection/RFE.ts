import type { BaseEstimator } from '../core/base';
import { ValidationError } from '../core/errors';
import { int, nullable, num, requiredOption, union } from '../core/params';
import { registerEstimator } from '../core/serialization';
import type { MatrixLike, Target } from '../core/types';
import { estimatorSpec } from '../model_selection/BaseSearchCV';
import { importanceGetterSpec, type ImportanceGetter } from './_importance';
import { recursiveElimination, stepSpec } from './_rfe';
import { RfeBase, type RfeBaseOptions, type RfeState } from './_rfeBase';

/** Options of {@link RFE}. */
export interface RFEOptions extends RfeBaseOptions {
  /**
   * The estimator whose importances rank the features (`coef_` or `featureImportances_`, or what
   * `importanceGetter` reads). It is cloned for every fit and never fitted itself.
   */
  estimator: BaseEstimator;
  /**
   * How many features to keep: null for half of them (rounded down), an integer ≥ 1, or a fraction
   * in (0, 1) of the features (rounded down).
   * @defaultValue null
   */
  nFeaturesToSelect: number | null;
  /**
   * How many features each round removes: an integer ≥ 1, or a fraction in (0, 1) of all the
   * features (rounded down, at least 1). The last round may remove fewer.
   * @defaultValue 1
   */
  step: number;
  /**
   * How the importances are read from each fitted clone: `'auto'` (`coef_`, else
   * `featureImportances_`), a dotted attribute path (`'coef_'`, `'namedSteps.clf.coef_'` for a
   * pipeline) or a function of the fitted estimator. Features are ranked by the square of the
   * importance, summed over rows for a 2-d `coef_` (one row per class).
   * @defaultValue 'auto'
   */
  importanceGetter: ImportanceGetter;
}

/**
 * Recursive feature elimination, as scikit-learn's `RFE`: fits a clone of the estimator on the
 * remaining features, removes the `step` features with the smallest squared importance, and repeats
 * until `nFeaturesToSelect` remain; a last clone fitted on those is `estimator_`. `predict`,
 * `predictProba`, `decisionFunction`, `score` and `classes_` use `estimator_` on the selected
 * columns, so an RFE can end a pipeline; as a step in the middle it transforms.
 *
 * Options: `estimator`, `nFeaturesToSelect` (default null: half), `step` (default 1),
 * `importanceGetter` (default 'auto').
 * Fitted attributes: `support_`, `ranking_` (1 for selected features, higher for those eliminated
 * earlier), `nFeatures_`, `estimator_`, `nFeaturesIn_`, and `classes_` for classifiers.
 * @example
 * ```ts
 * import { RFE, LinearRegression } from 'typelearn';
 * const X = [[1, 5, 0.1, 2], [2, 3, 0.3, 1], [3, 8, 0.2, 5], [4, 1, 0.5, 3], [5, 6, 0.4, 4], [6, 2, 0.6, 7]];
 * const y = X.map(([a, , c, d]) => 4 * a - 10 * c + 0.5 * d);
 * const rfe = new RFE({ estimator: new LinearRegression(), nFeaturesToSelect: 2 }).fit(X, y);
 * console.log(rfe.support_); // [ true, false, true, false ]
 * console.log(rfe.ranking_); // [ 1, 3, 1, 2 ]
 * console.log(rfe.transform([[7, 0, 0.7, 1]]).to2DArray()); // [ [ 7, 0.7 ] ]
 * ```
 */
export class RFE<E extends BaseEstimator = BaseEstimator> extends RfeBase<RFEOptions, RfeState, E> {
  static override readonly className = 'RFE';
  static override readonly defaults: RFEOptions = {
    estimator: requiredOption<BaseEstimator>(),
    nFeaturesToSelect: null,
    step: 1,
    importanceGetter: 'auto',
  };
  static override readonly paramSchema = {
    estimator: estimatorSpec,
    nFeaturesToSelect: nullable(union(int({ min: 1 }), num({ min: 0, max: 1, minInclusive: false, maxInclusive: false }))),
    step: stepSpec,
    importanceGetter: importanceGetterSpec,
  };

  /** @param options - `estimator` is required. */
  constructor(options?: Partial<RFEOptions> & { estimator?: E }) {
    super(options);
    if (!this.params.estimator) {
      throw new ValidationError({ code: 'invalid_option', estimator: 'RFE', param: 'estimator', expected: estimatorSpec.description, received: 'undefined' });
    }
  }

  /** Eliminates features recursively on X and y, then fits `estimator_` on the selected ones. */
  fit(X: MatrixLike, y: Target): this {
    const Xd = this.checkX(X, { reset: true });
    const n = Xd.cols;
    if (n < 2) {
      throw new ValidationError({ code: 'invalid_input', estimator: this.className, param: 'X', expected: 'at least 2 features', received: `${n} feature` });
    }
    const k = this.params.nFeaturesToSelect;
    const nToSelect = k === null ? Math.floor(n / 2) : Number.isInteger(k) ? k : Math.floor(n * k);
    const { support, ranking, estimator } = recursiveElimination(this.params.estimator, Xd, y, nToSelect, this.params.step, this.params.importanceGetter, this.className);
    this.state = { nFeaturesIn: n, support, ranking, nFeatures: support.filter(Boolean).length, estimator };
    return this;
  }
}

registerEstimator(RFE);
