import { getTags, type BaseEstimator } from '../core/base';
import { ValidationError } from '../core/errors';
import { int, nullable, num, oneOf, requiredOption, union, type ParamSpec } from '../core/params';
import { registerEstimator } from '../core/serialization';
import { toLabels, toTarget } from '../core/validation';
import type { EstimatorTags, Label, MatrixLike, Target } from '../core/types';
import type { Scorer } from '../metrics/scorer';
import { estimatorSpec } from '../model_selection/BaseSearchCV';
import { CV_DESCRIPTION, isCvInput, type CvInput } from '../model_selection/checkCv';
import { crossValScore } from '../model_selection/crossValScore';
import { BaseSelector, selectedCount, selectorStateSchema, type SelectorState } from './BaseSelector';
import { checkInnerTarget, innerTags, takeColumns } from './_meta';
import { singleScoringSpec } from '../model_selection/scoring';
import { type StateSchema } from '../core/stateSchema';

/** Options of {@link SequentialFeatureSelector}. */
export interface SequentialFeatureSelectorOptions {
  /** The estimator cross-validated on every candidate subset (cloned; never fitted itself). */
  estimator: BaseEstimator;
  /**
   * How many features to select: `'auto'` (with `tol` null: half of them, rounded down; with a
   * `tol`: until the score improves by less than `tol`), an integer in [1, nFeatures − 1], or a
   * fraction in (0, 1) of the features (rounded down).
   * @defaultValue 'auto'
   */
  nFeaturesToSelect: 'auto' | number;
  /**
   * With `nFeaturesToSelect: 'auto'`: stop when adding (or removing) the best feature improves the
   * mean cross-validated score by less than this (> 0). Ignored otherwise.
   * @defaultValue null
   */
  tol: number | null;
  /** Add features one at a time (`'forward'`) or remove them (`'backward'`). @defaultValue 'forward' */
  direction: 'forward' | 'backward';
  /** A scorer name or function; null uses the estimator's `score`. @defaultValue null */
  scoring: string | Scorer | null;
  /** A number of folds (stratified for classifiers), a splitter, or `{ train, test }` splits. @defaultValue 5 */
  cv: CvInput;
}

interface SequentialFeatureSelectorState extends SelectorState {
  nFeaturesToSelect: number;
}

/**
 * Greedy sequential feature selection, as scikit-learn's `SequentialFeatureSelector`: forward, it
 * starts from no feature and adds, one at a time, the feature whose addition gives the best mean
 * cross-validated score (`crossValScore`); backward, it starts from all features and removes the one
 * whose removal scores best. Equal scores go to the lowest feature index. Costs about
 * nFeatures × (features to select) × folds fits.
 *
 * Options: `estimator`, `nFeaturesToSelect` (default 'auto'), `tol` (default null), `direction`
 * (default 'forward'), `scoring` (default null: the estimator's `score`), `cv` (default 5, stratified
 * for classifiers).
 * Fitted attributes: `support_`, `nFeaturesToSelect_`, `nFeaturesIn_`.
 * @example
 * ```ts
 * import { SequentialFeatureSelector, LinearRegression } from 'typelearn';
 * const X = [[1, 5, 2, 0], [2, 3, 1, 1], [3, 8, 5, 0], [4, 1, 3, 1], [5, 6, 4, 0], [6, 2, 7, 1], [7, 9, 1, 0], [8, 4, 6, 1]];
 * const y = X.map(([a, , c]) => 3 * a - 2 * c + 1);
 * const sfs = new SequentialFeatureSelector({ estimator: new LinearRegression(), nFeaturesToSelect: 2, cv: 4 }).fit(X, y);
 * console.log(sfs.getSupport(true)); // [ 0, 2 ]
 * ```
 */
export class SequentialFeatureSelector extends BaseSelector<SequentialFeatureSelectorOptions, SequentialFeatureSelectorState> {
  static override readonly className = 'SequentialFeatureSelector';
  /** The fitted state's rules, checked when a saved model is loaded. */
  static override readonly stateSchema: StateSchema = { ...selectorStateSchema, nFeaturesToSelect: selectedCount() };
  static override readonly defaults: SequentialFeatureSelectorOptions = {
    estimator: requiredOption<BaseEstimator>(),
    nFeaturesToSelect: 'auto',
    tol: null,
    direction: 'forward',
    scoring: null,
    cv: 5,
  };
  static override readonly paramSchema = {
    estimator: estimatorSpec,
    nFeaturesToSelect: union(oneOf('auto'), int({ min: 1 }), num({ min: 0, max: 1, minInclusive: false, maxInclusive: false })),
    tol: nullable(num({ min: 0, minInclusive: false })),
    direction: oneOf('forward', 'backward'),
    scoring: singleScoringSpec,
    cv: { description: CV_DESCRIPTION, check: isCvInput } as ParamSpec,
  };

