import { BaseRegressor } from '../core/base';
import { ValidationError } from '../core/errors';
import { checkSquaresFinite } from '../core/overflow';
import { arrayOf, bool, num, type ParamSpec } from '../core/params';
import { registerEstimator } from '../core/serialization';
import type { MatrixLike } from '../core/types';
import { toSampleWeight } from '../core/validation';
import { type RowMajor } from '../core/data/index';
import { getScorer, type Scorer, type ScorableEstimator } from '../metrics/scorer';
import { CV_DESCRIPTION, checkCv, isCvInput, type CvInput } from '../model_selection/checkCv';
import { interceptsOf, preprocessData } from './_preprocess';
import { toTargets } from './_targets';
import { toRows } from '../core/math/toRows';
import { Ridge } from './Ridge';
import { PREDICT_CHECK, linearScores, toNumberArray } from './_scores';
import { gcvDecompose } from './ridgeGcv';
import { singleScoringSpec } from '../model_selection/scoring';
import { ridgeRegression } from './ridgeSolvers';
import { int, numberArray, float64Array, orNull, refine, type StateSchema } from '../core/stateSchema';
import { multiTargetState } from './_stateRules';

/** Options of {@link RidgeCV}. */
export interface RidgeCVOptions {
  /** The penalties to try, each > 0. @defaultValue [0.1, 1, 10] */
  alphas: number[];
  /** Fit an (unpenalised) intercept. @defaultValue true */
  fitIntercept: boolean;
  /**
   * How to score an α: null for the mean squared leave-one-out error (with `cv` null) or the
   * estimator's R² (with `cv`); else a scorer name (`'r2'`, `'neg_mean_squared_error'`, …) or
   * function. Greater is better. @defaultValue null
   */
  scoring: string | Scorer | null;
  /**
   * null for efficient leave-one-out (one decomposition for all α, no refits); else folds as in
   * `crossValScore` (an integer number of KFold folds, a splitter, or `{ train, test }` splits),
   * scored with `scoring`, α chosen as `GridSearchCV` would. @defaultValue null
   */
  cv: CvInput | null;
  /** With `cv` null and several targets: choose α for each target separately. @defaultValue false */
  alphaPerTarget: boolean;
  /** With `cv` null: keep each sample's leave-one-out value for every α in `cvValues_`. @defaultValue false */
  storeCvValues: boolean;
}

interface RidgeCVState {
  nFeaturesIn: number;
  oneD: boolean;
  nTargets: number;
  coef: Float64Array;
  intercept: Float64Array;
  /** One α, or one per target (alphaPerTarget). */
  alpha: number[];
  bestScore: number[];
  /** n × t × alphas, flat, when stored. */
  cvValues: Float64Array | null;
  nAlphas: number;
}

const cvSpec: ParamSpec = { description: `null or ${CV_DESCRIPTION}`, check: (v) => v === null || isCvInput(v) };

/** A stand-in estimator whose prediction is its input's first column (scikit-learn's `_IdentityRegressor`). */
const identity: ScorableEstimator = {
  predict: (X) => (X as number[][]).map((row) => row[0]),
};

/**
 * Ridge regression with the penalty chosen by cross-validation, as scikit-learn's `RidgeCV`. By
 * default it scores each α by the exact leave-one-out error, from one eigen-decomposition (of XᵀX,
 * or of XXᵀ when there are fewer samples than features) without refitting anything; with `cv`
 * it cross-validates `Ridge` over `alphas` like `GridSearchCV` and refits the best.
 *
 * Fitted attributes: `alpha_` (a number, or one per target with `alphaPerTarget`), `bestScore_`
 * (the best α's score: the negated mean squared LOO error by default), `coef_`, `intercept_` (shaped
 * as Ridge's), `cvValues_` (with `storeCvValues`), `nFeaturesIn_`.
 * @example
 * ```ts
 * import { RidgeCV, loadDiabetes } from 'typelearn';
 * const { data, target } = loadDiabetes();
 * const model = new RidgeCV({ alphas: [0.001, 0.01, 0.1, 1, 10] }).fit(data, target);
 * console.log(model.alpha_, model.bestScore_.toFixed(1)); // 0.01 -3000.4
 * ```
 */
export class RidgeCV extends BaseRegressor<RidgeCVOptions, RidgeCVState, number[] | number[][]> {
  static override readonly className = 'RidgeCV';
  /** The fitted state's rules, checked when a saved model is loaded. */
  static override readonly stateSchema: StateSchema = {
    ...multiTargetState,
    nAlphas: int({ min: 1 }),
    alpha: refine(numberArray({ min: 0 }), 'one α, or one per target', (v: number[], { state }) => v.length === 1 || v.length === state.nTargets),
    bestScore: refine(numberArray(), 'one score per α chosen', (v: number[], { state }) => v.length === (state.alpha as number[]).length),
    cvValues: orNull(
      refine(float64Array(), 'samples × nTargets × nAlphas values', (v: Float64Array, { state }) => {
        const block = (state.nTargets as number) * (state.nAlphas as number);
        return v.length > 0 && v.length % block === 0;
      }),
    ),
  };
  static override readonly defaults: RidgeCVOptions = {
    alphas: [0.1, 1, 10],
    fitIntercept: true,
    scoring: null,
    cv: null,
    alphaPerTarget: false,
    storeCvValues: false,
  };
  static override readonly paramSchema = {
    alphas: { description: 'a non-empty array of numbers in (0, Infinity)', check: (v: unknown) => arrayOf(num({ min: 0, minInclusive: false })).check(v) && (v as unknown[]).length > 0 },
    fitIntercept: bool(),
    scoring: singleScoringSpec,
    cv: cvSpec,
    alphaPerTarget: bool(),
    storeCvValues: bool(),
  };

