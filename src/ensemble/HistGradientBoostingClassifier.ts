import type { Matrix } from 'ml-matrix';
import { readFitOptions, type FitOptions } from '../core/fitControl';
import { weightByClass, type ClassWeight } from '../core/classWeight';
import { matrixFromFlat } from '../core/data/index';
import { nullable, num, oneOf, record, union } from '../core/params';
import { registerEstimator } from '../core/serialization';
import { labels, type StateSchema } from '../core/stateSchema';
import type { EstimatorTags, Label, MatrixLike } from '../core/types';
import { classTarget, toSampleWeight } from '../core/validation';
import { accuracyScore } from '../metrics/accuracyScore';
import { getScorer } from '../metrics/scorer';
import { makeLoss } from './hist/losses';
import type { ScoreSet } from './hist/boosting';
import {
  BaseHistGradientBoosting,
  baseHistDefaults,
  baseHistSchema,
  histStateSchema,
  type BaseHistGradientBoostingOptions,
  type HistState,
} from './_BaseHistGradientBoosting';

/** Options of {@link HistGradientBoostingClassifier}. */
export interface HistGradientBoostingClassifierOptions extends BaseHistGradientBoostingOptions {
  /** The loss: 'log_loss' (binary or multinomial). @defaultValue 'log_loss' */
  loss: 'log_loss';
  /**
   * Weights of the classes, multiplying the sample weights: 'balanced' (n_samples / (n_classes ·
   * count)), a map from label to weight (others 1), or null. @defaultValue null
   */
  classWeight: ClassWeight;
}

type ClassifierState = HistState & { classes: Label[] };

/** Class probabilities (n x C, row-major) from raw predictions (n per output column). */
function probabilities(raw: Float64Array, n: number, C: number): Float64Array {
  const out = new Float64Array(n * C);
  if (C === 2) {
    for (let i = 0; i < n; i++) {
      const p = 1 / (1 + Math.exp(-raw[i]));
      out[2 * i] = 1 - p;
      out[2 * i + 1] = p;
    }
    return out;
  }
  for (let i = 0; i < n; i++) {
    let max = -Infinity;
    for (let k = 0; k < C; k++) if (raw[k * n + i] > max) max = raw[k * n + i];
    let sum = 0;
    for (let k = 0; k < C; k++) {
      const e = Math.exp(raw[k * n + i] - max);
      out[i * C + k] = e;
      sum += e;
    }
    for (let k = 0; k < C; k++) out[i * C + k] /= sum;
  }
  return out;
}

/** The most probable class of each row (the first of equal ones). */
function argmaxLabels(proba: Float64Array, n: number, classes: readonly Label[]): Label[] {
  const C = classes.length;
  const out: Label[] = new Array<Label>(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let k = 1; k < C; k++) if (proba[i * C + k] > proba[i * C + best]) best = k;
    out[i] = classes[best];
  }
  return out;
}

/** The decision function from raw predictions: one number per row (binary), else n x C. */
function decision(raw: Float64Array, n: number, C: number): number[] | Matrix {
  if (C === 2) return Array.from(raw);
  const out = new Float64Array(n * C);
  for (let i = 0; i < n; i++) for (let k = 0; k < C; k++) out[i * C + k] = raw[k * n + i];
  return matrixFromFlat(out, n, C);
}

/**
 * Histogram-based gradient boosting for classification, as scikit-learn's
 * `HistGradientBoostingClassifier`: binary log loss on one tree per iteration, or the multinomial
 * log loss on one tree per class per iteration. Features are binned into at most `maxBins`
 * quantile bins; trees grow leaf-wise on gradient and hessian histograms. Missing values (NaN) are
 * supported natively, and categorical features are split on sets of categories.
 *
 * Fitted attributes: `classes_`, `nIter_`, `nTreesPerIteration_`, `trainScore_`,
 * `validationScore_`, `nFeaturesIn_`. `stagedPredict`, `stagedPredictProba` and
 * `stagedDecisionFunction` yield the outputs after each iteration.
 *
 * @example
 * ```ts
 * import { HistGradientBoostingClassifier } from 'typelearn';
 * const X = Array.from({ length: 100 }, (_, i) => [i % 10, i % 4]);
 * const y = X.map(([a]) => (a < 5 ? 'low' : 'high'));
 * const clf = new HistGradientBoostingClassifier({ maxIter: 20 }).fit(X, y);
 * console.log(clf.predict([[1, 0], [8, NaN]])); // [ 'low', 'high' ]
 * ```
 */
export class HistGradientBoostingClassifier extends BaseHistGradientBoosting<HistGradientBoostingClassifierOptions, ClassifierState> {
  static override readonly className = 'HistGradientBoostingClassifier';
  static override readonly tags: Partial<EstimatorTags> = { estimatorType: 'classifier', requiresY: true, allowNaN: true };
  static override readonly stateSchema: StateSchema = {
    classes: labels({ minLength: 2 }),
    ...histStateSchema((s) => (Array.isArray(s.classes) ? (s.classes.length === 2 ? 1 : s.classes.length) : NaN)),
  };
  static override readonly defaults: HistGradientBoostingClassifierOptions = { loss: 'log_loss', ...baseHistDefaults, classWeight: null };
  static override readonly paramSchema = {
    loss: oneOf('log_loss'),
    ...baseHistSchema,
    classWeight: nullable(union(oneOf('balanced'), record(num({ min: 0 })))),
  };

