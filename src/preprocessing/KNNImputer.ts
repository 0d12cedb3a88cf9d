import type { Matrix } from 'ml-matrix';
import { BaseTransformer, oneToOneFeatureNames } from '../core/base';
import { bool, int, oneOf } from '../core/params';
import { loadModel, registerEstimator } from '../core/serialization';
import type { MatrixLike, Target } from '../core/types';
import { matrixFromFlat } from '../core/data/index';
import { MissingIndicator, indicatorState } from './MissingIndicator';
import { keptState, missingMask, missingValuesSpec, missingValuesState } from './missingMask';
import { nFeaturesIn, typedArray, float64Array, perFeature, refine, type StateSchema } from '../core/stateSchema';

/** Options of {@link KNNImputer}. */
export interface KNNImputerOptions {
  /** The value that marks a missing cell (`NaN`, or a number such as -1). @defaultValue NaN */
  missingValues: number;
  /** How many nearest fit rows (that have the feature) average into a missing value; an integer ≥ 1. @defaultValue 5 */
  nNeighbors: number;
  /**
   * `'uniform'`: the plain mean of the neighbours' values; `'distance'`: weights 1/distance, and
   * when some neighbours are at distance 0, the plain mean of those alone. @defaultValue 'uniform'
   */
  weights: 'uniform' | 'distance';
  /**
   * The distance between rows: only `'nan_euclidean'`, the Euclidean distance over the
   * coordinates present in both rows, scaled up by (number of features) / (number of those
   * coordinates). @defaultValue 'nan_euclidean'
   */
  metric: 'nan_euclidean';
  /** Append {@link MissingIndicator} columns (features with missing values at fit) after the imputed ones. @defaultValue false */
  addIndicator: boolean;
  /**
   * Keep features that are entirely missing at fit, output as 0, instead of dropping them from
   * the output. @defaultValue false
   */
  keepEmptyFeatures: boolean;
}

interface KNNImputerState {
  nFeaturesIn: number;
  /** The marker in force at fit time. */
  missingValues: number;
  /** Number of fit rows. */
  nFit: number;
  /** The fit rows, row-major (missing cells hold the marker; never read through the mask). */
  fitX: Float64Array;
  /** 1 where a fit cell is missing, row-major. */
  fitMask: Uint8Array;
  /** Per-feature mean of the present fit values (NaN for a feature entirely missing at fit). */
  means: Float64Array;
  /** Input features that appear in the output, ascending. */
  kept: number[];
  /** The fitted indicator when `addIndicator` was on at fit time. */
  indicator: MissingIndicator | null;
}

/**
 * Completes missing values with the mean value of the `nNeighbors` nearest rows seen at fit, as
 * scikit-learn's `KNNImputer` (1.2). For a missing cell in feature j, the candidate donors are the
 * fit rows where j is present, ranked by the `'nan_euclidean'` distance
 * `sqrt(nFeatures / nShared · Σ (x_i − y_i)²)` over the `nShared` coordinates present in both
 * rows. Donors with no shared coordinate have no distance and are not used; when no donor has a
 * distance, the feature's mean at fit fills the cell. Rows without missing values are left as they
 * are. Features entirely missing at fit are dropped from the output (or output as 0 with
 * `keepEmptyFeatures`); with `addIndicator`, 0/1 missing-value indicators are appended.
 *
 * Where typelearn departs from scikit-learn 1.2.1: among donors at exactly equal distance,
 * the earlier fit row wins (scikit-learn's `argpartition` leaves the choice undefined); with
 * `weights: 'uniform'`, when fewer than `nNeighbors` donors share a coordinate with the row,
 * typelearn averages those alone, where scikit-learn fills up with arbitrary donors at NaN distance;
 * distances are summed directly over the shared coordinates (scikit-learn expands
 * ‖x‖² − 2x·y + ‖y‖², whose rounding can turn a zero distance into a tiny positive one); and the
 * indicator columns are appended even when X has no missing value (scikit-learn 1.2.1 then leaves
 * them out); and with `keepEmptyFeatures`, `getFeatureNamesOut` names every output column
 * (scikit-learn 1.2.1 leaves the kept empty features out of its names). Only the `'nan_euclidean'` metric is offered, and `weights` takes no callable.
 *
 * Fitted attributes: `indicator_` (the fitted {@link MissingIndicator} or null), `nFeaturesIn_`.
 * @example
 * ```ts
 * import { KNNImputer } from 'typelearn';
 * const X = [[1, 2, NaN], [3, 4, 3], [NaN, 6, 5], [8, 8, 7]];
 * const imp = new KNNImputer({ nNeighbors: 2 });
 * console.log(imp.fitTransform(X).to2DArray());
 * // [ [ 1, 2, 4 ], [ 3, 4, 3 ], [ 5.5, 6, 5 ], [ 8, 8, 7 ] ]
 *
 * const withIndicator = new KNNImputer({ nNeighbors: 1, weights: 'distance', addIndicator: true }).fit(X);
 * console.log(withIndicator.transform([[NaN, 4, 3]]).to2DArray()); // [ [ 3, 4, 3, 1, 0 ] ]
 * console.log(withIndicator.getFeatureNamesOut());
 * // [ 'x0', 'x1', 'x2', 'missingindicator_x0', 'missingindicator_x2' ]
 * ```
 */
