import { IRIS } from './data/iris';
import { lazyTable, unpackTable } from './_packed';
import type { ClassificationDataset } from './types';

const decode = /* @__PURE__ */ lazyTable(IRIS);

/**
 * Loads the iris plants data set: 150 irises of three species (50 each), 4 measurements in
 * centimetres. R. A. Fisher (1936), UCI Machine Learning Repository.
 * The same values as scikit-learn's `load_iris()`, bit for bit; the data ship inside the package and
 * are decoded on the first call. Every call returns fresh arrays.
 * @example
 * ```ts
 * import { loadIris } from 'typelearn';
 * const { data, target, featureNames, targetNames } = loadIris();
 * console.log(data.length, data[0]); // 150 [ 5.1, 3.5, 1.4, 0.2 ]
 * console.log(featureNames[0], targetNames[target[0]]); // sepal length (cm) setosa
 * ```
 */
export function loadIris(): ClassificationDataset {
  return { ...unpackTable(IRIS, decode()), targetNames: (IRIS.targetNames ?? []).slice() };
}
