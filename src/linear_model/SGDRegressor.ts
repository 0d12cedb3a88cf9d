import { BaseRegressor } from '../core/base';
import { ProgressReporter, readFitOptions, type FitOptions } from '../core/fitControl';
import { ConvergenceWarning, ValidationError, warn } from '../core/errors';
import { oneOf } from '../core/params';
import { checkRandomState, RandomState } from '../core/random';
import { registerEstimator } from '../core/serialization';
import type { IncrementalEstimator, MatrixLike } from '../core/types';
import { toSampleWeight, toTarget } from '../core/validation';
import { CsrMatrix, checkCsr, csrDot } from '../core/data/CsrMatrix';
import {
  checkSGDX,
  nCols,
  type SGDInput,
  COMMON_DEFAULTS,
  COMMON_SCHEMA,
  averageStart,
  checkSGDOptions,
  divergedError,
  linearR2,
  maskRows,
  sgdSettings,
  SPARSE_INTERCEPT_DECAY,
  validationMask,
  type SGDCommonOptions,
} from './_sgdCommon';
import { plainSGD } from './sgd';
import { REGRESSION_LOSSES, makeSGDLoss, type SGDRegressionLoss } from './sgdLosses';
import { bool, num, int, orNull, perFeature, numberValue, refine, type StateSchema } from '../core/stateSchema';
import { linearRegressorState } from './_stateRules';
import { PREDICT_CHECK, linearScores, toNumberArray } from './_scores';

/** Options of {@link SGDRegressor}. */
export interface SGDRegressorOptions extends SGDCommonOptions {
  /**
   * The loss: 'squared_error' (least squares), 'huber' (robust: linear beyond `epsilon`),
   * 'epsilon_insensitive' (linear SVR) or 'squared_epsilon_insensitive'. @defaultValue 'squared_error'
   */
  loss: SGDRegressionLoss;
  /** The learning-rate schedule. @defaultValue 'invscaling' */
  learningRate: SGDCommonOptions['learningRate'];
  /** The initial learning rate. @defaultValue 0.01 */
  eta0: number;
  /** The exponent of 'invscaling'. @defaultValue 0.25 */
  powerT: number;
}

interface SGDRegressorState {
  nFeaturesIn: number;
  /** The SGD iterate. */
  coef: Float64Array;
  intercept: number;
  /** The averaged iterate (averaging only). */
  averageCoef: Float64Array | null;
  averageIntercept: number;
  /** Whether coef_ and predictions use the averaged weights. */
  useAverage: boolean;
  t: number;
  nIter: number;
}

/**
 * A linear regressor trained by stochastic gradient descent, as scikit-learn's `SGDRegressor`:
 * least squares, Huber or (squared) epsilon-insensitive loss, L2 / L1 / elastic-net penalty, a
 * choice of learning-rate schedules, averaging and early stopping. `partialFit` learns from data in
 * batches (one epoch per call). Scale the features (and a large-valued target) first.
 *
 * X may also be a sparse {@link CsrMatrix} (e.g. from `OneHotEncoder#transformSparse`), in `fit`,
 * `partialFit`, `predict` and `score`: each update then costs O(nonzeros of the sample) instead of
 * O(features), and, as in scikit-learn, the intercept's updates are damped by 0.01 on sparse input.
 * The L2 decay is a scale factor either way.
 *
 * Fitted attributes: `coef_`, `intercept_` (an array of one number, as scikit-learn's), `nIter_`,
 * `t_`, `nFeaturesIn_`.
 * @example
 * ```ts
 * import { SGDRegressor } from 'typelearn';
 * const X = [[-1], [-0.5], [0], [0.5], [1]];
 * const y = [-1, 0, 1, 2, 3]; // y = 2x + 1
 * const reg = new SGDRegressor({ penalty: null, tol: null, maxIter: 2000, randomState: 0 }).fit(X, y);
 * console.log(+reg.coef_[0].toFixed(2), +reg.intercept_[0].toFixed(2)); // 2 1
 * ```
 */
