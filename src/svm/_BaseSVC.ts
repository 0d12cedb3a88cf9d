/** The one-vs-one kernel classifiers' shared machinery (SVC and NuSVC). */
import { ProgressReporter, readFitOptions, type FitOptions } from '../core/fitControl';
import type { Matrix } from 'ml-matrix';
import { BaseClassifier } from '../core/base';
import { classWeightVector, type ClassWeight } from '../core/classWeight';
import { ValidationError } from '../core/errors';
import { RandomState } from '../core/random';
import type { Label, MatrixLike } from '../core/types';
import { classTarget, toSampleWeight } from '../core/validation';
import { matrixFromFlat, type RowMajor } from '../core/data';
import {
  checkFiniteModel,
  checkPrecomputed,
  kernelAgainstSupport,
  resolveGamma,
  settingsFrom,
  withProgress,
  supportRows,
  supportVectorMatrix,
  warnNotConverged,
  type KernelOptions,
  type KernelState,
} from './_libsvm';
import { coupleProbabilities, sigmoidPredict } from './platt';
import { ovoDecision, trainOvo, type PairSolver } from './train';
import type { SolverSettings } from './train';

/** Options every one-vs-one kernel classifier has besides the kernel's. */
export interface OvoClassifierOptions extends KernelOptions {
  /** Fit Platt-scaled probabilities by internal 5-fold cross-validation (slower fit). @defaultValue false */
  probability: boolean;
  /** Class weights: 'balanced' (n / (nClasses · count)), a map from label to weight, or null. @defaultValue null */
  classWeight: ClassWeight;
  /**
   * The shape of `decisionFunction` for more than two classes: 'ovr' (n × nClasses, votes plus
   * scaled confidences) or 'ovo' (n × nClasses·(nClasses − 1)/2, one column per pair). @defaultValue 'ovr'
   */
  decisionFunctionShape: 'ovr' | 'ovo';
  /** With 'ovr' and more than two classes, predict the argmax of `decisionFunction` instead of the vote winner. @defaultValue false */
  breakTies: boolean;
  /** Seed of the probability cross-validation folds (null: a fresh seed). @defaultValue null */
  randomState: number | null;
}

export interface OvoClassifierState extends KernelState {
  classes: Label[];
  nSupport: Int32Array;
  /** (nClasses − 1) × nSV, flat, libsvm's signs. */
  dualCoef: Float64Array;
  /** One offset per pair, libsvm's ρ. */
  rho: Float64Array;
  /** Platt parameters per pair (null when fitted without `probability`). */
  probA: Float64Array | null;
  probB: Float64Array | null;
  nIter: number[];
  /** The weight of each class (1s without `classWeight`). */
  classWeight: Float64Array;
}

/** Smallest and largest pairwise probability used in coupling (libsvm's). */
const MIN_PROB = 1e-7;

export abstract class BaseOvoClassifier<P extends OvoClassifierOptions> extends BaseClassifier<P, OvoClassifierState> {
  static override readonly className: string = 'BaseOvoClassifier';

  /**
   * The upper bound of each sample's dual variable before pair selection (C-SVC: C × class weight ×
   * sample weight; ν-SVC: class weight × sample weight).
   */
  protected abstract bounds(classWeight: Float64Array, sampleWeight: Float64Array, yi: Int32Array): Float64Array;

  /** The binary solver of one pair. */
  protected abstract pairSolver(settings: SolverSettings): PairSolver;

  /** Checks the problem before solving (ν-SVC checks that ν is feasible). */
  protected checkProblem(_yi: Int32Array, _K: number, _bound: Float64Array): void {
    /* C-SVC accepts any problem */
  }

