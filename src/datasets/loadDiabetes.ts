import { DIABETES } from './data/diabetes';
import { bool } from '../core/params';
import { lazyTable, unpackTable } from './_packed';
import { readOptions } from '../core/readOptions';
import type { RegressionDataset } from './types';

const decode = /* @__PURE__ */ lazyTable(DIABETES);

/** Options of {@link loadDiabetes}. */
export interface LoadDiabetesOptions {
  /**
   * Centre each feature and scale it to unit Euclidean norm (standardize, then divide by
   * √nSamples), as scikit-learn's default does. `false` gives the raw measurements, scikit-learn's
   * `load_diabetes(scaled=False)`. The target is never scaled.
   * @defaultValue true
   */
  scaled: boolean;
}

/**
 * Loads the diabetes data set: 442 patients, 10 baseline variables (age, sex, body mass index,
 * average blood pressure and six blood serum measurements `s1` … `s6`), and as target a
 * quantitative measure of disease progression one year after baseline. Efron, Hastie, Johnstone and
 * Tibshirani (2004), "Least Angle Regression".
 *
 * Like scikit-learn's `load_diabetes()`, the features are scaled by default (`scaled: true`);
 * `loadDiabetes({ scaled: false })` returns the raw, unscaled values, exactly those of
 * scikit-learn's `load_diabetes(scaled=False)`. The data ship inside the package and are decoded on
 * the first call. Every call returns fresh arrays.
 * @example
 * ```ts
 * import { loadDiabetes } from 'typelearn';
 * const raw = loadDiabetes({ scaled: false });
 * console.log(raw.data[0].slice(0, 4), raw.data[0][8], raw.target[0]); // [ 59, 2, 32.1, 101 ] 4.8598 151
 * const { data, featureNames } = loadDiabetes();
 * console.log(featureNames[2], data[0][2].toFixed(6)); // bmi 0.061696
 * ```
 */
export function loadDiabetes(options?: Partial<LoadDiabetesOptions>): RegressionDataset {
  const { scaled } = readOptions<LoadDiabetesOptions>('loadDiabetes', options, { scaled: true }, { scaled: bool() });
  const out = unpackTable(DIABETES, decode());
  if (scaled) scaleColumns(out.data);
  return out;
}

/**
 * scikit-learn's `scale` followed by division by √n, in place on rows the caller owns: centre each
 * column (and re-centre once, as `scale` does, which removes the rounding left by the first pass),
 * divide by the population standard deviation, then by √n.
 */
function scaleColumns(rows: number[][]): void {
  const n = rows.length;
  const d = rows[0].length;
  const rootN = Math.sqrt(n);
  for (let j = 0; j < d; j++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += rows[i][j];
    mean /= n;
    let ss = 0;
    for (let i = 0; i < n; i++) {
      const t = rows[i][j] - mean;
      ss += t * t;
    }
    const std = Math.sqrt(ss / n);
    let residual = 0;
    for (let i = 0; i < n; i++) {
      rows[i][j] -= mean;
      residual += rows[i][j];
    }
    residual /= n;
    const s = std === 0 ? 1 : std;
    for (let i = 0; i < n; i++) rows[i][j] = (rows[i][j] - residual) / s / rootN;
  }
}