export class SGDRegressor extends BaseRegressor<SGDRegressorOptions, SGDRegressorState> implements IncrementalEstimator {
  static override readonly className = 'SGDRegressor';
  /** The fitted state's rules, checked when a saved model is loaded. */
  static override readonly stateSchema: StateSchema = {
    ...linearRegressorState,
    averageCoef: orNull(perFeature()),
    averageIntercept: numberValue(),
    useAverage: refine(bool(), 'false without averaged weights', (v: boolean, { state }) => !v || state.averageCoef !== null),
    t: num({ min: 1 }),
    nIter: int({ min: 0 }),
  };
  static override readonly defaults: SGDRegressorOptions = {
    loss: 'squared_error',
    ...COMMON_DEFAULTS,
    learningRate: 'invscaling',
    eta0: 0.01,
    powerT: 0.25,
  };
  static override readonly paramSchema = { ...COMMON_SCHEMA, loss: oneOf(...REGRESSION_LOSSES) };

  /**
   * Fits the model on the whole data: up to `maxIter` epochs, from zeros (or, with `warmStart`,
   * from the previous coefficients).
   * @param sampleWeight - optional non-negative weight per sample, or `{ sampleWeight?, onProgress?,
   *   signal? }`: `onProgress` after every epoch (total maxIter, an upper bound) with the mean loss;
   *   an abort keeps the previous state.
   */
  fit(X: MatrixLike, y: ArrayLike<number>, sampleWeight?: ArrayLike<number> | FitOptions): this;
  fit(X: CsrMatrix, y: ArrayLike<number>, sampleWeight?: ArrayLike<number> | FitOptions): this;
  fit(X: MatrixLike | CsrMatrix, y: ArrayLike<number>, sampleWeight?: ArrayLike<number> | FitOptions): this {
    const name = this.className;
    const { sampleWeight: weights, control } = readFitOptions(name, sampleWeight);
    checkSGDOptions(name, this.params, false);
    const Xd = checkSGDX(X, name, undefined, () => this.checkX(X as MatrixLike, { reset: true }));
    const prev = this.state;
    let init: { coef: Float64Array; intercept: number } | null = null;
    if (this.params.warmStart && prev !== undefined) {
      if (prev.nFeaturesIn !== nCols(Xd)) {
        throw new ValidationError({
          code: 'feature_mismatch',
          estimator: name,
          param: 'X',
          expected: `${prev.nFeaturesIn} features for warmStart`,
          received: `${nCols(Xd)} features`,
        });
      }
      init = prev.useAverage && prev.averageCoef ? { coef: prev.averageCoef, intercept: prev.averageIntercept } : prev;
    }
    const progress = new ProgressReporter(control, 'epoch', this.params.maxIter);
    this.state = this.train(Xd, y, weights, this.params.maxIter, init, 1, null, progress);
    const { tol, maxIter } = this.params;
    if (tol !== null && this.state.nIter === maxIter) {
      warn(new ConvergenceWarning('Maximum number of iteration reached before convergence. Consider increasing maxIter to improve the fit.', name));
    }
    return this;
  }

  /** One epoch of SGD over the batch, continuing from the current model. */
  partialFit(X: MatrixLike, y: ArrayLike<number>, options?: { sampleWeight?: ArrayLike<number> }): this;
  partialFit(X: CsrMatrix, y: ArrayLike<number>, options?: { sampleWeight?: ArrayLike<number> }): this;
  partialFit(X: MatrixLike | CsrMatrix, y: ArrayLike<number>, options: { sampleWeight?: ArrayLike<number> } = {}): this {
    const prev = this.state;
    if (prev === undefined) checkSGDOptions(this.className, this.params, true);
    const Xd = checkSGDX(X, this.className, prev?.nFeaturesIn, () => this.checkX(X as MatrixLike, { reset: prev === undefined }));
    this.state = this.train(Xd, y, options.sampleWeight, 1, prev ?? null, prev?.t ?? 1, prev ?? null);
    return this;
  }

