import { BaseRegressor } from '../core/base';
import { toRows } from '../core/math/toRows';
import { registerEstimator } from '../core/serialization';
import { bool, nFeaturesIn, type StateSchema } from '../core/stateSchema';
import { toTargets } from '../core/targets';
import type { MatrixLike } from '../core/types';
import type { RowMajor } from '../core/data/index';
import { readFitControl, type FitControl } from '../core/fitControl';
import {
  MLP_DEFAULTS,
  MLP_SCHEMA,
  coefsOf,
  interceptsOf,
  mlpStateSchema,
  networkOf,
  notRecorded,
  predictFlat,
  trainNetwork,
  type MLPCoreState,
  type MLPOptions,
} from './_mlpCommon';

/** Options of {@link MLPRegressor}: see {@link MLPOptions}. */
export type MLPRegressorOptions = MLPOptions;

interface MLPRegressorState extends MLPCoreState {
  /** Whether y was 1-d (predictions are then 1-d). */
  oneD: boolean;
}

/** R² of network outputs against targets, averaged over outputs (scikit-learn's uniform average). */
function r2OfOutputs(P: Float64Array, Y: Float64Array, rows: number, t: number): number {
  let total = 0;
  for (let k = 0; k < t; k++) {
    let mean = 0;
    for (let i = 0; i < rows; i++) mean += Y[i * t + k];
    mean /= rows;
    let ssRes = 0;
    let ssTot = 0;
    for (let i = 0; i < rows; i++) {
      const y = Y[i * t + k];
      ssRes += (y - P[i * t + k]) ** 2;
      ssTot += (y - mean) ** 2;
    }
    total += ssTot === 0 ? (ssRes === 0 ? 1 : 0) : 1 - ssRes / ssTot;
  }
  return total / t;
}

/**
 * A multi-layer perceptron regressor, as scikit-learn's `MLPRegressor`: fully connected hidden
 * layers, an identity output and the squared error (halved, averaged over samples and outputs), an
 * L2 penalty `alpha`, trained by Adam, SGD or L-BFGS. y may be 1-d or 2-d (one column per output;
 * `predict` then returns one row per sample). `partialFit` trains one epoch per batch. Scale the
 * features (and, for the stochastic solvers, keep targets of moderate size). Initial weights and the
 * shuffle come from typelearn's random stream, so results match scikit-learn in R², not weight for weight.
 *
 * Fitted attributes: as {@link MLPClassifier} without `classes_`: `coefs_`, `intercepts_`, `nIter_`,
 * `tIter_`, `loss_`, `lossCurve_`, `bestLoss_`, `validationScores_` (R² of each epoch, early
 * stopping only), `bestValidationScore_`, `nLayers_`, `nOutputs_`, `outActivation_`, `nFeaturesIn_`.
 * @example
 * ```ts
 * import { MLPRegressor } from 'typelearn';
 * const X = Array.from({ length: 40 }, (_, i) => [i / 40]);
 * const y = X.map(([x]) => 2 * x + 1);
 * const reg = new MLPRegressor({ hiddenLayerSizes: [10], solver: 'lbfgs', randomState: 0 }).fit(X, y);
 * console.log(Math.abs((reg.predict([[0.5]]) as number[])[0] - 2) < 0.05); // true
 * console.log(reg.score(X, y) > 0.99); // true
 * ```
 */
export class MLPRegressor extends BaseRegressor<MLPRegressorOptions, MLPRegressorState, number[] | number[][]> {
  static override readonly className = 'MLPRegressor';
  static override readonly defaults: MLPRegressorOptions = MLP_DEFAULTS;
  static override readonly paramSchema = MLP_SCHEMA;
  static override readonly stateSchema: StateSchema = {
    nFeaturesIn: nFeaturesIn(),
    oneD: bool(),
    ...mlpStateSchema(
      (c) => (c.state.oneD === true ? 1 : Array.isArray(c.state.units) ? (c.state.units[c.state.units.length - 1] as number) : undefined),
      () => 'identity',
    ),
  };

