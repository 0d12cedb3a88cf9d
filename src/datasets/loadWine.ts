import { WINE } from './data/wine';
import { lazyTable, unpackTable } from './_packed';
import type { ClassificationDataset } from './types';

const decode = /* @__PURE__ */ lazyTable(WINE);

/**
 * Loads the wine recognition data set: 178 wines from three cultivars, 13 chemical measurements. UCI
 * Wine recognition data (Forina et al.).
 * The same values as scikit-learn's `load_wine()`, bit for bit; the data ship inside the package and
 * are decoded on the first call. Every call returns fresh arrays.
 * @example
 * ```ts
 * import { loadWine } from 'typelearn';
 * const { data, target, featureNames, targetNames } = loadWine();
 * console.log(data.length, data[0].length); // 178 13
 * console.log(featureNames[0], data[0][0], targetNames[target[0]]); // alcohol 14.23 class_0
 * ```
 */
export function loadWine(): ClassificationDataset {
  return { ...unpackTable(WINE, decode()), targetNames: (WINE.targetNames ?? []).slice() };
}
