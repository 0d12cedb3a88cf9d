import { BREAST_CANCER } from './data/breastCancer';
import { lazyTable, unpackTable } from './_packed';
import type { ClassificationDataset } from './types';

const decode = /* @__PURE__ */ lazyTable(BREAST_CANCER);

/**
 * Loads the breast cancer Wisconsin (diagnostic) data set: 569 tumours, 30 features computed from
 * images of cell nuclei, classes malignant (0) and benign (1). UCI; Wolberg, Street and Mangasarian.
 * The same values as scikit-learn's `load_breast_cancer()`, bit for bit; the data ship inside the package and
 * are decoded on the first call. Every call returns fresh arrays.
 * @example
 * ```ts
 * import { loadBreastCancer } from 'typelearn';
 * const { data, target, featureNames, targetNames } = loadBreastCancer();
 * console.log(data.length, data[0].length); // 569 30
 * console.log(featureNames[0], data[0][0], targetNames); // mean radius 17.99 [ 'malignant', 'benign' ]
 * console.log(target.filter((t) => t === 1).length); // 357
 * ```
 */
export function loadBreastCancer(): ClassificationDataset {
  return { ...unpackTable(BREAST_CANCER, decode()), targetNames: (BREAST_CANCER.targetNames ?? []).slice() };
}