  private train(
    Xd: SGDInput,
    yIn: ArrayLike<number>,
    sampleWeight: ArrayLike<number> | undefined,
    maxIter: number,
    init: { coef: Float64Array; intercept: number } | null,
    t: number,
    prev: SGDRegressorState | null,
    progress?: ProgressReporter,
  ): SGDRegressorState {
    const name = this.className;
    const p = this.params;
    const n = Xd.rows;
    const d = nCols(Xd);
    const y = toTarget(yIn, { estimator: name, length: n });
    const sw = sampleWeight === undefined ? new Float64Array(n).fill(1) : toSampleWeight(sampleWeight, n, name);
    const rng = checkRandomState(p.randomState);
    const mask = p.earlyStopping ? validationMask(name, n, p.validationFraction, rng.seed(), sw, null) : null;
    const valRows = mask ? maskRows(mask) : null;
    const averaging = averageStart(p.average) > 0;
    const res = plainSGD(
      { X: Xd, y, sampleWeight: sw },
      {
        coef: init ? init.coef : new Float64Array(d),
        intercept: init ? init.intercept : 0,
        averageCoef: averaging ? (prev?.averageCoef ?? null) : null,
        averageIntercept: averaging && prev ? prev.averageIntercept : 0,
      },
      sgdSettings(p, makeSGDLoss(p.loss, p.epsilon), {
        maxIter,
        shuffle: p.shuffle ? new RandomState(rng.seed()) : null,
        weightPos: 1,
        weightNeg: 1,
        t,
        validationMask: mask,
        validationScore: valRows ? (w, b) => linearR2(Xd, valRows, y, sw, w, b) : null,
        interceptDecay: Xd instanceof CsrMatrix ? SPARSE_INTERCEPT_DECAY : 1,
        onEpoch: progress && !progress.silent ? (epoch, loss, score) => progress.step(epoch, { loss, score }) : undefined,
      }),
    );
    if (res.divergedAt > 0) throw divergedError(name, res.divergedAt);
    const tNext = t + res.nIter * n;
    return {
      nFeaturesIn: d,
      coef: res.coef,
      intercept: res.intercept,
      averageCoef: res.averageCoef,
      averageIntercept: res.averageIntercept,
      useAverage: averaging && averageStart(p.average) <= tNext - 1,
      t: tNext,
      nIter: res.nIter,
    };
  }

  private weights(s: SGDRegressorState): { coef: Float64Array; intercept: number } {
    return s.useAverage && s.averageCoef ? { coef: s.averageCoef, intercept: s.averageIntercept } : s;
  }

  /** Predicted values: X · coef_ + intercept_ (X dense or a CsrMatrix). */
  predict(X: MatrixLike): number[];
  predict(X: CsrMatrix): number[];
  predict(X: MatrixLike | CsrMatrix): number[] {
    const s = this.fitted('predict');
    const { coef, intercept } = this.weights(s);
    if (CsrMatrix.isCsrMatrix(X)) return toNumberArray(csrDot(checkCsr(X, { estimator: this.className, nFeatures: s.nFeaturesIn }), coef, intercept));
    const Xd = this.checkX(X, PREDICT_CHECK);
    return toNumberArray(linearScores(Xd, coef, Float64Array.of(intercept), this.className));
  }

  /** R² of the predictions on X (dense or a CsrMatrix). */
  override score(X: MatrixLike, y: ArrayLike<number>, sampleWeight?: ArrayLike<number>): number;
  override score(X: CsrMatrix, y: ArrayLike<number>, sampleWeight?: ArrayLike<number>): number;
  override score(X: MatrixLike | CsrMatrix, y: ArrayLike<number>, sampleWeight?: ArrayLike<number>): number {
    return super.score(X as MatrixLike, y, sampleWeight);
  }

  /** Coefficients, one per feature (averaged when averaging has started). */
  get coef_(): number[] {
    return Array.from(this.weights(this.fitted('coef_')).coef);
  }

  /** The intercept, as an array of one number (scikit-learn's shape). */
  get intercept_(): number[] {
    return [this.weights(this.fitted('intercept_')).intercept];
  }

  /** Epochs run by the last `fit`; 1 after `partialFit`. */
  get nIter_(): number {
    return this.fitted('nIter_').nIter;
  }

  /** The step counter: 1 + the number of sample updates made. */
  get t_(): number {
    return this.fitted('t_').t;
  }
}

registerEstimator(SGDRegressor);
