import { num, oneOf } from '../core/params';
import { checkSize } from '../core/sizes';
import { registerEstimator } from '../core/serialization';
import type { MatrixLike, Target } from '../core/types';
import { BaseSelector, selectorStateSchema, type SelectorState } from './BaseSelector';
import { correlationMatrix, type CorrelationMethod } from './_correlation';
import { float64Array, listOf, stateRule, refine, type StateSchema } from '../core/stateSchema';

/** Options of {@link CorrelationThreshold}. */
export interface CorrelationThresholdOptions {
  /** The correlation: `'pearson'` (linear), `'spearman'` (ranks) or `'kendall'` (tau-b). @defaultValue 'pearson' */
  method: CorrelationMethod;
  /** Pairs whose |r| exceeds this, in [0, 1], are redundant. @defaultValue 0.9 */
  threshold: number;
}

/** One dropped feature: its index, the kept feature that made it redundant, and their correlation. */
export interface DroppedFeature {
  /** The index of the dropped feature. */
  feature: number;
  /** The index of the kept feature it correlated with. */
  keptFeature: number;
  /** Their correlation coefficient (Pearson or Spearman, as the `method` option says). */
  r: number;
}

function isDropped(v: unknown): boolean {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const d = v as Record<string, unknown>;
  return Object.keys(d).length === 3 && Number.isInteger(d.feature) && Number.isInteger(d.keptFeature) && typeof d.r === 'number' && Math.abs(d.r) <= 1;
}

interface CorrelationThresholdState extends SelectorState {
  correlation: Float64Array;
  dropped: DroppedFeature[];
}

/**
 * Drops redundant features: of each pair whose absolute correlation exceeds `threshold`, the later
 * one. typelearn's own (scikit-learn has no such selector). Unsupervised; y is ignored.
 *
 * The rule, so that results are predictable: walk the features in column order; a feature not yet
 * dropped is kept, and every later feature whose |r| with it exceeds the threshold is dropped.
 * Correlations are computed as pandas' `DataFrame.corr(method)`: pairwise-complete observations
 * when values are missing (NaN), average ranks for Spearman's ties, Kendall's tau-b. A feature
 * constant over the rows compared has NaN correlation and is never dropped for it.
 *
 * Fitted attributes: `correlation_` (the d × d matrix), `dropped_` (`{ feature, keptFeature, r }`
 * for each dropped feature, in column order), `nFeaturesIn_`; `getSupport()`.
 * @example
 * ```ts
 * import { CorrelationThreshold } from 'typelearn';
 * const X = [[1, 2, 5, 0], [2, 4.1, 3, 1], [3, 6, 4, 0], [4, 8.2, 1, 1]];
 * const sel = new CorrelationThreshold({ threshold: 0.95 }).fit(X);
 * console.log(sel.getSupport()); // [ true, false, true, true ]
 * console.log(sel.dropped_[0].feature, sel.dropped_[0].keptFeature); // 1 0
 * ```
 */
export class CorrelationThreshold extends BaseSelector<CorrelationThresholdOptions, CorrelationThresholdState> {
  static override readonly className = 'CorrelationThreshold';
  /** The fitted state's rules, checked when a saved model is loaded. */
  static override readonly stateSchema: StateSchema = {
    ...selectorStateSchema,
    // NaN where a correlation is undefined (a constant feature).
    correlation: float64Array({ length: (c) => (c.state.nFeaturesIn as number) ** 2, allowNaN: true }),
    dropped: {
      ...refine(
        listOf(stateRule('{ feature, keptFeature, r }', isDropped)),
        'listing, in feature order, exactly the features support leaves out',
        (v: DroppedFeature[], { state }) => {
          const support = state.support as boolean[];
          const out = support.flatMap((kept, j) => (kept ? [] : [j]));
          return v.length === out.length && v.every((d, i) => d.feature === out[i] && d.keptFeature < support.length && support[d.keptFeature]);
        },
      ),
      anyLength: false,
    },
  };
  static override readonly defaults: CorrelationThresholdOptions = { method: 'pearson', threshold: 0.9 };
  static override readonly paramSchema = { method: oneOf('pearson', 'spearman', 'kendall'), threshold: num({ min: 0, max: 1 }) };
  static override readonly tags = { allowNaN: true };

  /** Computes the correlation matrix and drops the later feature of each strongly correlated pair. */
  fit(X: MatrixLike, _y?: Target): this {
    const Xd = this.checkX(X, { reset: true });
    const d = Xd.cols;
    const { threshold, method } = this.params;
    checkSize(Xd.cols * Xd.cols, { estimator: this.className, param: 'X', input: true, what: `correlation matrix entries (${Xd.cols} features × ${Xd.cols} features)` });
    const R = correlationMatrix(Xd, method);
    const support = new Array<boolean>(d).fill(true);
    const dropped: DroppedFeature[] = [];
    for (let a = 0; a < d; a++) {
      if (!support[a]) continue;
      for (let b = a + 1; b < d; b++) {
        const r = R[a * d + b];
        if (support[b] && Math.abs(r) > threshold) {
          support[b] = false;
          dropped.push({ feature: b, keptFeature: a, r });
        }
      }
    }
    dropped.sort((p, q) => p.feature - q.feature);
    this.state = { nFeaturesIn: d, support, correlation: R, dropped };
    return this;
  }

  /** The d × d correlation matrix (NaN where undefined). */
  get correlation_(): number[][] {
    const { correlation, nFeaturesIn: d } = this.fitted('correlation_');
    return Array.from({ length: d }, (_, a) => Array.from(correlation.subarray(a * d, (a + 1) * d)));
  }

  /** The dropped features, each with the kept feature that dropped it and their r, in column order. */
  get dropped_(): DroppedFeature[] {
    return this.fitted('dropped_').dropped.map((x) => ({ ...x }));
  }
}

registerEstimator(CorrelationThreshold);