  /**
   * Fits the model.
   * @param sampleWeightOrOptions - optional non-negative weight per sample (multiplied by class weights), or
   *   `{ sampleWeight?, onProgress?, signal? }`: `onProgress` after every iteration (unit
   *   `'iteration'`, total maxIter, an upper bound), `signal` checked between them; an abort keeps
   *   the previous fit.
   */
  fit(X: MatrixLike, y: ArrayLike<Label>, sampleWeightOrOptions?: ArrayLike<number> | FitOptions): this {
    const { sampleWeight, control } = readFitOptions(this.className, sampleWeightOrOptions);
    const name = this.className;
    // Read in place (no copy of X): the fit only reads it; binning makes its own Uint8Array.
    const Xr = this.checkX(X, { reset: true, copy: false });
    const n = Xr.rows;
    const { classes, codes: yi } = classTarget(y, n, name);
    const C = classes.length;
    let w: Float64Array | null = sampleWeight === undefined ? null : toSampleWeight(sampleWeight, n, name);
    if (this.params.classWeight !== null) w = weightByClass(w ?? new Float64Array(n).fill(1), yi, classes, this.params.classWeight, name);
    const loss = makeLoss('log_loss', C === 2 ? 1 : C);
    const scoring = this.params.scoring;
    let scorer = null;
    if (scoring !== 'loss') {
      const score = scoring === null ? null : getScorer(scoring);
      const d = Xr.cols;
      scorer = (raw: Float64Array, set: ScoreSet): number => {
        const m = set.n;
        const proba = probabilities(raw, m, C);
        const pred = argmaxLabels(proba, m, classes);
        const truth = Array.from(set.y, (k) => classes[k]);
        if (score === null) return accuracyScore(truth, pred, { sampleWeight: set.w ?? undefined });
        const rows = Array.from({ length: m }, (_, i) => set.X.subarray(i * d, (i + 1) * d));
        return score({ predict: () => pred, predictProba: () => matrixFromFlat(proba, m, C), decisionFunction: () => decision(raw, m, C), classes_: classes }, rows, truth);
      };
    }
    const same = (s: HistState): boolean => {
      const c = (s as ClassifierState).classes;
      return c.length === C && c.every((v, k) => v === classes[k]);
    };
    return this.fitHist({ X: Xr, y: Float64Array.from(yi), w, loss, stratify: Array.from(yi), scorer, compatible: same, control }, (s) => ({ ...s, classes }));
  }

  /** The class probabilities, columns as `classes_`. */
  predictProba(X: MatrixLike): Matrix {
    const { s, raw, n } = this.raw(X, 'predictProba');
    return matrixFromFlat(probabilities(raw, n, s.classes.length), n, s.classes.length);
  }

  /** The most probable class of each sample. */
  predict(X: MatrixLike): Label[] {
    const { s, raw, n } = this.raw(X, 'predict');
    return argmaxLabels(probabilities(raw, n, s.classes.length), n, s.classes);
  }

  /** The raw predictions: the logit of the second class (binary), else one column per class. */
  decisionFunction(X: MatrixLike): number[] | Matrix {
    const { s, raw, n } = this.raw(X, 'decisionFunction');
    return decision(raw, n, s.classes.length);
  }

  /** The predicted classes after each iteration, in turn. */
  *stagedPredict(X: MatrixLike): Generator<Label[]> {
    for (const { s, raw, n } of this.stagedRaw(X, 'stagedPredict')) yield argmaxLabels(probabilities(raw, n, s.classes.length), n, s.classes);
  }

  /** The class probabilities after each iteration, in turn. */
  *stagedPredictProba(X: MatrixLike): Generator<Matrix> {
    for (const { s, raw, n } of this.stagedRaw(X, 'stagedPredictProba')) yield matrixFromFlat(probabilities(raw, n, s.classes.length), n, s.classes.length);
  }

  /** The decision function after each iteration, in turn. */
  *stagedDecisionFunction(X: MatrixLike): Generator<number[] | Matrix> {
    for (const { s, raw, n } of this.stagedRaw(X, 'stagedDecisionFunction')) yield decision(raw, n, s.classes.length);
  }

  /** The class labels seen in `fit`, sorted as scikit-learn sorts them. */
  get classes_(): Label[] {
    return this.fitted('classes_').classes.slice();
  }

  /** Mean accuracy on the given data (weighted by `sampleWeight` when given). */
  score(X: MatrixLike, y: ArrayLike<Label>, sampleWeight?: ArrayLike<number>): number {
    return accuracyScore(y, this.predict(X), { sampleWeight });
  }
}

registerEstimator(HistGradientBoostingClassifier);