  /**
   * Fits the model.
   * @param sampleWeightOrOptions - optional non-negative weight per sample (it scales the sample's
   *   C), or `{ sampleWeight?, onProgress?, signal? }`: `onProgress` every 1000 SMO iterations and
   *   at the end of each pair's solve (unit `'chunk'`, total NaN: unknown in advance), `signal`
   *   checked then; an abort keeps the previous fit.
   */
  fit(X: MatrixLike, y: ArrayLike<Label>, sampleWeightOrOptions?: ArrayLike<number> | FitOptions): this {
    const name = this.className;
    const { sampleWeight, control } = readFitOptions(name, sampleWeightOrOptions);
    const p = this.params;
    const Xd = this.checkX(X, { reset: true });
    checkPrecomputed(name, p.kernel, Xd);
    const { classes, codes: yi } = classTarget(y, Xd.rows, name);
    const sw = sampleWeight === undefined ? new Float64Array(Xd.rows).fill(1) : toSampleWeight(sampleWeight, Xd.rows, name);
    const cw = classWeightVector(p.classWeight, classes, yi, name);
    const bound = this.bounds(cw, sw, yi);
    // Samples whose bound is 0 cannot be support vectors: libsvm removes them before training.
    const keep: number[] = [];
    for (let i = 0; i < Xd.rows; i++) if (bound[i] > 0) keep.push(i);
    const gamma = p.kernel === 'precomputed' ? 0 : resolveGamma(p.gamma, Xd);
    const settings = withProgress(settingsFrom(p, gamma), new ProgressReporter(control, 'chunk', NaN));
    const all = keep.length === Xd.rows;
    const rows = all ? { X: Xd.data, n: Xd.rows, d: Xd.cols } : this.keptRows(Xd, keep, p.kernel === 'precomputed');
    const yk = all ? yi : Int32Array.from(keep, (i) => yi[i]);
    const bk = all ? bound : Float64Array.from(keep, (i) => bound[i]);
    this.checkProblem(yk, classes.length, bk);
    const random = p.probability ? { random: new RandomState(p.randomState ?? undefined) } : undefined;
    const model = trainOvo(rows, yk, classes.length, bk, this.pairSolver(settings), settings.spec, random);
    warnNotConverged(model.converged, p.maxIter, name);
    checkFiniteModel(name, gamma, model.svCoef, model.rho, model.probA, model.probB);
    const support = all ? model.support : Int32Array.from(model.support, (k) => keep[k]);
    this.state = {
      nFeaturesIn: Xd.cols,
      classes,
      kernel: p.kernel,
      gamma,
      degree: p.degree,
      coef0: p.coef0,
      supportVectors: supportRows(Xd, support, p.kernel),
      support,
      nSupport: model.nSupport,
      dualCoef: model.svCoef,
      rho: model.rho,
      probA: model.probA ?? null,
      probB: model.probB ?? null,
      nIter: model.nIter,
      classWeight: cw,
    };
    return this;
  }

  private keptRows(Xd: RowMajor, keep: number[], precomputed: boolean): { X: Float64Array; n: number; d: number } {
    const m = keep.length;
    if (precomputed) {
      const out = new Float64Array(m * m);
      keep.forEach((r, a) => keep.forEach((c, b) => (out[a * m + b] = Xd.data[r * Xd.cols + c])));
      return { X: out, n: m, d: m };
    }
    const out = new Float64Array(m * Xd.cols);
    keep.forEach((r, a) => out.set(Xd.data.subarray(r * Xd.cols, (r + 1) * Xd.cols), a * Xd.cols));
    return { X: out, n: m, d: Xd.cols };
  }

  /** libsvm's pairwise decision values (positive: the pair's first class), n × nPairs. */
  private pairwise(X: MatrixLike, attribute: string): { s: OvoClassifierState; dec: Float64Array; n: number; nPairs: number } {
    const s = this.fitted(attribute);
    const Xd = this.checkX(X, { copy: false });
    const Kx = kernelAgainstSupport(s, Xd);
    const dec = ovoDecision({ nClasses: s.classes.length, support: s.support, nSupport: s.nSupport, svCoef: s.dualCoef, rho: s.rho, nIter: [], converged: true }, Kx, Xd.rows);
    const K = s.classes.length;
    return { s, dec, n: Xd.rows, nPairs: (K * (K - 1)) / 2 };
  }