  /** @param options - `estimator` is required. */
  constructor(options?: Partial<SequentialFeatureSelectorOptions>) {
    super(options);
    if (!this.params.estimator) {
      throw new ValidationError({ code: 'invalid_option', estimator: 'SequentialFeatureSelector', param: 'estimator', expected: estimatorSpec.description, received: 'undefined' });
    }
  }

  /** NaN in X is accepted when the estimator accepts it; y is required when the estimator requires it. */
  instanceTags(): Partial<EstimatorTags> {
    return innerTags(this.params.estimator);
  }

  /** Selects the features greedily by cross-validated score. */
  fit(X: MatrixLike, y?: Target): this {
    const fn = this.className;
    const Xd = this.checkX(X, { reset: true });
    const n = Xd.cols;
    if (n < 2) {
      throw new ValidationError({ code: 'invalid_input', estimator: fn, param: 'X', expected: 'at least 2 features', received: `${n} feature` });
    }
    const { nFeaturesToSelect: k, tol, direction, cv, scoring, estimator } = this.params;
    let target: number;
    if (k === 'auto') target = tol !== null ? n - 1 : Math.floor(n / 2);
    else if (Number.isInteger(k)) {
      if (k >= n) {
        throw new ValidationError({ code: 'invalid_option', estimator: fn, param: 'nFeaturesToSelect', expected: `'auto', an integer in [1, ${n - 1}] (fewer than the ${n} features) or a fraction in (0, 1)`, received: String(k) });
      }
      target = k;
    } else target = Math.floor(n * k);
    // As scikit-learn 1.2: with 'auto' the loop runs `target` rounds in either direction.
    const rounds = k === 'auto' || direction === 'forward' ? target : n - target;
    const autoStop = k === 'auto' && tol !== null;
    const yy = checkInnerTarget(fn, estimator, y, Xd.rows) as ArrayLike<Label> | undefined;
    const mask = new Array<boolean>(n).fill(false);
    let oldScore = -Infinity;
    for (let r = 0; r < rounds; r++) {
      let bestFeature = -1;
      let bestScore = NaN;
      for (let j = 0; j < n; j++) {
        if (mask[j]) continue;
        const features: number[] = [];
        for (let c = 0; c < n; c++) if ((c === j || mask[c]) !== (direction === 'backward')) features.push(c);
        const scores = crossValScore(estimator, takeColumns(Xd, features), yy, { cv, scoring });
        let s = 0;
        for (const v of scores) s += v;
        const m = s / scores.length;
        // The first candidate, replaced only by a strictly better one (Python's max over the dict).
        if (bestFeature < 0 || m > bestScore) {
          bestFeature = j;
          bestScore = m;
        }
      }
      if (autoStop && bestScore - oldScore < (tol as number)) break;
      oldScore = bestScore;
      mask[bestFeature] = true;
    }
    const support = direction === 'backward' ? mask.map((b) => !b) : mask;
    this.state = { nFeaturesIn: n, support, nFeaturesToSelect: support.filter(Boolean).length };
    return this;
  }

  /** y as the inner estimator takes it: labels for a classifier, finite numbers (1-d or rows) otherwise. */
  private checkTarget(y: unknown, n: number): void {
    const opts = { estimator: this.className, length: n };
    if (getTags(this.params.estimator).estimatorType === 'classifier') {
      toLabels(y, opts);
      return;
    }
    const rows = Array.isArray(y) && y.length > 0 && y.every((r) => Array.isArray(r) || ArrayBuffer.isView(r));
    if (!rows) {
      toTarget(y, opts);
      return;
    }
    if ((y as unknown[]).length !== n) toTarget(y, opts);
    (y as unknown[]).forEach((r, i) => toTarget(r, { estimator: this.className, name: `y[${i}]` }));
  }

  /** The number of features selected. */
  get nFeaturesToSelect_(): number {
    return this.fitted('nFeaturesToSelect_').nFeaturesToSelect;
  }

  /** One boolean per input feature: true when selected. */
  get support_(): boolean[] {
    return this.fitted('support_').support.slice();
  }
}

registerEstimator(SequentialFeatureSelector);
