import { BaseNB, type NBState } from './_BaseNB';
import type { RowMajor } from '../core/data/index';
import { ValidationError } from '../core/errors';
import { toRows } from '../core/math/toRows';
import { classLogPriorOf, smoothingAlpha } from './_priors';
import { allFinite, overflowError } from '../core/overflow';
import { arrayOf, bool, nullable, num, union } from '../core/params';
import { float64Array, labels, nFeaturesIn, refine, type StateContext, type StateSpec } from '../core/stateSchema';
import type { Label, MatrixLike } from '../core/types';
import { encodeLabels } from '../core/validation';

/** Options shared by the discrete naive Bayes classifiers (MultinomialNB, ComplementNB, BernoulliNB). */
export interface DiscreteNBOptions {
  /** Additive (Laplace/Lidstone) smoothing: a number ≥ 0, or one per feature. @defaultValue 1 */
  alpha: number | number[];
  /**
   * Keep `alpha` as given even below 1e-10; when false, smaller values are raised to 1e-10 (with a
   * warning), scikit-learn 1.2's behaviour (its `force_alpha='warn'` default). @defaultValue false
   */
  forceAlpha: boolean;
  /** Learn class priors from the class frequencies; when false, priors are uniform. @defaultValue true */
  fitPrior: boolean;
  /** Prior probabilities of the classes (one per class); when given, `fitPrior` is ignored. @defaultValue null */
  classPrior: number[] | null;
}

/** What every discrete naive Bayes state holds: counts and the log probabilities made from them. */
export interface DiscreteNBState extends NBState {
  /** (Weighted) samples per class. */
  classCount: Float64Array;
  /** (Weighted) per class and feature sums of X, flat nClasses × nFeaturesIn. */
  featureCount: Float64Array;
  /** Per class and feature log probability, flat nClasses × nFeaturesIn. */
  featureLogProb: Float64Array;
  /** Log prior of each class (−Infinity for a class not seen yet in partialFit). */
  classLogPrior: Float64Array;
}

export const discreteDefaults: DiscreteNBOptions = { alpha: 1, forceAlpha: false, fitPrior: true, classPrior: null };
export const discreteParamSchema = {
  alpha: union(num({ min: 0 }), arrayOf(num({ min: 0 }))),
  forceAlpha: bool(),
  fitPrior: bool(),
  classPrior: nullable(arrayOf(num({ min: 0 }))),
};

const perClassFeature = (c: StateContext): number => (c.state.classes as unknown[]).length * (c.state.nFeaturesIn as number);

/** True where row k of a flat K × d buffer sums to 0 (no counts yet: log probabilities may be NaN with alpha 0). */
function nanOnlyEmptyRows(v: Float64Array, { state }: StateContext): boolean {
  const d = state.nFeaturesIn as number;
  const count = state.classCount as Float64Array;
  for (let i = 0; i < v.length; i++) if (Number.isNaN(v[i]) && count[Math.floor(i / d)] !== 0) return false;
  return true;
}

/** State rules of the discrete naive Bayes classifiers. */
export const discreteStateSchema: Readonly<Record<string, StateSpec>> = {
  nFeaturesIn: nFeaturesIn(),
  classes: labels(),
  classCount: float64Array({ min: 0, length: 'nClasses' }),
  featureCount: float64Array({ min: 0, length: perClassFeature }),
  featureLogProb: refine(float64Array({ allowInfinity: true, allowNaN: true, length: perClassFeature }), 'NaN only for a class with no samples', nanOnlyEmptyRows),
  classLogPrior: float64Array({ allowInfinity: true, length: 'nClasses' }),
};

/**
 * Base of the naive Bayes classifiers for discrete features (scikit-learn's `_BaseDiscreteNB`):
 * `fit` and `partialFit` add per-class (weighted) feature counts, then the subclass turns the counts
 * into `featureLogProb_` with the smoothing `alpha`.
 */