  /**
   * Fits the model.
   * @param y - one target per sample, or one row of targets per sample.
   * @param sampleWeight - optional non-negative weight per sample (in the fits; leave-one-out
   *   errors are weighted too, fold scores are not, as in scikit-learn).
   */
  fit(X: MatrixLike, y: ArrayLike<number> | ReadonlyArray<ArrayLike<number>>, sampleWeight?: ArrayLike<number>): this {
    const name = this.className;
    const { alphas, fitIntercept, scoring, cv, alphaPerTarget, storeCvValues } = this.params;
    if (cv !== null && (storeCvValues || alphaPerTarget)) {
      throw new ValidationError({
        code: 'invalid_option',
        estimator: name,
        param: storeCvValues ? 'storeCvValues' : 'alphaPerTarget',
        expected: 'false when cv is not null (they need the efficient leave-one-out of cv: null)',
        received: 'true',
      });
    }
    const scorer = scoring === null ? null : getScorer(scoring);
    const Xd = this.checkX(X, { reset: true });
    checkSquaresFinite(this.className, Xd, this.params.fitIntercept);
    const { Y, t, oneD } = toTargets(y, name, Xd.rows);
    const w = sampleWeight === undefined ? undefined : toSampleWeight(sampleWeight, Xd.rows, name);
    const d = Xd.cols;
    if (cv === null) {
      this.state = { ...this.fitLoo(Xd, Y, t, w, scorer), nFeaturesIn: d, oneD, nTargets: t, nAlphas: alphas.length };
      return this;
    }
    // Cross-validation over the grid: the same splits for every α, the first best mean kept, then
    // a refit on all the data.
    const splits = checkCv(cv, X as number[][], undefined, false, name);
    const rows = Array.from({ length: Xd.rows }, (_, i) => Xd.data.subarray(i * d, (i + 1) * d));
    const yRows: number[] | number[][] = oneD ? Array.from(Y) : toRows(Y, Xd.rows, t);
    let best = -Infinity;
    let bestAlpha = alphas[0];
    for (const alpha of alphas) {
      let total = 0;
      for (const { train, test } of splits) {
        const model = new Ridge({ alpha, fitIntercept }).fit(
          train.map((i) => rows[i]),
          train.map((i) => yRows[i]) as number[] | number[][],
          w && train.map((i) => w[i]),
        );
        const Xt = test.map((i) => rows[i]);
        const yt = test.map((i) => yRows[i]) as number[] | number[][];
        total += scorer ? scorer(model, Xt, yt as number[]) : model.score(Xt, yt);
      }
      const mean = total / splits.length;
      if (mean > best) {
        best = mean;
        bestAlpha = alpha;
      }
    }
    const refit = ridgeRegression(Xd, Y, t, { alpha: new Float64Array(t).fill(bestAlpha), fitIntercept, solver: 'auto', tol: 1e-4, maxIter: null, sampleWeight: w });
    this.state = { nFeaturesIn: d, oneD, nTargets: t, coef: refit.coef, intercept: refit.intercept, alpha: [bestAlpha], bestScore: [best], cvValues: null, nAlphas: alphas.length };
    return this;
  }

