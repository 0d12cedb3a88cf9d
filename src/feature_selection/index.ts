/** Feature selection: filters, univariate selectors, and model-based and wrapper selectors. */
export { RFE, type RFEOptions } from './RFE';
export { RFECV, type RFECVOptions, type RFECVResults } from './RFECV';
export { SelectFromModel, type SelectFromModelOptions, type SelectFromModelThreshold } from './SelectFromModel';
export { SequentialFeatureSelector, type SequentialFeatureSelectorOptions } from './SequentialFeatureSelector';
export type { ImportanceGetter, ImportanceFunction } from './_importance';
