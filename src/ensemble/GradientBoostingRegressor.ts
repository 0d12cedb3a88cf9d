import type { Matrix } from 'ml-matrix';
import { readFitOptions, type FitOptions } from '../core/fitControl';
import { BaseRegressor, type BaseEstimator } from '../core/base';
import { ValidationError } from '../core/errors';
import { num, oneOf } from '../core/params';
import { average } from '../core/numpySum';
import { registerEstimator } from '../core/serialization';
import type { StateSchema } from '../core/stateSchema';
import type { MatrixLike } from '../core/types';
import { toSampleWeight, toTarget } from '../core/validation';
import type { DecisionTreeRegressor } from '../tree/DecisionTreeRegressor';
import {
  applyAll,
  boostingImportances,
  fitBoosting,
  gbCommonDefaults,
  gbCommonSchema,
  gbStateSchema,
  oobImprovementOf,
  stageCount,
  rawPredict,
  stagedRaw,
  treesAsEstimators,
  type BoostHooks,
  type GBState,
  type GradientBoostingCommonOptions,
} from './_gbCommon';
import { absoluteErrorLoss, huberLoss, percentileLinear, quantileLoss, squaredErrorLoss, weightedPercentile, type GBLoss, type GBRegressionLoss } from './_gbLosses';

/** Options of {@link GradientBoostingRegressor}. */
export interface GradientBoostingRegressorOptions extends GradientBoostingCommonOptions {
  /**
   * The loss: 'squared_error', 'absolute_error', 'huber' (squared below the `alpha`-quantile of
   * the absolute residuals, linear above) or 'quantile' (the `alpha`-quantile).
   * @defaultValue 'squared_error'
   */
  loss: GBRegressionLoss;
  /** The quantile of 'huber' and 'quantile', in (0, 1). @defaultValue 0.9 */
  alpha: number;
}

const LOSSES: readonly GBRegressionLoss[] = ['squared_error', 'absolute_error', 'huber', 'quantile'];

function makeLoss(p: GradientBoostingRegressorOptions): GBLoss {
  switch (p.loss) {
    case 'absolute_error':
      return absoluteErrorLoss();
    case 'huber':
      return huberLoss(p.alpha);
    case 'quantile':
      return quantileLoss(p.alpha);
    default:
      return squaredErrorLoss();
  }
}

/** The raw predictions of a fitted init regressor: its predictions. */
function regressorInit(est: BaseEstimator, X: Matrix): Float64Array {
  const predict = (est as unknown as { predict?: (X: Matrix) => ArrayLike<number> }).predict;
  if (typeof predict !== 'function') {
    throw new ValidationError({ code: 'invalid_option', estimator: 'GradientBoostingRegressor', param: 'init', expected: 'an estimator with predict', received: est.className });
  }
  return Float64Array.from(predict.call(est, X));
}

const HOOKS = { estimatorInit: regressorInit };

/**
 * Gradient boosting for regression, as scikit-learn's `GradientBoostingRegressor`: stage after
 * stage, a depth-limited CART tree is fitted to the negative gradient of the loss, its leaves set
 * by the loss's own line search (the mean for 'squared_error', the weighted median of the residuals
 * for 'absolute_error', …), and the prediction moves by `learningRate` times the tree.
 *
 * With `subsample: 1` and `maxFeatures: null` the trees, and so the predictions, are scikit-learn's
 * (the feature order drawn from `randomState` only decides ties between equally good splits).
 *
 * Fitted attributes: `estimators_` (`[stage][0]` DecisionTreeRegressor), `trainScore_` (the loss
 * after each stage, on the in-bag samples when `subsample < 1`), `oobImprovement_`, `init_`,
 * `nEstimators_`, `featureImportances_`, `maxFeatures_`, `nFeaturesIn_`. Methods `predict`,
 * `stagedPredict`, `apply`.
 *
 * @example
 * ```ts
 * import { GradientBoostingRegressor } from 'typelearn';
 * const X = [[1], [2], [3], [4], [5], [6], [7], [8]];
 * const y = [1.1, 1.9, 3.2, 3.9, 5.1, 6.2, 6.8, 8.1];
 * const reg = new GradientBoostingRegressor({ nEstimators: 50, maxDepth: 2, randomState: 0 }).fit(X, y);
 * console.log(reg.nEstimators_); // 50
 * console.log(reg.predict([[4.5], [4.6]]).map((v) => +v.toFixed(3))); // [ 3.902, 5.099 ]
 * ```
 */
