export { StandardScaler } from './StandardScaler';
export type { StandardScalerOptions } from './StandardScaler';
export { SimpleImputer } from './SimpleImputer';
export type { SimpleImputerOptions, ImputeStrategy } from './SimpleImputer';
export { MissingIndicator } from './MissingIndicator';
export type { MissingIndicatorOptions } from './MissingIndicator';