export abstract class BaseDiscreteNB<P extends DiscreteNBOptions, S extends DiscreteNBState, L extends Label = Label> extends BaseNB<P, S, L> {
  static override readonly className: string = 'BaseDiscreteNB';

  /** The state made from the updated counts (the subclass adds its log probabilities). */
  protected abstract finish(base: Omit<DiscreteNBState, 'featureLogProb' | 'classLogPrior'>, alpha: Float64Array, classLogPrior: Float64Array, prev: S | undefined): S;

  /** X checked for fit: counts, so negative values are refused (BernoulliNB binarizes instead). */
  protected checkFitX(X: MatrixLike, reset: boolean): RowMajor {
    const Xd = this.checkX(X, { reset, copy: false });
    requireNonNegative(Xd, this.className);
    return Xd;
  }

  protected update(prev: S | undefined, X: RowMajor, y: Label[], classes: Label[], w: Float64Array | undefined): S {
    const { data, rows, cols: d } = X;
    const K = classes.length;
    const codes = encodeLabels(y, classes, this.className);
    const alpha = smoothingAlpha(this.params.alpha, d, this.params.forceAlpha, this.className);
    const classCount = prev ? prev.classCount.slice() : new Float64Array(K);
    const featureCount = prev ? prev.featureCount.slice() : new Float64Array(K * d);
    for (let i = 0; i < rows; i++) {
      const k = codes[i];
      const wi = w === undefined ? 1 : w[i];
      classCount[k] += wi;
      const o = i * d;
      const ko = k * d;
      for (let j = 0; j < d; j++) featureCount[ko + j] += wi * data[o + j];
    }
    if (!allFinite(classCount) || !allFinite(featureCount)) {
      throw overflowError(this.className, 'the (weighted) class or feature counts overflowed.', w === undefined ? 'X' : 'sampleWeight');
    }
    const classLogPrior = classLogPriorOf(classCount, this.params, this.className);
    return this.finish({ nFeaturesIn: d, classes, classCount, featureCount }, alpha, classLogPrior, prev);
  }

  /** (Weighted) number of samples seen per class. */
  get classCount_(): number[] {
    return Array.from(this.fitted('classCount_').classCount);
  }

  /** (Weighted) per-class sums of each feature, one row per class. */
  get featureCount_(): number[][] {
    const s = this.fitted('featureCount_');
    return toRows(s.featureCount, s.classes.length, s.nFeaturesIn);
  }

  /** Per-class log probability of each feature, one row per class. */
  get featureLogProb_(): number[][] {
    const s = this.fitted('featureLogProb_');
    return toRows(s.featureLogProb, s.classes.length, s.nFeaturesIn);
  }

  /** Log prior probability of each class. */
  get classLogPrior_(): number[] {
    return Array.from(this.fitted('classLogPrior_').classLogPrior);
  }
}

/** Refuses negative values in X (counts), as scikit-learn's `check_non_negative`. */
export function requireNonNegative(X: RowMajor, estimator: string): void {
  const { data } = X;
  for (let i = 0; i < data.length; i++) {
    if (data[i] < 0) {
      throw new ValidationError({
        code: 'invalid_input',
        estimator,
        param: 'X',
        expected: 'non-negative values (counts or frequencies)',
        received: `${data[i]} at row ${Math.floor(i / X.cols)}, column ${i % X.cols}`,
      });
    }
  }
}

/** Row-major `rows × K` products X · Wᵀ + b, W flat K × d (the linear joint log-likelihood). */
export function linearJll(X: RowMajor, W: Float64Array, K: number, bias: Float64Array | undefined): Float64Array {
  const { data, rows, cols: d } = X;
  const out = new Float64Array(rows * K);
  for (let i = 0; i < rows; i++) {
    const o = i * d;
    for (let k = 0; k < K; k++) {
      const ko = k * d;
      let s = 0;
      for (let j = 0; j < d; j++) s += data[o + j] * W[ko + j];
      out[i * K + k] = bias === undefined ? s : s + bias[k];
    }
  }
  return out;
}
