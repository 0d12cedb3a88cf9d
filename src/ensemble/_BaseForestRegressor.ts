/**
 * What RandomForestRegressor and ExtraTreesRegressor share: everything but their defaults, the
 * split rule of their trees ('best' or 'random') and the class of `estimators_`.
 */
import { BaseRegressor } from '../core/base';
import { readFitOptions, type FitOptions } from '../core/fitControl';
import { ValidationError, describeValue } from '../core/errors';
import { oneOf } from '../core/params';
import { nFeaturesIn, type StateSchema } from '../core/stateSchema';
import type { MatrixLike } from '../core/types';
import { toSampleWeight, toTarget } from '../core/validation';
import { r2Score } from '../metrics/r2Score';
import { checkPoissonTarget, type DecisionTreeRegressor } from '../tree/DecisionTreeRegressor';
import { targetScale } from '../tree/forEnsembles';
import { forestSum, toFloat32Rows } from './_flatForest';
import { outOfBagSums } from './_forestBuild';
import type { RowMajor } from '../core/data/index';
import {
  FlatCache,
  baseForestSchema,
  assembleForest,
  growForest,
  leavesByRow,
  prepareForest,
  requireOob,
  treesAsEstimators,
  forestImportances,
  forestStateRules,
  oobScoreSchema,
  warnMissingOob,
  type BaseForestOptions,
  type ForestFitOutput,
  type ForestState,
  type OobState,
  type PreparedForest,
} from './_forestCommon';
import { checkForestAsyncOptions, growTreesAsync, type ForestAsyncOptions } from './_forestAsync';

/** A scorer for the out-of-bag predictions of a regressor: `(yTrue, yPred) => score`. */
export type RegressorOobScorer = (yTrue: number[], yPred: number[]) => number;

/** Options of the forest regressors. */
export interface ForestRegressorOptions extends BaseForestOptions {
  /**
   * The impurity each tree's splits decrease: 'squared_error', 'friedman_mse', 'poisson'
   * (non-negative targets with a positive sum) or 'absolute_error' (random forests only).
   * @defaultValue 'squared_error'
   */
  criterion: 'squared_error' | 'friedman_mse' | 'poisson' | 'absolute_error';
  /**
   * Score the forest on the samples each tree did not draw (needs `bootstrap`): true for R², or a
   * scorer `(yTrue, yPred) => number`; read it as `oobScore_`. @defaultValue false
   */
  oobScore: boolean | RegressorOobScorer;
}

/** The rules of the regressor options. */
export const forestRegressorSchema = {
  ...baseForestSchema,
  criterion: oneOf('squared_error', 'friedman_mse', 'poisson', 'absolute_error'),
  oobScore: oobScoreSchema,
};

/** A regressor's fit between its preparation and its finish. */
interface RegressorFitJob {
  prep: PreparedForest;
  Xr: RowMajor;
  yv: Float64Array;
}

/** Whether the flat forest holds class fractions (classifiers) or values (regressors). */
const FLAT_NORMALIZE = false;

export abstract class BaseForestRegressor extends BaseRegressor<ForestRegressorOptions, ForestState> {
  static override readonly className: string = 'BaseForestRegressor';
  static override readonly stateSchema: StateSchema = { nFeaturesIn: nFeaturesIn(), ...forestStateRules(() => 1) };

  /** How the trees split: 'best' (random forests) or 'random' (extra trees). */
  protected abstract readonly splitter: 'best' | 'random';
  /** A tree of `estimators_`, unfitted, with these options. */
  protected abstract makeTree(options: Record<string, unknown>): DecisionTreeRegressor;

  private readonly flat = new FlatCache();

  /**
   * Grows the trees (with `warmStart`, only those beyond the ones already fitted).
   * @param sampleWeight - optional non-negative weight per sample (with bootstrap, multiplied by
   *   each tree's draw counts); or `{ sampleWeight?, onProgress?, signal? }`: `onProgress` after every
   *   new tree (unit `'tree'`), `signal` checked between trees; an abort keeps the previous fit.
   */
  fit(X: MatrixLike, y: ArrayLike<number>, sampleWeight?: ArrayLike<number> | FitOptions): this {
    const { sampleWeight: weights, control } = readFitOptions(this.className, sampleWeight);
    const job = this.prepareFit(X, y, weights);
    return this.finishFit(job, growForest(job.prep, control));
  }

