/**
 * What RandomForestClassifier and ExtraTreesClassifier share: everything but their defaults, the
 * split rule of their trees ('best' or 'random') and the class of `estimators_`.
 */
import type { Matrix } from 'ml-matrix';
import { BaseClassifier } from '../core/base';
import { readFitOptions, type FitOptions } from '../core/fitControl';
import { weightByClass } from '../core/classWeight';
import { matrixFromFlat } from '../core/data/index';
import { ValidationError, describeValue } from '../core/errors';
import { nullable, num, oneOf, record, union } from '../core/params';
import { labels, nFeaturesIn, resolveLength, type StateSchema } from '../core/stateSchema';
import type { Label, MatrixLike } from '../core/types';
import { classTarget, toSampleWeight } from '../core/validation';
import { accuracyScore } from '../metrics/accuracyScore';
import type { DecisionTreeClassifier } from '../tree/DecisionTreeClassifier';
import { forestSum, nodeOutput, toFloat32Rows } from './_flatForest';
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

/** A scorer for the out-of-bag predictions of a classifier: `(yTrue, yPred) => score`, labels as given to `fit`. */
export type ClassifierOobScorer = (yTrue: Label[], yPred: Label[]) => number;

/** Options of the forest classifiers. */
export interface ForestClassifierOptions extends BaseForestOptions {
  /** The impurity each tree's splits decrease: 'gini', or 'entropy' / 'log_loss' (the same). @defaultValue 'gini' */
  criterion: 'gini' | 'entropy' | 'log_loss';
  /**
   * Score the forest on the samples each tree did not draw (needs `bootstrap`): true for accuracy,
   * or a scorer `(yTrue, yPred) => number`; read it as `oobScore_`. @defaultValue false
   */
  oobScore: boolean | ClassifierOobScorer;
  /**
   * Weights of the classes, multiplying the sample weights: 'balanced' (n_samples / (n_classes ·
   * count), from the whole y), 'balanced_subsample' (the same from each tree's bootstrap sample;
   * 'balanced' without bootstrap), a map from label to weight (others 1), or null. @defaultValue null
   */
  classWeight: 'balanced' | 'balanced_subsample' | Record<string, number> | null;
}

/** The fitted state of a forest classifier. */
export type ForestClassifierState = ForestState & { classes: Label[] };

/** The rules of the classifier-only options. */
export const forestClassifierSchema = {
  ...baseForestSchema,
  criterion: oneOf('gini', 'entropy', 'log_loss'),
  oobScore: oobScoreSchema,
  classWeight: nullable(union(oneOf('balanced', 'balanced_subsample'), record(num({ min: 0 })))),
};

