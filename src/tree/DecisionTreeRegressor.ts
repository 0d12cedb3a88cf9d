import { ValidationError } from '../core/errors';
import { oneOf } from '../core/params';
import { registerEstimator } from '../core/serialization';
import { int, nFeaturesIn, orNull, type StateContext, type StateSchema } from '../core/stateSchema';
import type { EstimatorTags, MatrixLike } from '../core/types';
import { r2Score } from '../metrics/r2Score';
import { toSampleWeight, toTarget } from '../core/validation';
import { buildTree } from './buildTree';
import { pruneTree, pruningPath, type PruningPath } from './pruneTree';
import { BaseDecisionTree } from './_BaseDecisionTree';
import {
  baseTreeDefaults,
  baseTreeSchema,
  builderWeights,
  checkSplitter,
  checkScoreTarget,
  isTwoDimensional,
  resolveTreeOptions,
  targetColumns,
  targetScale,
  treeColumns,
  treeRule,
  type BaseTreeOptions,
  type TreeState,
} from './_treeCommon';

/** Options of {@link DecisionTreeRegressor}. */
export interface DecisionTreeRegressorOptions extends BaseTreeOptions {
  /**
   * The impurity a split decreases: 'squared_error' (the weighted variance of the target),
   * 'friedman_mse' (the same impurity, splits scored by Friedman's improvement), 'absolute_error'
   * (the weighted mean absolute deviation from the weighted median, which the leaves predict; no
   * missing values), or 'poisson' (the half Poisson deviance; targets must be non-negative with a
   * positive sum). @defaultValue 'squared_error'
   */
  criterion: 'squared_error' | 'friedman_mse' | 'absolute_error' | 'poisson';
}

/**
 * A decision tree regressor (CART), as scikit-learn's `DecisionTreeRegressor` with
 * `splitter='best'` (or `splitter: 'random'`, one drawn threshold per feature, as extra trees do:
 * one output, no missing values): each leaf predicts the weighted mean of its samples' targets (the weighted
 * median under 'absolute_error'); grown depth first (best first with `maxLeafNodes`), then pruned
 * with `ccpAlpha`.
 *
 * Missing values (NaN) in X are learnt per split as scikit-learn 1.3 does (not under
 * 'absolute_error'). A 2-d y (one column per output) fits one tree for all outputs: type the
 * regressor `DecisionTreeRegressor<number[]>` and `predict` returns one row per sample.
 *
 * Fitted attributes: `featureImportances_` (mean decrease in impurity, normalized),
 * `nFeaturesIn_`, `nOutputs_`, `nodeCount_`; methods `getDepth()`, `getNLeaves()`, `apply(X)`,
 * `decisionPath(X)`, `costComplexityPruningPath(X, y)`, `exportText()`, `exportGraphviz()` and
 * `exportMermaid()`.
 *
 * @example
 * ```ts
 * import { DecisionTreeRegressor } from 'typelearn';
 * const X = [[1], [2], [3], [10], [11], [12]];
 * const reg = new DecisionTreeRegressor({ maxDepth: 1 }).fit(X, [1, 1, 1, 5, 5, 5]);
 * console.log(reg.predict([[2.5], [11.5]])); // [ 1, 5 ]
 * console.log(reg.exportText().trim().split('\n')); // [ '|--- feature_0 <= 6.50', '|   |--- value: [1.00]', '|--- feature_0 >  6.50', '|   |--- value: [5.00]' ]
 * const two = new DecisionTreeRegressor<number[]>({ maxDepth: 1 }).fit(X, [[1, 0], [1, 0], [1, 0], [5, 2], [5, 2], [5, 2]]);
 * console.log(two.predict([[0]])); // [ [ 1, 0 ] ]
 * ```
 */
export class DecisionTreeRegressor<Y extends number | number[] = number> extends BaseDecisionTree<DecisionTreeRegressorOptions, TreeState> {
  static override readonly className: string = 'DecisionTreeRegressor';
  static override readonly tags: Partial<EstimatorTags> = { estimatorType: 'regressor', requiresY: true, allowNaN: true };
  static override readonly stateSchema: StateSchema = {
    nFeaturesIn: nFeaturesIn(),
    nOutputs: orNull(int({ min: 1 })),
    tree: treeRule((ctx: StateContext) => {
      const k = ctx.state.nOutputs;
      return k === null ? 1 : typeof k === 'number' ? k : NaN;
    }),
  };
  static override readonly defaults: DecisionTreeRegressorOptions = { criterion: 'squared_error', ...baseTreeDefaults };
  static override readonly paramSchema = { criterion: oneOf('squared_error', 'friedman_mse', 'absolute_error', 'poisson'), ...baseTreeSchema };