export class KNNImputer extends BaseTransformer<KNNImputerOptions, KNNImputerState> {
  static override readonly className = 'KNNImputer';
  /** The fitted state's rules, checked when a saved model is loaded. */
  static override readonly stateSchema: StateSchema = {
    nFeaturesIn: nFeaturesIn(),
    missingValues: missingValuesState,
    nFit: int({ min: 1 }),
    fitMask: typedArray('Uint8Array', { length: (c) => (c.state.nFit as number) * (c.state.nFeaturesIn as number), min: 0, max: 1 }),
    // Missing cells hold the marker (NaN by default); present cells are finite.
    fitX: refine(float64Array({ length: (c) => (c.state.nFit as number) * (c.state.nFeaturesIn as number), allowNaN: true, allowInfinity: true }), 'finite wherever fitMask is 0', (v: Float64Array, { state }) => {
      const mask = state.fitMask as Uint8Array;
      return v.every((x, k) => mask[k] === 1 || Number.isFinite(x));
    }),
    means: refine(perFeature({ allowNaN: true }), 'NaN exactly for a feature missing in every fit row', (v: Float64Array, { state }) => {
      const mask = state.fitMask as Uint8Array;
      const d = state.nFeaturesIn as number;
      return v.every((x, j) => {
        let present = false;
        for (let k = j; k < mask.length && !present; k += d) present = mask[k] === 0;
        return Number.isNaN(x) !== present;
      });
    }),
    kept: keptState('means'),
    indicator: indicatorState,
  };
  static override readonly defaults: KNNImputerOptions = {
    missingValues: NaN,
    nNeighbors: 5,
    weights: 'uniform',
    metric: 'nan_euclidean',
    addIndicator: false,
    keepEmptyFeatures: false,
  };
  static override readonly paramSchema = {
    missingValues: missingValuesSpec,
    nNeighbors: int({ min: 1 }),
    weights: oneOf('uniform', 'distance'),
    metric: oneOf('nan_euclidean'),
    addIndicator: bool(),
    keepEmptyFeatures: bool(),
  };
  static override readonly tags = { allowNaN: true, removesNaN: true };

  /** Stores the fit rows (the donors) and each feature's mean, replacing anything learnt before. */
  fit(X: MatrixLike, _y?: Target): this {
    const Xd = this.checkX(X, { reset: true });
    const { missingValues, addIndicator, keepEmptyFeatures } = this.params;
    const { data, rows, cols } = Xd;
    const { mask, counts } = missingMask(Xd, missingValues, this.className);
    const means = new Float64Array(cols);
    for (let i = 0; i < rows; i++) {
      const off = i * cols;
      for (let j = 0; j < cols; j++) if (mask[off + j] === 0) means[j] += data[off + j];
    }
    const kept: number[] = [];
    for (let j = 0; j < cols; j++) {
      const present = rows - counts[j];
      means[j] = present > 0 ? means[j] / present : NaN;
      if (keepEmptyFeatures || present > 0) kept.push(j);
    }
    const indicator = addIndicator ? new MissingIndicator({ missingValues, errorOnNew: false }).fit(matrixFromFlat(data.slice(), rows, cols)) : null;
    // toDense gave a fresh copy of X, so the state may own it.
    this.state = { nFeaturesIn: cols, missingValues, nFit: rows, fitX: data, fitMask: mask, means, kept, indicator };
    return this;
  }