  /**
   * Signed distances: `number[]` for two classes (positive means `classes_[1]`); for more classes an
   * n × nClasses `Matrix` ('ovr': votes plus confidences scaled into (−1/3, 1/3)) or an
   * n × nPairs `Matrix` ('ovo', positive means the pair's first class).
   */
  decisionFunction(X: MatrixLike): number[] | Matrix {
    const { s, dec, n, nPairs } = this.pairwise(X, 'decisionFunction');
    const K = s.classes.length;
    if (K === 2) return Array.from(dec, (v) => -v);
    if (this.params.decisionFunctionShape === 'ovo') return matrixFromFlat(dec, n, nPairs);
    return matrixFromFlat(ovrScores(dec, n, K), n, K);
  }

  /** The predicted class of each sample: the winner of the pairwise votes (see `breakTies`). */
  predict(X: MatrixLike): Label[] {
    const { breakTies, decisionFunctionShape } = this.params;
    if (breakTies && decisionFunctionShape === 'ovo') {
      throw new ValidationError({
        code: 'invalid_option',
        estimator: this.className,
        param: 'breakTies',
        expected: "false when decisionFunctionShape is 'ovo'",
        received: 'true',
      });
    }
    const { s, dec, n, nPairs } = this.pairwise(X, 'predict');
    const K = s.classes.length;
    const out = new Array<Label>(n);
    if (breakTies && K > 2) {
      const Z = ovrScores(dec, n, K);
      for (let t = 0; t < n; t++) {
        let best = 0;
        for (let k = 1; k < K; k++) if (Z[t * K + k] > Z[t * K + best]) best = k;
        out[t] = s.classes[best];
      }
      return out;
    }
    const votes = new Int32Array(K);
    for (let t = 0; t < n; t++) {
      votes.fill(0);
      let q = t * nPairs;
      for (let i = 0; i < K; i++) for (let j = i + 1; j < K; j++) votes[dec[q++] > 0 ? i : j]++;
      let best = 0;
      for (let k = 1; k < K; k++) if (votes[k] > votes[best]) best = k;
      out[t] = s.classes[best];
    }
    return out;
  }

  /**
   * Class probabilities (columns follow `classes_`): Platt's sigmoids fitted by internal 5-fold
   * cross-validation at `fit`, coupled over pairs by Wu, Lin & Weng's method. Needs
   * `probability: true` at fit time. They may disagree with `predict` (which votes), as in libsvm.
   */
  predictProba(X: MatrixLike): Matrix {
    const s = this.fitted('predictProba');
    if (!this.params.probability || s.probA === null || s.probB === null) {
      throw new ValidationError({
        code: 'unsupported',
        estimator: this.className,
        param: 'probability',
        message: `${this.className}.predictProba is not available: the model was fitted with probability: false. Set the option probability: true and fit again.`,
      });
    }
    const { probA, probB } = s;
    const { dec, n, nPairs } = this.pairwise(X, 'predictProba');
    const K = s.classes.length;
    const P = new Float64Array(n * K);
    const r = new Float64Array(K * K);
    const pk = new Float64Array(K);
    for (let t = 0; t < n; t++) {
      let q = 0;
      for (let i = 0; i < K; i++) {
        for (let j = i + 1; j < K; j++) {
          const v = Math.min(Math.max(sigmoidPredict(dec[t * nPairs + q], probA[q], probB[q]), MIN_PROB), 1 - MIN_PROB);
          r[i * K + j] = v;
          r[j * K + i] = 1 - v;
          q++;
        }
      }
      if (K === 2) {
        P[t * 2] = r[1];
        P[t * 2 + 1] = r[2];
      } else {
        coupleProbabilities(r, K, pk);
        P.set(pk, t * K);
      }
    }
    return matrixFromFlat(P, n, K);
  }

  /** The natural logarithm of `predictProba`. */
  predictLogProba(X: MatrixLike): Matrix {
    const P = this.predictProba(X);
    return matrixFromFlat(Float64Array.from(P.to1DArray(), (v) => Math.log(v)), P.rows, P.columns);
  }

  /** The support vectors, one row each, grouped by class (0 columns for 'precomputed'). */
  get supportVectors_(): Matrix {
    return supportVectorMatrix(this.fitted('supportVectors_'));
  }

  /** Indices of the support vectors in the training data, grouped by class. */
  get support_(): number[] {
    return Array.from(this.fitted('support_').support);
  }

  /** Number of support vectors of each class. */
  get nSupport_(): number[] {
    return Array.from(this.fitted('nSupport_').nSupport);
  }