  /** Efficient leave-one-out over all α (scikit-learn's `_RidgeGCV`). */
  private fitLoo(
    Xd: RowMajor,
    Y: Float64Array,
    t: number,
    w: Float64Array | undefined,
    scorer: Scorer | null,
  ): Pick<RidgeCVState, 'coef' | 'intercept' | 'alpha' | 'bestScore' | 'cvValues'> {
    const { alphas, fitIntercept, alphaPerTarget, storeCvValues } = this.params;
    const n = Xd.rows;
    const pre = preprocessData(Xd, Y, t, fitIntercept, w);
    rejectOverflow(Xd.data, n, 'X', this.className);
    rejectOverflow(Y, n, 'y', this.className);
    const gcv = gcvDecompose(Xd, Y, t, fitIntercept, pre.sqrtW);
    const perTarget = alphaPerTarget && t > 1;
    const m = perTarget ? t : 1;
    const bestScore = new Array<number>(m).fill(NaN);
    const bestAlpha = new Array<number>(m).fill(alphas[0]);
    const A = alphas.length;
    const cvValues = storeCvValues ? new Float64Array(n * t * A) : null;
    alphas.forEach((alpha, a) => {
      const loo = gcv.looResiduals(alpha);
      const values = new Float64Array(n * t);
      for (let k = 0; k < n * t; k++) values[k] = scorer ? Y[k] - loo[k] : loo[k] * loo[k];
      if (cvValues) for (let k = 0; k < n * t; k++) cvValues[k * A + a] = values[k];
      for (let g = 0; g < m; g++) {
        let score: number;
        if (!scorer) {
          let sum = 0;
          let count = 0;
          for (let k = perTarget ? g : 0; k < n * t; k += perTarget ? t : 1) {
            sum += values[k];
            count++;
          }
          score = -sum / count;
        } else {
          const pred: number[][] = [];
          const truth: number[] = [];
          for (let k = perTarget ? g : 0; k < n * t; k += perTarget ? t : 1) {
            pred.push([values[k]]);
            truth.push(Y[k]);
          }
          score = scorer(identity, pred, truth);
        }
        if (a === 0 || score > bestScore[g]) {
          bestScore[g] = score;
          bestAlpha[g] = alpha;
        }
      }
    });
    const coef = gcv.coef(Float64Array.from({ length: t }, (_, k) => bestAlpha[perTarget ? k : 0]));
    return { coef, intercept: interceptsOf(pre, coef, Xd.cols), alpha: bestAlpha, bestScore, cvValues };
  }

  /** Predicts with the chosen α: `number[]` for 1-d y, else one row of targets per sample. */
  predict(X: MatrixLike): number[] | number[][] {
    const s = this.fitted('predict');
    const Xd = this.checkX(X, PREDICT_CHECK);
    const Z = linearScores(Xd, s.coef, s.intercept, this.className);
    return s.oneD ? toNumberArray(Z) : toRows(Z, Xd.rows, s.nTargets);
  }

  /** The chosen penalty; one per target with `alphaPerTarget` and 2-d y. */
  get alpha_(): number | number[] {
    const a = this.fitted('alpha_').alpha;
    return a.length === 1 ? a[0] : a.slice();
  }

  /** The chosen α's score; one per target with `alphaPerTarget` and 2-d y. */
  get bestScore_(): number | number[] {
    const b = this.fitted('bestScore_').bestScore;
    return b.length === 1 ? b[0] : b.slice();
  }

  /** The coefficients at the chosen α, shaped as Ridge's. */
  get coef_(): number[] | number[][] {
    const s = this.fitted('coef_');
    return s.oneD ? Array.from(s.coef) : toRows(s.coef, s.nTargets, s.nFeaturesIn);
  }

  /** The intercept at the chosen α, shaped as Ridge's. */
  get intercept_(): number | number[] {
    const s = this.fitted('intercept_');
    return s.oneD ? s.intercept[0] : Array.from(s.intercept);
  }

  /**
   * With `storeCvValues`: for each sample (and target, for 2-d y) and each α, the squared
   * leave-one-out error, or the leave-one-out prediction when `scoring` is set (both in the centred,
   * √weight-scaled units the solver works in, as scikit-learn's `cv_values_`).
   */
  get cvValues_(): number[][] | number[][][] {
    const s = this.fitted('cvValues_');
    if (!s.cvValues) {
      throw new ValidationError({ code: 'unsupported', estimator: this.className, param: 'cvValues_', message: 'RidgeCV keeps cvValues_ only when fitted with storeCvValues: true (and cv: null).' });
    }
    const A = s.nAlphas;
    const t = s.nTargets;
    const n = s.cvValues.length / (A * t);
    const cell = (i: number, k: number) => Array.from(s.cvValues!.subarray((i * t + k) * A, (i * t + k + 1) * A));
    return s.oneD
      ? Array.from({ length: n }, (_, i) => cell(i, 0))
      : Array.from({ length: n }, (_, i) => Array.from({ length: t }, (_, k) => cell(i, k)));
  }
}

registerEstimator(RidgeCV);

/**
 * The leave-one-out decomposition squares the centred, √w-weighted data: XᵀX or XXᵀ, and the
 * squared LOO residuals. Values whose squares summed over n samples overflow (or whose weighted
 * means already did) cannot give a finite answer, and α is then far below rounding of XᵀX anyway:
 * refuse them with the fix rather than return NaN.
 */
function rejectOverflow(v: Float64Array, n: number, param: 'X' | 'y', estimator: string): void {
  let max = 0;
  for (let i = 0; i < v.length; i++) {
    const a = Math.abs(v[i]);
    if (a > max || Number.isNaN(a)) max = a;
    if (Number.isNaN(a)) break;
  }
  if (Number.isFinite(max * max * n * 4)) return;
  throw new ValidationError({
    code: 'invalid_input',
    estimator,
    param,
    expected: `values whose sums of squares stay finite after centring and weighting by √sampleWeight (|value| below about ${Math.sqrt(Number.MAX_VALUE / (4 * n)).toExponential(1)} for ${n} samples); scale them (or the weights) first, e.g. with StandardScaler`,
    received: Number.isNaN(max) ? 'values whose weighted means overflow' : `a largest |value| of ${max.toExponential(3)}`,
  });
}