  /**
   * Fills each missing value of X from its nearest fit rows, drops the features that were entirely
   * missing at fit (or zeroes them with `keepEmptyFeatures`) and appends the indicator columns when
   * `addIndicator`. Rows are processed one at a time with buffers reused across rows.
   */
  transform(X: MatrixLike): Matrix {
    const s = this.fitted('transform');
    const Xd = this.checkX(X);
    const { data, rows, cols: p } = Xd;
    const { mask } = missingMask(Xd, s.missingValues, this.className);
    const { fitX, fitMask, nFit, means, kept } = s;
    const k = this.params.nNeighbors;
    const byDistance = this.params.weights === 'distance';
    const flags = s.indicator ? s.indicator.features_ : [];
    const nk = kept.length;
    const width = nk + flags.length;
    const out = new Float64Array(rows * width);
    // Donors per feature, including those that will turn out to share no coordinate with a row.
    const nDonors = new Int32Array(p);
    for (let r = 0; r < nFit; r++) for (let j = 0; j < p; j++) if (fitMask[r * p + j] === 0) nDonors[j]++;
    const dist = new Float64Array(nFit);
    // At most nFit donors exist, whatever nNeighbors asks for (as scikit-learn takes min(k, donors)).
    const topD = new Float64Array(Math.min(k, nFit));
    const topI = new Int32Array(Math.min(k, nFit));
    for (let i = 0; i < rows; i++) {
      const src = i * p;
      const dst = i * width;
      let needs = false;
      for (let c = 0; c < nk; c++) {
        const j = kept[c];
        if (nDonors[j] === 0) out[dst + c] = 0; // kept empty feature
        else if (mask[src + j] === 0) out[dst + c] = data[src + j];
        else needs = true;
      }
      for (let c = 0; c < flags.length; c++) out[dst + nk + c] = mask[src + flags[c]];
      if (!needs) continue;
      // nan_euclidean distances from row i to every fit row.
      for (let r = 0; r < nFit; r++) {
        const off = r * p;
        let sum = 0;
        let shared = 0;
        for (let j = 0; j < p; j++) {
          if (mask[src + j] === 0 && fitMask[off + j] === 0) {
            const d = data[src + j] - fitX[off + j];
            sum += d * d;
            shared++;
          }
        }
        dist[r] = shared === 0 ? NaN : Math.sqrt((sum / shared) * p);
      }
      for (let c = 0; c < nk; c++) {
        const j = kept[c];
        if (nDonors[j] === 0 || mask[src + j] === 0) continue;
        const kEff = Math.min(k, nDonors[j]);
        // The kEff nearest donors with a distance, nearest first; ties keep the earlier row.
        let m = 0;
        for (let r = 0; r < nFit; r++) {
          const d = dist[r];
          if (d !== d || fitMask[r * p + j] !== 0) continue;
          if (m === kEff && !(d < topD[m - 1])) continue;
          let at = m < kEff ? m++ : m - 1;
          while (at > 0 && d < topD[at - 1]) {
            topD[at] = topD[at - 1];
            topI[at] = topI[at - 1];
            at--;
          }
          topD[at] = d;
          topI[at] = r;
        }
        out[dst + c] = m === 0 ? means[j] : average(topD, topI, m, fitX, p, j, byDistance);
      }
    }
    return matrixFromFlat(out, rows, width);
  }

  /** Output feature names: the kept input names, then `missingindicator_<name>` for each indicator column. */
  getFeatureNamesOut(inputFeatures?: string[]): string[] {
    const s = this.fitted('getFeatureNamesOut');
    const names = oneToOneFeatureNames(s.nFeaturesIn, inputFeatures, undefined, this.className);
    const out = s.kept.map((j) => names[j]);
    return s.indicator ? out.concat(s.indicator.getFeatureNamesOut(names)) : out;
  }

  /** A copy of the fitted {@link MissingIndicator} that makes the indicator columns, or null without `addIndicator`. */
  get indicator_(): MissingIndicator | null {
    const ind = this.fitted('indicator_').indicator;
    return ind ? (loadModel(ind.toJSON()) as MissingIndicator) : null;
  }
}

registerEstimator(KNNImputer);

/**
 * The imputed value from the m nearest donors (distances `topD`, fit rows `topI`) of feature j:
 * their mean, or with distance weights Σ v/d / Σ 1/d — and when some donors are at distance 0,
 * the mean of those donors alone (scikit-learn's `_get_weights`).
 */
function average(topD: Float64Array, topI: Int32Array, m: number, fitX: Float64Array, p: number, j: number, byDistance: boolean): number {
  if (!byDistance || topD[0] === 0) {
    let sum = 0;
    let count = 0;
    for (let t = 0; t < m && (!byDistance || topD[t] === 0); t++) {
      sum += fitX[topI[t] * p + j];
      count++;
    }
    return sum / count;
  }
  let num = 0;
  let den = 0;
  for (let t = 0; t < m; t++) {
    const w = 1 / topD[t];
    num += w * fitX[topI[t] * p + j];
    den += w;
  }
  return num / den;
}
