import { ValidationError } from '../core/errors';
import { oneOf } from '../core/params';
import { registerEstimator } from '../core/serialization';
import { nFeaturesIn, type StateSchema } from '../core/stateSchema';
import type { EstimatorTags, MatrixLike } from '../core/types';
import { r2Score } from '../metrics/r2Score';
import { toSampleWeight, toTarget } from '../core/validation';
import { buildTree } from './buildTree';
import { BaseDecisionTree } from './_BaseDecisionTree';
import {
  baseTreeDefaults,
  baseTreeSchema,
  builderWeights,
  resolveTreeOptions,
  treeColumns,
  treeRule,
  type BaseTreeOptions,
  type TreeState,
} from './_treeCommon';

/** Options of {@link DecisionTreeRegressor}. */
export interface DecisionTreeRegressorOptions extends BaseTreeOptions {
  /**
   * The impurity a split decreases: 'squared_error' (the weighted variance of the target),
   * 'friedman_mse' (the same impurity, splits scored by Friedman's improvement), or 'poisson' (the
   * half Poisson deviance; targets must be non-negative with a positive sum). @defaultValue 'squared_error'
   */
  criterion: 'squared_error' | 'friedman_mse' | 'poisson';
}

/**
 * A decision tree regressor (CART), as scikit-learn's `DecisionTreeRegressor` with
 * `splitter='best'` (or `splitter: 'random'`: one threshold drawn per feature, as extra trees do):
 * each leaf predicts the weighted mean of its samples' targets.
 *
 * Fitted attributes: `featureImportances_` (mean decrease in impurity, normalized),
 * `nFeaturesIn_`, `nodeCount_`; methods `getDepth()`, `getNLeaves()`, `apply(X)` and
 * `exportText()`. Missing values (NaN) are rejected; impute them first.
 *
 * @example
 * ```ts
 * import { DecisionTreeRegressor } from 'typelearn';
 * const X = [[1], [2], [3], [10], [11], [12]];
 * const reg = new DecisionTreeRegressor({ maxDepth: 1 }).fit(X, [1, 1, 1, 5, 5, 5]);
 * console.log(reg.predict([[2.5], [11.5]])); // [ 1, 5 ]
 * console.log(reg.exportText().trim().split('\n')); // [ '|--- feature_0 <= 6.50', '|   |--- value: [1.00]', '|--- feature_0 >  6.50', '|   |--- value: [5.00]' ]
 * ```
 */
export class DecisionTreeRegressor extends BaseDecisionTree<DecisionTreeRegressorOptions, TreeState> {
  static override readonly className: string = 'DecisionTreeRegressor';
  static override readonly tags: Partial<EstimatorTags> = { estimatorType: 'regressor', requiresY: true };
  static override readonly stateSchema: StateSchema = { nFeaturesIn: nFeaturesIn(), tree: treeRule(() => 1) };
  static override readonly defaults: DecisionTreeRegressorOptions = { criterion: 'squared_error', ...baseTreeDefaults };
  static override readonly paramSchema = { criterion: oneOf('squared_error', 'friedman_mse', 'poisson'), ...baseTreeSchema };

  /**
   * Grows the tree.
   * @param sampleWeight - optional non-negative weight per sample.
   */
  fit(X: MatrixLike, y: ArrayLike<number>, sampleWeight?: ArrayLike<number>): this {
    const name = this.className;
    const Xr = this.checkX(X, { reset: true });
    const n = Xr.rows;
    const yv = toTarget(y, { estimator: name, length: n });
    if (this.params.criterion === 'poisson') checkPoissonTarget(yv, name);
    const w = builderWeights(sampleWeight === undefined ? new Float64Array(n).fill(1) : toSampleWeight(sampleWeight, n, name));
    let total = 0;
    for (let i = 0; i < n; i++) total += w[i];
    // Targets so large that their squares overflow are divided by the largest, and the leaf values
    // multiplied back (the impurities stay in the divided units; the importances are ratios).
    let scale = 0;
    for (let i = 0; i < n; i++) scale = Math.max(scale, Math.abs(yv[i]));
    const scaled = scale > 1e100;
    if (scaled) for (let i = 0; i < n; i++) yv[i] /= scale;
    const options = resolveTreeOptions(this.params, this.params.criterion, n, Xr.cols, total, name);
    const tree = buildTree(treeColumns(Xr, name), { kind: 'regression', y: yv }, w, options);
    if (scaled) for (let k = 0; k < tree.nodeCount; k++) tree.value[k] *= scale;
    this.state = { nFeaturesIn: Xr.cols, tree };
    return this;
  }

  /** The weighted mean target of each sample's leaf. */
  predict(X: MatrixLike): number[] {
    const { s, leaves } = this.leaves(X, 'predict');
    return Array.from(leaves, (leaf) => s.tree.value[leaf]);
  }

  /** The coefficient of determination R² of the prediction (weighted by `sampleWeight` when given). */
  score(X: MatrixLike, y: ArrayLike<number>, sampleWeight?: ArrayLike<number>): number {
    return r2Score(y, this.predict(X), { sampleWeight });
  }

  protected leafClasses(): undefined {
    return undefined;
  }
}

registerEstimator(DecisionTreeRegressor);

/** The Poisson criterion needs non-negative targets with a positive sum (as scikit-learn). */
export function checkPoissonTarget(y: Float64Array, estimator: string): void {
  let sum = 0;
  for (let i = 0; i < y.length; i++) {
    if (y[i] < 0) {
      throw new ValidationError({ code: 'invalid_input', estimator, param: 'y', expected: "non-negative values with criterion 'poisson'", received: `${y[i]} at index ${i}` });
    }
    sum += y[i];
  }
  if (!(sum > 0)) throw new ValidationError({ code: 'invalid_input', estimator, param: 'y', expected: "a positive sum with criterion 'poisson'", received: 'all zeros' });
}