  /**
   * Dual coefficients (αᵢyᵢ) of the support vectors in the pairwise decision functions:
   * (nClasses − 1) rows × nSV, in libsvm's layout; for two classes one row with scikit-learn's
   * sign (positive decision means `classes_[1]`).
   */
  get dualCoef_(): number[][] {
    const s = this.fitted('dualCoef_');
    const nSV = s.support.length;
    const rows = Math.max(s.classes.length - 1, 1);
    const flip = s.classes.length === 2 ? -1 : 1;
    return Array.from({ length: rows }, (_, k) => Array.from(s.dualCoef.subarray(k * nSV, (k + 1) * nSV), (v) => flip * v));
  }

  /** Intercepts of the pairwise decision functions (−ρ; for two classes ρ, scikit-learn's sign). */
  get intercept_(): number[] {
    const s = this.fitted('intercept_');
    const flip = s.classes.length === 2 ? 1 : -1;
    return Array.from(s.rho, (v) => flip * v + 0);
  }

  /**
   * The primal weights of the pairwise decision functions, for the linear kernel only:
   * nPairs × nFeatures (one row for two classes, scikit-learn's sign).
   */
  get coef_(): number[][] {
    const s = this.fitted('coef_');
    if (s.kernel !== 'linear') {
      throw new ValidationError({
        code: 'unsupported',
        estimator: this.className,
        param: 'coef_',
        message: `${this.className}.coef_ is only available when using a linear kernel (kernel is '${s.kernel}').`,
      });
    }
    const K = s.classes.length;
    const d = s.nFeaturesIn;
    const nSV = s.support.length;
    const start = new Int32Array(K);
    for (let c = 1; c < K; c++) start[c] = start[c - 1] + s.nSupport[c - 1];
    const out: number[][] = [];
    for (let i = 0; i < K; i++) {
      for (let j = i + 1; j < K; j++) {
        const w = new Array<number>(d).fill(0);
        const add = (row: number, from: number, count: number) => {
          for (let sv = from; sv < from + count; sv++) {
            const a = s.dualCoef[row * nSV + sv];
            for (let f = 0; f < d; f++) w[f] += a * s.supportVectors[sv * d + f];
          }
        };
        add(j - 1, start[i], s.nSupport[i]);
        add(i, start[j], s.nSupport[j]);
        out.push(K === 2 ? w.map((v) => -v) : w);
      }
    }
    return out;
  }

  /** Platt parameters A per pair (empty when fitted without `probability`). */
  get probA_(): number[] {
    const s = this.fitted('probA_');
    return s.probA ? Array.from(s.probA) : [];
  }

  /** Platt parameters B per pair (empty when fitted without `probability`). */
  get probB_(): number[] {
    const s = this.fitted('probB_');
    return s.probB ? Array.from(s.probB) : [];
  }

  /** The weight of each class used in fit (scikit-learn's `class_weight_`), in the order of `classes_`. */
  get classWeight_(): number[] {
    return Array.from(this.fitted('classWeight_').classWeight);
  }

  /** SMO iterations of each pairwise problem. */
  get nIter_(): number[] {
    return this.fitted('nIter_').nIter.slice();
  }
}

/**
 * scikit-learn's one-vs-rest view of one-vs-one decision values: per class, its votes plus the sum
 * of its confidences squashed into (−1/3, 1/3), which breaks ties between equal vote counts.
 */
function ovrScores(dec: Float64Array, n: number, K: number): Float64Array {
  const nPairs = (K * (K - 1)) / 2;
  const out = new Float64Array(n * K);
  const conf = new Float64Array(K);
  for (let t = 0; t < n; t++) {
    conf.fill(0);
    let q = t * nPairs;
    const o = t * K;
    for (let i = 0; i < K; i++) {
      for (let j = i + 1; j < K; j++) {
        const v = dec[q++];
        conf[i] += v;
        conf[j] -= v;
        out[o + (v < 0 ? j : i)] += 1;
      }
    }
    for (let k = 0; k < K; k++) out[o + k] += conf[k] / (3 * (Math.abs(conf[k]) + 1));
  }
  return out;
}