  /**
   * Grows the tree (then prunes it when `ccpAlpha` > 0).
   * @param y - the targets, or for several outputs rows of one target per output.
   * @param sampleWeight - optional non-negative weight per sample.
   */
  fit(X: MatrixLike, y: ArrayLike<Y>, sampleWeight?: ArrayLike<number>): this {
    const name = this.className;
    const Xr = this.checkX(X, { reset: true });
    const n = Xr.rows;
    let yv: Float64Array;
    let nOutputs: number | null = null;
    if (isTwoDimensional(y)) {
      const cols = targetColumns(y as unknown as ArrayLike<ArrayLike<unknown>>, n, name, (values, param) => toTarget(values, { estimator: name, name: param, length: n }));
      const k = cols.length;
      nOutputs = k;
      yv = new Float64Array(n * k);
      for (let j = 0; j < k; j++) for (let i = 0; i < n; i++) yv[i * k + j] = cols[j][i];
    } else yv = toTarget(y, { estimator: name, length: n });
    const k = nOutputs ?? 1;
    if (this.params.criterion === 'poisson') checkPoissonTarget(yv, k, name);
    const w = builderWeights(sampleWeight === undefined ? new Float64Array(n).fill(1) : toSampleWeight(sampleWeight, n, name));
    let total = 0;
    for (let i = 0; i < n; i++) total += w[i];
    const scale = targetScale(yv);
    const scaled = scale !== 1;
    if (scaled) for (let i = 0; i < yv.length; i++) yv[i] /= scale;
    const options = resolveTreeOptions(this.params, this.params.criterion, n, Xr.cols, total, name);
    const Xc = treeColumns(Xr, name);
    checkSplitter(this.params.splitter, Xc, k, this.params.criterion, name);
    let tree = buildTree(Xc, { kind: 'regression', y: yv, nOutputs: k }, w, options);
    if (this.params.ccpAlpha > 0) tree = pruneTree(tree, this.params.ccpAlpha);
    if (scaled) for (let j = 0; j < tree.value.length; j++) tree.value[j] *= scale;
    this.state = { nFeaturesIn: Xr.cols, nOutputs, tree };
    return this;
  }

  /**
   * The path of minimal cost-complexity pruning on this data (the tree grown without pruning):
   * the effective alphas at which subtrees are pruned, increasing, and the total impurity of the
   * leaves after each step, as scikit-learn's `cost_complexity_pruning_path`. Leaves this model as it is.
   */
  costComplexityPruningPath(X: MatrixLike, y: ArrayLike<Y>, sampleWeight?: ArrayLike<number>): PruningPath {
    const est = this.clone().setParams({ ccpAlpha: 0 }).fit(X, y, sampleWeight);
    return pruningPath(est.fitted('costComplexityPruningPath').tree);
  }

  /** The value of each sample's leaf (one row of one value per output for a 2-d y). */
  predict(X: MatrixLike): Y[] {
    const { s, leaves } = this.leaves(X, 'predict');
    const v = s.tree.value;
    const k = s.nOutputs;
    if (k === null) return Array.from(leaves, (leaf) => v[leaf]) as Y[];
    return Array.from(leaves, (leaf) => Array.from(v.subarray(leaf * k, (leaf + 1) * k))) as Y[];
  }

  /**
   * The coefficient of determination R² of the prediction (weighted by `sampleWeight` when given);
   * for a 2-d y the mean of the outputs' R² (scikit-learn's 'uniform_average').
   */
  score(X: MatrixLike, y: ArrayLike<Y>, sampleWeight?: ArrayLike<number>): number {
    const pred = this.predict(X);
    const k = checkScoreTarget(y, pred.length, this.fitted('score').nOutputs, this.className);
    if (k === null) return r2Score(y as ArrayLike<number>, pred as number[], { sampleWeight });
    const cols = targetColumns(y as unknown as ArrayLike<ArrayLike<unknown>>, pred.length, this.className, (values, name) => toTarget(values, { estimator: this.className, name }));
    const p = pred as number[][];
    let sum = 0;
    for (let j = 0; j < k; j++) {
      sum += r2Score(
        cols[j],
        p.map((r) => r[j]),
        { sampleWeight },
      );
    }
    return sum / k;
  }

  protected outputClasses(): undefined {
    return undefined;
  }
}

registerEstimator(DecisionTreeRegressor);

/** The Poisson criterion needs non-negative targets with a positive sum per output (as scikit-learn). */
export function checkPoissonTarget(y: Float64Array, k: number, estimator: string): void {
  const sums = new Float64Array(k);
  for (let i = 0; i < y.length; i++) {
    if (y[i] < 0) {
      throw new ValidationError({ code: 'invalid_input', estimator, param: 'y', expected: "non-negative values with criterion 'poisson'", received: `${y[i]} at index ${Math.floor(i / k)}` });
    }
    sums[i % k] += y[i];
  }
  for (let j = 0; j < k; j++) {
    if (!(sums[j] > 0)) throw new ValidationError({ code: 'invalid_input', estimator, param: 'y', expected: "a positive sum with criterion 'poisson'", received: 'all zeros' });
  }
}
