import { DIGITS } from './data/digits';
import { int } from '../core/params';
import { lazyTable, unpackTable } from './_packed';
import { readOptions } from '../core/readOptions';
import type { ClassificationDataset } from './types';

const decode = /* @__PURE__ */ lazyTable(DIGITS);

/** Options of {@link loadDigits}. */
export interface LoadDigitsOptions {
  /** Keep only the digits 0 .. nClass − 1 (an integer in [1, 10]). @defaultValue 10 */
  nClass: number;
}

/**
 * Loads the optical recognition of handwritten digits data set: 1797 images of 8 × 8 pixels, each
 * pixel an integer in 0..16, flattened row by row into 64 features (`pixel_0_0` … `pixel_7_7`);
 * classes 0..9. UCI Machine Learning Repository. The same values as scikit-learn's
 * `load_digits()`, and `nClass` keeps the first classes as its `n_class` does. The images ship
 * packed inside the package and are decoded on the first call. Every call returns fresh arrays.
 * @example
 * ```ts
 * import { loadDigits } from 'typelearn';
 * const { data, target } = loadDigits();
 * console.log(data.length, data[0].length, target.slice(0, 5)); // 1797 64 [ 0, 1, 2, 3, 4 ]
 * console.log(loadDigits({ nClass: 2 }).data.length); // 360
 * ```
 */
export function loadDigits(options?: Partial<LoadDigitsOptions>): ClassificationDataset {
  const { nClass } = readOptions<LoadDigitsOptions>('loadDigits', options, { nClass: 10 }, { nClass: int({ min: 1, max: 10 }) });
  const all = unpackTable(DIGITS, decode());
  const targetNames = (DIGITS.targetNames ?? []).slice(0, nClass);
  if (nClass === 10) return { ...all, targetNames };
  const data: number[][] = [];
  const target: number[] = [];
  for (let i = 0; i < all.target.length; i++) {
    if (all.target[i] < nClass) {
      data.push(all.data[i]);
      target.push(all.target[i]);
    }
  }
  return { data, target, featureNames: all.featureNames, targetNames };
}