export class GradientBoostingRegressor extends BaseRegressor<GradientBoostingRegressorOptions, GBState> {
  static override readonly className = 'GradientBoostingRegressor';
  static override readonly stateSchema: StateSchema = gbStateSchema(LOSSES, () => 1);
  static override readonly defaults: GradientBoostingRegressorOptions = { loss: 'squared_error', ...gbCommonDefaults, alpha: 0.9 };
  static override readonly paramSchema = {
    loss: oneOf(...LOSSES),
    ...gbCommonSchema,
    alpha: num({ min: 0, max: 1, minInclusive: false, maxInclusive: false }),
  };

  /**
   * Fits the stages (adds stages to the fitted ones with `warmStart`).
   * @param sampleWeightOrOptions - optional non-negative weight per sample, or `{ sampleWeight?,
   *   onProgress?, signal? }`: `onProgress` after every new stage (unit `'iteration'`) with the
   *   training loss, `signal` checked between stages; an abort keeps the previous fit.
   */
  fit(X: MatrixLike, y: ArrayLike<number>, sampleWeightOrOptions?: ArrayLike<number> | FitOptions): this {
    const name = this.className;
    const { sampleWeight, control } = readFitOptions(name, sampleWeightOrOptions);
    const p = this.params;
    const Xr = this.checkX(X, { reset: !(p.warmStart && this.state !== undefined) });
    const n = Xr.rows;
    const yv = toTarget(y, { estimator: name, length: n });
    const weighted = sampleWeight !== undefined;
    const w = weighted ? toSampleWeight(sampleWeight, n, name) : new Float64Array(n).fill(1);
    const hooks: BoostHooks = {
      estimator: name,
      loss: makeLoss(p),
      lossName: p.loss,
      stratify: null,
      estimatorInit: regressorInit,
      constantInit: (yt, wt, isWeighted) => {
        if (p.loss === 'squared_error') return Float64Array.of(isWeighted ? average(yt, wt) : average(yt));
        const q = p.loss === 'quantile' ? p.alpha * 100 : 50;
        return Float64Array.of(isWeighted ? weightedPercentile(yt, wt, q) : percentileLinear(yt, q));
      },
    };
    this.state = fitBoosting(p, { Xr, y: yv, w, weighted }, hooks, this.state, control);
    return this;
  }

  /** The prediction: the initial model's plus `learningRate` times each tree's. */
  predict(X: MatrixLike): number[] {
    const s = this.fitted('predict');
    return Array.from(rawPredict(s, this.checkX(X, { copy: false }), HOOKS));
  }

  /** The prediction after each stage, stage after stage. */
  stagedPredict(X: MatrixLike): Generator<number[]> {
    const s = this.fitted('stagedPredict');
    const Xr = this.checkX(X, { copy: false });
    return (function* () {
      for (const raw of stagedRaw(s, Xr, HOOKS)) yield Array.from(raw);
    })();
  }

  /** The leaf of each sample in the tree of each stage: `[sample][stage]`. */
  apply(X: MatrixLike): number[][] {
    const s = this.fitted('apply');
    return applyAll(s, this.checkX(X, { copy: false })).map((row) => row.map((leaves) => leaves[0]));
  }

  /** The fitted trees, `[stage][0]`, as DecisionTreeRegressor instances (copies). */
  get estimators_(): DecisionTreeRegressor[][] {
    return treesAsEstimators(this.fitted('estimators_'), this.params);
  }

  /** The number of stages fitted (below `nEstimators` when early stopping ended the fit). */
  get nEstimators_(): number {
    return stageCount(this.fitted('nEstimators_'));
  }

  /** The loss on the training data after each stage (on the in-bag samples when `subsample < 1`). */
  get trainScore_(): number[] {
    return Array.from(this.fitted('trainScore_').trainScore);
  }

  /** The decrease of the out-of-bag loss at each stage (`subsample < 1` only; throws otherwise). */
  get oobImprovement_(): number[] {
    return oobImprovementOf(this.fitted('oobImprovement_'), this.className);
  }

  /**
   * The initial model: the fitted init estimator, 'zero', or (the default) the loss's constant
   * as `{ constant }` (scikit-learn's DummyRegressor: the mean, the median or the `alpha`-quantile).
   */
  get init_():
    | BaseEstimator
    | 'zero'
    | {
        /** The constant raw prediction every stage starts from (the loss's optimal constant). */
        constant: number;
      } {
    const s = this.fitted('init_');
    if (s.initEstimator !== null) return s.initEstimator;
    if (this.params.init === 'zero') return 'zero';
    return { constant: (s.initRaw as Float64Array)[0] };
  }

  /** The number of features each split considers. */
  get maxFeatures_(): number {
    return this.fitted('maxFeatures_').maxFeatures;
  }

  /** Mean decrease in impurity of each feature over all trees, normalized to sum to 1. */
  get featureImportances_(): number[] {
    return boostingImportances(this.fitted('featureImportances_'));
  }
}

registerEstimator(GradientBoostingRegressor);