function sameLabels(a: readonly Label[], b: readonly Label[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** A classifier's fit between its preparation and its finish. */
interface ClassifierFitJob {
  prep: PreparedForest;
  Xr: RowMajor;
  ys: Label[];
  classes: Label[];
}

/** Whether the flat forest holds class fractions (classifiers) or values (regressors). */
const FLAT_NORMALIZE = true;

export abstract class BaseForestClassifier extends BaseClassifier<ForestClassifierOptions, ForestClassifierState> {
  static override readonly className: string = 'BaseForestClassifier';
  static override readonly stateSchema: StateSchema = {
    nFeaturesIn: nFeaturesIn(),
    classes: labels(),
    ...forestStateRules((ctx) => resolveLength('nClasses', ctx)),
  };

  /** How the trees split: 'best' (random forests) or 'random' (extra trees). */
  protected abstract readonly splitter: 'best' | 'random';
  /** A tree of `estimators_`, unfitted, with these options. */
  protected abstract makeTree(options: Record<string, unknown>): DecisionTreeClassifier;

  private readonly flat = new FlatCache();

  /**
   * Grows the trees (with `warmStart`, only those beyond the ones already fitted).
   * @param sampleWeight - optional non-negative weight per sample (multiplied by class weights and,
   *   with bootstrap, by each tree's draw counts); or `{ sampleWeight?, onProgress?, signal? }`:
   *   `onProgress` after every new tree (unit `'tree'`), `signal` checked between trees; an abort
   *   keeps the previous fit.
   */
  fit(X: MatrixLike, y: ArrayLike<Label>, sampleWeight?: ArrayLike<number> | FitOptions): this {
    const { sampleWeight: weights, control } = readFitOptions(this.className, sampleWeight);
    const job = this.prepareFit(X, y, weights);
    return this.finishFit(job, growForest(job.prep, control));
  }

  /**
   * `fit`, with the trees grown in `nJobs` worker threads (`typelearn/parallel`): the checks and the
   * trees' seeds in this thread as `fit` does, so the forest is the same as `fit`'s for the same
   * `randomState`. An abort rejects with the signal's reason and keeps the previous fit.
   */
  async fitAsync(X: MatrixLike, y: ArrayLike<Label>, options?: ForestAsyncOptions): Promise<this> {
    const o = checkForestAsyncOptions(this.className, options);
    const job = this.prepareFit(X, y, o.sampleWeight);
    return this.finishFit(job, assembleForest(job.prep, await growTreesAsync(this.className, job.prep, o)));
  }

  /** Everything `fit` does before growing trees. */
  private prepareFit(X: MatrixLike, y: ArrayLike<Label>, sampleWeight: ArrayLike<number> | undefined): ClassifierFitJob {
    const name = this.className;
    const p = this.params;
    const Xr = this.checkX(X, { reset: true });
    const n = Xr.rows;
    const { labels: ys, classes, codes: yi } = classTarget(y, n, name);
    const previous = p.warmStart ? this.state : undefined;
    if (previous !== undefined && !sameLabels(previous.classes, classes)) {
      throw new ValidationError({ code: 'invalid_input', estimator: name, param: 'y', expected: `the classes of the trees kept by warmStart (${previous.classes.map(String).join(', ')})`, received: classes.map(String).join(', ') });
    }
    const sw = sampleWeight === undefined ? new Float64Array(n).fill(1) : toSampleWeight(sampleWeight, n, name);
    const cw = p.classWeight;
    const balancedSubsample = cw === 'balanced_subsample' && p.bootstrap;
    const w = weightByClass(sw, yi, classes, cw === 'balanced_subsample' ? (p.bootstrap ? null : 'balanced') : cw, name);
    const K = classes.length;
    const prep = prepareForest({
      estimator: name,
      params: p,
      splitter: this.splitter,
      Xr,
      target: { kind: 'classification', y: yi, nClasses: K },
      sampleWeight: w,
      balancedSubsample,
      valueScale: 1,
      oob: p.oobScore !== false,
      previous,
    });
    return { prep, Xr, ys, classes };
  }

  /** Everything `fit` does after growing trees: the out-of-bag score, then the new state. */
  private finishFit(job: ClassifierFitJob, grown: ForestFitOutput): this {
    const name = this.className;
    const p = this.params;
    const { Xr, ys, classes } = job;
    const n = Xr.rows;
    const K = classes.length;
    let oob: ForestClassifierState['oob'] = null;
    if (p.oobScore !== false) {
      const { sums, counts } = outOfBagSums(grown.trees, grown.seeds, grown.data.Xc, grown.nSamplesBootstrap, K, (t) => nodeOutput(t, true));
      warnMissingOob(counts, name);
      const pred: Label[] = new Array<Label>(n);
      for (let i = 0; i < n; i++) {
        const c = Math.max(counts[i], 1);
        let best = 0;
        for (let k = 0; k < K; k++) {
          sums[i * K + k] /= c;
          if (sums[i * K + k] > sums[i * K + best]) best = k;
        }
        pred[i] = classes[best];
      }
      const score = p.oobScore === true ? accuracyScore(ys, pred) : p.oobScore(ys.slice(), pred);
      if (typeof score !== 'number') {
        throw new ValidationError({ code: 'invalid_option', estimator: name, param: 'oobScore', expected: 'a scorer returning a number', received: describeValue(score) });
      }
      oob = { score, values: sums };
    }
    this.state = { nFeaturesIn: Xr.cols, classes, seeds: grown.seeds, trees: grown.trees, oob };
    return this;
  }

  /** The class probabilities: the mean over the trees of their leaf's class fractions, columns as `classes_`. */
  predictProba(X: MatrixLike): Matrix {
    const s = this.fitted('predictProba');
    const { p, rows } = this.proba(s, X);
    return matrixFromFlat(p, rows, s.classes.length);
  }

  /** The class of largest mean probability (the first of equal ones). */
  predict(X: MatrixLike): Label[] {
    const s = this.fitted('predict');
    const K = s.classes.length;
    const { p, rows } = this.proba(s, X);
    const out = new Array<Label>(rows);
    for (let r = 0; r < rows; r++) {
      let best = 0;
      for (let k = 1; k < K; k++) if (p[r * K + k] > p[r * K + best]) best = k;
      out[r] = s.classes[best];
    }
    return out;
  }

  /** The leaf each sample ends in, in each tree: one row per sample, one column per tree. */
  apply(X: MatrixLike): number[][] {
    const s = this.fitted('apply');
    return leavesByRow(this.flat.get(s, FLAT_NORMALIZE), this.checkX(X, { copy: false }));
  }

  /** The mean probabilities, rows × classes, row-major. */
  private proba(s: ForestClassifierState, X: MatrixLike): { p: Float64Array; rows: number } {
    const Xr = this.checkX(X, { copy: false });
    const p = forestSum(this.flat.get(s, FLAT_NORMALIZE), toFloat32Rows(Xr.data), Xr.rows, Xr.cols);
    const T = s.trees.length;
    for (let k = 0; k < p.length; k++) p[k] /= T;
    return { p, rows: Xr.rows };
  }

  /** The number of classes. */
  get nClasses_(): number {
    return this.fitted('nClasses_').classes.length;
  }

  /** The trees, as fitted DecisionTreeClassifier (or ExtraTreeClassifier) instances, each with its own seed as `randomState`. */
  get estimators_(): DecisionTreeClassifier[] {
    const s = this.fitted('estimators_');
    return treesAsEstimators(s, this.params, this.splitter, (o) => this.makeTree(o), () => ({ classes: s.classes.slice() }));
  }

  /** Mean decrease in impurity of each feature: the mean of the trees' normalized importances, normalized. */
  get featureImportances_(): number[] {
    const s = this.fitted('featureImportances_');
    return forestImportances(s.trees, s.nFeaturesIn);
  }

  /** The out-of-bag score (accuracy, or the `oobScore` scorer's value); needs `oobScore` at fit. */
  get oobScore_(): number {
    return this.oobOf('oobScore_').score;
  }

  /**
   * The out-of-bag class probabilities of each training sample (rows as samples, columns as
   * `classes_`; zeros for a sample every tree drew); needs `oobScore` at fit.
   */
  get oobDecisionFunction_(): Matrix {
    const s = this.fitted('oobDecisionFunction_');
    const o = this.oobOf('oobDecisionFunction_');
    const K = s.classes.length;
    return matrixFromFlat(o.values.slice(), o.values.length / K, K);
  }

  private oobOf(attribute: string): OobState {
    return requireOob(this.fitted(attribute), this.className, attribute);
  }
}