  /**
   * `fit`, with the trees grown in `nJobs` worker threads (`typelearn/parallel`): the checks and the
   * trees' seeds in this thread as `fit` does, so the forest is the same as `fit`'s for the same
   * `randomState`. An abort rejects with the signal's reason and keeps the previous fit.
   */
  async fitAsync(X: MatrixLike, y: ArrayLike<number>, options?: ForestAsyncOptions): Promise<this> {
    const o = checkForestAsyncOptions(this.className, options);
    const job = this.prepareFit(X, y, o.sampleWeight);
    return this.finishFit(job, assembleForest(job.prep, await growTreesAsync(this.className, job.prep, o)));
  }

  /** Everything `fit` does before growing trees. */
  private prepareFit(X: MatrixLike, y: ArrayLike<number>, sampleWeight: ArrayLike<number> | undefined): RegressorFitJob {
    const name = this.className;
    const p = this.params;
    const Xr = this.checkX(X, { reset: true });
    const n = Xr.rows;
    const yv = toTarget(y, { estimator: name, length: n });
    if (p.criterion === 'poisson') checkPoissonTarget(yv, 1, name);
    const sw = sampleWeight === undefined ? new Float64Array(n).fill(1) : toSampleWeight(sampleWeight, n, name);
    // Targets so large that their squares overflow are divided, as DecisionTreeRegressor does.
    const scale = targetScale(yv);
    const yt = scale !== 1 ? yv.map((v) => v / scale) : yv;
    const prep = prepareForest({
      estimator: name,
      params: p,
      splitter: this.splitter,
      Xr,
      target: { kind: 'regression', y: yt },
      sampleWeight: sw,
      balancedSubsample: false,
      valueScale: scale,
      oob: p.oobScore !== false,
      previous: p.warmStart ? this.state : undefined,
    });
    return { prep, Xr, yv };
  }

  /** Everything `fit` does after growing trees: the out-of-bag score, then the new state. */
  private finishFit(job: RegressorFitJob, grown: ForestFitOutput): this {
    const name = this.className;
    const p = this.params;
    const { Xr, yv } = job;
    const n = Xr.rows;
    let oob: ForestState['oob'] = null;
    if (p.oobScore !== false) {
      const { sums, counts } = outOfBagSums(grown.trees, grown.seeds, grown.data.Xc, grown.nSamplesBootstrap, 1, (t) => t.value);
      warnMissingOob(counts, name);
      for (let i = 0; i < n; i++) sums[i] /= Math.max(counts[i], 1);
      const pred = Array.from(sums);
      const score = p.oobScore === true ? r2Score(yv, pred) : p.oobScore(Array.from(yv), pred);
      if (typeof score !== 'number') {
        throw new ValidationError({ code: 'invalid_option', estimator: name, param: 'oobScore', expected: 'a scorer returning a number', received: describeValue(score) });
      }
      oob = { score, values: sums };
    }
    this.state = { nFeaturesIn: Xr.cols, seeds: grown.seeds, trees: grown.trees, oob };
    return this;
  }

  /** The mean over the trees of their leaf's value. */
  predict(X: MatrixLike): number[] {
    const s = this.fitted('predict');
    const Xr = this.checkX(X, { copy: false });
    const sums = forestSum(this.flat.get(s, FLAT_NORMALIZE), toFloat32Rows(Xr.data), Xr.rows, Xr.cols);
    const T = s.trees.length;
    return Array.from(sums, (v) => v / T);
  }

  /** The leaf each sample ends in, in each tree: one row per sample, one column per tree. */
  apply(X: MatrixLike): number[][] {
    const s = this.fitted('apply');
    return leavesByRow(this.flat.get(s, FLAT_NORMALIZE), this.checkX(X, { copy: false }));
  }

  /** The trees, as fitted DecisionTreeRegressor (or ExtraTreeRegressor) instances, each with its own seed as `randomState`. */
  get estimators_(): DecisionTreeRegressor[] {
    const s = this.fitted('estimators_');
    return treesAsEstimators(s, this.params, this.splitter, (o) => this.makeTree(o), () => ({}));
  }

  /** Mean decrease in impurity of each feature: the mean of the trees' normalized importances, normalized. */
  get featureImportances_(): number[] {
    const s = this.fitted('featureImportances_');
    return forestImportances(s.trees, s.nFeaturesIn);
  }

  /** The out-of-bag score (R², or the `oobScore` scorer's value); needs `oobScore` at fit. */
  get oobScore_(): number {
    return this.oobOf('oobScore_').score;
  }

  /** The out-of-bag prediction of each training sample (0 for a sample every tree drew); needs `oobScore` at fit. */
  get oobPrediction_(): number[] {
    return Array.from(this.oobOf('oobPrediction_').values);
  }

  private oobOf(attribute: string): OobState {
    return requireOob(this.fitted(attribute), this.className, attribute);
  }
}