  /**
   * Trains the network on the whole data (from new weights unless `warmStart`).
   * @param y - one target per sample (`number[]`), or one row of targets per sample (`number[][]`).
   * @param control - `onProgress` after every epoch (every L-BFGS iteration) with the loss, and a
   *   `signal` checked between them; an abort keeps the previous fitted state.
   */
  fit(X: MatrixLike, y: ArrayLike<number> | ReadonlyArray<ArrayLike<number>>, control: FitControl = {}): this {
    const ctl = readFitControl(this.className, control);
    const Xd = this.checkX(X, { reset: !(this.params.warmStart && this.state !== undefined) });
    this.state = this.train(Xd, y, false, ctl);
    return this;
  }

  /** One epoch of 'sgd' or 'adam' on the batch, continuing from the current weights. */
  partialFit(X: MatrixLike, y: ArrayLike<number> | ReadonlyArray<ArrayLike<number>>): this {
    const Xd = this.checkX(X, { reset: this.state === undefined });
    this.state = this.train(Xd, y, true);
    return this;
  }

  private train(Xd: RowMajor, y: unknown, incremental: boolean, control?: FitControl): MLPRegressorState {
    const { Y, t, oneD } = toTargets(y, this.className, Xd.rows);
    const core = trainNetwork({
      name: this.className,
      params: this.params,
      X: Xd,
      Y,
      nOutputs: t,
      outActivation: 'identity',
      prev: this.state,
      incremental,
      scorer: r2OfOutputs,
      stratify: null,
      control,
    });
    return { ...core, oneD };
  }

  /** Predictions: `number[]` for 1-d y, `number[][]` (one row per sample) for 2-d y. */
  predict(X: MatrixLike): number[] | number[][] {
    const s = this.fitted('predict');
    const Xd = this.checkX(X);
    const P = predictFlat(networkOf(s, this.params.activation), s.weights, Xd, this.params.dtype);
    const t = s.units[s.units.length - 1];
    return s.oneD ? Array.from(P) : toRows(P, Xd.rows, t);
  }

  /** Weight matrices, one per layer (fan-in × fan-out). */
  get coefs_(): number[][][] {
    return coefsOf(this.fitted('coefs_'));
  }

  /** Intercept vectors, one per layer. */
  get intercepts_(): number[][] {
    return interceptsOf(this.fitted('intercepts_'));
  }

  /** Epochs run ('sgd', 'adam'; cumulative over warm starts and partialFit) or L-BFGS iterations. */
  get nIter_(): number {
    return this.fitted('nIter_').nIter;
  }

  /** Training samples seen by the stochastic solvers. */
  get tIter_(): number {
    return this.fitted('tIter_').t;
  }

  /** The loss (with the penalty) at the end of training. */
  get loss_(): number {
    return this.fitted('loss_').loss;
  }

  /** The training loss of each epoch ('sgd', 'adam'; empty for 'lbfgs'). */
  get lossCurve_(): number[] {
    return [...this.fitted('lossCurve_').lossCurve];
  }

  /** The lowest epoch loss (stochastic solvers without early stopping), else null. */
  get bestLoss_(): number | null {
    const b = this.fitted('bestLoss_').bestLoss;
    return b === null || b === Infinity ? null : b;
  }

  /** The held-out R² of each epoch (early stopping only). */
  get validationScores_(): number[] {
    const v = this.fitted('validationScores_').validationScores;
    if (v === null) throw notRecorded(this.className, 'validationScores_', 'without earlyStopping');
    return [...v];
  }

  /** The best held-out R² (early stopping only); its weights are the ones kept. */
  get bestValidationScore_(): number {
    const v = this.fitted('bestValidationScore_').bestValidationScore;
    if (v === null) throw notRecorded(this.className, 'bestValidationScore_', 'without earlyStopping');
    return v;
  }

  /** Layers including input and output. */
  get nLayers_(): number {
    return this.fitted('nLayers_').units.length;
  }

  /** Output units (targets). */
  get nOutputs_(): number {
    const s = this.fitted('nOutputs_');
    return s.units[s.units.length - 1];
  }

  /** Always 'identity'. */
  get outActivation_(): string {
    return this.fitted('outActivation_').outActivation;
  }
}

registerEstimator(MLPRegressor);
