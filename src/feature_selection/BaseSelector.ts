import type { Matrix } from 'ml-matrix';
import { BaseTransformer, oneToOneFeatureNames } from '../core/base';
import type { FeatureSelector, MatrixLike } from '../core/types';
import { matrixFromFlat } from '../core/data/index';
import { booleanMask, int, nFeaturesIn, refine, type StateSpec } from '../core/stateSchema';

/** The state every selector keeps: the input width and which features survive. */
export interface SelectorState {
  /** The number of features seen in fit. */
  nFeaturesIn: number;
  /** One entry per input feature: true when kept. */
  support: boolean[];
}

/** The state rules every selector shares: spread into a selector's `stateSchema`. */
export const selectorStateSchema = { nFeaturesIn: nFeaturesIn(), support: booleanMask() } as const;

/** State rule of a count of selected features: the number of true entries of `support`. */
export const selectedCount = (): StateSpec =>
  refine(int({ min: 0 }), 'the number of true entries of support', (v: number, { state }) => v === (state.support as boolean[]).filter(Boolean).length);

/**
 * Base of feature selectors (scikit-learn's SelectorMixin): a subclass's `fit` computes `support`
 * into its state; this class gives `getSupport`, `transform` (the kept columns, in order),
 * `inverseTransform` (zeros in dropped columns) and `getFeatureNamesOut`.
 * @example
 * ```ts
 * import { BaseSelector, checkArray, type MatrixLike } from 'typelearn';
 *
 * // Keeps the features whose first value is positive; the base gives transform, getSupport & co.
 * class FirstRowPositive extends BaseSelector {
 *   static override readonly className = 'FirstRowPositive';
 *   static override readonly defaults = {};
 *   fit(X: MatrixLike): this {
 *     const first = checkArray(X, { estimator: this.className }).getRow(0);
 *     this.state = { nFeaturesIn: first.length, support: first.map((v) => v > 0) };
 *     return this;
 *   }
 * }
 *
 * const sel = new FirstRowPositive().fit([[1, -1, 2], [3, 4, 5]]);
 * console.log(sel.getSupport(), sel.transform([[7, 8, 9]]).to2DArray()); // [ true, false, true ] [ [ 7, 9 ] ]
 * ```
 */
export abstract class BaseSelector<P extends object = object, S extends SelectorState = SelectorState>
  extends BaseTransformer<P, S>
  implements FeatureSelector
{
  static override readonly className: string = 'BaseSelector';

  /** One boolean per input feature (true when kept), or with `indices` the kept features' indices. */
  getSupport(): boolean[];
  getSupport(indices: false): boolean[];
  getSupport(indices: true): number[];
  getSupport(indices = false): boolean[] | number[] {
    const { support } = this.fitted('getSupport');
    if (!indices) return support.slice();
    const out: number[] = [];
    support.forEach((k, j) => {
      if (k) out.push(j);
    });
    return out;
  }

  /** Keeps the selected columns of X, in their order. */
  transform(X: MatrixLike): Matrix {
    const s = this.fitted('transform');
    const Xd = this.checkX(X, { copy: false });
    const kept = this.getSupport(true);
    const k = kept.length;
    const out = new Float64Array(Xd.rows * k);
    for (let i = 0; i < Xd.rows; i++) {
      const src = i * s.nFeaturesIn;
      const dst = i * k;
      for (let c = 0; c < k; c++) out[dst + c] = Xd.data[src + kept[c]];
    }
    return matrixFromFlat(out, Xd.rows, k);
  }

  /** Puts selected columns back in place, with zeros in the dropped ones. */
  inverseTransform(X: MatrixLike): Matrix {
    const s = this.fitted('inverseTransform');
    const kept = this.getSupport(true);
    const Xd = this.checkX(X, { reset: true, nFeatures: kept.length });
    const d = s.nFeaturesIn;
    const out = new Float64Array(Xd.rows * d);
    for (let i = 0; i < Xd.rows; i++) {
      for (let c = 0; c < kept.length; c++) out[i * d + kept[c]] = Xd.data[i * kept.length + c];
    }
    return matrixFromFlat(out, Xd.rows, d);
  }

  /** The names of the kept features (input names, else `x0, x1, …`). */
  getFeatureNamesOut(inputFeatures?: string[]): string[] {
    const s = this.fitted('getFeatureNamesOut');
    const names = oneToOneFeatureNames(s.nFeaturesIn, inputFeatures, undefined, this.className);
    return names.filter((_, j) => s.support[j]);
  }
}
